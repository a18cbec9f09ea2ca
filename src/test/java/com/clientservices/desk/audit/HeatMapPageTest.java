package com.clientservices.desk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.PageBrowser;
import com.clientservices.desk.Tickets;
import com.clientservices.desk.lifecycle.Scenario;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Where time goes (docs/specification.md §14) for a seeded day: counts, times and paths worked out by hand. */
@DeskTest
class HeatMapPageTest {

    @Autowired
    DeskHttpClient http;

    @Autowired
    Scenario scenario;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aSeededDayShowsEachStepsTicketsAndTimesAndHowOftenEachPathWasTaken() throws Exception {
        // Monday 5 April 2027: three Client Services tickets, each acknowledged an hour after it came in.
        scenario.at("2027-04-05T10:00:00-04:00");
        var resolved = Tickets.submit(http, "Heat map: resolved at once");
        var questioned = Tickets.submit(http, "Heat map: needs an answer");
        var engineering = Tickets.submit(http, "Heat map: needs a fix");
        scenario.at("2027-04-05T11:00:00-04:00");
        for (var key : new String[] {resolved, questioned, engineering}) {
            http.work("cs-agent", key, "Task_AcknowledgeTicket", "{}");
        }
        scenario.at("2027-04-05T12:00:00-04:00");
        http.work("cs-agent", resolved, "Task_DiagnoseIssue", """
                {"diagnosisOutcome":{"value":"RESOLVED"},"resolutionSummary":{"value":"Cache cleared"}}""");
        http.work("cs-agent", questioned, "Task_DiagnoseIssue", """
                {"diagnosisOutcome":{"value":"NEED_CUSTOMER_INFO"},"customerQuestions":{"value":"Which placement?"}}""");
        http.work("cs-agent", engineering, "Task_DiagnoseIssue", """
                {"diagnosisOutcome":{"value":"ENGINEERING_FIX"},"engineeringBugId":{"value":"ENG-405"}}""");
        scenario.at("2027-04-05T13:00:00-04:00");
        assertThat(http.post("spoc-acme", "/api/tickets/" + questioned + "/replies", "{\"message\":\"5512\"}")
                        .status())
                .isEqualTo(200);
        scenario.at("2027-04-05T15:00:00-04:00");
        http.work("cs-agent", questioned, "Task_DiagnoseIssue", """
                {"diagnosisOutcome":{"value":"RESOLVED"},"resolutionSummary":{"value":"Placement fixed"}}""");
        ClockUtil.reset();

        var page = PageBrowser.signIn(http, "auditor")
                .get("/audit/heatmap?from=2027-04-05&to=2027-04-05&kind=standard&team=client-services");
        assertThat(page.statusCode()).isEqualTo(200);
        var body = page.body();
        assertThat(body).contains("3 tickets submitted from Mon 5 Apr 2027 to Mon 5 Apr 2027, drawn on Standard issue");
        assertThat(body)
                .as("the team filter names the teams and keeps the chosen one")
                .contains("<option value=\"client-services\" selected=\"selected\">Client Services</option>")
                .contains("<option value=\"ad-quality\">Ad Quality</option>");
        // Acknowledged by all three, an hour each; diagnosed by all three, four times (one answer came back).
        assertThat(row(body, "steps", "Task_AcknowledgeTicket"))
                .contains("<td>Acknowledge ticket</td><td>3</td><td>3</td><td>1 h</td><td>1 h</td>");
        assertThat(row(body, "steps", "Task_DiagnoseIssue")).contains("<td>Diagnose issue</td><td>3</td><td>4</td>");
        assertThat(row(body, "steps", "Task_AskCustomer")).contains("<td>Ask customer</td><td>1</td><td>1</td>");
        assertThat(row(body, "steps", "Task_HandOffToEngineering")).contains("<td>1</td><td>1</td>");
        assertThat(body)
                .contains("<td>Questions to the customer</td><td>1</td><td>33 %</td>")
                .contains("<td>Engineering fix</td><td>1</td><td>33 %</td>")
                .contains("<td>Rerouted to another team</td><td>0</td><td>0 %</td>")
                .contains("<td>A response-time target breached</td><td>0</td><td>0 %</td>");

        var data = PageBrowser.signIn(http, "cs-manager")
                .get("/audit/heatmap/data?from=2027-04-05&to=2027-04-05&kind=standard");
        assertThat(data.statusCode()).isEqualTo(200);
        var heat = new ObjectMapper().readTree(data.body());
        assertThat(heat.get("tickets").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(heat.get("xml").asText()).contains("id=\"standard-issue\"");

        assertThat(PageBrowser.signIn(http, "cs-agent").get("/audit/heatmap").statusCode())
                .isEqualTo(403);
        assertThat(PageBrowser.signIn(http, "auditor")
                        .get("/audit/heatmap?team=nobody")
                        .statusCode())
                .isEqualTo(400);
        assertThat(PageBrowser.signIn(http, "auditor")
                        .get("/audit/heatmap?to=%2B10000-01-01")
                        .statusCode())
                .as("a five-digit year is refused, not taken to the database")
                .isEqualTo(400);
    }

    private static String row(String page, String table, String step) {
        var from = page.indexOf("id=\"" + table + "\"");
        var start = page.indexOf("data-step=\"" + step + "\"", from);
        assertThat(start).as("a row for " + step).isPositive();
        return page.substring(start, page.indexOf("</tr>", start)).replaceAll(">\\s+<", "><");
    }
}
