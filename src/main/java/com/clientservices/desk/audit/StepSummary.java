package com.clientservices.desk.audit;

import com.clientservices.desk.engine.DeskClock;
import com.clientservices.desk.sla.BusinessCalendar;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds up the steps of finished tickets for where time goes (docs/specification.md §14; the tables are described in
 * migration V18). A ticket is finished when its request has ended: closed and past its reopen window, or redirected.
 * Its steps come from the engine's history, as the heat map reads them for the tickets still running, so a ticket
 * gives the same figures before and after it is added. One node at a time adds a batch of tickets in one transaction
 * and marks them added, so a ticket is added once, and a node that stops half-way leaves nothing half-added.
 */
@Component
class StepSummary {

    /** The lifecycles the heat map draws ({@link HeatMapPage} asks for the kind's {@code -issue} process). */
    static final List<String> LIFECYCLES = List.of("standard-issue", "emergency-issue");

    private static final int BATCH = 500;

    /**
     * At most this many batches a run, so the first runs after an upgrade, with years of tickets to add, leave the
     * desk's other scheduled work its turn; the tickets not added yet are read from the history meanwhile.
     */
    private static final int BATCHES_PER_RUN = 20;

    private final JdbcClient jdbc;
    private final JdbcTemplate rows;
    private final TransactionTemplate transaction;
    private final BusinessCalendar calendar;
    private final DeskClock clock;

    StepSummary(
            JdbcClient jdbc,
            JdbcTemplate rows,
            TransactionTemplate transaction,
            BusinessCalendar calendar,
            DeskClock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.transaction = transaction;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * SQL for a step's time, in milliseconds, to the whole second it is counted in. The heat map shows times in
     * seconds, minutes or hours; a median or percentile worked out from whole seconds (each taken as its middle)
     * is within half a second of one worked out from milliseconds, so it shows the same but at a unit's edge.
     */
    static String tookFrom(String millis) {
        return "(" + millis + " - mod(" + millis + ", 1000))";
    }

    /** Adds finished tickets not added yet, a batch at a time (every minute by default, see the README). */
    @Scheduled(
            fixedDelayString = "${desk.history.step-summary-interval:PT1M}",
            initialDelayString = "${desk.history.step-summary-interval:PT1M}")
    public void run() {
        catchUp(BATCHES_PER_RUN);
    }

    /** Adds up to that many batches of finished tickets; returns how many tickets it added. */
    int catchUp(int batches) {
        var added = 0;
        for (var batch = 0; batch < batches; batch++) {
            var tickets = addBatch();
            added += tickets;
            if (tickets < BATCH) {
                break;
            }
        }
        return added;
    }

    /** Adds up to a batch of finished tickets in one transaction; returns how many it added. */
    int addBatch() {
        var added = transaction.execute(status -> {
            jdbc.sql("select name from desk_lock where name = 'heat-map-summary' for update")
                    .query(String.class)
                    .single();
            var ids =
                    jdbc.sql("""
                            select t.id from ticket t
                            join act_hi_procinst r on r.id_ = t.process_instance_id
                            where t.steps_summarized_at is null and r.end_time_ is not null
                            order by t.id
                            fetch first""" + " " + BATCH + " rows only").query(Long.class).list();
            if (!ids.isEmpty()) {
                add(ids);
            }
            return ids.size();
        });
        return added == null ? 0 : added;
    }

    private void add(List<Long> ids) {
        var zone = calendar.zone();
        var lifecycles = jdbc.sql("""
                        select distinct t.id, t.submitted_at, coalesce(t.team, '') as team, t.request_type,
                          p.proc_def_key_ as process_key,
                          case when exists (select 1 from sla_target s where s.ticket_id = t.id
                            and s.breached_at is not null) then 1 else 0 end as breached
                        from ticket t
                        join act_hi_procinst p on p.business_key_ = concat('CS-', t.id)
                          and p.proc_def_key_ in (:lifecycles)
                        where t.id in (:ids)
                        """)
                .param("lifecycles", LIFECYCLES)
                .param("ids", ids)
                .query((rs, n) -> new Object[] {
                    rs.getLong("id"),
                    rs.getString("process_key"),
                    rs.getObject("submitted_at", OffsetDateTime.class)
                            .atZoneSameInstant(zone)
                            .toLocalDate(),
                    rs.getString("team"),
                    rs.getString("request_type"),
                    rs.getInt("breached") == 1
                })
                .list();
        rows.batchUpdate(
                "insert into heat_ticket (ticket_id, process_key, submitted_on, team, request_type, breached)"
                        + " values (?, ?, ?, ?, ?, ?)",
                lifecycles);
        var runs = """
                from heat_ticket h
                join act_hi_procinst p on p.business_key_ = concat('CS-', h.ticket_id) and p.proc_def_key_ = h.process_key
                join act_hi_actinst a on a.proc_inst_id_ = p.id_
                where h.ticket_id in (:ids)
                """;
        jdbc.sql("merge into heat_step s using ("
                        + "select h.submitted_on, h.process_key, h.team, h.request_type, a.act_id_ as activity_id,"
                        + " count(distinct h.ticket_id) as tickets, count(*) as runs "
                        + runs
                        + " group by h.submitted_on, h.process_key, h.team, h.request_type, a.act_id_) n"
                        + " on (" + sameCell("s", "n") + ")"
                        + " when matched then update set tickets = s.tickets + n.tickets, runs = s.runs + n.runs"
                        + " when not matched then insert (submitted_on, process_key, team, request_type, activity_id,"
                        + " tickets, runs) values (n.submitted_on, n.process_key, n.team, n.request_type, n.activity_id,"
                        + " n.tickets, n.runs)")
                .param("ids", ids)
                .update();
        jdbc.sql("merge into heat_step_time s using ("
                        + "select h.submitted_on, h.process_key, h.team, h.request_type, a.act_id_ as activity_id, "
                        + tookFrom("a.duration_") + " as took_from_ms, count(*) as runs "
                        + runs
                        + " and a.duration_ is not null group by h.submitted_on, h.process_key, h.team, h.request_type, a.act_id_, "
                        + tookFrom("a.duration_") + ") n"
                        + " on (" + sameCell("s", "n") + " and s.took_from_ms = n.took_from_ms)"
                        + " when matched then update set runs = s.runs + n.runs"
                        + " when not matched then insert (submitted_on, process_key, team, request_type, activity_id,"
                        + " took_from_ms, runs) values (n.submitted_on, n.process_key, n.team, n.request_type, n.activity_id,"
                        + " n.took_from_ms, n.runs)")
                .param("ids", ids)
                .update();
        jdbc.sql("update ticket set steps_summarized_at = :now where id in (:ids)")
                .param("now", clock.nowUtc())
                .param("ids", ids)
                .update();
    }

    private static String sameCell(String a, String b) {
        return a + ".process_key = " + b + ".process_key and " + a + ".submitted_on = " + b + ".submitted_on and " + a
                + ".team = " + b
                + ".team and " + a + ".request_type = " + b + ".request_type and " + a + ".activity_id = " + b
                + ".activity_id";
    }
}
