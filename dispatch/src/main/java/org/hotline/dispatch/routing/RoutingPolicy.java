package org.hotline.dispatch.routing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Pure routing: the best classification and the appeal's place, against the rules in force at
 * {@code at}, decide between automatic assignment and the dispatcher queue. No I/O, no clock.
 */
public final class RoutingPolicy {

    private final AutoAssignPolicy thresholds;

    /** Below its category's threshold a human confirms the category. */
    public RoutingPolicy(AutoAssignPolicy thresholds) {
        this.thresholds = java.util.Objects.requireNonNull(thresholds, "thresholds");
    }

    /** One threshold for every category. */
    public RoutingPolicy(double autoAssignConfidence) {
        this(AutoAssignPolicy.uniform(autoAssignConfidence));
    }

    public RoutingDecision decide(String category, double confidence, String district, String street,
            List<RoutingRule> rules, Instant at) {
        Optional<RoutingRule> rule = bestRule(category, district, street, rules, at);
        double threshold = thresholds.thresholdFor(category);
        if (confidence < threshold) {
            return new RoutingDecision.ToDispatcher("low-confidence", String.format(
                    "分类置信度 %.2f 低于自动派单阈值 %.2f，请派单员确认分类", confidence, threshold));
        }
        if (rule.isEmpty()) {
            return new RoutingDecision.ToDispatcher("no-rule",
                    "派单目录中没有适用于分类 " + category + " 和该地点的现行规则");
        }
        RoutingRule r = rule.get();
        return new RoutingDecision.AutoAssign(category, r.lead(), r.assisting(), r.id(), r.version(), String.format(
                "分类 %s（置信度 %.2f）按派单目录规则 %s 第 %d 版派至 %s（%s级）", category, confidence,
                r.id(), r.version(), r.lead(), label(r.level())), r.ticketCategory());
    }

    static Optional<RoutingRule> bestRule(String category, String district, String street, List<RoutingRule> rules,
            Instant at) {
        return rules.stream()
                .filter(r -> r.appliesAt(at) && r.matches(category, district, street))
                .max(Comparator.comparingInt(RoutingRule::specificity).thenComparingInt(RoutingRule::version));
    }

    private static String label(RoutingRule.Level level) {
        return switch (level) {
            case CITY -> "市";
            case DISTRICT -> "区县";
            case STREET -> "街道";
        };
    }
}
