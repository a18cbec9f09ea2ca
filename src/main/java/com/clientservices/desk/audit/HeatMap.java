package com.clientservices.desk.audit;

import com.clientservices.desk.engine.EngineDatabase;
import com.clientservices.desk.sla.BusinessCalendar;
import com.clientservices.desk.words.DeskTime;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where time goes (docs/specification.md §14): for the tickets of a kind submitted in a period, of one team or
 * request type or all, how many went through each step of their lifecycle, the median and 90th-percentile time
 * spent in it, and how often each path was taken. The figures come from the engine's history, reached from the
 * desk's ticket records by the indexed business key: directly for tickets still running, through the sums
 * {@link StepSummary} keeps for finished ones. They are drawn on the latest version of the lifecycle model (steps
 * keep their ids across versions). Times are counted to the second.
 */
@Component
class HeatMap {

    private final JdbcClient jdbc;
    private final RepositoryService repository;
    private final BusinessCalendar calendar;
    private final EngineDatabase database;
    private final TransactionTemplate reading;

    HeatMap(
            JdbcClient jdbc,
            RepositoryService repository,
            BusinessCalendar calendar,
            EngineDatabase database,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.calendar = calendar;
        this.database = database;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    /**
     * Which tickets: the lifecycle's process key, submitted from the day {@code from} (inclusive) to the day
     * {@code to} (exclusive) in the desk's zone, of a team and a request type when given.
     */
    record Filter(String process, LocalDate from, LocalDate to, String team, String requestType) {}

    /** A step, the slowest first (by its 90th percentile): where time goes is read from the top. */
    record Step(String activityId, String name, long tickets, long runs, String median, String p90) {}

    record Path(String label, long tickets, int percent) {}

    record Heat(String name, int version, String xml, long tickets, List<Step> steps, List<Path> paths) {}

    /** The paths people ask about, each known by the step that only that path passes. */
    private static final List<String[]> PATHS = List.of(
            new String[] {"Questions to the customer", "Task_AskCustomer"},
            new String[] {"Engineering fix", "Task_HandOffToEngineering"},
            new String[] {"Rerouted to another team", "Task_RerouteTicket"});

    Heat of(Filter filter) {
        var definition = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(filter.process())
                .latestVersion()
                .singleResult();
        var names = new HashMap<String, String>();
        for (var element : repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(FlowNode.class)) {
            names.put(element.getId(), element.getName() == null ? element.getId() : element.getName());
        }
        var tickets = 0L;
        var breached = 0L;
        var counts = new HashMap<String, long[]>();
        var times = new HashMap<String, TreeMap<Long, Long>>();
        for (var figure : figures(filter)) {
            switch (figure.kind()) {
                case "tickets" -> tickets += figure.tickets();
                case "breached" -> breached += figure.tickets();
                case "step" -> {
                    var count = counts.computeIfAbsent(figure.activity(), a -> new long[2]);
                    count[0] += figure.tickets();
                    count[1] += figure.runs();
                }
                default ->
                    times.computeIfAbsent(figure.activity(), a -> new TreeMap<>())
                            .merge(figure.tookFrom(), figure.runs(), Long::sum);
            }
        }
        var timed = new ArrayList<Timed>();
        counts.forEach((activity, count) -> {
            var histogram = times.getOrDefault(activity, new TreeMap<>());
            timed.add(new Timed(activity, count[0], count[1], percentile(histogram, 0.5), percentile(histogram, 0.9)));
        });
        timed.sort(SLOWEST_FIRST);
        var steps = timed.stream()
                .map(step -> new Step(
                        step.activity(),
                        names.getOrDefault(step.activity(), step.activity()),
                        step.tickets(),
                        step.runs(),
                        took(step.median()),
                        took(step.p90())))
                .toList();
        var paths = new ArrayList<Path>();
        for (var path : PATHS) {
            var through = steps.stream()
                    .filter(step -> step.activityId().equals(path[1]))
                    .mapToLong(Step::tickets)
                    .sum();
            paths.add(new Path(path[0], through, percent(through, tickets)));
        }
        paths.add(new Path("A response-time target breached", breached, percent(breached, tickets)));
        return new Heat(
                definition.getName() == null ? definition.getKey() : definition.getName(),
                definition.getVersion(),
                ModelXml.of(repository, definition.getId()),
                tickets,
                steps,
                paths);
    }

    /** One row of the figures: a count of tickets, or a step's tickets and runs, or runs in one unit of time. */
    private record Figure(String kind, String activity, long tookFrom, long tickets, long runs) {}

    private record Timed(String activity, long tickets, long runs, Double median, Double p90) {}

    private static final Comparator<Timed> SLOWEST_FIRST = Comparator.comparing(
                    Timed::p90, Comparator.nullsLast(Comparator.<Double>reverseOrder()))
            .thenComparing(Timed::median, Comparator.nullsLast(Comparator.<Double>reverseOrder()))
            .thenComparing(Timed::activity);

    /**
     * Every figure in one statement, so it reads one state of the tables: the finished tickets' sums
     * ({@link StepSummary}) and, for the tickets not added to them yet, the same figures from the engine's history.
     * Times are counted to the second, from both sources alike.
     */
    private List<Figure> figures(Filter filter) {
        var summed = "h.process_key = :process and h.submitted_on >= :fromDay and h.submitted_on < :toDay"
                + ofTeamAndType("h", filter);
        var lifecycle = "select 1 from act_hi_procinst p where p.business_key_ = concat('CS-', o.id)"
                + " and p.proc_def_key_ = :process";
        return reading.execute(status -> {
            if (database.postgres()) {
                // A year adds up some 350,000 rows of times: planned for the period asked (a kept plan guesses a
                // thousand) and with room to add them up in memory (about 6 MB), 200 ms becomes 160 (README
                // "Benchmarks").
                jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
                jdbc.sql("set local work_mem = '16MB'").update();
            }
            return jdbc.sql("with open_tickets as (select t.id from ticket t where t.steps_summarized_at is null and "
                            + where(filter) + "), open_runs as ("
                            + "select o.id as ticket_id, a.act_id_ as activity_id, a.duration_ as took, "
                            + StepSummary.tookFrom("a.duration_") + " as took_from"
                            + " from open_tickets o"
                            + " join act_hi_procinst p on p.business_key_ = concat('CS-', o.id)"
                            + " and p.proc_def_key_ = :process"
                            + " join act_hi_actinst a on a.proc_inst_id_ = p.id_)"
                            + " select 'tickets' as kind, cast(null as varchar(255)) as activity,"
                            + " cast(0 as bigint) as took_from, count(*) as tickets, cast(0 as bigint) as runs"
                            + " from heat_ticket h where " + summed
                            + " union all select 'tickets', null, 0, count(*), 0 from open_tickets o"
                            + " where exists (" + lifecycle + ")"
                            + " union all select 'breached', null, 0, count(*), 0 from heat_ticket h where " + summed
                            + " and h.breached"
                            + " union all select 'breached', null, 0, count(*), 0 from open_tickets o"
                            + " where exists (" + lifecycle + ") and exists (select 1 from sla_target s"
                            + " where s.ticket_id = o.id and s.breached_at is not null)"
                            + " union all select 'step', h.activity_id, 0, sum(h.tickets), sum(h.runs)"
                            + " from heat_step h where " + summed + " group by h.activity_id"
                            + " union all select 'step', activity_id, 0, count(distinct ticket_id), count(*)"
                            + " from open_runs group by activity_id"
                            + " union all select 'time', h.activity_id, h.took_from_ms, 0, sum(h.runs)"
                            + " from heat_step_time h where " + summed + " group by h.activity_id, h.took_from_ms"
                            + " union all select 'time', activity_id, took_from, 0, count(*)"
                            + " from open_runs where took is not null group by activity_id, took_from")
                    .params(params(filter))
                    .query((rs, n) -> new Figure(
                            rs.getString("kind"),
                            rs.getString("activity"),
                            rs.getLong("took_from"),
                            rs.getLong("tickets"),
                            rs.getLong("runs")))
                    .list();
        });
    }

    /**
     * The share's percentile as the database's {@code percentile_cont} gives it (between the two nearest times, in
     * proportion), each time taken as the middle of the second it was counted in; null when nothing was timed.
     */
    static Double percentile(NavigableMap<Long, Long> histogram, double share) {
        var count = histogram.values().stream().mapToLong(Long::longValue).sum();
        if (count == 0) {
            return null;
        }
        var rank = share * (count - 1);
        var below = (long) Math.floor(rank);
        var low = nth(histogram, below);
        var high = nth(histogram, (long) Math.ceil(rank));
        return low + (rank - below) * (high - low);
    }

    private static double nth(NavigableMap<Long, Long> histogram, long index) {
        var seen = 0L;
        for (var unit : histogram.entrySet()) {
            seen += unit.getValue();
            if (index < seen) {
                return unit.getKey() + 500.0;
            }
        }
        throw new IllegalArgumentException("no time number " + index);
    }

    private static String where(Filter filter) {
        return "t.submitted_at >= :from and t.submitted_at < :to" + ofTeamAndType("t", filter);
    }

    /** The filter's team and request type, when given, on the ticket's columns or the sums' ({@code alias}). */
    private static String ofTeamAndType(String alias, Filter filter) {
        return (filter.team() == null ? "" : " and " + alias + ".team = :team")
                + (filter.requestType() == null ? "" : " and " + alias + ".request_type = :requestType");
    }

    private Map<String, Object> params(Filter filter) {
        var zone = calendar.zone();
        var params = new HashMap<String, Object>();
        params.put("process", filter.process());
        params.put("from", filter.from().atStartOfDay(zone).toOffsetDateTime());
        params.put("to", filter.to().atStartOfDay(zone).toOffsetDateTime());
        params.put("fromDay", filter.from());
        params.put("toDay", filter.to());
        if (filter.team() != null) {
            params.put("team", filter.team());
        }
        if (filter.requestType() != null) {
            params.put("requestType", filter.requestType());
        }
        return params;
    }

    private static int percent(long part, long whole) {
        return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
    }

    // Below a minute in seconds: most of the desk's own steps take milliseconds, a person's take hours.
    private static String took(Double millis) {
        if (millis == null) {
            return "";
        }
        var duration = Duration.ofMillis(Math.round(millis));
        return duration.toMinutes() < 1 ? duration.toSeconds() + " s" : DeskTime.span(duration);
    }
}
