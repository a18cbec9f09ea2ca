package com.clientservices.desk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expected values are written out by hand from the SLA rules (New York: -05:00 in winter, -04:00
 * from 2026-03-08 to 2026-11-01 and from 2027-03-14 to 2027-11-07), never derived from the code.
 */
class BusinessCalendarTest {

    private final BusinessCalendar calendar = BusinessCalendar.withDefaults();

    private static Instant at(String isoWithOffset) {
        return OffsetDateTime.parse(isoWithOffset).toInstant();
    }

    @ParameterizedTest(name = "[{index}] standard, {0}: {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # A plain week: Mon 2026-04-13 .. Sun 2026-04-19
            before opening on a working day is due at that day's opening | 2026-04-14T08:59-04:00 | 2026-04-14T09:00-04:00
            at midnight of a working day is due at that day's opening    | 2026-04-14T00:00-04:00 | 2026-04-14T09:00-04:00
            early Monday morning is due at Monday's opening              | 2026-04-13T07:00-04:00 | 2026-04-13T09:00-04:00
            exactly at opening is inside hours, due next day at opening  | 2026-04-14T09:00-04:00 | 2026-04-15T09:00-04:00
            one minute after opening is due next day same time           | 2026-04-14T09:01-04:00 | 2026-04-15T09:01-04:00
            mid-morning is due next working day same local time          | 2026-04-14T10:15-04:00 | 2026-04-15T10:15-04:00
            seconds are kept                                             | 2026-04-14T12:34:56-04:00 | 2026-04-15T12:34:56-04:00
            submission given in UTC is read on New York's clock          | 2026-04-14T14:15Z      | 2026-04-15T10:15-04:00
            one minute before closing is due next day same time          | 2026-04-14T17:59-04:00 | 2026-04-15T17:59-04:00
            exactly at closing is outside hours, due next opening        | 2026-04-14T18:00-04:00 | 2026-04-15T09:00-04:00
            just after closing is due next opening                       | 2026-04-14T18:01-04:00 | 2026-04-15T09:00-04:00
            late evening is due next opening                             | 2026-04-14T23:59-04:00 | 2026-04-15T09:00-04:00
            Thursday afternoon is due Friday same time                   | 2026-04-16T15:00-04:00 | 2026-04-17T15:00-04:00
            Friday during hours is due Monday same time                  | 2026-04-17T10:00-04:00 | 2026-04-20T10:00-04:00
            Friday just before closing is due Monday same time           | 2026-04-17T17:59-04:00 | 2026-04-20T17:59-04:00
            Friday at closing is due Monday opening                      | 2026-04-17T18:00-04:00 | 2026-04-20T09:00-04:00
            Friday evening is due Monday opening                         | 2026-04-17T20:00-04:00 | 2026-04-20T09:00-04:00
            Saturday before opening time is due Monday opening           | 2026-04-18T08:00-04:00 | 2026-04-20T09:00-04:00
            Saturday during would-be hours is due Monday opening         | 2026-04-18T11:00-04:00 | 2026-04-20T09:00-04:00
            Sunday night is due Monday opening                           | 2026-04-19T23:00-04:00 | 2026-04-20T09:00-04:00

            # Federal holidays 2026: on the holiday, and on the working day before it during hours
            on New Year's Day 2026 (Thu)                                 | 2026-01-01T10:00-05:00 | 2026-01-02T09:00-05:00
            New Year's Eve 2025 during hours skips New Year's Day        | 2025-12-31T14:00-05:00 | 2026-01-02T14:00-05:00
            on Martin Luther King Jr. Day 2026                           | 2026-01-19T11:00-05:00 | 2026-01-20T09:00-05:00
            Friday before MLK Day 2026 is due Tuesday                    | 2026-01-16T16:30-05:00 | 2026-01-20T16:30-05:00
            on Washington's Birthday 2026                                | 2026-02-16T10:00-05:00 | 2026-02-17T09:00-05:00
            Friday before Washington's Birthday 2026 is due Tuesday      | 2026-02-13T09:30-05:00 | 2026-02-17T09:30-05:00
            on Memorial Day 2026                                         | 2026-05-25T10:00-04:00 | 2026-05-26T09:00-04:00
            Friday before Memorial Day 2026 is due Tuesday               | 2026-05-22T12:00-04:00 | 2026-05-26T12:00-04:00
            on Juneteenth 2026 (Fri)                                     | 2026-06-19T10:00-04:00 | 2026-06-22T09:00-04:00
            Thursday before Juneteenth 2026 is due Monday                | 2026-06-18T15:45-04:00 | 2026-06-22T15:45-04:00
            on Friday 2026-07-03, observed for Saturday July 4           | 2026-07-03T10:00-04:00 | 2026-07-06T09:00-04:00
            on Saturday July 4 2026 itself                               | 2026-07-04T10:00-04:00 | 2026-07-06T09:00-04:00
            Thursday before observed Independence Day 2026 is due Monday | 2026-07-02T11:00-04:00 | 2026-07-06T11:00-04:00
            on Labor Day 2026                                            | 2026-09-07T10:00-04:00 | 2026-09-08T09:00-04:00
            Friday before Labor Day 2026 is due Tuesday                  | 2026-09-04T17:00-04:00 | 2026-09-08T17:00-04:00
            on Columbus Day 2026                                         | 2026-10-12T10:00-04:00 | 2026-10-13T09:00-04:00
            Friday before Columbus Day 2026 is due Tuesday               | 2026-10-09T10:30-04:00 | 2026-10-13T10:30-04:00
            on Veterans Day 2026 (Wed)                                   | 2026-11-11T10:00-05:00 | 2026-11-12T09:00-05:00
            Tuesday before Veterans Day 2026 is due Thursday             | 2026-11-10T13:00-05:00 | 2026-11-12T13:00-05:00
            on Thanksgiving 2026                                         | 2026-11-26T10:00-05:00 | 2026-11-27T09:00-05:00
            on Thanksgiving 2026 before opening time                     | 2026-11-26T08:00-05:00 | 2026-11-27T09:00-05:00
            Wednesday before Thanksgiving 2026 is due Friday             | 2026-11-25T16:00-05:00 | 2026-11-27T16:00-05:00
            Wednesday evening before Thanksgiving 2026 is due Friday     | 2026-11-25T19:00-05:00 | 2026-11-27T09:00-05:00
            on Christmas Day 2026 (Fri)                                  | 2026-12-25T10:00-05:00 | 2026-12-28T09:00-05:00
            Christmas Eve 2026 is a working day, due Monday              | 2026-12-24T10:00-05:00 | 2026-12-28T10:00-05:00
            New Year's Eve 2026 during hours is due Monday 2027-01-04    | 2026-12-31T15:00-05:00 | 2027-01-04T15:00-05:00

            # Federal holidays 2027
            on New Year's Day 2027 (Fri)                                 | 2027-01-01T10:00-05:00 | 2027-01-04T09:00-05:00
            on Martin Luther King Jr. Day 2027                           | 2027-01-18T10:00-05:00 | 2027-01-19T09:00-05:00
            Friday before MLK Day 2027 is due Tuesday                    | 2027-01-15T14:00-05:00 | 2027-01-19T14:00-05:00
            on Washington's Birthday 2027                                | 2027-02-15T10:00-05:00 | 2027-02-16T09:00-05:00
            Friday before Washington's Birthday 2027 is due Tuesday      | 2027-02-12T11:11-05:00 | 2027-02-16T11:11-05:00
            on Memorial Day 2027                                         | 2027-05-31T10:00-04:00 | 2027-06-01T09:00-04:00
            Friday before Memorial Day 2027 is due Tuesday               | 2027-05-28T10:00-04:00 | 2027-06-01T10:00-04:00
            on Friday 2027-06-18, observed for Saturday Juneteenth       | 2027-06-18T10:00-04:00 | 2027-06-21T09:00-04:00
            Thursday before observed Juneteenth 2027 is due Monday       | 2027-06-17T12:00-04:00 | 2027-06-21T12:00-04:00
            on Monday 2027-07-05, observed for Sunday July 4             | 2027-07-05T10:00-04:00 | 2027-07-06T09:00-04:00
            on Sunday July 4 2027 itself is due Tuesday opening          | 2027-07-04T10:00-04:00 | 2027-07-06T09:00-04:00
            Friday before observed Independence Day 2027 is due Tuesday  | 2027-07-02T16:00-04:00 | 2027-07-06T16:00-04:00
            on Labor Day 2027                                            | 2027-09-06T10:00-04:00 | 2027-09-07T09:00-04:00
            Friday opening before Labor Day 2027 is due Tuesday opening  | 2027-09-03T09:00-04:00 | 2027-09-07T09:00-04:00
            on Columbus Day 2027                                         | 2027-10-11T10:00-04:00 | 2027-10-12T09:00-04:00
            Friday before Columbus Day 2027 is due Tuesday               | 2027-10-08T13:30-04:00 | 2027-10-12T13:30-04:00
            on Veterans Day 2027 (Thu)                                   | 2027-11-11T10:00-05:00 | 2027-11-12T09:00-05:00
            Wednesday before Veterans Day 2027 is due Friday             | 2027-11-10T10:00-05:00 | 2027-11-12T10:00-05:00
            on Thanksgiving 2027                                         | 2027-11-25T10:00-05:00 | 2027-11-26T09:00-05:00
            Wednesday before Thanksgiving 2027 is due Friday             | 2027-11-24T17:30-05:00 | 2027-11-26T17:30-05:00
            on Friday 2027-12-24, observed for Saturday Christmas        | 2027-12-24T10:00-05:00 | 2027-12-27T09:00-05:00
            Thursday before observed Christmas 2027 is due Monday        | 2027-12-23T14:00-05:00 | 2027-12-27T14:00-05:00
            on Friday 2027-12-31, observed for Saturday New Year 2028    | 2027-12-31T10:00-05:00 | 2028-01-03T09:00-05:00
            Thursday before observed New Year 2028 is due Monday         | 2027-12-30T11:00-05:00 | 2028-01-03T11:00-05:00

            # Daylight-saving switches: the due time keeps the local wall time
            on spring-forward Sunday 2026-03-08 during would-be hours    | 2026-03-08T10:00-04:00 | 2026-03-09T09:00-04:00
            on spring-forward Sunday 2026-03-08 before the switch        | 2026-03-08T01:30-05:00 | 2026-03-09T09:00-04:00
            Friday before spring-forward is due Monday same wall time    | 2026-03-06T10:15-05:00 | 2026-03-09T10:15-04:00
            Friday before spring-forward 2027 is due Monday same time    | 2027-03-12T11:00-05:00 | 2027-03-15T11:00-04:00
            Saturday before fall-back is due Monday opening              | 2026-10-31T12:00-04:00 | 2026-11-02T09:00-05:00
            Friday before fall-back is due Monday same wall time         | 2026-10-30T16:00-04:00 | 2026-11-02T16:00-05:00
            on fall-back Sunday, first 01:30                             | 2026-11-01T01:30-04:00 | 2026-11-02T09:00-05:00
            on fall-back Sunday, second 01:30                            | 2026-11-01T01:30-05:00 | 2026-11-02T09:00-05:00
            """)
    void standardAcknowledgement(String behaviour, String submittedAt, String expected) {
        assertThat(calendar.acknowledgeBy(at(submittedAt), false)).isEqualTo(OffsetDateTime.parse(expected));
    }

    @ParameterizedTest(name = "[{index}] emergency, {0}: {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            during working hours                          | 2026-04-14T10:15-04:00 | 2026-04-14T11:15-04:00
            shortly before closing runs past closing      | 2026-04-14T17:30-04:00 | 2026-04-14T18:30-04:00
            at 02:00 on a Sunday                          | 2026-04-19T02:00-04:00 | 2026-04-19T03:00-04:00
            on Christmas Day 2026                         | 2026-12-25T10:00-05:00 | 2026-12-25T11:00-05:00
            Friday night runs into Saturday               | 2026-04-17T23:30-04:00 | 2026-04-18T00:30-04:00
            New Year's Eve night runs into the holiday    | 2026-12-31T23:30-05:00 | 2027-01-01T00:30-05:00
            across spring-forward, one real hour later    | 2026-03-08T01:30-05:00 | 2026-03-08T03:30-04:00
            across fall-back, the wall clock repeats      | 2026-11-01T01:30-04:00 | 2026-11-01T01:30-05:00
            """)
    void emergencyAcknowledgement(String behaviour, String submittedAt, String expected) {
        assertThat(calendar.acknowledgeBy(at(submittedAt), true)).isEqualTo(OffsetDateTime.parse(expected));
    }

