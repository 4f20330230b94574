package org.hotline.core.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The China working calendar: Monday to Friday work, weekends off, except the days the State
 * Council publishes each year: public holidays (off) and make-up working days (调休, work on a
 * weekend). Years are added as data ({@link #withYear}); a year without data falls back to plain
 * weekends, which {@link #knowsYear} lets callers report.
 */
public final class WorkCalendar {

    /** One published day: a holiday when {@code offDay}, a make-up working day otherwise. */
    public record SpecialDay(LocalDate date, String name, boolean offDay) {
        public SpecialDay {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(name, "name");
        }
    }

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final ZoneId zone;
    private final Map<LocalDate, SpecialDay> special;
    private final Set<Integer> years;

    private WorkCalendar(ZoneId zone, Map<LocalDate, SpecialDay> special, Set<Integer> years) {
        this.zone = zone;
        this.special = Map.copyOf(special);
        this.years = Set.copyOf(years);
    }

    /** Weekends only, no published year yet. */
    public static WorkCalendar weekendsOnly(ZoneId zone) {
        return new WorkCalendar(Objects.requireNonNull(zone, "zone"), Map.of(), Set.of());
    }

    /** A new calendar that also knows {@code year}'s days, replacing what it knew of that year. */
    public WorkCalendar withYear(int year, Iterable<SpecialDay> days) {
        Map<LocalDate, SpecialDay> next = new HashMap<>(special);
        next.keySet().removeIf(date -> date.getYear() == year);
        for (SpecialDay day : days) {
            if (day.date().getYear() != year) {
                throw new IllegalArgumentException("day " + day.date() + " is not in year " + year);
            }
            next.put(day.date(), day);
        }
        Set<Integer> nextYears = new TreeSet<>(years);
        nextYears.add(year);
        return new WorkCalendar(zone, next, nextYears);
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean knowsYear(int year) {
        return years.contains(year);
    }

    public Set<Integer> years() {
        return new TreeSet<>(years);
    }

    public boolean isWorkingDay(LocalDate date) {
        SpecialDay day = special.get(date);
        if (day != null) {
            return !day.offDay();
        }
        DayOfWeek weekday = date.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    /** The published holiday or make-up day on that date, if any. */
    public Optional<SpecialDay> special(LocalDate date) {
        return Optional.ofNullable(special.get(date));
    }
}
