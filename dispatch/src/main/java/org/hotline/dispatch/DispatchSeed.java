package org.hotline.dispatch;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hotline.core.catalog.CategoryCatalog;
import org.hotline.core.model.Category;
import org.hotline.core.text.Segmenter;
import org.hotline.dispatch.routing.RedisRoutingRules;
import org.hotline.dispatch.routing.RoutingRule;
import org.hotline.dispatch.store.CatalogEntry;
import org.hotline.dispatch.store.RedisCatalog;

/**
 * Cold start of dispatch from the core catalog: every category in use with its usual department and
 * keywords (its own plus its name's words, so suggestions work before any history), and one
 * city-level routing rule per category that names departments. Rules are written only while none
 * exist, so an administrator's edits survive restarts. Later, each category an administrator adds,
 * edits or retires is followed here ({@link #follow}).
 */
final class DispatchSeed {

    static final String RULE_PREFIX = "seed-";

    private DispatchSeed() {
    }

    /**
     * At start: entries the dispatch catalog lacks are added and retired categories are taken out (a
     * retirement passed on while dispatch's Redis write failed is repaired here).
     */
    static Future<Void> apply(CategoryCatalog categories, Segmenter segmenter, RedisCatalog catalog, RedisRoutingRules rules) {
        List<Future<Void>> retired = categories.entries().stream().filter(CategoryCatalog.Entry::retired)
                .map(e -> catalog.remove(e.category().code())).toList();
        return Future.all(retired).compose(v -> catalog.createMissing(entries(categories, segmenter)))
                .compose(v -> rules.all())
                .compose(existing -> existing.isEmpty() ? putAll(rules, routingRules(categories)) : Future.succeededFuture());
    }

    /**
     * An administrator's category change: dispatch's catalog gets the entry, or loses it when it was
     * retired (tickets keep their category; the keyword rules stop suggesting it); the seed routing
     * rules of the category and of those below it that inherit its departments get a new version
     * when their departments changed.
     */
    static Future<Void> follow(CategoryCatalog.Entry changed, CategoryCatalog categories, Segmenter segmenter, RedisCatalog catalog,
                               RedisRoutingRules rules, Instant now) {
        String code = changed.category().code();
        Future<Void> entry = changed.retired() ? catalog.remove(code) : catalog.put(entry(changed, categories, segmenter));
        return entry.compose(v -> rules.all()).compose(existing -> putAll(rules, changedRules(categories, code, existing, now)));
    }

    static List<CatalogEntry> entries(CategoryCatalog categories, Segmenter segmenter) {
        return categories.entries().stream().filter(e -> !e.retired()).map(e -> entry(e, categories, segmenter)).toList();
    }

    private static CatalogEntry entry(CategoryCatalog.Entry e, CategoryCatalog categories, Segmenter segmenter) {
        Category category = e.category();
        List<String> words = new ArrayList<>(e.keywords());
        words.addAll(keywords(category, segmenter));
        return new CatalogEntry(category.code(), category.name(),
                categories.departmentsFor(category.code()).stream().findFirst().orElse(null), words.stream().distinct().toList());
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
        for (Category category : categories.inUse()) {
            List<String> departments = categories.departmentsFor(category.code());
            if (!departments.isEmpty()) {
                rules.add(seedRule(category.code(), 1, departments, Instant.EPOCH));
            }
        }
        return rules;
    }

    /** New versions of the seed rules under {@code code} whose departments no longer match the catalog. */
    static List<RoutingRule> changedRules(CategoryCatalog categories, String code, List<RoutingRule> existing, Instant now) {
        String prefix = code.replaceAll("(00)+$", "");
        List<RoutingRule> changed = new ArrayList<>();
        for (Category category : categories.inUse()) {
            List<String> departments = categories.departmentsFor(category.code());
            if (!category.code().startsWith(prefix) || departments.isEmpty()) {
                continue;
            }
            Optional<RoutingRule> current = existing.stream().filter(rule -> rule.id().equals(RULE_PREFIX + category.code()))
                    .max(Comparator.comparingInt(RoutingRule::version));
            if (current.isEmpty() || !current.get().lead().equals(departments.get(0))
                    || !current.get().assisting().equals(departments.subList(1, departments.size()))) {
                changed.add(seedRule(category.code(), current.map(rule -> rule.version() + 1).orElse(1), departments, now));
            }
        }
        return changed;
    }

    private static RoutingRule seedRule(String code, int version, List<String> departments, Instant from) {
        return new RoutingRule(RULE_PREFIX + code, version, code, null, null, departments.get(0), RoutingRule.Level.CITY,
                departments.subList(1, departments.size()), true, from, null);
    }

    private static Future<Void> putAll(RedisRoutingRules rules, List<RoutingRule> all) {
        return Future.all(all.stream().map(rules::put).toList()).mapEmpty();
    }
}
