package com.clientservices.desk.ticket;

import com.clientservices.desk.engine.DeskClock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Files attached to tickets, kept in the database with the ticket. */
@Repository
public class Attachments {

    private final JdbcClient jdbc;
    private final DeskClock clock;

    Attachments(JdbcClient jdbc, DeskClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long add(long ticketId, String fileName, String contentType, byte[] content, String sha256, String uploadedBy) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into ticket_attachment (ticket_id, file_name, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
                values (:t, :name, :type, :size, :sha, :content, :by, :at)
                """)
                .param("t", ticketId)
                .param("name", fileName)
                .param("type", contentType)
                .param("size", content.length)
                .param("sha", sha256)
                .param("content", content)
                .param("by", uploadedBy)
                .param("at", clock.nowUtc())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<Attachment> of(long ticketId) {
        return jdbc.sql("""
                select id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
                from ticket_attachment where ticket_id = :t order by id
                """)
                .param("t", ticketId)
                .query((rs, row) -> new Attachment(
                        rs.getLong("id"),
                        rs.getString("file_name"),
                        rs.getString("content_type"),
                        rs.getLong("size_bytes"),
                        rs.getString("sha256"),
                        rs.getString("uploaded_by"),
                        rs.getObject("uploaded_at", OffsetDateTime.class)))
                .list();
    }

    /** How many files the ticket holds and their total size in bytes. */
    Usage usage(long ticketId) {
        return jdbc.sql("select count(*), coalesce(sum(size_bytes), 0) from ticket_attachment where ticket_id = :t")
                .param("t", ticketId)
                .query((rs, row) -> new Usage(rs.getInt(1), rs.getLong(2)))
                .single();
    }

    record Usage(int files, long bytes) {}

    Optional<byte[]> content(long ticketId, long id) {
        return jdbc.sql("select content from ticket_attachment where ticket_id = :t and id = :id")
                .param("t", ticketId)
                .param("id", id)
                .query((rs, row) -> rs.getBytes(1))
                .optional();
    }

    /** An attachment without its content. */
    public record Attachment(
            long id,
            String fileName,
            String contentType,
            long sizeBytes,
            String sha256,
            String uploadedBy,
            OffsetDateTime uploadedAt) {

        boolean isImage() {
            return contentType.startsWith("image/");
        }
    }
}