    @Test
    void acknowledgementIsGivenInTheCalendarZonesOffset() {
        assertThat(calendar.acknowledgeBy(at("2026-03-06T15:15Z"), false)).hasToString("2026-03-09T10:15-04:00");
    }

    @Nested
    class WarningTime {

        @ParameterizedTest(name = "[{index}] standard, {0}: due {2} -> warn {3}")
        @CsvSource(delimiter = '|', textBlock = """
                inside hours, one working hour before due         | 2026-04-14T10:15-04:00 | 2026-04-15T10:15-04:00 | 2026-04-15T09:15-04:00
                due 09:30 warns 17:30 on the previous working day | 2026-04-13T09:30-04:00 | 2026-04-14T09:30-04:00 | 2026-04-13T17:30-04:00
                submitted at opening warns at 17:00 the same day  | 2026-04-14T09:00-04:00 | 2026-04-15T09:00-04:00 | 2026-04-14T17:00-04:00
                due Monday 09:15 warns Friday 17:15               | 2026-04-17T09:15-04:00 | 2026-04-20T09:15-04:00 | 2026-04-17T17:15-04:00
                due after a holiday skips the holiday             | 2026-07-02T09:45-04:00 | 2026-07-06T09:45-04:00 | 2026-07-02T17:45-04:00
                due after fall-back keeps working hours           | 2026-10-30T09:30-04:00 | 2026-11-02T09:30-05:00 | 2026-10-30T17:30-04:00
                """)
        void standardWarningIsOneWorkingHourBeforeDue(
                String behaviour, String submittedAt, String due, String expected) {
            assertThat(calendar.warningTime(at(submittedAt), OffsetDateTime.parse(due), false))
                    .isEqualTo(OffsetDateTime.parse(expected));
        }

