package com.clientservices.desk.mail;

import com.clientservices.desk.engine.DeskClock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The messages the desk took from its mailbox, one row each (table {@code inbound_mail}). The unique Message-ID
 * is what makes a message taken once (docs/specification.md §12): the row is inserted first in the transaction
 * that makes the ticket or reply, so a second node or a re-read after a crash fails on it and skips the message.
 */
@Repository
class InboundMailLog {

    private static final int TEXT_MAX = 1000;
    private static final int REASON_MAX = 2000;

    private final JdbcClient jdbc;
    private final DeskClock clock;

    InboundMailLog(JdbcClient jdbc, DeskClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean has(String key) {
        return jdbc.sql("select count(*) from inbound_mail where message_id = :key")
                        .param("key", stored(key))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Claims the message; a duplicate key (another node or an earlier run took it) throws DuplicateKeyException. */
    long claim(ReceivedMail mail, Outcome outcome, String reason) {
        jdbc.sql("""
                insert into inbound_mail (message_id, received_at, sender, subject, outcome, reason, size)
                values (:key, :at, :sender, :subject, :outcome, :reason, :size)
                """)
                .param("key", stored(mail.key()))
                .param("at", clock.now().atOffset(ZoneOffset.UTC))
                .param("sender", cut(visible(mail.from()), 320))
                .param("subject", cut(visible(mail.subject()), TEXT_MAX))
                .param("outcome", outcome.name())
                .param("reason", cut(visible(reason), REASON_MAX))
                .param("size", mail.size())
                .update();
        return jdbc.sql("select id from inbound_mail where message_id = :key")
                .param("key", stored(mail.key()))
                .query(Long.class)
                .single();
    }

    void settle(long id, Outcome outcome, String reason, String ticketKey) {
        jdbc.sql("update inbound_mail set outcome = :outcome, reason = :reason, ticket_key = :ticket where id = :id")
                .param("outcome", outcome.name())
                .param("reason", cut(visible(reason), REASON_MAX))
                .param("ticket", ticketKey)
                .param("id", id)
                .update();
    }

    List<Entry> latest(int limit) {
        return jdbc.sql("""
                select received_at, sender, subject, outcome, reason, ticket_key from inbound_mail
                order by id desc limit :limit
                """)
                .param("limit", limit)
                .query((rs, row) -> new Entry(
                        rs.getObject("received_at", OffsetDateTime.class),
                        rs.getString("sender"),
                        rs.getString("subject"),
                        rs.getString("outcome"),
                        rs.getString("reason"),
                        rs.getString("ticket_key")))
                .list();
    }

    /**
     * The key a message is recorded by: its Message-ID, or a hash of a Message-ID too long for the column, so two long
     * ids that merely begin alike are never taken for one message.
     */
    static String stored(String key) {
        return key.length() <= TEXT_MAX ? key : "sha256:" + MailReading.hash(key);
    }

    // Stored without control or text-direction characters, like every subject (docs/specification.md §8).
    private static String visible(String value) {
        return value == null ? null : value.replaceAll("[\\p{Cc}\\p{Cf}]+", " ").strip();
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** One message as administrators read it at {@code GET /api/inbound-mail}. */
    record Entry(OffsetDateTime at, String sender, String subject, String outcome, String reason, String ticketKey) {}

    /** What became of a message. */
    enum Outcome {
        TAKING,
        TICKET_CREATED,
        REPLY,
        REFUSED
    }
}
