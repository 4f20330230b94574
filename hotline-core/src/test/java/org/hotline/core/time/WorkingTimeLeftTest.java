package org.hotline.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.hotline.core.wire.SeedLoader;
import org.junit.jupiter.api.Test;

/** Working time left to a deadline, on the same published calendar the deadline was computed on. */
class WorkingTimeLeftTest {

    private static final WorkCalendar CALENDAR = SeedLoader.fromClasspath().calendar();
    private static final Deadlines DEADLINES = new Deadlines(CALENDAR, YellowRule.DEFAULT);

    private static Instant beijing(String local) {
        return LocalDateTime.parse(local).atZone(WorkCalendar.CHINA).toInstant();
    }

    private static WorkingTimeLeft left(ClockTrack track, String now) {
        return WorkingTimeLeft.of(CALENDAR, track, DEADLINES.compute(track), beijing(now));
    }

    @Test
    void aWeekendIsNotCountedAndTheCountdownStandsStillOnIt() {
        // 1 working day from Friday 15:00 is due Monday 15:00; on Saturday noon 15 working hours (Monday until 15:00) are left
        WorkingTimeLeft left = left(ClockTrack.start(TimeLimit.workingDays(1), beijing("2026-11-20T15:00")), "2026-11-21T12:00");
        assertThat(left.remaining()).isEqualTo(Duration.ofHours(15));
        assertThat(left.countingNow()).isFalse();
        assertThat(left.countingChangesAt()).isEqualTo(beijing("2026-11-23T00:00"));
    }

    @Test
    void onAWorkingDayTheCountdownRunsUntilTheWeekendStarts() {
        WorkingTimeLeft left = left(ClockTrack.start(TimeLimit.workingDays(1), beijing("2026-11-20T15:00")), "2026-11-20T16:00");
        assertThat(left.remaining()).isEqualTo(Duration.ofHours(23));
        assertThat(left.countingNow()).isTrue();
        assertThat(left.countingChangesAt()).isEqualTo(beijing("2026-11-21T00:00"));
    }

    @Test
    void holidaysAreNotCountedAndTheMakeUpSaturdayIs() {
        // 2025: 1-8 October off, Saturday 11 October is a make-up working day; due 14 October 10:00
        ClockTrack track = ClockTrack.start(TimeLimit.workingDays(5), beijing("2025-09-30T10:00"));
        WorkingTimeLeft onHoliday = left(track, "2025-10-03T10:00");
        assertThat(onHoliday.remaining()).isEqualTo(Duration.ofDays(4).plusHours(10));
        assertThat(onHoliday.countingNow()).isFalse();
        assertThat(onHoliday.countingChangesAt()).isEqualTo(beijing("2025-10-09T00:00"));
        WorkingTimeLeft onMakeUpDay = left(track, "2025-10-11T10:00");
        assertThat(onMakeUpDay.remaining()).isEqualTo(Duration.ofDays(2));
        assertThat(onMakeUpDay.countingNow()).isTrue();
    }

    @Test
    void overdueTimeIsNegativeAndCountsOnlyWorkingTime() {
        // due Monday 23 November 15:00 is reached; by the next Saturday 4 working days and 9 hours are past
        WorkingTimeLeft left = left(ClockTrack.start(TimeLimit.workingDays(1), beijing("2026-11-20T15:00")), "2026-11-28T12:00");
        assertThat(left.remaining()).isEqualTo(Duration.ofDays(4).plusHours(9).negated());
        assertThat(left.countingNow()).isFalse();
    }

    @Test
    void naturalTimeLimitsAlwaysCount() {
        WorkingTimeLeft left = left(ClockTrack.start(TimeLimit.hours(2), beijing("2026-11-21T10:00")), "2026-11-21T11:30");
        assertThat(left.remaining()).isEqualTo(Duration.ofMinutes(30));
        assertThat(left.countingNow()).isTrue();
        assertThat(left.countingChangesAt()).isNull();
    }

    @Test
    void aPausedClockKeepsWhatWasLeftAtThePauseAndAStoppedOneHasNothing() {
        ClockTrack track = ClockTrack.start(TimeLimit.workingDays(5), beijing("2026-11-16T09:00"));
        WorkingTimeLeft paused = left(track.pause(beijing("2026-11-17T09:00")), "2026-11-19T09:00");
        assertThat(paused.remaining()).isEqualTo(Duration.ofDays(4));
        assertThat(paused.countingNow()).isFalse();
        assertThat(left(track.stop(beijing("2026-11-17T09:00")), "2026-11-19T09:00")).isNull();
    }

    @Test
    void betweenIsTheInverseOfTheDeadline() {
        ClockTrack track = ClockTrack.start(TimeLimit.workingDays(5), beijing("2025-09-30T10:00"));
        Instant due = DEADLINES.compute(track).dueAt();
        assertThat(WorkingTimeLeft.between(CALENDAR, true, track.startedAt(), due)).isEqualTo(Duration.ofDays(5));
        assertThat(WorkingTimeLeft.between(CALENDAR, true, due, track.startedAt())).isEqualTo(Duration.ofDays(5).negated());
    }
}
