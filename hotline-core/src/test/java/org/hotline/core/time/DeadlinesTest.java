package org.hotline.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.hotline.core.wire.SeedLoader;
import org.junit.jupiter.api.Test;

/** Working-day arithmetic on the published 2025/2026 calendars (weekends, holidays, 调休). */
class DeadlinesTest {

    private static final WorkCalendar CALENDAR = SeedLoader.fromClasspath().calendar();
    private static final Deadlines DEADLINES = new Deadlines(CALENDAR, YellowRule.DEFAULT);

    private static Instant beijing(String local) {
        return LocalDateTime.parse(local).atZone(WorkCalendar.CHINA).toInstant();
    }

    private static ClockStatus compute(ClockTrack track) {
        return DEADLINES.compute(track);
    }

    @Test
    void oneWorkingDayFromFridayAfternoonEndsOnMondayAfternoon() {
        assertThat(compute(ClockTrack.start(TimeLimit.workingDays(1), beijing("2026-11-20T15:00"))).dueAt())
                .isEqualTo(beijing("2026-11-23T15:00"));
    }

    @Test
    void aClockStartedOnSaturdayCountsFromMonday() {
        assertThat(compute(ClockTrack.start(TimeLimit.workingDays(1), beijing("2026-11-21T10:00"))).dueAt())
                .isEqualTo(beijing("2026-11-24T00:00"));
    }

    @Test
    void aDeadlineCountedThroughAYearWithoutOfficialDataIsProvisionalAndSaysWhy() {
        ClockStatus intoUnknown = compute(ClockTrack.start(TimeLimit.workingDays(5), beijing("2026-12-28T10:00")));
        ClockStatus known = compute(ClockTrack.start(TimeLimit.workingDays(5), beijing("2026-11-02T10:00")));
        ClockStatus naturalTime = compute(ClockTrack.start(TimeLimit.hours(72), beijing("2026-12-30T10:00")));

        assertThat(CALENDAR.knowsYear(2027)).as("the bundled 2027 file has no days: no data").isFalse();
        assertThat(intoUnknown.provisional()).isTrue();
        assertThat(intoUnknown.derivation().steps()).contains("注意：缺少2027年节假日数据，仅按周末计算，截止时间为暂定");
        assertThat(known.provisional()).isFalse();
        assertThat(naturalTime.provisional()).isFalse();
    }

    @Test
    void fromTheFirstOfNovemberAMissingNextYearIsAWarning() {
        assertThat(CALENDAR.warnings(java.time.LocalDate.parse("2026-10-31"))).isEmpty();
        assertThat(CALENDAR.warnings(java.time.LocalDate.parse("2026-11-01"))).singleElement().asString().contains("缺少2027年节假日数据");
        assertThat(CALENDAR.warnings(java.time.LocalDate.parse("2027-01-04"))).first().asString().contains("缺少2027年节假日数据");
    }

    @Test
    void nationalDayHolidaysDoNotCountAndTheMakeUpSaturdayDoes() {
        // 2025: 1-8 October off, Saturday 11 October is a make-up working day
        ClockStatus status = compute(ClockTrack.start(TimeLimit.workingDays(5), beijing("2025-09-30T10:00")));
        assertThat(status.dueAt()).isEqualTo(beijing("2025-10-14T10:00"));
        assertThat(status.derivation().steps()).contains("不计：2025-10-01 国庆节、中秋节", "计入：2025-10-11 国庆节、中秋节调休上班", "不计：2025-10-12 周末");
    }

    @Test
    void aMakeUpSundayIsAWorkingDay() {
        assertThat(CALENDAR.isWorkingDay(java.time.LocalDate.parse("2025-09-28"))).isTrue();
        assertThat(CALENDAR.isWorkingDay(java.time.LocalDate.parse("2025-10-06"))).isFalse();
        assertThat(compute(ClockTrack.start(TimeLimit.workingDays(1), beijing("2025-10-11T09:00"))).dueAt())
                .isEqualTo(beijing("2025-10-13T09:00"));
    }

    @Test
    void pausedTimeIsNotCounted() {
        ClockTrack track = ClockTrack.start(TimeLimit.workingDays(5), beijing("2026-11-16T09:00"))
                .pause(beijing("2026-11-17T09:00"));
        ClockStatus paused = compute(track);
        assertThat(paused.paused()).isTrue();
        assertThat(paused.dueAt()).isNull();
        assertThat(paused.remaining()).isEqualTo(Duration.ofDays(4));
        assertThat(compute(track.resume(beijing("2026-11-19T09:00"))).dueAt()).isEqualTo(beijing("2026-11-25T09:00"));
    }

