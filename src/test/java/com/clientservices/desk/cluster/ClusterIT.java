package com.clientservices.desk.cluster;

import static com.clientservices.desk.cluster.DeskNode.ADMIN;
import static com.clientservices.desk.cluster.DeskNode.ADMIN_PASSWORD;
import static com.clientservices.desk.cluster.DeskNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.LoopbackMailServer;
import com.clientservices.desk.LoopbackPort;
import com.clientservices.desk.MailboxView;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two instances of the packaged desk in the prod profile, on their own ports, against one
 * PostgreSQL database and one mail server (GreenMail: SMTP for the desk's messages, IMAP for the mailbox both nodes
 * read, docs/specification.md §12), as docs/specification.md §10 runs it scaled out. The tests run in order on the
 * same cluster: production hardening, both nodes serving every user, two agents on two nodes completing one task,
 * 500 tickets whose SLA timers fall due at one instant, a node killed while timers are due, a node killed during a
 * burst of submissions, and a node killed while it takes a batch of mails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String SERVER = System.getProperty("desk.test.pg", "jdbc:postgresql://localhost:5432");
    private static final String DATABASE = SERVER + "/desk_cluster";
    private static final String PASSWORD = "Cluster-user-2026!";
    private static final long MEMBER = 2001;
    private static final String MAILBOX = "support@clientservices.example";
    private static final String MAILBOX_PASSWORD = "Cluster-mailbox-2026!";
    private static final String CONTACT_ADDRESS = "spoc-one@clientservices.example";
    /** Enough mails that a node still has some to take when it has taken its first few. */
    private static final int MAILS = 50;

    private static final DateTimeFormatter ENGINE_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private GreenMail smtp;
    private GreenMailUser mailbox;
    private DeskNode a;
    private DeskNode b;

    @BeforeAll
    void startCluster() throws Exception {
        try (var server = DriverManager.getConnection(SERVER + "/postgres", "desk", "desk");
                var statement = server.createStatement()) {
            statement.execute("drop database if exists desk_cluster with (force)");
            statement.execute("create database desk_cluster");
        }
        var smtpPort = LoopbackPort.free();
        var imapPort = LoopbackPort.free();
        smtp = LoopbackMailServer.smtpAndImap(smtpPort, imapPort);
        smtp.start();
        mailbox = smtp.setUser(MAILBOX, MAILBOX, MAILBOX_PASSWORD);
        // Both nodes read the one mailbox, as several nodes may (§12); it stays empty until the mail test.
        var inboundMail = Map.of(
                "DESK_INBOUND_MAIL_ENABLED", "true",
                "DESK_INBOUND_MAIL_HOST", "127.0.0.1",
                "DESK_INBOUND_MAIL_PORT", String.valueOf(imapPort),
                "DESK_INBOUND_MAIL_PROTOCOL", "imap",
                "DESK_INBOUND_MAIL_USERNAME", MAILBOX,
                "DESK_INBOUND_MAIL_PASSWORD", MAILBOX_PASSWORD,
                "DESK_INBOUND_MAIL_POLL_SECONDS", "1");
        // The first node creates the schema; the second joins the running cluster.
        a = new DeskNode("node-a", DATABASE, smtpPort, inboundMail).start();
        b = new DeskNode("node-b", DATABASE, smtpPort, inboundMail).start();

        user("agent-one", "client-services");
        user("agent-two", "client-services");
        user("manager-one", "cs-managers", "client-services");
        user("rep-one", "account-representatives");
        user("spoc-one", "customers");
        var member = ClusterHttp.send(
                b,
                ADMIN,
                ADMIN_PASSWORD,
                "PUT",
                "/api/members/" + MEMBER,
                "{\"name\":\"Initech\",\"accountRepresentative\":\"rep-one\",\"contacts\":[\"spoc-one\"]}");
        assertThat(member.status()).as(member.body()).isEqualTo(201);
    }

    @AfterAll
    void stopCluster() throws Exception {
        for (var node : new DeskNode[] {a, b}) {
            if (node != null) {
                node.stop();
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    @Order(1)
    void productionModeHasNoDemoUsersAndRefusesWeakSecrets() throws Exception {
        assertThat(ClusterHttp.get(a, "demo", "demo", "/api/request-types").status())
                .isEqualTo(401);
        assertThat(ClusterHttp.get(a, "cs-agent", "demo", "/api/request-types").status())
                .isEqualTo(401);
        var users =
                ClusterHttp.get(a, ADMIN, ADMIN_PASSWORD, "/engine-rest/user").json();
        assertThat(users.findValuesAsText("id"))
                .containsExactlyInAnyOrder(ADMIN, "agent-one", "agent-two", "manager-one", "rep-one", "spoc-one");
        assertThat(ClusterHttp.get(a, null, null, "/actuator/prometheus").status())
                .isEqualTo(401);
        assertThat(ClusterHttp.get(a, ADMIN, ADMIN_PASSWORD, "/actuator/prometheus")
                        .body())
                .contains("desk_notifications_queued");

        var weak = new DeskNode(
                "node-weak-password", DATABASE, smtp.getSmtp().getPort(), Map.of("DESK_ADMIN_PASSWORD", "demo"));
        assertThat(weak.startExpectingFailure(Duration.ofMinutes(2)))
                .contains("DESK_ADMIN_PASSWORD must have at least 12");
    }

    @Test
    @Order(2)
    void webappSessionsAreSecureAndCsrfProtectedAndBehindATlsProxyHstsIsSent() throws Exception {
        var forgedPage = ClusterHttp.send(
                a, null, null, HttpRequest.newBuilder(URI.create(a.base() + "/camunda/app/tasklist/default/")));
        var forged = signIn(
                a, "agent-one", null, sessionOf(forgedPage.response().headers().allValues("Set-Cookie")));
        assertThat(forged.status()).as("a sign-in without the CSRF token").isEqualTo(403);

        var page = ClusterHttp.send(
                a, null, null, HttpRequest.newBuilder(URI.create(a.base() + "/camunda/app/tasklist/default/")));
        var cookies = page.response().headers().allValues("Set-Cookie");
        var csrf = cookie(cookies, "XSRF-TOKEN");
        assertThat(cookies)
                .anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN=").contains("Secure"));

        var signedIn = signIn(a, "agent-one", csrf, sessionOf(cookies));
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        var session = signedIn.response().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SESSION="))
                .findFirst()
                .orElseThrow();
        assertThat(session).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");

        var behindProxy = ClusterHttp.send(
                a,
                null,
                null,
                HttpRequest.newBuilder(URI.create(a.base() + "/login")).header("X-Forwarded-Proto", "https"));
        assertThat(behindProxy.response().headers().firstValue("Strict-Transport-Security"))
                .isPresent();
        assertThat(behindProxy.response().headers().firstValue("Content-Security-Policy"))
                .isPresent();
    }

    @Test
    @Order(3)
    void bothNodesTakeTicketsAndOneSignInServesTasklistOnEitherNode() throws Exception {
        var onA = submit(a);
        var onB = submit(b);
        assertThat(onA.status()).isEqualTo(201);
        assertThat(onB.status()).isEqualTo(201);

        var page = ClusterHttp.send(
                a, null, null, HttpRequest.newBuilder(URI.create(a.base() + "/camunda/app/tasklist/default/")));
        var cookies = page.response().headers().allValues("Set-Cookie");
        var signedIn = signIn(a, "agent-one", cookie(cookies, "XSRF-TOKEN"), sessionOf(cookies));
        assertThat(signedIn.status()).isEqualTo(200);
        var session = sessionOf(signedIn.response().headers().allValues("Set-Cookie"));

        // The session made on node A lists node B's ticket on node B: it lives in the database.
        for (var node : List.of(a, b)) {
            var tasks = ClusterHttp.send(
                    node,
                    null,
                    null,
                    HttpRequest.newBuilder(URI.create(
                                    node.base() + "/camunda/api/engine/engine/default/task?processInstanceBusinessKey="
                                            + onB.json().get("key").asText()))
                            .header("Cookie", session)
                            .header("Accept", "application/json"));
            assertThat(tasks.status()).as(node.name() + ": " + tasks.body()).isEqualTo(200);
            assertThat(tasks.json().findValuesAsText("taskDefinitionKey")).containsExactly("Task_AcknowledgeTicket");
        }
    }

    @Test
    @Order(4)
    void twoAgentsOnTwoNodesCompletingOneTaskMoveTheTicketOnce() throws Exception {
        // The loser can fail at several points inside the engine, depending on when the winner commits;
        // twenty rounds give each of them a chance to show.
        for (var round = 0; round < 20; round++) {
            var key = submit(a).json().get("key").asText();
            var task = ClusterHttp.get(a, "agent-one", PASSWORD, "/engine-rest/task?processInstanceBusinessKey=" + key)
                    .json()
                    .get(0)
                    .get("id")
                    .asText();
            var body = "{\"variables\":{\"acknowledgementNote\":{\"value\":\"On it\"}}}";
            var barrier = new CyclicBarrier(2);
            var pool = Executors.newFixedThreadPool(2);
            try {
                var one = pool.submit(() -> {
                    barrier.await();
                    return ClusterHttp.send(
                            a, "agent-one", PASSWORD, "POST", "/engine-rest/task/" + task + "/complete", body);
                });
                var two = pool.submit(() -> {
                    barrier.await();
                    return ClusterHttp.send(
                            b, "agent-two", PASSWORD, "POST", "/engine-rest/task/" + task + "/complete", body);
                });
                var statuses = List.of(one.get().status(), two.get().status());
                var loser = one.get().status() == 204 ? two.get() : one.get();
                assertThat(statuses)
                        .as("%s / %s", one.get().body(), two.get().body())
                        .containsOnlyOnce(204);
                assertThat(loser.status()).as(loser.body()).isIn(404, 409);
                assertThat(loser.json().get("message").asText()).containsIgnoringCase("someone else");
            } finally {
                pool.shutdownNow();
            }
            try (var db = database()) {
                assertThat(count(
                                db,
                                "select count(*) from ticket_event where ticket_id = ? and type = 'STATUS_CHANGED' "
                                        + "and detail like '%ACKNOWLEDGED'",
                                id(key)))
                        .isEqualTo(1);
            }
        }
    }

    @Test
    @Order(5)
    void fiveHundredTicketsWhoseTimersFallDueAtOneInstantWarnAndBreachExactlyOnce() throws Exception {
        var submitted = submitEmergencies(500, List.of(a, b), 8);
        // Room to move 1,000 timers over HTTP first, also on a loaded machine (it took 72 s once).
        var warningDue = Instant.now().plusSeconds(90).truncatedTo(ChronoUnit.SECONDS);
        var breachDue = warningDue.plusSeconds(20);
        var tickets = moveTimers("Event_AcknowledgementWarningTime", warningDue, submitted);
        assertThat(moveTimers("Event_AcknowledgementDue", breachDue, submitted)).isEqualTo(tickets);
        assertThat(tickets).isEqualTo(submitted);
        assertThat(Instant.now()).as("all timers moved before they fall due").isBefore(warningDue);
        var warningsBefore = Map.of(a, counter(a, "desk_sla_warnings_total"), b, counter(b, "desk_sla_warnings_total"));

        try (var db = database()) {
            // A breach's message and task follow in a job of their own, after the timer recorded it.
            await(
                    Duration.ofMinutes(5),
                    () -> eventCount(db, "SLA_BREACHED", tickets) == tickets.size()
                            && countNow(db, "select count(*) from act_ru_job where process_def_key_ = 'sla-breach'")
                                    == 0
                            && countNow(db, "select count(*) from notification where status = 'QUEUED'") == 0);
            DeskNode.sleep(Duration.ofSeconds(5));
            assertExactlyOnce(db, "SLA_WARNING", tickets);
            assertExactlyOnce(db, "SLA_BREACHED", tickets);
            assertThat(count(db, """
                    select count(*) from (select business_key_ from act_hi_procinst where proc_def_key_ = 'sla-breach'
                    group by business_key_ having count(*) <> 1) duplicates""")).as("breach processes per ticket").isZero();
            assertThat(count(db, """
                    select count(*) from (select p.business_key_ from act_hi_taskinst t
                    join act_hi_procinst p on p.id_ = t.proc_inst_id_ where t.task_def_key_ = 'Task_HandleSlaBreach'
                    group by p.business_key_ having count(*) <> 1) duplicates""")).as("breach tasks per ticket").isZero();
            assertThat(count(db, "select count(*) from act_ru_task where task_def_key_ = 'Task_HandleSlaBreach'"))
                    .as("a breach task for every ticket")
                    .isGreaterThanOrEqualTo(tickets.size());
            assertThat(count(db, """
                    select count(*) from (select ticket_id, kind, recipient from notification
                    group by ticket_id, kind, recipient having count(*) <> 1) duplicates""")).as("messages per ticket").isZero();
            assertThat(count(db, """
                    select count(*) from ticket_event where type = 'SLA_WARNING' and at < ?""", warningDue))
                    .as("warnings before their due time")
                    .isZero();
            assertMailArrivedOnce(db);
        }
        var firedOnA = counter(a, "desk_sla_warnings_total") - warningsBefore.get(a);
        var firedOnB = counter(b, "desk_sla_warnings_total") - warningsBefore.get(b);
        System.out.printf("SLA warnings fired: node A %.0f, node B %.0f%n", firedOnA, firedOnB);
        assertThat(firedOnA + firedOnB).isEqualTo(tickets.size());
        assertThat(firedOnA).as("node A shared the timers").isPositive();
        assertThat(firedOnB).as("node B shared the timers").isPositive();
    }

    @Test
    @Order(6)
    void whenANodeIsKilledWhileTimersAreDueTheOtherFiresThem() throws Exception {
        // Enough due timers that node A cannot fire them all between its first warning and the kill.
        var submitted = submitEmergencies(200, List.of(b), 4);
        var due = Instant.now().plusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        var tickets = moveTimers("Event_AcknowledgementWarningTime", due, submitted);
        assertThat(tickets).isEqualTo(submitted);
        assertThat(Instant.now()).as("all timers moved before they fall due").isBefore(due);
        var onBBefore = counter(b, "desk_sla_warnings_total");
        try (var db = database()) {
            await(Duration.ofMinutes(1), Duration.ofMillis(50), () -> eventCount(db, "SLA_WARNING", tickets) > 0);
            a.kill();
            assertThat(eventCount(db, "SLA_WARNING", tickets))
                    .as("warnings still due when node A died")
                    .isLessThan(tickets.size());
            await(Duration.ofMinutes(2), () -> eventCount(db, "SLA_WARNING", tickets) == tickets.size());
            DeskNode.sleep(Duration.ofSeconds(3));
            assertExactlyOnce(db, "SLA_WARNING", tickets);
        }
        assertThat(counter(b, "desk_sla_warnings_total") - onBBefore)
                .as("fired by the surviving node")
                .isPositive();
    }

    @Test
    @Order(7)
    void aNodeKilledDuringABurstOfSubmissionsLosesNoAnsweredTicketAndLeavesNoneHalfMade() throws Exception {
        a.start();
        long before;
        try (var db = database()) {
            before = count(db, "select coalesce(max(id), 0) from ticket");
        }
        var burst = SubmissionBurst.killedAfter(a, 8, 60, () -> submit(a));
        a.start();
        System.out.printf(
                "burst: %d answered 201 before the kill, %d failed calls%n", burst.answeredAtKill(), burst.failed());

        try (var db = database()) {
            for (var key : burst.answered()) {
                var id = id(key);
                assertThat(count(db, "select count(*) from ticket where id = ? and status = 'NEW'", id))
                        .as(key)
                        .isEqualTo(1);
                assertThat(count(db, """
                        select count(*) from act_ru_execution e join ticket t on t.process_instance_id = e.proc_inst_id_
                        where t.id = ? and e.id_ = e.proc_inst_id_""", id)).as("process of " + key).isEqualTo(1);
                assertThat(count(db, """
                        select count(*) from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_
                        where e.business_key_ = ? and j.type_ = 'timer'""", key)).as("SLA timers of " + key).isEqualTo(2);
            }
            // Not only the answered ones: no ticket of the burst exists without its process, nor a process without its
            // ticket.
            assertThat(count(db, """
                    select count(*) from ticket t where t.id > ? and not exists (select 1 from act_ru_execution e
                    where e.id_ = t.process_instance_id)""", before)).as("tickets without a process").isZero();
            assertThat(count(db, """
                    select count(*) from act_hi_procinst p where p.proc_def_key_ = 'support-request'
                    and not exists (select 1 from ticket t where t.process_instance_id = p.id_)""")).as("processes without a ticket").isZero();
            assertThat(count(db, """
                    select count(*) from ticket t where t.id > ? and (select count(*) from act_ru_job j
                    join act_ru_execution e on e.id_ = j.process_instance_id_
                    where e.business_key_ = 'CS-' || t.id and j.type_ = 'timer') <> 2""", before))
                    .as("tickets of the burst without both SLA timers")
                    .isZero();
        }
        assertThat(submit(a).status()).as("the restarted node takes tickets").isEqualTo(201);
    }

    @Test
    @Order(8)
    void aNodeKilledWhileItTakesABatchOfMailsLosesNoneAndDoublesNone() throws Exception {
        long before;
        try (var db = database()) {
            before = count(db, "select coalesce(max(id), 0) from ticket");
        }
        var run = System.currentTimeMillis();
        var messageIds = new ArrayList<String>();
        for (var i = 1; i <= MAILS; i++) {
            var messageId = "<batch-" + run + "-" + i + "@customer.example>";
            messageIds.add(messageId);
            mailbox.deliver(newRequestMail(messageId, "Placements show blanks, report " + i));
        }
        var takenByABefore = counter(a, "desk_inbound_mail_total");

        try (var db = database()) {
            // Node A has taken some of the batch and is in the middle of its pass: both nodes read the whole inbox.
            await(
                    Duration.ofMinutes(2),
                    Duration.ofMillis(100),
                    () -> takenBy(a) - takenByABefore >= 3 || recorded(db, messageIds) == MAILS);
            a.kill();
            var atKill = recorded(db, messageIds);
            System.out.printf("mail batch: node A killed with %d of %d mails recorded%n", atKill, MAILS);
            assertThat(atKill).as("mails still to take when node A died").isLessThan(MAILS);

            a.start();
            await(
                    Duration.ofMinutes(3),
                    () -> recorded(db, messageIds) == MAILS && inbox().stream().allMatch(Filed::seen));

            var wrong = new ArrayList<String>();
            for (var messageId : messageIds) {
                var rows = count(db, """
                        select count(*) from inbound_mail where message_id = ? and outcome = 'TICKET_CREATED'
                        and ticket_key is not null""", messageId);
                if (rows != 1) {
                    wrong.add(messageId + " ×" + rows);
                }
            }
            assertThat(wrong).as("mails not taken exactly once into a ticket").isEmpty();
            assertThat(count(db, "select count(*) from inbound_mail where outcome = 'TAKING'"))
                    .as("mails taken halfway")
                    .isZero();
            // One ticket per mail, each with its process and both SLA timers: none half made, none made twice.
            assertThat(count(db, "select count(*) from ticket where id > ? and channel = 'EMAIL'", before))
                    .as("tickets made from the batch")
                    .isEqualTo(MAILS);
            assertThat(count(db, """
                    select count(distinct ticket_key) from inbound_mail where message_id like ?""", batchOf(run))).isEqualTo(MAILS);
            assertThat(count(db, """
                    select count(*) from inbound_mail m join ticket t on 'CS-' || t.id = m.ticket_key
                    join act_ru_execution e on e.id_ = t.process_instance_id and e.id_ = e.proc_inst_id_
                    where m.message_id like ? and t.channel = 'EMAIL'""", batchOf(run)))
                    .as("mails whose ticket runs its process")
                    .isEqualTo(MAILS);
            assertThat(count(db, """
                    select count(*) from ticket t where t.id > ? and (select count(*) from act_ru_job j
                    join act_ru_execution e on e.id_ = j.process_instance_id_
                    where e.business_key_ = 'CS-' || t.id and j.type_ = 'timer') <> 2""", before))
                    .as("tickets of the batch without both SLA timers")
                    .isZero();
        }

        // Nothing is deleted (README "Mail from customers"): every mail is still in the inbox, read, and filed once.
        var inbox = inbox();
        assertThat(inbox.stream().map(Filed::messageId).toList()).containsExactlyInAnyOrderElementsOf(messageIds);
        var processed = folder("desk-processed");
        assertThat(folder("desk-refused")).isEmpty();
        assertThat(processed).doesNotHaveDuplicates();
        // The one mail node A may have committed but not yet copied when it died is read again, found taken, and
        // only marked read (MailboxPoller): it stays in the inbox, unfiled.
        var unfiled = new ArrayList<>(messageIds);
        unfiled.removeAll(processed);
        System.out.printf("mail batch: %d of %d filed in desk-processed%n", processed.size(), MAILS);
        assertThat(unfiled).as("mails left unfiled").hasSizeLessThanOrEqualTo(1);
        assertThat(processed).isSubsetOf(messageIds);
    }

    // ---------------------------------------------------------------------------------------------

    /** A contact's mail asking for something new, with that Message-ID (what makes it taken once, §12). */
    private static MimeMessage newRequestMail(String messageId, String subject) throws MessagingException {
        var message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(CONTACT_ADDRESS));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
        message.setSubject(subject, "UTF-8");
        message.setText("Placement 5512 shows blanks on every page since this morning.", "UTF-8");
        message.saveChanges();
        return message;
    }

    private static String batchOf(long run) {
        return "<batch-" + run + "-%";
    }

    private static long recorded(Connection db, List<String> messageIds) {
        try (var query = db.prepareStatement("select message_id from inbound_mail where outcome <> 'TAKING'");
                var rows = query.executeQuery()) {
            var count = 0L;
            while (rows.next()) {
                if (messageIds.contains(rows.getString(1))) {
                    count++;
                }
            }
            return count;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double takenBy(DeskNode node) {
        try {
            return counter(node, "desk_inbound_mail_total");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A message of the desk's inbox: its Message-ID and whether it is marked read. */
    private record Filed(String messageId, boolean seen) {}

    private List<Filed> inbox() {
        try {
            var store = smtp.getImap().createStore();
            store.connect(MAILBOX, MAILBOX_PASSWORD);
            try {
                var inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                try {
                    var messages = new ArrayList<Filed>();
                    for (var message : inbox.getMessages()) {
                        messages.add(new Filed(((MimeMessage) message).getMessageID(), message.isSet(Flags.Flag.SEEN)));
                    }
                    return messages;
                } finally {
                    inbox.close(false);
                }
            } finally {
                store.close();
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Message-IDs in that folder of the desk's mailbox, one per message; none when it does not exist. */
    private List<String> folder(String name) throws MessagingException {
        return new MailboxView(smtp, MAILBOX, MAILBOX_PASSWORD)
                .folder(name, message -> ((MimeMessage) message).getMessageID());
    }

    private void user(String id, String... groups) throws IOException {
        var created = ClusterHttp.send(
                a, ADMIN, ADMIN_PASSWORD, "POST", "/engine-rest/user/create", """
                {"profile":{"id":"%s","firstName":"%s","lastName":"Cluster","email":"%s@clientservices.example"},
                 "credentials":{"password":"%s"}}""".formatted(id, id, id, PASSWORD));
        assertThat(created.status()).as(created.body()).isEqualTo(204);
        for (var group : groups) {
            assertThat(ClusterHttp.send(
                                    a,
                                    ADMIN,
                                    ADMIN_PASSWORD,
                                    "PUT",
                                    "/engine-rest/group/" + group + "/members/" + id,
                                    null)
                            .status())
                    .isEqualTo(204);
        }
    }

    private ClusterHttp.Answer submit(DeskNode node) throws IOException {
        return submit(node, false);
    }

    private ClusterHttp.Answer submit(DeskNode node, boolean emergency) throws IOException {
        return ClusterHttp.submitTicket(node, "spoc-one", PASSWORD, MEMBER, emergency);
    }

    /** Emergencies submitted by several clients at once, spread over the nodes; returns their keys. */
    private Set<String> submitEmergencies(int count, List<DeskNode> nodes, int clients) throws Exception {
        var pool = Executors.newFixedThreadPool(clients);
        var futures = new ArrayList<Future<ClusterHttp.Answer>>();
        for (var i = 0; i < count; i++) {
            var node = nodes.get(i % nodes.size());
            futures.add(pool.submit(() -> submit(node, true)));
        }
        var keys = new HashSet<String>();
        for (var future : futures) {
            var answer = future.get();
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            keys.add(answer.json().get("key").asText());
        }
        pool.shutdown();
        return keys;
    }

    /**
     * Moves the pending timers of that boundary event of these tickets to one instant, through the
     * engine API as an operator would; returns the tickets whose timer moved.
     */
    private Set<String> moveTimers(String activityId, Instant due, Set<String> tickets) throws Exception {
        var jobs = ClusterHttp.get(
                        b,
                        ADMIN,
                        ADMIN_PASSWORD,
                        "/engine-rest/job?timers=true&activityId=" + activityId + "&maxResults=5000")
                .json();
        var pool = Executors.newFixedThreadPool(8);
        var futures = new ArrayList<Future<Integer>>();
        var moved = new HashSet<String>();
        var businessKeys = businessKeys();
        for (var job : jobs) {
            var key = businessKeys.get(job.get("processInstanceId").asText());
            if (!tickets.contains(key)) {
                continue;
            }
            moved.add(key);
            var node = futures.size() % 2 == 0 || !a.isUp() ? b : a;
            futures.add(pool.submit(() -> ClusterHttp.send(
                            node,
                            ADMIN,
                            ADMIN_PASSWORD,
                            "PUT",
                            "/engine-rest/job/" + job.get("id").asText() + "/duedate",
                            "{\"duedate\":\"" + ENGINE_DATE.format(due) + "\"}")
                    .status()));
        }
        for (var future : futures) {
            assertThat(future.get()).isEqualTo(204);
        }
        pool.shutdown();
        return moved;
    }

    private static Map<String, String> businessKeys() throws SQLException {
        var keys = new HashMap<String, String>();
        try (var db = database();
                var query = db.prepareStatement(
                        "select id_, business_key_ from act_ru_execution where id_ = proc_inst_id_");
                var rows = query.executeQuery()) {
            while (rows.next()) {
                keys.put(rows.getString(1), rows.getString(2));
            }
        }
        return keys;
    }

    private static void assertExactlyOnce(Connection db, String type, Set<String> tickets) throws SQLException {
        var wrong = new ArrayList<String>();
        try (var query = db.prepareStatement("""
                select 'CS-' || ticket_id, count(*) from ticket_event where type = ? group by ticket_id""")) {
            query.setString(1, type);
            try (var rows = query.executeQuery()) {
                var seen = new HashSet<String>();
                while (rows.next()) {
                    if (tickets.contains(rows.getString(1))) {
                        seen.add(rows.getString(1));
                        if (rows.getLong(2) != 1) {
                            wrong.add(rows.getString(1) + " ×" + rows.getLong(2));
                        }
                    }
                }
                tickets.stream().filter(key -> !seen.contains(key)).forEach(key -> wrong.add(key + " ×0"));
            }
        }
        assertThat(wrong).as(type + " not exactly once").isEmpty();
    }

    /** Every message left once: one copy per recipient address, and no Message-ID twice. */
    private void assertMailArrivedOnce(Connection db) throws Exception {
        var expectedCopies = 0L;
        var sent = 0L;
        try (var query = db.prepareStatement("select address from notification where status = 'SENT'");
                var rows = query.executeQuery()) {
            while (rows.next()) {
                sent++;
                expectedCopies += rows.getString(1).split(",").length;
            }
        }
        var received = smtp.getReceivedMessages();
        var messageIds = new HashSet<String>();
        for (var message : received) {
            messageIds.add(message.getMessageID());
        }
        System.out.printf(
                "mail: %d messages sent to %d mailboxes, %d copies received%n", sent, expectedCopies, received.length);
        assertThat(received).hasSize((int) expectedCopies);
        assertThat(messageIds).hasSize((int) sent);
    }

    private static long eventCount(Connection db, String type, Collection<String> tickets) {
        try (var query = db.prepareStatement("select 'CS-' || ticket_id from ticket_event where type = ?")) {
            query.setString(1, type);
            try (var rows = query.executeQuery()) {
                var count = 0L;
                while (rows.next()) {
                    if (tickets.contains(rows.getString(1))) {
                        count++;
                    }
                }
                return count;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A count while waiting for the nodes, where a failing query is an error, not a wait. */
    private static long countNow(Connection db, String sql) {
        try {
            return count(db, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(Connection db, String sql, Object... parameters) throws SQLException {
        try (var query = db.prepareStatement(sql)) {
            for (var i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof Instant instant) {
                    query.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
                } else {
                    query.setObject(i + 1, parameters[i]);
                }
            }
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static long id(String key) {
        return Long.parseLong(key.substring("CS-".length()));
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(DATABASE, "desk", "desk");
    }

    private static double counter(DeskNode node, String name) throws IOException {
        var metrics = ClusterHttp.get(node, ADMIN, ADMIN_PASSWORD, "/actuator/prometheus")
                .body();
        return metrics.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static ClusterHttp.Answer signIn(DeskNode node, String user, String csrf, String session)
            throws IOException {
        var request = HttpRequest.newBuilder(
                        URI.create(node.base() + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + PASSWORD));
        var cookie = new StringBuilder(session);
        if (csrf != null) {
            request.header("X-XSRF-TOKEN", csrf);
            cookie.append("; XSRF-TOKEN=").append(csrf);
        }
        if (!cookie.isEmpty()) {
            request.header("Cookie", cookie.toString().replaceFirst("^; ", ""));
        }
        return ClusterHttp.send(node, null, null, request);
    }

    private static String cookie(List<String> setCookies, String name) {
        return setCookies.stream()
                .filter(c -> c.startsWith(name + "="))
                .findFirst()
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') > 0 ? c.indexOf(';') : c.length()))
                .orElseThrow(() -> new AssertionError("no cookie " + name + " in " + setCookies));
    }

    /** The session cookie as a Cookie header value, or empty before the node set one. */
    private static String sessionOf(List<String> setCookies) {
        return setCookies.stream()
                .filter(c -> c.startsWith("SESSION="))
                .findFirst()
                .map(c -> c.substring(0, c.indexOf(';') > 0 ? c.indexOf(';') : c.length()))
                .orElse("");
    }
}
