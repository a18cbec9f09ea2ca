package com.clientservices.desk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.Tickets;
import com.clientservices.desk.sla.SlaTargets;
import com.clientservices.desk.ticket.TicketRepository;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The /audit pages as a browser gets them: sign in, search, a real ticket's timeline and each team's compliance. */
@DeskTest
class AuditPagesTest {

    private static final String LOCAL_TIME = "\\w{3} \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2} E[SD]T";

    @Autowired
    DeskHttpClient http;

    @Autowired
    TicketRepository tickets;

    @Autowired
    SlaTargets targets;

    String key;

    @BeforeEach
    void aWorkedTicket() {
        key = Tickets.submit(http, "<b>Blank</b> placements & more");
        var task = http.get("cs-agent", "/engine-rest/task?processInstanceBusinessKey=" + key)
                .json()
                .get(0)
                .get("id")
                .asText();
        http.post("cs-agent", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"cs-agent\"}");
        http.post("cs-agent", "/engine-rest/task/" + task + "/complete", "{\"variables\":{}}");
    }

    @Test
    void auditorSearchesOpensTheTimelineAndReadsEachTeamsCompliance() throws Exception {
        var browser = signIn("auditor");

        var search = get(browser, "/audit?q=" + key);
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body())
                .contains(key)
                .contains("&lt;b&gt;Blank&lt;/b&gt; placements &amp; more")
                .doesNotContain("<b>Blank</b>");
        // Each team's SLA compliance in words; per week, with charts, on the compliance page.
        assertThat(search.body())
                .contains("id=\"compliance\"")
                .contains("<strong>Client Services</strong>:")
                .containsPattern("standard issues <span>met \\d+ of \\d+ \\(\\d+ %\\)")
                .contains("href=\"/audit/compliance\"");

        var ticket = get(browser, "/audit/tickets/" + key);
        assertThat(ticket.statusCode()).isEqualTo(200);
        // In words (docs/specification.md §13): labels, names, local times; no code of the desk or the engine.
        assertThat(ticket.body())
                .contains("id=\"timeline\"")
                .contains("Submitted")
                .contains("Task done")
                .contains("Acknowledge")
                .contains("Target met")
                .contains("Acknowledgement to the customer")
                .contains("Client Services")
                .containsPattern("(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2}:\\d{2} E[SD]T");
        var timeline = ticket.body().substring(ticket.body().indexOf("id=\"timeline\""));
        assertThat(timeline)
                .doesNotContain(
                        "SUBMITTED", "TASK_COMPLETED", "SLA_TARGET_MET", "ACKNOWLEDGEMENT", "Task_", "AD_SERVING")
                .doesNotContain(">spoc-acme<", ">cs-agent<", ">client-services<")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theSearchReadsInWordsWithTheTimeLeftToEachOpenTargetAndNoCodeOrIsoTime() throws Exception {
        var fresh = Tickets.submit(http, "Search in words: a fresh ticket");
        var waiting =
                Tickets.waitingOnCustomer(http, Tickets.submit(http, "Search in words: a question"), "Which browser?");
        var browser = signIn("auditor");

        var page = get(browser, "/audit?q=search+in+words").body();
        // docs/specification.md §13: the team by name, the request type by label, the status in words, local times.
        assertThat(row(page, fresh))
                .contains("<td>Client Services</td>")
                .contains("<td>Observed ad serving issues</td>")
                .contains("<td>Standard</td>")
                .contains("<td class=\"status\">New</td>")
                .containsPattern("<strong>in \\d+ (min|h|days?)")
                .containsPattern("Acknowledgement due " + LOCAL_TIME)
                .containsPattern("<td class=\"when\">" + LOCAL_TIME + "</td>");
        assertThat(row(page, waiting))
                .contains("<td class=\"status\">Waiting on the customer</td>")
                .contains("Nothing due");
        var table = page.substring(page.indexOf("id=\"tickets\""), page.indexOf("</table>"));
        assertThat(table)
                .doesNotContain("WAITING_ON_CUSTOMER", "AD_SERVING", "ACKNOWLEDGEMENT", ">client-services<", ">NEW<")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");

        // The status filter offers words and still sends the code.
        var filtered = get(browser, "/audit?q=search+in+words&status=WAITING_ON_CUSTOMER")
                .body();
        assertThat(filtered)
                .contains(
                        "<option value=\"WAITING_ON_CUSTOMER\" selected=\"selected\">Waiting on the customer</option>")
                .contains("<option value=\"NEW\">New</option>")
                .contains(waiting)
                .doesNotContain(fresh);
        // A team is found by the name the page shows.
        assertThat(get(browser, "/audit?q=client+services").body()).contains("data-ticket=\"" + fresh + "\"");

        // Past its due time, the row says by how long.
        var target =
                targets.ofTicket(tickets.findByKey(fresh).orElseThrow().id()).get(0);
        ClockUtil.setCurrentTime(Date.from(target.dueAt().toInstant().plus(Duration.ofMinutes(12))));
        assertThat(row(get(browser, "/audit?q=" + fresh).body(), fresh))
                .contains("<strong class=\"missed\">overdue by 12 min</strong>");
    }

