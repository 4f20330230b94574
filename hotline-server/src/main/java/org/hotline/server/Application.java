package org.hotline.server;

import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.micrometer.backends.BackendRegistries;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hotline.core.api.ApiConfig;
import org.hotline.core.attachment.AttachmentConfig;
import org.hotline.core.http.AttemptLimits;
import org.hotline.core.http.TrustedProxies;
import org.hotline.core.api.ApiOptions;
import org.hotline.core.api.ApiParts;
import org.hotline.core.api.ApiRoutes;
import org.hotline.core.app.TicketService;
import org.hotline.core.app.TicketServiceConfig;
import org.hotline.core.auth.AuthConfig;
import org.hotline.core.catalog.Seed;
import org.hotline.core.archive.FileTicketArchive;
import org.hotline.core.port.TicketArchive;
import org.hotline.core.redis.RedisConfig;
import org.hotline.core.redis.RedisConnector;
import org.hotline.core.redis.RedisTicketArchiver;
import org.hotline.core.redis.RedisTicketKeys;
import org.hotline.core.redis.RedisTicketStore;
import org.hotline.core.redis.RedisTicketStoreConfig;
import org.hotline.core.wire.SeedLoader;
import org.hotline.server.config.HotlineConfig;
import org.hotline.server.embedded.EmbeddedRedis;
import org.hotline.server.health.DependencyCheck;
import org.hotline.server.health.HealthRoutes;
import org.hotline.server.http.HttpListeners;
import org.hotline.server.http.OverloadShedding;
import org.hotline.server.metrics.OperationsMetrics;
import org.hotline.server.wiring.Linkage110Module;
import org.hotline.server.wiring.Module;
import org.hotline.server.wiring.SearchAndReports;
import org.hotline.server.wiring.DispatchModule;
import org.hotline.server.wiring.SmsModule;
import org.hotline.server.wiring.SurveyModule;
import org.hotline.server.wiring.VoiceSurveyModule;
import org.hotline.server.wiring.TelephonyModule;
import org.hotline.search.SearchConfig;
import org.hotline.core.text.HanLpSegmenter;
import org.hotline.core.text.Segmenter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the modules together: one Redis client, the HTTP router with every module's routes, the
 * background verticles. Collaborators are built here and handed to the modules through their
 * constructors; no module reaches for another's internals.
 */
public final class Application {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private final Vertx vertx;
    private final HotlineConfig config;
    private final String redisUri;
    private static final Duration METRICS_INTERVAL = Duration.ofSeconds(10);
    private static final Duration ARCHIVE_FIRST_RUN = Duration.ofMinutes(1);
    private static final Duration ARCHIVE_INTERVAL = Duration.ofHours(1);
    private static final long ARCHIVE_SCAN_PER_RUN = 100_000;

    private final Clock clock = Clock.systemUTC();
    private final EmbeddedRedis embeddedRedis;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final OverloadShedding shedding;
    private RedisConnector connector;
    private StatefulRedisConnection<String, String> redis;
    private TicketService tickets;
    private ApiParts apiParts;
    private TicketArchive archive;
    private ApiRoutes api;
    private final List<Module> modules = new ArrayList<>();
    private HttpListeners.Listening http;
    private List<DependencyCheck> checks = List.of();
    private String metricsDeployment;

    /** {@code embeddedRedis} (null with an external Redis) adds its supervisor's state to the Redis health check. */
    public Application(Vertx vertx, HotlineConfig config, String redisUri, EmbeddedRedis embeddedRedis) {
        this.vertx = vertx;
        this.config = config;
        this.redisUri = redisUri;
        this.embeddedRedis = embeddedRedis;
        this.shedding = new OverloadShedding(config.http().inFlight());
    }

    /** Completes with the HTTP port once every part is up. */
    public Future<Integer> start() {
        return connectRedis()
                .compose(v -> startTickets())
                .compose(v -> startModules())
                .compose(v -> startHttp())
                .compose(listening -> startMetrics().map(listening.port()));
    }

