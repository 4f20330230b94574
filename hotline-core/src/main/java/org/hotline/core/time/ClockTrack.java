package org.hotline.core.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A clock's limit and its history (start, pauses, resumes, extensions, stop). Deadlines are always
 * computed from this history by {@link Deadlines}, never stored as the truth, so paused time and
 * extensions cannot be lost. A reassignment or a re-handle starts a new track. {@code alarms} are the
 * SLA alarms already recorded for the current deadline (at most a yellow and a red one).
 */
public record ClockTrack(TimeLimit limit, List<ClockMark> marks, List<ClockAlarm> alarms) {

    public ClockTrack {
        Objects.requireNonNull(limit, "limit");
        marks = List.copyOf(marks);
        alarms = alarms == null ? List.of() : List.copyOf(alarms);
        if (marks.isEmpty() || marks.get(0).kind() != ClockMark.Kind.START) {
            throw new IllegalArgumentException("a clock track begins with its START mark");
        }
    }

    /** A track with no alarm recorded yet (a new clock, or a snapshot from before alarms were kept). */
    public ClockTrack(TimeLimit limit, List<ClockMark> marks) {
        this(limit, marks, List.of());
    }

    public static ClockTrack start(TimeLimit limit, Instant at) {
        return new ClockTrack(limit, List.of(ClockMark.of(ClockMark.Kind.START, at)));
    }

    public Instant startedAt() {
        return marks.get(0).at();
    }

    public boolean isStopped() {
        return last().kind() == ClockMark.Kind.STOP;
    }

    public boolean isPaused() {
        return last().kind() == ClockMark.Kind.PAUSE;
    }

    public boolean isRunning() {
        return !isStopped() && !isPaused();
    }

    public Instant stoppedAt() {
        return isStopped() ? last().at() : null;
    }

    public ClockTrack pause(Instant at) {
        return isRunning() ? with(ClockMark.of(ClockMark.Kind.PAUSE, at)) : this;
    }

    public ClockTrack resume(Instant at) {
        return isPaused() ? with(ClockMark.of(ClockMark.Kind.RESUME, at)) : this;
    }

    /** Stops a running or paused clock; a stopped clock stays as it was. */
    public ClockTrack stop(Instant at) {
        return isStopped() ? this : with(ClockMark.of(ClockMark.Kind.STOP, at));
    }

    /** Continues a stopped clock (a reply sent back by review): the time in between does not count. */
    public ClockTrack restartAfterStop(Instant at) {
        return isStopped() ? with(ClockMark.of(ClockMark.Kind.RESUME, at)) : this;
    }

    public ClockTrack extend(TimeLimit amount, Instant at) {
        return with(new ClockMark(ClockMark.Kind.EXTEND, at, amount));
    }

    public boolean hasRecorded(boolean overdue, Instant dueAt) {
        return alarms.stream().anyMatch(a -> a.matches(overdue, dueAt));
    }

    /**
     * Remembers an alarm recorded for {@code dueAt}; alarms of an earlier deadline (moved by an
     * extension or a pause) are dropped, since the scheduler only fires the current one.
     */
    public ClockTrack recordAlarm(boolean overdue, Instant dueAt) {
        List<ClockAlarm> next = new ArrayList<>();
        alarms.stream().filter(a -> a.dueAt().toEpochMilli() == dueAt.toEpochMilli()).forEach(next::add);
        next.add(new ClockAlarm(overdue, dueAt));
        return new ClockTrack(limit, marks, next);
    }

    private ClockMark last() {
        return marks.get(marks.size() - 1);
    }

    private ClockTrack with(ClockMark mark) {
        if (mark.at().isBefore(last().at())) {
            throw new IllegalArgumentException("clock marks go forward in time");
        }
        List<ClockMark> next = new ArrayList<>(marks);
        next.add(mark);
        return new ClockTrack(limit, next, alarms);
    }
}