        @ParameterizedTest(name = "[{index}] standard, {0}: due {2} -> no warning")
        @CsvSource(delimiter = '|', textBlock = """
                submitted in the evening, due at next opening     | 2026-04-14T20:00-04:00 | 2026-04-15T09:00-04:00
                submitted before opening, due at that opening     | 2026-04-14T08:30-04:00 | 2026-04-14T09:00-04:00
                submitted on Saturday, due Monday opening         | 2026-04-18T11:00-04:00 | 2026-04-20T09:00-04:00
                submitted on a holiday, due next opening          | 2026-12-25T10:00-05:00 | 2026-12-28T09:00-05:00
                """)
        void standardSubmittedOutsideHoursGetsNoWarning(String behaviour, String submittedAt, String due) {
            assertThat(calendar.warningTime(at(submittedAt), OffsetDateTime.parse(due), false))
                    .isNull();
        }

        @ParameterizedTest(name = "[{index}] emergency, {0}: due {2} -> warn {3}")
        @CsvSource(delimiter = '|', textBlock = """
                at night, 15 minutes before due          | 2026-04-19T02:00-04:00 | 2026-04-19T03:00-04:00 | 2026-04-19T02:45-04:00
                during hours, 15 minutes before due      | 2026-04-14T10:15-04:00 | 2026-04-14T11:15-04:00 | 2026-04-14T11:00-04:00
                across fall-back, 15 real minutes before | 2026-11-01T01:30-04:00 | 2026-11-01T01:30-05:00 | 2026-11-01T01:15-05:00
                """)
        void emergencyWarningIsFifteenMinutesBeforeDue(
                String behaviour, String submittedAt, String due, String expected) {
            assertThat(calendar.warningTime(at(submittedAt), OffsetDateTime.parse(due), true))
                    .isEqualTo(OffsetDateTime.parse(expected));
        }
    }

