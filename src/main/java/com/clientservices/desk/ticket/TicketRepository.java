package com.clientservices.desk.ticket;

import com.clientservices.desk.engine.DeskClock;
import com.clientservices.desk.history.TicketEvents;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The desk's ticket table. Lists and maps are kept as JSON text so both databases store them alike. */
@Repository
public class TicketRepository {

    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final TicketEvents events;
    private final DeskClock clock;

    TicketRepository(JdbcClient jdbc, ObjectMapper json, TicketEvents events, DeskClock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    /** Inserts a new ticket with status NEW and returns its id. */
    long insert(NewTicket t, String submittedBy, Instant submittedAt, Channel channel) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into ticket (member_id, submitted_by, submitted_at, request_type, emergency, emergency_phone,
                    emergency_criteria, subject, description, impact, steps_to_reproduce, object_ids, environment,
                    browser, operating_system, business_justification, status, updated_at, channel)
                values (:memberId, :submittedBy, :submittedAt, :requestType, :emergency, :emergencyPhone,
                    :emergencyCriteria, :subject, :description, :impact, :steps, :objectIds, :environment,
                    :browser, :os, :justification, :status, :submittedAt, :channel)
                """)
                .param("memberId", t.memberId())
                .param("submittedBy", submittedBy)
                .param("submittedAt", utc(submittedAt))
                .param("requestType", t.requestType())
                .param("emergency", t.isEmergency())
                .param("emergencyPhone", t.emergencyPhone())
                .param("emergencyCriteria", toJson(t.emergencyCriteria()))
                .param("subject", t.subject())
                .param("description", t.description())
                .param("impact", t.impact())
                .param("steps", t.stepsToReproduce())
                .param("objectIds", toJson(t.objectIds()))
                .param("environment", toJson(t.environment()))
                .param("browser", t.browser())
                .param("os", t.operatingSystem())
                .param("justification", t.businessJustification())
                .param("status", TicketStatus.NEW.name())
                .param("channel", channel.name())
                .update(keys, "id");
        var id = keys.getKey().longValue();
        events.record(
                id,
                TicketEvents.Type.SUBMITTED,
                submittedBy,
                t.requestType() + (t.isEmergency() ? ", emergency" : ", standard") + ", status " + TicketStatus.NEW);
        return id;
    }

    public Optional<Ticket> find(long id) {
        return jdbc.sql("select * from ticket where id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    public Optional<Ticket> findByKey(String key) {
        return TicketKey.parse(key).flatMap(this::find);
    }

    /**
     * The ticket, locked until the caller's transaction ends: a second change to the same ticket
     * (a double click) waits, then sees what the first one did.
     */
    Optional<Ticket> lockByKey(String key) {
        return TicketKey.parse(key)
                .flatMap(id -> jdbc.sql("select * from ticket where id = :id for update")
                        .param("id", id)
                        .query(this::map)
                        .optional());
    }

    /** Tickets newest first, narrowed to what the reader may see (see {@link TicketAccess}). */
    List<Ticket> list(TicketAccess.Scope scope, TicketStatus status, int offset, int limit) {
        var sql = new StringBuilder("select * from ticket where 1 = 1");
        var params = new HashMap<String, Object>();
        if (!scope.everything()) {
            var any = new ArrayList<String>();
            if (!scope.members().isEmpty()) {
                any.add("member_id in (:members)");
                params.put("members", scope.members());
            }
            if (!scope.teams().isEmpty()) {
                any.add("team in (:teams)");
                params.put("teams", scope.teams());
            }
            if (scope.waitingOnEngineering()) {
                any.add("status = :waitingOnEngineering");
                params.put("waitingOnEngineering", TicketStatus.WAITING_ON_ENGINEERING.name());
            }
            if (any.isEmpty()) {
                return List.of();
            }
            sql.append(" and (").append(String.join(" or ", any)).append(")");
        }
        if (status != null) {
            sql.append(" and status = :status");
            params.put("status", status.name());
        }
        sql.append(" order by id desc offset :offset rows fetch next :limit rows only");
        params.put("offset", offset);
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(this::map).list();
    }

    void route(long id, String route, String team) {
        jdbc.sql("update ticket set route = :route, team = :team, updated_at = :now where id = :id")
                .param("route", route)
                .param("team", team)
                .param("now", now())
                .param("id", id)
                .update();
    }

    void reroute(long id, String toTeam) {
        jdbc.sql("update ticket set team = :team, updated_at = :now where id = :id")
                .param("team", toTeam)
                .param("now", now())
                .param("id", id)
                .update();
    }

    /**
     * Changes the status and returns the one it replaced; empty, and nothing written, when the
     * ticket already has it. Recording the change in the audit log is the caller's.
     */
    Optional<TicketStatus> updateStatus(long id, TicketStatus status) {
        var before = jdbc.sql("select status from ticket where id = :id")
                .param("id", id)
                .query((rs, row) -> TicketStatus.valueOf(rs.getString("status")))
                .single();
        if (before == status) {
            return Optional.empty();
        }
        jdbc.sql("update ticket set status = :status, updated_at = :now where id = :id")
                .param("status", status.name())
                .param("now", now())
                .param("id", id)
                .update();
        return Optional.of(before);
    }

    public void updateAcknowledgeBy(long id, OffsetDateTime due) {
        jdbc.sql("update ticket set acknowledge_by = :due, updated_at = :now where id = :id")
                .param("due", due)
                .param("now", now())
                .param("id", id)
                .update();
    }

    void downgrade(long id, String by, Instant at, String reason) {
        jdbc.sql("""
                update ticket set emergency = false, downgraded_by = :by, downgraded_at = :at, downgrade_reason = :reason,
                    updated_at = :at where id = :id
                """)
                .param("by", by)
                .param("at", utc(at))
                .param("reason", reason)
                .param("id", id)
                .update();
    }

    void updateProcessInstance(long id, String processInstanceId) {
        jdbc.sql("update ticket set process_instance_id = :pi where id = :id")
                .param("pi", processInstanceId)
                .param("id", id)
                .update();
    }

    public long count() {
        return jdbc.sql("select count(*) from ticket").query(Long.class).single();
    }

    private Ticket map(ResultSet rs, int row) throws SQLException {
        return new Ticket(
                rs.getLong("id"),
                rs.getLong("member_id"),
                rs.getString("submitted_by"),
                rs.getObject("submitted_at", OffsetDateTime.class),
                rs.getString("request_type"),
                rs.getBoolean("emergency"),
                rs.getString("emergency_phone"),
                fromJson(rs.getString("emergency_criteria"), STRING_LIST),
                rs.getString("subject"),
                rs.getString("description"),
                rs.getString("impact"),
                rs.getString("steps_to_reproduce"),
                fromJson(rs.getString("object_ids"), STRING_LIST),
                fromJson(rs.getString("environment"), STRING_MAP),
                rs.getString("browser"),
                rs.getString("operating_system"),
                rs.getString("route"),
                rs.getString("team"),
                TicketStatus.valueOf(rs.getString("status")),
                rs.getObject("acknowledge_by", OffsetDateTime.class),
                rs.getString("process_instance_id"),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getString("downgraded_by"),
                rs.getObject("downgraded_at", OffsetDateTime.class),
                rs.getString("downgrade_reason"),
                rs.getString("business_justification"),
                rs.getString("channel"));
    }

    private OffsetDateTime now() {
        return clock.nowUtc();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T fromJson(String text, TypeReference<T> type) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored value is not JSON: " + text, e);
        }
    }
}
