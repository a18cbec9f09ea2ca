package com.clientservices.desk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.audit.WeeklyCompliance.Figures;
import com.clientservices.desk.audit.WeeklyCompliance.Week;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** How the compliance page says a week's figures (docs/specification.md §13): in words, dates as people read them. */
class WeeklyComplianceTest {

    @Test
    void figuresReadAsTargetsMetOfThoseDecidedWithTheRunningOnesApart() {
        assertThat(new Figures(12, 2, 0).words()).isEqualTo("met 12 of 14 (86 %)");
        assertThat(new Figures(3, 0, 1).words()).isEqualTo("met 3 of 3 (100 %), 1 still running");
        assertThat(new Figures(0, 0, 2).words()).isEqualTo("none decided, 2 still running");
        assertThat(new Figures(0, 0, 0).words()).isEqualTo("no targets");
        assertThat(new Figures(0, 0, 0).percent()).isNull();
    }

    @Test
    void aSingleMissIsNeverRoundedUpToAPerfectWeekNorASingleMetDownToNothing() {
        assertThat(new Figures(199, 1, 0).percent()).isEqualTo(99);
        assertThat(new Figures(1, 199, 0).percent()).isEqualTo(1);
        assertThat(new Figures(1, 1, 0).percent()).isEqualTo(50);
    }

    @Test
    void weeksAreNamedByTheirFirstDayAndSpanToTheirLast() {
        var week = new Week(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 29), Figures.NONE, Figures.NONE);
        assertThat(week.label()).isEqualTo("Mon 23 Nov");
        assertThat(week.span()).isEqualTo("Mon 23 Nov to Sun 29 Nov 2026");
        var turnOfYear = new Week(LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 3), Figures.NONE, Figures.NONE);
        assertThat(turnOfYear.span()).isEqualTo("Mon 28 Dec 2026 to Sun 3 Jan 2027");
    }

    @Test
    void aPeriodIsCountedInTheMondayToSundayWeeksItTouches() {
        // Tue 1 Dec 2026: the last 8 weeks start on Monday 12 October.
        assertThat(WeeklyCompliance.mondayOfLast(LocalDate.of(2026, 12, 1), 8)).isEqualTo(LocalDate.of(2026, 10, 12));
        assertThat(WeeklyCompliance.weeksIn(LocalDate.of(2026, 10, 12), LocalDate.of(2026, 12, 1)))
                .isEqualTo(8);
        assertThat(WeeklyCompliance.weeksIn(LocalDate.of(2026, 11, 29), LocalDate.of(2026, 11, 30)))
                .as("a Sunday and the Monday after")
                .isEqualTo(2);
    }
}
