package org.hotline.server.wiring;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hotline.core.app.TicketService;
import org.hotline.core.catalog.CategoryCatalog;
import org.hotline.core.text.Segmenter;
import org.hotline.dispatch.classify.Classifier;
import org.hotline.dispatch.classify.ClassifierConfig;
import org.hotline.dispatch.classify.ClosedTicketLearner;
import org.hotline.dispatch.classify.TextFeatures;
import org.hotline.dispatch.duplicate.DuplicateFinder;
import org.hotline.dispatch.duplicate.HotSpotDetector;
import org.hotline.dispatch.duplicate.PlaceIndex;
import org.hotline.dispatch.duplicate.PlaceIndexer;
import org.hotline.dispatch.duplicate.PlaceMatch;
import org.hotline.dispatch.history.HistoryImport;
import org.hotline.dispatch.history.HistoryImportConfig;
import org.hotline.dispatch.http.DispatchRoutes;
import org.hotline.dispatch.http.DuplicateRoutes;
import org.hotline.dispatch.http.PolicyRoutes;
import org.hotline.dispatch.http.RoutingRoutes;
import org.hotline.dispatch.routing.AutoDispatch;
import org.hotline.dispatch.routing.DispatcherQueue;
import org.hotline.dispatch.routing.RedisRoutingRules;
import org.hotline.dispatch.routing.RedisAutoAssignPolicy;
import org.hotline.dispatch.sla.DutyCalendarTiming;
import org.hotline.dispatch.sla.DutyHours;
import org.hotline.dispatch.sla.SlaScheduler;
import org.hotline.dispatch.sla.SlaSchedulerConfig;
import org.hotline.dispatch.sla.TicketServiceSlaSink;
import org.hotline.dispatch.store.RedisCatalog;
import org.hotline.dispatch.store.RedisTrainingCorpus;

/**
 * Classification, automatic assignment, the dispatcher queue, SLA alarms, duplicates, hot spots and
 * the history import. Every background part is a consumer named after this node, so several
 * nodes share the work without doing it twice.
 */
public final class DispatchModule implements Module {

    private final Vertx vertx;
    private final RedisAsyncCommands<String, String> redis;
    private final TicketService tickets;
    private final Handler<RoutingContext> authentication;
    private final String nodeId;
    private final Clock clock;
    private final RedisCatalog catalog;
    private final RedisTrainingCorpus corpus;
    private final Classifier classifier;
    private final HistoryImport history;
    private final RedisRoutingRules rules;
    private final DispatcherQueue queue;
    private final HotSpotDetector hotSpots;
    private final PlaceIndex places;
    private final Segmenter segmenter;
    private final List<String> deployments = new ArrayList<>();

    public DispatchModule(Vertx vertx, RedisAsyncCommands<String, String> redis, Segmenter segmenter, TicketService tickets,
                          Handler<RoutingContext> authentication, String nodeId, Clock clock) {
        this.vertx = vertx;
        this.redis = redis;
        this.tickets = tickets;
        this.authentication = authentication;
        this.nodeId = nodeId;
        this.clock = clock;
        this.segmenter = segmenter;
        ClassifierConfig config = ClassifierConfig.defaults();
        this.catalog = new RedisCatalog(vertx, redis);
        this.corpus = new RedisTrainingCorpus(vertx, redis);
        this.classifier = new Classifier(vertx, new TextFeatures(segmenter, config.maxCharGram()), config, catalog, corpus, clock);
        this.history = new HistoryImport(vertx, redis, catalog, corpus, classifier, clock, HistoryImportConfig.defaults());
        this.rules = new RedisRoutingRules(vertx, redis);
        this.queue = new DispatcherQueue(vertx, redis);
        this.hotSpots = new HotSpotDetector(vertx, redis, Duration.ofHours(2), 5);
        this.places = new PlaceIndex(vertx, redis, Duration.ofDays(3));
    }

    @Override
    public String name() {
        return "dispatch";
    }

    /** The learner's start loads the trained model from Redis, so suggestions survive a restart. */
    @Override
    public Future<Void> start() {
        return DispatchSeed.apply(tickets.seed().categories(), segmenter, catalog, rules)
                .compose(v -> deploy(new ClosedTicketLearner(redis, corpus, classifier, "learner-" + nodeId, Duration.ofSeconds(2), 200)))
                .compose(v -> deploy(new AutoDispatch(redis, classifier, rules, new RedisAutoAssignPolicy(vertx, redis), tickets,
                        queue, hotSpots, clock, "dispatch-" + nodeId, Duration.ofMillis(200))))
                .compose(v -> deploy(new PlaceIndexer(redis, places, "places-" + nodeId, Duration.ofMillis(200))))
                .compose(v -> deploy(new SlaScheduler(redis, new TicketServiceSlaSink(tickets), SlaSchedulerConfig.defaults(),
                        new DutyCalendarTiming(tickets, DutyHours.OFFICE))));
    }

    /**
     * Follows a category an administrator added, edited or retired in the core catalog (wired to
     * {@code ApiRoutes.onCategoryChange}): dispatch's keyword catalog and seed routing rules.
     */
    public Future<Void> categoryChanged(CategoryCatalog.Entry entry) {
        return DispatchSeed.follow(entry, tickets.seed().categories(), segmenter, catalog, rules, clock.instant());
    }

    private Future<Void> deploy(VerticleBase verticle) {
        return vertx.deployVerticle(verticle).onSuccess(deployments::add).mapEmpty();
    }

    /** The history import takes bodies far above the API's 64 KiB limit and checks its own token. */
    @Override
    public void mountBeforeApi(Router router) {
        new DispatchRoutes(classifier, history, authentication, new RedisAutoAssignPolicy(vertx, redis)).mount(router);
    }

    @Override
    public void mount(Router router) {
        new RoutingRoutes(rules, queue, authentication).mount(router);
        new PolicyRoutes(new RedisAutoAssignPolicy(vertx, redis), authentication, clock).mount(router);
        new DuplicateRoutes(new DuplicateFinder(tickets, Duration.ofDays(7), 0.35, places, PlaceMatch.defaults()), clock, authentication).mount(router);
    }

    @Override
    public Future<Void> stop() {
        Future<Void> chain = Future.succeededFuture();
        for (int i = deployments.size() - 1; i >= 0; i--) {
            String id = deployments.get(i);
            chain = chain.eventually(() -> vertx.undeploy(id));
        }
        return chain.eventually(classifier::close);
    }
}
