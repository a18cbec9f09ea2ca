package com.clientservices.desk.benchmark;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many SLA breaches at one instant: the acknowledgement-breach timers of some open tickets are moved
 * to one instant a few seconds ahead, and each breach's lateness is the time its SLA_BREACHED event
 * is recorded minus that instant (negative when a timer fired early).
 */
final class BreachBurst {

    private static final Duration AHEAD = Duration.ofSeconds(10);

    /** How many timers were moved, and each recorded breach's lateness in milliseconds, sorted. */
    record Result(int moved, List<Long> lateness) {

        long early() {
            return lateness.stream().filter(ms -> ms < 0).count();
        }

        /** Nearest-rank percentile in seconds. */
        double seconds(int percentile) {
            return Load.percentile(lateness, percentile) / 1000.0;
        }

        double maxSeconds() {
            return lateness.isEmpty() ? Double.NaN : lateness.get(lateness.size() - 1) / 1000.0;
        }

        String words() {
            return String.format(
                    Locale.ROOT,
                    "p50 %.1f s, p99 %.1f s, max %.1f s, %d early, %d of %d fired",
                    seconds(50),
                    seconds(99),
                    maxSeconds(),
                    early(),
                    lateness.size(),
                    moved);
        }
    }

    private BreachBurst() {}

    /** Moves up to {@code count} breach timers, then waits up to {@code patience} for their breaches. */
    static Result run(JdbcTemplate jdbc, int count, Duration patience) throws InterruptedException {
        var jobs = new ArrayList<String>();
        var tickets = new HashSet<Long>();
        jdbc.query("""
                select j.id_, e.business_key_ from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_
                where j.handler_cfg_ = 'Event_AcknowledgementDue' and j.lock_owner_ is null order by j.id_""", rows -> {
            if (jobs.size() < count) {
                jobs.add(rows.getString(1));
                tickets.add(Long.valueOf(rows.getString(2).substring("CS-".length())));
            }
        });
        var due = Instant.now().plus(AHEAD).truncatedTo(ChronoUnit.SECONDS);
        jdbc.batchUpdate(
                "update act_ru_job set duedate_ = ? where id_ = ?",
                jobs.stream().map(id -> new Object[] {Timestamp.from(due), id}).toList());
        System.out.printf("  %d breach timers due at %s%n", jobs.size(), due);

        var lateness = new ArrayList<Long>();
        var deadline = due.plus(patience);
        // Every breach recorded since shortly before the due time, so an early one shows.
        var since = Timestamp.from(due.minus(Duration.ofMinutes(10)));
        while (Instant.now().isBefore(deadline)) {
            lateness.clear();
            jdbc.query(
                    "select ticket_id, at from ticket_event where type = 'SLA_BREACHED' and at > ?",
                    rows -> {
                        if (tickets.contains(rows.getLong(1))) {
                            lateness.add(
                                    Duration.between(due, rows.getTimestamp(2).toInstant())
                                            .toMillis());
                        }
                    },
                    since);
            if (lateness.size() >= jobs.size()) {
                break;
            }
            if (Instant.now().isAfter(due)) {
                System.out.printf("  %d of %d breaches recorded%n", lateness.size(), jobs.size());
            }
            Thread.sleep(1000);
        }
        Collections.sort(lateness);
        return new Result(jobs.size(), List.copyOf(lateness));
    }
}
