package com.clientservices.desk.history;

import com.clientservices.desk.engine.DeskClock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The desk's own audit log of a ticket, in the order things happened: appended, never changed.
 * Whatever the desk records about a ticket (status, targets, messages, conversation) is logged here too.
 */
@Repository
public class TicketEvents {

    private final JdbcClient jdbc;
    private final DeskClock clock;

    TicketEvents(JdbcClient jdbc, DeskClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(long ticketId, Type type, String actor, String detail) {
        jdbc.sql(
                        "insert into ticket_event (ticket_id, at, type, actor, detail) values (:t, :at, :type, :actor, :detail)")
                .param("t", ticketId)
                .param("at", clock.nowUtc())
                .param("type", type.name())
                .param("actor", actor)
                .param("detail", detail)
                .update();
    }

    public List<Event> of(long ticketId) {
        return jdbc.sql("select at, type, actor, detail from ticket_event where ticket_id = :t order by id")
                .param("t", ticketId)
                .query((rs, row) -> new Event(
                        rs.getObject("at", OffsetDateTime.class),
                        Type.valueOf(rs.getString("type")),
                        rs.getString("actor"),
                        rs.getString("detail")))
                .list();
    }

    public enum Type {
        SUBMITTED,
        ROUTED,
        STATUS_CHANGED,
        REROUTED,
        DOWNGRADED,
        CUSTOMER_REPLIED,
        REOPENED,
        ENGINEERING_FIX_RELEASED,
        ATTACHMENT_ADDED,
        ACKNOWLEDGEMENT,
        QUESTIONS,
        ANSWER,
        ADDED_INFORMATION,
        STATUS_UPDATE,
        RESOLUTION,
        SLA_TARGET_STARTED,
        SLA_WARNING,
        SLA_BREACHED,
        SLA_TARGET_MET,
        SLA_TARGET_MET_LATE,
        MESSAGE_QUEUED,
        MESSAGE_SENT
    }

    public record Event(OffsetDateTime at, Type type, String actor, String detail) {}
}