    @Test
    void aPauseOverTheWeekendCostsOnlyItsWorkingTime() {
        ClockTrack track = ClockTrack.start(TimeLimit.workingDays(5), beijing("2026-11-16T09:00"))
                .pause(beijing("2026-11-20T09:00")).resume(beijing("2026-11-23T09:00"));
        assertThat(compute(track).dueAt()).isEqualTo(beijing("2026-11-24T09:00"));
    }

    @Test
    void anExtensionAddsWorkingDaysAcrossHolidays() {
        ClockTrack track = ClockTrack.start(TimeLimit.workingDays(5), beijing("2026-09-21T09:00"))
                .extend(TimeLimit.workingDays(3), beijing("2026-09-24T09:00"));
        // 21-24 Sep, then 25-27 中秋 off, 28-30 Sep: 5 days end 29 Sep, +3: 30 Sep, then 1-7 Oct off, 8, 9 Oct
        ClockStatus status = compute(track);
        assertThat(status.dueAt()).isEqualTo(beijing("2026-10-09T09:00"));
        assertThat(status.derivation().steps()).anyMatch(step -> step.startsWith("延期：+3个工作日"));
    }

    @Test
    void aReopenedClockCountsFromTheReopenAcrossTheHoliday() {
        ClockTrack reopened = ClockTrack.start(TimeLimit.workingDays(2), beijing("2026-09-30T16:00"));
        // 30 Sep 8h, 1-7 Oct off, 8 Oct 24h, 9 Oct 16h; Saturday 10 Oct is a make-up day but not needed
        assertThat(compute(reopened).dueAt()).isEqualTo(beijing("2026-10-09T16:00"));
    }

    @Test
    void aStoppedClockKeepsItsDeadlineWhateverTimeItIs() {
        ClockTrack track = ClockTrack.start(TimeLimit.hours(24), beijing("2026-11-16T09:00")).stop(beijing("2026-11-16T12:00"));
        ClockStatus status = compute(track);
        assertThat(status.dueAt()).isEqualTo(beijing("2026-11-17T09:00"));
        assertThat(status.stoppedAt()).isEqualTo(beijing("2026-11-16T12:00"));
        assertThat(status.running()).isFalse();
    }

    @Test
    void yellowCardAtOneWorkingDayLeftOrTwentyPercentOfShortLimits() {
        assertThat(compute(ClockTrack.start(TimeLimit.workingDays(5), beijing("2026-11-16T09:00"))).yellowAt())
                .isEqualTo(beijing("2026-11-20T09:00"));
        assertThat(compute(ClockTrack.start(TimeLimit.hours(2), beijing("2026-11-16T09:00"))).yellowAt())
                .isEqualTo(beijing("2026-11-16T10:36"));
        assertThat(compute(ClockTrack.start(TimeLimit.workingDays(1), beijing("2026-11-16T09:00"))).yellowAt())
                .isEqualTo(beijing("2026-11-17T04:12"));
    }

    @Test
    void aYearWithoutDataFallsBackToWeekendsAndSaysSo() {
        ClockStatus status = compute(ClockTrack.start(TimeLimit.workingDays(1), beijing("2028-01-03T09:00")));
        assertThat(status.dueAt()).isEqualTo(beijing("2028-01-04T09:00"));
        assertThat(status.derivation().steps()).contains("注意：缺少2028年节假日数据，仅按周末计算，截止时间为暂定");
        assertThat(status.provisional()).isTrue();
    }

    @Test
    void aYearAddedAtRuntimeChangesTheCount() {
        WorkCalendar with2028 = CALENDAR.withYear(2028, java.util.List.of(
                new WorkCalendar.SpecialDay(java.time.LocalDate.parse("2028-01-03"), "元旦", true)));
        ClockStatus status = new Deadlines(with2028, YellowRule.DEFAULT)
                .compute(ClockTrack.start(TimeLimit.workingDays(1), beijing("2028-01-03T09:00")));
        assertThat(status.dueAt()).isEqualTo(beijing("2028-01-05T00:00"));
        assertThat(with2028.knowsYear(2028)).isTrue();
    }

    @Test
    void timeLimitsParseTheirConfigurationForm() {
        assertThat(TimeLimit.parse("30m")).isEqualTo(TimeLimit.minutes(30));
        assertThat(TimeLimit.parse("5wd").code()).isEqualTo("5wd");
        assertThat(TimeLimit.parse("24h").describe()).isEqualTo("24小时");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TimeLimit.parse("5 days"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
