package com.clientservices.desk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskTest;
import com.clientservices.desk.LoopbackMailServer;
import com.clientservices.desk.LoopbackPort;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * With {@code desk.inbound-mail.enabled} the desk reads its mailbox on its own every {@code poll-seconds}
 * (docs/specification.md §12): a contact's mail becomes a ticket with nobody calling the poller.
 */
@DeskTest
@TestPropertySource(
        properties = {
            "desk.inbound-mail.enabled=true",
            "desk.inbound-mail.host=127.0.0.1",
            "desk.inbound-mail.protocol=imap",
            "desk.inbound-mail.username=" + InboundMailScheduleTest.MAILBOX,
            "desk.inbound-mail.password=" + InboundMailScheduleTest.PASSWORD,
            "desk.inbound-mail.poll-seconds=1",
            // Its own engine and database beside the shared test context, as in MailDeliveryTest.
            "camunda.bpm.process-engine-name=inboundschedule",
            "camunda.bpm.webapp.enabled=false"
        })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class InboundMailScheduleTest {

    static final String MAILBOX = "support@clientservices.example";
    static final String PASSWORD = "mailbox-secret";
    private static final int IMAP_PORT = LoopbackPort.free();
    private static final GreenMail IMAP = LoopbackMailServer.of(IMAP_PORT, ServerSetup.PROTOCOL_IMAP);

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void mailbox(DynamicPropertyRegistry registry) {
        registry.add("desk.inbound-mail.port", () -> IMAP_PORT);
        registry.add(
                "spring.datasource.url",
                () -> System.getProperty(
                        "desk.test.mail-database-url",
                        "jdbc:h2:mem:desk-inbound-schedule;DB_CLOSE_DELAY=-1;DEFAULT_NULL_ORDERING=HIGH"));
    }

    @BeforeAll
    static void startMailServer() {
        IMAP.start();
        IMAP.setUser(MAILBOX, MAILBOX, PASSWORD);
    }

    @AfterAll
    static void stopMailServer() {
        IMAP.stop();
    }

    @Test
    void aContactsMailBecomesATicketWithoutAnyoneCallingThePoller() throws Exception {
        assertThat(context.getBeansOfType(InboundMailSchedule.class)).hasSize(1);
        var messageId = "<scheduled-" + System.nanoTime() + "@customer.example>";
        var message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress("spoc-acme@desk.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
        message.setSubject("Placements show blanks since 09:00", "UTF-8");
        message.setText("Placement 5512 shows blanks on every page.", "UTF-8");
        message.saveChanges();

        IMAP.getManagers().getUserManager().getUser(MAILBOX).deliver(message);

        // The schedule's own thread takes it within a pass or two; the deadline only bounds a failure.
        var deadline = Instant.now().plus(Duration.ofSeconds(20));
        String ticketKey = null;
        while (ticketKey == null && Instant.now().isBefore(deadline)) {
            ticketKey = jdbc.sql(
                            "select ticket_key from inbound_mail where message_id = :id and outcome = 'TICKET_CREATED'")
                    .param("id", messageId)
                    .query(String.class)
                    .optional()
                    .orElse(null);
            if (ticketKey == null) {
                Thread.sleep(100);
            }
        }
        assertThat(ticketKey).as("the mail taken by the schedule").isNotNull();
        assertThat(jdbc.sql("select channel from ticket where id = :id")
                        .param("id", Long.parseLong(ticketKey.substring("CS-".length())))
                        .query(String.class)
                        .single())
                .isEqualTo("EMAIL");
    }
}
