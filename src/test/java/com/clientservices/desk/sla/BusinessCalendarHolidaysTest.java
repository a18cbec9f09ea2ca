package com.clientservices.desk.sla;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.Year;
import org.junit.jupiter.api.Test;

/**
 * Pins down what Jollyday's United States calendar returns, so that a library upgrade which
 * changes it (e.g. adds Columbus Day nationally) is noticed, and the closed days that result.
 */
class BusinessCalendarHolidaysTest {

    private final HolidayManager jollyday =
            HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_STATES));

    @Test
    void jollydayNationalCalendarLacksColumbusDayAndFilesMovedDaysUnderTheActualYear() {
        assertThat(jollyday.getHolidays(Year.of(2026), HolidayType.PUBLIC_HOLIDAY))
                .extracting(Holiday::getDate)
                .containsExactlyInAnyOrder(
                        parse("2026-01-01"),
                        parse("2026-01-19"),
                        parse("2026-02-16"),
                        parse("2026-05-25"),
                        parse("2026-06-19"),
                        parse("2026-07-03"),
                        parse("2026-09-07"),
                        parse("2026-11-11"),
                        parse("2026-11-26"),
                        parse("2026-12-25"));
        // No 2027-12-31 here: the observed New Year's Day 2028 belongs to Jollyday's year 2028.
        assertThat(jollyday.getHolidays(Year.of(2027), HolidayType.PUBLIC_HOLIDAY))
                .extracting(Holiday::getDate)
                .containsExactlyInAnyOrder(
                        parse("2027-01-01"),
                        parse("2027-01-18"),
                        parse("2027-02-15"),
                        parse("2027-05-31"),
                        parse("2027-06-18"),
                        parse("2027-07-05"),
                        parse("2027-09-06"),
                        parse("2027-11-11"),
                        parse("2027-11-25"),
                        parse("2027-12-24"));
        assertThat(jollyday.getHolidays(Year.of(2028), HolidayType.PUBLIC_HOLIDAY))
                .filteredOn(holiday -> holiday.getPropertiesKey().equals("NEW_YEAR"))
                .singleElement()
                .satisfies(newYear -> {
                    assertThat(newYear.getDate()).isEqualTo(parse("2027-12-31"));
                    assertThat(newYear.getActualDate()).isEqualTo(parse("2028-01-01"));
                });
    }

    @Test
    void federalHolidays2026AreClosed() {
        assertThat(BusinessCalendar.withDefaults().closedDays(2026))
                .containsExactlyInAnyOrder(
                        parse("2026-01-01"), // New Year's Day
                        parse("2026-01-19"), // Martin Luther King Jr. Day
                        parse("2026-02-16"), // Washington's Birthday
                        parse("2026-05-25"), // Memorial Day
                        parse("2026-06-19"), // Juneteenth
                        parse("2026-07-03"), // Independence Day, observed (July 4 is a Saturday)
                        parse("2026-09-07"), // Labor Day
                        parse("2026-10-12"), // Columbus Day
                        parse("2026-11-11"), // Veterans Day
                        parse("2026-11-26"), // Thanksgiving Day
                        parse("2026-12-25")); // Christmas Day
    }

    @Test
    void federalHolidays2027AreClosedIncludingTheObservedNewYear2028() {
        assertThat(BusinessCalendar.withDefaults().closedDays(2027))
                .containsExactlyInAnyOrder(
                        parse("2027-01-01"), // New Year's Day
                        parse("2027-01-18"), // Martin Luther King Jr. Day
                        parse("2027-02-15"), // Washington's Birthday
                        parse("2027-05-31"), // Memorial Day
                        parse("2027-06-18"), // Juneteenth, observed (June 19 is a Saturday)
                        parse("2027-07-05"), // Independence Day, observed (July 4 is a Sunday)
                        parse("2027-09-06"), // Labor Day
                        parse("2027-10-11"), // Columbus Day
                        parse("2027-11-11"), // Veterans Day
                        parse("2027-11-25"), // Thanksgiving Day
                        parse("2027-12-24"), // Christmas Day, observed (December 25 is a Saturday)
                        parse("2027-12-31")); // New Year's Day 2028, observed (January 1 is a Saturday)
    }

    @Test
    void anotherCountryDoesNotInheritTheUsAdditions() {
        SlaCalendarProperties germany =
                new SlaCalendarProperties(null, null, null, null, HolidayCalendar.GERMANY, null, null);
        assertThat(germany.extraHolidayRules()).isEmpty();
        assertThat(new BusinessCalendar(germany).closedDays(2026))
                .doesNotContain(parse("2026-10-12"))
                .contains(parse("2026-10-03")); // German Unity Day
    }
}
