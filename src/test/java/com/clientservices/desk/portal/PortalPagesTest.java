package com.clientservices.desk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.Tickets;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The support portal as a browser gets it: sign in, submit, see errors by their fields, follow and answer. */
@DeskTest
class PortalPagesTest {

    private static final Pattern TICKET = Pattern.compile("/portal/tickets/(CS-\\d+)");

    @Autowired
    DeskHttpClient http;

    @Test
    void contactSubmitsARequestAndSeesItsKeyAndDueTime() throws Exception {
        var browser = signIn("spoc-acme");
        var form = get(browser, "/portal/new");
        assertThat(form.body())
                .contains("Observed ad serving issues")
                .contains("We will respond by")
                .contains("data-emergency=")
                .contains("PRODUCTION_FEATURE_BROKEN_NO_WORKAROUND");

        var submitted = post(
                browser,
                "/portal/new",
                DeskHttpClient.csrfToken(form.body()),
                fields(
                        "memberId",
                        "1001",
                        "requestType",
                        "AD_SERVING",
                        "subject",
                        "<script>alert(1)</script> blanks",
                        "description",
                        "Placement 5512 blank",
                        "impact",
                        "Lost revenue",
                        "objectIds",
                        "5512\n5513",
                        "environment",
                        "placementId=5512"));
        assertThat(submitted.statusCode()).isEqualTo(302);
        var location = submitted.headers().firstValue("Location").orElseThrow();
        var key = match(TICKET, location);

        var page = get(browser, location.replace("http://localhost:" + http.port(), ""));
        assertThat(page.body())
                .contains("Your request is <strong>" + key + "</strong>")
                .contains("we will respond by")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; blanks")
                .doesNotContain("<script>alert(1)");
        var api = http.get("spoc-acme", "/api/tickets/" + key).json();
        assertThat(api.get("objectIds").toString()).isEqualTo("[\"5512\",\"5513\"]");
        assertThat(get(browser, "/portal").body()).contains(key).contains("NEW");
    }

    @Test
    void fieldErrorsFromTheApiAreShownNextToTheirFields() throws Exception {
        var browser = signIn("spoc-acme");
        var form = get(browser, "/portal/new");
        var refused = post(
                browser,
                "/portal/new",
                DeskHttpClient.csrfToken(form.body()),
                fields(
                        "memberId",
                        "1001",
                        "requestType",
                        "AD_SERVING",
                        "subject",
                        "",
                        "description",
                        "d",
                        "impact",
                        "i",
                        "emergency",
                        "true",
                        "emergencyPhone",
                        "call me"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body())
                .contains("id=\"error-subject\">is required")
                .contains("id=\"error-emergencyPhone\">is not a phone number")
                .contains("id=\"error-emergencyCriteria\">is required for an emergency");
    }

    @Test
    void contactAnswersQuestionsInThePortalAndOtherMembersCannotOpenTheTicket() throws Exception {
        var key = Tickets.waitingOnCustomer(http, Tickets.submit(http, "s"), "Which browser do you use?");

        var browser = signIn("spoc-acme");
        var page = get(browser, "/portal/tickets/" + key);
        assertThat(page.body())
                .contains("WAITING_ON_CUSTOMER")
                .contains("Which browser do you use?")
                .contains("id=\"answer\"");
        var answered = post(
                browser,
                "/portal/tickets/" + key + "/replies",
                DeskHttpClient.csrfToken(page.body()),
                fields("message", "Firefox 133"));
        assertThat(answered.statusCode()).isEqualTo(302);
        assertThat(get(browser, "/portal/tickets/" + key).body())
                .contains("IN_PROGRESS")
                .contains("Firefox 133")
                .contains("your answer is with the team");

        assertThat(get(signIn("spoc-globex"), "/portal/tickets/" + key).statusCode())
                .as("another member's ticket answers as one that does not exist")
                .isEqualTo(404);
        assertThat(get(signIn("cs-agent"), "/portal").statusCode()).isEqualTo(403);
    }

    private HttpClient signIn(String user) throws Exception {
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        var login = post(
                browser,
                "/login",
                DeskHttpClient.csrfToken(get(browser, "/login").body()),
                fields("username", user, "password", "demo"));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return browser;
    }

    private static String match(Pattern pattern, String text) {
        var matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("%s in the page", pattern).isTrue();
        return matcher.group(1);
    }

    private static Map<String, String> fields(String... pairs) {
        var fields = new LinkedHashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(http.uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient browser, String path, String csrf, Map<String, String> fields)
            throws Exception {
        var all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        var body = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(
                HttpRequest.newBuilder(http.uri(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
