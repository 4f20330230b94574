package org.hotline.dispatch.duplicate;

import java.util.Optional;
import org.hotline.core.model.Location;
import org.hotline.core.model.Ticket;

/**
 * Decides whether another caller's open ticket is about the same place and the same matter as a
 * new appeal, and says why. Pure, so the thresholds are tested without Redis.
 *
 * <p>Same place: same district, and either similar addresses (character-bigram cosine ≥
 * {@code minAddress}, house numbers count) or the same street when one side gave no address.
 * Same matter: text similarity ≥ {@code minText}, or the same category with text similarity ≥ half
 * of it (two citizens describe one matter in different words; the category makes up for that).
 */
public record PlaceMatch(double minAddress, double minText) {

    /** The outcome for one ticket: a combined score (place and matter averaged) and the explanation. */
    public record Verdict(double score, String explanation) {
    }

    public PlaceMatch {
        if (!(minAddress > 0 && minAddress <= 1) || !(minText > 0 && minText <= 1)) {
            throw new IllegalArgumentException("thresholds must be in (0, 1]");
        }
    }

    /** Defaults: addresses 0.5; texts 0.25 (two callers word one matter differently, the place already matched). */
    public static PlaceMatch defaults() {
        return new PlaceMatch(0.5, 0.25);
    }

    public Optional<Verdict> judge(DuplicateQuery query, Ticket ticket) {
        Location there = ticket.location();
        if (blank(query.district()) || !query.district().strip().equals(strip(there.district()))) {
            return Optional.empty();
        }
        boolean sameStreet = !blank(query.street()) && query.street().strip().equals(strip(there.street()));
        boolean bothAddresses = !blank(query.address()) && !blank(there.address());
        double address = bothAddresses ? TextSimilarity.cosine(query.address(), there.address()) : 0;
        boolean samePlace = bothAddresses ? address >= minAddress : sameStreet;
        if (!samePlace) {
            return Optional.empty();
        }
        double text = TextSimilarity.cosine(query.text(), ticket.title() + "\n" + ticket.content());
        boolean sameCategory = !blank(query.category()) && ticket.category() != null
                && query.category().equals(ticket.category().code());
        if (text < minText && !(sameCategory && text >= minText / 2)) {
            return Optional.empty();
        }
        double place = bothAddresses ? address : 0.5;
        String where = bothAddresses ? String.format("地址相似度 %.2f", address) : "同一街道 " + there.street();
        String what = sameCategory ? String.format("同一分类 %s，文本相似度 %.2f", ticket.category().name(), text)
                : String.format("文本相似度 %.2f", text);
        return Optional.of(new Verdict((place + text) / 2, String.format(
                "其他来电人反映的同一地点（%s，%s）同一事项（%s）的未办结工单 %s，建议合并",
                there.district(), where, what, ticket.number())));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
