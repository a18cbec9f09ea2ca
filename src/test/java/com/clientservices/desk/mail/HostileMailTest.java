package com.clientservices.desk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.LoopbackMailServer;
import com.clientservices.desk.LoopbackPort;
import com.clientservices.desk.MailboxView;
import com.clientservices.desk.Tickets;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hostile mail against the e-mail channel (docs/specification.md §12, §8): malformed MIME, huge headers, deep
 * nesting, charset tricks, control and bidi characters, archives, path traversal, forged senders, mail loops and
 * oversized mail. Each one is taken once and filed, as a cleaned ticket or reply or as a refusal with its reason,
 * never a stuck poller nor a half-made ticket. All cases share one desk and one mail server.
 */
@DeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileMailTest {

    private static final int IMAP_PORT = LoopbackPort.free();
    private static final GreenMail IMAP = LoopbackMailServer.of(IMAP_PORT, ServerSetup.PROTOCOL_IMAP);
    private static final String MAILBOX = "hostile@clientservices.example";
    private static final String PASSWORD = "mailbox-secret";
    private static final String ACME = "spoc-acme@desk.example";
    private static final String GLOBEX = "spoc-globex@desk.example";
    private static final String ADMIN = "demo";
    private static final String CRLF = "\r\n";
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}]");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final AtomicInteger CASES = new AtomicInteger();

    @Autowired
    DeskHttpClient http;

    @Autowired
    InboundMailDesk desk;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HistoryService history;

    private GreenMailUser mailbox;
    private final MailboxView view = new MailboxView(IMAP, MAILBOX, PASSWORD);
    private MailboxPoller poller;
    private Tickets2 keys;
    private Map<String, String> keyOfCase;
    private List<JsonNode> listed;

    /** An Acme ticket and a Globex ticket the hostile replies name. */
    record Tickets2(String acme, String globex) {}

    /** One hostile message: its name, how to build it, and whether it must be refused. */
    /**
     * @param newRequestOf where set, the message must become a new request of that member, never a reply to the
     *                     ticket its subject names
     */
    record Case(String name, Function<Tickets2, byte[]> raw, boolean mustRefuse, Long newRequestOf) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** What the desk recorded of one message. */
    record Row(String outcome, String reason, String ticketKey, String subject) {}

    @BeforeAll
    void start() {
        IMAP.start();
        mailbox = IMAP.setUser(MAILBOX, MAILBOX, PASSWORD);
        poller = LoopbackPoller.of(IMAP_PORT, MAILBOX, PASSWORD, desk);
    }

    @AfterAll
    void stop() {
        IMAP.stop();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedOrCleanedNeverStuckNorHalfMade(Case hostile) throws Exception {
        if (keyOfCase == null) {
            takeTheWholeCorpusAsOneBatch();
        }
        var key = InboundMailLog.stored(keyOfCase.get(hostile.name()));
        var rows = jdbc.sql("select outcome, reason, ticket_key, subject from inbound_mail where message_id = :key")
                .param("key", key)
                .query((rs, n) -> new Row(
                        rs.getString("outcome"),
                        rs.getString("reason"),
                        rs.getString("ticket_key"),
                        rs.getString("subject")))
                .list();
        assertThat(rows)
                .as("one record of the message " + key.substring(0, Math.min(key.length(), 100)))
                .hasSize(1);
        var row = rows.get(0);
        assertThat(row.outcome()).isIn("TICKET_CREATED", "REPLY", "REFUSED");
        if (row.subject() != null) {
            assertThat(INVISIBLE.matcher(row.subject()).find())
                    .as("listed subject is clean")
                    .isFalse();
        }
        if (hostile.mustRefuse()) {
            assertThat(row.outcome()).as(String.valueOf(row.reason())).isEqualTo("REFUSED");
        }
        if (hostile.newRequestOf() != null) {
            assertThat(row.outcome()).as(String.valueOf(row.reason())).isEqualTo("TICKET_CREATED");
            assertThat(jdbc.sql("select member_id from ticket where id = :id")
                            .param("id", Long.parseLong(row.ticketKey().substring(3)))
                            .query(Long.class)
                            .single())
                    .isEqualTo(hostile.newRequestOf());
        }
        if (row.outcome().equals("REFUSED")) {
            assertThat(row.reason()).isNotBlank();
            assertThat(row.ticketKey()).as("nothing created").isNull();
            assertThat(listed).as("listed for administrators with its reason").anySatisfy(entry -> {
                assertThat(entry.path("outcome").asText()).isEqualTo("REFUSED");
                assertThat(entry.path("reason").asText()).isEqualTo(row.reason());
                assertThat(entry.path("subject").textValue()).isEqualTo(row.subject());
            });
            return;
        }
        assertThat(row.ticketKey()).isNotNull();
        var id = Long.parseLong(row.ticketKey().substring(3));
        var ticket = jdbc.sql("select subject, description from ticket where id = :id")
                .param("id", id)
                .query((rs, n) -> new String[] {rs.getString("subject"), rs.getString("description")})
                .single();
        assertThat(INVISIBLE.matcher(ticket[0]).find()).as("clean subject").isFalse();
        assertThat(ticket[0].length()).isLessThanOrEqualTo(200);
        assertThat(ticket[1].length()).isLessThanOrEqualTo(20_000);
        for (var name : jdbc.sql("select file_name from ticket_attachment where ticket_id = :id")
                .param("id", id)
                .query(String.class)
                .list()) {
            assertThat(INVISIBLE.matcher(name).find())
                    .as("clean file name " + name)
                    .isFalse();
            assertThat(name).doesNotContain("/", "\\", "..");
        }
        if (row.outcome().equals("REPLY")) {
            assertThat(row.ticketKey()).isEqualTo(keys.acme());
        }
    }

    /**
     * The whole corpus arrives at once, as hostile mail would, and the desk reads it in its usual passes: no message
     * may hold up the others, every one is taken once and filed within {@link MailboxPoller#ATTEMPTS_MAX} passes, and
     * a further pass finds nothing. Run in the first case: the process coverage of the desk's tests records only
     * within a test.
     */
    private void takeTheWholeCorpusAsOneBatch() throws Exception {
        keys = new Tickets2(
                Tickets.submit(http, "Hostile corpus, Acme"),
                Tickets.submit(http, "spoc-globex", 1002, "AD_SERVING", "Hostile corpus, Globex"));
        var rowsBefore = count("inbound_mail");
        var lastRowBefore = maxId("inbound_mail");
        var ticketsBefore = maxId("ticket");
        var filedBefore = filed();
        var cases = corpus().toList();
        var byCase = new HashMap<String, String>();
        for (var hostile : cases) {
            var raw = hostile.raw().apply(keys);
            byCase.put(hostile.name(), keyOf(raw));
            mailbox.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
        }
        assertThat(new HashSet<>(byCase.values()))
                .as("every case is a message of its own")
                .hasSameSizeAs(cases);

        for (var pass = 0; pass < MailboxPoller.ATTEMPTS_MAX && view.unseenInInbox() > 0; pass++) {
            assertThatCode(() -> poller.poll()).doesNotThrowAnyException();
        }
        assertThat(poller.poll()).as("a further pass takes nothing again").isZero();
        assertThat(view.unseenInInbox()).as("nothing left in the inbox").isZero();
        assertThat(filed()).as("every message filed, never lost").isEqualTo(filedBefore + cases.size());
        assertThat(count("inbound_mail")).as("one record per message").isEqualTo(rowsBefore + cases.size());

        // Never a half-made ticket: every new ticket has its process, every record its ticket.
        var made = jdbc.sql("select id from ticket where id > :id")
                .param("id", ticketsBefore)
                .query(Long.class)
                .list();
        for (var id : made) {
            assertThat(history.createHistoricProcessInstanceQuery()
                            .processInstanceBusinessKey("CS-" + id)
                            .count())
                    .as("process of CS-" + id)
                    .isPositive();
        }
        assertThat(made)
                .as("a ticket for each message that made one, no more")
                .hasSize(jdbc.sql("select count(*) from inbound_mail where outcome = 'TICKET_CREATED' and id > :id")
                        .param("id", lastRowBefore)
                        .query(Integer.class)
                        .single());
        assertThat(jdbc.sql("""
                        select count(*) from inbound_mail m where m.ticket_key is not null
                        and not exists (select 1 from ticket t where 'CS-' || t.id = m.ticket_key)
                        """).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from inbound_mail where outcome = 'TAKING'")
                        .query(Long.class)
                        .single())
                .isZero();
        listed = new ArrayList<>();
        http.get(ADMIN, "/api/inbound-mail").json().forEach(listed::add);
        keyOfCase = byCase;
    }

    // The key the desk records a message by: its Message-ID, or for one without, a hash of what it says.
    private static String keyOf(byte[] raw) throws Exception {
        var local = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        try {
            return MailReading.read(local).key();
        } catch (Exception e) {
            return MailReading.unreadable(local).key();
        }
    }

    static Stream<Case> corpus() {
        var cases = new ArrayList<Case>();
        malformed(cases);
        hugeHeaders(cases);
        nesting(cases);
        charsets(cases);
        invisibleCharacters(cases);
        archives(cases);
        fileNames(cases);
        forgedSenders(cases);
        loops(cases);
        oversized(cases);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
        assertThat(cases.stream().map(Case::name).distinct()).hasSameSizeAs(cases);
        return cases.stream();
    }

    // --- families ---

    private static void malformed(List<Case> cases) {
        add(
                cases,
                "malformed: multipart without boundary parameter",
                k -> message(ACME, "No boundary", "Content-Type: multipart/mixed", "--x\r\n\r\nhello\r\n--x--\r\n"));
        add(
                cases,
                "malformed: multipart whose boundary never occurs",
                k -> message(
                        ACME, "Missing boundary", "Content-Type: multipart/mixed; boundary=\"abc\"", "just text\r\n"));
        add(
                cases,
                "malformed: unterminated multipart",
                k -> message(
                        ACME,
                        "Unterminated",
                        "Content-Type: multipart/mixed; boundary=\"b1\"",
                        "--b1\r\nContent-Type: text/plain\r\n\r\nstart of text\r\n--b1\r\nContent-Type: text/plain\r\n\r\nmore"));
        add(
                cases,
                "malformed: empty multipart",
                k -> message(ACME, "Empty multipart", "Content-Type: multipart/mixed; boundary=\"b1\"", "--b1--\r\n"));
        add(
                cases,
                "malformed: unknown Content-Transfer-Encoding",
                k -> message(
                        ACME,
                        "Unknown encoding",
                        "Content-Type: text/plain\r\nContent-Transfer-Encoding: x-rot13-extreme",
                        "uryyb\r\n"));
        add(
                cases,
                "malformed: broken base64 body",
                k -> message(
                        ACME,
                        "Broken base64",
                        "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64",
                        "SGVsbG8@@@!!!***====QQ\r\n===\r\n"));
        add(
                cases,
                "malformed: broken quoted-printable body",
                k -> message(
                        ACME,
                        "Broken QP",
                        "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable",
                        "Hello =ZZ =\r\n=4 =E2=82\r\n"));
        add(
                cases,
                "malformed: broken base64 attachment",
                k -> multipart(
                        ACME,
                        "Broken base64 file",
                        text("see file"),
                        "Content-Type: image/png\r\nContent-Disposition: attachment; filename=\"a.png\"\r\n"
                                + "Content-Transfer-Encoding: base64\r\n\r\n!!!not base64!!!\r\n"));
        add(cases, "malformed: no headers at all", k -> bytes("\r\nbody only\r\n"));
        add(
                cases,
                "malformed: no From header",
                k -> bytes("Subject: no sender\r\nMessage-ID: " + id() + "\r\n\r\nhello\r\n"));
        add(
                cases,
                "malformed: no Subject header",
                k -> bytes("From: " + ACME + "\r\nMessage-ID: " + id() + "\r\n\r\nplacement 5512 is blank\r\n"));
        add(
                cases,
                "malformed: no Message-ID header",
                k -> bytes("From: " + ACME + "\r\nSubject: No id " + SEQUENCE.incrementAndGet() + "\r\n\r\nhello\r\n"));
        add(
                cases,
                "malformed: duplicate Subject headers",
                k -> message(ACME, "First subject", "Subject: Second subject", "hello\r\n"));
        add(
                cases,
                "malformed: duplicate Message-ID headers",
                k -> message(ACME, "Two ids", "Message-ID: <other-" + SEQUENCE.incrementAndGet() + "@x>", "hello\r\n"));
        add(
                cases,
                "malformed: duplicate Content-Type headers",
                k -> message(
                        ACME,
                        "Two types",
                        "Content-Type: text/plain\r\nContent-Type: multipart/mixed; boundary=q",
                        "hi\r\n"));
        add(
                cases,
                "malformed: invalid Date",
                k -> message(ACME, "Bad date", "Date: the day after tomorrow at 99:99", "hello\r\n"));
        add(
                cases,
                "malformed: Date in year 99999",
                k -> message(ACME, "Far date", "Date: Mon, 1 Jan 99999 00:00:00 +9999", "hello\r\n"));
        add(cases, "malformed: empty body", k -> message(ACME, "Empty body", null, ""));
        add(
                cases,
                "malformed: only an attachment",
                k -> multipart(ACME, "Only a file", attachment("image/png", "shot.png", Tickets.PNG)));
        add(
                cases,
                "malformed: message/rfc822 with garbage",
                k -> multipart(
                        ACME,
                        "Garbage inner",
                        text("see inner"),
                        "Content-Type: message/rfc822\r\n\r\n\u0001\u0002garbage: : :\r\n\r\n"));
        add(
                cases,
                "malformed: header line without colon",
                k -> bytes("From: " + ACME + "\r\nMessage-ID: " + id()
                        + "\r\nThis is not a header\r\nSubject: colonless\r\n\r\nhello\r\n"));
        add(
                cases,
                "malformed: bare LF line endings",
                k -> ("From: " + ACME + "\nMessage-ID: " + id() + "\nSubject: Bare LF " + SEQUENCE.incrementAndGet()
                                + "\n\nhello\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        add(cases, "malformed: unparseable From", k -> message("<<<@@@>>>", "Bad from", null, "hello\r\n"));
    }

    private static void hugeHeaders(List<Case> cases) {
        add(cases, "huge headers: 200 KB subject", k -> message(ACME, "S".repeat(200_000), null, "hello\r\n"));
        add(
                cases,
                "huge headers: 200 KB folded subject",
                k -> message(
                        ACME, String.join("\r\n ", Collections.nCopies(2_000, "word".repeat(25))), null, "hi\r\n"));
        add(cases, "huge headers: 10,000 header lines", k -> {
            var extra = new StringBuilder();
            for (var i = 0; i < 10_000; i++) {
                extra.append("X-Filler-").append(i).append(": value ").append(i).append(CRLF);
            }
            return message(ACME, "Many headers", extra.toString().strip(), "hello\r\n");
        });
        add(
                cases,
                "huge headers: 10,000 Received lines",
                k -> message(
                        ACME,
                        "Many received",
                        String.join(CRLF, Collections.nCopies(10_000, "Received: from a by b; Mon, 1 Jan 2026")),
                        "hello\r\n"));
        add(cases, "huge headers: 1 MB single body line", k -> message(ACME, "Long line", null, "y".repeat(1 << 20)));
        add(
                cases,
                "huge headers: 100 KB Message-ID",
                k -> bytes("From: " + ACME + "\r\nMessage-ID: <" + "m".repeat(100_000) + SEQUENCE.incrementAndGet()
                        + "@x>\r\nSubject: Long id\r\n\r\nhello\r\n"));
        add(
                cases,
                "huge headers: 100 KB From display name",
                k -> message("\"" + "N".repeat(100_000) + "\" <" + ACME + ">", "Long name", null, "hello\r\n"));
    }

    private static void nesting(List<Case> cases) {
        for (var depth : new int[] {50, 100, 200}) {
            add(cases, "deep nesting: multipart " + depth + " levels", k -> {
                var body = text("deep text");
                for (var i = 0; i < depth; i++) {
                    body = "Content-Type: multipart/mixed; boundary=\"d" + i + "\"\r\n\r\n--d" + i + CRLF + body
                            + "\r\n--d" + i + "--\r\n";
                }
                return raw(ACME, "Deep " + depth, body);
            });
        }
        add(cases, "deep nesting: 500 levels unterminated", k -> {
            var body = new StringBuilder();
            for (var i = 0; i < 500; i++) {
                body.append("Content-Type: multipart/mixed; boundary=\"u")
                        .append(i)
                        .append("\"\r\n\r\n--u")
                        .append(i)
                        .append(CRLF);
            }
            return raw(ACME, "Deep unterminated", body + text("x"));
        });
        for (var depth : new int[] {2, 20, 100}) {
            add(cases, "deep nesting: message/rfc822 " + depth + " levels", k -> {
                var body = "From: " + ACME + "\r\nSubject: inner\r\nContent-Type: text/plain\r\n\r\ninner text\r\n";
                for (var i = 0; i < depth; i++) {
                    body = "Content-Type: message/rfc822\r\n\r\nFrom: " + ACME + "\r\nSubject: level " + i + CRLF
                            + body;
                }
                return raw(ACME, "Nested messages " + depth, body);
            });
        }
        add(cases, "deep nesting: 1,000 sibling parts", k -> {
            var parts = new ArrayList<String>();
            for (var i = 0; i < 1_000; i++) {
                parts.add(text("part " + i));
            }
            return multipart(ACME, "Many parts", parts.toArray(String[]::new));
        });
        add(cases, "deep nesting: 30 attachments", k -> {
            var parts = new ArrayList<String>();
            parts.add(text("thirty shots"));
            for (var i = 0; i < 30; i++) {
                parts.add(attachment("image/png", "shot" + i + ".png", Tickets.PNG));
            }
            return multipart(ACME, "Thirty files", parts.toArray(String[]::new));
        });
    }

    private static void charsets(List<Case> cases) {
        add(
                cases,
                "charset: unknown charset in body",
                k -> message(ACME, "Unknown charset", "Content-Type: text/plain; charset=x-klingon-99", "qapla'\r\n"));
        add(
                cases,
                "charset: unknown charset in encoded-word",
                k -> message(ACME, "=?x-klingon?Q?qapla?= subject", null, "hello\r\n"));
        add(
                cases,
                "charset: UTF-8 labelled US-ASCII",
                k -> messageBytes(
                        ACME,
                        "Mislabelled ascii",
                        "Content-Type: text/plain; charset=us-ascii",
                        "caf\u00e9 \u2603\r\n".getBytes(StandardCharsets.UTF_8)));
        add(
                cases,
                "charset: Latin-1 labelled UTF-8",
                k -> messageBytes(
                        ACME,
                        "Mislabelled utf-8",
                        "Content-Type: text/plain; charset=UTF-8",
                        "caf\u00e9 \u00ff\u00fe\r\n".getBytes(StandardCharsets.ISO_8859_1)));
        add(
                cases,
                "charset: odd bytes labelled UTF-16",
                k -> messageBytes(
                        ACME, "Odd utf-16", "Content-Type: text/plain; charset=UTF-16", new byte[] {(byte) 0xD8, 0, 0x41
                        }));
        add(
                cases,
                "charset: UTF-16 lone surrogate",
                k -> messageBytes(ACME, "Lone surrogate", "Content-Type: text/plain; charset=UTF-16BE", new byte[] {
                    (byte) 0xD8, 0x00, 0x00, 0x41
                }));
        add(
                cases,
                "charset: UTF-7 body",
                k -> message(ACME, "Utf-7", "Content-Type: text/plain; charset=UTF-7", "+ACIAPABzAGMAcgBp-\r\n"));
        add(
                cases,
                "charset: encoded-word with invalid base64",
                k -> message(ACME, "=?UTF-8?B?!!!invalid!!!?= subject", null, "hello\r\n"));
        add(
                cases,
                "charset: encoded-word with invalid Q",
                k -> message(ACME, "=?UTF-8?Q?=ZZ=E2=82?= subject", null, "hello\r\n"));
        add(
                cases,
                "charset: encoded-word with unknown encoding letter",
                k -> message(ACME, "=?UTF-8?X?abc?= subject", null, "hello\r\n"));
        add(
                cases,
                "charset: mixed charsets in one subject",
                k -> message(
                        ACME, "=?ISO-8859-1?Q?caf=E9?= =?UTF-8?B?4piD?= =?KOI8-R?Q?=F0=D2=C9?= mix", null, "hi\r\n"));
        add(
                cases,
                "charset: mixed charsets in parts",
                k -> multipart(
                        ACME,
                        "Mixed parts",
                        "Content-Type: text/plain; charset=ISO-8859-1\r\n\r\ncaf\u00e9\r\n",
                        "Content-Type: text/html; charset=Shift_JIS\r\n\r\n<p>x</p>\r\n"));
        add(
                cases,
                "charset: overlong UTF-8 in body",
                k -> messageBytes(ACME, "Overlong", "Content-Type: text/plain; charset=UTF-8", new byte[] {
                    'a', (byte) 0xC0, (byte) 0xAF, (byte) 0xE0, (byte) 0x80, (byte) 0xAF, 'b'
                }));
        add(
                cases,
                "charset: overlong UTF-8 in subject",
                k -> message(ACME, "=?UTF-8?Q?a=C0=AF=E0=80=AFb?= overlong", null, "hi\r\n"));
        add(
                cases,
                "charset: NUL bytes in body",
                k -> messageBytes(
                        ACME, "Nul body", "Content-Type: text/plain; charset=UTF-8", new byte[] {'a', 0, 'b', 0, 0, 'c'
                        }));
        add(
                cases,
                "charset: NUL byte in encoded subject",
                k -> message(ACME, "=?UTF-8?Q?nul=00here?= subject", null, "hi\r\n"));
        add(
                cases,
                "charset: invalid UTF-8 in raw subject",
                k -> messageBytes(
                        ACME, "raw \u00ff\u00fe subject", null, "hi\r\n".getBytes(StandardCharsets.US_ASCII)));
        add(
                cases,
                "charset: base64 UTF-32 body",
                k -> message(
                        ACME,
                        "Utf-32",
                        "Content-Type: text/plain; charset=UTF-32\r\nContent-Transfer-Encoding: base64",
                        Base64.getEncoder().encodeToString(new byte[] {0, 0, 0, 'a', 0, 0x11, 0, 0}) + CRLF));
    }

    private static void invisibleCharacters(List<Case> cases) {
        var characters = new String[][] {
            {"U+202E right-to-left override", "\u202e"},
            {"U+202D left-to-right override", "\u202d"},
            {"U+2066 left-to-right isolate", "\u2066"},
            {"U+2067 right-to-left isolate", "\u2067"},
            {"U+2068 first strong isolate", "\u2068"},
            {"U+2069 pop directional isolate", "\u2069"},
            {"U+200E left-to-right mark", "\u200e"},
            {"U+200F right-to-left mark", "\u200f"},
            {"C0 control U+0007", "\u0007"},
            {"C0 control U+001B", "\u001b"},
            {"C1 control U+0085", "\u0085"},
            {"C1 control U+009B", "\u009b"},
            {"DEL U+007F", "\u007f"},
        };
        for (var character : characters) {
            add(
                    cases,
                    "bidi and controls: subject with " + character[0],
                    k -> message(
                            ACME,
                            encoded("Invoice " + character[1] + "fdp.exe " + SEQUENCE.incrementAndGet()),
                            null,
                            "hello\r\n"));
            add(
                    cases,
                    "bidi and controls: file name with " + character[0],
                    k -> multipart(
                            ACME,
                            "File with " + character[0],
                            text("see file"),
                            attachment("image/png", encoded("shot" + character[1] + "gnp.exe"), Tickets.PNG)));
        }
        add(
                cases,
                "bidi and controls: CR LF injection in encoded subject",
                k -> message(ACME, "=?UTF-8?Q?Hello=0D=0ABcc:_victim@example.com=0D=0A=0D=0Abody?=", null, "hi\r\n"));
        add(
                cases,
                "bidi and controls: CR LF injection in reply subject",
                k -> message(ACME, encoded("Re: [" + k.acme() + "]\r\nX-Injected: yes"), null, "an answer\r\n"));
        add(
                cases,
                "bidi and controls: only invisible characters as subject",
                k -> message(ACME, encoded("\u202e\u2066\u200f\u0007"), null, "hello\r\n"));
    }

    private static void archives(List<Case> cases) {
        add(
                cases,
                "archives: zip bomb expanding to 200 MB",
                k -> multipart(
                        ACME, "Zip bomb", text("logs attached"), attachment("application/zip", "logs.zip", zipBomb())));
        add(
                cases,
                "archives: zip bomb named as a PNG",
                k -> multipart(ACME, "Zip as png", text("shot"), attachment("image/png", "shot.png", zipBomb())));
        add(
                cases,
                "archives: zip bomb in a reply",
                k -> multipart(
                        ACME,
                        "Re: [" + k.acme() + "] logs",
                        text("logs"),
                        attachment("application/zip", "l.zip", zipBomb())));
        add(
                cases,
                "archives: gzip bomb",
                k -> multipart(ACME, "Gzip bomb", text("logs"), attachment("application/gzip", "logs.gz", gzipBomb())));
        add(
                cases,
                "archives: gzip bomb as Content-Encoding",
                k -> message(
                        ACME,
                        "Gzip body",
                        "Content-Type: text/plain\r\nContent-Encoding: gzip\r\nContent-Transfer-Encoding: base64",
                        Base64.getMimeEncoder().encodeToString(gzipBomb()) + CRLF));
        add(
                cases,
                "archives: nested zip of zips",
                k -> multipart(
                        ACME,
                        "Nested zip",
                        text("zips"),
                        attachment("application/zip", "z.zip", zip("inner.zip", zipBomb()))));
        add(
                cases,
                "archives: 7z magic",
                k -> multipart(
                        ACME, "Seven zip", text("7z"), attachment("application/x-7z-compressed", "a.7z", new byte[] {
                            '7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C
                        })));
        add(
                cases,
                "archives: rar magic",
                k -> multipart(ACME, "Rar", text("rar"), attachment("application/x-rar", "a.rar", new byte[] {
                    'R', 'a', 'r', '!', 0x1A, 0x07, 0
                })));
    }

    private static void fileNames(List<Case> cases) {
        var names = new String[][] {
            {"relative traversal", "../../etc/passwd"},
            {"encoded traversal", "..%2F..%2Fetc%2Fpasswd"},
            {"Windows traversal", "..\\..\\windows\\system32\\config"},
            {"absolute path", "/etc/passwd"},
            {"Windows absolute path", "C:\\Windows\\win.ini"},
            {"UNC path", "\\\\server\\share\\a.png"},
            {"device name CON", "CON"},
            {"device name NUL.png", "NUL.png"},
            {"device name COM1", "COM1.png"},
            {"1,000-character name", "a".repeat(996) + ".png"},
            {"only dots", ".."},
            {"blank name", "   "},
            {"NUL in name", "shot\u0000.png.exe"},
        };
        for (var name : names) {
            add(
                    cases,
                    "file names: " + name[0],
                    k -> multipart(
                            ACME,
                            "File " + name[0],
                            text("see file"),
                            attachment("image/png", encoded(name[1]), Tickets.PNG)));
        }
        add(
                cases,
                "file names: traversal in a reply",
                k -> multipart(
                        ACME,
                        "Re: [" + k.acme() + "] file",
                        text("file"),
                        attachment("image/png", "../../../../tmp/x.png", Tickets.PNG)));
    }

    private static void forgedSenders(List<Case> cases) {
        // Another member's ticket named in the subject: never a reply to it, a new request of the sender's member
        // (§12).
        cases.add(new Case(
                "forged sender: Acme contact replies to a Globex ticket",
                k -> message(ACME, "Re: [" + k.globex() + "] let me in", null, "hello\r\n"),
                false,
                1001L));
        cases.add(new Case(
                "forged sender: Globex contact replies to an Acme ticket",
                k -> message(GLOBEX, "Re: [" + k.acme() + "] let me in", null, "hello\r\n"),
                false,
                1002L));
        add(
                cases,
                "forged sender: contact's address as display name",
                k -> message("\"" + ACME + " \" <attacker@evil.example>", "Display name trick", null, "hello\r\n"),
                true);
        add(
                cases,
                "forged sender: contact's address as display name in a reply",
                k -> message(
                        "\"" + ACME + "\" <attacker@evil.example>", "Re: [" + k.acme() + "] trick", null, "hi\r\n"),
                true);
        add(
                cases,
                "forged sender: two From addresses",
                k -> message("attacker@evil.example, " + ACME, "Two senders", null, "hello\r\n"),
                true);
        add(
                cases,
                "forged sender: contact first of two From addresses",
                k -> message(ACME + ", attacker@evil.example", "Two senders, contact first", null, "hello\r\n"),
                true);
        add(
                cases,
                "forged sender: two From headers",
                k -> message("attacker@evil.example", "Two From headers", "From: " + ACME, "hello\r\n"),
                true);
        add(
                cases,
                "forged sender: Sender differs from From",
                k -> message(ACME, "Sender mismatch", "Sender: attacker@evil.example", "hello\r\n"),
                true);
        add(
                cases,
                "forged sender: contact address with a comment",
                k -> message("attacker@evil.example (" + ACME + ")", "Comment trick", null, "hello\r\n"),
                true);
        add(
                cases,
                "forged sender: lookalike address",
                k -> message("spoc-acme@desk.example.evil.example", "Lookalike", null, "hello\r\n"),
                true);
        add(
                cases,
                "forged sender: group syntax",
                k -> message("undisclosed: " + ACME + ";", "Group syntax", null, "hello\r\n"),
                true);
        add(cases, "forged sender: empty From", k -> message("", "Empty from", null, "hello\r\n"), true);
    }

    private static void loops(List<Case> cases) {
        add(
                cases,
                "reply loop: Auto-Submitted auto-replied",
                k -> message(ACME, "Out of office", "Auto-Submitted: auto-replied", "away\r\n"),
                true);
        add(cases, "reply loop: Precedence junk", k -> message(ACME, "Junk", "Precedence: junk", "x\r\n"), true);
        add(cases, "reply loop: X-Autoreply", k -> message(ACME, "Autoreply", "X-Autoreply: yes", "x\r\n"), true);
        add(cases, "reply loop: List-Id", k -> message(ACME, "List", "List-Id: <news.example>", "x\r\n"), true);
        add(
                cases,
                "reply loop: desk's own Message-ID",
                k -> bytes("From: " + ACME + "\r\nMessage-ID: <loop-"
                        + SEQUENCE.incrementAndGet() + "@client-services-desk>\r\nSubject: [" + k.acme()
                        + "] Your request\r\n\r\nbounced\r\n"),
                true);
        add(
                cases,
                "reply loop: bounce from mailer-daemon",
                k -> message("MAILER-DAEMON@mx.example", "Undelivered Mail Returned to Sender", null, "bounce\r\n"),
                true);
    }

    private static void oversized(List<Case> cases) {
        add(
                cases,
                "oversized: text just over 10 MB",
                k -> message(ACME, "Just over 10 MB", null, "z".repeat(10 * 1024 * 1024 + 1024)),
                true);
        add(
                cases,
                "oversized: attachment just over 10 MB",
                k -> multipart(
                        ACME,
                        "Attachment over 10 MB",
                        text("big"),
                        attachment("image/png", "big.png", new byte[7_900_000])),
                true);
    }

    // --- building raw messages ---

    private static void add(List<Case> cases, String name, Function<Tickets2, byte[]> raw) {
        add(cases, name, raw, false);
    }

    private static void add(List<Case> cases, String name, Function<Tickets2, byte[]> raw, boolean mustRefuse) {
        cases.add(new Case(name, raw, mustRefuse, null));
    }

    private static String id() {
        return "<hostile-" + SEQUENCE.incrementAndGet() + "@test.example>";
    }

    private static byte[] bytes(String raw) {
        return raw.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] message(String from, String subject, String extraHeaders, String body) {
        return messageBytes(from, subject, extraHeaders, body.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] messageBytes(String from, String subject, String extraHeaders, byte[] body) {
        var head = "From: " + from + CRLF + "To: " + MAILBOX + CRLF + "Message-ID: " + id() + CRLF + "Subject: "
                + subject + CRLF + (extraHeaders == null ? "" : extraHeaders + CRLF) + CRLF;
        var out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    // A message whose body (with its own Content-Type header) is given whole.
    private static byte[] raw(String from, String subject, String part) {
        return bytes("From: " + from + CRLF + "Message-ID: " + id() + CRLF + "Subject: " + subject + CRLF
                + "MIME-Version: 1.0" + CRLF + part);
    }

    private static byte[] multipart(String from, String subject, String... parts) {
        var boundary = "hostile-" + SEQUENCE.incrementAndGet();
        var body = new StringBuilder();
        for (var part : parts) {
            body.append("--").append(boundary).append(CRLF).append(part).append(CRLF);
        }
        body.append("--").append(boundary).append("--").append(CRLF);
        return message(
                from,
                subject,
                "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"" + boundary + "\"",
                body.toString());
    }

    private static String text(String text) {
        return "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + text + CRLF;
    }

    private static String attachment(String type, String name, byte[] content) {
        return "Content-Type: " + type + "\r\nContent-Disposition: attachment; filename=\"" + name
                + "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(content)
                + CRLF;
    }

    // An RFC 2047 encoded-word carrying any characters, control characters included.
    private static String encoded(String value) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    private static byte[] zipBomb() {
        return zip("zeros.bin", null);
    }

    private static byte[] zip(String name, byte[] content) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            if (content != null) {
                zip.write(content);
            } else {
                var zeros = new byte[1 << 20];
                for (var i = 0; i < 200; i++) {
                    zip.write(zeros);
                }
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gzipBomb() {
        var out = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(out)) {
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 100; i++) {
                gzip.write(zeros);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    // --- reading the mailbox and the database ---

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private long maxId(String table) {
        var max = jdbc.sql("select max(id) from " + table).query(Long.class).optional();
        return max.orElse(0L);
    }

    private int filed() throws Exception {
        return view.count(MailboxPoller.PROCESSED) + view.count(MailboxPoller.REFUSED);
    }
}
