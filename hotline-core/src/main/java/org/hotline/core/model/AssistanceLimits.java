package org.hotline.core.model;

import java.util.EnumMap;
import java.util.Map;
import org.hotline.core.time.ClockName;
import org.hotline.core.time.TimeLimit;

/**
 * The assisting units' limits (docs/api.md, 主办与协办), derived from the ticket's own: an assisting
 * unit signs within the same limit as the lead (e.g. 1 working day), and gives its opinion within
 * half the lead's handling limit, rounded up in the same unit (5 working days → 3, 15 → 8, 2 hours →
 * 1), so the lead keeps the other half to work the opinions into its reply. The seed regulations set
 * no separate 协办 limit; this rule follows the handling limit wherever a catalog or policy moves it.
 */
final class AssistanceLimits {

    private AssistanceLimits() {
    }

    static Map<ClockName, TimeLimit> of(ClockLimits limits) {
        Map<ClockName, TimeLimit> out = new EnumMap<>(ClockName.class);
        limits.limit(ClockName.SIGN).ifPresent(sign -> out.put(ClockName.SIGN, sign));
        limits.limit(ClockName.HANDLE).ifPresent(handle -> out.put(ClockName.OPINION, half(handle)));
        return out;
    }

    static TimeLimit half(TimeLimit limit) {
        return new TimeLimit((limit.amount() + 1) / 2, limit.unit());
    }
}
