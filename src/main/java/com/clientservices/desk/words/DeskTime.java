package com.clientservices.desk.words;

import com.clientservices.desk.sla.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Times as people read them: in the desk's zone (the SLA calendar's), with the zone named, and the
 * time left where a deadline matters (docs/specification.md §13).
 */
@Component
public class DeskTime {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz", Locale.US);
    private static final DateTimeFormatter EXACT =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm:ss zzz", Locale.US);

    private final BusinessCalendar calendar;

    DeskTime(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    /** {@code Tue 1 Dec 2026, 10:30 EST}; empty for no time. */
    public String at(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(calendar.zone()).format(SHOWN);
    }

    /** {@code Tue 1 Dec 2026, 10:30:05 EST}: to the second, where an auditor compares a step with its target. */
    public String exact(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(calendar.zone()).format(EXACT);
    }

    public String at(Instant time) {
        return time == null ? "" : time.atZone(calendar.zone()).format(SHOWN);
    }

    /** {@code Tue 1 Dec 2026, 10:30 EST (in 58 min)}, or {@code (overdue by 2 h)} once it has passed. */
    public String due(OffsetDateTime due, Instant now) {
        return due == null ? "" : at(due) + " (" + left(due.toInstant(), now) + ")";
    }

    public String due(Instant due, Instant now) {
        return due == null ? "" : at(due) + " (" + left(due, now) + ")";
    }

    /** {@code in 58 min}, {@code in 3 h 5 min}, {@code in 2 days 4 h}; {@code overdue by 12 min} after it. */
    public static String left(Instant due, Instant now) {
        var left = Duration.between(now, due);
        if (left.abs().compareTo(Duration.ofMinutes(1)) < 0) {
            return "due now";
        }
        return left.isNegative() ? "overdue by " + span(left.negated()) : "in " + span(left);
    }

    /** A duration in the largest two units people use: {@code 58 min}, {@code 3 h 5 min}, {@code 2 days 4 h}. */
    public static String span(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return hours + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
        }
        long days = hours / 24;
        return days + (days == 1 ? " day" : " days") + (hours % 24 == 0 ? "" : " " + hours % 24 + " h");
    }
}
