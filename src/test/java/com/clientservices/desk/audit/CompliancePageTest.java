package com.clientservices.desk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.PageBrowser;
import com.clientservices.desk.Tickets;
import com.clientservices.desk.lifecycle.Scenario;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The SLA compliance page (docs/specification.md §14) for two seeded weeks: the share met per team, issue kind and week
 * in words worked out by hand, the chart's canvas and scripts, the period's report to download, and who may read it.
 */
@DeskTest
class CompliancePageTest {

    private static final String PERIOD = "from=2027-06-07&to=2027-06-20&team=client-services";

    @Autowired
    DeskHttpClient http;

    @Autowired
    Scenario scenario;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void twoSeededWeeksReadPerTeamKindAndWeekInWordsWithAChartAndTheReportToDownload() throws Exception {
        seedTwoWeeks();

        var page = PageBrowser.signIn(http, "auditor").get("/audit/compliance?" + PERIOD);
        assertThat(page.statusCode()).isEqualTo(200);
        var body = page.body();
        assertThat(body)
                .contains("Response-time targets of the tickets submitted from Mon 7 Jun 2027 to Sun 20 Jun 2027")
                .contains("America/New_York")
                .contains("<h3 id=\"team-0\">Client Services</h3>")
                .as("the team filter names the teams and keeps the chosen one")
                .contains("<option value=\"client-services\" selected=\"selected\">Client Services</option>")
                .contains("<option value=\"ad-quality\">Ad Quality</option>")
                .doesNotContain(">client-services<")
                .doesNotContain("STANDARD", "EMERGENCY", "ACKNOWLEDGEMENT");
        // Monday's two standard tickets: one acknowledged within the hour, one after its target was breached.
        assertThat(row(body, "Mon 7 Jun"))
                .contains("<th scope=\"row\">Mon 7 Jun to Sun 13 Jun 2027</th>")
                .contains("<td data-kind=\"standard\" data-percent=\"50\">met 1 of 2 (50 %)</td>")
                .contains("<td data-kind=\"emergency\">no targets</td>");
        // The next Monday's emergency, acknowledged in half an hour; its status updates run on.
        assertThat(row(body, "Mon 14 Jun"))
                .contains("<th scope=\"row\">Mon 14 Jun to Sun 20 Jun 2027</th>")
                .contains("<td data-kind=\"standard\">no targets</td>")
                .containsPattern("<td data-kind=\"emergency\" data-percent=\"100\">met 1 of 1 \\(100 %\\)[^<]*</td>");
        assertThat(body).contains("Whole period: standard issues <strong>met 1 of 2 (50 %)</strong>");
        // Drawn by Chart.js from the table, by scripts from the desk itself (the pages' Content-Security-Policy).
        assertThat(body)
                .contains("<canvas role=\"img\" aria-label=\"Chart of the share of response-time targets met per week"
                        + " by Client Services")
                .contains("<script src=\"/vendor/chart-js/chart.umd.min.js\"></script>")
                .contains("<script src=\"/js/compliance.js\"></script>")
                .doesNotContain("<script>");
        assertThat(PageBrowser.signIn(http, "auditor")
                        .get("/vendor/chart-js/chart.umd.min.js")
                        .statusCode())
                .as("the build put Chart.js among the served files")
                .isEqualTo(200);

        assertThat(body)
                .contains("href=\"/audit/compliance.csv?" + PERIOD.replace("&", "&amp;") + "\"")
                .contains("href=\"/audit/compliance.json?" + PERIOD.replace("&", "&amp;") + "\"");
        var csv = PageBrowser.signIn(http, "cs-manager").get("/audit/compliance.csv?" + PERIOD);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
                .contains("sla-client-services-2027-06-07-2027-06-20.csv");
        var lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo(SlaReport.Row.CSV_HEADER);
        assertThat(lines).anyMatch(line -> line.startsWith("client-services,STANDARD,2,1,1,"));
        assertThat(lines).anyMatch(line -> line.startsWith("client-services,EMERGENCY,1,1,0,"));
        assertThat(lines).hasSize(3);
        var json = PageBrowser.signIn(http, "demo").get("/audit/compliance.json?" + PERIOD);
        assertThat(json.statusCode()).isEqualTo(200);
        var rows = new ObjectMapper().readTree(json.body());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("team").asText()).isEqualTo("client-services");
        assertThat(rows.findValuesAsText("issueKind")).containsExactlyInAnyOrder("STANDARD", "EMERGENCY");
    }

    @Test
    void theAuditSearchSaysEachTeamsComplianceInWordsAndLinksToTheComplianceReport() throws Exception {
        Tickets.submit(http, "Compliance: one more ticket");

        var search = PageBrowser.signIn(http, "auditor").get("/audit");
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body())
                .contains("SLA compliance, last 8 weeks")
                .contains("<strong>Client Services</strong>:")
                .contains("<a id=\"compliance-report\" href=\"/audit/compliance\">")
                .doesNotContain("<svg");
        var page = PageBrowser.signIn(http, "auditor").get("/audit/compliance");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .as("the last 8 weeks, from a Monday")
                .containsPattern("submitted from Mon \\d{1,2} \\w{3} \\d{4} to \\w{3} \\d{1,2} \\w{3} \\d{4}")
                .contains("Client Services");
    }

    @Test
    void auditorsManagersAndAdministratorsReadTheComplianceReportAndOthersAreRefused() throws Exception {
        for (var reader : new String[] {"auditor", "cs-manager", "demo"}) {
            var browser = PageBrowser.signIn(http, reader);
            assertThat(browser.get("/audit/compliance").statusCode()).as(reader).isEqualTo(200);
            assertThat(browser.get("/audit/compliance.csv").statusCode())
                    .as(reader)
                    .isEqualTo(200);
            assertThat(browser.get("/audit/compliance.json").statusCode())
                    .as(reader)
                    .isEqualTo(200);
        }
        for (var other : new String[] {"cs-agent", "account-rep", "spoc-acme"}) {
            var browser = PageBrowser.signIn(http, other);
            assertThat(browser.get("/audit/compliance").statusCode()).as(other).isEqualTo(403);
            assertThat(browser.get("/audit/compliance.csv").statusCode())
                    .as(other)
                    .isEqualTo(403);
            assertThat(browser.get("/audit/compliance.json").statusCode())
                    .as(other)
                    .isEqualTo(403);
        }
        var anonymous =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        var redirected = anonymous.send(
                HttpRequest.newBuilder(http.uri("/audit/compliance")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(redirected.statusCode()).isEqualTo(302);
        assertThat(redirected.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void anUnknownTeamAPeriodBackwardsOrLongerThanAYearIsRefused() throws Exception {
        var auditor = PageBrowser.signIn(http, "auditor");
        assertThat(auditor.get("/audit/compliance?team=nobody").statusCode()).isEqualTo(400);
        assertThat(auditor.get("/audit/compliance?from=2027-06-20&to=2027-06-07")
                        .statusCode())
                .isEqualTo(400);
        assertThat(auditor.get("/audit/compliance?from=2025-01-01&to=2027-06-07")
                        .statusCode())
                .as("a week per bar: at most a year of them")
                .isEqualTo(400);
        assertThat(auditor.get("/audit/compliance.csv?to=%2B10000-01-01").statusCode())
                .isEqualTo(400);
    }

    @Test
    void aPeriodBackwardsOpenedInABrowserIsExplainedOnTheErrorPageInWords() throws Exception {
        var auditor = PageBrowser.signIn(http, "auditor");

        for (var path : List.of(
                "/audit/compliance?from=2027-06-20&to=2027-06-07", "/audit/heatmap?from=2027-06-20&to=2027-06-07")) {
            var page = auditor.open(path);

            assertThat(page.statusCode()).as(path).isEqualTo(400);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.body())
                    .contains("Please check what you chose")
                    .contains("from (Sun 20 Jun 2027) is after to (Mon 7 Jun 2027)")
                    .doesNotContain("\"status\"");
        }
    }

    private void seedTwoWeeks() {
        scenario.at("2027-06-07T10:00:00-04:00"); // Monday
        var onTime = Tickets.submit(http, "Compliance: acknowledged on time");
        var late = Tickets.submit(http, "Compliance: acknowledged late");
        scenario.at("2027-06-07T11:00:00-04:00");
        http.work("cs-agent", onTime, "Task_AcknowledgeTicket", "{}");
        scenario.at("2027-06-08T09:00:00-04:00");
        scenario.fireDueTimers(late);
        scenario.at("2027-06-08T10:00:00-04:00");
        scenario.fireDueTimers(late);
        scenario.at("2027-06-08T11:00:00-04:00");
        http.work("cs-agent", late, "Task_AcknowledgeTicket", "{}");
        scenario.at("2027-06-14T10:00:00-04:00"); // the next Monday
        var emergency = Tickets.submit(http, "spoc-acme", Tickets.emergency("AD_SERVING", "Compliance: an emergency"));
        scenario.at("2027-06-14T10:30:00-04:00");
        http.work("cs-agent", emergency, "Task_AcknowledgeTicket", "{}");
        ClockUtil.reset();
    }

    private static String row(String page, String label) {
        var start = page.indexOf("data-label=\"" + label + "\"");
        assertThat(start).as("a row for the week of " + label).isPositive();
        return page.substring(start, page.indexOf("</tr>", start)).replaceAll(">\\s+<", "><");
    }
}
