package org.hotline.dispatch.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.hotline.dispatch.routing.RoutingRule.Level;
import org.junit.jupiter.api.Test;

class RoutingPolicyTest {

    private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant JUL = Instant.parse("2026-07-01T00:00:00Z");
    private static final RoutingPolicy POLICY = new RoutingPolicy(0.6);

    private static RoutingRule rule(String id, int version, String prefix, String district, String street,
            String lead, Level level, boolean functional, Instant from, Instant until) {
        return new RoutingRule(id, version, prefix, district, street, lead, level, List.of("assist"), functional,
                from, until);
    }

    private final List<RoutingRule> rules = List.of(
            rule("city-housing", 1, "01", null, null, "市住建局", Level.CITY, true, JAN, null),
            rule("yuelu-property", 1, "0102", "岳麓区", null, "岳麓区住建局", Level.DISTRICT, true, JAN, null),
            rule("wangyuehu-street", 1, "0102", "岳麓区", "望月湖街道", "望月湖街道办", Level.STREET, false, JAN, JUL),
            rule("wangyuehu-street", 2, "0102", "岳麓区", "望月湖街道", "望月湖街道综合执法", Level.STREET, false, JUL, null));

    @Test
    void theMostSpecificRuleInForceWinsAndTheDecisionNamesIt() {
        RoutingDecision decision = POLICY.decide("010203", 0.9, "岳麓区", "望月湖街道", rules, JAN.plusSeconds(60));
        assertThat(decision).isInstanceOf(RoutingDecision.AutoAssign.class);
        RoutingDecision.AutoAssign assign = (RoutingDecision.AutoAssign) decision;
        assertThat(assign.lead()).isEqualTo("望月湖街道办");
        assertThat(assign.explanation()).contains("wangyuehu-street", "第 1 版");
    }

    @Test
    void aNewVersionTakesOverFromItsEffectiveDate() {
        RoutingDecision decision = POLICY.decide("010203", 0.9, "岳麓区", "望月湖街道", rules, JUL.plusSeconds(1));
        assertThat(((RoutingDecision.AutoAssign) decision).lead()).isEqualTo("望月湖街道综合执法");
    }

    @Test
    void elsewhereTheDistrictOrCityRuleApplies() {
        assertThat(((RoutingDecision.AutoAssign) POLICY.decide("010203", 0.9, "岳麓区", "其他街道", rules, JUL)).lead())
                .isEqualTo("岳麓区住建局");
        assertThat(((RoutingDecision.AutoAssign) POLICY.decide("019999", 0.9, "雨花区", null, rules, JUL)).lead())
                .isEqualTo("市住建局");
    }

    @Test
    void lowConfidenceOrNoRuleGoesToTheDispatcherQueueWithTheReason() {
        assertThat(POLICY.decide("010203", 0.4, "岳麓区", null, rules, JUL))
                .isEqualTo(new RoutingDecision.ToDispatcher("low-confidence",
                        "分类置信度 0.40 低于自动派单阈值 0.60，请派单员确认分类"));
        assertThat(((RoutingDecision.ToDispatcher) POLICY.decide("990000", 0.95, "岳麓区", null, rules, JUL)).reason())
                .isEqualTo("no-rule");
    }

    @Test
    void aFunctionalDepartmentMatterCannotBePushedDownToStreetLevel() {
        assertThatThrownBy(() -> rule("bad", 1, "02", "岳麓区", "望月湖街道", "望月湖街道办", Level.STREET, true, JAN, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("66号");
    }
}
