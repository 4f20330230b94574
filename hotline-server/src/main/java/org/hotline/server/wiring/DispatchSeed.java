package org.hotline.server.wiring;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.core.catalog.CategoryCatalog;
import org.hotline.core.model.Category;
import org.hotline.core.text.Segmenter;
import org.hotline.dispatch.routing.RedisRoutingRules;
import org.hotline.dispatch.routing.RoutingRule;
import org.hotline.dispatch.store.CatalogEntry;
import org.hotline.dispatch.store.RedisCatalog;

/**
 * Cold start of dispatch from the seed catalog: every category with its usual department and its
 * names as keywords (so suggestions work before any history), and one city-level routing rule per
 * category that names departments. Rules are written only while none exist, so an administrator's
 * edits survive restarts.
 */
final class DispatchSeed {

    static final String RULE_PREFIX = "seed-";

    private DispatchSeed() {
    }

    static Future<Void> apply(CategoryCatalog categories, Segmenter segmenter, RedisCatalog catalog, RedisRoutingRules rules) {
        return catalog.createMissing(entries(categories, segmenter))
                .compose(v -> rules.all())
                .compose(existing -> existing.isEmpty() ? putAll(rules, routingRules(categories)) : Future.succeededFuture());
    }

    static List<CatalogEntry> entries(CategoryCatalog categories, Segmenter segmenter) {
        return categories.all().stream().map(category -> new CatalogEntry(category.code(), category.name(),
                categories.departmentsFor(category.code()).stream().findFirst().orElse(null),
                keywords(category, segmenter))).toList();
    }

    /**
     * Citizens rarely write a catalog name verbatim (餐饮油烟), but they do write its words (油烟):
     * the name's words of two or more characters are the cold-start keywords.
     */
    static List<String> keywords(Category category, Segmenter segmenter) {
        return segmenter.words(category.name()).stream().filter(word -> word.length() >= 2).distinct().toList();
    }

    static List<RoutingRule> routingRules(CategoryCatalog categories) {
        List<RoutingRule> rules = new ArrayList<>();
        for (Category category : categories.all()) {
            List<String> departments = categories.departmentsFor(category.code());
            if (!departments.isEmpty()) {
                rules.add(new RoutingRule(RULE_PREFIX + category.code(), 1, category.code(), null, null, departments.get(0),
                        RoutingRule.Level.CITY, departments.subList(1, departments.size()), true, Instant.EPOCH, null));
            }
        }
        return rules;
    }

    private static Future<Void> putAll(RedisRoutingRules rules, List<RoutingRule> all) {
        return Future.all(all.stream().map(rules::put).toList()).mapEmpty();
    }
}
