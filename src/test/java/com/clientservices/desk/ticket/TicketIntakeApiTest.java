package com.clientservices.desk.ticket;

import static com.clientservices.desk.Tickets.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.Tickets;
import com.clientservices.desk.sla.BusinessCalendar;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * POST /api/tickets and the reads of docs/specification.md §4 and §9, over real HTTP as the demo users of docs/specification.md §8:
 * what a valid request gives back, that every bad request is refused naming its field with nothing
 * recorded, and who sees which tickets.
 */
@DeskTest
class TicketIntakeApiTest {

    private static final String TICKETS = "/api/tickets";
    private static final Set<ZoneOffset> NEW_YORK_OFFSETS = Set.of(ZoneOffset.ofHours(-5), ZoneOffset.ofHours(-4));

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HistoryService history;

    @Autowired
    TaskService tasks;

    @Autowired
    BusinessCalendar calendar;

    private static final String WRONG_PASSWORD_PROBE = "wrong-password-probe";

    @Autowired
    DeskHttpClient http;

    @Autowired
    IdentityService identity;

    @BeforeEach
    void connect() {
        // A wrong password holds back, and after ten locks, a user's sign-ins: probe with a user of its own.
        if (identity.createUserQuery().userId(WRONG_PASSWORD_PROBE).count() == 0) {
            var probe = identity.newUser(WRONG_PASSWORD_PROBE);
            probe.setPassword("demo");
            identity.saveUser(probe);
        }
    }

    @Nested
    class ValidRequest {

        @Test
        void standardAdServingRequestIsCreatedForClientServicesWithItsAcknowledgementTarget() {
            var before = Instant.now();
            var created = http.post("spoc-acme", TICKETS, json(request(1001, "AD_SERVING")));
            var after = Instant.now();

            assertThat(created.status()).as(created.body()).isEqualTo(201);
            var ticket = created.json();
            var key = ticket.path("key").asText();
            assertThat(key).matches("CS-[1-9][0-9]*");
            assertThat(created.location()).isEqualTo("/api/tickets/" + key);
            assertThat(ticket.path("status").asText()).isEqualTo("NEW");
            assertThat(ticket.path("team").asText()).isEqualTo("client-services");
            assertThat(ticket.path("route").asText()).isEqualTo("client-services");
            assertThat(ticket.path("memberId").asLong()).isEqualTo(1001);
            assertThat(ticket.path("emergency").isBoolean()).isTrue();
            assertThat(ticket.path("emergency").asBoolean()).isFalse();

            var submittedAt =
                    OffsetDateTime.parse(ticket.path("submittedAt").asText()).toInstant();
            assertThat(submittedAt).isBetween(before.minusMillis(1), after.plusMillis(1));
            var acknowledgeBy =
                    OffsetDateTime.parse(ticket.path("acknowledgeBy").asText());
            assertThat(acknowledgeBy.getOffset()).isIn(NEW_YORK_OFFSETS);
            assertThat(acknowledgeBy).isEqualTo(calendar.acknowledgeBy(submittedAt, false));
            assertThat(acknowledgeBy.toInstant()).isAfter(submittedAt);

            assertThat(texts(ticket.path("missingInformation")))
                    .containsExactlyInAnyOrder("objectIds", "environment", "stepsToReproduce");

            var read = http.get("spoc-acme", created.location());
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(read.json()).isEqualTo(ticket);
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @MethodSource("com.clientservices.desk.ticket.TicketIntakeApiTest#expectedDetails")
        void missingInformationListsExactlyTheAbsentExpectedDetails(
                String label, Map<String, Object> request, List<String> missing) {
            var created = http.post("spoc-acme", TICKETS, json(request));

            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(texts(created.json().path("missingInformation"))).containsExactlyInAnyOrderElementsOf(missing);
        }

        @Test
        void billingQuestionIsRedirectedToTheAccountRepresentativeWithoutTaskOrSla() {
            var created = http.post("spoc-acme", TICKETS, json(request(1001, "BILLING")));

            assertThat(created.status()).as(created.body()).isEqualTo(202);
            var ticket = created.json();
            var key = ticket.path("key").asText();
            assertThat(key).matches("CS-[1-9][0-9]*");
            assertThat(ticket.path("route").asText()).isEqualTo("account-representative");
            assertThat(ticket.path("status").asText()).isEqualTo("REDIRECTED");
            assertThat(ticket.path("accountRepresentative").asText()).isEqualTo("account-rep");
            assertThat(ticket.has("team")).as("no Client Services team").isFalse();
            assertThat(ticket.has("acknowledgeBy")).as("no Client Services SLA").isFalse();
            assertThat(created.location()).isEqualTo("/api/tickets/" + key);

            assertThat(tasks.createTaskQuery().processInstanceBusinessKey(key).count())
                    .isZero();
            assertThat(history.createHistoricProcessInstanceQuery()
                            .processInstanceBusinessKey(key)
                            .finished()
                            .count())
                    .as("the request's process ended at the redirect")
                    .isEqualTo(1);
            assertThat(http.get("spoc-acme", created.location())
                            .json()
                            .path("status")
                            .asText())
                    .isEqualTo("REDIRECTED");
        }

        @Test
        void emergencyWithPhoneAndCriteriaIsCreatedWithTheOneHourTarget() {
            var request = request(1001, "AD_SERVING");
            request.put("emergency", true);
            request.put("emergencyPhone", "+1 (212) 555-0100");
            request.put(
                    "emergencyCriteria",
                    List.of("PRODUCTION_FEATURE_BROKEN_NO_WORKAROUND", "SIGNIFICANT_FINANCIAL_LOSS"));

            var created = http.post("spoc-acme", TICKETS, json(request));

            assertThat(created.status()).as(created.body()).isEqualTo(201);
            var ticket = created.json();
            assertThat(ticket.path("emergency").asBoolean()).isTrue();
            assertThat(ticket.path("status").asText()).isEqualTo("NEW");
            assertThat(ticket.path("team").asText()).isEqualTo("client-services");
            assertThat(ticket.path("emergencyPhone").asText()).isEqualTo("+1 (212) 555-0100");
            assertThat(texts(ticket.path("emergencyCriteria")))
                    .containsExactly("PRODUCTION_FEATURE_BROKEN_NO_WORKAROUND", "SIGNIFICANT_FINANCIAL_LOSS");
            var submittedAt =
                    OffsetDateTime.parse(ticket.path("submittedAt").asText()).toInstant();
            var acknowledgeBy =
                    OffsetDateTime.parse(ticket.path("acknowledgeBy").asText());
            assertThat(acknowledgeBy.getOffset()).isIn(NEW_YORK_OFFSETS);
            assertThat(acknowledgeBy).isEqualTo(calendar.acknowledgeBy(submittedAt, true));
            assertThat(acknowledgeBy.toInstant()).isEqualTo(submittedAt.plusSeconds(3600));
        }
    }

