package com.clientservices.desk.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The one place where working-time arithmetic lives. A working day is a configured weekday that
 * is not a closed day; its working time is {@code [opening, closing)} on the zone's wall clock.
 * Results are {@link OffsetDateTime}s in the zone's offset at that instant, because the process
 * engine takes ISO-8601 dates with an offset. Immutable and thread-safe. Its bean is named
 * {@code slaCalendar}: no model names it, but {@link SlaConfiguration} and its tests know it by
 * that name (docs/architecture.md, "Beans the models name").
 */
@Component("slaCalendar")
public final class BusinessCalendar {

    private static final Duration EMERGENCY_TARGET = Duration.ofHours(1);
    private static final Duration EMERGENCY_WARNING = Duration.ofMinutes(15);
    private static final Duration STANDARD_WARNING = Duration.ofHours(1);
    /** Guards every day-by-day search against a configuration without any working day. */
    private static final int SEARCH_LIMIT_DAYS = 3700;

    private final ZoneId zone;
    private final LocalTime opening;
    private final LocalTime closing;
    private final Set<DayOfWeek> workingDays;
    private final ClosedDays closedDays;

    public BusinessCalendar(SlaCalendarProperties properties) {
        if (!properties.opening().isBefore(properties.closing())) {
            throw new IllegalArgumentException("desk.sla.opening must be before desk.sla.closing");
        }
        if (properties.workingDays().isEmpty()) {
            throw new IllegalArgumentException("desk.sla.working-days must not be empty");
        }
        this.zone = properties.zone();
        this.opening = properties.opening();
        this.closing = properties.closing();
        this.workingDays = properties.workingDays();
        this.closedDays = new ClosedDays(
                properties.holidayCalendar(), properties.extraHolidayRules(), properties.extraClosedDays());
    }

    /** The zone whose wall clock the working hours follow; the API shows times in it. */
    public ZoneId zone() {
        return zone;
    }

