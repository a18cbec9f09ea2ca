package com.clientservices.desk.notification;

import com.clientservices.desk.DeskProperties;
import com.clientservices.desk.engine.Causes;
import com.clientservices.desk.ticket.TicketKey;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * E-mail through SMTP (Spring Mail). A message is {@code multipart/alternative}: the plain text,
 * then the HTML part (the last part is the one a mail program prefers to show); a message queued
 * before HTML parts existed leaves as plain text. The subject is set as one encoded header, and
 * the HTML part escapes what people typed (see {@link MessageTemplates}).
 *
 * <p>Each message carries its own Message-ID, {@code <notification-42.1764600000000@client-services-desk>}
 * (the message's number and the millisecond it was queued), so a mail system recognises the same message should
 * it ever arrive twice, and never takes another desk's message 42, or this desk's after a database restore, for
 * one it already has (Gmail drops a message whose Message-ID it has seen). Every message of a ticket
 * also names the ticket's thread, {@code <ticket-CS-12@client-services-desk>}, in both
 * {@code In-Reply-To} and {@code References}, as if it answered one first message of the ticket
 * that is never itself sent. Mail programs that thread by references (Thunderbird, Apple Mail,
 * Outlook on the web, mutt) gather every message with that shared parent into one conversation
 * per ticket, whichever message arrived first; since the parent never exists, no message hangs
 * below another, and a message delivered again cannot break the thread. Gmail also asks for the
 * same subject before it joins messages, so there the ticket's messages of one kind form a thread.
 * The subject's {@code [CS-12]} lets the desk take a customer's reply back to its ticket
 * (docs/specification.md §12).
 */
@Component
@ConditionalOnProperty(name = "desk.notifications.channel", havingValue = "smtp")
class SmtpChannel implements NotificationChannel {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpChannel.class);
    private static final String DOMAIN = "@client-services-desk>";

    private final JavaMailSender mail;
    private final String from;

    SmtpChannel(JavaMailSender mail, DeskProperties properties) {
        var from = properties.notifications().from();
        if (from == null || from.isBlank()) {
            throw new IllegalStateException("desk.notifications.from must name the sender of the desk's e-mail");
        }
        this.mail = mail;
        this.from = from;
    }

    @Override
    public String name() {
        return "SMTP";
    }

    /** The Message-ID of one message: the same for every try to send it, and for no other message. */
    static String messageId(long notificationId, OffsetDateTime queuedAt) {
        return "<notification-" + notificationId + "." + queuedAt.toInstant().toEpochMilli() + DOMAIN;
    }

    /** The id every message of the ticket answers, so that they form one thread. */
    static String threadId(long ticketId) {
        return "<ticket-" + TicketKey.of(ticketId) + DOMAIN;
    }

    /**
     * What the server did not take when it took the message for at least one address; null when it took it for
     * none (or the failure was another), so the whole message is tried again.
     */
    private static Delivered partly(String messageId, MailSendException failure) {
        // Spring keeps what each message failed with apart; JavaMail chains its exceptions as causes.
        return Arrays.stream(failure.getMessageExceptions())
                .flatMap(each -> Causes.first(each, SendFailedException.class).stream())
                .filter(partial ->
                        partial.getValidSentAddresses() != null && partial.getValidSentAddresses().length > 0)
                .map(partial -> new Delivered(
                        messageId,
                        addresses(partial.getInvalidAddresses()),
                        addresses(partial.getValidUnsentAddresses())))
                .findFirst()
                .orElse(null);
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null
                ? List.of()
                : Arrays.stream(addresses).map(Address::toString).toList();
    }

    @Override
    public Delivered deliver(Notifications.Queued queued) {
        if (queued.addresses() == null || queued.addresses().isBlank()) {
            throw new IllegalStateException(
                    "notification " + queued.id() + " to " + queued.recipient() + " has no e-mail address");
        }
        var messageId = messageId(queued.id(), queued.queuedAt());
        try {
            MimeMessage message = mail.createMimeMessage();
            message.setFrom(new InternetAddress(from, true));
            message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(queued.addresses(), true));
            message.setSubject(queued.subject(), StandardCharsets.UTF_8.name());
            if (queued.bodyHtml() == null || queued.bodyHtml().isBlank()) {
                message.setText(queued.body(), StandardCharsets.UTF_8.name(), "plain");
            } else {
                var text = new MimeBodyPart();
                text.setText(queued.body(), StandardCharsets.UTF_8.name(), "plain");
                var html = new MimeBodyPart();
                html.setText(queued.bodyHtml(), StandardCharsets.UTF_8.name(), "html");
                var alternative = new MimeMultipart("alternative");
                alternative.addBodyPart(text);
                alternative.addBodyPart(html);
                message.setContent(alternative);
            }
            if (queued.ticketId() != null) {
                var thread = threadId(queued.ticketId());
                message.setHeader("In-Reply-To", thread);
                message.setHeader("References", thread);
            }
            // Sent by the desk, not typed into a mail program (RFC 3834): out-of-office replies and other
            // responders leave it unanswered, so no robot answers a customer's questions or reopens a ticket.
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setHeader("X-Auto-Response-Suppress", "OOF, AutoReply");
            // Spring Mail keeps a Message-ID set before sending (saving a message would replace it).
            message.setHeader("Message-ID", messageId);
            try {
                mail.send(message);
            } catch (MailSendException e) {
                // With mail.smtp.sendpartial the server took the message for the addresses it accepted: sending
                // it again would repeat it to them, so the others are handed back (DeliverMessage).
                var partly = partly(messageId, e);
                if (partly == null) {
                    throw e;
                }
                LOG.warn(
                        "Notification {} went out, but the mail server refused {} and put off {}",
                        queued.id(),
                        partly.refused(),
                        partly.putOff());
                return partly;
            }
            return Delivered.toEveryone(messageId);
        } catch (MessagingException e) {
            throw new IllegalStateException("notification " + queued.id() + " could not be written", e);
        }
    }
}