    static Stream<Arguments> expectedDetails() {
        var complete = request(1001, "AD_SERVING");
        complete.put("objectIds", List.of("placement:5512", "creative:88231"));
        complete.put("environment", Map.of("memberId", "1001", "placementId", "5512"));
        complete.put("stepsToReproduce", "Open https://test.example/page and reload.");
        var partial = request(1001, "AD_SERVING");
        partial.put("objectIds", List.of("placement:5512"));
        var uiBug = request(1001, "UI_API_BUG");
        var appBug = request(1001, "APP_BUG");
        appBug.put("browser", "Firefox 133");
        appBug.put("operatingSystem", "macOS 15.1");
        appBug.put("stepsToReproduce", "Sign in, then open Reports.");
        return Stream.of(
                Arguments.of("AD_SERVING with every expected detail", complete, List.of()),
                Arguments.of("AD_SERVING with object ids only", partial, List.of("environment", "stepsToReproduce")),
                Arguments.of(
                        "UI_API_BUG without details",
                        uiBug,
                        List.of(
                                "objectIds",
                                "environment",
                                "stepsToReproduce",
                                "browser",
                                "operatingSystem",
                                "screenshot")),
                Arguments.of(
                        "APP_BUG with browser, system and steps",
                        appBug,
                        List.of("objectIds", "environment", "screenshot")));
    }

    @Nested
    class BadRequest {

        @ParameterizedTest(name = "[{index}] {0} -> {1}")
        @MethodSource("com.clientservices.desk.ticket.TicketIntakeApiTest#badRequests")
        void isRefusedAsProblemNamingTheFieldAndRecordsNothing(
                String label, int status, String field, BadRequestCase bad) {
            var ticketsBefore = ticketRows();
            var processesBefore = history.createHistoricProcessInstanceQuery().count();

            var response = http.post(bad.user(), bad.password(), TICKETS, bad.body(), bad.contentType());

            assertThat(response.status()).as(response.body()).isEqualTo(status);
            assertThat(response.contentType()).startsWith("application/problem+json");
            var problem = response.json();
            assertThat(problem.path("status").asInt()).isEqualTo(status);
            assertThat(problem.path("detail").asText()).isNotBlank();
            if (field != null) {
                var fields = StreamSupport.stream(problem.path("errors").spliterator(), false)
                        .map(error -> error.path("field").asText())
                        .distinct()
                        .toList();
                assertThat(fields).as(response.body()).containsExactly(field);
                assertThat(problem.path("errors").get(0).path("message").asText())
                        .isNotBlank();
            }
            assertThat(ticketRows()).as("ticket rows").isEqualTo(ticketsBefore);
            assertThat(history.createHistoricProcessInstanceQuery().count())
                    .as("process instances")
                    .isEqualTo(processesBefore);
        }
    }

