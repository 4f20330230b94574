package org.hotline.core.catalog;

import java.util.List;
import java.util.Objects;
import org.hotline.core.model.AppealType;
import org.hotline.core.model.Channel;
import org.hotline.core.model.ClockLimits;
import org.hotline.core.model.Policy;
import org.hotline.core.model.Urgency;
import org.hotline.core.time.Deadlines;

/**
 * The jurisdiction's time-limit table: the first rule that matches wins, like a firewall, so an
 * administrator reads it top-down (特急 before 水电气暖 before 一般). The last rule must match
 * everything so every ticket has limits.
 */
public final class TimeLimitTable implements Policy {

    private final List<TimeLimitRule> rules;
    private final Deadlines deadlines;

    public TimeLimitTable(List<TimeLimitRule> rules, Deadlines deadlines) {
        this.rules = List.copyOf(rules);
        this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
        if (this.rules.isEmpty()) {
            throw new IllegalArgumentException("the time-limit table needs at least one rule");
        }
        TimeLimitRule last = this.rules.get(this.rules.size() - 1);
        if (!last.appealTypes().isEmpty() || !last.urgencies().isEmpty() || !last.categoryPrefixes().isEmpty()
                || !last.channels().isEmpty()) {
            throw new IllegalArgumentException("the last time-limit rule must match every ticket, was " + last.name());
        }
    }

    public List<TimeLimitRule> rules() {
        return rules;
    }

    /** The rule that applies, for showing "why these limits". */
    public TimeLimitRule ruleFor(AppealType appealType, Urgency urgency, String categoryCode, Channel channel) {
        for (TimeLimitRule rule : rules) {
            if (rule.matches(appealType, urgency, categoryCode, channel)) {
                return rule;
            }
        }
        return rules.get(rules.size() - 1);
    }

    @Override
    public ClockLimits limitsFor(AppealType appealType, Urgency urgency, String categoryCode, Channel channel) {
        return ruleFor(appealType, urgency, categoryCode, channel).limits();
    }

    @Override
    public Deadlines deadlines() {
        return deadlines;
    }

    /** The same rules counted on another calendar (e.g. after an administrator added a year). */
    public TimeLimitTable withDeadlines(Deadlines next) {
        return new TimeLimitTable(rules, next);
    }
}
