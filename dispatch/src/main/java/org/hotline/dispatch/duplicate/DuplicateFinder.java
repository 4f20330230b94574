package org.hotline.dispatch.duplicate;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.hotline.core.app.TicketService;
import org.hotline.core.model.Ticket;

/**
 * Suggests merging a new appeal into an open ticket of the same caller within a window when the
 * texts are similar enough; the suggestion says why (same caller, how similar, which ticket).
 * Same-place matching across callers needs a location index that core does not offer yet.
 */
public final class DuplicateFinder {

    /** One suggested merge target. */
    public record Candidate(String ticketId, String number, double similarity, String explanation) {
        public JsonObject toJson() {
            return new JsonObject().put("ticketId", ticketId).put("number", number)
                    .put("similarity", Math.round(similarity * 1000) / 1000.0).put("explanation", explanation);
        }
    }

    private final TicketService tickets;
    private final Duration window;
    private final double minSimilarity;

    /** Defaults: 7 days, similarity 0.35. */
    public DuplicateFinder(TicketService tickets, Duration window, double minSimilarity) {
        this.tickets = tickets;
        this.window = window;
        this.minSimilarity = minSimilarity;
    }

    public Future<List<Candidate>> find(String phone, String title, String content, Instant now) {
        if (phone == null || phone.isBlank()) {
            return Future.succeededFuture(List.of());
        }
        String text = title + "\n" + content;
        Instant since = now.minus(window);
        return tickets.ofCaller(phone, 50).map(previous -> previous.stream()
                .filter(t -> t.status().isOpen() && t.receivedAt() != null && t.receivedAt().isAfter(since))
                .map(t -> candidate(t, TextSimilarity.cosine(text, t.title() + "\n" + t.content())))
                .filter(c -> c.similarity() >= minSimilarity)
                .sorted(Comparator.comparingDouble(Candidate::similarity).reversed())
                .toList());
    }

    private Candidate candidate(Ticket t, double similarity) {
        return new Candidate(t.id().value(), t.number().toString(), similarity, String.format(
                "同一来电人在 %d 天内的未办结工单 %s，文本相似度 %.2f，建议合并", window.toDays(), t.number(), similarity));
    }
}
