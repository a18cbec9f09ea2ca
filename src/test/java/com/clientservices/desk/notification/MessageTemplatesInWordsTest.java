package com.clientservices.desk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskTest;
import com.clientservices.desk.identity.Members;
import com.clientservices.desk.routing.RequestType;
import com.clientservices.desk.routing.RequestTypeCatalogue;
import com.clientservices.desk.ticket.EmergencyCriterion;
import com.clientservices.desk.ticket.Ticket;
import com.clientservices.desk.ticket.TicketStatus;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every message template under {@code notifications/}, found on the class path so that a new one
 * is covered the day it is added, rendered for a standard and an emergency ticket with every
 * optional value empty and with every value given: people read words, never a code, an ISO time
 * or {@code null} (docs/specification.md §7, §13); the subject carries the key, the message links
 * to the ticket in the portal, and the HTML part shows what a customer typed as text.
 */
@DeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessageTemplatesInWordsTest {

    private static final String HOSTILE = "<script>alert('x')</script> & \"quotes\"";
    private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    private static final Pattern CODE = Pattern.compile("\\b[A-Z]{2,}_[A-Z_]+\\b");
    private static final Pattern NULL = Pattern.compile("\\bnull\\b");
    private static final Members.Member MEMBER = new Members.Member(1001, "Acme Media", "account-rep");

    @Autowired
    MessageTemplates templates;

    @Autowired
    MessageModels models;

    @Autowired
    RequestTypeCatalogue requestTypes;

    /** The kinds only staff who work tasks receive (the models' recipients): the team and the managers. */
    private static final Set<String> TO_STAFF =
            Set.of("customer-added-information", "ticket-reopened", "emergency-alert", "sla-warning", "sla-breach");

    /** The kinds for readers with no task of the ticket in Tasklist (account representative, engineering): the API. */
    private static final Set<String> TO_REPRESENTATIVE =
            Set.of("emergency-submitted", "emergency-resolved", "request-redirected", "engineering-handoff");

    @BeforeEach
    void now() {
        ClockUtil.setCurrentTime(
                Date.from(OffsetDateTime.parse("2026-12-01T09:32:00-05:00").toInstant()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** The message kinds: each {@code <kind>.txt} beside its {@code <kind>.html}. */
    static List<String> kinds() throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        var kinds = new TreeSet<String>();
        for (var suffix : List.of(".txt", ".html")) {
            for (var resource : resolver.getResources("classpath*:" + MessageTemplates.FOLDER + "*" + suffix)) {
                var name = resource.getFilename();
                kinds.add(name.substring(0, name.length() - suffix.length()));
            }
        }
        for (var kind : kinds) {
            for (var suffix : List.of(".txt", ".html")) {
                assertThat(resolver.getResource("classpath:" + MessageTemplates.FOLDER + kind + suffix)
                                .exists())
                        .as("%s%s beside the other part of %s", kind, suffix, kind)
                        .isTrue();
            }
        }
        return List.copyOf(kinds);
    }

    static Stream<Arguments> everyKindForEveryTicket() throws IOException {
        var cases = new ArrayList<Arguments>();
        for (var kind : kinds()) {
            for (var emergency : List.of(false, true)) {
                for (var filled : List.of(false, true)) {
                    cases.add(Arguments.of(kind, emergency, filled));
                }
            }
        }
        return cases.stream();
    }

    @Test
    void everyMessageKindOfTheSpecificationHasItsTemplates() throws IOException {
        assertThat(kinds())
                .containsAll(List.of(
                        "request-received",
                        "acknowledgement",
                        "follow-up-questions",
                        "status-update",
                        "resolution",
                        "customer-added-information",
                        "ticket-reopened",
                        "waiting-on-engineering",
                        "engineering-handoff",
                        "engineering-update",
                        "emergency-submitted",
                        "emergency-alert",
                        "emergency-downgraded",
                        "emergency-resolved",
                        "request-redirected",
                        "redirect-confirmation",
                        "sla-warning",
                        "sla-breach"));
    }

    @ParameterizedTest(name = "{0}, emergency {1}, every value given {2}")
    @MethodSource("everyKindForEveryTicket")
    void messageSpeaksWordsCarriesTheKeyAndLinksToTheTicket(String kind, boolean emergency, boolean filled) {
        var ticket = filled ? filled(emergency) : empty(emergency);
        var toCustomer = !TO_STAFF.contains(kind) && !TO_REPRESENTATIVE.contains(kind);
        var message = templates.render(
                kind, models.of(ticket, MEMBER, "Pat Contact", toCustomer, filled ? values() : Map.of()));

        assertThat(message.subject()).as("subject").startsWith("[" + ticket.key() + "]");
        assertThat(message.subject()).doesNotContain("\n").doesNotContain("\r");
        var portal = "http://localhost:8080/portal/tickets/" + ticket.key();
        // Staff cannot open the portal's page (customers only): theirs find the ticket in Tasklist.
        var link = TO_STAFF.contains(kind)
                ? "http://localhost:8080/camunda/app/tasklist/default/#/?searchQuery=%5B%7B%22type%22%3A%22"
                        + "processInstanceBusinessKey%22%2C%22operator%22%3A%22eq%22%2C%22value%22%3A%22" + ticket.key()
                        + "%22%2C%22name%22%3A%22%22%7D%5D"
                : TO_REPRESENTATIVE.contains(kind) ? "http://localhost:8080/api/tickets/" + ticket.key() : portal;
        assertThat(message.body()).as("text part").contains(link).contains(ticket.key());
        assertThat(message.html()).as("HTML part").contains("href=\"" + link + "\"");
        if (TO_STAFF.contains(kind) || TO_REPRESENTATIVE.contains(kind)) {
            assertThat(message.body() + message.html())
                    .as("a link staff cannot open")
                    .doesNotContain(portal);
        }
        if (TO_REPRESENTATIVE.contains(kind)) {
            assertThat(message.body() + message.html()).as("no task of theirs").doesNotContain("tasklist");
        }
        for (var part : List.of(message.subject(), message.body(), message.html())) {
            assertThat(part).doesNotContain("{{").doesNotContain("[(").doesNotContain("${");
            assertThat(NULL.matcher(part).find()).as("'null' in %s", part).isFalse();
            assertThat(ISO_TIME.matcher(part).find())
                    .as("an ISO time in %s", part)
                    .isFalse();
            assertThat(CODE.matcher(part).results().map(r -> r.group()).toList())
                    .as("codes in %s", part)
                    .isEmpty();
            for (var code : codes()) {
                assertThat(Pattern.compile("\\b" + code + "\\b").matcher(part).find())
                        .as("the code %s in %s", code, part)
                        .isFalse();
            }
        }
        if (filled) {
            assertThat(message.html())
                    .as("what the customer typed arrives as text, never as markup")
                    .doesNotContain("<script>")
                    .contains("&lt;script&gt;");
        }
    }

    @Test
    void aDowngradeTellsTheCustomerOfThePortalAndTheAccountRepresentativeOfTheApi() {
        var ticket = filled(true);
        var portal = "http://localhost:8080/portal/tickets/" + ticket.key();
        var api = "http://localhost:8080/api/tickets/" + ticket.key();

        var toCustomer =
                templates.render("emergency-downgraded", models.of(ticket, MEMBER, "Pat Contact", true, values()));
        var toRepresentative = templates.render(
                "emergency-downgraded", models.of(ticket, MEMBER, "Robin Representative", false, values()));

        assertThat(toCustomer.body()).contains(portal).doesNotContain(api);
        assertThat(toCustomer.html()).contains("href=\"" + portal + "\"").doesNotContain(api);
        assertThat(toRepresentative.body()).contains(api).doesNotContain(portal);
        assertThat(toRepresentative.html()).contains("href=\"" + api + "\"").doesNotContain(portal);
        assertThat(toRepresentative.body()).startsWith("Hello Robin Representative,");
    }

    @Test
    void aRedirectedRequestTellsTheAccountRepresentativeTheContactsAddressAndStaffThatReplyingReachesNoCustomer() {
        var ticket = filled(false);

        var redirected = templates.render(
                "request-redirected", models.of(ticket, MEMBER, "Robin Representative", false, values()));
        var alert = templates.render(
                "emergency-alert", models.of(filled(true), MEMBER, "Client Services", false, values()));

        assertThat(redirected.body()).contains("at spoc-acme@desk.example: a reply to this message reaches the desk's");
        assertThat(redirected.html()).contains("href=\"mailto:spoc-acme@desk.example\"");
        assertThat(alert.body()).contains("a reply to this message reaches the desk's mailbox, not the customer");
        assertThat(alert.html()).contains("a reply to this message reaches the desk's mailbox, not the customer");
    }

    @Test
    void aBreachSentAtItsDueMinuteSaysWhenItWasDueNotThatItIsDueNow() {
        var values = new LinkedHashMap<String, Object>(values());
        values.put("slaDue", "2026-12-01T09:32:00-05:00");

        var breach = templates.render(
                "sla-breach", models.of(filled(false), MEMBER, "Client Services managers", false, values));

        assertThat(breach.subject())
                .endsWith("was due by Tue 1 Dec 2026, 09:32 EST")
                .doesNotContain("due now");
        assertThat(breach.body()).doesNotContain("due now");
    }

    @Test
    void theTicketAppearsInWordsWithItsTeamCriteriaPeopleAndTimes() {
        var ticket = filled(true);

        var alert = templates.render("emergency-alert", models.of(ticket, MEMBER, "Client Services", false, values()));

        assertThat(alert.body())
                .contains("Acme Media (member 1001)")
                .contains("Observed ad serving issues")
                .contains("Client Services")
                .contains("Significant financial loss")
                .contains("Production feature broken, no workaround")
                .contains("+1 212 555 0100")
                .contains("Tue 1 Dec 2026, 09:30 EST")
                .contains("Tue 1 Dec 2026, 10:30 EST (in 58 min)")
                .contains("http://localhost:8080/camunda/app/tasklist/");
        var warning = templates.render("sla-warning", models.of(ticket, MEMBER, "Client Services", false, values()));
        assertThat(warning.subject())
                .isEqualTo("[CS-987654] Due soon: acknowledgement by Tue 1 Dec 2026, 10:30 EST (in 58 min)");
        var received =
                templates.render("request-received", models.of(empty(false), MEMBER, "Pat Contact", true, Map.of()));
        assertThat(received.body())
                .contains("Object ids")
                .contains("Steps to reproduce")
                .doesNotContain("none");
        var update = templates.render("engineering-update", models.of(ticket, MEMBER, "Pat Contact", true, values()));
        assertThat(update.body()).contains("bug ENG-4711");
    }

    private List<String> codes() {
        var codes = new ArrayList<String>();
        requestTypes.all().stream().map(RequestType::code).forEach(codes::add);
        Arrays.stream(TicketStatus.values()).map(Enum::name).forEach(codes::add);
        Arrays.stream(EmergencyCriterion.values()).map(Enum::name).forEach(codes::add);
        return codes;
    }

    /** What the send tasks hand over: people's words and the inputs, times as the models hold them. */
    private static Map<String, Object> values() {
        var values = new LinkedHashMap<String, Object>();
        values.put("acknowledgementNote", "Paging the ad server team " + HOSTILE);
        values.put("customerQuestions", "Which placements? " + HOSTILE);
        values.put("customerAnswer", "Placement 5513 too " + HOSTILE);
        values.put("statusUpdate", "Ad server 7 restarted " + HOSTILE);
        values.put("resolutionSummary", "Ad server 7 had a full disk " + HOSTILE);
        values.put("engineeringBugId", "ENG-4711");
        values.put("releaseNote", "Fixed in 3.2 " + HOSTILE);
        values.put("downgradeReason", "A workaround exists " + HOSTILE);
        values.put("slaTarget", "acknowledgement");
        values.put("slaDue", "2026-12-01T10:30-05:00");
        values.put(
                "statusUpdateBy",
                Date.from(OffsetDateTime.parse("2026-12-01T10:30:00-05:00").toInstant()));
        return values;
    }

    private static Ticket empty(boolean emergency) {
        return new Ticket(
                987653,
                1001,
                "spoc-acme",
                OffsetDateTime.parse("2026-12-01T09:30:00-05:00"),
                "APP_BUG",
                emergency,
                null,
                emergency ? List.of() : null,
                "Blank",
                "",
                "",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                TicketStatus.NEW,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "API");
    }

    private static Ticket filled(boolean emergency) {
        var environment = new HashMap<String, String>();
        environment.put("placementId", "5512");
        environment.put("memberId", "1001");
        return new Ticket(
                987654,
                1001,
                "spoc-acme",
                OffsetDateTime.parse("2026-12-01T09:30:00-05:00"),
                "AD_SERVING",
                emergency,
                emergency ? "+1 212 555 0100" : null,
                emergency
                        ? List.of(
                                EmergencyCriterion.PRODUCTION_FEATURE_BROKEN_NO_WORKAROUND.name(),
                                EmergencyCriterion.SIGNIFICANT_FINANCIAL_LOSS.name())
                        : null,
                "Placements blank " + HOSTILE,
                "Every placement is blank\nsince 09:12 " + HOSTILE,
                "Lost impressions " + HOSTILE,
                "Open the test page " + HOSTILE,
                List.of("5512", "5513"),
                environment,
                "Firefox 128",
                "macOS 15",
                "client-services",
                "client-services",
                TicketStatus.WAITING_ON_ENGINEERING,
                OffsetDateTime.parse("2026-12-01T10:30:00-05:00"),
                null,
                null,
                "cs-agent",
                OffsetDateTime.parse("2026-12-01T09:50:00-05:00"),
                "A workaround exists " + HOSTILE,
                "Quarter-end report " + HOSTILE,
                "API");
    }
}
