package com.clientservices.desk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.Tickets;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The portal's pages, and the pages auditors and managers read (a ticket's audit, the heat map, SLA compliance, the
 * SLA board),
 * checked by axe-core against WCAG 2.1 A and AA in a real Chromium: any violation axe rates serious or critical
 * fails the page, listed with its rule, help and the elements it found. A screenshot of each page goes
 * to target/browser-screenshots/.
 */
@DeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityBrowserTest {

    // Installed by `npm ci` from package.json, as .ci/run does before the browser suite.
    private static final Path AXE = Paths.get("node_modules", "axe-core", "axe.min.js");
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final List<String> FAILING_IMPACTS = List.of("serious", "critical");
    private static final String RUN_AXE = """
            async (tags) => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
              return result.violations.map(v => ({
                id: v.id,
                impact: v.impact || 'unknown',
                help: v.help,
                targets: v.nodes.map(n => n.target.join(' ')).join(', ')
              }));
            }
            """;

    @Autowired
    DeskHttpClient http;

    Chromium chromium;

    @BeforeAll
    void startChromium() {
        assertThat(Files.isRegularFile(AXE))
                .as("%s is installed: run `npm ci` first", AXE)
                .isTrue();
        chromium = new Chromium(http.port(), "accessibility");
    }

    @AfterAll
    void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void signInPageMeetsWcag() {
        var page = chromium.checkable(1280, 900);
        page.navigate(chromium.url("/login"));
        assertAccessible(page, "sign-in");
    }

    @Test
    void ticketListMeetsWcag() {
        Tickets.submit(http, "A ticket in the list");
        var page = signedIn();
        page.navigate(chromium.url("/portal"));
        assertAccessible(page, "ticket-list");
    }

    @Test
    void newRequestPageMeetsWcagAsFirstShownWithAnEmergencyAndAfterARefusal() {
        var page = signedIn();
        page.navigate(chromium.url("/portal/new"));
        assertAccessible(page, "new-request");

        page.selectOption("#requestType", "UI_API_BUG");
        page.check("#emergency");
        assertAccessible(page, "new-request-emergency");

        page.fill("textarea[name=description]", "The save button does nothing");
        page.fill("input[name=emergencyPhone]", "call me");
        page.click("button:has-text('Submit request')");
        assertThat(page.locator("#error-subject").innerText()).isNotBlank();
        assertAccessible(page, "new-request-refused");
    }

    @Test
    void ticketPageMeetsWcag() {
        var key = Tickets.waitingOnCustomer(http, Tickets.submit(http, "Blank placements"), "Which browser?");
        var page = signedIn();
        page.navigate(chromium.url("/portal/tickets/" + key));
        assertAccessible(page, "ticket");
    }

    @Test
    void auditPagesMeetWcag() {
        var key = Tickets.waitingOnCustomer(http, Tickets.submit(http, "Audit page check"), "Which browser?");
        // One ticket with a target running, so the search shows a time left as well as nothing due.
        Tickets.submit(http, "Audit page check: not yet acknowledged");
        var page = staff("auditor");
        page.navigate(chromium.url("/audit"));
        assertAccessible(page, "audit-search");
        page.navigate(chromium.url("/audit/tickets/" + key));
        page.waitForSelector("#path section[data-drawn]");
        assertAccessible(page, "audit-ticket");
        page.navigate(chromium.url("/audit/heatmap"));
        assertAccessible(page, "heat-map");
    }

    @Test
    void slaComplianceReportMeetsWcagWithItsChartsDrawn() {
        var key = Tickets.submit(http, "Compliance page check");
        http.work("cs-agent", key, "Task_AcknowledgeTicket", "{}");
        var page = staff("auditor");
        page.navigate(chromium.url("/audit/compliance"));
        page.waitForSelector("section.team-compliance canvas[data-drawn]");
        assertAccessible(page, "sla-compliance");
    }

    @Test
    void slaBoardMeetsWcag() {
        Tickets.submit(http, "Board page check");
        var page = staff("cs-manager");
        page.navigate(chromium.url("/board"));
        assertAccessible(page, "sla-board");

        // It reloads itself every minute, and a reader can stop that (WCAG 2.2.1); the choice stays.
        assertThat(page.isChecked("#reload")).isTrue();
        page.uncheck("#reload");
        page.reload();
        assertThat(page.isChecked("#reload")).isFalse();
    }

    /** A member of staff signed in on the desk's sign-in page, on a page axe may check. */
    private Page staff(String user) {
        var page = chromium.checkable(1400, 1000);
        chromium.signInToDesk(page, user);
        return page;
    }

    private Page signedIn() {
        var page = chromium.checkable(1280, 900);
        chromium.signInToPortal(page, Tickets.CONTACT);
        return page;
    }

    @SuppressWarnings("unchecked")
    private void assertAccessible(Page page, String name) {
        chromium.shot(page, name);
        page.addScriptTag(new Page.AddScriptTagOptions().setPath(AXE));
        var violations = (List<Map<String, Object>>) page.evaluate(RUN_AXE, WCAG_21_AA);
        var listed = violations.stream()
                .map(v ->
                        String.format("%s [%s] %s: %s", v.get("id"), v.get("impact"), v.get("help"), v.get("targets")))
                .collect(Collectors.joining("\n  "));
        if (!violations.isEmpty()) {
            System.out.println("axe on " + name + " (" + page.url() + "):\n  " + listed);
        }
        assertThat(violations)
                .as("serious or critical WCAG 2.1 A/AA violations on %s:\n  %s", name, listed)
                .noneMatch(v -> FAILING_IMPACTS.contains(String.valueOf(v.get("impact"))));
    }
}
