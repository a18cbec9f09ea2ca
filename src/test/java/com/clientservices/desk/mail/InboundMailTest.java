package com.clientservices.desk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.LoopbackMailServer;
import com.clientservices.desk.LoopbackPort;
import com.clientservices.desk.MailboxView;
import com.clientservices.desk.Tickets;
import com.clientservices.desk.identity.Members;
import com.clientservices.desk.notification.MailNotTaken;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The e-mail channel (docs/specification.md §12) against a real IMAP server (GreenMail): contacts' mail becomes
 * tickets and replies, everything else is kept for administrators unanswered, and each message is taken once.
 * The desk's schedule is off in tests; each test reads the mailbox by calling the poller.
 */
@DeskTest
class InboundMailTest {

    private static final int IMAP_PORT = LoopbackPort.free();
    private static final GreenMail IMAP = LoopbackMailServer.of(IMAP_PORT, ServerSetup.PROTOCOL_IMAP);
    private static final String MAILBOX = "support@clientservices.example";
    private static final String PASSWORD = "mailbox-secret";
    private static final String ACME = "spoc-acme@desk.example";
    private static final String GLOBEX = "spoc-globex@desk.example";
    private static final String ADMIN = "demo";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    DeskHttpClient http;

    @Autowired
    InboundMailDesk desk;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdentityService identities;

    @Autowired
    Members members;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ApplicationContext context;

    private GreenMailUser mailbox;
    private final MailboxView view = new MailboxView(IMAP, MAILBOX, PASSWORD);
    private MailboxPoller poller;

    @BeforeAll
    static void startMailServer() {
        IMAP.start();
    }

    @AfterAll
    static void stopMailServer() {
        IMAP.stop();
    }

    @BeforeEach
    void emptyMailbox() throws Exception {
        IMAP.purgeEmailFromAllMailboxes();
        mailbox = IMAP.setUser(MAILBOX, MAILBOX, PASSWORD);
        poller = LoopbackPoller.of(IMAP_PORT, MAILBOX, PASSWORD, desk);
    }

    @Test
    void withInboundMailOffAsByDefaultNothingReadsTheMailboxOnASchedule() {
        // Off unless enabled (docs/specification.md §12): the embedded default needs no mail server.
        assertThat(context.getBeansOfType(InboundMailSchedule.class)).isEmpty();
    }

    @Test
    void aContactsNewMailBecomesATicketOfTheTriagedTypeRoutedAndAcknowledged() throws Exception {
        deliver(mail(ACME, "Creative 8812 was rejected but should be approved", "Please look at creative 8812."));
        deliver(mail(ACME, "Placements show blanks since 10:00", "Placement 5512 shows blanks on every page."));

        assertThat(poller.poll()).isEqualTo(2);

        var creative = ticket(entry("Creative 8812 was rejected but should be approved"));
        assertThat(creative.path("requestType").asText()).isEqualTo("CREATIVE_AUDITING");
        assertThat(creative.path("team").asText()).isEqualTo("ad-quality");
        assertThat(creative.path("channel").asText()).isEqualTo("EMAIL");
        assertThat(creative.path("description").asText()).isEqualTo("Please look at creative 8812.");
        assertThat(creative.path("impact").asText()).isEqualTo(InboundMailDesk.IMPACT_NOT_STATED);
        var blanks = ticket(entry("Placements show blanks since 10:00"));
        assertThat(blanks.path("requestType").asText()).isEqualTo("AD_SERVING");
        assertThat(blanks.path("team").asText()).isEqualTo("client-services");
        assertThat(blanks.path("submittedBy").asText()).isEqualTo(Tickets.CONTACT);
        assertThat(kinds(blanks.path("key").asText())).contains("request-received");
        assertThat(view.count(MailboxPoller.PROCESSED)).isEqualTo(2);
        assertThat(view.unseenInInbox()).isZero();
    }

