package org.hotline.core.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes a clock's deadline and yellow-card time from its history: the limit plus approved
 * extensions is counted over the intervals in which the clock ran, on the working calendar when
 * the limit is in working days. Every result carries its {@link Derivation}.
 */
public final class Deadlines {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int MAX_LISTED_DAYS = 20;

    private final WorkCalendar calendar;
    private final YellowRule yellowRule;

    public Deadlines(WorkCalendar calendar, YellowRule yellowRule) {
        this.calendar = calendar;
        this.yellowRule = yellowRule;
    }

    public WorkCalendar calendar() {
        return calendar;
    }

    public YellowRule yellowRule() {
        return yellowRule;
    }

    public ClockStatus compute(ClockTrack track) {
        boolean workingDays = track.limit().countsWorkingDays();
        CountedTime counted = new CountedTime(calendar, workingDays);
        List<String> steps = new ArrayList<>();
        steps.add("起算：" + show(track.startedAt()));
        steps.add("时限：" + track.limit().describe() + (workingDays ? "（按工作日计，节假日不计、调休上班日计入）" : "（按自然时间计）"));
        List<Instant[]> intervals = new ArrayList<>();
        Duration total = walk(track, intervals, steps);
        Duration consumed = consumedInClosed(intervals, counted);
        Instant due = pointAt(intervals, total, counted, track.isStopped());
        Duration yellowRemaining = yellowRule.remainingAt(workingDays, total);
        Instant yellow = pointAt(intervals, total.minus(yellowRemaining), counted, track.isStopped());
        if (workingDays && due != null) {
            listNonWorkingDays(track.startedAt(), due, steps);
        }
        steps.add(due == null ? "截止：暂停中，恢复后顺延（剩余" + hours(total.minus(consumed)) + "）" : "截止：" + show(due));
        if (yellow != null) {
            steps.add("黄牌预警：" + show(yellow) + "（剩余" + hours(yellowRemaining) + "）");
        }
        LocalDate from = track.startedAt().atZone(calendar.zone()).toLocalDate();
        LocalDate to = (due != null ? due : track.startedAt()).atZone(calendar.zone()).toLocalDate();
        boolean provisional = workingDays && !calendar.knowsEveryYear(from.getYear(), to.getYear());
        return new ClockStatus(track.startedAt(), due, yellow, track.stoppedAt(), track.isPaused(),
                total.minus(consumed), new Derivation(steps), provisional);
    }

    /**
     * Collects the intervals in which the clock ran (the last one open-ended, {@code null}, while
     * it runs) and returns the limit plus every approved extension.
     */
    private Duration walk(ClockTrack track, List<Instant[]> intervals, List<String> steps) {
        Duration total = track.limit().asDuration();
        Instant openedAt = null;
        for (ClockMark mark : track.marks()) {
            switch (mark.kind()) {
                case START -> openedAt = mark.at();
                case RESUME -> {
                    openedAt = mark.at();
                    steps.add("恢复计时：" + show(mark.at()));
                }
                case PAUSE, STOP -> {
                    if (openedAt != null) {
                        intervals.add(new Instant[] {openedAt, mark.at()});
                    }
                    openedAt = null;
                    steps.add((mark.kind() == ClockMark.Kind.PAUSE ? "暂停计时：" : "停止计时：") + show(mark.at()));
                }
                case EXTEND -> {
                    total = total.plus(mark.extension().asDuration());
                    steps.add("延期：+" + mark.extension().describe() + "（" + show(mark.at()) + " 批准）");
                }
            }
        }
        if (openedAt != null) {
            intervals.add(new Instant[] {openedAt, null});
        }
        return total;
    }

    /**
     * The instant at which {@code target} counted time is reached over the intervals. A stopped
     * clock that never reached it gets the hypothetical deadline as if it had kept running after
     * the stop; a paused one has none yet.
     */
    private static Instant pointAt(List<Instant[]> intervals, Duration target, CountedTime counted, boolean stopped) {
        Duration consumed = Duration.ZERO;
        for (Instant[] interval : intervals) {
            Duration length = interval[1] == null ? null : counted.between(interval[0], interval[1]);
            if (length == null || consumed.plus(length).compareTo(target) >= 0) {
                return counted.advance(interval[0], target.minus(consumed));
            }
            consumed = consumed.plus(length);
        }
        if (stopped && !intervals.isEmpty()) {
            return counted.advance(intervals.get(intervals.size() - 1)[1], target.minus(consumed));
        }
        return null;
    }

    private static Duration consumedInClosed(List<Instant[]> intervals, CountedTime counted) {
        Duration consumed = Duration.ZERO;
        for (Instant[] interval : intervals) {
            if (interval[1] != null) {
                consumed = consumed.plus(counted.between(interval[0], interval[1]));
            }
        }
        return consumed;
    }

    private void listNonWorkingDays(Instant from, Instant to, List<String> steps) {
        LocalDate first = from.atZone(calendar.zone()).toLocalDate();
        LocalDate last = to.atZone(calendar.zone()).toLocalDate();
        int listed = 0;
        for (LocalDate day = first; !day.isAfter(last) && listed < MAX_LISTED_DAYS; day = day.plusDays(1)) {
            String name = calendar.special(day).map(WorkCalendar.SpecialDay::name).orElse("周末");
            if (!calendar.isWorkingDay(day)) {
                steps.add("不计：" + day + " " + name);
                listed++;
            } else if (calendar.special(day).isPresent()) {
                steps.add("计入：" + day + " " + name + "调休上班");
            }
        }
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            if (!calendar.knowsYear(year)) {
                steps.add("注意：缺少" + year + "年节假日数据，仅按周末计算，截止时间为暂定");
            }
        }
    }

    private String show(Instant at) {
        return SHOWN.format(at.atZone(calendar.zone()));
    }

    private static String hours(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes % 60 == 0 ? (minutes / 60) + "小时" : (minutes / 60) + "小时" + Math.abs(minutes % 60) + "分";
    }
}
