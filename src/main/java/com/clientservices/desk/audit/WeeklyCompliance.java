package com.clientservices.desk.audit;

import com.clientservices.desk.identity.DeskGroups;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * SLA targets met, missed and still running per team, issue kind and week of a period, from the SLA report: what the
 * compliance page draws and writes out (docs/specification.md §3, §13, §14). Weeks run Monday to Sunday in the desk's
 * zone and are cut to the period, so the weeks of a team add up to the report of the whole period.
 */
@Component
public class WeeklyCompliance {

    /** A year of weeks: one query of the SLA report each, and more would not be read as bars anyway. */
    static final int MOST_WEEKS = 53;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.US);
    private static final DateTimeFormatter DAY_AND_YEAR = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.US);
    private static final String NO_TEAM = "No team";

    private final SlaReport report;

    WeeklyCompliance(SlaReport report) {
        this.report = report;
    }

    /**
     * The tickets submitted from {@code from} to {@code to} (both included), per team (only {@code team}'s when one is
     * given, and then even when it had none) and week.
     */
    List<Team> between(LocalDate from, LocalDate to, String team) {
        var weeks = weeks(from, to);
        Map<String, List<Week>> byTeam = new LinkedHashMap<>();
        if (team != null) {
            byTeam.put(team, empty(weeks));
        }
        for (int i = 0; i < weeks.size(); i++) {
            var week = weeks.get(i);
            for (var row : report.between(week.first(), week.last())) {
                var id = row.team() == null ? NO_TEAM : row.team();
                if (team != null && !team.equals(id)) {
                    continue;
                }
                var teamWeeks = byTeam.computeIfAbsent(id, key -> empty(weeks));
                teamWeeks.set(i, teamWeeks.get(i).plus(row));
            }
        }
        return byTeam.entrySet().stream()
                .map(entry -> Team.of(
                        DeskGroups.teamName(entry.getKey()).orElse(entry.getKey()), List.copyOf(entry.getValue())))
                .sorted(Comparator.comparing(Team::name))
                .toList();
    }

    /** How many weeks (or parts of one) the period spans. */
    static long weeksIn(LocalDate from, LocalDate to) {
        var firstMonday = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return (to.toEpochDay() - firstMonday.toEpochDay()) / 7 + 1;
    }

    /** The Monday {@code weeks - 1} weeks before the one of {@code day}: the start of the last {@code weeks} weeks. */
    static LocalDate mondayOfLast(LocalDate day, int weeks) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(weeks - 1L);
    }

    private static List<Week> weeks(LocalDate from, LocalDate to) {
        var weeks = new ArrayList<Week>();
        for (var first = from; !first.isAfter(to); ) {
            var sunday = first.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            var last = sunday.isAfter(to) ? to : sunday;
            weeks.add(new Week(first, last, Figures.NONE, Figures.NONE));
            first = last.plusDays(1);
        }
        return weeks;
    }

    private static List<Week> empty(List<Week> weeks) {
        return new ArrayList<>(weeks);
    }

    /** One team's weeks and its whole period; public, like its parts, because the page template reads it. */
    public record Team(String name, List<Week> weeks, Figures standard, Figures emergency) {

        static Team of(String name, List<Week> weeks) {
            return new Team(
                    name,
                    weeks,
                    weeks.stream().map(Week::standard).reduce(Figures.NONE, Figures::plus),
                    weeks.stream().map(Week::emergency).reduce(Figures.NONE, Figures::plus));
        }

        public Figures all() {
            return standard.plus(emergency);
        }
    }

    /** A week, or the part of one in the period, and its targets per issue kind (docs/specification.md §3). */
    public record Week(LocalDate first, LocalDate last, Figures standard, Figures emergency) {

        Week plus(SlaReport.Row row) {
            var figures = new Figures(row.targetsMet(), row.targetsMissed(), row.targetsOpen());
            return "EMERGENCY".equals(row.issueKind())
                    ? new Week(first, last, standard, emergency.plus(figures))
                    : new Week(first, last, standard.plus(figures), emergency);
        }

        /** {@code Mon 23 Nov}: the week on the chart's axis. */
        public String label() {
            return first.format(DAY);
        }

        /** {@code Mon 23 Nov to Sun 29 Nov 2026}, or the one day. */
        public String span() {
            return first.equals(last)
                    ? last.format(DAY_AND_YEAR)
                    : first.format(first.getYear() == last.getYear() ? DAY : DAY_AND_YEAR) + " to "
                            + last.format(DAY_AND_YEAR);
        }

        public Figures all() {
            return standard.plus(emergency);
        }
    }

    /** Targets met, missed and still running; only met and missed ones count for the share met. */
    public record Figures(long met, long missed, long running) {

        static final Figures NONE = new Figures(0, 0, 0);

        Figures plus(Figures other) {
            return new Figures(met + other.met, missed + other.missed, running + other.running);
        }

        public long decided() {
            return met + missed;
        }

        /**
         * The share met in whole percent, absent when nothing was decided; never rounded up to 100 % with a miss nor
         * down to 0 % with a target met, so a reader never sees a perfect or empty week that was not.
         */
        public Integer percent() {
            if (decided() == 0) {
                return null;
            }
            var percent = (int) Math.round(100.0 * met / decided());
            if (missed > 0 && percent == 100) {
                return 99;
            }
            return met > 0 && percent == 0 ? 1 : percent;
        }

        /** {@code met 12 of 14 (86 %)}, {@code met 3 of 3 (100 %), 1 still running}, {@code no targets}. */
        public String words() {
            var running = this.running == 0 ? "" : this.running + " still running";
            if (decided() == 0) {
                return running.isEmpty() ? "no targets" : "none decided, " + running;
            }
            return "met " + met + " of " + decided() + " (" + percent() + " %)"
                    + (running.isEmpty() ? "" : ", " + running);
        }
    }
}