    @Test
    void auditorDownloadsTheTimelineAsCsvAndJsonWithCodesBesideWordsAndNoFormulaRuns() throws Exception {
        var reply = http.post("spoc-acme", "/api/tickets/" + key + "/replies", """
                {"message": "=HYPERLINK(\\"http://evil.example\\", \\"click\\")"}""");
        assertThat(reply.status()).isEqualTo(200);
        var browser = signIn("auditor");

        var csv = get(browser, "/audit/tickets/" + key + "/timeline.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"" + key + "-timeline.csv\"");
        var rows = csv.body().split("\r\n");
        assertThat(rows[0]).isEqualTo("at,when,type,what,actor,who,description,details");
        assertThat(rows).anyMatch(row -> row.contains(",SUBMITTED,Submitted,spoc-acme,Pat Acme,"));
        // The customer's words are kept whole, but as text a spreadsheet shows instead of running.
        assertThat(rows)
                .anyMatch(row -> row.contains(",ADDED_INFORMATION,")
                        && row.contains("\"'=HYPERLINK(\"\"http://evil.example\"\", \"\"click\"\")\""));
        assertThat(rows).noneMatch(row -> row.contains(",=HYPERLINK") || row.contains(",\"=HYPERLINK"));

        var json = get(browser, "/audit/tickets/" + key + "/timeline.json");
        assertThat(json.statusCode()).isEqualTo(200);
        var entries = new ObjectMapper().readTree(json.body());
        assertThat(entries.size()).isEqualTo(rows.length - 1);
        assertThat(entries.get(0).get("type").asText()).isEqualTo("SUBMITTED");
        assertThat(entries.get(0).get("who").asText()).isEqualTo("Pat Acme");
        assertThat(entries.get(0).get("at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*");
        assertThat(entries.get(0).get("when").asText()).matches("\\w{3} \\d{1,2} \\w{3} \\d{4}, .* E[SD]T");

        assertThat(get(signIn("cs-agent"), "/audit/tickets/" + key + "/timeline.csv")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void auditorsManagersAndAdministratorsReadTheAuditPagesAndAgentsAreRefused() throws Exception {
        assertThat(get(signIn("cs-agent"), "/audit").statusCode()).isEqualTo(403);
        assertThat(get(signIn("cs-manager"), "/audit/tickets/" + key).statusCode())
                .isEqualTo(200);
        assertThat(get(signIn("demo"), "/audit/tickets/" + key).statusCode()).isEqualTo(200);
        var anonymous =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        var redirected = get(anonymous, "/audit");
        assertThat(redirected.statusCode()).isEqualTo(302);
        assertThat(redirected.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    /** The search's row of that ticket. */
    private static String row(String page, String key) {
        var start = page.indexOf("data-ticket=\"" + key + "\"");
        assertThat(start).as("a row for " + key).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private HttpClient signIn(String user) throws Exception {
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        var form = get(browser, "/login");
        // The sign-in page's own form, whatever order its fields' attributes come in.
        var token = DeskHttpClient.csrfToken(form.body());
        var body = "username=" + user + "&password=demo&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        var response = browser.send(
                HttpRequest.newBuilder(http.uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return browser;
    }

    private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(http.uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