    @Nested
    class WorkingTime {

        @ParameterizedTest(name = "[{index}] {0}: {1} .. {2} = {3}")
        @CsvSource(delimiter = '|', textBlock = """
                within one working day                  | 2026-04-14T10:00-04:00 | 2026-04-14T12:30-04:00 | PT2H30M
                from evening to next morning            | 2026-04-14T20:00-04:00 | 2026-04-15T10:00-04:00 | PT1H
                across a weekend                        | 2026-04-17T16:00-04:00 | 2026-04-20T10:00-04:00 | PT3H
                across the observed Independence Day    | 2026-07-02T17:00-04:00 | 2026-07-06T09:30-04:00 | PT1H30M
                across the observed Christmas 2027      | 2027-12-23T17:00-05:00 | 2027-12-27T10:00-05:00 | PT2H
                across the observed New Year 2028       | 2027-12-30T17:00-05:00 | 2028-01-03T10:00-05:00 | PT2H
                six working days around the year's end  | 2027-12-23T09:00-05:00 | 2028-01-03T18:00-05:00 | PT54H
                a whole calendar week                   | 2026-04-13T00:00-04:00 | 2026-04-20T00:00-04:00 | PT45H
                across spring-forward                   | 2026-03-06T09:00-05:00 | 2026-03-09T18:00-04:00 | PT18H
                only a weekend                          | 2026-04-18T00:00-04:00 | 2026-04-20T00:00-04:00 | PT0S
                end before start                        | 2026-04-15T10:00-04:00 | 2026-04-14T10:00-04:00 | PT0S
                """)
        void workingTimeBetween(String behaviour, String from, String to, String expected) {
            assertThat(calendar.workingTimeBetween(at(from), at(to))).isEqualTo(Duration.parse(expected));
        }

