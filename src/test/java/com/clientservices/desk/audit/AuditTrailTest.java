package com.clientservices.desk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.Tickets;
import com.clientservices.desk.lifecycle.Scenario;
import com.clientservices.desk.ticket.TicketRepository;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A scripted February 2027 of tickets through every path, done over HTTP by the people of docs/specification.md §8
 * with the engine's clock moved: each timeline shows what the script did, in order, with its
 * actors and SLA outcomes, and the SLA report's figures equal those worked out here by hand.
 */
@DeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditTrailTest {

    @Autowired
    Scenario scenario;

    @Autowired
    DeskHttpClient http;

    @Autowired
    TicketTimeline timelines;

    @Autowired
    TimelineInWords inWords;

    @Autowired
    TicketRepository tickets;

    String metWithFollowUp;
    String overWeekend;
    String missedWithEngineering;
    String emergency;
    String downgraded;
    String redirected;
    String rerouted;

    // Runs first: the process test coverage only records inside test methods.
    @Test
    @Order(1)
    void aScriptedFebruaryRunsEveryTicketThroughItsPath() {

        scenario.at("2027-02-01T10:00:00-05:00"); // Monday
        metWithFollowUp = submit("AD_SERVING", false, "Blank placements");
        scenario.at("2027-02-01T11:00:00-05:00");
        http.work("cs-agent", metWithFollowUp, "Task_AcknowledgeTicket", "{}");
        scenario.at("2027-02-01T11:30:00-05:00");
        http.work(
                "cs-agent",
                metWithFollowUp,
                "Task_DiagnoseIssue",
                "{\"diagnosisOutcome\":{\"value\":\"NEED_CUSTOMER_INFO\"},\"customerQuestions\":{\"value\":\"Which browser?\"}}");
        scenario.at("2027-02-02T09:30:00-05:00");
        assertThat(http.post("spoc-acme", "/api/tickets/" + metWithFollowUp + "/replies", "{\"message\":\"Firefox\"}")
                        .status())
                .isEqualTo(200);
        scenario.at("2027-02-02T10:00:00-05:00");
        http.work(
                "cs-agent",
                metWithFollowUp,
                "Task_DiagnoseIssue",
                "{\"diagnosisOutcome\":{\"value\":\"RESOLVED\"},\"resolutionSummary\":{\"value\":\"Cleared the cache\"}}");

        scenario.at("2027-02-05T17:00:00-05:00"); // Friday, last working hour
        overWeekend = submit("CREATIVE_AUDITING", false, "Creative rejected");
        scenario.at("2027-02-08T10:00:00-05:00"); // Monday
        http.work("aq-agent", overWeekend, "Task_AcknowledgeTicket", "{}");
        scenario.at("2027-02-08T10:30:00-05:00");
        http.work(
                "aq-agent",
                overWeekend,
                "Task_DiagnoseIssue",
                "{\"diagnosisOutcome\":{\"value\":\"RESOLVED\"},\"resolutionSummary\":{\"value\":\"Approved\"}}");

        scenario.at("2027-02-09T10:00:00-05:00"); // Tuesday
        missedWithEngineering = submit("AD_SERVING", false, "Reports missing");
        scenario.at("2027-02-10T09:00:00-05:00");
        scenario.fireDueTimers(missedWithEngineering);
        scenario.at("2027-02-10T10:00:00-05:00");
        scenario.fireDueTimers(missedWithEngineering);
        scenario.at("2027-02-10T11:00:00-05:00");
        http.work("cs-agent", missedWithEngineering, "Task_AcknowledgeTicket", "{}");
        scenario.at("2027-02-10T11:30:00-05:00");
        http.work(
                "cs-agent",
                missedWithEngineering,
                "Task_DiagnoseIssue",
                "{\"diagnosisOutcome\":{\"value\":\"ENGINEERING_FIX\"},\"engineeringBugId\":{\"value\":\"ENG-2027\"}}");
        scenario.at("2027-02-10T12:00:00-05:00");
        http.work(
                "cs-manager",
                missedWithEngineering,
                "Task_HandleSlaBreach",
                "{\"escalationNote\":{\"value\":\"Queue was understaffed\"}}");
        scenario.at("2027-02-11T15:00:00-05:00");
        assertThat(http.post(
                                "engineering-bot",
                                "/api/tickets/" + missedWithEngineering + "/engineering-fix",
                                "{\"bugId\":\"ENG-2027\",\"releaseNote\":\"5.4.0\"}")
                        .status())
                .isEqualTo(200);
        scenario.at("2027-02-11T15:30:00-05:00");
        http.work(
                "cs-agent",
                missedWithEngineering,
                "Task_ConfirmResolution",
                "{\"resolutionSummary\":{\"value\":\"Fixed in 5.4.0\"}}");

        scenario.at("2027-02-13T02:00:00-05:00"); // Saturday night
        emergency = submit("AD_SERVING", true, "Nothing serves");
        scenario.at("2027-02-13T02:20:00-05:00");
        http.work("cs-agent", emergency, "Task_AcknowledgeTicket", "{}");
        scenario.at("2027-02-13T03:00:00-05:00");
        http.work(
                "cs-agent",
                emergency,
                "Task_SendStatusUpdate",
                "{\"statusUpdate\":{\"value\":\"Ad servers restarting\"}}");
        scenario.at("2027-02-13T03:30:00-05:00");
        http.work(
                "cs-agent",
                emergency,
                "Task_DiagnoseIssue",
                "{\"diagnosisOutcome\":{\"value\":\"RESOLVED\"},\"resolutionSummary\":{\"value\":\"Serving again\"}}");

        scenario.at("2027-02-15T12:00:00-05:00"); // Washington's Birthday, a holiday
        downgraded = submit("AD_SERVING", true, "One placement blank");
        scenario.at("2027-02-15T12:50:00-05:00");
        http.work(
                "cs-agent",
                downgraded,
                "Task_AcknowledgeTicket",
                "{\"downgradeToStandard\":{\"value\":true},\"downgradeReason\":{\"value\":\"A workaround exists\"}}");

        scenario.at("2027-02-16T10:00:00-05:00");
        var response = http.post("spoc-acme", "/api/tickets", body("BILLING", false, "Invoice question"));
        assertThat(response.status()).isEqualTo(202);
        redirected = response.json().get("key").asText();

        scenario.at("2027-02-17T10:00:00-05:00");
        rerouted = submit("AD_SERVING", false, "Creative flagged");
        scenario.at("2027-02-17T10:30:00-05:00");
        http.work("cs-agent", rerouted, "Task_AcknowledgeTicket", "{}");
        scenario.at("2027-02-17T11:00:00-05:00");
        http.work(
                "cs-agent",
                rerouted,
                "Task_DiagnoseIssue",
                "{\"diagnosisOutcome\":{\"value\":\"REROUTE\"},\"rerouteTeam\":{\"value\":\"ad-quality\"}}");
        scenario.at("2027-02-17T12:00:00-05:00");
        http.work(
                "aq-agent",
                rerouted,
                "Task_DiagnoseIssue",
                "{\"diagnosisOutcome\":{\"value\":\"RESOLVED\"},\"resolutionSummary\":{\"value\":\"Approved\"}}");
        ClockUtil.reset();

        for (var closed : List.of(metWithFollowUp, overWeekend, missedWithEngineering, emergency, rerouted)) {
            assertThat(http.get("spoc-acme", "/api/tickets/" + closed)
                            .json()
                            .get("status")
                            .asText())
                    .isEqualTo("CLOSED");
        }
        assertThat(http.get("spoc-acme", "/api/tickets/" + downgraded)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("ACKNOWLEDGED");
        assertThat(http.get("spoc-acme", "/api/tickets/" + redirected)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("REDIRECTED");
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @Order(2)
    void timelineOfAMissedTicketShowsEveryStepInOrderWithItsActors() {
        var timeline = timeline(missedWithEngineering);
        assertThat(steps(timeline))
                .containsSubsequence(
                        "2027-02-09T10:00:00-05:00 SUBMITTED spoc-acme",
                        "2027-02-09T10:00:00-05:00 ROUTED desk",
                        "2027-02-09T10:00:00-05:00 SLA_TARGET_STARTED desk",
                        "2027-02-09T10:00:00-05:00 TASK_CREATED desk",
                        "2027-02-10T09:00:00-05:00 SLA_WARNING desk",
                        "2027-02-10T09:00:00-05:00 MESSAGE_QUEUED desk",
                        "2027-02-10T10:00:00-05:00 SLA_BREACHED desk",
                        "2027-02-10T10:00:00-05:00 TASK_CREATED desk",
                        "2027-02-10T11:00:00-05:00 TASK_ASSIGNED cs-agent",
                        "2027-02-10T11:00:00-05:00 TASK_COMPLETED cs-agent",
                        "2027-02-10T11:00:00-05:00 STATUS_CHANGED cs-agent",
                        "2027-02-10T11:00:00-05:00 SLA_TARGET_MET_LATE desk",
                        "2027-02-10T11:30:00-05:00 TASK_COMPLETED cs-agent",
                        "2027-02-10T11:30:00-05:00 STATUS_CHANGED cs-agent",
                        "2027-02-10T12:00:00-05:00 TASK_COMPLETED cs-manager",
                        "2027-02-11T15:00:00-05:00 ENGINEERING_FIX_RELEASED engineering-bot",
                        "2027-02-11T15:30:00-05:00 TASK_COMPLETED cs-agent",
                        "2027-02-11T15:30:00-05:00 STATUS_CHANGED cs-agent",
                        "2027-02-11T15:30:00-05:00 RESOLUTION cs-agent",
                        "2027-02-11T15:30:00-05:00 STATUS_CHANGED cs-agent");
        assertThat(descriptions(timeline, "STATUS_CHANGED"))
                .containsExactly(
                        "NEW → ACKNOWLEDGED",
                        "ACKNOWLEDGED → IN_PROGRESS",
                        "IN_PROGRESS → WAITING_ON_ENGINEERING",
                        "WAITING_ON_ENGINEERING → IN_PROGRESS",
                        "IN_PROGRESS → RESOLVED",
                        "RESOLVED → CLOSED");
        assertThat(descriptions(timeline, "SLA_BREACHED"))
                .containsExactly("ACKNOWLEDGEMENT was due by 2027-02-10T10:00-05:00");
        assertThat(descriptions(timeline, "MESSAGE_QUEUED"))
                .anyMatch(d -> d.startsWith("sla-breach to group:cs-managers"))
                .anyMatch(d -> d.startsWith("sla-warning to group:client-services"))
                .anyMatch(d -> d.startsWith("resolution to spoc-acme"));
        assertThat(descriptions(timeline, "TASK_COMPLETED")).anyMatch(d -> d.startsWith("Task_HandleSlaBreach"));
    }

    @Test
    @Order(2)
    void theAuditPageTellsTheMissedTicketsStoryInWords() {
        var lines = inWords(missedWithEngineering);
        assertThat(lines)
                .containsSubsequence(
                        "Tue 9 Feb 2027, 10:00:00 EST | Submitted | Pat Acme | Observed ad serving issues, standard, status New",
                        "Tue 9 Feb 2027, 10:00:00 EST | Routed | the desk | team Client Services",
                        "Tue 9 Feb 2027, 10:00:00 EST | Task opened | the desk | Acknowledge ticket, due Wed 10 Feb 2027, 10:00:00 EST",
                        "Wed 10 Feb 2027, 09:00:00 EST | Target nearly due (warning) | the desk | Acknowledgement due by Wed 10 Feb 2027, 10:00:00 EST",
                        "Wed 10 Feb 2027, 10:00:00 EST | Target breached | the desk | Acknowledgement was due by Wed 10 Feb 2027, 10:00:00 EST",
                        "Wed 10 Feb 2027, 11:00:00 EST | Task claimed | Casey Agent | Acknowledge ticket to Casey Agent",
                        "Wed 10 Feb 2027, 11:00:00 EST | Task done | Casey Agent | Acknowledge ticket, after 1 day 1 h",
                        "Wed 10 Feb 2027, 11:00:00 EST | Status changed | Casey Agent | New → Acknowledged",
                        "Wed 10 Feb 2027, 11:00:00 EST | Target met late | the desk | Acknowledgement due by Wed 10 Feb 2027, 10:00:00 EST",
                        "Wed 10 Feb 2027, 11:30:00 EST | Status changed | Casey Agent | In progress → Waiting on engineering",
                        "Wed 10 Feb 2027, 12:00:00 EST | Task done | Sam Manager | Handle SLA breach, after 2 h",
                        "Thu 11 Feb 2027, 15:00:00 EST | Fix released by engineering | Engineering Bot | bug ENG-2027: 5.4.0",
                        "Thu 11 Feb 2027, 15:30:00 EST | Status changed | Casey Agent | Resolved → Closed");
        assertThat(lines)
                .anyMatch(line -> line.startsWith("Wed 10 Feb 2027, 09:00:00 EST | Message queued | the desk | "
                        + "SLA warning to Client Services: [" + missedWithEngineering + "]"))
                .anyMatch(line -> line.startsWith("Wed 10 Feb 2027, 10:00:00 EST | Message queued | the desk | "
                        + "SLA breach to the managers: [" + missedWithEngineering + "]"))
                .anyMatch(line -> line.startsWith("Wed 10 Feb 2027, 11:30:00 EST | Message queued | the desk | "
                        + "Engineering handoff to Engineering: [" + missedWithEngineering + "]"))
                .anyMatch(line -> line.startsWith("Thu 11 Feb 2027, 15:30:00 EST | Message queued | the desk | "
                        + "Resolution to Pat Acme: [" + missedWithEngineering + "]"));
        // No code of the desk or the engine, and no machine time, is left for the auditor to decode.
        assertThat(lines)
                .noneMatch(line -> line.contains("_") || line.contains("group:") || line.contains("spoc-acme"))
                .noneMatch(line -> line.matches(".*\\d{4}-\\d{2}-\\d{2}T\\d{2}:.*"));
    }

    @Test
    @Order(2)
    void timelinesShowFollowUpsRerouteDowngradeAndRedirect() {
        assertThat(steps(timeline(metWithFollowUp)))
                .containsSubsequence(
                        "2027-02-01T11:30:00-05:00 QUESTIONS cs-agent",
                        "2027-02-01T11:30:00-05:00 STATUS_CHANGED cs-agent",
                        "2027-02-02T09:30:00-05:00 CUSTOMER_REPLIED spoc-acme",
                        "2027-02-02T09:30:00-05:00 ANSWER spoc-acme",
                        "2027-02-02T09:30:00-05:00 SLA_TARGET_STARTED desk",
                        "2027-02-02T10:00:00-05:00 TASK_COMPLETED cs-agent",
                        "2027-02-02T10:00:00-05:00 SLA_TARGET_MET desk",
                        "2027-02-02T10:00:00-05:00 STATUS_CHANGED cs-agent",
                        "2027-02-02T10:00:00-05:00 RESOLUTION cs-agent");
        assertThat(descriptions(timeline(rerouted), "REROUTED")).containsExactly("client-services → ad-quality");
        assertThat(steps(timeline(rerouted)))
                .containsSubsequence(
                        "2027-02-17T11:00:00-05:00 REROUTED cs-agent",
                        "2027-02-17T12:00:00-05:00 TASK_COMPLETED aq-agent");
        assertThat(descriptions(timeline(downgraded), "DOWNGRADED"))
                .containsExactly("emergency → standard: A workaround exists");
        assertThat(steps(timeline(downgraded))).contains("2027-02-15T12:50:00-05:00 DOWNGRADED cs-agent");
        assertThat(steps(timeline(redirected)))
                .containsSubsequence(
                        "2027-02-16T10:00:00-05:00 SUBMITTED spoc-acme",
                        "2027-02-16T10:00:00-05:00 STATUS_CHANGED desk");
        assertThat(descriptions(timeline(redirected), "MESSAGE_QUEUED"))
                .anyMatch(d -> d.startsWith("request-redirected to account-rep"))
                .anyMatch(d -> d.startsWith("redirect-confirmation to spoc-acme"));
        assertThat(descriptions(timeline(emergency), "SLA_TARGET_MET"))
                .containsExactly(
                        "ACKNOWLEDGEMENT due by 2027-02-13T03:00-05:00",
                        "STATUS_UPDATE due by 2027-02-13T03:20-05:00",
                        "STATUS_UPDATE due by 2027-02-13T04:00-05:00");
    }

    @Test
    @Order(2)
    void historyIsForAuditorsManagersAndTheTeamNotForCustomersOrOtherTeams() {
        assertThat(http.get("auditor", "/api/tickets/" + overWeekend + "/history")
                        .status())
                .isEqualTo(200);
        assertThat(http.get("cs-manager", "/api/tickets/" + overWeekend + "/history")
                        .status())
                .isEqualTo(200);
        assertThat(http.get("aq-agent", "/api/tickets/" + overWeekend + "/history")
                        .status())
                .isEqualTo(200);
        assertThat(http.get("cs-agent", "/api/tickets/" + overWeekend + "/history")
                        .status())
                .isEqualTo(403);
        assertThat(http.get("spoc-acme", "/api/tickets/" + overWeekend + "/history")
                        .status())
                .isEqualTo(403);
        assertThat(http.get("auditor", "/api/tickets/CS-99999999/history").status())
                .isEqualTo(404);
    }

    @Test
    @Order(2)
    void slaReportEqualsFiguresWorkedOutByHand() {
        var report = http.get("auditor", "/api/reports/sla?from=2027-02-01&to=2027-02-28");
        assertThat(report.status()).isEqualTo(200);
        var rows = report.json();
        assertThat(rows).hasSize(3);
        // ad-quality, standard: the Friday 17:00 ticket acknowledged Monday 10:00 = 60 + 60 working minutes.
        assertRow(rows.get(0), "ad-quality", "STANDARD", 1, 1, 0, 0, 1, 0, 120.0, 120.0);
        // client-services, emergency: acknowledged after 20 and 50 wall-clock minutes; two status updates on time.
        assertRow(rows.get(1), "client-services", "EMERGENCY", 2, 4, 0, 0, 2, 0, 20.0, 50.0);
        // client-services, standard: 60, 600 (Tue 10-18 and Wed 9-11) and 30 working minutes; one next response met,
        // and the confirmation after the engineering fix (a next response, docs/specification.md §5) met within the
        // day.
        assertRow(rows.get(2), "client-services", "STANDARD", 3, 4, 1, 0, 2, 1, 60.0, 600.0);
        assertThat(http.get("cs-manager", "/api/reports/sla?from=2027-02-01&to=2027-02-28")
                        .status())
                .isEqualTo(200);
        assertThat(http.get("cs-agent", "/api/reports/sla?from=2027-02-01&to=2027-02-28")
                        .status())
                .isEqualTo(403);
        assertThat(http.get("auditor", "/api/reports/sla?from=2027-02-30").status())
                .isEqualTo(400);
    }

    @Test
    @Order(2)
    void csvExportHasAHeaderRowAndOneRowPerTeamAndKind() {
        var csv = http.get("auditor", "/api/reports/sla?from=2027-02-01&to=2027-02-28", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        var lines = csv.body().split("\r\n");
        assertThat(lines[0])
                .isEqualTo(
                        "team,issueKind,tickets,targetsMet,targetsMissed,targetsOpen,acknowledgementsMet,"
                                + "acknowledgementsMissed,medianAcknowledgementMinutes,p90AcknowledgementMinutes,acknowledgementTime");
        assertThat(lines).hasSize(4);
        assertThat(lines[1]).isEqualTo("ad-quality,STANDARD,1,1,0,0,1,0,120.0,120.0,working time");
        assertThat(lines[2]).isEqualTo("client-services,EMERGENCY,2,4,0,0,2,0,20.0,50.0,wall-clock");
        assertThat(lines[3]).isEqualTo("client-services,STANDARD,3,4,1,0,2,1,60.0,600.0,working time");
    }

    private static void assertRow(
            JsonNode row,
            String team,
            String kind,
            long tickets,
            long met,
            long missed,
            long open,
            long acknowledgementsMet,
            long acknowledgementsMissed,
            double median,
            double p90) {
        assertThat(row.get("team").asText()).isEqualTo(team);
        assertThat(row.get("issueKind").asText()).isEqualTo(kind);
        assertThat(row.get("tickets").asLong()).isEqualTo(tickets);
        assertThat(row.get("targetsMet").asLong()).isEqualTo(met);
        assertThat(row.get("targetsMissed").asLong()).isEqualTo(missed);
        assertThat(row.get("targetsOpen").asLong()).isEqualTo(open);
        assertThat(row.get("acknowledgementsMet").asLong()).isEqualTo(acknowledgementsMet);
        assertThat(row.get("acknowledgementsMissed").asLong()).isEqualTo(acknowledgementsMissed);
        assertThat(row.get("medianAcknowledgementMinutes").asDouble()).isEqualTo(median);
        assertThat(row.get("p90AcknowledgementMinutes").asDouble()).isEqualTo(p90);
        // The specification's words for the same figures
        assertThat(row.get("count").asLong()).isEqualTo(tickets);
        assertThat(row.get("met").asLong()).isEqualTo(met);
        assertThat(row.get("missed").asLong()).isEqualTo(missed);
        assertThat(row.get("medianResponseMinutes").asDouble()).isEqualTo(median);
        assertThat(row.get("p90ResponseMinutes").asDouble()).isEqualTo(p90);
    }

    @Test
    @Order(2)
    void twoBreachTasksOpenAtOnceEachShowTheirOwnTime() {
        var breach = "Task_HandleSlaBreach: CS-1 · Handle SLA breach · Blank placements";
        var entries = List.of(
                new TimelineEntry(at("2027-02-10T10:00:00-05:00"), "TASK_CREATED", null, breach, "first"),
                new TimelineEntry(at("2027-02-10T11:00:00-05:00"), "TASK_CREATED", null, breach, "second"),
                new TimelineEntry(at("2027-02-10T11:30:00-05:00"), "TASK_COMPLETED", "cs-manager", breach, "second"),
                new TimelineEntry(at("2027-02-10T12:00:00-05:00"), "TASK_COMPLETED", "cs-manager", breach, "first"));

        var done = inWords.of(entries).stream()
                .filter(line -> line.what().equals("Task done"))
                .map(line -> line.when() + " | " + line.details())
                .toList();

        assertThat(done)
                .containsExactly(
                        "Wed 10 Feb 2027, 11:30:00 EST | Handle SLA breach, after 30 min",
                        "Wed 10 Feb 2027, 12:00:00 EST | Handle SLA breach, after 2 h");
    }

    @Test
    @Order(2)
    void aMessageTheMailServerTookForAllButOneNamesWhoDidNotGetIt() {
        var sent = new TimelineEntry(
                at("2027-02-10T10:00:00-05:00"),
                "MESSAGE_SENT",
                null,
                "emergency-alert to group:client-services <cs-agent@desk.example, departed@desk.example> by SMTP;"
                        + " refused by the mail server: departed@desk.example");

        var putOff = new TimelineEntry(
                at("2027-02-10T10:00:00-05:00"),
                "MESSAGE_SENT",
                null,
                "emergency-alert to group:client-services <cs-agent@desk.example, full@desk.example> by SMTP;"
                        + " put off by the mail server: full@desk.example");

        assertThat(inWords.of(List.of(sent, putOff)))
                .extracting(TimelineInWords.Line::details)
                .containsExactly(
                        "Emergency alert to Client Services <cs-agent@desk.example, departed@desk.example>"
                                + " by e-mail; the mail server refused departed@desk.example, who did not get it",
                        "Emergency alert to Client Services <cs-agent@desk.example, full@desk.example>"
                                + " by e-mail; the mail server put off full@desk.example: sent to them again in a"
                                + " message of their own");
    }

    private static OffsetDateTime at(String time) {
        return OffsetDateTime.parse(time);
    }

    private List<String> inWords(String key) {
        return inWords.of(timelines.of(tickets.findByKey(key).orElseThrow())).stream()
                .map(line -> line.when() + " | " + line.what() + " | " + line.who() + " | " + line.details())
                .toList();
    }

    private JsonNode timeline(String key) {
        var response = http.get("auditor", "/api/tickets/" + key + "/history");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private static List<String> steps(JsonNode timeline) {
        var steps = new ArrayList<String>();
        for (var entry : timeline) {
            var actor = entry.hasNonNull("actor") ? entry.get("actor").asText() : "desk";
            steps.add(entry.get("at").asText() + " " + entry.get("type").asText() + " " + actor);
        }
        return steps;
    }

    private static List<String> descriptions(JsonNode timeline, String type) {
        var found = new ArrayList<String>();
        for (var entry : timeline) {
            if (type.equals(entry.get("type").asText())) {
                found.add(entry.get("description").asText());
            }
        }
        return found;
    }

    private String submit(String type, boolean emergency, String subject) {
        var response = http.post("spoc-acme", "/api/tickets", body(type, emergency, subject));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("key").asText();
    }

    private static String body(String type, boolean emergency, String subject) {
        return emergency ? Tickets.emergency(type, subject) : Tickets.valid(Tickets.MEMBER, type, subject);
    }
}
