package org.hotline.telephony.sms;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.hotline.core.app.TicketOperations;
import org.hotline.core.model.TicketId;
import org.hotline.core.stream.RedisKeys;
import org.hotline.core.stream.TicketEventEntry;
import org.hotline.core.stream.TicketEventType;
import org.hotline.core.stream.group.BatchHandler;
import org.hotline.core.stream.group.ConsumerGroup;
import org.hotline.core.stream.group.GroupSettings;
import org.hotline.core.stream.group.StreamEntry;
import org.hotline.telephony.survey.RedisSurveyLedger;
import org.hotline.telephony.survey.SurveyCampaign;
import org.hotline.telephony.survey.SurveyLedgerEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS channel's entry point: binds to the center, follows the ticket event stream (receipt at
 * intake; reply notice and, {@code surveyDelay} later, the survey when the center accepts the reply and
 * the survey campaign plans a robot visit for the ticket;
 * urges to the lead unit's duty phone), handles the citizens' messages the gateway stored (group
 * {@value #INCOMING_GROUP}), turns the SLA scheduler's yellow and red alarms into notices
 * to the duty phone, and sends the outbox once a second. Off (nothing started) when no SMPP host is configured.
 */
public final class SmsVerticle extends VerticleBase {

    static final String GROUP = "sms-notices";
    /** Reads the citizens' messages the gateway stored ({@link RedisSmsBook#INCOMING}), each handled once acknowledged. */
    static final String INCOMING_GROUP = "sms-incoming";
    private static final Logger LOG = LoggerFactory.getLogger(SmsVerticle.class);
    private static final long ROUND_MS = 1_000;

    private final SmsConfig config;
    private final RedisAsyncCommands<String, String> redis;
    private final TicketOperations tickets;
    private final String consumer;
    private final DutyPhones phones;
    private final Clock clock;
    private final boolean voiceFirst;
    private RedisSmsBook book;
    private SmsChannel channel;
    private HandlerNotices handlers;
    private SmppGateway gateway;
    private SurveyLedgerEvents campaign;
    private ConsumerGroup<TicketEventEntry> notices;
    private ConsumerGroup<StreamEntry> incoming;
    private long timer = -1;
    private volatile boolean stopped;

    public SmsVerticle(SmsConfig config, RedisAsyncCommands<String, String> redis, TicketOperations tickets, String consumer,
                       DutyPhones phones, Clock clock) {
        this(config, redis, tickets, consumer, phones, clock, false);
    }

    /**
     * {@code voiceFirst}: the automated voice survey (VoiceSurveyVerticle) visits accepted replies and
     * falls back to SMS itself, so the reply notice goes out but no SMS survey follows it here.
     */
    public SmsVerticle(SmsConfig config, RedisAsyncCommands<String, String> redis, TicketOperations tickets, String consumer,
                       DutyPhones phones, Clock clock, boolean voiceFirst) {
        this.voiceFirst = voiceFirst;
        this.config = Objects.requireNonNull(config, "config");
        this.redis = redis;
        this.tickets = tickets;
        this.consumer = consumer;
        this.phones = Objects.requireNonNull(phones, "phones");
        this.clock = clock;
    }

    @Override
    public Future<?> start() {
        if (!config.enabled()) {
            LOG.info("sms off: no SMPP host configured (set HOTLINE_SMPP_HOST to enable)");
            return Future.succeededFuture();
        }
        book = new RedisSmsBook(context, Objects.requireNonNull(redis, "redis"));
        channel = new SmsChannel(vertx, config, book, tickets, clock);
        campaign = new SurveyLedgerEvents(new RedisSurveyLedger(context, redis), config.quiet().zone());
        gateway = new SmppGateway(vertx, context, config, new SmppGateway.Listener() {
            @Override
            public void receipt(String messageId, String phone, boolean delivered, String state) {
                channel.receipt(messageId, phone, delivered, state);
            }

            @Override
            public void incoming(String from, String text) throws Exception {
                book.storeIncoming(from, text, config.responseTimeout());
            }
        });
        handlers = new HandlerNotices(context, redis, tickets, channel, phones, config.quiet().zone());
        vertx.eventBus().<JsonObject>consumer(HandlerNotices.SLA_ALARM_ADDRESS, message -> handlers.alarm(message.body())
                .onFailure(e -> LOG.warn("deadline notice not queued [ticketId={}, reason={}]", message.body().getString("ticketId"),
                        e.getMessage())));
        SmsOutbox outbox = new SmsOutbox(config, book, gateway, channel, clock);
        timer = vertx.setTimer(ROUND_MS, id -> sendRound(outbox));
        notices = TicketEventEntry.consumerGroup(redis, GroupSettings.of(GROUP, consumer, RedisKeys.TICKET_EVENTS, false),
                (BatchHandler<TicketEventEntry>) batch -> BatchHandler.inOrder(batch, this::onEvent));
        incoming = ConsumerGroup.entries(redis, GroupSettings.of(INCOMING_GROUP, consumer, RedisSmsBook.INCOMING, true)
                        .trimAfter(GroupSettings.DEFAULT_TRIM_GRACE),
                batch -> BatchHandler.inOrder(batch, e -> channel.incoming(e.fields().get("from"), e.fields().get("text"))));
        // the groups first: a citizen's message the gateway stores is then read at once
        return Future.all(vertx.deployVerticle(notices), vertx.deployVerticle(incoming))
                // an SMSC that is down does not stop the server: the gateway keeps binding, the outbox keeps the messages
                .onSuccess(v -> gateway.connect());
    }

    @Override
    public Future<?> stop() {
        stopped = true;
        vertx.cancelTimer(timer);
        return gateway == null ? Future.succeededFuture() : gateway.close();
    }

    public boolean bound() {
        return gateway != null && gateway.bound();
    }

    /** The channel (for the survey campaigns and the handlers' notices); null while SMS is off. */
    public SmsChannel channel() {
        return channel;
    }

    public RedisSmsBook book() {
        return book;
    }

    /**
     * One round, and the next a second after this one ended: any second then holds at most one round,
     * so the center never sees more than its rate (a fixed-rate timer could put the tail of a slow
     * round and the head of the next into one second).
     */
    private void sendRound(SmsOutbox outbox) {
        outbox.round().onComplete(done -> {
            if (!stopped) {
                timer = vertx.setTimer(ROUND_MS, id -> sendRound(outbox));
            }
        });
    }

    /**
     * The entry carries no snapshot (lean stream entries, {@code TicketEventType.carriesSnapshot}): the
     * ticket is read from the store; a ticket gone meanwhile gets nothing.
     */
    private Future<Boolean> replyAccepted(TicketEventEntry entry) {
        Future<Optional<Addressee>> addressee = entry.ticket() != null ? Future.succeededFuture(Optional.of(Addressee.of(entry.ticket())))
                : tickets.findById(new TicketId(entry.ticketId())).map(found -> found.map(Addressee::of));
        return addressee.compose(found -> found.isEmpty() ? Future.succeededFuture(false)
                : channel.notice(found.get(), SmsTemplates.REPLY_NOTICE).compose(v -> voiceFirst ? Future.succeededFuture(false)
                        : surveyIfPlanned(entry, found.get())));
    }

    /** The survey campaign decides whether a robot surveys this ticket; else it stays on the agents' 待回访 list. */
    private Future<Boolean> surveyIfPlanned(TicketEventEntry entry, Addressee ticket) {
        return campaign.plan(entry.ticketId(), entry.at()).compose(plan -> plan == SurveyCampaign.Plan.ROBOT
                ? channel.survey(ticket, config.surveyDelay()) : Future.succeededFuture(false));
    }

    private Future<Void> onEvent(TicketEventEntry entry) {
        Future<?> done;
        if (entry.type() == TicketEventType.TICKET_RECEIVED) {
            done = channel.notice(Addressee.of(entry.ticket()), SmsTemplates.RECEIPT);
        } else if (entry.type() == TicketEventType.REPLY_ACCEPTED) {
            done = replyAccepted(entry);
        } else if (entry.type() == TicketEventType.TICKET_URGED) {
            done = handlers.urged(entry.ticketId(), entry.event().getString("reason"));
        } else {
            done = Future.succeededFuture();
        }
        return done.mapEmpty();
    }
}
