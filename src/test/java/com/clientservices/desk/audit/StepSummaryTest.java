package com.clientservices.desk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import com.clientservices.desk.DeskTest;
import com.clientservices.desk.lifecycle.Scenario;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where time goes (docs/specification.md §14) reads finished tickets from the sums {@link StepSummary} keeps and the
 * others from the engine's history: a ticket gives the same figures either way, rerouted and reopened ones included.
 */
@DeskTest
class StepSummaryTest {

    // Monday 6 March 2028, a day no other test submits on.
    private static final LocalDate DAY = LocalDate.of(2028, 3, 6);

    @Autowired
    Scenario scenario;

    @Autowired
    HeatMap heatMap;

    @Autowired
    StepSummary summary;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void finishedTicketsGiveTheSameFiguresFromTheSumsAsFromTheHistory() {
        scenario.at("2028-03-06T10:00:00-05:00");
        var resolved = scenario.submit("AD_SERVING", false);
        var questioned = scenario.submit("AD_SERVING", false);
        var rerouted = scenario.submit("AD_SERVING", false);
        var reopened = scenario.submit("AD_SERVING", false);
        var breached = scenario.submit("AD_SERVING", false);
        var open = scenario.submit("AD_SERVING", false);
        var downgraded = scenario.submit("AD_SERVING", true);
        // Answered by the account representative: the request ends at once, without a lifecycle.
        var redirected = scenario.submit("BUSINESS_QUESTION", false);
        scenario.at("2028-03-06T11:00:00-05:00");
        scenario.asAgent(
                "cs-agent",
                "client-services",
                () -> scenario.complete(
                        downgraded,
                        "Task_AcknowledgeTicket",
                        Map.of("downgradeToStandard", true, "downgradeReason", "Only a test page is affected")));
        for (var key : List.of(resolved, rerouted, reopened, open)) {
            scenario.acknowledge(key);
        }
        scenario.askCustomer(questioned, "Which placement?");
        scenario.at("2028-03-06T12:00:00-05:00");
        resolve(resolved);
        resolve(reopened);
        resolve(downgraded);
        scenario.complete(
                rerouted, "Task_DiagnoseIssue", Map.of("diagnosisOutcome", "REROUTE", "rerouteTeam", "ad-quality"));
        scenario.at("2028-03-06T13:00:00-05:00");
        scenario.customerWrites(questioned, "Placement 5512");
        scenario.at("2028-03-06T15:00:00-05:00");
        resolve(questioned);
        resolve(rerouted);
        // Acknowledged the next day, two hours after its one-business-day target.
        scenario.at("2028-03-07T12:00:00-05:00");
        scenario.fireDueTimers(breached);
        scenario.acknowledge(breached);
        scenario.at("2028-03-07T13:00:00-05:00");
        resolve(breached);
        // The customer writes again within the window: the ticket is diagnosed a second time.
        scenario.at("2028-03-08T10:00:00-05:00");
        scenario.customerWrites(reopened, "Still blank on 5512");
        scenario.at("2028-03-08T12:00:00-05:00");
        resolve(reopened);

        var filters = List.of(
                filter(null, null),
                filter("client-services", null),
                filter("ad-quality", null),
                filter(null, "AD_SERVING"),
                new HeatMap.Filter("emergency-issue", DAY, DAY.plusDays(1), null, null));
        var fromHistory = filters.stream().map(this::figures).toList();
        var all = heatMap.of(filters.get(0));
        assertThat(all.tickets()).isEqualTo(7);
        assertThat(step(all, "Task_DiagnoseIssue"))
                .as("tickets, then runs: the questioned, rerouted and reopened tickets were diagnosed twice")
                .containsExactly(7L, 10L);
        assertThat(step(all, "Task_AcknowledgeTicket"))
                .as("the downgraded emergency was acknowledged in its emergency lifecycle")
                .containsExactly(6L, 6L);
        var emergencies = heatMap.of(filters.get(4));
        assertThat(emergencies.tickets()).isEqualTo(1);
        assertThat(step(emergencies, "Task_AcknowledgeTicket")).containsExactly(1L, 1L);
        assertThat(all.steps().stream()
                        .filter(step -> step.activityId().equals("Task_AcknowledgeTicket"))
                        .findFirst()
                        .orElseThrow())
                .as("five acknowledged within the hour, one after 26 hours: the 90th percentile lies between")
                .extracting(HeatMap.Step::median, HeatMap.Step::p90)
                .containsExactly("1 h", "13 h 30 min");
        assertThat(all.paths())
                .extracting(HeatMap.Path::label, HeatMap.Path::tickets)
                .contains(
                        tuple("Questions to the customer", 1L),
                        tuple("Rerouted to another team", 1L),
                        tuple("A response-time target breached", 1L));
        assertThat(heatMap.of(filters.get(2)).tickets())
                .as("the rerouted ticket counts for the team that has it")
                .isEqualTo(1);

        summary.catchUp(Integer.MAX_VALUE);
        assertThat(summarized(resolved))
                .as("a closed ticket in its reopen window may still change")
                .isFalse();
        assertThat(filters.stream().map(this::figures).toList()).isEqualTo(fromHistory);

        scenario.at("2028-03-31T10:00:00-04:00");
        scenario.reopenWindowOver(resolved);
        scenario.reopenWindowOver(questioned);
        // The window's end is a step of its own, and the wait for it now has a time.
        var partly = filters.stream().map(this::figures).toList();
        assertThat(partly).isNotEqualTo(fromHistory);
        summary.catchUp(Integer.MAX_VALUE);
        assertThat(summarized(questioned)).isTrue();
        assertThat(summarized(rerouted)).isFalse();
        assertThat(filters.stream().map(this::figures).toList()).isEqualTo(partly);

        // Added to the same day's sums as the first two.
        for (var key : List.of(rerouted, reopened, breached, downgraded)) {
            scenario.reopenWindowOver(key);
        }
        var finished = filters.stream().map(this::figures).toList();
        summary.catchUp(Integer.MAX_VALUE);
        var finishedKeys = List.of(resolved, questioned, rerouted, reopened, breached, downgraded, redirected);
        for (var key : finishedKeys) {
            assertThat(summarized(key)).as(key + " has finished").isTrue();
        }
        assertThat(summarized(open)).isFalse();
        assertThat(count("select count(*) from heat_ticket where submitted_on = ?", DAY))
                .as("once per lifecycle: the downgraded emergency ran two, the redirected ticket none")
                .isEqualTo(7);
        var runs = "select count(*) from act_hi_actinst a join act_hi_procinst p on p.id_ = a.proc_inst_id_"
                + " where p.proc_def_key_ in ('standard-issue', 'emergency-issue') and p.business_key_ in (?, ?, ?, ?, ?, ?)";
        var keys = finishedKeys.subList(0, 6).toArray();
        assertThat(count("select sum(runs) from heat_step where submitted_on = ?", DAY))
                .as("every step the finished tickets took, once")
                .isEqualTo(count(runs, keys));
        assertThat(count("select sum(runs) from heat_step_time where submitted_on = ?", DAY))
                .isEqualTo(count(runs + " and a.duration_ is not null", keys));
        assertThat(filters.stream().map(this::figures).toList())
                .as("the same figures from the sums for the finished and from the history for the open ticket")
                .isEqualTo(finished);

        summary.catchUp(Integer.MAX_VALUE);
        assertThat(filters.stream().map(this::figures).toList())
                .as("a ticket is added once")
                .isEqualTo(finished);
    }

