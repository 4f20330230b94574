package org.hotline.core.model;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hotline.core.time.ClockName;
import org.hotline.core.time.TimeLimit;

/**
 * The limits that apply to one ticket: a limit per clock (a clock without a limit does not run,
 * e.g. no return window for emergencies), and how many extensions of at most what length may be
 * granted (0 = none).
 */
public record ClockLimits(Map<ClockName, TimeLimit> limits, int maxExtensions, TimeLimit maxExtension) {

    public ClockLimits {
        limits = Map.copyOf(limits);
        if (maxExtensions < 0) {
            throw new IllegalArgumentException("maxExtensions must be >= 0");
        }
        if (maxExtensions > 0) {
            Objects.requireNonNull(maxExtension, "maxExtension");
        }
    }

    public Optional<TimeLimit> limit(ClockName clock) {
        return Optional.ofNullable(limits.get(clock));
    }

    public static ClockLimits of(TimeLimit sign, TimeLimit contact, TimeLimit handle, TimeLimit returnWindow,
                                 int maxExtensions, TimeLimit maxExtension) {
        Map<ClockName, TimeLimit> map = new EnumMap<>(ClockName.class);
        putIfSet(map, ClockName.SIGN, sign);
        putIfSet(map, ClockName.CONTACT, contact);
        putIfSet(map, ClockName.HANDLE, handle);
        putIfSet(map, ClockName.RETURN_WINDOW, returnWindow);
        return new ClockLimits(map, maxExtensions, maxExtension);
    }

    private static void putIfSet(Map<ClockName, TimeLimit> map, ClockName clock, TimeLimit limit) {
        if (limit != null) {
            map.put(clock, limit);
        }
    }
}
