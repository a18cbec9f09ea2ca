package com.clientservices.desk.sla;

import de.focus_shift.jollyday.core.HolidayCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the business calendar ({@code desk.sla.*}). Any value left out falls back to
 * the product defaults, so the record is equally usable from Spring and from plain unit tests.
 *
 * @param zone              zone whose wall clock defines working hours
 * @param opening           start of the working day (inclusive)
 * @param closing           end of the working day (exclusive); must be after {@code opening}
 * @param workingDays       days of the week the desk works
 * @param holidayCalendar   Jollyday calendar whose national public holidays are closed days
 * @param extraHolidayRules classpath locations of Jollyday XML files with further recurring
 *                          holidays; defaults to the US federal additions when the calendar is
 *                          {@code UNITED_STATES}, to nothing otherwise
 * @param extraClosedDays   single dates the desk is closed in addition (e.g. a company day off)
 */
@ConfigurationProperties(prefix = "desk.sla")
public record SlaCalendarProperties(
        ZoneId zone,
        LocalTime opening,
        LocalTime closing,
        Set<DayOfWeek> workingDays,
        HolidayCalendar holidayCalendar,
        List<String> extraHolidayRules,
        List<LocalDate> extraClosedDays) {

    /** Federal holidays that Jollyday's national US calendar leaves out (see the file). */
    public static final String US_FEDERAL_ADDITIONS = "sla/us-federal-holiday-additions.xml";

    public SlaCalendarProperties {
        zone = zone != null ? zone : ZoneId.of("America/New_York");
        opening = opening != null ? opening : LocalTime.of(9, 0);
        closing = closing != null ? closing : LocalTime.of(18, 0);
        workingDays = workingDays != null
                ? Set.copyOf(workingDays)
                : Set.copyOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        holidayCalendar = holidayCalendar != null ? holidayCalendar : HolidayCalendar.UNITED_STATES;
        if (extraHolidayRules == null) {
            // The additions only make sense for the US calendar; another country starts clean.
            extraHolidayRules =
                    holidayCalendar == HolidayCalendar.UNITED_STATES ? List.of(US_FEDERAL_ADDITIONS) : List.of();
        }
        extraHolidayRules = List.copyOf(extraHolidayRules);
        extraClosedDays = extraClosedDays != null ? List.copyOf(extraClosedDays) : List.of();
    }

    /** The product defaults: 09:00–18:00 New York time, Monday to Friday, US federal holidays. */
    public static SlaCalendarProperties defaults() {
        return new SlaCalendarProperties(null, null, null, null, null, null, null);
    }

    public SlaCalendarProperties withExtraClosedDays(List<LocalDate> days) {
        return new SlaCalendarProperties(zone, opening, closing, workingDays, holidayCalendar, extraHolidayRules, days);
    }
}
