package org.hotline.linkage110;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import org.hotline.core.stream.RedisKeys;
import org.hotline.core.stream.TicketEventEntry;
import org.hotline.core.stream.group.BatchHandler;
import org.hotline.core.stream.group.ConsumerGroup;
import org.hotline.core.stream.group.GroupSettings;
import org.hotline.linkage110.calls.LiveCallActions;
import org.hotline.linkage110.exchange.ExchangeClient;
import org.hotline.linkage110.exchange.ExchangeGuard;
import org.hotline.linkage110.exchange.IdempotentReceipts;
import org.hotline.linkage110.lists.TransferLists;
import org.hotline.linkage110.outbox.Outbox;
import org.hotline.linkage110.outbox.OutboxVerticle;
import org.hotline.linkage110.transfer.DispatcherQueue;
import org.hotline.linkage110.transfer.IncomingOrders;
import org.hotline.linkage110.transfer.LinkageStats;
import org.hotline.linkage110.transfer.OutgoingTransfers;
import org.hotline.linkage110.transfer.PoliceOrderIntake;
import org.hotline.linkage110.transfer.TicketTrail;
import org.hotline.linkage110.transfer.TicketResultWatcher;
import org.hotline.linkage110.transfer.TransferStore;
import org.hotline.linkage110.transfer.WebAppealScreener;

/**
 * The 110 linkage assembled from its collaborators: what hotline-server constructs once, then
 * mounts with {@code Linkage110Routes.mount} and deploys {@link #outboxVerticle()}.
 */
public final class Linkage110 {

    private final Linkage110Config config;
    private final RedisOps redis;
    private final TransferLists lists;
    private final TransferStore transfers;
    private final LinkageStats stats;
    private final DispatcherQueue dispatcher;
    private final OutgoingTransfers outgoing;
    private final IncomingOrders incoming;
    private final LiveCallActions calls;
    private final ExchangeGuard guard;
    private final IdempotentReceipts receipts;
    private final ExchangeClient client;
    private final Clock clock;
    private final RedisAsyncCommands<String, String> commands;

    /** For exchange-protocol harnesses without a ticket pipeline ({@link TicketTrail#WITHOUT_TICKETS}). */
    public Linkage110(Vertx vertx, RedisAsyncCommands<String, String> commands, Linkage110Config config,
                      PoliceOrderIntake intake, Clock clock) {
        this(vertx, commands, config, intake, TicketTrail.WITHOUT_TICKETS, clock);
    }

    /** {@code tickets}: transfers only for tickets that exist, each step recorded on its ticket. */
    public Linkage110(Vertx vertx, RedisAsyncCommands<String, String> commands, Linkage110Config config,
                      PoliceOrderIntake intake, TicketTrail tickets, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.commands = commands;
        this.redis = new RedisOps(vertx, commands);
        this.lists = new TransferLists(redis, clock);
        this.transfers = new TransferStore(redis);
        this.stats = new LinkageStats(redis);
        this.dispatcher = new DispatcherQueue(redis);
        Outbox outbox = new Outbox(redis);
        this.outgoing = new OutgoingTransfers(transfers, lists, outbox, stats, dispatcher, tickets, clock);
        this.incoming = new IncomingOrders(transfers, lists, outbox, stats, intake, config, clock);
        this.calls = new LiveCallActions(vertx.eventBus(), redis, stats, config, clock);
        this.guard = new ExchangeGuard(redis, config, clock);
        this.receipts = new IdempotentReceipts(redis);
        var options = new WebClientOptions().setConnectTimeout((int) config.requestTimeout().toMillis())
                .setUserAgent("hotline-12345-linkage/1");
        this.client = new ExchangeClient(WebClient.create(vertx, options), config, clock);
    }

    /** Stores the built-in version 1 of both transfer lists if none is published yet. Call before serving. */
    public Future<Void> seedLists() {
        return lists.seedDefaults();
    }

    /** Deploy once per process; delivers the outbox to 110 with retries. */
    public OutboxVerticle outboxVerticle() {
        return new OutboxVerticle(redis, commands, client, outgoing, config, clock);
    }

    /** The outbox, taking over another node's unscheduled entries after {@code claimIdle} (tests shorten it). */
    public OutboxVerticle outboxVerticle(java.time.Duration claimIdle) {
        return new OutboxVerticle(redis, commands, client, outgoing, config, clock, claimIdle);
    }

    /** Deploy once per process; reports progress and results of police-order tickets back to 110. */
    public ConsumerGroup<TicketEventEntry> ticketResultWatcher() {
        return ticketEvents(TicketResultWatcher.GROUP, new TicketResultWatcher(transfers, incoming));
    }

    /** Deploy once per process; pushes self-service appeals that belong to 110 (web, app, WeChat, SMS). */
    public ConsumerGroup<TicketEventEntry> webAppealScreener() {
        return ticketEvents(WebAppealScreener.GROUP, new WebAppealScreener(redis, lists, outgoing));
    }

    /** Both linkage groups start at "$": tickets before the linkage was first switched on are not its business. */
    private ConsumerGroup<TicketEventEntry> ticketEvents(String group, BatchHandler<TicketEventEntry> handler) {
        return TicketEventEntry.consumerGroup(commands, GroupSettings.of(group, config.consumerName(), RedisKeys.TICKET_EVENTS, false)
                .idle(config.pollInterval()), handler);
    }

    public Linkage110Config config() {
        return config;
    }

    public TransferLists lists() {
        return lists;
    }

    public TransferStore transfers() {
        return transfers;
    }

    public LinkageStats stats() {
        return stats;
    }

    public DispatcherQueue dispatcher() {
        return dispatcher;
    }

    public OutgoingTransfers outgoing() {
        return outgoing;
    }

    public IncomingOrders incoming() {
        return incoming;
    }

    public LiveCallActions calls() {
        return calls;
    }

    public ExchangeGuard guard() {
        return guard;
    }

    public IdempotentReceipts receipts() {
        return receipts;
    }
}
