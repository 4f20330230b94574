package org.hotline.core.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hotline.core.model.AppealType;
import org.hotline.core.model.Channel;
import org.hotline.core.model.ClockLimits;
import org.hotline.core.model.Urgency;

/**
 * One row of the time-limit table. An empty criterion matches anything; category prefixes match
 * the start of the 6-digit code ({@code "11"} = every 水电气暖 matter).
 */
public record TimeLimitRule(
        String name, Set<AppealType> appealTypes, Set<Urgency> urgencies, List<String> categoryPrefixes,
        Set<Channel> channels, ClockLimits limits) {

    public TimeLimitRule {
        Objects.requireNonNull(name, "name");
        appealTypes = Set.copyOf(appealTypes);
        urgencies = Set.copyOf(urgencies);
        categoryPrefixes = List.copyOf(categoryPrefixes);
        channels = Set.copyOf(channels);
        Objects.requireNonNull(limits, "limits");
        for (String prefix : categoryPrefixes) {
            if (!prefix.matches("\\d{1,6}")) {
                throw new IllegalArgumentException("rule " + name + ": category prefix must be digits: " + prefix);
            }
        }
    }

    public boolean matches(AppealType appealType, Urgency urgency, String categoryCode, Channel channel) {
        return (appealTypes.isEmpty() || appealTypes.contains(appealType))
                && (urgencies.isEmpty() || urgencies.contains(urgency))
                && (channels.isEmpty() || channels.contains(channel))
                && (categoryPrefixes.isEmpty()
                    || (categoryCode != null && categoryPrefixes.stream().anyMatch(categoryCode::startsWith)));
    }
}
