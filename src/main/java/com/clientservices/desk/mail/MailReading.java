package com.clientservices.desk.mail;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** Reads a message from the mailbox into what the desk decides on (docs/specification.md §12). */
final class MailReading {

    /** The largest message the desk takes (docs/specification.md §12); a larger one is refused unread. */
    static final long SIZE_MAX = 10L * 1024 * 1024;

    /** The domain of every Message-ID the desk's own mail carries (notification.SmtpChannel). */
    static final String DESK_DOMAIN = "@client-services-desk>";

    /**
     * The deepest multipart nesting the desk reads (docs/specification.md §12): mail programs nest a few levels; a
     * message nested deeper is refused rather than walked, so no message can exhaust the stack.
     */
    static final int DEPTH_MAX = 10;

    private static final String INVISIBLE = "[\\p{Cc}\\p{Cf}]+";

    private MailReading() {}

    static ReceivedMail read(Message message) throws MessagingException, IOException {
        var size = Math.max(message.getSize(), 0);
        // A message the desk will take is fetched in full once, and everything is read from that copy: one round
        // trip to the mail server instead of one per header, envelope and part. An oversized one is refused from
        // its headers alone, unfetched. A failure to fetch is not the sender's mistake: it propagates, so the
        // poller retries it (MailboxPoller.ATTEMPTS_MAX).
        var read = size > SIZE_MAX ? message : new MimeMessage((MimeMessage) message);
        var forged = forged(read);
        var from = forged == null ? sender(read) : null;
        var subject = read.getSubject();
        var messageId = header(read, "Message-ID");
        var key = messageId != null && !messageId.isBlank()
                ? messageId.strip()
                : "sha256:" + hash(from + "\n" + read.getSentDate() + "\n" + subject);
        var automatic = automatic(read);
        var fromDesk = messageId != null && messageId.strip().endsWith(DESK_DOMAIN);
        if (size > SIZE_MAX) {
            return new ReceivedMail(key, from, subject, size, automatic, fromDesk, "", List.of(), forged);
        }
        var copy = (MimeMessage) read;
        var body = new Body();
        try {
            walk(copy, body, 0);
        } catch (IOException | MessagingException | RuntimeException e) {
            // Broken MIME is the sender's mistake, not a passing fault: refused at once with the reason (§12).
            var problem = forged != null
                    ? forged
                    : new ReceivedMail.Problem("MALFORMED", "The message cannot be read as MIME: " + e.getMessage());
            return new ReceivedMail(key, from, subject, size, automatic, fromDesk, "", List.of(), problem);
        }
        var problem = forged != null
                ? forged
                : body.tooDeep
                        ? new ReceivedMail.Problem(
                                "TOO_DEEP", "The message nests its parts more than " + DEPTH_MAX + " levels deep")
                        : null;
        var text = body.plain != null ? body.plain : body.html != null ? HtmlText.of(body.html) : "";
        return new ReceivedMail(key, from, subject, size, automatic, fromDesk, text, List.copyOf(body.files), problem);
    }

    /**
     * What the desk can still tell of a message it failed to read, to refuse it: whatever headers still parse, and
     * its Message-ID (or a hash of its number and headers) as its key.
     */
    static ReceivedMail unreadable(Message message) {
        String from = null;
        String subject = null;
        String messageId = null;
        long size = 0;
        try {
            from = sender(message);
        } catch (MessagingException | RuntimeException e) {
            // Unreadable as well: refused without it.
        }
        try {
            subject = message.getSubject();
        } catch (MessagingException | RuntimeException e) {
            // Unreadable as well: refused without it.
        }
        try {
            messageId = header(message, "Message-ID");
            size = Math.max(message.getSize(), 0);
        } catch (MessagingException | RuntimeException e) {
            // Unreadable as well: refused without it.
        }
        var key = messageId != null && !messageId.isBlank()
                ? messageId.strip()
                : "sha256:" + hash("unreadable\n" + from + "\n" + subject + "\n" + message.getMessageNumber());
        return new ReceivedMail(key, from, subject, size, null, false, "", List.of(), null);
    }

