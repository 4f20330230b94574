package org.hotline.core.time;

/**
 * The separate clocks of a ticket, each with its own start and stop: sign-for (派单 → 签收), first
 * contact with the citizen (派单 → 首次联系), handling (派单 → 回复) and the return window in which
 * a department may still say "not ours" (派单 → 退单期满). An assisting unit (协办单位) has its own
 * SIGN clock and an OPINION clock (派单 → 协办意见), kept with its {@code Assistance}, never in the
 * ticket's own clocks.
 */
public enum ClockName {
    SIGN("签收"),
    CONTACT("首次联系"),
    HANDLE("办理"),
    RETURN_WINDOW("退单期"),
    OPINION("协办意见");

    private final String label;

    ClockName(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
