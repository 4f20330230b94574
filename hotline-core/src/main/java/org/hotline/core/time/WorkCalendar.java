package org.hotline.core.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The China working calendar: Monday to Friday work, weekends off, except the days the State
 * Council publishes each year: public holidays (off) and make-up working days (调休, work on a
 * weekend). Years are added as data ({@link #withYear}); a year without data falls back to plain
 * weekends, which {@link #knowsYear} lets callers report. A year is known only with at least one
 * published day: an empty file is no data (the State Council always publishes holidays).
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
        if (!days.iterator().hasNext()) {
            throw new IllegalArgumentException(year + "年节假日文件没有任何日期：国务院每年公布的放假安排至少含元旦和春节");
        }
        Map<LocalDate, SpecialDay> next = new HashMap<>(special);
        next.keySet().removeIf(date -> date.getYear() == year);
        for (SpecialDay day : days) {
            if (day.date().getYear() != year) {
                throw new IllegalArgumentException("日期 " + day.date() + " 不在" + year + "年内");
            }
            if (next.put(day.date(), day) != null) {
                throw new IllegalArgumentException(year + "年节假日文件中日期 " + day.date() + " 重复");
            }
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

    /** Whether every year from {@code first} to {@code last} has official data. */
    public boolean knowsEveryYear(int first, int last) {
        for (int year = first; year <= last; year++) {
            if (!knowsYear(year)) {
                return false;
            }
        }
        return true;
    }

    /**
     * What an administrator must be told about the calendar on {@code today}: the current year without
     * official data, and from 1 November the next one (the State Council publishes it around then).
     */
    public List<String> warnings(LocalDate today) {
        List<String> warnings = new ArrayList<>();
        if (!knowsYear(today.getYear())) {
            warnings.add("缺少" + today.getYear() + "年节假日数据：按工作日计的时限仅按周末计算，截止时间均为暂定，请上传国务院公布的放假安排");
        }
        if (today.getMonthValue() >= 11 && !knowsYear(today.getYear() + 1)) {
            warnings.add("缺少" + (today.getYear() + 1) + "年节假日数据：跨年的截止时间为暂定，请在国务院公布后上传" + (today.getYear() + 1) + "年放假安排");
        }
        return warnings;
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
