package com.clientservices.desk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskHttpClient.Response;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.ProbeModel;
import com.clientservices.desk.Tickets;
import com.clientservices.desk.WebappBrowser;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Requests that change state from another site are refused, whatever the sign-in (docs/specification.md §8): a
 * browser that holds a desk user's Basic credentials or session sends them along with a form or a
 * fetch another site starts. Every POST, PUT, PATCH and DELETE whose browser says it comes from
 * elsewhere (a foreign or "null" Origin, Sec-Fetch-Site cross-site or same-site) is answered 403
 * problem+json and changes nothing, on the desk's API, the engine REST API, the webapps and the
 * desk's pages; the desk's own pages and clients that are not browsers keep working.
 */
@DeskTest
class CrossSiteRequestsTest {

    private static final String VALID = Tickets.valid("Cross-site probe: blank placements");
    private static final String BOUNDARY = "----cross-site";
    private static final String EVIL = "https://evil.example";
    private static final String PROBE_MODEL = ProbeModel.of("cross-site-probe", "cross-site");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TaskService tasks;

    @Autowired
    RepositoryService repository;

    @Autowired
    DeskHttpClient http;

    static Stream<Arguments> foreignBrowsers() {
        return Stream.of(
                Arguments.of("Origin of another site", Map.of("Origin", EVIL)),
                Arguments.of("Origin null (a sandboxed frame)", Map.of("Origin", "null")),
                Arguments.of("Origin of another port of this host", Map.of("Origin", "http://localhost:1")),
                Arguments.of("Origin of this host and port over https", Map.of("Origin", "https://localhost:{port}")),
                Arguments.of("Sec-Fetch-Site cross-site, no Origin", Map.of("Sec-Fetch-Site", "cross-site")),
                Arguments.of("Sec-Fetch-Site same-site, no Origin", Map.of("Sec-Fetch-Site", "same-site")),
                Arguments.of(
                        "Sec-Fetch-Site cross-site with this Origin",
                        Map.of("Sec-Fetch-Site", "cross-site", "Origin", "http://localhost:{port}")),
                // Forwarded headers are trusted in the prod profile only: here they cannot make a foreign Origin fit.
                Arguments.of(
                        "foreign Origin with X-Forwarded-Host to match",
                        Map.of(
                                "Origin",
                                EVIL,
                                "X-Forwarded-Host",
                                "evil.example",
                                "X-Forwarded-Proto",
                                "https",
                                "X-Forwarded-Port",
                                "443")));
    }

    @ParameterizedTest(name = "[{index}] POST /api/tickets, {0}")
    @MethodSource("foreignBrowsers")
    void aTicketIsNotSubmittedFromAnotherSite(String name, Map<String, String> headers) {
        var before = count("ticket");
        var eventsBefore = count("ticket_event");

        var answer = http.send("spoc-acme", "POST", "/api/tickets", VALID, "application/json", withPort(headers));

        assertRefused(answer);
        assertThat(count("ticket")).as("no ticket").isEqualTo(before);
        assertThat(count("ticket_event")).as("no audit record").isEqualTo(eventsBefore);
    }

    @ParameterizedTest(name = "[{index}] multipart attachment, {0}")
    @MethodSource("foreignBrowsers")
    void noFileIsAttachedFromAnotherSite(String name, Map<String, String> headers) {
        var key = submit();
        var before = count("ticket_attachment");

        var answer = http.send(
                "spoc-acme",
                "POST",
                "/api/tickets/" + key + "/attachments",
                file("console.log", "GET /ad 500\n"),
                "multipart/form-data; boundary=" + BOUNDARY,
                withPort(headers));

        assertRefused(answer);
        assertThat(count("ticket_attachment")).as("no attachment").isEqualTo(before);
    }

