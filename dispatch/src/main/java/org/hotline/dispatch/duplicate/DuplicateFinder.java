package org.hotline.dispatch.duplicate;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.core.app.TicketService;
import org.hotline.core.model.Ticket;
import org.hotline.core.model.TicketId;

/**
 * Suggests merging a new appeal into an open ticket received within a window: (1) of the same
 * caller with a similar text, or (2) of another caller about the same place and the same matter
 * ({@link PlaceMatch}, candidates from the {@link PlaceIndex}). Each suggestion says why.
 */
public final class DuplicateFinder {

    /** Most tickets of one district compared per query (newest first). */
    static final int PLACE_SCAN = 200;

    /** One suggested merge target; {@code basis} is {@code same-caller} or {@code same-place}. */
    public record Candidate(String ticketId, String number, double similarity, String explanation, String basis) {

        public Candidate(String ticketId, String number, double similarity, String explanation) {
            this(ticketId, number, similarity, explanation, "same-caller");
        }

        public JsonObject toJson() {
            return new JsonObject().put("ticketId", ticketId).put("number", number)
                    .put("similarity", Math.round(similarity * 1000) / 1000.0).put("explanation", explanation)
                    .put("basis", basis);
        }
    }

    private final TicketService tickets;
    private final Duration window;
    private final double minSimilarity;
    private final PlaceIndex places;
    private final PlaceMatch placeMatch;

    /** Same caller only. Defaults: 7 days, similarity 0.35. */
    public DuplicateFinder(TicketService tickets, Duration window, double minSimilarity) {
        this(tickets, window, minSimilarity, null, null);
    }

    /** Same caller, and same place + matter across callers within {@code places.retention()}. */
    public DuplicateFinder(TicketService tickets, Duration window, double minSimilarity, PlaceIndex places,
            PlaceMatch placeMatch) {
        this.tickets = tickets;
        this.window = window;
        this.minSimilarity = minSimilarity;
        this.places = places;
        this.placeMatch = placeMatch;
    }

    public Future<List<Candidate>> find(String phone, String title, String content, Instant now) {
        return find(DuplicateQuery.ofCaller(phone, title, content), now);
    }

    /** Both kinds of candidates, best first; a ticket found both ways is listed once, as the caller's. */
    public Future<List<Candidate>> find(DuplicateQuery query, Instant now) {
        return Future.all(sameCaller(query, now), samePlace(query, now)).map(both -> {
            Map<String, Candidate> byTicket = new LinkedHashMap<>();
            List<Candidate> caller = both.resultAt(0);
            List<Candidate> place = both.resultAt(1);
            caller.forEach(c -> byTicket.put(c.ticketId(), c));
            place.forEach(c -> byTicket.putIfAbsent(c.ticketId(), c));
            List<Candidate> all = new ArrayList<>(byTicket.values());
            all.sort(Comparator.comparingDouble(Candidate::similarity).reversed());
            return all;
        });
    }

    private Future<List<Candidate>> sameCaller(DuplicateQuery query, Instant now) {
        if (query.phone() == null || query.phone().isBlank()) {
            return Future.succeededFuture(List.of());
        }
        Instant since = now.minus(window);
        return tickets.ofCaller(query.phone(), 50).map(previous -> previous.stream()
                .filter(t -> openSince(t, since))
                .map(t -> callerCandidate(t, TextSimilarity.cosine(query.text(), t.title() + "\n" + t.content())))
                .filter(c -> c.similarity() >= minSimilarity)
                .toList());
    }

    private Future<List<Candidate>> samePlace(DuplicateQuery query, Instant now) {
        if (places == null || query.district() == null || query.district().isBlank()) {
            return Future.succeededFuture(List.of());
        }
        Instant since = now.minus(places.retention());
        return places.since(query.district(), since, PLACE_SCAN)
                .compose(ids -> Future.all(ids.stream().map(id -> tickets.findById(new TicketId(id))).toList()))
                .map(found -> {
                    List<Candidate> candidates = new ArrayList<>();
                    for (int i = 0; i < found.size(); i++) {
                        Optional<Ticket> ticket = found.resultAt(i);
                        ticket.filter(t -> openSince(t, since))
                                .filter(t -> !samePhone(query, t))
                                .flatMap(t -> placeMatch.judge(query, t).map(v -> new Candidate(t.id().value(),
                                        t.number().toString(), v.score(), v.explanation(), "same-place")))
                                .ifPresent(candidates::add);
                    }
                    return candidates;
                });
    }

    private static boolean openSince(Ticket t, Instant since) {
        return t.status().isOpen() && t.receivedAt() != null && t.receivedAt().isAfter(since);
    }

    private static boolean samePhone(DuplicateQuery query, Ticket t) {
        return query.phone() != null && !query.phone().isBlank() && t.caller() != null
                && query.phone().equals(t.caller().phone());
    }

    private Candidate callerCandidate(Ticket t, double similarity) {
        return new Candidate(t.id().value(), t.number().toString(), similarity, String.format(
                "同一来电人在 %d 天内的未办结工单 %s，文本相似度 %.2f，建议合并", window.toDays(), t.number(), similarity));
    }
}
