package org.hotline.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.core.catalog.CategoryCatalog;
import org.hotline.core.wire.SeedLoader;
import org.hotline.dispatch.routing.RoutingRule;
import org.junit.jupiter.api.Test;

/** Which seed routing rules an administrator's category change renews: the category's and those that inherit from it. */
class DispatchSeedTest {

    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    private static final CategoryCatalog CATALOG = SeedLoader.fromClasspath().categories()
        .with("990000", "低空飞行", List.of("transport"), List.of(), false)
        .with("990100", "无人机管理", List.of(), List.of(), false)
        .with("990101", "无人机扰民", List.of(), List.of("无人机"), false);

    @Test
    void aNewBranchGetsFirstVersionsForEveryCategoryInheritingItsLead() {
        List<RoutingRule> rules = DispatchSeed.changedRules(CATALOG, "990000", DispatchSeed.routingRules(SeedLoader.fromClasspath().categories()), NOW);

        assertThat(rules).extracting(RoutingRule::id).containsExactly("seed-990000", "seed-990100", "seed-990101");
        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule.version()).isEqualTo(1);
            assertThat(rule.lead()).isEqualTo("transport");
        });
    }

    @Test
    void aChangedLeadRenewsOnlyTheRulesThatInheritItAndNothingWhenUnchanged() {
        List<RoutingRule> existing = new ArrayList<>(DispatchSeed.routingRules(CATALOG));
        CategoryCatalog moved = CATALOG.with("990100", "无人机管理", List.of("traffic-police"), List.of(), false);

        List<RoutingRule> renewed = DispatchSeed.changedRules(moved, "990100", existing, NOW);

        assertThat(renewed).extracting(RoutingRule::id).containsExactly("seed-990100", "seed-990101");
        assertThat(renewed).allSatisfy(rule -> {
            assertThat(rule.version()).isEqualTo(2);
            assertThat(rule.lead()).isEqualTo("traffic-police");
            assertThat(rule.effectiveFrom()).isEqualTo(NOW);
        });
        assertThat(DispatchSeed.changedRules(CATALOG, "990000", existing, NOW)).isEmpty();
    }

    @Test
    void retiredCategoriesGetNoRuleAndNoDispatchEntry() {
        CategoryCatalog retired = CATALOG.with("990101", "无人机扰民", List.of(), List.of("无人机"), true);

        assertThat(DispatchSeed.routingRules(retired)).extracting(RoutingRule::id).doesNotContain("seed-990101").contains("seed-990100");
        assertThat(DispatchSeed.entries(retired, text -> List.of(text))).noneMatch(entry -> entry.code().equals("990101"));
    }
}
