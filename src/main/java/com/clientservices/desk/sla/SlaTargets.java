package com.clientservices.desk.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sla_target table. */
@Repository
public class SlaTargets {

    private final JdbcClient jdbc;

    SlaTargets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void open(
            long ticketId,
            SlaTargetKind kind,
            boolean emergency,
            String team,
            OffsetDateTime startedAt,
            OffsetDateTime dueAt,
            OffsetDateTime warningAt) {
        jdbc.sql("""
                insert into sla_target (ticket_id, kind, emergency, team, started_at, due_at, warning_at, outcome)
                values (:ticket, :kind, :emergency, :team, :started, :due, :warning, 'OPEN')
                """)
                .param("ticket", ticketId)
                .param("kind", kind.name())
                .param("emergency", emergency)
                .param("team", team)
                .param("started", startedAt)
                .param("due", dueAt)
                .param("warning", warningAt)
                .update();
    }

    /** The target of that kind whose clock still runs (breached or not), if any. */
    Optional<SlaTarget> running(long ticketId, SlaTargetKind kind) {
        return jdbc.sql("""
                select * from sla_target where ticket_id = :ticket and kind = :kind and met_at is null
                order by id desc fetch first 1 rows only
                """)
                .param("ticket", ticketId)
                .param("kind", kind.name())
                .query(this::map)
                .optional();
    }

    /** The target of that id. */
    Optional<SlaTarget> find(long id) {
        return jdbc.sql("select * from sla_target where id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    void warned(long id, OffsetDateTime at) {
        jdbc.sql("update sla_target set warned_at = :at where id = :id")
                .param("at", at)
                .param("id", id)
                .update();
    }

    void breached(long id, OffsetDateTime at) {
        jdbc.sql("update sla_target set breached_at = :at, outcome = 'MISSED' where id = :id")
                .param("at", at)
                .param("id", id)
                .update();
    }

    void stopped(long id, OffsetDateTime at, SlaTarget.Outcome outcome) {
        jdbc.sql("update sla_target set met_at = :at, outcome = :outcome where id = :id")
                .param("at", at)
                .param("outcome", outcome.name())
                .param("id", id)
                .update();
    }

    /**
     * A rerouted ticket's targets that are still running and not yet breached go with it: the team that holds the
     * ticket when a target is met or missed answers for it, on the board and in the reports. Met and breached ones
     * stay with the team they were met or missed by.
     */
    public void followReroute(long ticketId, String team) {
        jdbc.sql(
                        "update sla_target set team = :team where ticket_id = :ticket and met_at is null and breached_at is null")
                .param("team", team)
                .param("ticket", ticketId)
                .update();
    }

    public List<SlaTarget> ofTicket(long ticketId) {
        return jdbc.sql("select * from sla_target where ticket_id = :ticket order by id")
                .param("ticket", ticketId)
                .query(this::map)
                .list();
    }

    /** The targets whose clocks still run (breached or not) among these tickets', soonest due first. */
    public List<SlaTarget> runningOf(Collection<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from sla_target where ticket_id in (:tickets) and met_at is null order by due_at, id")
                .param("tickets", ticketIds)
                .query(this::map)
                .list();
    }

    private SlaTarget map(ResultSet rs, int row) throws SQLException {
        return new SlaTarget(
                rs.getLong("id"),
                rs.getLong("ticket_id"),
                SlaTargetKind.valueOf(rs.getString("kind")),
                rs.getBoolean("emergency"),
                rs.getString("team"),
                rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("due_at", OffsetDateTime.class),
                rs.getObject("warning_at", OffsetDateTime.class),
                rs.getObject("warned_at", OffsetDateTime.class),
                rs.getObject("breached_at", OffsetDateTime.class),
                rs.getObject("met_at", OffsetDateTime.class),
                SlaTarget.Outcome.valueOf(rs.getString("outcome")));
    }
}
