package com.clientservices.desk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.LoadState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist, Cockpit and Admin name the desk in their header and page title, and agents see none of
 * Camunda's notices for operators: no Camunda 8 migration banner and no "Welcome to Camunda" box
 * (README, "Tasklist, Cockpit and Admin as the desk"). Screenshots go to
 * target/browser-screenshots/branding-*.png.
 */
@DeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebappBrandingBrowserTest {

    /** The start of the banner's text in the webapps' locales/en.json (BANNER_CE_EOL_TEXT). */
    private static final String MIGRATION_BANNER = "It is time to migrate to Camunda 8";

    private static final String DESK = "Client Services Desk";

    @Autowired
    DeskHttpClient http;

    Chromium chromium;
    final List<String> blocked = new CopyOnWriteArrayList<>();

    @BeforeAll
    void startChromium() {
        chromium = new Chromium(http.port(), "branding");
    }

    @AfterAll
    void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void tasklistNamesTheDeskAndShowsAgentsNoNoticeForOperators() {
        var agent = page();
        agent.navigate(url("/camunda/app/tasklist/default/"));
        signInPage(agent);
        assertThat(agent.locator(".login-header .app-name")).hasText("Tasklist");
        assertThat(agent).hasTitle(title("Tasklist"));
        assertThat(loginLogoText(agent)).isEqualTo("\"" + DESK + "\"");
        assertThat(agent.locator(".login-header .login-logo svg")).isHidden();
        // The first-visit box would come once the page has asked whether Camunda's welcome page exists.
        agent.waitForLoadState(LoadState.NETWORKIDLE);
        assertThat(agent.getByText("Welcome to Camunda")).hasCount(0);
        assertNoMigrationBanner(agent);
        shot(agent, "tasklist-sign-in");

        Chromium.signIn(agent, "iq-agent");
        assertThat(agent.getByText("Emergencies first").first()).isVisible();
        assertHeaderNames(agent, "Tasklist");
        assertNoMigrationBanner(agent);
        // Without the banner the page starts right under the header, nothing hidden behind it or gap left.
        var header = agent.locator("[cam-widget-header]").boundingBox();
        var pageWrap = agent.locator(".page-wrap").boundingBox();
        assertThat(pageWrap.y).isCloseTo(header.y + header.height, within(1.0));
        shot(agent, "tasklist-agent");

        agent.getByText("Inventory Quality queue").first().click();
        assertThat(agent.locator("[cam-tasks]").first()).isVisible();
        agent.waitForLoadState(LoadState.NETWORKIDLE);
        assertHeaderNames(agent, "Tasklist");
        assertNoMigrationBanner(agent);
        shot(agent, "tasklist-agent-queue");

        // The account menu's "My profile" is the welcome app, which agents see too.
        agent.navigate(url("/camunda/app/welcome/default/#!/welcome"));
        assertHeaderNames(agent, "Welcome");
        assertThat(agent.locator(".welcome-page")).isVisible();
        agent.waitForLoadState(LoadState.NETWORKIDLE);
        assertNoMigrationBanner(agent);
        shot(agent, "welcome-agent");

        assertThat(blocked)
                .as("nothing the pages load is refused by the Content-Security-Policy")
                .isEmpty();
    }

    @Test
    void cockpitAndAdminNameTheDeskAndKeepTheMigrationNoticeForOperators() {
        var operator = page();
        operator.navigate(url("/camunda/app/cockpit/default/"));
        signInPage(operator);
        assertThat(operator.locator(".login-header .app-name")).hasText("Cockpit");
        assertThat(operator).hasTitle(title("Cockpit"));
        assertThat(loginLogoText(operator)).isEqualTo("\"" + DESK + "\"");
        Chromium.signIn(operator, "demo");
        assertHeaderNames(operator, "Cockpit");
        assertThat(operator.locator(".ce-eol-banner")).isVisible();
        assertThat(operator.locator(".ce-eol-banner")).containsText(MIGRATION_BANNER);
        operator.waitForLoadState(LoadState.NETWORKIDLE);
        shot(operator, "cockpit-operator");

        // Admin in a page of its own, with Cockpit closed: Camunda 7.24 keeps the Content-Security-Policy
        // nonce in one application-wide attribute, so a request Cockpit's polling sends while Admin's
        // page is answered can give that page another request's nonce, and the browser then blocks its
        // scripts (README, "Tasklist, Cockpit and Admin as the desk").
        operator.close();
        var admin = page();
        admin.navigate(url("/camunda/app/admin/default/"));
        signInPage(admin);
        Chromium.signIn(admin, "demo");
        assertHeaderNames(admin, "Admin");
        assertThat(admin.locator(".ce-eol-banner")).isVisible();
        assertThat(admin.locator(".ce-eol-banner")).containsText(MIGRATION_BANNER);
        admin.waitForLoadState(LoadState.NETWORKIDLE);
        shot(admin, "admin-operator");

        assertThat(blocked)
                .as("nothing the pages load is refused by the Content-Security-Policy")
                .isEmpty();
    }

    private Page page() {
        var page = chromium.page(1400, 900);
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                blocked.add(message.text());
            }
            if (message.type().equals("error") || message.type().equals("warning")) {
                System.out.println("browser console " + message.type() + ": " + message.text());
            }
        });
        page.onPageError(error -> System.out.println("browser page error: " + error));
        page.onRequestFailed(
                request -> System.out.println("browser request failed: " + request.url() + " " + request.failure()));
        return page;
    }

    private static void assertHeaderNames(Page page, String app) {
        assertThat(page.locator("[cam-widget-header] .navbar-brand .brand-name"))
                .hasText(DESK + " " + app);
        assertThat(page.locator("[cam-widget-header] .navbar-brand .brand-logo"))
                .isHidden();
        assertThat(page).hasTitle(title(app));
    }

    /** The desk's and the app's name, then the page's (Cockpit adds "| Dashboard", …). */
    private static Pattern title(String app) {
        // Playwright matches the title in the browser, as a JavaScript regular expression.
        return Pattern.compile("^" + DESK + " " + app + "( \\| .+)?$");
    }

    // The first page of a webapp after the desk starts takes long on a busy machine.
    private void signInPage(Page page) {
        try {
            assertThat(page.locator("input[type=password]"))
                    .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(120_000));
        } finally {
            shot(page, "first-page-" + page.url().replaceAll(".*/app/([a-z]+)/.*", "$1"));
        }
    }

    private static void assertNoMigrationBanner(Page page) {
        assertThat(page.locator(".ce-eol-banner")).isHidden();
        assertThat(page.locator("body").innerText())
                .doesNotContain(MIGRATION_BANNER)
                .doesNotContain("Camunda 8");
    }

    /** The desk's name the sign-in page shows where Camunda's logo was (user-styles.css). */
    private static Object loginLogoText(Page page) {
        return page.evaluate(
                "() => getComputedStyle(document.querySelector('.login-header .login-logo'), '::before').content");
    }

    private void shot(Page page, String name) {
        chromium.shot(page, name);
    }

    private String url(String path) {
        return chromium.url(path);
    }
}
