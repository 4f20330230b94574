package org.hotline.dispatch.duplicate;

import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.hotline.dispatch.store.TicketEventGroup;

/**
 * Feeds the {@link PlaceIndex} from the ticket event stream (consumer group {@value #GROUP}, one
 * process handles each event): every {@code TicketReceived} with a district is placed at its
 * reception time.
 */
public final class PlaceIndexer extends TicketEventGroup {

    public static final String GROUP = "dispatch-places";
    private static final int PAGE = 100;

    private final PlaceIndex places;

    /** The group starts at "$": appeals received before the first start are not indexed. */
    public PlaceIndexer(RedisAsyncCommands<String, String> redis, PlaceIndex places, String consumer, Duration pollInterval) {
        super(redis, GROUP, "$", consumer, pollInterval, PAGE);
        this.places = places;
    }

    @Override
    protected Future<Void> handlePage(List<StreamMessage<String, String>> messages) {
        return Future.all(messages.stream().map(this::handle).toList()).mapEmpty();
    }

    private Future<Void> handle(StreamMessage<String, String> message) {
        if (!"TicketReceived".equals(message.getBody().get("type")) || message.getBody().get("ticket") == null) {
            return Future.succeededFuture();
        }
        JsonObject ticket = new JsonObject(message.getBody().get("ticket"));
        String district = ticket.getJsonObject("location", new JsonObject()).getString("district");
        return places.record(district, message.getBody().get("ticketId"), receivedAt(ticket, message));
    }

    private static Instant receivedAt(JsonObject ticket, StreamMessage<String, String> message) {
        try {
            return Instant.parse(ticket.getString("receivedAt", message.getBody().get("at")));
        } catch (DateTimeParseException | NullPointerException unreadable) {
            return Instant.ofEpochMilli(Long.parseLong(message.getId().substring(0, message.getId().indexOf('-'))));
        }
    }
}
