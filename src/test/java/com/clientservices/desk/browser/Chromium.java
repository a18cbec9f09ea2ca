package com.clientservices.desk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.LoadState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * The system's Chromium, headless, for one browser test class: signing in to the portal and to
 * Tasklist as the people of docs/specification.md §8, and a screenshot of each step in
 * target/browser-screenshots/, named for the class's story.
 */
final class Chromium implements AutoCloseable {

    static final Path SCREENSHOTS = Paths.get("target", "browser-screenshots");
    private static final String BINARY = System.getProperty("desk.chromium", "/usr/bin/chromium");

    private final Playwright playwright;
    private final Browser browser;
    private final int port;
    private final String story;
    private int step;

    Chromium(int port, String story) {
        this.port = port;
        this.story = story;
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Tasklist loads a whole application on first sign-in; on a busy machine that takes more than 5 s.
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Paths.get(BINARY))
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
    }

    /** A page of its own (cookies and all), of the given size, signed in to nothing. */
    Page page(int width, int height) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height))
                .newPage();
    }

    /** A customer's contact signed in to the portal. */
    Page portal(String user) {
        var page = browser.newContext().newPage();
        signInToPortal(page, user);
        return page;
    }

    /**
     * A page signed in to nothing whose pages' Content-Security-Policy is set aside, so that a test may add its own
     * checking script (axe-core) to them.
     */
    Page checkable(int width, int height) {
        return browser.newContext(new Browser.NewContextOptions()
                        .setViewportSize(width, height)
                        .setBypassCSP(true))
                .newPage();
    }

    /** A member of staff signed in on the desk's own sign-in page, on a wide screen; the page is left where it lands. */
    Page desk(String user) {
        var page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000))
                .newPage();
        signInToDesk(page, user);
        return page;
    }

    /** Signs the page in on the desk's own sign-in page as a member of staff; it is left where it lands. */
    void signInToDesk(Page page, String user) {
        submitSignIn(page, user);
        // Until the sign-in's answer arrives the page is still the form, already loaded: a test that navigated
        // then would cancel the sign-in and find itself sent back to it (seen on a cold desk in a CI run).
        page.waitForURL(url -> !url.contains("/login"));
    }

    /** Signs the page in to the portal as a customer's contact. */
    void signInToPortal(Page page, String user) {
        submitSignIn(page, user);
        page.waitForURL("**/portal**");
    }

    private void submitSignIn(Page page, String user) {
        page.navigate(url("/login"));
        page.fill("#username", user);
        page.fill("#password", "demo");
        page.click("button[type=submit]");
    }

    /** A member of staff signed in to Tasklist, its filters shown; tall enough for a whole task form. */
    Page tasklist(String user) {
        var page = browser.newContext(new Browser.NewContextOptions()
                        .setViewportSize(1400, 2400)
                        .setAcceptDownloads(true))
                .newPage();
        page.navigate(url("/camunda/app/tasklist/default/"));
        signIn(page, user);
        try {
            assertThat(page.getByText("Emergencies first").first()).isVisible();
        } catch (AssertionError e) {
            shot(page, "tasklist-sign-in-failed-" + user);
            throw e;
        }
        return page;
    }

    /**
     * Signs in on a webapp's sign-in page (Tasklist, Cockpit, Admin). The webapps draw that form more
     * than once while they start, so the names are typed only into the last one, and checked.
     */
    static void signIn(Page page, String user) {
        page.waitForLoadState(LoadState.NETWORKIDLE);
        var name = page.locator("input[type=text]");
        var password = page.locator("input[type=password]");
        assertThat(password).isEditable();
        name.fill(user);
        password.fill("demo");
        assertThat(name).hasValue(user);
        assertThat(password).hasValue("demo");
        page.click("button[type=submit]");
    }

    /**
     * Opens the task from a filter's list, waiting until its form can be completed. Tasklist redraws
     * the list when it reloads it, and a click that lands while it does so opens nothing; like a
     * person, the test then clicks the entry again (at most three times).
     */
    static void openTask(Page page, String filter, String taskName) {
        var complete = page.locator("button:has-text('Complete')");
        for (var attempt = 1; ; attempt++) {
            page.getByText(filter).first().click();
            page.getByText(taskName).first().click();
            if (attempt == 3) {
                assertThat(complete).isVisible();
                return;
            }
            try {
                complete.waitFor(new Locator.WaitForOptions().setTimeout(10_000));
                return;
            } catch (TimeoutError listRedrawn) {
                // the click landed on a list being redrawn: try again
            }
        }
    }

    void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setFullPage(true)
                .setPath(SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", story, ++step, name))));
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
