package com.clientservices.desk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.Tickets;
import com.clientservices.desk.lifecycle.Scenario;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every kind of task form as an agent or a manager opens it in Tasklist (docs/specification.md §13): the whole
 * ticket in words, for an emergency with every detail and for a standard request with the minimum.
 * No screen shows a code, an ISO-8601 time, {@code null} or an unfilled template. A screenshot of
 * each form goes to target/browser-screenshots/forms-*.png.
 */
@DeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskFormsBrowserTest {

    /** What a person should never read: a code such as APP_BUG, a machine time, a missing value. */
    private static final Pattern MACHINE_WORDS = Pattern.compile(
            "\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b|\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}|\\bnull\\b|\\bundefined\\b|\\{\\{");

    private static final String FULL_EMERGENCY = """
            {"memberId": 1001, "requestType": "APP_BUG", "subject": "Reporting app shows no revenue",
             "description": "Since 08:00 every report in the app is empty.\\nIt worked yesterday.",
             "impact": "Month-end billing is blocked for 40 advertisers.",
             "emergency": true, "emergencyPhone": "+1 (212) 555-0147",
             "emergencyCriteria": ["PRODUCTION_FEATURE_BROKEN_NO_WORKAROUND", "SIGNIFICANT_FINANCIAL_LOSS"],
             "objectIds": ["88121", "88122"], "environment": {"memberId": "1001", "placementId": "5512"},
             "stepsToReproduce": "1. Sign in to the app\\n2. Open Reports, then Revenue",
             "browser": "Chrome 131", "operatingSystem": "macOS 15.1"}""";

    @Autowired
    DeskHttpClient http;

    @Autowired
    Scenario scenario;

    Chromium chromium;

    @BeforeAll
    void startChromium() {
        chromium = new Chromium(http.port(), "forms");
    }

    @AfterAll
    void stopChromiumAndPutTheClockBack() {
        ClockUtil.reset();
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void emergencyWithEveryDetailShowsTheWholeTicketOnEachOfItsForms() throws Exception {
        scenario.at("2026-12-01T09:30:00-05:00"); // Tuesday
        var key = Tickets.submit(http, Tickets.CONTACT, FULL_EMERGENCY);
        assertThat(http.attach(Tickets.CONTACT, key, "revenue-report.png", "image/png", Tickets.PNG)
                        .statusCode())
                .isEqualTo(201);

        var agent = chromium.tasklist("app-agent");
        Chromium.openTask(agent, "Emergencies first", key + " · Acknowledge ticket");
        var entry = agent.locator(".tasks-list li:has-text('" + key + " · Acknowledge ticket')");
        assertThat(entry).containsText("Acme Media");
        assertThat(entry).containsText("App bugs");
        var form = agent.locator(".fjs-form");
        assertThat(form.locator(".fjs-form-field-group").first())
                .containsText("call the customer now on +1 (212) 555-0147");
        assertThat(form.locator("a[href='tel:+12125550147']")).isVisible();
        assertThat(form).containsText("Production feature broken, no workaround");
        assertThat(form).containsText("Significant financial loss");
        assertThat(form).containsText("Acknowledgement due: Tue 1 Dec 2026, 10:30 EST (in 1 h)");
        assertThat(form).containsText("Customer: Acme Media (member 1001)");
        assertThat(form).containsText("Request type: App bugs");
        assertThat(form).containsText("Team: App Support");
        assertThat(form).containsText("Since 08:00 every report in the app is empty.");
        assertThat(form).containsText("Month-end billing is blocked for 40 advertisers.");
        assertThat(form).containsText("2. Open Reports, then Revenue");
        assertThat(form).containsText("88121");
        assertThat(form).containsText("88122");
        assertThat(form).containsText("placementId: 5512");
        assertThat(form).containsText("Browser: Chrome 131");
        assertThat(form).containsText("Operating system: macOS 15.1");
        assertThat(form).containsText("Nothing: the customer gave every detail the guide asks for.");
        var link = form.locator("a:has-text('revenue-report.png')");
        assertThat(link).hasAttribute("href", Pattern.compile("/tasklist/tickets/" + key + "/attachments/\\d+"));
        // Tasklist lays its own layers over the form while it polls its filters, so the link gets the click itself.
        var download = agent.waitForDownload(() -> link.dispatchEvent("click"));
        assertThat(download.suggestedFilename()).isEqualTo("revenue-report.png");
        assertThat(Files.readAllBytes(download.path())).isEqualTo(Tickets.PNG);
        assertReadsAsWords(agent);
        chromium.shot(agent, "emergency-acknowledge");

        http.completeTask(
                "app-agent", key, "Task_AcknowledgeTicket", "{\"acknowledgementNote\":{\"value\":\"On it.\"}}");
        scenario.at("2026-12-01T09:40:00-05:00");
        http.completeTask(
                "app-agent",
                key,
                "Task_DiagnoseIssue",
                "{\"diagnosisOutcome\":{\"value\":\"NEED_CUSTOMER_INFO\"},"
                        + "\"customerQuestions\":{\"value\":\"Which advertiser ids are affected?\"}}");
        scenario.at("2026-12-01T09:50:00-05:00");
        assertThat(http.post(
                                Tickets.CONTACT,
                                "/api/tickets/" + key + "/replies",
                                "{\"message\":\"All of them, starting with 4410.\"}")
                        .status())
                .isEqualTo(200);

        agent.navigate(chromium.url("/camunda/app/tasklist/default/"));
        Chromium.openTask(agent, "Emergencies first", key + " · Diagnose issue");
        var conversation = agent.locator(".fjs-form-field-group:has-text('Conversation with the customer')");
        assertThat(conversation)
                .containsText("Questions to the customer, Riley App (app-agent), Tue 1 Dec 2026, 09:40 EST");
        assertThat(conversation).containsText("Which advertiser ids are affected?");
        assertThat(conversation)
                .containsText("Answer from the customer, Pat Acme (spoc-acme), Tue 1 Dec 2026, 09:50 EST");
        assertThat(conversation).containsText("All of them, starting with 4410.");
        assertThat(agent.locator(".fjs-form")).containsText("Next response due: Tue 1 Dec 2026, 10:50 EST (in 1 h)");
        assertReadsAsWords(agent);
        chromium.shot(agent, "emergency-diagnose-after-answer");

        Chromium.openTask(agent, "Emergencies first", key + " · Send status update");
        assertThat(agent.locator(".fjs-form"))
                .containsText("Status update (emergency contact) due: Tue 1 Dec 2026, 10:30 EST");
        assertThat(agent.locator(".fjs-form")).containsText("Reporting app shows no revenue");
        assertReadsAsWords(agent);
        chromium.shot(agent, "emergency-status-update");

        http.completeTask(
                "app-agent",
                key,
                "Task_DiagnoseIssue",
                "{\"diagnosisOutcome\":{\"value\":\"ENGINEERING_FIX\"},"
                        + "\"engineeringBugId\":{\"value\":\"BUG-4711\"}}");
        scenario.at("2026-12-01T10:10:00-05:00");
        assertThat(http.post(
                                "engineering-bot",
                                "/api/tickets/" + key + "/engineering-fix",
                                "{\"bugId\":\"BUG-4711\",\"releaseNote\":\"Reports read the new revenue tables again.\"}")
                        .status())
                .isEqualTo(200);
        agent.navigate(chromium.url("/camunda/app/tasklist/default/"));
        Chromium.openTask(agent, "Emergencies first", key + " · Confirm resolution to customer");
        var fix = agent.locator(".fjs-form-field-group:has-text('The fix')");
        assertThat(fix).containsText("Engineering released the fix on Tue 1 Dec 2026, 10:10 EST: bug BUG-4711");
        assertThat(fix).containsText("Reports read the new revenue tables again.");
        assertReadsAsWords(agent);
        chromium.shot(agent, "emergency-confirm-resolution");
    }

    @Test
    void theEmergencyAlertsLinkFindsTheTicketsTaskInTasklist() {
        var key = Tickets.submit(http, Tickets.CONTACT, FULL_EMERGENCY);
        var other = Tickets.submit(
                http, Tickets.CONTACT, FULL_EMERGENCY.replace("Reporting app shows no revenue", "Exports are empty"));
        var alert = scenario.sent(key, "emergency-alert").get(0).body();
        var link = Pattern.compile("\\S+(/camunda/app/tasklist/default/#/\\?searchQuery=\\S+)")
                .matcher(alert);
        assertThat(link.find()).as(alert).isTrue();

        var agent = chromium.tasklist("app-agent");
        agent.navigate(chromium.url(link.group(1)));

        var list = agent.locator("ol.tasks-list");
        assertThat(list.getByText(key + " · Acknowledge ticket")).isVisible();
        assertThat(list).not().containsText(other + " ·");
        chromium.shot(agent, "emergency-alert-link");
    }

    @Test
    void standardRequestWithTheMinimumListsWhatIsMissingAndItsBreachTellsTheManagerWhatWasMissed() {
        scenario.at("2026-12-01T09:30:00-05:00");
        var key = Tickets.submit(
                http,
                Tickets.CONTACT,
                Tickets.json(Map.of(
                        "memberId",
                        1001,
                        "requestType",
                        "AD_SERVING",
                        "subject",
                        "Blank placements",
                        "description",
                        "Placement shows blanks",
                        "impact",
                        "Lost impressions")));

        var agent = chromium.tasklist("cs-agent");
        Chromium.openTask(agent, "Client Services queue", key + " · Acknowledge ticket");
        var form = agent.locator(".fjs-form");
        assertThat(form).containsText("Acknowledgement due: Wed 2 Dec 2026, 09:30 EST (in 1 day)");
        assertThat(form).containsText("Request type: Observed ad serving issues · Standard");
        var missing = agent.locator(".fjs-form-field-group:has-text('Still missing')");
        assertThat(missing).containsText("Object ids");
        assertThat(missing).containsText("Environment");
        assertThat(missing).containsText("Steps to reproduce");
        assertThat(form).containsText("Steps to reproduce");
        assertThat(form).containsText("not given");
        assertThat(agent.locator(".fjs-form-field-group:has-text('Emergency')")).hasCount(0);
        assertReadsAsWords(agent);
        chromium.shot(agent, "standard-acknowledge-minimum");

        scenario.at("2026-12-02T10:15:00-05:00");
        scenario.fireDueTimers(key);
        scenario.fireDueTimers(key);
        var manager = chromium.tasklist("cs-manager");
        Chromium.openTask(manager, "Emergencies first", key + " · Handle SLA breach");
        var missed = manager.locator(".fjs-form-field-group:has-text('The missed target')");
        assertThat(missed)
                .containsText(
                        "Missed: Acknowledgement target, due Wed 2 Dec 2026, 09:30 EST; still not met, 45 min after it was due");
        assertThat(missed).containsText("Held by: Client Services");
        assertThat(missed.locator("a[href='/audit/tickets/" + key + "']")).isVisible();
        assertReadsAsWords(manager);
        chromium.shot(manager, "standard-sla-breach");
    }

    private static void assertReadsAsWords(Page page) {
        var text = page.locator("body").innerText();
        var machine = MACHINE_WORDS.matcher(text);
        var shown = machine.find() ? machine.group() : null;
        assertThat(shown)
                .as("a code, machine time or missing value on the screen:%n%s", text)
                .isNull();
    }
}
