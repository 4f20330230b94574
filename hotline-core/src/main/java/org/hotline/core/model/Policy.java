package org.hotline.core.model;

import org.hotline.core.time.Deadlines;

/**
 * The jurisdiction's rules the state machine consults: which limits apply to a ticket and how
 * deadlines are counted. Configuration data behind it (see {@code org.hotline.core.catalog}).
 */
public interface Policy {

    ClockLimits limitsFor(AppealType appealType, Urgency urgency, String categoryCode, Channel channel);

    Deadlines deadlines();
}
