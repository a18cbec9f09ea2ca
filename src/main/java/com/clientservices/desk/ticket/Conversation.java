package com.clientservices.desk.ticket;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the team asked and the customer answered on a ticket, in order. */
@Repository("conversation")
public class Conversation {

    private final JdbcClient jdbc;
    private final TicketEvents events;

    Conversation(JdbcClient jdbc, TicketEvents events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public void add(long ticketId, Kind kind, String author, String body) {
        jdbc.sql("""
                insert into ticket_conversation (ticket_id, kind, author, body, created_at)
                values (:ticket, :kind, :author, :body, :at)
                """)
                .param("ticket", ticketId).param("kind", kind.name()).param("author", author).param("body", body)
                .param("at", ClockUtil.now().toInstant().atOffset(ZoneOffset.UTC)).update();
        events.record(ticketId, TicketEvents.Type.valueOf(kind.name()), author, body);
    }

    /**
     * Records what the team sent the customer, as the models name it:
     * {@code ${conversation.note(execution, 'STATUS_UPDATE', 'statusUpdate')}}.
     */
    public void note(DelegateExecution execution, String kind, String variable) {
        add((Long) execution.getVariable("ticketId"), Kind.valueOf(kind), ProcessText.actor(execution, "team"),
                String.valueOf(execution.getVariable(variable)));
    }

    public List<Entry> of(long ticketId) {
        return jdbc.sql("select kind, author, body, created_at from ticket_conversation where ticket_id = :t order by id")
                .param("t", ticketId)
                .query((rs, row) -> new Entry(Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class)))
                .list();
    }

    public enum Kind {
        QUESTIONS,
        ANSWER,
        STATUS_UPDATE,
        RESOLUTION
    }

    public record Entry(Kind kind, String author, String body, OffsetDateTime at) {
    }
}