        @ParameterizedTest(name = "[{index}] {0}: {1} + {2} = {3}")
        @CsvSource(delimiter = '|', textBlock = """
                within the day                           | 2026-04-14T10:00-04:00 | PT2H   | 2026-04-14T12:00-04:00
                over the weekend                         | 2026-04-17T17:00-04:00 | PT2H   | 2026-04-20T10:00-04:00
                from Saturday                            | 2026-04-18T11:00-04:00 | PT1H   | 2026-04-20T10:00-04:00
                ending exactly at closing stays there    | 2026-04-14T17:00-04:00 | PT1H   | 2026-04-14T18:00-04:00
                over Thanksgiving                        | 2026-11-25T17:00-05:00 | PT2H   | 2026-11-27T10:00-05:00
                nothing to add                           | 2026-04-18T11:00-04:00 | PT0S   | 2026-04-18T11:00-04:00
                a negative amount counts backwards       | 2026-04-20T10:00-04:00 | -PT2H  | 2026-04-17T17:00-04:00
                """)
        void plusWorkingTime(String behaviour, String from, String amount, String expected) {
            assertThat(calendar.plusWorkingTime(at(from), Duration.parse(amount)))
                    .isEqualTo(at(expected));
        }

        @ParameterizedTest(name = "[{index}] {0}: {1} - {2} = {3}")
        @CsvSource(delimiter = '|', textBlock = """
                within the day                           | 2026-04-14T12:00-04:00 | PT2H   | 2026-04-14T10:00-04:00
                back over the weekend                    | 2026-04-20T10:00-04:00 | PT2H   | 2026-04-17T17:00-04:00
                from Sunday                              | 2026-04-19T11:00-04:00 | PT1H   | 2026-04-17T17:00-04:00
                ending exactly at opening stays there    | 2026-04-14T10:00-04:00 | PT1H   | 2026-04-14T09:00-04:00
                back over the observed New Year 2028     | 2028-01-03T10:00-05:00 | PT2H   | 2027-12-30T17:00-05:00
                back over the observed Christmas 2027    | 2027-12-27T10:00-05:00 | PT2H   | 2027-12-23T17:00-05:00
                """)
        void minusWorkingTime(String behaviour, String from, String amount, String expected) {
            assertThat(calendar.minusWorkingTime(at(from), Duration.parse(amount)))
                    .isEqualTo(at(expected));
        }

