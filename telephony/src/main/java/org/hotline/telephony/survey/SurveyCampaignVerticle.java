package org.hotline.telephony.survey;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.ZoneId;
import java.util.Objects;
import org.hotline.core.stream.RedisKeys;
import org.hotline.core.stream.TicketEventEntry;
import org.hotline.core.stream.group.BatchHandler;
import org.hotline.core.stream.group.ConsumerGroup;
import org.hotline.core.stream.group.GroupSettings;

/**
 * The survey campaign: follows the ticket event stream (group {@value #GROUP}) into its Redis ledger
 * ({@link SurveyLedgerEvents}); the channels ask it for a reviewed ticket's plan, the routes read it.
 */
public final class SurveyCampaignVerticle extends VerticleBase {

    static final String GROUP = "survey-campaign";

    private final RedisAsyncCommands<String, String> redis;
    private final String consumer;
    private final ZoneId zone;
    private RedisSurveyLedger ledger;
    private SurveyLedgerEvents events;

    public SurveyCampaignVerticle(RedisAsyncCommands<String, String> redis, String consumer, ZoneId zone) {
        this.redis = redis;
        this.consumer = consumer;
        this.zone = zone;
    }

    @Override
    public Future<?> start() {
        ledger = new RedisSurveyLedger(context, Objects.requireNonNull(redis, "redis"));
        events = new SurveyLedgerEvents(ledger, zone);
        ConsumerGroup<TicketEventEntry> group = TicketEventEntry.consumerGroup(redis,
                GroupSettings.of(GROUP, consumer, RedisKeys.TICKET_EVENTS, false),
                (BatchHandler<TicketEventEntry>) batch -> BatchHandler.inOrder(batch, events::on));
        return vertx.deployVerticle(group);
    }

    /** Null until started. */
    public RedisSurveyLedger ledger() {
        return ledger;
    }

    /** Null until started. */
    public SurveyLedgerEvents events() {
        return events;
    }
}
