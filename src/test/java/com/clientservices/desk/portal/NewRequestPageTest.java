package com.clientservices.desk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.PageBrowser;
import com.clientservices.desk.Tickets;
import com.clientservices.desk.routing.RequestTypeCatalogue;
import com.clientservices.desk.ticket.EmergencyCriterion;
import com.clientservices.desk.words.Labels;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
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

    @Test
    void filesOverTheLimitTogetherAreExplainedOnTheErrorPageAndSubmitNothing() throws Exception {
        var browser = signIn("spoc-acme");
        var form = get(browser, "/portal/new");
        var subject = "Two large screenshots " + System.nanoTime();
        var files = new LinkedHashMap<String, byte[]>();
        files.put("first.png", Arrays.copyOf(Tickets.PNG, 4 * 1024 * 1024));
        files.put("second.png", Arrays.copyOf(Tickets.PNG, 4 * 1024 * 1024));

        var refused =
                postMultipart(browser, "/portal/new", DeskHttpClient.csrfToken(form.body()), uiBug(subject), files);

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(refused.body())
                .contains("The file is too large")
                .contains("(5 MB each, 6 MB together)")
                .contains("add the rest on the ticket&#39;s page once it is open");
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

    private PageBrowser signIn(String user) throws Exception {
        return PageBrowser.signIn(http, user);
    }

    private static String match(Pattern pattern, String text) {
        var matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("%s in the page", pattern).isTrue();
        return matcher.group(1);
    }

    private static Map<String, String> fields(String... pairs) {
        return PageBrowser.fields(pairs);
    }

    private static HttpResponse<String> get(PageBrowser browser, String path) throws Exception {
        return browser.get(path);
    }

    private static HttpResponse<String> postMultipart(
            PageBrowser browser, String path, String csrf, Map<String, String> fields, Map<String, byte[]> files)
            throws Exception {
        return browser.postMultipart(path, csrf, fields, files);
    }
}