    record BadRequestCase(String user, String password, String body, String contentType) {

        static BadRequestCase asAcme(String body) {
            return new BadRequestCase("spoc-acme", "demo", body, "application/json");
        }

        static BadRequestCase asAcme(Map<String, Object> request) {
            return asAcme(json(request));
        }
    }

    static Stream<Arguments> badRequests() {
        var valid = json(request(1001, "AD_SERVING"));
        return Stream.of(
                bad("memberId missing", 400, "memberId", BadRequestCase.asAcme(without("memberId"))),
                bad("requestType missing", 400, "requestType", BadRequestCase.asAcme(without("requestType"))),
                bad("subject missing", 400, "subject", BadRequestCase.asAcme(without("subject"))),
                bad("description missing", 400, "description", BadRequestCase.asAcme(without("description"))),
                bad("impact missing", 400, "impact", BadRequestCase.asAcme(without("impact"))),
                bad("subject blank", 400, "subject", BadRequestCase.asAcme(with("subject", "   "))),
                bad(
                        "subject of 201 characters",
                        400,
                        "subject",
                        BadRequestCase.asAcme(with("subject", "s".repeat(201)))),
                bad(
                        "description of 20,001 characters",
                        400,
                        "description",
                        BadRequestCase.asAcme(with("description", "d".repeat(20_001)))),
                bad(
                        "impact of 20,001 characters",
                        400,
                        "impact",
                        BadRequestCase.asAcme(with("impact", "i".repeat(20_001)))),
                bad("memberId not a number", 400, "memberId", BadRequestCase.asAcme(with("memberId", "abc"))),
                bad("emergency not a boolean", 400, "emergency", BadRequestCase.asAcme(with("emergency", "yes"))),
                bad(
                        "objectIds a string, not a list",
                        400,
                        "objectIds",
                        BadRequestCase.asAcme(with("objectIds", "placement:5512"))),
                bad(
                        "unknown requestType",
                        400,
                        "requestType",
                        BadRequestCase.asAcme(with("requestType", "COFFEE_MACHINE"))),
                bad(
                        "requestType in lower case",
                        400,
                        "requestType",
                        BadRequestCase.asAcme(with("requestType", "ad_serving"))),
                bad(
                        "a memberId that names no member, answered as another member's",
                        403,
                        null,
                        BadRequestCase.asAcme(with("memberId", 9999))),
                bad(
                        "emergency without phone",
                        400,
                        "emergencyPhone",
                        BadRequestCase.asAcme(emergency(null, List.of("SIGNIFICANT_FINANCIAL_LOSS")))),
                bad(
                        "emergency without criteria",
                        400,
                        "emergencyCriteria",
                        BadRequestCase.asAcme(emergency("+1 212 555 0100", null))),
                bad(
                        "emergency with an empty criteria list",
                        400,
                        "emergencyCriteria",
                        BadRequestCase.asAcme(emergency("+1 212 555 0100", List.of()))),
                bad(
                        "unknown emergency criterion",
                        400,
                        "emergencyCriteria",
                        BadRequestCase.asAcme(emergency("+1 212 555 0100", List.of("CEO_IS_ANGRY")))),
                bad(
                        "phone that is words",
                        400,
                        "emergencyPhone",
                        BadRequestCase.asAcme(emergency("call me", List.of("SIGNIFICANT_FINANCIAL_LOSS")))),
                bad(
                        "phone of 6 digits",
                        400,
                        "emergencyPhone",
                        BadRequestCase.asAcme(emergency("555-010", List.of("SIGNIFICANT_FINANCIAL_LOSS")))),
                bad(
                        "phone of 21 digits",
                        400,
                        "emergencyPhone",
                        BadRequestCase.asAcme(
                                emergency("+1 212 555 0100 1234 5678 90", List.of("SIGNIFICANT_FINANCIAL_LOSS")))),
                bad(
                        "51 objectIds",
                        400,
                        "objectIds",
                        BadRequestCase.asAcme(with(
                                "objectIds",
                                IntStream.rangeClosed(1, 51)
                                        .mapToObj(i -> "placement:" + i)
                                        .toList()))),
                bad("malformed JSON", 400, "body", BadRequestCase.asAcme("{\"memberId\":")),
                bad("empty body", 400, "body", BadRequestCase.asAcme("")),
                bad("body over 256 KB", 413, "body", BadRequestCase.asAcme(with("description", "d".repeat(270_000)))),
                bad("another member's memberId", 403, null, BadRequestCase.asAcme(with("memberId", 1002))),
                bad(
                        "text/plain instead of JSON",
                        415,
                        null,
                        new BadRequestCase("spoc-acme", "demo", valid, "text/plain")),
                bad("no credentials", 401, null, new BadRequestCase(null, null, valid, "application/json")),
                bad(
                        "wrong password",
                        401,
                        null,
                        new BadRequestCase(WRONG_PASSWORD_PROBE, "not-demo", valid, "application/json")),
                bad(
                        "an agent instead of the member's contact",
                        403,
                        null,
                        new BadRequestCase("cs-agent", "demo", valid, "application/json")));
    }

