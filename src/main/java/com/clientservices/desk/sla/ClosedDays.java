package com.clientservices.desk.sla;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.net.URL;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Dates on which the desk is closed although they fall on a working weekday: the public holidays
 * of a Jollyday calendar (national level only, no state days), holidays from extra Jollyday rule
 * files, and single configured dates. Computed once per year and cached.
 */
final class ClosedDays {

    private final List<HolidayManager> holidaySources;
    private final Set<LocalDate> extraClosedDays;
    private final ConcurrentMap<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

    ClosedDays(HolidayCalendar calendar, Collection<String> extraHolidayRules, Collection<LocalDate> extraClosedDays) {
        List<HolidayManager> sources = new ArrayList<>();
        sources.add(HolidayManager.getInstance(ManagerParameters.create(calendar)));
        for (String rules : extraHolidayRules) {
            sources.add(HolidayManager.getInstance(ManagerParameters.create(resource(rules))));
        }
        this.holidaySources = List.copyOf(sources);
        this.extraClosedDays = Set.copyOf(extraClosedDays);
    }

    boolean contains(LocalDate day) {
        return inYear(day.getYear()).contains(day);
    }

    /** All closed dates of one calendar year. */
    Set<LocalDate> inYear(int year) {
        return byYear.computeIfAbsent(year, this::load);
    }

    private Set<LocalDate> load(int year) {
        Set<LocalDate> closed = new HashSet<>();
        // Jollyday files a moved holiday under the year of its actual date, with getDate() being
        // the observed day: New Year's Day 2028 (a Saturday) comes back from year 2028 as
        // 2027-12-31. So neighbouring years are asked too, and only the observed date is kept.
        for (int source = year - 1; source <= year + 1; source++) {
            for (HolidayManager manager : holidaySources) {
                // PUBLIC_HOLIDAY only: observances are marked in calendars but offices stay open.
                for (Holiday holiday : manager.getHolidays(Year.of(source), HolidayType.PUBLIC_HOLIDAY)) {
                    if (holiday.getDate().getYear() == year) {
                        closed.add(holiday.getDate());
                    }
                }
            }
        }
        extraClosedDays.stream().filter(day -> day.getYear() == year).forEach(closed::add);
        return Set.copyOf(closed);
    }

    private static URL resource(String location) {
        String path = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
        path = path.startsWith("/") ? path.substring(1) : path;
        URL url = ClosedDays.class.getClassLoader().getResource(path);
        if (url == null) {
            throw new IllegalArgumentException("Holiday rule file not found on the classpath: " + location);
        }
        return url;
    }
}
