package com.clientservices.desk.mail;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
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

    private MailReading() {}

    static ReceivedMail read(Message message) throws MessagingException, IOException {
        var from = sender(message);
        var subject = message.getSubject();
        var size = Math.max(message.getSize(), 0);
        var messageId = header(message, "Message-ID");
        var key = messageId != null && !messageId.isBlank()
                ? messageId.strip()
                : "sha256:" + hash(from + "\n" + message.getSentDate() + "\n" + subject);
        var automatic = automatic(message);
        var fromDesk = messageId != null && messageId.strip().endsWith(DESK_DOMAIN);
        if (size > SIZE_MAX) {
            return new ReceivedMail(key, from, subject, size, automatic, fromDesk, "", List.of());
        }
        // A copy read in full once: the parts are then walked without further round trips to the server.
        var copy = new MimeMessage((MimeMessage) message);
        var body = new Body();
        walk(copy, body);
        var text = body.plain != null ? body.plain : body.html != null ? HtmlText.of(body.html) : "";
        return new ReceivedMail(key, from, subject, size, automatic, fromDesk, text, List.copyOf(body.files));
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
    }

    private static void walk(Part part, Body body) throws MessagingException, IOException {
        var fileName = fileName(part);
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (var i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, body);
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
        try {
            return MimeUtility.decodeText(name);
        } catch (IOException e) {
            return name;
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        var content = part.getContent();
        if (content instanceof String string) {
            return string;
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String hash(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
