package com.clientservices.desk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The {@code slaCalendar} bean as the BPMN timers see it, built from {@code desk.sla.*}. */
class BusinessCalendarConfigurationTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(SlaConfiguration.class, BusinessCalendar.class);

    private static Instant at(String isoWithOffset) {
        return OffsetDateTime.parse(isoWithOffset).toInstant();
    }

    @Test
    void withoutPropertiesTheProductDefaultsApply() {
        context.run(ctx -> {
            assertThat(ctx).hasSingleBean(BusinessCalendar.class);
            BusinessCalendar calendar = ctx.getBean("slaCalendar", BusinessCalendar.class);
            assertThat(calendar.acknowledgeBy(at("2026-10-09T10:30-04:00"), false))
                    .isEqualTo(OffsetDateTime.parse("2026-10-13T10:30-04:00"));
        });
    }

    @Test
    void extraClosedDaysAndHoursComeFromConfiguration() {
        context.withPropertyValues(
                        "desk.sla.zone=America/Chicago",
                        "desk.sla.opening=08:00",
                        "desk.sla.closing=17:00",
                        "desk.sla.working-days=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY",
                        "desk.sla.holiday-calendar=UNITED_STATES",
                        "desk.sla.extra-closed-days=2026-12-24,2026-12-31")
                .run(ctx -> {
                    BusinessCalendar calendar = ctx.getBean("slaCalendar", BusinessCalendar.class);
                    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-12-24")))
                            .isFalse();
                    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-12-31")))
                            .isFalse();
                    // Wed 07:30 Chicago is before opening: due at 08:00 the same day.
                    assertThat(calendar.acknowledgeBy(at("2026-12-23T07:30-06:00"), false))
                            .isEqualTo(OffsetDateTime.parse("2026-12-23T08:00-06:00"));
                    // Wed 16:00 Chicago: Thu closed by configuration, Fri Christmas, due Monday.
                    assertThat(calendar.acknowledgeBy(at("2026-12-23T16:00-06:00"), false))
                            .isEqualTo(OffsetDateTime.parse("2026-12-28T16:00-06:00"));
                });
    }

    @Test
    void closingBeforeOpeningIsRejectedAtStartup() {
        context.withPropertyValues("desk.sla.opening=18:00", "desk.sla.closing=09:00")
                .run(ctx -> assertThat(ctx).hasFailed());
    }
}
