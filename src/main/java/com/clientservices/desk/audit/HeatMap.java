package com.clientservices.desk.audit;

import com.clientservices.desk.words.DeskTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where time goes (docs/specification.md §14): for the tickets of a kind submitted in a period, of one team or
 * request type or all, how many went through each step of their lifecycle, the median and 90th-percentile time
 * spent in it, and how often each path was taken. The figures come from the engine's history, reached from the
 * desk's ticket records by the indexed business key, and are drawn on the latest version of the lifecycle model
 * (steps keep their ids across versions).
 */
@Component
class HeatMap {

    private final JdbcClient jdbc;
    private final RepositoryService repository;

    HeatMap(JdbcClient jdbc, RepositoryService repository) {
        this.jdbc = jdbc;
        this.repository = repository;
    }

    /** Which tickets: the lifecycle's process key, submitted from (inclusive) to (exclusive), a team, a type. */
    record Filter(String process, Instant from, Instant to, String team, String requestType) {}

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
        var tickets = jdbc.sql("select count(*) from ticket t where " + where(filter) + " and exists ("
                        + "select 1 from act_hi_procinst p where p.business_key_ = concat('CS-', t.id)"
                        + " and p.proc_def_key_ = :process)")
                .params(params(filter))
                .query(Long.class)
                .single();
        // Tickets counted by their number, which sorts far faster than the lifecycle's text id (one per ticket).
        var steps = jdbc.sql("""
                        select a.act_id_ as activity, count(distinct t.id) as tickets, count(*) as runs,
                          percentile_cont(0.5) within group (order by a.duration_) as median,
                          percentile_cont(0.9) within group (order by a.duration_) as p90
                        from ticket t
                        join act_hi_procinst p on p.business_key_ = concat('CS-', t.id) and p.proc_def_key_ = :process
                        join act_hi_actinst a on a.proc_inst_id_ = p.id_
                        where""" + " " + where(filter) + """
                         group by a.act_id_
                        order by 5 desc nulls last, 4 desc nulls last, 1
                        """)
                .params(params(filter))
                .query((rs, n) -> new Step(
                        rs.getString("activity"),
                        names.getOrDefault(rs.getString("activity"), rs.getString("activity")),
                        rs.getLong("tickets"),
                        rs.getLong("runs"),
                        took(rs.getObject("median") == null ? null : rs.getDouble("median")),
                        took(rs.getObject("p90") == null ? null : rs.getDouble("p90"))))
                .list();
        var paths = new ArrayList<Path>();
        for (var path : PATHS) {
            var through = steps.stream()
                    .filter(step -> step.activityId().equals(path[1]))
                    .mapToLong(Step::tickets)
                    .sum();
            paths.add(new Path(path[0], through, percent(through, tickets)));
        }
        var breached = jdbc.sql("select count(distinct t.id) from ticket t join sla_target s on s.ticket_id = t.id "
                        + "where s.breached_at is not null and " + where(filter) + " and exists ("
                        + "select 1 from act_hi_procinst p where p.business_key_ = concat('CS-', t.id)"
                        + " and p.proc_def_key_ = :process)")
                .params(params(filter))
                .query(Long.class)
                .single();
        paths.add(new Path("A response-time target breached", breached, percent(breached, tickets)));
        return new Heat(
                definition.getName() == null ? definition.getKey() : definition.getName(),
                definition.getVersion(),
                ModelXml.of(repository, definition.getId()),
                tickets,
                steps,
                paths);
    }

    private static String where(Filter filter) {
        return "t.submitted_at >= :from and t.submitted_at < :to"
                + (filter.team() == null ? "" : " and t.team = :team")
                + (filter.requestType() == null ? "" : " and t.request_type = :requestType");
    }

    private static Map<String, Object> params(Filter filter) {
        var params = new HashMap<String, Object>();
        params.put("process", filter.process());
        params.put("from", filter.from().atOffset(ZoneOffset.UTC));
        params.put("to", filter.to().atOffset(ZoneOffset.UTC));
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