    @Test
    void aContactWhoseAddressWasTypedInCapitalsIsStillKnownByTheirMail() throws Exception {
        var user = identities.createUserQuery().userId("spoc-globex").singleResult();
        var typed = user.getEmail();
        user.setEmail("SPOC-Globex@Desk.Example");
        identities.saveUser(user);
        try {
            deliver(mail(GLOBEX, "Mixed-case address: placements blank", "Placement 7 shows blanks."));

            assertThat(poller.poll()).isEqualTo(1);

            var entry = entry("Mixed-case address: placements blank");
            assertThat(entry.path("outcome").asText()).as(entry.toString()).isEqualTo("TICKET_CREATED");
        } finally {
            user.setEmail(typed);
            identities.saveUser(user);
        }
    }

    @Test
    void aScreenshotSentWithTheMailIsNotAskedForInTheAnswer() throws Exception {
        var request = mail(ACME, "The user interface shows an error screen " + SEQUENCE.incrementAndGet(), null);
        withFile(
                request,
                "The campaign page shows an error since this morning.",
                "error-screen.png",
                Tickets.PNG,
                "image/png");
        deliver(request);

        assertThat(poller.poll()).isEqualTo(1);

        var ticket = ticket(entry(request.getSubject()));
        var key = ticket.path("key").asText();
        assertThat(ticket.path("requestType").asText()).isEqualTo("UI_API_BUG");
        var files = http.get(Tickets.CONTACT, "/api/tickets/" + key + "/attachments")
                .json();
        assertThat(files.findValuesAsText("fileName")).containsExactly("error-screen.png");
        var received = StreamSupport.stream(
                        http.get(ADMIN, "/api/outbox?ticket=" + key).json().spliterator(), false)
                .filter(message -> message.path("kind").asText().equals("request-received"))
                .toList();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).path("body").asText())
                .as("what the request-received message asks for")
                .contains("Browser")
                .doesNotContain("A screenshot");
    }

    @Test
    void aMailedDataPullBecomesATicketWithTheMailsWordsAsItsBusinessJustification() throws Exception {
        var text =
                "We need a data pull of all impressions of campaign 77 for March: our auditor asks for it by Friday.";
        deliver(mail(ACME, "Data pull for the March audit", text));

        assertThat(poller.poll()).isEqualTo(1);

        var pull = ticket(entry("Data pull for the March audit"));
        assertThat(pull.path("requestType").asText()).isEqualTo("CRITICAL_DATA_PULL");
        assertThat(pull.path("businessJustification").asText()).isEqualTo(text);
        assertThat(kinds(pull.path("key").asText())).contains("request-received");
    }

    @Test
    void anHtmlOnlyMailBecomesPlainText() throws Exception {
        var message = mail(ACME, "Report page " + SEQUENCE.incrementAndGet(), "");
        message.setContent(
                "<html><head><style>p{color:red}</style></head><body><p>Line one &amp; more</p>"
                        + "<script>alert(1)</script><div>Line two</div></body></html>",
                "text/html; charset=UTF-8");
        message.saveChanges();
        deliver(message);

        poller.poll();

        var ticket = ticket(entry(message.getSubject()));
        assertThat(ticket.path("description").asText()).isEqualTo("Line one & more\nLine two");
    }

    @Test
    void aReplyToADeskMessageLandsAsTheCustomersAnswerWithoutTheQuotedTextAndWithItsScreenshot() throws Exception {
        var key = Tickets.waitingOnCustomer(
                http, Tickets.submit(http, "Blank placements " + SEQUENCE.incrementAndGet()), "Which placement?");
        var reply = mail(ACME, "Re: [" + key + "] Questions about your request", null);
        reply.setHeader("In-Reply-To", "<ticket-" + key + "@client-services-desk>");
        reply.setHeader("References", "<ticket-" + key + "@client-services-desk>");
        withFile(reply, """
                Placement 5512, see the screenshot.

                Thanks,
                Ana

                On Tue, 1 Dec 2026 at 10:30, Client Services Desk <desk@clientservices.example> wrote:
                > Which placement?
                > Regards
                """, "blank-placement.png", Tickets.PNG, "image/png");
        deliver(reply);

        poller.poll();

        var ticket = http.get(Tickets.CONTACT, "/api/tickets/" + key).json();
        assertThat(ticket.path("status").asText()).isEqualTo("IN_PROGRESS");
        var answers = StreamSupport.stream(ticket.path("conversation").spliterator(), false)
                .filter(message -> message.path("kind").asText().equals("ANSWER"))
                .toList();
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).path("text").asText())
                .isEqualTo("Placement 5512, see the screenshot.\n\nThanks,\nAna");
        assertThat(answers.get(0).path("from").asText()).isEqualTo(Tickets.CONTACT);
        var files = http.get(Tickets.CONTACT, "/api/tickets/" + key + "/attachments")
                .json();
        assertThat(files.findValuesAsText("fileName")).containsExactly("blank-placement.png");
        assertThat(entry(reply.getSubject()).path("outcome").asText()).isEqualTo("REPLY");
    }

    @Test
    void aReplyToAClosedTicketWithinTheWindowReopensIt() throws Exception {
        var key = Tickets.closed(
                http, Tickets.submit(http, "Blank placements " + SEQUENCE.incrementAndGet()), "Cache cleared");
        deliver(mail(ACME, "Re: [" + key + "] Your request is resolved", "It is blank again since noon."));

        poller.poll();

        assertThat(Tickets.status(http, key)).isEqualTo("IN_PROGRESS");
    }

    @Test
    void aReplyTheConversationRefusesIsRecordedWithTheDesksReasonAndChangesNothing() throws Exception {
        var key = Tickets.routed(http, Tickets.CONTACT, Tickets.MEMBER, "BILLING", "Invoice " + SEQUENCE.get());
        var subject = "Re: [" + key + "] Invoice " + SEQUENCE.incrementAndGet();
        deliver(mail(ACME, subject, "Any news?"));

        poller.poll();

        assertThat(Tickets.status(http, key)).isEqualTo("REDIRECTED");
        var entry = entry(subject);
        assertThat(entry.path("outcome").asText()).isEqualTo("REFUSED");
        assertThat(entry.path("reason").asText()).startsWith("REPLY_REFUSED").contains("account representative");
    }

    @Test
    void aContactWhoseReplyTheDeskCannotTakeIsToldWhyOnceADay() throws Exception {
        // A day of its own: the once-a-day rule counts that day's messages only.
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-03-04T15:00:00Z")));
        try {
            var key =
                    Tickets.routed(http, Tickets.CONTACT, Tickets.MEMBER, "BILLING", "Invoice told " + SEQUENCE.get());
            var other =
                    Tickets.routed(http, Tickets.CONTACT, Tickets.MEMBER, "BILLING", "Credit note " + SEQUENCE.get());
            deliver(mail(ACME, "Re: [" + key + "] Invoice, first try " + SEQUENCE.incrementAndGet(), "Any news?"));
            deliver(mail(ACME, "Re: [" + key + "] Invoice, second try " + SEQUENCE.incrementAndGet(), "Hello?"));
            deliver(mail(ACME, "Re: [" + other + "] Credit note", "And this one?"));

            assertThat(poller.poll()).isEqualTo(3);

            assertThat(outbox(other, MailNotTaken.KIND_NAME))
                    .as("about another ticket, told too")
                    .hasSize(1);
            var told = outbox(key, MailNotTaken.KIND_NAME);
            assertThat(told).as("one a day about a ticket, however many mails").hasSize(1);
            var message = told.get(0);
            assertThat(message.path("address").asText()).isEqualTo(ACME);
            assertThat(message.path("subject").asText())
                    .isEqualTo("[" + key + "] Your e-mail was not added: Re: [" + key + "] Invoice, first try "
                            + (SEQUENCE.get() - 1));
            assertThat(message.path("body").asText())
                    .contains("redirected to your account representative")
                    .contains("on Tue 4 Mar 2031, 10:00 EST")
                    .contains("/portal/tickets/" + key);
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void aContactOfSeveralMembersWhoMailsANewRequestIsToldToUseThePortal() throws Exception {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-03-05T15:00:00Z")));
        try {
            var user = identities.newUser("contact-of-two");
            user.setFirstName("Kim");
            user.setLastName("Twofold");
            user.setEmail("contact-of-two@desk.example");
            identities.saveUser(user);
            members.addContact(1001, "contact-of-two");
            members.addContact(1002, "contact-of-two");
            var subject = "Placements blank for one of us " + SEQUENCE.incrementAndGet();
            deliver(mail("contact-of-two@desk.example", subject, "Placement 5512 shows blanks."));

            poller.poll();

            assertThat(entry(subject).path("reason").asText()).startsWith("SEVERAL_MEMBERS");
            var told = StreamSupport.stream(
                            http.get(ADMIN, "/api/outbox").json().spliterator(), false)
                    .filter(message -> message.path("address").asText().equals("contact-of-two@desk.example"))
                    .toList();
            assertThat(told).singleElement().satisfies(message -> {
                assertThat(message.path("kind").asText()).isEqualTo(MailNotTaken.KIND_NAME);
                assertThat(message.path("subject").asText()).isEqualTo("Your e-mail was not added: " + subject);
                assertThat(message.path("body").asText())
                        .startsWith("Hello Kim Twofold,")
                        .contains("contact of several of our customers")
                        .contains("/portal/new");
            });
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void aRefusedFileIsRecordedAndTheReplyStillLands() throws Exception {
        var key = Tickets.submit(http, "Blank placements " + SEQUENCE.incrementAndGet());
        var reply = mail(ACME, "Re: [" + key + "] More", null);
        withFile(
                reply,
                "The installer we use is attached.",
                "setup.exe",
                new byte[] {'M', 'Z', 0, 1, 2, 3},
                "application/octet-stream");
        deliver(reply);

        poller.poll();

        var entry = entry(reply.getSubject());
        assertThat(entry.path("outcome").asText()).isEqualTo("REPLY");
        assertThat(entry.path("reason").asText()).contains("setup.exe");
        var conversation =
                http.get(Tickets.CONTACT, "/api/tickets/" + key).json().path("conversation");
        assertThat(conversation.findValuesAsText("text")).contains("The installer we use is attached.");
        assertThat(http.get(Tickets.CONTACT, "/api/tickets/" + key + "/attachments")
                        .json()
                        .findValuesAsText("fileName"))
                .isEmpty();
    }

    @Test
    void aTextOverTheDescriptionLimitIsCutAndKeptWholeAsAFile() throws Exception {
        var subject = "Long log " + SEQUENCE.incrementAndGet();
        deliver(mail(ACME, subject, "x".repeat(25_000)));

        poller.poll();

        var ticket = ticket(entry(subject));
        assertThat(ticket.path("description").asText()).hasSize(20_000);
        var files = http.get(
                        Tickets.CONTACT, "/api/tickets/" + ticket.path("key").asText() + "/attachments")
                .json();
        assertThat(files.findValuesAsText("fileName")).containsExactly("message.txt");
    }

    @Test
    void mailThatIsNoContactsRequestCreatesNothingSendsNothingAndIsListedWithItsReason() throws Exception {
        var acmeTicket = Tickets.submit(http, "Blank placements " + SEQUENCE.incrementAndGet());
        var tickets = count("ticket");
        var notifications = count("notification");
        var n = SEQUENCE.incrementAndGet();
        deliver(mail("stranger@elsewhere.example", "Unknown " + n, "Hello"));
        var vacation = mail(ACME, "Out of office " + n, "I am away");
        vacation.setHeader("Auto-Submitted", "auto-replied");
        deliver(vacation);
        var bulk = mail(ACME, "Newsletter " + n, "News");
        bulk.setHeader("Precedence", "bulk");
        deliver(bulk);
        var own = mail("desk@clientservices.example", "Own " + n, "Your request");
        own.setHeader("Message-ID", "<notification-" + n + "@client-services-desk>");
        deliver(own);
        var large = mail(ACME, "Large " + n, null);
        withFile(large, "A large log", "huge.log", new byte[11 * 1024 * 1024], "text/plain");
        deliver(large);

        poller.poll();

        assertThat(count("ticket")).isEqualTo(tickets);
        assertThat(count("notification")).isEqualTo(notifications);
        assertThat(entry("Unknown " + n).path("reason").asText()).startsWith("UNKNOWN_SENDER");
        assertThat(entry("Out of office " + n).path("reason").asText()).startsWith("AUTOMATIC_REPLY");
        assertThat(entry("Newsletter " + n).path("reason").asText()).startsWith("AUTOMATIC_REPLY");
        assertThat(entry("Own " + n).path("reason").asText()).startsWith("OWN_MESSAGE");
        assertThat(entry("Large " + n).path("reason").asText()).startsWith("TOO_LARGE");
        assertThat(view.count(MailboxPoller.REFUSED)).isEqualTo(5);
        assertThat(meters.counter(InboundMailDesk.METRIC, "outcome", "REFUSED", "reason", "UNKNOWN_SENDER")
                        .count())
                .isPositive();
        assertThat(http.get(Tickets.CONTACT, "/api/inbound-mail").status()).isEqualTo(403);
        assertThat(http.get(Tickets.AGENT, "/api/inbound-mail").status()).isEqualTo(403);
    }

    @Test
    void aMailNamingAnotherMembersTicketOrNoneIsANewRequestOfTheSendersMember() throws Exception {
        var acmeTicket = Tickets.submit(http, "Blank placements " + SEQUENCE.incrementAndGet());
        var acmeBefore = http.get(Tickets.CONTACT, "/api/tickets/" + acmeTicket).body();
        var n = SEQUENCE.incrementAndGet();
        var forwarded = "Re: [" + acmeTicket + "] Blank placements " + n;
        var unknown = "[CS-999999] Placement 5512 shows blanks " + n;
        deliver(mail(GLOBEX, forwarded, "Our placements show blanks too."));
        deliver(mail(ACME, unknown, "Placement 5512 shows blanks on every page."));

        poller.poll();

        var globex = entry(forwarded);
        assertThat(globex.path("outcome").asText()).as(globex.toString()).isEqualTo("TICKET_CREATED");
        var created = http.get(
                "spoc-globex", "/api/tickets/" + globex.path("ticketKey").asText());
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().path("memberId").asLong()).isEqualTo(1002);
        assertThat(created.json().path("submittedBy").asText()).isEqualTo("spoc-globex");
        assertThat(kinds(globex.path("ticketKey").asText())).contains("request-received");
        assertThat(http.get(Tickets.CONTACT, "/api/tickets/" + acmeTicket).body())
                .as("the other member's ticket is untouched")
                .isEqualTo(acmeBefore);
        assertThat(ticket(entry(unknown)).path("memberId").asLong()).isEqualTo(1001);
    }

    @Test
    void theSameMessageDeliveredTwiceMakesOneTicket() throws Exception {
        var subject = "Blanks twice " + SEQUENCE.incrementAndGet();
        var message = mail(ACME, subject, "Placement 5512 shows blanks.");
        deliver(message);
        deliver(message);
        var tickets = count("ticket");

        poller.poll();
        poller.poll();

        assertThat(count("ticket")).isEqualTo(tickets + 1);
        assertThat(entries(subject)).hasSize(1);
    }

    @Test
    void twoPollersReadingOneMailboxAtOnceMakeOneTicket() throws Exception {
        var subject = "Blanks on two nodes " + SEQUENCE.incrementAndGet();
        deliver(mail(ACME, subject, "Placement 5512 shows blanks."));
        var tickets = count("ticket");
        var start = new CountDownLatch(1);
        Callable<Integer> pass = () -> {
            start.await();
            return poller.poll();
        };
        var threads = Executors.newFixedThreadPool(2);
        try {
            var first = threads.submit(pass);
            var second = threads.submit(pass);
            start.countDown();
            assertThat(first.get() + second.get()).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }

        assertThat(count("ticket")).isEqualTo(tickets + 1);
        assertThat(entries(subject)).hasSize(1);
    }

    @Test
    void twoMailsOfOnlyAScreenshotEachNamedAlikeBothLandTheirFiles() throws Exception {
        var key = Tickets.submit(http, "Two screenshots " + SEQUENCE.incrementAndGet());
        var second = Arrays.copyOf(Tickets.PNG, Tickets.PNG.length + 1);
        for (var content : List.of(Tickets.PNG, second)) {
            var reply = mail(ACME, "Re: [" + key + "] We have your request " + content.length, null);
            withFile(reply, null, "image001.png", content, "image/png");
            deliver(reply);
        }

        assertThat(poller.poll()).isEqualTo(2);

        var files = http.get(Tickets.CONTACT, "/api/tickets/" + key + "/attachments")
                .json();
        assertThat(files.findValuesAsText("fileName")).containsExactly("image001.png", "image001.png");
        var secondMail = entry("Re: [" + key + "] We have your request " + second.length);
        assertThat(secondMail.path("outcome").asText()).isEqualTo("REPLY");
        assertThat(secondMail.path("reason").asText())
                .contains("already on the ticket")
                .contains("its files were");
    }

    private static MimeMessage mail(String from, String subject, String text) throws Exception {
        var message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
        message.setSubject(subject, "UTF-8");
        if (text != null) {
            message.setText(text, "UTF-8");
        }
        message.saveChanges();
        return message;
    }

    /** The mail as a mail program sends one file: its text, if any, then the file. */
    private static void withFile(MimeMessage mail, String text, String fileName, byte[] content, String type)
            throws Exception {
        var parts = new MimeMultipart();
        if (text != null) {
            var body = new MimeBodyPart();
            body.setText(text, "UTF-8");
            parts.addBodyPart(body);
        }
        var file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
        file.setFileName(fileName);
        parts.addBodyPart(file);
        mail.setContent(parts);
        mail.saveChanges();
    }

    // Delivered as it is: the Message-ID saveChanges gave it stays, so delivering it again is the same message.
    private void deliver(MimeMessage message) {
        mailbox.deliver(message);
    }

    private JsonNode entry(String subject) {
        var found = entries(subject);
        assertThat(found).as("inbound mail with subject " + subject).hasSize(1);
        return found.get(0);
    }

    private List<JsonNode> entries(String subject) {
        var response = http.get(ADMIN, "/api/inbound-mail");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var found = new ArrayList<JsonNode>();
        response.json().forEach(entry -> {
            if (subject.equals(entry.path("subject").asText())) {
                found.add(entry);
            }
        });
        return found;
    }

    private JsonNode ticket(JsonNode entry) {
        var key = entry.path("ticketKey").asText();
        assertThat(entry.path("outcome").asText()).as(entry.toString()).isEqualTo("TICKET_CREATED");
        var response = http.get(Tickets.CONTACT, "/api/tickets/" + key);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private List<JsonNode> outbox(String key, String kind) {
        return StreamSupport.stream(
                        http.get(ADMIN, "/api/outbox?ticket=" + key).json().spliterator(), false)
                .filter(message -> message.path("kind").asText().equals(kind))
                .toList();
    }

    private List<String> kinds(String key) {
        return http.get(ADMIN, "/api/outbox?ticket=" + key).json().findValuesAsText("kind");
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