    /**
     * A sender the desk can trust only as far as the mail is unambiguous (docs/specification.md §12): exactly one
     * From header with one address, and a Sender, when there is one, naming the same address. Display names are
     * never read. Anything else could let one member's contact be forged by whoever writes the headers.
     */
    private static ReceivedMail.Problem forged(Message message) throws MessagingException {
        var fromHeaders = message.getHeader("From");
        if (fromHeaders == null || fromHeaders.length == 0) {
            return null;
        }
        if (fromHeaders.length > 1) {
            return new ReceivedMail.Problem("FORGED_SENDER", "The message has several From headers");
        }
        Address[] from;
        try {
            from = message.getFrom();
        } catch (MessagingException e) {
            return null;
        }
        if (from != null && from.length > 1) {
            return new ReceivedMail.Problem("FORGED_SENDER", "The message names several senders in From");
        }
        if (from != null && from.length == 1 && from[0] instanceof InternetAddress address && address.isGroup()) {
            return new ReceivedMail.Problem("FORGED_SENDER", "The message names a group as its sender");
        }
        var senderHeader = header(message, "Sender");
        if (senderHeader != null && from != null && from.length == 1) {
            try {
                var sender = new InternetAddress(senderHeader.strip(), false);
                if (!(from[0] instanceof InternetAddress address)
                        || address.getAddress() == null
                        || sender.getAddress() == null
                        || !sender.getAddress()
                                .strip()
                                .equalsIgnoreCase(address.getAddress().strip())) {
                    return new ReceivedMail.Problem(
                            "FORGED_SENDER", "The Sender header names another address than From");
                }
            } catch (AddressException e) {
                return new ReceivedMail.Problem("FORGED_SENDER", "The Sender header is not an address");
            }
        }
        return null;
    }

    private static String sender(Message message) throws MessagingException {
        Address[] from;
        try {
            from = message.getFrom();
        } catch (MessagingException e) {
            return null;
        }
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)) {
            return null;
        }
        return address.getAddress() == null
                ? null
                : address.getAddress().strip().toLowerCase(Locale.ROOT);
    }

    // The marks of a message no person wrote (RFC 3834 and the usual list and responder headers).
    private static String automatic(Message message) throws MessagingException {
        var autoSubmitted = header(message, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.strip().equalsIgnoreCase("no")) {
            return "Auto-Submitted: " + autoSubmitted.strip();
        }
        var precedence = header(message, "Precedence");
        if (precedence != null
                && List.of("bulk", "list", "junk").contains(precedence.strip().toLowerCase(Locale.ROOT))) {
            return "Precedence: " + precedence.strip();
        }
        for (var name : List.of("X-Autoreply", "X-Autorespond", "List-Id")) {
            if (header(message, name) != null) {
                return name;
            }
        }
        return null;
    }

    private static String header(Part part, String name) throws MessagingException {
        var values = part.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static final class Body {
        String plain;
        String html;
        final List<ReceivedMail.File> files = new ArrayList<>();
        boolean tooDeep;
    }

    private static void walk(Part part, Body body, int depth) throws MessagingException, IOException {
        var fileName = fileName(part);
        if (part.isMimeType("multipart/*")) {
            if (depth >= DEPTH_MAX) {
                body.tooDeep = true;
                return;
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (var i = 0; i < multipart.getCount() && !body.tooDeep; i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    walk(child, body, depth + 1);
                }
            }
        } else if (fileName != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            try (InputStream in = part.getInputStream()) {
                body.files.add(new ReceivedMail.File(fileName == null ? "attachment" : fileName, in.readAllBytes()));
            }
        } else if (part.isMimeType("text/plain") && body.plain == null) {
            body.plain = text(part);
        } else if (part.isMimeType("text/html") && body.html == null) {
            body.html = text(part);
        } else if (part.isMimeType("message/rfc822")) {
            try (InputStream in = part.getInputStream()) {
                body.files.add(new ReceivedMail.File("message.eml", in.readAllBytes()));
            }
        }
    }

    private static String fileName(Part part) throws MessagingException {
        var name = part.getFileName();
        if (name == null) {
            return null;
        }
        String decoded;
        try {
            decoded = MimeUtility.decodeText(name);
        } catch (IOException e) {
            decoded = name;
        }
        return plainFileName(decoded);
    }

    /**
     * A sender's file name as the desk stores it (docs/specification.md §8): without control or text-direction
     * characters and without any folders, so neither a reversed extension nor a path reaches a person or a disk.
     */
    static String plainFileName(String name) {
        var visible = name.replaceAll(INVISIBLE, "").strip();
        var cut = Math.max(visible.lastIndexOf('/'), visible.lastIndexOf('\\'));
        var plain = visible.substring(cut + 1).strip();
        return plain.isEmpty() ? "attachment" : plain;
    }

    private static String text(Part part) throws MessagingException, IOException {
        Object content;
        try {
            content = part.getContent();
        } catch (UnsupportedEncodingException e) {
            // An unknown or unsupported charset: read as UTF-8 rather than lose the customer's words (§12).
            content = null;
        }
        if (content instanceof String string) {
            return string;
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String hash(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
