package com.clientservices.desk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.Tickets;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static final String SUBJECT = "Blank <b>placements</b> <script>window.pwned = 1</script>";

    @Autowired
    DeskHttpClient http;

    Chromium chromium;

    @BeforeAll
    void startChromium() {
        chromium = new Chromium(http.port(), "journey");
    }

    @AfterAll
    void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void requestGoesFromThePortalThroughTasklistToClosedAndStaysWithItsTeamAndCustomer() {
        var customer = chromium.portal("spoc-acme");
        customer.navigate(url("/portal/new"));
        assertThat(customer.locator("#types")).isHidden();
        customer.selectOption("#requestType", "BILLING");
        assertThat(customer.locator("#representative")).isVisible();
        // No Client Services response time is promised for the account representative's requests.
        assertThat(customer.locator("#due-line")).isHidden();
        customer.selectOption("#requestType", "UI_API_BUG");
        assertThat(customer.locator("#due-line")).isVisible();
        assertThat(customer.locator("#guidance")).containsText("screenshot");
        assertThat(customer.locator("#screenshot-hint")).isVisible();
        assertThat(customer.locator("#representative")).isHidden();
        customer.selectOption("#requestType", "CRITICAL_DATA_PULL");
        assertThat(customer.locator("#justification")).isVisible();
        assertThat(customer.locator("#guidance")).containsText("date range");
        assertThat(customer.locator("#example")).isHidden();
        customer.selectOption("#requestType", "AD_SERVING");
        assertThat(customer.locator("#justification")).isHidden();
        assertThat(customer.locator("#example")).containsText("Placements start showing blanks");
        assertThat(customer.locator("#guidance")).containsText("placement ids");
        assertThat(customer.locator("#screenshot-hint")).isHidden();
        assertThat(customer.locator("#due")).not().isEmpty();
        customer.fill("input[name=subject]", SUBJECT);
        customer.fill(
                "textarea[name=description]",
                "Placement 5512 returns <img src=x onerror=\"window.pwned = 2\"> blanks.");
        customer.fill("textarea[name=impact]", "Our largest campaign loses impressions.");
        customer.setInputFiles("#files", screenshot());
        chromium.shot(customer, "customer-attaches-a-file-on-the-new-request-form");
        customer.click("button:has-text('Submit request')");
        assertThat(customer.locator(".notice")).containsText("we will respond by");
        var key = customer.locator(".notice strong").first().innerText();
        assertThat(key).matches("CS-\\d+");
        assertThat(customer.locator("h2").first()).containsText("<b>placements</b>");
        assertThat(customer.locator("#request")).containsText("<img src=x onerror=");
        assertThat((Boolean) customer.evaluate("() => window.pwned === undefined"))
                .isTrue();
        assertThat(customer.locator("#attachments")).containsText("blank-placement.png");
        assertThat(customer.locator("#status")).hasText("New");
        chromium.shot(customer, "customer-submitted-" + key);

        // Ten minutes later the customer remembers the steps: added to the NEW ticket, the status stays.
        assertThat(customer.locator("#reply-heading")).hasText("Add information");
        customer.fill("#message", "Steps: open placement 5512 in Chrome, scroll to the second slot");
        customer.click("#reply button");
        assertThat(customer.locator("#status")).hasText("New");
        assertThat(customer.locator("#conversation")).containsText("Steps: open placement 5512 in Chrome");
        chromium.shot(customer, "customer-adds-information-to-the-new-ticket");

        var agent = chromium.tasklist("cs-agent");
        Chromium.openTask(agent, "Client Services queue", key + " · Acknowledge ticket");
        assertThat(agent.getByText(key + " · Acknowledge ticket").first()).containsText("<b>placements</b>");
        assertThat(agent.locator(".fjs-form-field-group:has-text('The request')"))
                .containsText("Placement 5512 returns <img src=x onerror=\"window.pwned = 2\"> blanks.");
        assertThat((Boolean) agent.evaluate("() => window.pwned === undefined")).isTrue();
        agent.click("text=Claim");
        chromium.shot(agent, "agent-acknowledges");
        complete(agent);
        assertThat(agent.getByText(key + " · Acknowledge ticket")).hasCount(0);

        Chromium.openTask(agent, "Client Services queue", key + " · Diagnose issue");
        agent.click("text=Claim");
        agent.getByText("Need information from the customer").click();
        complete(agent);
        assertThat(agent.getByText("Field is required.").first()).isVisible();
        chromium.shot(agent, "agent-form-refuses-missing-questions");
        // Tasklist settles its refused submission before it takes new input.
        agent.waitForTimeout(1000);
        agent.locator(".fjs-form-field:has-text('Questions to the customer') textarea")
                .fill("Which browser shows the blanks?");
        complete(agent);
        assertThat(agent.getByText(key + " · Diagnose issue")).hasCount(0);

        customer.navigate(url("/portal/tickets/" + key));
        assertThat(customer.locator("#status")).hasText("Waiting on the customer");
        assertThat(customer.locator("#conversation .open-questions")).containsText("Which browser shows the blanks?");
        chromium.shot(customer, "customer-sees-the-question");
        customer.fill("#answer textarea", "Chrome 131 on macOS 15");
        chromium.shot(customer, "customer-answers");
        customer.click("#answer button");
        assertThat(customer.locator("#status")).hasText("In progress");

        Chromium.openTask(agent, "Client Services queue", key + " · Diagnose issue");
        agent.click("text=Claim");
        assertThat(agent.locator(".fjs-form-field-group:has-text('Conversation with the customer')"))
                .containsText("Chrome 131 on macOS 15");
        agent.getByText("Resolved", new Page.GetByTextOptions().setExact(true)).click();
        agent.locator(".fjs-form-field:has-text('Resolution summary for the customer') textarea")
                .fill("Purged the cache of ad server 7.");
        chromium.shot(agent, "agent-resolves");
        complete(agent);
        assertThat(agent.getByText(key + " · Diagnose issue")).hasCount(0);

        customer.navigate(url("/portal/tickets/" + key));
        assertThat(customer.locator("#status")).hasText("Closed");
        assertThat(customer.locator("#conversation")).containsText("Purged the cache of ad server 7.");
        chromium.shot(customer, "customer-sees-the-resolution");

        // The next morning the blanks are back: the reply reopens the closed ticket for the same team.
        assertThat(customer.locator("#reply-heading")).hasText("Reopen this ticket");
        customer.fill("#message", "The blanks are back since this morning");
        chromium.shot(customer, "customer-reopens");
        customer.click("#reply button");
        assertThat(customer.locator("#status")).hasText("In progress");
        assertThat(customer.locator("#conversation")).containsText("The blanks are back since this morning");
        chromium.shot(customer, "customer-sees-the-ticket-reopened");
        customer.navigate(url("/portal"));
        assertThat(customer.locator("#tickets tr:has(a:text-is('" + key + "')) td.next"))
                .containsText("We will respond by:");
        chromium.shot(customer, "customer-sees-what-comes-next-in-the-list");
        Chromium.openTask(agent, "Client Services queue", key + " · Diagnose issue");
        assertThat(agent.locator(".fjs-form-field-group:has-text('Conversation with the customer')"))
                .containsText("The blanks are back since this morning");
        chromium.shot(agent, "agent-sees-the-reopened-ticket");

        var theirs = Tickets.submit(http, "spoc-acme", Tickets.MEMBER, "CREATIVE_AUDITING", "Creative rejected");
        var otherTeam = chromium.tasklist("aq-agent");
        otherTeam.getByText("Emergencies first").first().click();
        assertThat(otherTeam.getByText(theirs + " · Acknowledge ticket")).isVisible();
        assertThat(otherTeam.getByText(key)).hasCount(0);
        chromium.shot(otherTeam, "other-team-does-not-see-it");

        var otherCustomer = chromium.portal("spoc-globex");
        var refused = otherCustomer.navigate(url("/portal/tickets/" + key));
        assertThat(refused.status())
                .as("another member's ticket, as if it did not exist")
                .isEqualTo(404);
        assertThat(otherCustomer.locator("h2")).hasText("We could not find that page or ticket");
        assertThat(otherCustomer.locator("main")).containsText("No ticket " + key);
        chromium.shot(otherCustomer, "other-customer-refused");
    }

    // Tasklist's notices can cover the button, so the agent presses it from the keyboard.
    private static void complete(Page page) {
        var button = page.locator("button:has-text('Complete')");
        assertThat(button).isEnabled();
        button.press("Enter");
    }

    private static Path screenshot() {
        try {
            var file = Files.createTempDirectory("journey").resolve("blank-placement.png");
            return Files.write(file, Tickets.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String url(String path) {
        return chromium.url(path);
    }
}
