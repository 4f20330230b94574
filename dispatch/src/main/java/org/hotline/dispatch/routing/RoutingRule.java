package org.hotline.dispatch.routing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of the dispatch catalog (派单目录) as data: matters whose category code starts with
 * {@code categoryPrefix}, in {@code district} (null: anywhere) and {@code street} (null: anywhere in
 * the district), go to {@code lead} at {@code level}, with {@code assisting} units. Versioned: a rule
 * applies from {@code effectiveFrom} until {@code effectiveUntil} (null: open-ended).
 *
 * @param functional     the matter belongs to a functional department's statutory duties; such matters
 *                       are never pushed down to street level (国办函〔2025〕66号), so the rule refuses it
 * @param ticketCategory the service catalog's category (6 digits) a ticket is classified with when the model's
 *                       category is not one of the catalog's (a code created by a history import, e.g. 城乡建设):
 *                       the mapping that lets such categories dispatch automatically; null when the rule's
 *                       categories are the catalog's own
 */
public record RoutingRule(String id, int version, String categoryPrefix, String district, String street,
        String lead, Level level, List<String> assisting, boolean functional, Instant effectiveFrom,
        Instant effectiveUntil, String ticketCategory) {

    /** A rule for the catalog's own categories. */
    public RoutingRule(String id, int version, String categoryPrefix, String district, String street, String lead,
            Level level, List<String> assisting, boolean functional, Instant effectiveFrom, Instant effectiveUntil) {
        this(id, version, categoryPrefix, district, street, lead, level, assisting, functional, effectiveFrom,
                effectiveUntil, null);
    }

    /** Where the lead sits. */
    public enum Level { CITY, DISTRICT, STREET }

    public RoutingRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(categoryPrefix, "categoryPrefix");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        assisting = assisting == null ? List.of() : List.copyOf(assisting);
        if (functional && level == Level.STREET) {
            throw new IllegalArgumentException("职能部门事项不得下派至街道（国办函〔2025〕66号）");
        }
        if (street != null && district == null) {
            throw new IllegalArgumentException("指定街道的规则必须同时指定区县");
        }
        if (effectiveUntil != null && !effectiveUntil.isAfter(effectiveFrom)) {
            throw new IllegalArgumentException("失效时间必须晚于生效时间");
        }
        if (ticketCategory != null && !ticketCategory.matches("\\d{6}")) {
            throw new IllegalArgumentException("ticketCategory 应为分类目录中的6位分类编码");
        }
    }

    boolean appliesAt(Instant at) {
        return !at.isBefore(effectiveFrom) && (effectiveUntil == null || at.isBefore(effectiveUntil));
    }

    boolean matches(String category, String inDistrict, String inStreet) {
        return category.startsWith(categoryPrefix)
                && (district == null || district.equals(inDistrict))
                && (street == null || street.equals(inStreet));
    }

    /** More specific rules win: a longer category prefix first, then a street over a district over anywhere. */
    int specificity() {
        return categoryPrefix.length() * 4 + (street != null ? 2 : 0) + (district != null ? 1 : 0);
    }
}
