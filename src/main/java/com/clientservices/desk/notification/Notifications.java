package com.clientservices.desk.notification;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record of every message sent: the ticket's message history and, in the embedded default, the outbox. */
@Repository
public class Notifications {

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(Long ticketId, String kind, String recipient, String address, MessageTemplates.Message message,
            String channel) {
        var now = ClockUtil.now().toInstant().atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                insert into notification (ticket_id, kind, recipient, address, subject, body, created_at, sent_at, channel)
                values (:ticket, :kind, :recipient, :address, :subject, :body, :now, :now, :channel)
                """)
                .param("ticket", ticketId).param("kind", kind).param("recipient", recipient).param("address", address)
                .param("subject", message.subject()).param("body", message.body()).param("now", now)
                .param("channel", channel).update();
    }

    public List<Sent> ofTicket(long ticketId) {
        return jdbc.sql("""
                select kind, recipient, address, subject, body, created_at, sent_at, channel
                from notification where ticket_id = :ticket order by id
                """).param("ticket", ticketId)
                .query((rs, row) -> new Sent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class),
                        rs.getString(8)))
                .list();
    }

    /** A message as it was sent. */
    public record Sent(String kind, String recipient, String address, String subject, String body,
            OffsetDateTime createdAt, OffsetDateTime sentAt, String channel) {
    }
}
