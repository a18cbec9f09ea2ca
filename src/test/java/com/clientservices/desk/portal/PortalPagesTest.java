package com.clientservices.desk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.PageBrowser;
import com.clientservices.desk.Tickets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The support portal as a browser gets it: sign in, submit, see errors by their fields, follow and
 * answer; a ticket's page shows everything the desk knows of it in words (docs/specification.md §13).
 */
@DeskTest
class PortalPagesTest {

    private static final Pattern TICKET = Pattern.compile("/portal/tickets/(CS-\\d+)");
    private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    /** A time as the desk writes it (docs/specification.md §13): {@code Tue 1 Dec 2026, 10:30 EST}. */
    private static final Pattern TIME_IN_WORDS =
            Pattern.compile("(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} E[SD]T");
    /** A due time with the time left: {@code Tue 1 Dec 2026, 10:30 EST (in 3 h 10 min)}. */
    private static final Pattern DUE_IN_WORDS =
            Pattern.compile(TIME_IN_WORDS.pattern() + " \\((in |overdue by |due now)");

    @Autowired
    DeskHttpClient http;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void signInPageSaysWhoseItIsAndWhatWentWrongInWords() throws Exception {
        var client = HttpClient.newHttpClient();
        var page = client.send(
                        HttpRequest.newBuilder(http.uri("/login")).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(page)
                .contains("<html lang=\"en\"")
                .contains("Client Services support")
                .contains("<label for=\"username\">User name</label>")
                .contains("<label for=\"password\">Password</label>")
                .contains("name=\"_csrf\"")
                .doesNotContain("role=\"alert\"");
        var failed = client.send(
                        HttpRequest.newBuilder(http.uri("/login?error")).GET().build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(failed).contains("role=\"alert\"").contains("The user name or the password is not right");
        var signedOut = client.send(
                        HttpRequest.newBuilder(http.uri("/login?logout")).GET().build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(signedOut).contains("You are signed out.");
    }

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
        assertThat(get(browser, "/portal").body()).contains(key).contains("class=\"status\">New</td>");
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
                        "call me",
                        "browser",
                        "b".repeat(201)));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body())
                .contains("id=\"error-subject\">is required")
                .contains("id=\"error-emergencyPhone\">is not a phone number")
                .contains("id=\"error-emergencyCriteria\">is required for an emergency")
                .contains("id=\"error-browser\">");
        // A screen reader reads each message with its field, and hears which fields are wrong.
        assertThat(match(Pattern.compile("(<input type=\"text\" [^>]*name=\"subject\"[^>]*>)"), refused.body()))
                .contains("aria-invalid=\"true\"")
                .contains("aria-describedby=\"error-subject\"");
        assertThat(match(Pattern.compile("(<input type=\"tel\"[^>]*>)"), refused.body()))
                .contains("aria-invalid=\"true\"")
                .contains("aria-describedby=\"phone-why error-emergencyPhone\"");
        assertThat(match(Pattern.compile("(<textarea [^>]*name=\"impact\"[^>]*>)"), refused.body()))
                .doesNotContain("aria-invalid")
                .doesNotContain("aria-describedby");
    }

    @Test
    void contactAnswersQuestionsInThePortalAndOtherMembersCannotOpenTheTicket() throws Exception {
        var key = Tickets.waitingOnCustomer(http, Tickets.submit(http, "s"), "Which browser do you use?");

        var browser = signIn("spoc-acme");
        var page = get(browser, "/portal/tickets/" + key);
        assertThat(page.body())
                .contains(">Waiting on the customer<")
                .contains("Which browser do you use?")
                .contains("id=\"answer\"");
        var answered = post(
                browser,
                "/portal/tickets/" + key + "/replies",
                DeskHttpClient.csrfToken(page.body()),
                fields("message", "Firefox 133"));
        assertThat(answered.statusCode()).isEqualTo(302);
        assertThat(get(browser, "/portal/tickets/" + key).body())
                .contains(">In progress<")
                .contains("Firefox 133")
                .contains("your answer is with the team");

        assertThat(get(signIn("spoc-globex"), "/portal/tickets/" + key).statusCode())
                .as("another member's ticket answers as one that does not exist")
                .isEqualTo(404);
        assertThat(get(signIn("cs-agent"), "/portal").statusCode()).isEqualTo(403);
    }

    @Test
    void ticketPageShowsEveryFilledFieldInWords() throws Exception {
        var request = Tickets.request(Tickets.MEMBER, "MANUAL_CONFIGURATION", "Segment sharing for DMP 77");
        request.put("emergency", true);
        request.put("emergencyPhone", "+1 212 555 0100");
        request.put(
                "emergencyCriteria", List.of("PRODUCTION_FEATURE_BROKEN_NO_WORKAROUND", "SIGNIFICANT_FINANCIAL_LOSS"));
        request.put("stepsToReproduce", "1. Open segment 9\n2. Share with DMP 77");
        request.put("objectIds", List.of("9001", "9002"));
        request.put("environment", Map.of("memberId", "1001", "placementId", "5512"));
        request.put("browser", "Firefox 133");
        request.put("operatingSystem", "macOS 15");
        request.put("businessJustification", "The campaign starts Monday");
        var key = Tickets.submit(http, Tickets.CONTACT, Tickets.json(request));

        var page = get(signIn(Tickets.CONTACT), "/portal/tickets/" + key).body();

        assertThat(section(page, "request"))
                .contains("Necessary manual configuration changes that cannot be accomplished through the product")
                .contains(">Emergency<")
                .contains("Production feature broken, no workaround")
                .contains("Significant financial loss")
                .contains("+1 212 555 0100")
                .contains(">Client Services<")
                .contains("Pat Acme, ")
                .contains("Placement 5512 shows blanks")
                .contains("Lost impressions")
                .contains("1. Open segment 9\n2. Share with DMP 77")
                .contains("<li>9001</li>", "<li>9002</li>")
                .contains("memberId: 1001", "placementId: 5512")
                .contains("Firefox 133")
                .contains("macOS 15")
                .contains("The campaign starts Monday");
        assertThat(page)
                .contains(">New<")
                .containsPattern(DUE_IN_WORDS)
                .contains("What to do next")
                .doesNotContain("MANUAL_CONFIGURATION", "PRODUCTION_FEATURE", "SIGNIFICANT_FINANCIAL", ">NEW<")
                .doesNotContain("null", "spoc-acme", "client-services")
                .doesNotContainPattern(ISO_TIME)
                .doesNotContain("id=\"missing\"");
    }

    @Test
    void ticketPageOmitsEmptyOptionalFieldsAndAsksForWhatIsMissing() throws Exception {
        var key = Tickets.submit(http, "Blank placements, nothing more");

        var page = get(signIn(Tickets.CONTACT), "/portal/tickets/" + key).body();

        assertThat(section(page, "request"))
                .contains("Observed ad serving issues")
                .contains(">Standard<")
                .doesNotContain(
                        "Steps to reproduce",
                        "Object ids",
                        "Environment",
                        "Browser",
                        "Operating system",
                        "Business justification",
                        "emergency");
        assertThat(section(page, "missing"))
                .contains("<li>Object ids</li>")
                .contains("<li>Environment (ids such as bidder, member, creative, placement)</li>")
                .contains("<li>Steps to reproduce</li>")
                .contains("Please add them below");
        assertThat(page).doesNotContain("null", ">none<", "AD_SERVING").doesNotContainPattern(ISO_TIME);
    }

    @Test
    void ticketPageListsAttachmentsWithWorkingDownloadLinks() throws Exception {
        var key = Tickets.submit(http, "With a screenshot and a log");
        assertThat(http.attach(Tickets.CONTACT, key, "blank.png", "image/png", Tickets.PNG)
                        .statusCode())
                .isEqualTo(201);
        assertThat(http.attach(
                                Tickets.CONTACT,
                                key,
                                "calls.txt",
                                "text/plain",
                                "GET /ad?placement=5512\n".getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(201);
        var browser = signIn(Tickets.CONTACT);

        var files = section(get(browser, "/portal/tickets/" + key).body(), "files");

        assertThat(files)
                .contains(">blank.png</a>")
                .contains("(PNG image, " + Tickets.PNG.length + " bytes, added by Pat Acme on ")
                .contains(">calls.txt</a>")
                .contains("(Text file, 23 bytes, added by Pat Acme on ");
        var links = Pattern.compile("href=\"(/portal/tickets/" + key + "/attachments/\\d+)\"")
                .matcher(files)
                .results()
                .map(m -> m.group(1))
                .toList();
        assertThat(links).hasSize(2);
        var png = browser.download(links.get(0));
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(png.body()).isEqualTo(Tickets.PNG);
        assertThat(signIn("spoc-globex").download(links.get(0)).statusCode())
                .as("another member's file answers as one that does not exist")
                .isEqualTo(404);
    }

    @Test
    void ticketPageShowsTheConversationOldestFirstWithWhoAndWhen() throws Exception {
        var key = Tickets.submit(http, "A conversation in order");
        Tickets.waitingOnCustomer(http, key, "Which browser?\\nAnd which <b>version</b>?");
        assertThat(http.post(Tickets.CONTACT, "/api/tickets/" + key + "/replies", "{\"message\":\"Firefox 133\"}")
                        .status())
                .isEqualTo(200);
        http.completeTask(
                Tickets.AGENT,
                key,
                "Task_DiagnoseIssue",
                "{\"diagnosisOutcome\":{\"value\":\"NEED_CUSTOMER_INFO\"},"
                        + "\"customerQuestions\":{\"value\":\"Which placement ids?\"}}");

        var page = get(signIn(Tickets.CONTACT), "/portal/tickets/" + key).body();

        var items = section(page, "history").split("<li");
        assertThat(items).hasSize(5);
        assertThat(items[1])
                .as("the acknowledgement the agent sent, as the lifecycle recorded it")
                .contains("Acknowledgement to the customer")
                .contains("from Casey Agent")
                .contains("We have your request and are working on it.")
                .containsPattern(TIME_IN_WORDS)
                .doesNotContain("Waiting for your answer");
        assertThat(items[2])
                .contains("Questions to the customer")
                .contains("from Casey Agent")
                .contains("Which browser?\nAnd which &lt;b&gt;version&lt;/b&gt;?")
                .doesNotContain("Waiting for your answer");
        assertThat(items[3])
                .contains("Answer from the customer")
                .contains("from Pat Acme")
                .contains("Firefox 133");
        assertThat(items[4])
                .contains("open-questions")
                .contains("Which placement ids?")
                .contains("Waiting for your answer");
        assertThat(section(page, "reply"))
                .as("the questions to answer are repeated where the answer is written")
                .contains("The team asked:")
                .contains("Which placement ids?")
                .doesNotContain("Which browser?");
        assertThat(page).doesNotContainPattern(ISO_TIME).doesNotContain("<b>version");
    }

    @Test
    void replyBoxOffersToAddInformationWhileTheTicketIsNew() throws Exception {
        var key = Tickets.submit(http, "Reply box at NEW");

        var reply =
                section(get(signIn(Tickets.CONTACT), "/portal/tickets/" + key).body(), "reply");

        assertThat(reply)
                .contains(">Add information</h3>")
                .contains("<label for=\"message\">Information to add</label>")
                .contains("The status stays as it is")
                .contains(">Add to the ticket</button>")
                .contains("action=\"/portal/tickets/" + key + "/replies\"")
                .doesNotContain("Send answer", "Reopen");
    }

    @Test
    void replyBoxAsksForTheAnswerWhileWaitingOnTheCustomer() throws Exception {
        var key = Tickets.waitingOnCustomer(http, Tickets.submit(http, "Reply box while waiting"), "Which browser?");

        var page = get(signIn(Tickets.CONTACT), "/portal/tickets/" + key).body();

        assertThat(section(page, "reply"))
                .contains(">Answer the team&#39;s questions</h3>")
                .contains("<label for=\"message\">Your answer</label>")
                .contains(">Send answer</button>")
                .doesNotContain("Add to the ticket", "Reopen");
        assertThat(page).contains("Answer the team&#39;s questions below").contains("href=\"#reply\"");
    }

    @Test
    void redirectedTicketHasNoReplyBoxAndSaysWhoAnswers() throws Exception {
        var key = Tickets.routed(http, Tickets.CONTACT, Tickets.MEMBER, "BILLING", "Invoice 42 is wrong");

        var page = get(signIn(Tickets.CONTACT), "/portal/tickets/" + key).body();

        assertThat(page)
                .contains(">Redirected to the account representative<")
                .contains("Avery Representative")
                .doesNotContain("name=\"message\"")
                .doesNotContain("REDIRECTED", "account-rep\"", "null")
                .doesNotContainPattern(ISO_TIME);
        assertThat(section(page, "reply"))
                .contains("You cannot reply here: this request went to your account representative, Avery"
                        + " Representative (account-rep@desk.example), who answers it directly.");
    }

    @Test
    void aRefusedReplyIsExplainedOnThePageAndWhatWasTypedIsKept() throws Exception {
        var key = Tickets.waitingOnCustomer(http, Tickets.submit(http, "A blank answer"), "Which browser?");
        var browser = signIn(Tickets.CONTACT);

        assertThat(browser.reply(key, "   ").statusCode()).isEqualTo(302);
        assertThat(get(browser, "/portal/tickets/" + key).body())
                .contains("role=\"alert\">Your message is required</p>")
                .contains(">Waiting on the customer<");

        var redirected = Tickets.routed(http, Tickets.CONTACT, Tickets.MEMBER, "TRAINING", "Training for two");
        assertThat(browser.reply(redirected, "Is there a date?").statusCode()).isEqualTo(302);
        assertThat(get(browser, "/portal/tickets/" + redirected).body())
                .contains("was redirected to your account representative, who answers it directly");
    }

    @Test
    void aFileOverTheLimitSentFromTheTicketPageIsExplainedBelowItsForm() throws Exception {
        var key = Tickets.submit(http, "A large screenshot");
        var browser = signIn(Tickets.CONTACT);

        var sent = browser.attachFromPage(key, "huge.png", Arrays.copyOf(Tickets.PNG, 5 * 1024 * 1024 + 1));

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
        assertThat(sent.headers().firstValue("Location").orElse("")).endsWith("/portal/tickets/" + key);
        assertThat(get(browser, "/portal/tickets/" + key).body())
                .contains("role=\"alert\">The file is larger than 5 MB: attach a smaller one");
        assertThat(http.get(Tickets.CONTACT, "/api/tickets/" + key + "/attachments")
                        .json())
                .as("nothing stored")
                .isEmpty();
    }

    @Test
    void theListOfTicketsSaysWhatComesNextForEachNotTheFirstDueTime() throws Exception {
        // Within business hours, so the acknowledgement is more than a minute away whenever the build runs.
        ClockUtil.setCurrentTime(
                Date.from(OffsetDateTime.parse("2026-12-01T10:00:00-05:00").toInstant()));
        var fresh = Tickets.submit(http, "Listed as new");
        var waiting = Tickets.waitingOnCustomer(http, Tickets.submit(http, "Listed as waiting"), "Which browser?");
        var closed = Tickets.closed(http, Tickets.submit(http, "Listed as closed"), "Cache flushed");

        var list = get(signIn(Tickets.CONTACT), "/portal").body();

        assertThat(row(list, fresh))
                .contains("We will acknowledge your request by:")
                .containsPattern("\\(in \\d");
        assertThat(row(list, waiting))
                .contains("When you will hear from us:")
                .contains("After you answer")
                .doesNotContain("acknowledge");
        assertThat(row(list, closed)).contains("Done:").contains("Closed.");
    }

    /** The row of the list of tickets that links to that ticket. */
    private static String row(String page, String key) {
        var link = page.indexOf(">" + key + "</a>");
        assertThat(link).as("%s in the list", key).isNotNegative();
        return page.substring(page.lastIndexOf("<tr", link), page.indexOf("</tr>", link));
    }

    private PageBrowser signIn(String user) throws Exception {
        return PageBrowser.signIn(http, user);
    }

    /** The part of the page inside the element with that id, up to the end of its section. */
    private static String section(String page, String id) {
        var start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("#%s in the page", id).isNotNegative();
        var end = page.indexOf("</section>", start);
        return page.substring(start, end < 0 ? page.length() : end);
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

    private static HttpResponse<String> post(PageBrowser browser, String path, String csrf, Map<String, String> fields)
            throws Exception {
        return browser.post(path, csrf, fields);
    }
}