    @Test
    void aPercentileLiesBetweenTheTwoNearestTimesAsTheDatabaseWorksItOut() {
        var seconds = new TreeMap<Long, Long>();
        seconds.put(60_000L, 1L);
        seconds.put(120_000L, 2L);
        seconds.put(600_000L, 1L);
        // Times 60.5, 120.5, 120.5 and 600.5 seconds: the median is the middle two's mean, the 90th percentile
        // lies seven tenths of the way from the third to the fourth.
        assertThat(HeatMap.percentile(seconds, 0.5)).isEqualTo(120_500.0);
        assertThat(HeatMap.percentile(seconds, 0.9)).isCloseTo(120_500.0 + 0.7 * 480_000, offset(1e-6));
        assertThat(HeatMap.percentile(new TreeMap<>(), 0.5)).isNull();
    }

    private void resolve(String key) {
        scenario.complete(
                key,
                "Task_DiagnoseIssue",
                Map.of("diagnosisOutcome", "RESOLVED", "resolutionSummary", "Cache flushed"));
    }

    private static HeatMap.Filter filter(String team, String requestType) {
        return new HeatMap.Filter("standard-issue", DAY, DAY.plusDays(1), team, requestType);
    }

    /** What the page shows for a filter: the ticket count, every step's figures and every path's. */
    private List<Object> figures(HeatMap.Filter filter) {
        var heat = heatMap.of(filter);
        return List.of(heat.tickets(), heat.steps(), heat.paths());
    }

    private static List<Long> step(HeatMap.Heat heat, String activity) {
        return heat.steps().stream()
                .filter(step -> step.activityId().equals(activity))
                .map(step -> List.of(step.tickets(), step.runs()))
                .findFirst()
                .orElseThrow();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private boolean summarized(String key) {
        return jdbc.sql("select steps_summarized_at from ticket where id = ?")
                .param(Long.parseLong(key.substring("CS-".length())))
                .query((rs, n) -> rs.getObject(1) != null)
                .single();
    }
}