        @ParameterizedTest(name = "[{index}] {0} is working time: {1}")
        @CsvSource(delimiter = '|', textBlock = """
                2026-04-14T09:00-04:00 | true
                2026-04-14T17:59:59-04:00 | true
                2026-04-14T18:00-04:00 | false
                2026-04-14T08:59:59-04:00 | false
                2026-04-18T12:00-04:00 | false
                2026-07-03T12:00-04:00 | false
                2027-12-31T12:00-05:00 | false
                2026-04-14T13:00Z      | true
                2026-04-14T22:30Z      | false
                """)
        void isWorkingTime(String instant, boolean expected) {
            assertThat(calendar.isWorkingTime(at(instant))).isEqualTo(expected);
        }

        @ParameterizedTest(name = "[{index}] {0} is a working day: {1}")
        @CsvSource({
            "2026-04-14, true", "2026-04-18, false", "2026-04-19, false", "2026-07-03, false",
            "2026-07-04, false", "2026-12-24, true", "2027-12-31, false", "2028-01-03, true",
            "2026-11-27, true"
        })
        void isWorkingDay(LocalDate day, boolean expected) {
            assertThat(calendar.isWorkingDay(day)).isEqualTo(expected);
        }
    }

    @Nested
    class ExtraClosedDays {

        private final BusinessCalendar withCompanyDays = new BusinessCalendar(SlaCalendarProperties.defaults()
                .withExtraClosedDays(List.of(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-31"))));

        @Test
        void configuredDaysAreNotWorkingDays() {
            assertThat(withCompanyDays.isWorkingDay(LocalDate.parse("2026-12-24")))
                    .isFalse();
            assertThat(withCompanyDays.isWorkingDay(LocalDate.parse("2026-12-31")))
                    .isFalse();
            assertThat(withCompanyDays.isWorkingDay(LocalDate.parse("2026-12-23")))
                    .isTrue();
        }

        @Test
        void theDayBeforeIsDueAfterTheClosedDayAndTheHoliday() {
            assertThat(withCompanyDays.acknowledgeBy(at("2026-12-23T10:00-05:00"), false))
                    .isEqualTo(OffsetDateTime.parse("2026-12-28T10:00-05:00"));
            assertThat(withCompanyDays.acknowledgeBy(at("2026-12-30T16:00-05:00"), false))
                    .isEqualTo(OffsetDateTime.parse("2027-01-04T16:00-05:00"));
        }

        @Test
        void submittedOnAClosedDayIsDueAtTheNextOpening() {
            assertThat(withCompanyDays.acknowledgeBy(at("2026-12-24T08:00-05:00"), false))
                    .isEqualTo(OffsetDateTime.parse("2026-12-28T09:00-05:00"));
        }

        @Test
        void closedDaysCountAsNoWorkingTime() {
            assertThat(withCompanyDays.workingTimeBetween(at("2026-12-23T17:00-05:00"), at("2026-12-28T10:00-05:00")))
                    .isEqualTo(Duration.ofHours(2));
        }
    }

    /**
     * Wall times that do not exist or occur twice on the due day cannot happen with 09:00–18:00 in
     * New York (the switches are at 02:00 on Sundays), so a round-the-clock desk shows the rule.
     */
    @Nested
    class DueWallTimeAtADaylightSavingSwitch {

        private final BusinessCalendar everyDay = new BusinessCalendar(new SlaCalendarProperties(
                ZoneId.of("America/New_York"),
                LocalTime.of(0, 0),
                LocalTime.of(23, 0),
                EnumSet.allOf(DayOfWeek.class),
                null,
                null,
                List.of()));

        @Test
        void aMissingWallTimeMovesForwardByTheGap() {
            assertThat(everyDay.acknowledgeBy(at("2026-03-07T02:30-05:00"), false))
                    .isEqualTo(OffsetDateTime.parse("2026-03-08T03:30-04:00"));
        }

        @Test
        void aRepeatedWallTimeTakesTheEarlierInstant() {
            assertThat(everyDay.acknowledgeBy(at("2026-10-31T01:30-04:00"), false))
                    .isEqualTo(OffsetDateTime.parse("2026-11-01T01:30-04:00"));
        }
    }
}
