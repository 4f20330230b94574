package org.hotline.telephony;

import java.time.Instant;

/** What the call tracker tells the rest of the module after an AMI event. */
public sealed interface CallSignal {

    /** An agent answered: time for the screen pop. {@code at} is Asterisk's own time of the answer. */
    record Answered(String callId, String caller, String queue, String agentId, Instant at) implements CallSignal {
    }

    /** The citizen answered an outbound call placed for {@code purpose} (e.g. callback:<callId>). */
    record OutboundAnswered(String callId, String purpose, String agentId, String phone) implements CallSignal {
    }

    /** Every caller-side channel hung up; the record is final after a short grace period. */
    record Ended(String callId) implements CallSignal {
    }

    /** A caller started waiting in a queue (time to fetch the caller's history for the screen pop). */
    record Queued(String callId, String caller, String queue, Instant at) implements CallSignal {
    }

    /** A caller stopped waiting (answered, abandoned or timed out). */
    record LeftQueue(String callId, String queue) implements CallSignal {
    }
}