    /** Drains HTTP first, then stops modules in reverse order, then closes connections. */
    public Future<Void> stop() {
        Future<Void> closed = http == null ? Future.succeededFuture() : HttpListeners.close(vertx, http);
        return closed.eventually(this::stopMetrics).eventually(this::stopModules).eventually(() -> vertx.executeBlocking(() -> {
            for (int i = closeables.size() - 1; i >= 0; i--) {
                try {
                    closeables.get(i).close();
                } catch (Exception e) {
                    LOG.warn("closing a component failed [{}]", e.getMessage());
                }
            }
            return null;
        }));
    }

    private Future<Void> connectRedis() {
        connector = RedisConnector.create(vertx, new RedisConfig(redisUri, config.redis().commandTimeout(), null, null));
        closeables.add(() -> connector.close().toCompletionStage().toCompletableFuture().get());
        return connector.connect().onSuccess(connection -> redis = connection).mapEmpty();
    }

    /** The seed catalog is read from the classpath (blocking I/O, so on a worker). */
    private Future<Void> startTickets() {
        Future<Seed> seed = vertx.executeBlocking(() -> config.seedDir().map(SeedLoader::fromDirectory)
                .orElseGet(SeedLoader::fromClasspath));
        archive = new FileTicketArchive(vertx, config.redis().archiveDir());
        Future<RedisTicketStore> store = RedisTicketStore.start(vertx, connector, RedisTicketStoreConfig.defaults(), archive);
        startArchiving(archive);
        return Future.all(seed, store).compose(both -> {
            tickets = new TicketService(store.result(), seed.result(), clock, TicketServiceConfig.defaults());
            apiParts = ApiParts.create(vertx, apiConfig(), redis.async(), tickets, clock);
            return Future.<Void>succeededFuture();
        });
    }

    /**
     * Closed tickets past HOTLINE_ARCHIVE_CLOSED_AFTER_DAYS leave Redis for the archive: a run a minute after the
     * start, then every hour (each node; the archiver is idempotent). Off when the retention is zero.
     */
    private void startArchiving(TicketArchive archive) {
        if (!config.redis().archivesClosedTickets()) {
            return;
        }
        RedisTicketArchiver archiver = new RedisTicketArchiver(vertx, redis.async(), RedisTicketKeys.defaults(), archive,
                config.redis().closedRetention(), ARCHIVE_SCAN_PER_RUN);
        long timer = vertx.setPeriodic(ARCHIVE_FIRST_RUN.toMillis(), ARCHIVE_INTERVAL.toMillis(), id ->
                archiver.archiveDue(clock.instant()).onFailure(failure ->
                        LOG.warn("archiving closed tickets failed, retried within the hour [{}]", failure.toString())));
        closeables.add(() -> vertx.cancelTimer(timer));
    }

    /**
     * The API is built once, after the modules that plug into it (advice, category listener, documented
     * routes), and started (accounts, administrators' policy settings) before any module starts.
     */
    private Future<Void> startModules() {
        return buildModules().compose(v -> api.start()).compose(v -> startEach());
    }

    private org.hotline.dispatch.DispatchSettings dispatchSettings() {
        HotlineConfig.Dispatch d = config.dispatch();
        return new org.hotline.dispatch.DispatchSettings(d.autoAssignConfidence(), d.hotSpotWindow(), d.hotSpotThreshold(),
                d.duplicateWindow(), d.duplicateSimilarity(), d.retrainShare());
    }

