package com.clientservices.desk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clientservices.desk.DeskProperties;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.LoopbackMailServer;
import com.clientservices.desk.LoopbackPort;
import com.clientservices.desk.engine.DeferredJobs;
import com.clientservices.desk.engine.DeskClock;
import com.clientservices.desk.lifecycle.Scenario;
import com.clientservices.desk.refusal.Invalid;
import com.clientservices.desk.ticket.NewTicket;
import com.clientservices.desk.ticket.TicketIntake;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every message kind by e-mail through a real SMTP server (GreenMail), and what happens when the
 * server is down: tickets keep moving, deliveries are retried, an incident follows the last retry,
 * and once the server is back each message arrives exactly once.
 */
@DeskTest
@TestPropertySource(
        properties = {
            "desk.notifications.channel=smtp",
            "spring.mail.host=127.0.0.1",
            "spring.mail.properties.mail.smtp.connectiontimeout=2000",
            "spring.mail.properties.mail.smtp.timeout=2000",
            // Its own engine and database, beside the shared test context.
            "camunda.bpm.process-engine-name=mail",
            // No Camunda webapps: closing them after this class would clear the webapps' static
            // engine lookup that the shared context's Tasklist still uses (its pages then answer 500).
            "camunda.bpm.webapp.enabled=false"
        })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MailDeliveryTest {

    private static final int SMTP_PORT = LoopbackPort.free();
    private static final GreenMail SMTP = LoopbackMailServer.of(SMTP_PORT, ServerSetup.PROTOCOL_SMTP);

    @Autowired
    Scenario scenario;

    @Autowired
    TicketIntake intake;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeliverMessage delivery;

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DeskClock clock;

    @Autowired
    JavaMailSender mailSender;

    @Autowired
    DeskProperties properties;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DeferredJobs jobs;

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add(
                "spring.datasource.url",
                () -> System.getProperty("desk.test.mail-database-url", "jdbc:h2:mem:desk-mail;DB_CLOSE_DELAY=-1"));
    }

    @BeforeAll
    static void startMailServer() {
        SMTP.start();
    }

    @AfterAll
    static void stopMailServer() {
        SMTP.stop();
    }

    @BeforeEach
    void emptyMailboxes() throws Exception {
        if (!SMTP.isRunning()) {
            SMTP.start();
        }
        SMTP.purgeEmailFromAllMailboxes();
        deliverQueued();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void everyMessageKindArrivesWithItsRecipientsSubjectAndTicketDetails() throws Exception {
        scenario.at("2026-04-20T10:00:00-04:00");
        var emergency = scenario.submit("AD_SERVING", true);
        scenario.at("2026-04-20T10:45:00-04:00");
        scenario.fireDueTimers(emergency); // 15-minute warning to the team
        scenario.at("2026-04-20T11:00:00-04:00");
        scenario.fireDueTimers(emergency); // breach to the managers
        scenario.complete(
                emergency, "Task_AcknowledgeTicket", Map.of("acknowledgementNote", "Paging the ad server team"));
        scenario.complete(emergency, "Task_SendStatusUpdate", Map.of("statusUpdate", "Ad server 7 restarted"));
        scenario.complete(
                emergency,
                "Task_DiagnoseIssue",
                Map.of("diagnosisOutcome", "NEED_CUSTOMER_INFO", "customerQuestions", "Do you still see blanks?"));
        scenario.customerAnswers(emergency, "No");
        scenario.complete(
                emergency,
                "Task_DiagnoseIssue",
                Map.of("diagnosisOutcome", "RESOLVED", "resolutionSummary", "Ad server 7 had a full disk"));
        var redirected = intake.submit(request("BILLING", "Two platform fees on the invoice"), Scenario.SPOC_ACME)
                .key();

        deliverQueued();

        assertArrived(emergency, "We have your request", Set.of("spoc-acme@desk.example"), "Client Services");
        assertArrived(emergency, "Emergency for Acme Media", Set.of("account-rep@desk.example"), "+1 212 555 0100");
        assertArrived(
                emergency,
                "Due soon: acknowledgement",
                Set.of("cs-agent@desk.example", "cs-manager@desk.example"),
                "Mon 20 Apr 2026, 11:00 EDT");
        assertArrived(emergency, "Missed: acknowledgement", Set.of("cs-manager@desk.example"), "Handle SLA breach");
        assertArrived(
                emergency,
                "We are working on your request",
                Set.of("spoc-acme@desk.example"),
                "Paging the ad server team");
        assertArrived(emergency, "Status update", Set.of("spoc-acme@desk.example"), "Ad server 7 restarted");
        assertArrived(
                emergency,
                "Questions about your request",
                Set.of("spoc-acme@desk.example"),
                "Do you still see blanks?");
        assertArrived(emergency, "Resolved:", Set.of("spoc-acme@desk.example"), "Ad server 7 had a full disk");
        assertArrived(emergency, "Emergency resolved for Acme Media", Set.of("account-rep@desk.example"), "full disk");
        assertArrived(
                redirected, "Request from Acme Media for you", Set.of("account-rep@desk.example"), "Two platform fees");
        assertArrived(
                redirected,
                "Your account representative will answer",
                Set.of("spoc-acme@desk.example"),
                "Avery Representative");
        for (var message : SMTP.getReceivedMessages()) {
            assertThat(message.getContentType()).startsWith("multipart/alternative");
            assertThat(message.getFrom()[0].toString()).contains("desk@clientservices.example");
        }
    }

    @Test
    void messagesSurviveAMailOutageAndArriveExactlyOnceWhenTheIncidentIsRetried() throws Exception {
        SMTP.stop();
        scenario.at("2026-04-21T10:00:00-04:00");
        var key = scenario.submit("AD_SERVING", true);
        scenario.acknowledge(key);
        assertThat(scenario.openTasks(key, "Task_SendStatusUpdate"))
                .as("the ticket keeps moving")
                .hasSize(1);
        var queued = deliveryJobs().size();
        assertThat(queued)
                .as("request received, alert to the team and managers, notice to the account representative, "
                        + "acknowledgement")
                .isEqualTo(4);

        var first = deliveryJobs().get(0);
        assertThat(first.getPriority())
                .as("deliveries wait for due SLA timers (0) and breach handovers (-5)")
                .isEqualTo(-10);
        try {
            management.executeJob(first.getId());
        } catch (RuntimeException expected) {
            // the mail server is down
        }
        var retried = management.createJobQuery().jobId(first.getId()).singleResult();
        assertThat(retried.getRetries())
                .as("desk.notifications.retry-cycle R6/PT10M: six more tries, one spent")
                .isEqualTo(5);
        assertThat(retried.getDuedate())
                .as("the next try ten minutes later")
                .isEqualTo(new Date(ClockUtil.getCurrentTime().getTime()
                        + Duration.ofMinutes(10).toMillis()));
        var attempts = 0;
        while (!deliveryJobs().stream().allMatch(job -> job.getRetries() == 0) && attempts++ < 50) {
            deliveryJobs().stream().filter(job -> job.getRetries() > 0).forEach(job -> {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException expected) {
                    // the mail server is down: the engine counts the failure and schedules the retry
                }
            });
        }
        assertThat(attempts).as("retries run out").isLessThan(50);
        assertThat(deliveryIncidents()).hasSize(queued);
        assertThat(SMTP.getReceivedMessages()).isEmpty();

        SMTP.start();
        for (var job : deliveryJobs()) {
            management.setJobRetries(job.getId(), 1); // what "Retry" on the incident in Cockpit does
            management.executeJob(job.getId());
        }
        deliverQueued();

        assertThat(deliveryIncidents()).isEmpty();
        var received = Arrays.stream(SMTP.getReceivedMessages())
                .map(MailDeliveryTest::subject)
                .toList();
        // One copy per recipient: the alert reaches each member of the team and the managers.
        assertThat(received.stream().distinct().toList())
                .filteredOn(subject -> subject.contains(key))
                .hasSize(4)
                .anyMatch(subject -> subject.contains("We have your request"))
                .anyMatch(subject -> subject.contains("EMERGENCY for Acme Media"))
                .anyMatch(subject -> subject.contains("Emergency for Acme Media"))
                .anyMatch(subject -> subject.contains("We are working on your request"));
        for (var message : SMTP.getReceivedMessages()) {
            var copies = Arrays.stream(SMTP.getReceivedMessages())
                    .filter(other -> messageId(other).equals(messageId(message)))
                    .count();
            assertThat(copies).as("exactly once per recipient").isEqualTo(message.getAllRecipients().length);
        }
    }

    @Test
    void aMessageAnotherRunOfItsDeliveryIsSendingWaitsForThatRunsClaimWithoutSpendingATry() {
        scenario.at("2026-04-23T10:00:00-04:00");
        intake.submit(request("BILLING", "Invoice 4471 lists one campaign twice"), Scenario.SPOC_ACME);
        var job = deliveryJobs().get(0);
        var id = notificationId(job);
        // Another node took the job while this one still held it, and is handing the message to the mail server.
        var claim = clock.nowUtc().plus(DeliverMessage.SENDING_CLAIM);
        transaction.executeWithoutResult(
                status -> assertThat(notifications.claim(id, claim)).isTrue());

        assertThatThrownBy(() -> management.executeJob(job.getId()))
                .hasMessageContaining("being sent by another run of its delivery");
        var waiting = management.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(waiting.getRetries()).as("no try spent").isEqualTo(job.getRetries());
        assertThat(waiting.getDuedate()).as("due when the claim expires").isEqualTo(Date.from(claim.toInstant()));
        assertThat(deliveryIncidents()).isEmpty();
        scenario.at("2026-04-23T10:04:00-04:00");
        assertThatThrownBy(() -> management.executeJob(job.getId()))
                .hasMessageContaining("being sent by another run of its delivery");
        assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries())
                .isEqualTo(job.getRetries());
        assertThat(copiesOf(id)).as("not sent while claimed").isZero();

        // The other node stopped before it recorded the message: once its claim expires, the message goes.
        scenario.at("2026-04-23T10:05:00-04:00");
        management.executeJob(job.getId());
        assertThat(copiesOf(id)).isEqualTo(1);
        assertThat(status(id)).isEqualTo("SENT");
    }

    @Test
    void aMessageThatHasLeftStaysRecordedSentWhenItsDeliveryJobCannotCommit() {
        scenario.at("2026-04-24T10:00:00-04:00");
        intake.submit(request("BILLING", "Invoice 4472 lists one campaign twice"), Scenario.SPOC_ACME);
        var job = deliveryJobs().get(0);
        var id = notificationId(job);

        // The job's transaction fails after the mail has left, as when another node took the job meanwhile.
        transaction.executeWithoutResult(status -> {
            delivery.deliver(id);
            status.setRollbackOnly();
        });
        assertThat(copiesOf(id)).isEqualTo(1);
        assertThat(status(id)).isEqualTo("SENT");

        management.executeJob(job.getId()); // the job is still there, and runs again
        assertThat(copiesOf(id)).as("not sent again").isEqualTo(1);
    }

    @Test
    void subjectWithLineBreaksAndMarkupNeitherAddsHeadersNorBecomesMarkup() throws Exception {
        // Line breaks never reach a mail: the intake refuses them, naming the subject (InvisibleCharactersTest).
        var withLineBreaks = "Invoice wrong\r\nBcc: attacker@evil.example\r\nX-Injected: yes";
        assertThatThrownBy(() -> intake.submit(request("BILLING", withLineBreaks), Scenario.SPOC_ACME))
                .isInstanceOf(Invalid.class)
                .hasMessageContaining("subject");
        var hostile = "Invoice wrong Bcc: attacker@evil.example X-Injected: yes <script>alert(1)</script>";
        var key = intake.submit(request("BILLING", hostile), Scenario.SPOC_ACME).key();

        deliverQueued();

        var messages = Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> subject(m).contains(key))
                .toList();
        assertThat(messages).hasSize(2);
        assertThat(SMTP.getReceivedMessagesForDomain("evil.example")).isEmpty();
        for (var message : messages) {
            assertThat(message.getHeader("X-Injected")).isNull();
            assertThat(message.getRecipients(Message.RecipientType.BCC)).isNull();
            assertThat(message.getAllRecipients()).hasSize(1);
            assertThat(message.getHeader("Subject")).hasSize(1);
            assertThat(subject(message))
                    .doesNotContain("\r")
                    .doesNotContain("\n")
                    .contains("<script>alert(1)</script>");
            assertThat(message.getContentType()).startsWith("multipart/alternative");
            assertThat(part(message, "text/html"))
                    .as("the HTML part shows the subject as text")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                    .doesNotContain("<script>");
        }
    }

    @Test
    void messagesOfOneTicketArriveAsOneThreadInPlainTextAndHtml() throws Exception {
        scenario.at("2026-04-22T10:00:00-04:00");
        var key = scenario.submit("AD_SERVING", false);
        scenario.askCustomer(key, "Which placements show blanks?"); // acknowledges, then asks

        deliverQueued();

        var messages = Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> subject(m).contains("[" + key + "]")
                        && (subject(m).contains("We are working on your request")
                                || subject(m).contains("Questions about your request")))
                .toList();
        assertThat(messages).as("the acknowledgement, then the questions").hasSize(2);
        var thread = "<ticket-" + key + "@client-services-desk>";
        for (var message : messages) {
            assertThat(message.getContentType()).startsWith("multipart/alternative");
            var parts = (MimeMultipart) message.getContent();
            assertThat(parts.getCount()).isEqualTo(2);
            assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
            assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
            assertThat(body(message)).contains("/portal/tickets/" + key);
            assertThat(part(message, "text/html")).contains("/portal/tickets/" + key);
            assertThat(message.getHeader("In-Reply-To")).containsExactly(thread);
            assertThat(message.getHeader("References")).containsExactly(thread);
        }
        assertThat(messages.stream().map(MailDeliveryTest::messageId).distinct())
                .as("each message its own Message-ID")
                .hasSize(2)
                .noneMatch(thread::equals);
    }

    @Test
    void everyMessageSaysItIsTheDesksOwnSoOutOfOfficeRepliesLeaveItUnanswered() throws Exception {
        scenario.at("2026-04-22T10:00:00-04:00");
        var key = scenario.submit("AD_SERVING", true); // the customer, the account representative, the team

        deliverQueued();

        var messages = Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> subject(m).contains("[" + key + "]"))
                .toList();
        assertThat(messages).hasSizeGreaterThanOrEqualTo(3);
        for (var message : messages) {
            assertThat(message.getHeader("Auto-Submitted")).as(subject(message)).containsExactly("auto-generated");
            assertThat(message.getHeader("X-Auto-Response-Suppress"))
                    .as(subject(message))
                    .containsExactly("OOF, AutoReply");
        }
    }

    @Test
    void aMessageToATeamReachesEveryAddressTheServerTakesWhenItRefusesOne() throws Exception {
        try (var server = new RefusingSmtpServer("departed@desk.example")) {
            // The desk's own mail settings, sent to a server that no longer knows one member of the team.
            var sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(server.port());
            sender.setJavaMailProperties(((JavaMailSenderImpl) mailSender).getJavaMailProperties());
            var alert = new Notifications.Queued(
                    77,
                    null,
                    "emergency-alert",
                    "group:client-services",
                    "cs-agent@desk.example, departed@desk.example, cs-lead@desk.example",
                    "[CS-77] Emergency: placements blank",
                    "An emergency.",
                    null,
                    false,
                    null,
                    OffsetDateTime.parse("2026-12-01T10:30:00-05:00"));

            var delivered = new SmtpChannel(sender, properties).deliver(alert);

            assertThat(server.accepted()).containsExactly("cs-agent@desk.example", "cs-lead@desk.example");
            assertThat(server.messages()).hasSize(1);
            assertThat(delivered.refused()).containsExactly("departed@desk.example");
            assertThat(delivered.messageId()).isEqualTo(SmtpChannel.messageId(77, alert.queuedAt()));
        }
    }

    @Test
    void anAddressTheServerPutsOffGetsTheMessageLaterInOneOfItsOwnAndNobodyGetsItTwice() throws Exception {
        try (var server = new RefusingSmtpServer(Map.of("full@desk.example", "452 4.2.2 Mailbox full"))) {
            var sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(server.port());
            sender.setJavaMailProperties(((JavaMailSenderImpl) mailSender).getJavaMailProperties());
            var deliveries = new DeliverMessage(
                    notifications,
                    new SmtpChannel(sender, properties),
                    transactions,
                    clock,
                    properties,
                    new SimpleMeterRegistry(),
                    jobs);
            var alert = transaction.execute(status -> notifications.queue(
                    null,
                    "emergency-alert",
                    "group:client-services",
                    "cs-agent@desk.example, full@desk.example",
                    new MessageTemplates.Message("[CS-78] Emergency: placements blank", "An emergency.", null)));
            var jobsBefore = deliveryJobs().size();

            deliveries.deliver(alert);
            deliveries.deliver(alert); // its job run again: already sent

            assertThat(server.accepted()).containsExactly("cs-agent@desk.example");
            assertThat(status(alert)).isEqualTo("SENT");
            var again = jdbc.sql("select id from notification where id > :id and address = 'full@desk.example'")
                    .param("id", alert)
                    .query(Long.class)
                    .single();
            assertThat(status(again)).isEqualTo("QUEUED");
            assertThat(deliveryJobs()).as("a delivery of its own").hasSize(jobsBefore + 1);

            server.accept("full@desk.example");
            deliveries.deliver(again);

            assertThat(server.accepted()).containsExactly("cs-agent@desk.example", "full@desk.example");
            assertThat(status(again)).isEqualTo("SENT");
        }
    }

    @Test
    void aMessageIdNamesTheMessageAndWhenItWasQueuedSoAnotherDesksOrARestoredDesksNumberIsNotTakenForIt() {
        var queued = OffsetDateTime.parse("2026-12-01T10:30:00.125-05:00");

        assertThat(SmtpChannel.messageId(42, queued))
                .isEqualTo("<notification-42.1796139000125@client-services-desk>")
                .isEqualTo(SmtpChannel.messageId(42, queued.withOffsetSameInstant(ZoneOffset.UTC)))
                .isNotEqualTo(SmtpChannel.messageId(42, queued.plusNanos(1_000_000)));
    }

    private void assertArrived(String key, String subjectPart, Set<String> recipients, String bodyPart)
            throws Exception {
        var matching = Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> subject(m).contains(key) && subject(m).contains(subjectPart))
                .toList();
        // The server keeps one copy per recipient's mailbox; one message has one Message-ID.
        assertThat(matching.stream().map(MailDeliveryTest::messageId).distinct())
                .as("one message '%s' for %s", subjectPart, key)
                .hasSize(1);
        var message = matching.get(0);
        assertThat(matching).as("one copy per recipient").hasSize(recipients.size());
        var to = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                .map(Object::toString)
                .collect(Collectors.toSet());
        assertThat(to).isEqualTo(recipients);
        assertThat(body(message)).contains(bodyPart).contains(key);
    }

    /** The jobs that send queued messages (notification.DeliverMessage). */
    private List<Job> deliveryJobs() {
        var ids = jdbc.sql("select ID_ from ACT_RU_JOB where HANDLER_TYPE_ = 'desk-deferred-work'"
                        + " and HANDLER_CFG_ like 'deliver-message:%'")
                .query(String.class)
                .list();
        return ids.stream()
                .map(id -> management.createJobQuery().jobId(id).singleResult())
                .toList();
    }

    /** The queued message a delivery job sends. */
    private long notificationId(Job job) {
        return Long.parseLong(jdbc.sql("select HANDLER_CFG_ from ACT_RU_JOB where ID_ = :id")
                .param("id", job.getId())
                .query(String.class)
                .single()
                .substring("deliver-message:".length()));
    }

    private OffsetDateTime queuedAt(long notificationId) {
        return jdbc.sql("select created_at from notification where id = :id")
                .param("id", notificationId)
                .query(OffsetDateTime.class)
                .single();
    }

    private String status(long notificationId) {
        return jdbc.sql("select status from notification where id = :id")
                .param("id", notificationId)
                .query(String.class)
                .single();
    }

    /** How many times the message arrived (one recipient each in these tests). */
    private long copiesOf(long notificationId) {
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(message ->
                        messageId(message).equals(SmtpChannel.messageId(notificationId, queuedAt(notificationId))))
                .count();
    }

    /** The failed-job incidents of the delivery jobs. */
    private List<Incident> deliveryIncidents() {
        var jobs = deliveryJobs().stream().map(Job::getId).toList();
        return runtime.createIncidentQuery().incidentType(Incident.FAILED_JOB_HANDLER_TYPE).list().stream()
                .filter(incident -> jobs.contains(incident.getConfiguration()))
                .toList();
    }

    /** Runs every queued delivery that is due, as the job executor would. */
    private void deliverQueued() {
        var now = ClockUtil.getCurrentTime();
        for (var job : deliveryJobs()) {
            if (job.getRetries() > 0 && !job.getDuedate().after(now)) {
                management.executeJob(job.getId());
            }
        }
    }

    private static NewTicket request(String type, String subject) {
        return new NewTicket(
                1001L, type, subject, "Details", "Impact", false, null, null, null, null, null, null, null, null);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text part. */
    private static String body(MimeMessage message) throws Exception {
        return part(message, "text/plain");
    }

    private static String part(MimeMessage message, String type) throws Exception {
        var parts = (MimeMultipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).isMimeType(type)) {
                return parts.getBodyPart(i).getContent().toString();
            }
        }
        throw new AssertionError("no " + type + " part in " + message.getSubject());
    }
}
