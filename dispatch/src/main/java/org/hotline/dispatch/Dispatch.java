package org.hotline.dispatch;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
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
import org.hotline.dispatch.classify.RetrainSchedule;
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
import org.hotline.dispatch.routing.AutoAssignPolicy;
import org.hotline.dispatch.routing.RedisAutoAssignPolicy;
import org.hotline.dispatch.sla.DutyCalendarTiming;
import org.hotline.dispatch.sla.DutyHours;
import org.hotline.dispatch.sla.SlaScheduler;
import org.hotline.dispatch.sla.SlaSchedulerConfig;
import org.hotline.dispatch.sla.TicketServiceSlaSink;
import org.hotline.dispatch.store.RedisCatalog;
import org.hotline.dispatch.store.RedisTrainingCorpus;

/**
 * The dispatch module's entry point, like {@code SearchModule} and {@code Linkage110}: classification,
 * automatic assignment, the dispatcher queue, SLA alarms, duplicates, hot spots and the history import,
 * wired from its collaborators and {@link DispatchSettings}. Every background part is a consumer named
 * after this node, so several nodes share the work without doing it twice.
 */
public final class Dispatch {

    /** Event-bus address of SLA alarms (published once per alarm). */
    public static final String SLA_ALARM_ADDRESS = SlaScheduler.ADDRESS;
    /** Sorted set of SLA alarms being fired (a backlog metric). */
    public static final String SLA_IN_FLIGHT = SlaScheduler.IN_FLIGHT;
    /** Sorted set of SLA notifications deferred to the next duty start (a backlog metric). */
    public static final String SLA_DEFERRED_NOTIFICATIONS = SlaScheduler.DEFERRED_NOTIFICATIONS;

    private final Vertx vertx;
    private final RedisAsyncCommands<String, String> redis;
    private final TicketService tickets;
    private final Handler<RoutingContext> authentication;
    private final String nodeId;
    private final Clock clock;
    private final DispatchSettings settings;
    private final Segmenter segmenter;
    private final RedisCatalog catalog;
    private final RedisTrainingCorpus corpus;
    private final Classifier classifier;
    private final HistoryImport history;
    private final RedisRoutingRules rules;
    private final DispatcherQueue queue;
    private final HotSpotDetector hotSpots;
    private final PlaceIndex places;
    /** The auto-assign policy auto-dispatch applies and {@code /api/v1/dispatch/policy} serves: one object for both. */
    private final RedisAutoAssignPolicy policy;
    private final List<String> deployments = new ArrayList<>();

    public Dispatch(Vertx vertx, RedisAsyncCommands<String, String> redis, Segmenter segmenter, TicketService tickets,
                    Handler<RoutingContext> authentication, String nodeId, Clock clock, DispatchSettings settings) {
        this.vertx = vertx;
        this.redis = redis;
        this.tickets = tickets;
        this.authentication = authentication;
        this.nodeId = nodeId;
        this.clock = clock;
        this.settings = settings;
        this.segmenter = segmenter;
        ClassifierConfig config = ClassifierConfig.defaults();
        this.catalog = new RedisCatalog(vertx, redis);
        this.corpus = new RedisTrainingCorpus(vertx, redis);
        this.classifier = new Classifier(vertx, new TextFeatures(segmenter, config.maxCharGram()), config, catalog, corpus, clock);
        this.history = new HistoryImport(vertx, redis, catalog, corpus, classifier, clock, HistoryImportConfig.defaults());
        this.rules = new RedisRoutingRules(vertx, redis);
        this.queue = new DispatcherQueue(vertx, redis);
        this.hotSpots = new HotSpotDetector(vertx, redis, settings.hotSpotWindow(), settings.hotSpotThreshold());
        this.places = new PlaceIndex(vertx, redis, Duration.ofDays(3));
        this.policy = new RedisAutoAssignPolicy(vertx, redis, AutoAssignPolicy.uniform(settings.autoAssignConfidence()));
    }

    public DispatchSettings settings() {
        return settings;
    }

    /** Seeds the keyword catalog and routing rules, then deploys the consumers; the learner loads the trained model first. */
    public Future<Void> start() {
        return DispatchSeed.apply(tickets.seed().categories(), segmenter, catalog, rules)
                .compose(v -> deploy(new ClosedTicketLearner(corpus, classifier, new RetrainSchedule(vertx, classifier::retrain,
                        settings.retrainShare(), RetrainSchedule.DEFAULT_MIN_PAUSE)).group(redis, "learner-" + nodeId, Duration.ofSeconds(2))))
                .compose(v -> deploy(new AutoDispatch(classifier, rules, policy, tickets,
                        queue, hotSpots, clock).group(redis, "dispatch-" + nodeId, Duration.ofMillis(200))))
                .compose(v -> deploy(new PlaceIndexer(places).group(redis, "places-" + nodeId, Duration.ofMillis(200))))
                .compose(v -> deploy(new SlaScheduler(redis, new TicketServiceSlaSink(tickets), SlaSchedulerConfig.defaults(),
                        new DutyCalendarTiming(tickets, DutyHours.OFFICE))));
    }

    /**
     * Follows a category an administrator added, edited or retired in the core catalog (wired to
     * {@code ApiOptions.categoryListener}): dispatch's keyword catalog and seed routing rules.
     */
    public Future<Void> categoryChanged(CategoryCatalog.Entry entry) {
        return DispatchSeed.follow(entry, tickets.seed().categories(), segmenter, catalog, rules, clock.instant());
    }

    /** The history import takes bodies far above the API's 64 KiB limit and checks its own token: mount it before the API. */
    public void mountBeforeApi(Router router) {
        new DispatchRoutes(classifier, history, authentication, policy).mount(router);
    }

    public void mount(Router router) {
        new RoutingRoutes(rules, queue, authentication).mount(router);
        new PolicyRoutes(policy, authentication, clock).mount(router);
        new DuplicateRoutes(new DuplicateFinder(tickets, settings.duplicateWindow(), settings.duplicateSimilarity(), places,
                PlaceMatch.defaults()), clock, authentication).mount(router);
    }

    /** Undeploys the consumers in reverse order (unacknowledged entries wait in the stream), then closes the classifier. */
    public Future<Void> stop() {
        Future<Void> chain = Future.succeededFuture();
        for (int i = deployments.size() - 1; i >= 0; i--) {
            String id = deployments.get(i);
            chain = chain.eventually(() -> vertx.undeploy(id));
        }
        return chain.eventually(classifier::close);
    }

    private Future<Void> deploy(VerticleBase verticle) {
        return vertx.deployVerticle(verticle).onSuccess(deployments::add).mapEmpty();
    }
}
