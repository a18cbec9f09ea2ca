package com.clientservices.desk.notification;

import com.clientservices.desk.DeskProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail through SMTP (Spring Mail). Messages are plain text, so nothing a customer typed becomes
 * markup; the subject is set as one encoded header. Each message carries a stable Message-ID, so a
 * mail system can recognise the same message should it ever arrive twice.
 */
@Component
@ConditionalOnProperty(name = "desk.notifications.channel", havingValue = "smtp")
class SmtpChannel implements NotificationChannel {

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

    @Override
    public String deliver(Notifications.Queued queued) {
        if (queued.addresses() == null || queued.addresses().isBlank()) {
            throw new IllegalStateException(
                    "notification " + queued.id() + " to " + queued.recipient() + " has no e-mail address");
        }
        var messageId = "<notification-" + queued.id() + "@client-services-desk>";
        try {
            MimeMessage message = mail.createMimeMessage();
            var helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(InternetAddress.parse(queued.addresses(), true));
            helper.setSubject(queued.subject());
            helper.setText(queued.body(), false);
            message.setHeader("Message-ID", messageId);
            mail.send(message);
            return messageId;
        } catch (MessagingException e) {
            throw new IllegalStateException("notification " + queued.id() + " could not be written", e);
        }
    }
}
