package com.clientservices.desk.audit;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** SLA targets met and missed per team per week, from the SLA report, for the audit page's chart. */
@Component
public class WeeklyCompliance {

    private final SlaReport report;

    WeeklyCompliance(SlaReport report) {
        this.report = report;
    }

    /** The {@code weeks} weeks (Monday to Sunday) up to and including the one of {@code day}. */
    List<Team> upTo(LocalDate day, int weeks) {
        var lastMonday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Map<String, Team> teams = new TreeMap<>();
        for (int i = weeks - 1; i >= 0; i--) {
            var monday = lastMonday.minusWeeks(i);
            var index = weeks - 1 - i;
            for (var row : report.between(monday, monday.plusDays(6))) {
                var team = teams.computeIfAbsent(
                        row.team() == null ? "(none)" : row.team(), name -> new Team(name, weeks, lastMonday));
                team.weeks().get(index).add(row.targetsMet(), row.targetsMissed());
            }
        }
        return List.copyOf(teams.values());
    }

    /** One team's weeks; public because the page template reads it. */
    public record Team(String name, List<Week> weeks) {

        Team(String name, int count, LocalDate lastMonday) {
            this(name, new ArrayList<>());
            for (int i = count - 1; i >= 0; i--) {
                weeks.add(new Week(lastMonday.minusWeeks(i)));
            }
        }

        public long highest() {
            return Math.max(
                    1,
                    weeks.stream()
                            .mapToLong(week -> week.met + week.missed)
                            .max()
                            .orElse(1));
        }
    }

    public static final class Week {

        private final LocalDate monday;
        private long met;
        private long missed;

        Week(LocalDate monday) {
            this.monday = monday;
        }

        void add(long met, long missed) {
            this.met += met;
            this.missed += missed;
        }

        public LocalDate getMonday() {
            return monday;
        }

        public long getMet() {
            return met;
        }

        public long getMissed() {
            return missed;
        }
    }
}