    /** An instant as the desk shows it: the wall time of the calendar's zone, with its offset then. */
    public OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    /** A stored time as the desk shows it; see {@link #local(Instant)}. */
    public OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : local(time.toInstant());
    }

    /** The product calendar, for use outside Spring. */
    public static BusinessCalendar withDefaults() {
        return new BusinessCalendar(SlaCalendarProperties.defaults());
    }

    /**
     * When the request must be acknowledged. Emergency: one hour later, around the clock.
     * Standard: inside working hours, the same local time on the next working day; outside, the
     * next opening (today's if it is a working day not yet open).
     */
    public OffsetDateTime acknowledgeBy(Instant submittedAt, boolean emergency) {
        Objects.requireNonNull(submittedAt, "submittedAt");
        if (emergency) {
            return at(submittedAt.plus(EMERGENCY_TARGET));
        }
        ZonedDateTime local = submittedAt.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (isWorkingTime(submittedAt)) {
            // Same wall time, so the offset may differ across a DST switch. A wall time that does
            // not exist on the due day is moved forward by the length of the gap; one that occurs
            // twice takes the earlier instant (the stricter target). ZonedDateTime.of does both.
            LocalDateTime due = LocalDateTime.of(nextWorkingDay(day), local.toLocalTime());
            return ZonedDateTime.of(due, zone).toOffsetDateTime();
        }
        boolean beforeOpeningToday = isWorkingDay(day) && submittedAt.isBefore(openingOf(day));
        return at(openingOf(beforeOpeningToday ? day : nextWorkingDay(day)));
    }

    /**
     * When the team is warned that {@code due} is close: 15 minutes before an emergency target,
     * one working hour before a standard one. {@code null} when that moment is not after the
     * submission (e.g. a request submitted out of hours is due at opening and gets no warning).
     */
    public OffsetDateTime warningTime(Instant submittedAt, OffsetDateTime due, boolean emergency) {
        Objects.requireNonNull(submittedAt, "submittedAt");
        Instant dueAt = due.toInstant();
        Instant warning = emergency ? dueAt.minus(EMERGENCY_WARNING) : minusWorkingTime(dueAt, STANDARD_WARNING);
        return warning.isAfter(submittedAt) ? at(warning) : null;
    }

    public boolean isWorkingDay(LocalDate day) {
        return workingDays.contains(day.getDayOfWeek()) && !closedDays.contains(day);
    }

    public boolean isWorkingTime(Instant instant) {
        LocalDate day = instant.atZone(zone).toLocalDate();
        return isWorkingDay(day) && !instant.isBefore(openingOf(day)) && instant.isBefore(closingOf(day));
    }

    /** Working time elapsed from {@code from} to {@code to}; zero when {@code to} is not later. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        if (!to.isAfter(from)) {
            return total;
        }
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                Instant start = latest(from, openingOf(day));
                Instant end = earliest(to, closingOf(day));
                if (start.isBefore(end)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /**
     * The earliest instant by which {@code amount} of working time has passed since {@code from}
     * (so it may be a closing time). A negative amount counts backwards.
     */
    public Instant plusWorkingTime(Instant from, Duration amount) {
        if (amount.isNegative()) {
            return minusWorkingTime(from, amount.negated());
        }
        Duration remaining = amount;
        if (remaining.isZero()) {
            return from;
        }
        LocalDate day = from.atZone(zone).toLocalDate();
        for (int i = 0; i < SEARCH_LIMIT_DAYS; i++, day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                Instant start = latest(from, openingOf(day));
                Instant end = closingOf(day);
                if (start.isBefore(end)) {
                    Duration available = Duration.between(start, end);
                    if (remaining.compareTo(available) <= 0) {
                        return start.plus(remaining);
                    }
                    remaining = remaining.minus(available);
                }
            }
        }
        throw noWorkingDay();
    }

    /**
     * {@code days} whole working days of working time after {@code from}: the same wall time that
     * many working days later when {@code from} is inside working hours, else that many working
     * days after the next opening (so it may be a closing time). Holidays do not count.
     */
    public Instant plusWorkingDays(Instant from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        return plusWorkingTime(from, Duration.between(opening, closing).multipliedBy(days));
    }

    /**
     * The latest instant from which {@code amount} of working time remains until {@code from}
     * (so it may be an opening time, never a closing time). A negative amount counts forwards.
     */
    public Instant minusWorkingTime(Instant from, Duration amount) {
        if (amount.isNegative()) {
            return plusWorkingTime(from, amount.negated());
        }
        Duration remaining = amount;
        if (remaining.isZero()) {
            return from;
        }
        LocalDate day = from.atZone(zone).toLocalDate();
        for (int i = 0; i < SEARCH_LIMIT_DAYS; i++, day = day.minusDays(1)) {
            if (isWorkingDay(day)) {
                Instant start = openingOf(day);
                Instant end = earliest(from, closingOf(day));
                if (start.isBefore(end)) {
                    Duration available = Duration.between(start, end);
                    if (remaining.compareTo(available) <= 0) {
                        return end.minus(remaining);
                    }
                    remaining = remaining.minus(available);
                }
            }
        }
        throw noWorkingDay();
    }

    /** All closed dates (holidays and extra closed days) of a year; for checks and reports. */
    Set<LocalDate> closedDays(int year) {
        return closedDays.inYear(year);
    }

    private LocalDate nextWorkingDay(LocalDate after) {
        LocalDate day = after.plusDays(1);
        for (int i = 0; i < SEARCH_LIMIT_DAYS; i++, day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                return day;
            }
        }
        throw noWorkingDay();
    }

    private Instant openingOf(LocalDate day) {
        return ZonedDateTime.of(day, opening, zone).toInstant();
    }

    private Instant closingOf(LocalDate day) {
        return ZonedDateTime.of(day, closing, zone).toInstant();
    }

    private OffsetDateTime at(Instant instant) {
        return instant.atZone(zone).toOffsetDateTime();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static IllegalStateException noWorkingDay() {
        return new IllegalStateException("No working day within " + SEARCH_LIMIT_DAYS + " days");
    }
}