    /** Collaborators that need I/O to create (connections, dictionaries) are made before the modules. */
    private Future<Void> buildModules() {
        Future<Segmenter> segmenter = vertx.executeBlocking(HanLpSegmenter::new);
        Future<StatefulRedisConnection<String, String>> indexerConnection = connector.connect();
        return Future.all(segmenter, indexerConnection).map(both -> {
            DispatchModule dispatch = new DispatchModule(vertx, redis.async(), segmenter.result(), tickets, apiParts.authHandler(),
                    config.nodeId(), clock, dispatchSettings());
            ApiOptions options = ApiOptions.none().withOpenApiFragments(openApiFragments())
                    .withCategoryListener(dispatch::categoryChanged);
            modules.add(dispatch);
            modules.add(new SearchAndReports(vertx, searchConfig(), segmenter.result(), indexerConnection.result(), redis,
                    () -> tickets.seed().departments(), clock, apiParts.audit(), archive));
            modules.add(new SurveyModule(vertx, config.nodeId(), redis.async()));
            if (config.telephony().enabled()) {
                modules.add(new TelephonyModule(vertx, config.telephony(), redis.async(), tickets, apiParts.authHandler(), clock));
            }
            boolean voiceSurvey = config.telephony().enabled() && config.voiceSurvey().enabled();
            SmsModule sms = config.sms().enabled() ? new SmsModule(vertx, config.sms(), config.nodeId(), redis.async(), tickets,
                    apiParts.authHandler(), clock, voiceSurvey) : null;
            if (sms != null) {
                modules.add(sms);
            }
            if (voiceSurvey) {
                modules.add(new VoiceSurveyModule(vertx, config.voiceSurvey(), config.sms(), config.nodeId(), redis.async(), tickets,
                        () -> sms == null ? null : sms.channel(), clock));
            }
            if (config.link110().enabled()) {
                Linkage110Module linkage = new Linkage110Module(vertx, config.link110(), config.nodeId(), redis.async(), tickets, clock);
                options = options.withIntakeAdvice(linkage.intakeAdvice());
                modules.add(linkage);
            }
            api = new ApiRoutes(apiParts, options);
            return null;
        });
    }

    private SearchConfig searchConfig() {
        SearchConfig embedded = SearchConfig.defaults(config.dataDir().resolve("search"));
        SearchConfig backend = config.search().isEmbedded() ? embedded
                : embedded.withElasticsearch(config.search().elasticsearchUrls(), embedded.indexPrefix());
        return backend.withConsumerName("search-" + config.nodeId());
    }

    private Future<Void> startEach() {
        Future<Void> chain = Future.succeededFuture();
        for (Module module : modules) {
            chain = chain.compose(v -> module.start()
                    .onSuccess(started -> LOG.info("module started [{}]", module.name())));
        }
        return chain;
    }

    private Future<Void> stopModules() {
        Future<Void> chain = Future.succeededFuture();
        for (int i = modules.size() - 1; i >= 0; i--) {
            Module module = modules.get(i);
            chain = chain.eventually(module::stop);
        }
        return chain;
    }

    /** Each mounted module's documented routes; telephony and the 110 linkage only when they are on. */
    private List<String> openApiFragments() {
        List<String> fragments = new ArrayList<>(List.of("/org/hotline/server/openapi-fragment.json",
                "/org/hotline/dispatch/openapi-fragment.json", "/org/hotline/search/openapi-fragment.json",
                "/org/hotline/telephony/survey/openapi-fragment.json"));
        if (config.telephony().enabled()) {
            fragments.add("/org/hotline/telephony/openapi-fragment.json");
        }
        if (config.sms().enabled()) {
            fragments.add("/org/hotline/telephony/sms/openapi-fragment.json");
        }
        if (config.link110().enabled()) {
            fragments.add("/org/hotline/linkage110/openapi-fragment.json");
        }
        return fragments;
    }

