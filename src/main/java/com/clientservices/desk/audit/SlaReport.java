package com.clientservices.desk.audit;

import com.clientservices.desk.sla.BusinessCalendar;
import com.clientservices.desk.sla.SlaTarget.Outcome;
import com.clientservices.desk.sla.SlaTargetKind;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * SLA compliance of the tickets submitted in a period, per team and issue kind: how many tickets,
 * how many targets met and missed, and how long acknowledgement took (median and 90th percentile,
 * nearest rank) in working time for standard issues and wall-clock time for emergencies.
 * A target belongs to the team and kind it was set for, so a downgraded emergency's
 * acknowledgement counts as an emergency's.
 */
@Component
public class SlaReport {

    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;

    SlaReport(JdbcClient jdbc, BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    /** Tickets submitted from the start of {@code from} to the end of {@code to}, in the calendar's zone. */
    public List<Row> between(LocalDate from, LocalDate to) {
        var start = from.atStartOfDay(calendar.zone()).toInstant();
        var end = to.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
        var targets = jdbc.sql("""
                select s.ticket_id, s.kind, s.emergency, s.team, s.started_at, s.met_at, s.outcome
                from sla_target s join ticket t on t.id = s.ticket_id
                where t.submitted_at >= :start and t.submitted_at < :end
                """)
                .param("start", start.atOffset(ZoneOffset.UTC))
                .param("end", end.atOffset(ZoneOffset.UTC))
                .query((rs, row) -> {
                    var metAt = rs.getObject("met_at", OffsetDateTime.class);
                    return new Target(
                            rs.getLong("ticket_id"),
                            SlaTargetKind.valueOf(rs.getString("kind")),
                            rs.getBoolean("emergency"),
                            rs.getString("team"),
                            rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                            metAt == null ? null : metAt.toInstant(),
                            Outcome.valueOf(rs.getString("outcome")));
                })
                .list();
        Map<String, Group> groups = new TreeMap<>();
        for (var target : targets) {
            var kind = target.emergency() ? IssueKind.EMERGENCY : IssueKind.STANDARD;
            groups.computeIfAbsent(
                            (target.team() == null ? "" : target.team()) + "/" + kind,
                            k -> new Group(target.team(), kind))
                    .add(target, calendar);
        }
        return groups.values().stream().map(Group::row).toList();
    }

    /** The rows as CSV, a header first, lines ending in CRLF (RFC 4180): the API's and the compliance page's export. */
    static String csv(List<Row> rows) {
        var csv = new StringBuilder(Row.CSV_HEADER).append("\r\n");
        rows.forEach(row -> csv.append(row.csv()).append("\r\n"));
        return csv.toString();
    }

    /** The nearest-rank percentile of sorted values: the smallest value with at least p of all at or below it. */
    static Double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return null;
        }
        var rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private record Target(
            long ticketId,
            SlaTargetKind kind,
            boolean emergency,
            String team,
            Instant startedAt,
            Instant metAt,
            Outcome outcome) {}

    /** The issue kind a target was set for; a downgraded emergency's earlier targets stay emergency ones. */
    private enum IssueKind {
        STANDARD,
        EMERGENCY
    }

    private static final class Group {

        private final String team;
        private final IssueKind kind;
        private final HashSet<Long> tickets = new HashSet<>();
        private final List<Double> acknowledgementMinutes = new ArrayList<>();
        private long met;
        private long missed;
        private long open;
        private long acknowledgementsMet;
        private long acknowledgementsMissed;

        Group(String team, IssueKind kind) {
            this.team = team;
            this.kind = kind;
        }

        void add(Target target, BusinessCalendar calendar) {
            tickets.add(target.ticketId());
            switch (target.outcome()) {
                case MET -> met++;
                case MISSED -> missed++;
                case OPEN -> open++;
            }
            if (target.kind() != SlaTargetKind.ACKNOWLEDGEMENT) {
                return;
            }
            if (target.outcome() == Outcome.MET) {
                acknowledgementsMet++;
            } else if (target.outcome() == Outcome.MISSED) {
                acknowledgementsMissed++;
            }
            if (target.metAt() != null) {
                var took = target.emergency()
                        ? Duration.between(target.startedAt(), target.metAt())
                        : calendar.workingTimeBetween(target.startedAt(), target.metAt());
                acknowledgementMinutes.add(took.toSeconds() / 60.0);
            }
        }

        Row row() {
            acknowledgementMinutes.sort(Comparator.naturalOrder());
            return new Row(
                    team,
                    kind.name(),
                    tickets.size(),
                    met,
                    missed,
                    open,
                    acknowledgementsMet,
                    acknowledgementsMissed,
                    percentile(acknowledgementMinutes, 0.5),
                    percentile(acknowledgementMinutes, 0.9),
                    kind == IssueKind.EMERGENCY ? "wall-clock" : "working time");
        }
    }

    /** One team and issue kind; acknowledgement times in minutes, absent when nothing was acknowledged. */
    public record Row(
            String team,
            String issueKind,
            long tickets,
            long targetsMet,
            long targetsMissed,
            long targetsOpen,
            long acknowledgementsMet,
            long acknowledgementsMissed,
            Double medianAcknowledgementMinutes,
            Double p90AcknowledgementMinutes,
            String acknowledgementTime) {

        static final String CSV_HEADER =
                "team,issueKind,tickets,targetsMet,targetsMissed,targetsOpen,acknowledgementsMet,"
                        + "acknowledgementsMissed,medianAcknowledgementMinutes,p90AcknowledgementMinutes,acknowledgementTime";

        String csv() {
            return String.join(
                    ",",
                    team == null ? "" : team,
                    issueKind,
                    String.valueOf(tickets),
                    String.valueOf(targetsMet),
                    String.valueOf(targetsMissed),
                    String.valueOf(targetsOpen),
                    String.valueOf(acknowledgementsMet),
                    String.valueOf(acknowledgementsMissed),
                    minutes(medianAcknowledgementMinutes),
                    minutes(p90AcknowledgementMinutes),
                    acknowledgementTime);
        }

        // The same figures in the words of docs/specification.md §9 ("count, met, missed, median and
        // 90th-percentile response"); the response is the first one, the acknowledgement.

        @JsonProperty("count")
        long count() {
            return tickets;
        }

        @JsonProperty("met")
        long met() {
            return targetsMet;
        }

        @JsonProperty("missed")
        long missed() {
            return targetsMissed;
        }

        @JsonProperty("medianResponseMinutes")
        Double medianResponseMinutes() {
            return medianAcknowledgementMinutes;
        }

        @JsonProperty("p90ResponseMinutes")
        Double p90ResponseMinutes() {
            return p90AcknowledgementMinutes;
        }

        private static String minutes(Double value) {
            return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
        }
    }
}
