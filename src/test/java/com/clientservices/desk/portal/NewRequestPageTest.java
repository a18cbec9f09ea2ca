package com.clientservices.desk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.Tickets;
import com.clientservices.desk.routing.RequestTypeCatalogue;
import com.clientservices.desk.ticket.EmergencyCriterion;
import com.clientservices.desk.words.Labels;
import java.io.ByteArrayOutputStream;
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
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;

/**
 * The new-request page helps before it asks (docs/specification.md §2, §3, §4): every type's
 * example and guidance from the routing table, the emergency criteria in the guide's words, and
 * files sent with the request, checked before anything is recorded.
 */
@DeskTest
class NewRequestPageTest {

    private static final Pattern TICKET = Pattern.compile("/portal/tickets/(CS-\\d+)");

    @Autowired
    DeskHttpClient http;

    @Autowired
    RequestTypeCatalogue requestTypes;

    @Autowired
    RuntimeService runtime;

    @Test
    void newRequestPageShowsEveryTypeWithItsExampleGuidanceAndWhereItGoes() throws Exception {
        var page = get(signIn("spoc-acme"), "/portal/new").body();

        for (var type : requestTypes.all()) {
            var entry =
                    match(Pattern.compile("<dd data-type=\"" + type.code() + "\">(.*?)</dd>", Pattern.DOTALL), page);
            assertThat(entry).as("the entry of %s", type.code()).contains(HtmlUtils.htmlEscape(type.guidance()));
            if (type.example() != null) {
                assertThat(entry).contains(HtmlUtils.htmlEscape(type.example()));
            }
            assertThat(entry.contains("Goes to your account representative"))
                    .as("%s says whether it goes to the account representative", type.code())
                    .isEqualTo(type.toAccountRepresentative());
            assertThat(page).contains("data-guidance=\"" + HtmlUtils.htmlEscape(type.guidance()) + "\"");
        }
        assertThat(page)
                .contains("id=\"guidance\"")
                .contains("id=\"screenshot-hint\"")
                .contains("Attach a screenshot of the problem");
    }

    @Test
    void newRequestPageExplainsWhatAnEmergencyIsEachCriterionAndWhyWeAskForAPhone() throws Exception {
        var page = get(signIn("spoc-acme"), "/portal/new").body();

        assertThat(page)
                .contains("essential production feature is broken with no available workaround")
                .contains("will cause significant financial losses")
                .contains("widespread ad-serving")
                .contains("within one hour, around the")
                .contains("Not an emergency:")
                .contains("We call this number");
        for (var criterion : EmergencyCriterion.values()) {
            var meaning = Labels.criterionMeaning(criterion.name());
            assertThat(meaning).isNotBlank();
            assertThat(page)
                    .contains("aria-describedby=\"criterion-" + criterion + "-meaning\"")
                    .contains(HtmlUtils.htmlEscape(meaning));
        }
    }

    @Test
    void screenshotSentWithTheRequestIsAttachedToTheNewTicketAndNotAskedForAgain() throws Exception {
        var browser = signIn("spoc-acme");
        var form = get(browser, "/portal/new");
        var submitted = postMultipart(
                browser,
                "/portal/new",
                DeskHttpClient.csrfToken(form.body()),
                uiBug("Save button does nothing"),
                Map.of("save-button.png", Tickets.PNG));
        assertThat(submitted.statusCode()).isEqualTo(302);
        var key = match(TICKET, submitted.headers().firstValue("Location").orElseThrow());

        var files =
                http.get("spoc-acme", "/api/tickets/" + key + "/attachments").json();
        assertThat(files).hasSize(1);
        assertThat(files.get(0).toString()).contains("save-button.png").contains("image/png");
        assertThat(http.get("spoc-acme", "/api/tickets/" + key)
                        .json()
                        .get("missingInformation")
                        .toString())
                .doesNotContain("screenshot");
        var process = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(key)
                .processDefinitionKey("support-request")
                .singleResult();
        assertThat((String) runtime.getVariable(process.getId(), "missingInformation"))
                .as("what the acknowledgement asks for")
                .doesNotContain("screenshot");
        assertThat(get(browser, "/portal/tickets/" + key).body()).contains("save-button.png");
    }

    @Test
    void refusedFileTypeSubmitsNothingAndTheFormNamesTheFile() throws Exception {
        var browser = signIn("spoc-acme");
        var form = get(browser, "/portal/new");
        var subject = "Refused upload " + System.nanoTime();
        var files = new LinkedHashMap<String, byte[]>();
        files.put("screen.png", Tickets.PNG);
        files.put("tool.exe", new byte[] {'M', 'Z', 0, 0, 3, 0});
        var refused =
                postMultipart(browser, "/portal/new", DeskHttpClient.csrfToken(form.body()), uiBug(subject), files);

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body())
                .contains("id=\"error-files\">tool.exe is not a PNG, JPEG, GIF or WebP screenshot")
                .contains("Nothing was submitted yet")
                .contains("choose your files again")
                .contains(subject);
        assertThat(http.get("spoc-acme", "/api/tickets?size=200").body())
                .as("no ticket was created")
                .doesNotContain(subject);
    }

    private static Map<String, String> uiBug(String subject) {
        return fields(
                "memberId",
                "1001",
                "requestType",
                "UI_API_BUG",
                "subject",
                subject,
                "description",
                "The save button of the line item page does nothing",
                "impact",
                "We cannot change budgets");
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

    // As a browser sends the new-request form: its fields, then each file in the part "files".
    private HttpResponse<String> postMultipart(
            HttpClient browser, String path, String csrf, Map<String, String> fields, Map<String, byte[]> files)
            throws Exception {
        var boundary = "----portal" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        var all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        all.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        files.forEach((name, content) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
                            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return browser.send(
                HttpRequest.newBuilder(http.uri(path + "?_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