    @Test
    void noModelIsDeployedFromAnotherSite() {
        var before = repository.createDeploymentQuery().count();

        var answer = http.send(
                "process-owner",
                "POST",
                "/engine-rest/deployment/create",
                deployment(),
                "multipart/form-data; boundary=" + BOUNDARY,
                Map.of("Origin", EVIL));

        assertRefused(answer);
        assertThat(repository.createDeploymentQuery().count())
                .as("no deployment")
                .isEqualTo(before);
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("cross-site-probe")
                        .count())
                .isZero();
    }

    @Test
    void aTaskIsNeitherClaimedNorUnclaimedFromAnotherSiteByABodilessPost() {
        var task = acknowledgeTaskOf(submit());

        var claim = http.send(
                "cs-agent", "POST", "/engine-rest/task/" + task + "/claim", null, null, Map.of("Origin", EVIL));
        assertRefused(claim);
        assertThat(assignee(task)).as("nobody claimed it").isNull();

        assertThat(http.send(
                                "cs-agent",
                                "POST",
                                "/engine-rest/task/" + task + "/claim",
                                "{\"userId\":\"cs-agent\"}",
                                "application/json",
                                Map.of())
                        .status())
                .isEqualTo(204);
        var unclaim = http.send(
                "cs-agent",
                "POST",
                "/engine-rest/task/" + task + "/unclaim",
                null,
                null,
                Map.of("Sec-Fetch-Site", "cross-site"));
        assertRefused(unclaim);
        assertThat(assignee(task)).as("still claimed").isEqualTo("cs-agent");
    }

    @Test
    void putAndDeleteFromAnotherSiteChangeNothing() {
        var put = http.send(
                "demo",
                "PUT",
                "/api/members/9701",
                "{\"name\":\"Cross-site member\",\"accountRepresentative\":" + "\"account-rep\",\"contacts\":[]}",
                "application/json",
                Map.of("Origin", EVIL));
        assertRefused(put);
        assertThat(jdbc.sql("select count(*) from member where member_id = 9701")
                        .query(Long.class)
                        .single())
                .isZero();

        var deployment = repository
                .createDeployment()
                .name("cross-site-delete-probe")
                .addString("cross-site-probe.bpmn", PROBE_MODEL)
                .deploy();
        try {
            var delete = http.send(
                    "demo",
                    "DELETE",
                    "/engine-rest/deployment/" + deployment.getId() + "?cascade=true",
                    null,
                    null,
                    Map.of("Origin", "null"));
            assertRefused(delete);
            assertThat(repository
                            .createDeploymentQuery()
                            .deploymentId(deployment.getId())
                            .count())
                    .as("still deployed")
                    .isOne();
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void aWebappSessionWithItsCsrfTokenStillCannotClaimFromAnotherSite() {
        var task = acknowledgeTaskOf(submit());
        var browser = new WebappBrowser(http.port());
        assertThat(browser.signIn("cs-agent", "demo", "tasklist").statusCode()).isEqualTo(200);
        var claim = "/camunda/api/engine/engine/default/task/" + task + "/claim";

        var forged = browser.send("POST", claim, "{\"userId\":\"cs-agent\"}", Map.of("Origin", EVIL));

        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(assignee(task)).isNull();

        var own = browser.send(
                "POST",
                claim,
                "{\"userId\":\"cs-agent\"}",
                Map.of("Origin", "http://localhost:" + http.port(), "Sec-Fetch-Site", "same-origin"));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(204);
        assertThat(assignee(task)).isEqualTo("cs-agent");
    }

    @Test
    void theDeskSignInFormTakesNoSignInFromAnotherSite() {
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        var page = DeskHttpClient.exchange(
                browser, HttpRequest.newBuilder(http.uri("/login")).GET());
        var form = "username=cs-agent&password=demo&_csrf="
                + URLEncoder.encode(DeskHttpClient.csrfToken(page.body()), StandardCharsets.UTF_8);

        var forged = Response.of(DeskHttpClient.exchange(browser, signIn(form).header("Origin", EVIL)));
        assertRefused(forged);

        var own = Response.of(
                DeskHttpClient.exchange(browser, signIn(form).header("Origin", "http://localhost:" + http.port())));
        assertThat(own.status()).isEqualTo(302);
        assertThat(own.location()).doesNotContain("error");
    }

    static Stream<Arguments> ownPagesAndOtherClients() {
        return Stream.of(
                Arguments.of("this Origin", Map.of("Origin", "http://localhost:{port}")),
                Arguments.of(
                        "this Origin and Sec-Fetch-Site same-origin",
                        Map.of("Origin", "http://localhost:{port}", "Sec-Fetch-Site", "same-origin")),
                Arguments.of("Sec-Fetch-Site none (typed by the user)", Map.of("Sec-Fetch-Site", "none")),
                Arguments.of("neither header (curl, scripts, Camunda Modeler)", Map.of()));
    }

    @ParameterizedTest(name = "[{index}] POST /api/tickets, {0}")
    @MethodSource("ownPagesAndOtherClients")
    void theDesksOwnPagesAndClientsThatAreNotBrowsersKeepWorking(String name, Map<String, String> headers) {
        var before = count("ticket");

        var answer = http.send("spoc-acme", "POST", "/api/tickets", VALID, "application/json", withPort(headers));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(count("ticket")).isEqualTo(before + 1);
    }

    @Test
    void readingFromAnotherSiteIsNotAChange() {
        var answer = http.send(
                "spoc-acme",
                "GET",
                "/api/request-types",
                null,
                null,
                Map.of("Origin", EVIL, "Sec-Fetch-Site", "cross-site"));

        assertThat(answer.status()).isEqualTo(200);
    }

    // ---------------------------------------------------------------------------------------------

    private static void assertRefused(Response answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("status").asInt()).isEqualTo(403);
        assertThat(answer.json().path("detail").asText()).contains("another site");
    }

    private Map<String, String> withPort(Map<String, String> headers) {
        var resolved = new HashMap<String, String>();
        headers.forEach((name, value) -> resolved.put(name, value.replace("{port}", String.valueOf(http.port()))));
        return resolved;
    }

    private HttpRequest.Builder signIn(String form) {
        return HttpRequest.newBuilder(http.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
    }

    private String submit() {
        return Tickets.submit(http, "spoc-acme", VALID);
    }

    private String acknowledgeTaskOf(String key) {
        return tasks.createTaskQuery()
                .processInstanceBusinessKey(key)
                .taskDefinitionKey("Task_AcknowledgeTicket")
                .singleResult()
                .getId();
    }

    private String assignee(String task) {
        return tasks.createTaskQuery().taskId(task).singleResult().getAssignee();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static String file(String name, String content) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + content + "\r\n--" + BOUNDARY + "--\r\n";
    }

    private static String deployment() {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\ncross-site\r\n"
                + "--" + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"cross-site-probe.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + PROBE_MODEL + "\r\n--" + BOUNDARY + "--\r\n";
    }
}
