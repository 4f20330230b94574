package org.hotline.telephony;

import java.time.Duration;
import java.util.Optional;

/**
 * 话后整理 (wrap-up) as the backend applies it: after each queue call the agent is paused with the
 * reason {@value AgentBoard#WRAP_UP_REASON} for {@code length}, then made ready again, unless the
 * agent meanwhile left wrap-up (paused for another reason, logged out, or made ready by hand).
 * Plain rules: the verticle runs the AMI actions and the timer.
 */
final class WrapUp {

    private final Duration length;

    WrapUp(Duration length) {
        this.length = length;
    }

    Duration length() {
        return length;
    }

    /** The agent whose wrap-up starts with this event (a queue call completed), if any. */
    Optional<String> startsWith(AmiEvent e) {
        if (length.isZero() || !e.is("agentcomplete") || e.get("membername").isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(e.get("membername"));
    }

    /** At the end of the wrap-up time: make the agent ready only if still in wrap-up. */
    boolean endsFor(AgentBoard.State now) {
        return now == AgentBoard.State.WRAP_UP;
    }
}
