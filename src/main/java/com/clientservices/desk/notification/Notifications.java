package com.clientservices.desk.notification;

import com.clientservices.desk.engine.DeskClock;
import com.clientservices.desk.history.TicketEvents;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Every message of the desk: queued with the business step that causes it, then marked sent when
 * it has left. It is the ticket's message history and, in the embedded default, the outbox.
 */
@Repository
public class Notifications {

    private static final String SELECT_SENT = """
            select kind, recipient, address, subject, body, body_html, created_at, sent_at, channel, status, ticket_id
            from notification""";

    private final JdbcClient jdbc;
    private final TicketEvents events;
    private final DeskClock clock;

    Notifications(JdbcClient jdbc, TicketEvents events, DeskClock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    long queue(Long ticketId, String kind, String recipient, String addresses, MessageTemplates.Message message) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into notification (ticket_id, kind, recipient, address, subject, body, body_html, created_at, channel, status)
                values (:ticket, :kind, :recipient, :address, :subject, :body, :html, :now, 'NONE', 'QUEUED')
                """)
                .param("ticket", ticketId)
                .param("kind", kind)
                .param("recipient", recipient)
                .param("address", addresses)
                .param("subject", message.subject())
                .param("body", message.body())
                .param("html", message.html())
                .param("now", now())
                .update(keys, "id");
        if (ticketId != null) {
            events.record(
                    ticketId,
                    TicketEvents.Type.MESSAGE_QUEUED,
                    null,
                    kind + " to " + recipient + ": " + message.subject());
        }
        return keys.getKey().longValue();
    }

    /** The same message again, for these addresses alone (the ones a mail server put off). */
    long queueAgainFor(Queued message, List<String> addresses) {
        return queue(
                message.ticketId(),
                message.kind(),
                message.recipient(),
                String.join(", ", addresses),
                new MessageTemplates.Message(message.subject(), message.body(), message.bodyHtml()));
    }

    /** How many messages of the kind about the ticket (or about none) were queued for the address from {@code since} to now. */
    long queuedFor(String kind, Long ticketId, String address, OffsetDateTime since) {
        var count = jdbc.sql("select count(*) from notification where kind = :kind and address = :address"
                        + (ticketId == null ? " and ticket_id is null" : " and ticket_id = :ticket")
                        + " and created_at >= :since and created_at <= :now")
                .param("kind", kind)
                .param("address", address)
                .param("since", since)
                .param("now", now());
        if (ticketId != null) {
            count = count.param("ticket", ticketId);
        }
        return count.query(Long.class).single();
    }

    Optional<Queued> find(long id) {
        return jdbc.sql(
                        "select id, ticket_id, kind, recipient, address, subject, body, body_html, status, sending_until, created_at from notification where id = :id")
                .param("id", id)
                .query((rs, row) -> new Queued(
                        rs.getLong("id"),
                        (Long) rs.getObject("ticket_id"),
                        rs.getString("kind"),
                        rs.getString("recipient"),
                        rs.getString("address"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getString("body_html"),
                        Status.valueOf(rs.getString("status")) == Status.SENT,
                        rs.getObject("sending_until", OffsetDateTime.class),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .optional();
    }

    /**
     * Claims a queued message for one delivery until {@code until}: false if it has been sent, or another
     * delivery holds an unexpired claim on it.
     */
    boolean claim(long id, OffsetDateTime until) {
        return jdbc.sql("""
                        update notification set sending_until = :until
                        where id = :id and status = 'QUEUED' and (sending_until is null or sending_until <= :now)
                        """)
                        .param("until", until)
                        .param("id", id)
                        .param("now", now())
                        .update()
                == 1;
    }

    /**
     * Gives up this delivery's claim (the one until {@code until}) after its send failed, so that the next try
     * need not wait for it to expire; a claim another delivery has taken since is left alone.
     */
    void release(long id, OffsetDateTime until) {
        jdbc.sql("update notification set sending_until = null where id = :id and status = 'QUEUED'"
                        + " and sending_until = :until")
                .param("id", id)
                .param("until", until)
                .update();
    }

    void sent(Queued message, String channel, NotificationChannel.Delivered delivered) {
        var messageId = delivered.messageId();
        jdbc.sql("""
                        update notification set status = 'SENT', sent_at = :now, channel = :channel, message_id = :mid,
                        sending_until = null where id = :id""")
                .param("now", now())
                .param("channel", channel)
                .param("mid", messageId)
                .param("id", message.id())
                .update();
        if (message.ticketId() != null) {
            events.record(
                    message.ticketId(),
                    TicketEvents.Type.MESSAGE_SENT,
                    null,
                    message.kind() + " to "
                            + message.recipient()
                            + (message.addresses() == null
                                            || message.addresses().isBlank()
                                    ? ""
                                    : " <" + message.addresses() + ">")
                            + " by " + channel
                            + (delivered.refused().isEmpty()
                                    ? ""
                                    : "; refused by the mail server: " + String.join(", ", delivered.refused()))
                            + (delivered.putOff().isEmpty()
                                    ? ""
                                    : "; put off by the mail server: " + String.join(", ", delivered.putOff())));
        }
    }

    public List<Sent> ofTicket(long ticketId) {
        return jdbc.sql(SELECT_SENT + " where ticket_id = :ticket order by id")
                .param("ticket", ticketId)
                .query(Notifications::sent)
                .list();
    }

    List<Sent> latest(int count) {
        return jdbc.sql(SELECT_SENT + " order by id desc fetch first :count rows only")
                .param("count", count)
                .query(Notifications::sent)
                .list();
    }

    private static Sent sent(ResultSet rs, int row) throws SQLException {
        return new Sent(
                rs.getString("kind"),
                rs.getString("recipient"),
                rs.getString("address"),
                rs.getString("subject"),
                rs.getString("body"),
                rs.getString("body_html"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("sent_at", OffsetDateTime.class),
                rs.getString("channel"),
                rs.getString("status"),
                (Long) rs.getObject("ticket_id"));
    }

    private OffsetDateTime now() {
        return clock.nowUtc();
    }

    /** Where a message is: the {@code status} column. */
    enum Status {
        QUEUED,
        SENT
    }

    /** A message waiting to leave, or already gone; {@code claimedUntil} is a delivery's claim on it, if any. */
    record Queued(
            long id,
            Long ticketId,
            String kind,
            String recipient,
            String addresses,
            String subject,
            String body,
            String bodyHtml,
            boolean alreadySent,
            OffsetDateTime claimedUntil,
            OffsetDateTime queuedAt) {}

    /** A message as the desk queued and sent it: {@code body} the plain text, {@code bodyHtml} the HTML part. */
    public record Sent(
            String kind,
            String recipient,
            String address,
            String subject,
            String body,
            String bodyHtml,
            OffsetDateTime queuedAt,
            OffsetDateTime sentAt,
            String channel,
            String status,
            Long ticketId) {}

    double countQueued() {
        return jdbc.sql("select count(*) from notification where status = 'QUEUED'")
                .query(Long.class)
                .single();
    }
}