    private static Arguments bad(String label, int status, String field, BadRequestCase request) {
        return Arguments.of(label, status, field, request);
    }

    @Nested
    class Visibility {

        @Test
        void anotherMembersContactMayNotReadTheTicket() {
            var key = submit("spoc-acme", 1001, "AD_SERVING");

            var response = http.get("spoc-globex", "/api/tickets/" + key);

            // As if it did not exist, so keys cannot be probed (docs/specification.md §8).
            assertThat(response.status()).as(response.body()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @MethodSource("com.clientservices.desk.ticket.TicketIntakeApiTest#unknownKeys")
        void unknownOrMalformedKeyIsNotFound(String key) {
            var response = http.get("spoc-acme", "/api/tickets/" + key);

            assertThat(response.status()).as(response.body()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }

        @Test
        void contactListsOnlyTheirMembersTicketsNewestFirst() {
            var older = submit("spoc-acme", 1001, "AD_SERVING");
            var globex = submit("spoc-globex", 1002, "AD_SERVING");
            var newer = submit("spoc-acme", 1001, "TRAFFIC_QUALITY");

            var list = list("spoc-acme", "");

            assertThat(list)
                    .allSatisfy(ticket ->
                            assertThat(ticket.path("memberId").asLong()).isEqualTo(1001));
            var keys = keys(list);
            assertThat(keys).contains(older, newer).doesNotContain(globex);
            assertThat(keys.indexOf(newer)).isLessThan(keys.indexOf(older));
            assertThat(numbers(keys)).isSortedAccordingTo(Collections.reverseOrder());
        }

        @Test
        void listFiltersByStatus() {
            var redirected = submit("spoc-acme", 1001, "BILLING");
            var open = submit("spoc-acme", 1001, "AD_SERVING");

            var list = list("spoc-acme", "&status=REDIRECTED");

            assertThat(list)
                    .allSatisfy(
                            ticket -> assertThat(ticket.path("status").asText()).isEqualTo("REDIRECTED"));
            assertThat(keys(list)).contains(redirected).doesNotContain(open);
            assertThat(keys(list("spoc-acme", "&status=NEW"))).contains(open).doesNotContain(redirected);
        }

        @Test
        void agentSeesTheirTeamsTicketsOnly() {
            var clientServices = submit("spoc-acme", 1001, "AD_SERVING");
            var adQuality = submit("spoc-acme", 1001, "CREATIVE_AUDITING");

            assertThat(http.get("cs-agent", "/api/tickets/" + clientServices).status())
                    .isEqualTo(200);
            assertThat(http.get("cs-agent", "/api/tickets/" + adQuality).status())
                    .isEqualTo(403);
            var list = list("cs-agent", "");
            assertThat(keys(list)).contains(clientServices).doesNotContain(adQuality);
            assertThat(list)
                    .allSatisfy(
                            ticket -> assertThat(ticket.path("team").asText()).isEqualTo("client-services"));

            assertThat(http.get("aq-agent", "/api/tickets/" + adQuality).status())
                    .isEqualTo(200);
            assertThat(keys(list("aq-agent", ""))).contains(adQuality).doesNotContain(clientServices);
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @MethodSource("com.clientservices.desk.ticket.TicketIntakeApiTest#readEverything")
        void auditorsAndManagersSeeEveryTicket(String user) {
            var acme = submit("spoc-acme", 1001, "CREATIVE_AUDITING");
            var globex = submit("spoc-globex", 1002, "AD_SERVING");
            var redirected = submit("spoc-globex", 1002, "TRAINING");

            assertThat(keys(list(user, ""))).contains(acme, globex, redirected);
            for (var key : List.of(acme, globex, redirected)) {
                assertThat(http.get(user, "/api/tickets/" + key).status())
                        .as(key)
                        .isEqualTo(200);
            }
        }

        @Test
        void accountRepresentativeSeesTheTicketsOfTheirMembers() {
            var acme = submit("spoc-acme", 1001, "BILLING");
            var globex = submit("spoc-globex", 1002, "APP_BUG");

            assertThat(keys(list("account-rep", ""))).contains(acme, globex);
            assertThat(http.get("account-rep", "/api/tickets/" + acme).status()).isEqualTo(200);
            assertThat(http.get("account-rep", "/api/tickets/" + globex).status())
                    .isEqualTo(200);
        }

        private List<JsonNode> list(String user, String query) {
            var response = http.get(user, TICKETS + "?size=200" + query);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            var list = new ArrayList<JsonNode>();
            response.json().forEach(list::add);
            return list;
        }
    }

    static Stream<String> unknownKeys() {
        return Stream.of("CS-999999", "abc");
    }

    static Stream<String> readEverything() {
        return Stream.of("auditor", "cs-manager");
    }

    @Nested
    class Documentation {

        @Autowired
        @Qualifier("requestMappingHandlerMapping")
        RequestMappingHandlerMapping mappings;

        @Test
        void requestTypesListTheEighteenCodesWithLabelsAndRoutes() {
            var response = http.get("spoc-acme", "/api/request-types");

            assertThat(response.status()).isEqualTo(200);
            var types = response.json();
            assertThat(types.size()).isEqualTo(18);
            types.forEach(type -> {
                assertThat(type.path("code").asText()).matches("[A-Z_]+");
                assertThat(type.path("label").asText()).isNotBlank();
                assertThat(type.path("route").asText()).isNotBlank();
            });
            var routes = new LinkedHashMap<String, String>();
            types.forEach(type ->
                    routes.put(type.path("code").asText(), type.path("route").asText()));
            assertThat(routes)
                    .hasSize(18)
                    .containsEntry("AD_SERVING", "client-services")
                    .containsEntry("CREATIVE_AUDITING", "ad-quality")
                    .containsEntry("BILLING", "account-representative");
        }

        @Test
        void openApiDescribesEveryApiPath() {
            var response = http.get(null, "/v3/api-docs");

            assertThat(response.status()).isEqualTo(200);
            var documented = new ArrayList<String>();
            response.json().path("paths").fieldNames().forEachRemaining(documented::add);
            var served = mappings.getHandlerMethods().keySet().stream()
                    .flatMap(info -> info.getPatternValues().stream())
                    .filter(pattern -> pattern.startsWith("/api/"))
                    .distinct()
                    .toList();
            assertThat(served).contains("/api/tickets", "/api/tickets/{key}", "/api/request-types");
            assertThat(documented).containsAll(served);
        }

        @Test
        void swaggerUiIsServed() {
            var response = http.get(null, "/swagger-ui/index.html");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.contentType()).startsWith("text/html");
        }
    }

    private String submit(String user, long memberId, String requestType) {
        return Tickets.routed(http, user, memberId, requestType, subject(requestType));
    }

    private long ticketRows() {
        return jdbc.sql("select count(*) from ticket").query(Long.class).single();
    }

    static Map<String, Object> request(long memberId, String requestType) {
        return Tickets.request(memberId, requestType, subject(requestType));
    }

    private static String subject(String requestType) {
        return "Placements show blanks since 10:00 (" + requestType + ")";
    }

    private static Map<String, Object> with(String field, Object value) {
        var request = request(1001, "AD_SERVING");
        request.put(field, value);
        return request;
    }

    private static Map<String, Object> without(String field) {
        var request = request(1001, "AD_SERVING");
        request.remove(field);
        return request;
    }

    private static Map<String, Object> emergency(String phone, List<String> criteria) {
        var request = with("emergency", true);
        if (phone != null) {
            request.put("emergencyPhone", phone);
        }
        if (criteria != null) {
            request.put("emergencyCriteria", criteria);
        }
        return request;
    }

    private static List<String> texts(JsonNode array) {
        assertThat(array.isArray()).as("a JSON array: " + array).isTrue();
        var texts = new ArrayList<String>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static List<String> keys(List<JsonNode> tickets) {
        return tickets.stream().map(ticket -> ticket.path("key").asText()).toList();
    }

    private static List<Long> numbers(List<String> keys) {
        return keys.stream().map(key -> TicketKey.parse(key).orElseThrow()).toList();
    }
}
