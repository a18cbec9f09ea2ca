package com.clientservices.desk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.Tickets;
import com.clientservices.desk.lifecycle.Scenario;
import com.clientservices.desk.sla.SlaTargets;
import com.clientservices.desk.ticket.TicketRepository;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The insight pages of docs/specification.md §14 in a real headless Chromium, with screenshots in
 * target/browser-screenshots/: a manager's SLA board as the clock moves, an auditor's timeline in words, the SLA
 * compliance charts.
 */
@DeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightPagesBrowserTest {

    @Autowired
    DeskHttpClient http;

    @Autowired
    TicketRepository tickets;

    @Autowired
    SlaTargets targets;

    @Autowired
    Scenario scenario;

    Chromium chromium;

    @BeforeAll
    void startChromium() {
        chromium = new Chromium(http.port(), "insight");
    }

    @AfterAll
    void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aManagersBoardShowsATicketMovingIntoItsWarningWindowWhenTheClockMoves() {
        // Submitted inside working hours, so its acknowledgement has a warning window whenever the test runs
        // (docs/specification.md §6: outside them it is due at the opening, with no separate warning).
        ClockUtil.setCurrentTime(
                Date.from(OffsetDateTime.parse("2026-12-01T10:00:00-05:00").toInstant()));
        var key = Tickets.submit(http, "Board in a browser: placements blank");
        var target = targets.ofTicket(tickets.findByKey(key).orElseThrow().id()).get(0);
        var manager = chromium.desk("cs-manager");

        ClockUtil.setCurrentTime(Date.from(target.warningAt().toInstant().minus(Duration.ofMinutes(10))));
        manager.navigate(chromium.url("/board"));
        var row = manager.locator("tr[data-ticket='" + key + "']");
        assertThat(row.locator("td.state")).hasText("On track");
        assertThat(row.locator("td.left")).hasText("in 1 h 10 min");
        chromium.shot(manager, "manager-board-ticket-on-track");

        ClockUtil.setCurrentTime(Date.from(target.warningAt().toInstant().plus(Duration.ofMinutes(2))));
        manager.reload();
        assertThat(row.locator("td.state")).hasText("In warning window");
        assertThat(row.locator("td.left")).hasText("in 58 min");
        assertThat(row).hasClass("warning");
        assertThat(manager.locator("#teams")).containsText("Client Services");
        chromium.shot(manager, "manager-board-ticket-in-warning-window");

        row.locator("a", new Locator.LocatorOptions().setHasText(key)).click();
        assertThat(manager.locator("#timeline")).containsText("Response-time target started");
        assertThat(manager.locator("#timeline")).containsText("Acknowledgement due by");
        assertThat(manager.locator("#timeline")).not().containsText("SLA_TARGET_STARTED");
        chromium.shot(manager, "manager-opens-the-ticket-timeline-in-words");
    }

    @Test
    void anAuditorSeesTheFollowUpTheEngineeringFixAndTheBreachOnTheDiagramWithWhoAndWhen() {
        scenario.at("2027-03-09T10:00:00-05:00"); // Tuesday
        var key = Tickets.submit(http, "Path in a browser: reports missing");
        scenario.at("2027-03-10T09:00:00-05:00");
        scenario.fireDueTimers(key);
        scenario.at("2027-03-10T10:00:00-05:00");
        scenario.fireDueTimers(key);
        scenario.at("2027-03-10T11:00:00-05:00");
        http.work("cs-agent", key, "Task_AcknowledgeTicket", "{}");
        scenario.at("2027-03-10T11:30:00-05:00");
        http.work(
                "cs-agent",
                key,
                "Task_DiagnoseIssue",
                "{\"diagnosisOutcome\":{\"value\":\"NEED_CUSTOMER_INFO\"},"
                        + "\"customerQuestions\":{\"value\":\"Which report?\"}}");
        scenario.at("2027-03-10T14:00:00-05:00");
        assertThat(http.post("spoc-acme", "/api/tickets/" + key + "/replies", "{\"message\":\"The daily one\"}")
                        .status())
                .isEqualTo(200);
        scenario.at("2027-03-10T15:00:00-05:00");
        http.work(
                "cs-agent",
                key,
                "Task_DiagnoseIssue",
                "{\"diagnosisOutcome\":{\"value\":\"ENGINEERING_FIX\"},\"engineeringBugId\":{\"value\":\"ENG-3\"}}");
        scenario.at("2027-03-10T16:00:00-05:00");
        http.work("cs-manager", key, "Task_HandleSlaBreach", "{\"escalationNote\":{\"value\":\"Short-staffed\"}}");

        var auditor = chromium.desk("auditor");
        auditor.navigate(chromium.url("/audit/tickets/" + key));
        assertThat(auditor.locator("#path section[data-drawn]")).hasCount(3);
        var lifecycle = auditor.locator("#path section[data-drawn]").nth(1);
        assertThat(lifecycle.locator("h3")).containsText("Standard issue");
        // The breach: its timer fired, and the breach was recorded.
        assertThat(element(lifecycle, "Event_AcknowledgementDue")).hasClass(Pattern.compile(".*path-timer-fired.*"));
        assertThat(element(lifecycle, "Task_RecordAcknowledgementBreach")).hasClass(Pattern.compile(".*path-taken.*"));
        // The follow-up questions, answered by the customer.
        assertThat(element(lifecycle, "Task_AskCustomer")).hasClass(Pattern.compile(".*path-taken.*"));
        assertThat(element(lifecycle, "Event_CustomerAnswered")).hasClass(Pattern.compile(".*path-taken.*"));
        // The engineering fix it waits for now.
        assertThat(element(lifecycle, "Task_HandOffToEngineering")).hasClass(Pattern.compile(".*path-taken.*"));
        assertThat(element(lifecycle, "Task_AwaitEngineeringFix")).hasClass(Pattern.compile(".*path-current.*"));
        // Each person's step says who and when, and how long it took.
        assertThat(note(lifecycle, "Task_DiagnoseIssue")).containsText("Casey Agent");
        assertThat(note(lifecycle, "Task_DiagnoseIssue")).containsText("Wed 10 Mar 2027, 14:00 EST");
        assertThat(note(lifecycle, "Task_DiagnoseIssue")).containsText("2 times");
        assertThat(note(lifecycle, "Task_DiagnoseIssue")).containsText("took 1 h");
        assertThat(note(lifecycle, "Task_AwaitEngineeringFix")).containsText("Now");
        assertThat(note(lifecycle, "Event_AcknowledgementDue")).containsText("Timer fired");
        var breach = auditor.locator("#path section[data-drawn]").nth(2);
        assertThat(breach.locator("h3")).containsText("breach");
        assertThat(note(breach, "Task_HandleSlaBreach")).containsText("Sam Manager");
        assertThat(auditor.locator("#timeline")).containsText("Target breached");
        chromium.shot(auditor, "auditor-sees-a-tickets-path-on-its-diagrams");
    }

    @Test
    void theHeatMapOfASeededDayShowsHowManyTicketsTookEachStep() {
        // Tuesday 13 April 2027: two Ad Quality tickets, one resolved at once, one sent to engineering.
        scenario.at("2027-04-13T10:00:00-04:00");
        var resolved = Tickets.submit(http, "spoc-acme", 1001, "CREATIVE_AUDITING", "Heat in a browser: resolved");
        var engineering = Tickets.submit(http, "spoc-acme", 1001, "CREATIVE_AUDITING", "Heat in a browser: a fix");
        scenario.at("2027-04-13T10:30:00-04:00");
        http.work("aq-agent", resolved, "Task_AcknowledgeTicket", "{}");
        http.work("aq-agent", engineering, "Task_AcknowledgeTicket", "{}");
        scenario.at("2027-04-13T12:00:00-04:00");
        http.work(
                "aq-agent",
                resolved,
                "Task_DiagnoseIssue",
                "{\"diagnosisOutcome\":{\"value\":\"RESOLVED\"},\"resolutionSummary\":{\"value\":\"Approved\"}}");
        http.work(
                "aq-agent",
                engineering,
                "Task_DiagnoseIssue",
                "{\"diagnosisOutcome\":{\"value\":\"ENGINEERING_FIX\"},\"engineeringBugId\":{\"value\":\"ENG-413\"}}");
        ClockUtil.reset();

        var auditor = chromium.desk("auditor");
        auditor.navigate(chromium.url("/audit/heatmap?from=2027-04-13&to=2027-04-13&team=ad-quality"));
        assertThat(auditor.locator("#heatmap[data-drawn]")).hasCount(1);
        assertThat(heatNote(auditor, "Task_AcknowledgeTicket")).hasText("2 tickets · median 30 min · p90 30 min");
        assertThat(heatNote(auditor, "Task_DiagnoseIssue")).hasText("2 tickets · median 1 h 30 min · p90 1 h 30 min");
        assertThat(heatNote(auditor, "Task_HandOffToEngineering")).containsText("1 ticket");
        assertThat(auditor.locator("g.djs-element[data-element-id='Task_AcknowledgeTicket']"))
                .hasClass(Pattern.compile(".*heat-4.*"));
        assertThat(auditor.locator("#paths")).containsText("Engineering fix");
        chromium.shot(auditor, "auditor-sees-where-time-goes-on-the-heat-map");
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsExplainedInWordsNotAsData() {
        var auditor = chromium.desk("auditor");

        auditor.navigate(chromium.url("/audit/heatmap?from=2027-04-13&to=2027-04-06"));

        assertThat(auditor.locator("h2")).hasText("Please check what you chose");
        assertThat(auditor.locator("main")).containsText("from (Tue 13 Apr 2027) is after to (Tue 6 Apr 2027)");
        assertThat(auditor.locator("main")).containsText("Go back one page, change it and try again.");
        chromium.shot(auditor, "auditor-chose-a-period-backwards");
    }

    @Test
    void theComplianceChartsShowEachTeamsShareMetPerWeekForStandardAndEmergencyIssues() {
        // August 2027, four weeks from Monday 2nd: Client Services misses some acknowledgements, Ad Quality fewer.
        tickets("2027-08-02", "client-services", 3, 1, 1);
        tickets("2027-08-02", "ad-quality", 2, 0, 0);
        tickets("2027-08-09", "client-services", 2, 0, 0);
        tickets("2027-08-09", "ad-quality", 1, 1, 1);
        tickets("2027-08-16", "client-services", 2, 2, 1);
        tickets("2027-08-23", "client-services", 1, 0, 0);
        ClockUtil.reset();

        var auditor = chromium.desk("auditor");
        var errors = new ArrayList<String>();
        auditor.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                errors.add(message.text());
            }
        });
        auditor.navigate(chromium.url("/audit"));
        auditor.locator("#compliance-report").click();
        assertThat(auditor.locator("h2")).hasText("SLA compliance");
        auditor.navigate(chromium.url("/audit/compliance?from=2027-08-02&to=2027-08-29"));
        var teams = auditor.locator("section.team-compliance");
        assertThat(teams).hasCount(2);
        assertThat(teams.nth(0).locator("h3")).hasText("Ad Quality");
        assertThat(teams.nth(1).locator("h3")).hasText("Client Services");
        // Chart.js drew a chart of the four weeks on each team's canvas, from the scripts the desk serves itself.
        assertThat(auditor.locator("section.team-compliance canvas[data-drawn='4']"))
                .hasCount(2);
        assertThat(auditor.evaluate("() => [...document.querySelectorAll('section.team-compliance canvas')]"
                        + ".map(canvas => window.Chart.getChart(canvas).data.labels.join(', '))"))
                .isEqualTo(List.of(
                        "Mon 2 Aug, Mon 9 Aug, Mon 16 Aug, Mon 23 Aug",
                        "Mon 2 Aug, Mon 9 Aug, Mon 16 Aug, Mon 23 Aug"));
        var clientServices = teams.nth(1).locator("table.compliance");
        var firstWeek = clientServices.locator("tbody tr").first();
        assertThat(firstWeek.locator("th")).hasText("Mon 2 Aug to Sun 8 Aug 2027");
        assertThat(firstWeek.locator("td[data-kind='standard']")).hasText("met 3 of 4 (75 %)");
        assertThat(firstWeek.locator("td[data-kind='emergency']")).containsText("met 1 of 1 (100 %)");
        assertThat(clientServices.locator("tfoot")).containsText("met 8 of 11 (73 %)");
        assertThat(errors)
                .as("nothing refused by the Content-Security-Policy, no script failing")
                .isEmpty();
        chromium.shot(auditor, "auditor-reads-sla-compliance-per-team-kind-and-week");
    }

    /**
     * On the Monday of {@code monday}, that many standard tickets for the team acknowledged within the hour and that
     * many only the next day, after their target was breached, and that many emergencies acknowledged in 30 minutes.
     */
    private void tickets(String monday, String team, int onTime, int late, int emergencies) {
        var requestType = "client-services".equals(team) ? "AD_SERVING" : "CREATIVE_AUDITING";
        var agent = "client-services".equals(team) ? "cs-agent" : "aq-agent";
        var tuesday = LocalDate.parse(monday).plusDays(1);
        scenario.at(monday + "T10:00:00-04:00");
        var acknowledged = new ArrayList<String>();
        for (int i = 0; i < onTime; i++) {
            acknowledged.add(Tickets.submit(http, "spoc-acme", 1001, requestType, "Compliance in a browser: on time"));
        }
        var breached = new ArrayList<String>();
        for (int i = 0; i < late; i++) {
            breached.add(Tickets.submit(http, "spoc-acme", 1001, requestType, "Compliance in a browser: late"));
        }
        for (int i = 0; i < emergencies; i++) {
            acknowledged.add(Tickets.submit(
                    http, "spoc-acme", Tickets.emergency(requestType, "Compliance in a browser: an emergency")));
        }
        scenario.at(monday + "T10:30:00-04:00");
        acknowledged.forEach(key -> http.work(agent, key, "Task_AcknowledgeTicket", "{}"));
        scenario.at(tuesday + "T09:00:00-04:00");
        breached.forEach(scenario::fireDueTimers);
        scenario.at(tuesday + "T10:00:00-04:00");
        breached.forEach(scenario::fireDueTimers);
        scenario.at(tuesday + "T11:00:00-04:00");
        breached.forEach(key -> http.work(agent, key, "Task_AcknowledgeTicket", "{}"));
    }

    private static Locator heatNote(Page page, String id) {
        return page.locator("#heatmap .djs-overlays[data-container-id='" + id + "'] .step-note");
    }

    private static Locator element(Locator diagram, String id) {
        return diagram.locator("g.djs-element[data-element-id='" + id + "']");
    }

    private static Locator note(Locator diagram, String id) {
        return diagram.locator(".djs-overlays[data-container-id='" + id + "'] .step-note");
    }
}
