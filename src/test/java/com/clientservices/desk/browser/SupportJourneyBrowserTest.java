package com.clientservices.desk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.Tickets;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The people of docs/specification.md §8 in a real headless Chromium: a customer's contact in the portal, agents in
 * Camunda Tasklist with its Camunda Forms. A screenshot of every step goes to
 * target/browser-screenshots/.
 */
@DeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupportJourneyBrowserTest {

    private static final Path SCREENSHOTS = Paths.get("target", "browser-screenshots");
    private static final String CHROMIUM = System.getProperty("desk.chromium", "/usr/bin/chromium");
    private static final String SUBJECT = "Blank <b>placements</b> <script>window.pwned = 1</script>";

    @Autowired
    DeskHttpClient http;

    Playwright playwright;
    Browser browser;
    int step;

    @BeforeAll
    void startChromium() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        // Tasklist loads a whole application on first sign-in; on a busy machine that takes more than 5 s.
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Paths.get(CHROMIUM))
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    void stopChromium() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void requestGoesFromThePortalThroughTasklistToClosedAndStaysWithItsTeamAndCustomer() {
        var customer = portal("spoc-acme");
        customer.navigate(url("/portal/new"));
        customer.selectOption("#requestType", "AD_SERVING");
        assertThat(customer.locator("#example")).containsText("Placements start showing blanks");
        assertThat(customer.locator("#due")).not().isEmpty();
        customer.fill("input[name=subject]", SUBJECT);
        customer.fill("textarea[name=description]", "Placement 5512 returns <img src=x onerror=\"window.pwned = 2\"> blanks.");
        customer.fill("textarea[name=impact]", "Our largest campaign loses impressions.");
        customer.click("button:has-text('Submit request')");
        assertThat(customer.locator(".notice")).containsText("we will respond by");
        var key = customer.locator(".notice strong").first().innerText();
        assertThat(key).matches("CS-\\d+");
        assertThat(customer.locator("h2").first()).containsText("<b>placements</b>");
        assertThat(customer.locator("td.pre").first()).containsText("<img src=x onerror=");
        assertThat((Boolean) customer.evaluate("() => window.pwned === undefined")).isTrue();
        shot(customer, "customer-submitted-" + key);

        var agent = tasklist("cs-agent");
        openTask(agent, "Client Services queue", key + " · Acknowledge ticket");
        assertThat(agent.getByText(key + " · Acknowledge ticket").first()).containsText("<b>placements</b>");
        assertThat(agent.locator(".fjs-form-field:has-text('Description') textarea")).hasValue(
                "Placement 5512 returns <img src=x onerror=\"window.pwned = 2\"> blanks.");
        assertThat((Boolean) agent.evaluate("() => window.pwned === undefined")).isTrue();
        agent.click("text=Claim");
        shot(agent, "agent-acknowledges");
        complete(agent);
        assertThat(agent.getByText(key + " · Acknowledge ticket")).hasCount(0);

        openTask(agent, "Client Services queue", key + " · Diagnose issue");
        agent.click("text=Claim");
        agent.getByText("Need information from the customer").click();
        complete(agent);
        assertThat(agent.getByText("Field is required.").first()).isVisible();
        shot(agent, "agent-form-refuses-missing-questions");
        // Tasklist settles its refused submission before it takes new input.
        agent.waitForTimeout(1000);
        agent.locator(".fjs-form-field:has-text('Questions to the customer') textarea").fill("Which browser shows the blanks?");
        complete(agent);
        assertThat(agent.getByText(key + " · Diagnose issue")).hasCount(0);

        customer.navigate(url("/portal/tickets/" + key));
        assertThat(customer.locator("#status")).hasText("WAITING_ON_CUSTOMER");
        assertThat(customer.locator("#history")).containsText("Which browser shows the blanks?");
        customer.fill("#answer textarea", "Chrome 131 on macOS 15");
        shot(customer, "customer-answers");
        customer.click("#answer button");
        assertThat(customer.locator("#status")).hasText("IN_PROGRESS");

        openTask(agent, "Client Services queue", key + " · Diagnose issue");
        agent.click("text=Claim");
        assertThat(agent.locator(".fjs-form-field:has-text(\"The customer's latest answer\") textarea")).hasValue("Chrome 131 on macOS 15");
        agent.getByText("Resolved", new Page.GetByTextOptions().setExact(true)).click();
        agent.locator(".fjs-form-field:has-text('Resolution summary for the customer') textarea").fill("Purged the cache of ad server 7.");
        shot(agent, "agent-resolves");
        complete(agent);
        assertThat(agent.getByText(key + " · Diagnose issue")).hasCount(0);

        customer.navigate(url("/portal/tickets/" + key));
        assertThat(customer.locator("#status")).hasText("CLOSED");
        assertThat(customer.locator("#history")).containsText("Purged the cache of ad server 7.");
        shot(customer, "customer-sees-closed");

        var theirs = Tickets.submit(http, "spoc-acme", Tickets.MEMBER, "CREATIVE_AUDITING", "Creative rejected");
        var otherTeam = tasklist("aq-agent");
        otherTeam.getByText("Emergencies first").first().click();
        assertThat(otherTeam.getByText(theirs + " · Acknowledge ticket")).isVisible();
        assertThat(otherTeam.getByText(key)).hasCount(0);
        shot(otherTeam, "other-team-does-not-see-it");

        var otherCustomer = portal("spoc-globex");
        var refused = otherCustomer.navigate(url("/portal/tickets/" + key));
        assertThat(refused.status()).as("another member's ticket, as if it did not exist").isEqualTo(404);
        assertThat(otherCustomer.locator("h2")).hasText("We could not find that page or ticket");
        assertThat(otherCustomer.locator("main")).containsText("No ticket " + key);
        shot(otherCustomer, "other-customer-refused");
    }

    private Page portal(String user) {
        var page = browser.newContext().newPage();
        page.navigate(url("/login"));
        page.fill("#username", user);
        page.fill("#password", "demo");
        page.click("button[type=submit]");
        page.waitForURL("**/portal**");
        return page;
    }

    private Page tasklist(String user) {
        var page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000)).newPage();
        page.navigate(url("/camunda/app/tasklist/default/"));
        page.fill("input[type=text]", user);
        page.fill("input[type=password]", "demo");
        page.click("button[type=submit]");
        assertThat(page.getByText("Emergencies first").first()).isVisible();
        return page;
    }

    private void openTask(Page page, String filter, String taskName) {
        page.getByText(filter).first().click();
        page.getByText(taskName).first().click();
        assertThat(page.locator("button:has-text('Complete')")).isVisible();
    }

    // Tasklist's notices can cover the button, so the agent presses it from the keyboard.
    private static void complete(Page page) {
        var button = page.locator("button:has-text('Complete')");
        assertThat(button).isEnabled();
        button.press("Enter");
    }

    private void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(SCREENSHOTS.resolve(String.format("%02d-%s.png", ++step, name))));
    }

    private String url(String path) {
        return "http://localhost:" + http.port() + path;
    }
}
