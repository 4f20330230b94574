package org.hotline.dispatch.duplicate;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import org.hotline.core.stream.RedisKeys;
import org.hotline.core.stream.TicketEventEntry;
import org.hotline.core.stream.TicketEventType;
import org.hotline.core.stream.group.BatchHandler;
import org.hotline.core.stream.group.ConsumerGroup;
import org.hotline.core.stream.group.GroupSettings;
import org.hotline.core.stream.group.Handled;

/**
 * Feeds the {@link PlaceIndex} from the ticket event stream (consumer group {@value #GROUP}, one
 * process handles each event): every {@code TicketReceived} with a district is placed at its
 * reception time (the event's time when the snapshot has none).
 */
public final class PlaceIndexer implements BatchHandler<TicketEventEntry> {

    public static final String GROUP = "dispatch-places";

    private final PlaceIndex places;

    public PlaceIndexer(PlaceIndex places) {
        this.places = places;
    }

    /** The group starts at "$": appeals received before the first start are not indexed. */
    public ConsumerGroup<TicketEventEntry> group(RedisAsyncCommands<String, String> redis, String consumer, Duration poll) {
        return TicketEventEntry.consumerGroup(redis, GroupSettings.of(GROUP, consumer, RedisKeys.TICKET_EVENTS, false).idle(poll), this);
    }

    @Override
    public Future<Handled> handle(List<TicketEventEntry> batch) {
        return Future.all(batch.stream().filter(e -> e.is(TicketEventType.TICKET_RECEIVED))
                .map(e -> places.record(e.ticket().location() == null ? null : e.ticket().location().district(), e.ticketId(),
                        e.ticket().receivedAt() == null ? e.at() : e.ticket().receivedAt()))
                .toList()).map(Handled.all());
    }
}