    private ApiConfig apiConfig() {
        HotlineConfig.Auth auth = config.auth();
        AuthConfig authConfig = new AuthConfig(auth.jwtSecret(), Duration.ofSeconds(auth.tokenTtlSeconds()),
                auth.bootstrapAdminPassword(), config.embedded() ? DemoAccounts.all() : List.of());
        HotlineConfig.Limits limits = config.limits();
        return ApiConfig.of(authConfig).withBodyLimit(config.http().bodyLimitBytes())
                .withIntakeLimits(config.http().intakePerAddress(), limits.intakePerPhone())
                .withAttemptLimits(new AttemptLimits(limits.queryCodeFailuresPerTicket(),
                        Duration.ofMinutes(limits.queryCodeLockMinutes()), limits.passwordFailuresPerAccount(),
                        Duration.ofMinutes(limits.accountLockMinutes())))
                .withTrustedProxies(TrustedProxies.of(limits.trustedProxies()))
                .withAttachments(new AttachmentConfig(config.attachments().directory(), config.attachments().maxBytes(),
                        config.attachments().maxPerTicket()));
    }

    /** One router, served by {@code HOTLINE_HTTP_INSTANCES} servers on one port ({@link HttpListeners}). */
    private Future<HttpListeners.Listening> startHttp() {
        Router router = Router.router(vertx);
        checks = checks();
        new HealthRoutes(vertx, checks).mount(router);
        router.get("/metrics").handler(PrometheusScrapingHandler.create());
        router.route().handler(shedding); // before every body handler, authentication and Redis call
        modules.forEach(module -> module.mountBeforeApi(router));
        api.mount(router);
        modules.forEach(module -> module.mount(router));
        router.route("/*").handler(StaticHandler.create("webroot").setIndexPage("index.html"));
        HttpServerOptions options = new HttpServerOptions().setHost(config.http().host()).setPort(config.http().port())
                .setCompressionSupported(true);
        return HttpListeners.deploy(vertx, router, options, config.http().instances())
                .onSuccess(listening -> http = listening);
    }

    /** Prometheus figures of Redis, streams, SLA alarms and dependencies, next to Vert.x's own. */
    private Future<Void> startMetrics() {
        MeterRegistry registry = BackendRegistries.getDefaultNow();
        if (registry == null) {
            return Future.succeededFuture();
        }
        OperationsMetrics metrics = new OperationsMetrics(registry, redis.async(),
                connector.client().getResources().commandLatencyRecorder(), checks, METRICS_INTERVAL);
        return vertx.deployVerticle(metrics).onSuccess(id -> metricsDeployment = id).mapEmpty();
    }

    private Future<Void> stopMetrics() {
        return metricsDeployment == null ? Future.succeededFuture() : vertx.undeploy(metricsDeployment);
    }

    private List<DependencyCheck> checks() {
        List<DependencyCheck> checks = new ArrayList<>();
        checks.add(redisCheck());
        checks.add(calendarCheck());
        modules.forEach(module -> checks.addAll(module.checks()));
        if (!config.telephony().enabled()) {
            checks.add(DependencyCheck.disabled("telephony", "HOTLINE_AMI_HOST is not set"));
        }
        if (!config.link110().enabled()) {
            checks.add(DependencyCheck.disabled("link110", "HOTLINE_LINK110_URL is not set"));
        }
        return checks;
    }

    /** Not required: a missing holiday year makes deadlines provisional, not the server unready; /health says so. */
    private DependencyCheck calendarCheck() {
        return DependencyCheck.of("calendar", false, () -> {
            var calendar = tickets.seed().calendar();
            List<String> warnings = calendar.warnings(clock.instant().atZone(calendar.zone()).toLocalDate());
            return warnings.isEmpty() ? Future.succeededFuture("holiday years " + calendar.years())
                    : Future.failedFuture(String.join("；", warnings));
        });
    }

    private DependencyCheck redisCheck() {
        return DependencyCheck.of("redis", true, () -> Future.fromCompletionStage(redis.async().ping(), vertx.getOrCreateContext())
                .map(pong -> embeddedRedis == null ? "external " + pong : "embedded " + pong + ", " + embeddedRedis.state())
                .recover(failure -> embeddedRedis == null ? Future.failedFuture(failure)
                        : Future.failedFuture("embedded, " + embeddedRedis.state() + ": " + failure.getMessage())));
    }
}
