package org.hotline.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.hotline.server.cluster.NodeVertx;
import org.hotline.server.config.ConfigLoader;
import org.hotline.server.config.HotlineConfig;
import org.hotline.server.config.InvalidConfigException;
import org.hotline.server.embedded.EmbeddedRedis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-command server: loads and validates configuration, starts an embedded Redis when none
 * is configured, deploys the application, and on Ctrl-C stops everything it started.
 */
public final class HotlineServer {

    private static final Logger LOG = LoggerFactory.getLogger(HotlineServer.class);

    private HotlineServer() {
    }

    public static void main(String[] args) {
        HotlineConfig config;
        try {
            config = ConfigLoader.fromEnvironment();
        } catch (InvalidConfigException e) {
            LOG.error("refusing to start: invalid configuration [{}]", e.getMessage());
            System.exit(2);
            return;
        }
        AtomicReference<Running> running = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Running r = running.get();
            if (r != null) {
                r.stop();
            }
            // log4j's own hook is disabled (log4j2.xml) so the lines above are still written.
            org.apache.logging.log4j.LogManager.shutdown();
        }, "hotline-shutdown"));
        try {
            running.set(start(config));
        } catch (Exception e) {
            LOG.error("server failed to start [{}]", e.getMessage(), e);
            System.exit(1);
        }
    }

    /** Starts the whole backend; used by main and by system tests. */
    public static Running start(HotlineConfig config) throws IOException {
        EmbeddedRedis embeddedRedis = config.redis().isEmbedded()
                ? EmbeddedRedis.start(config.dataDir(), config.redis().fsync(), config.redis().embeddedPort())
                : null;
        String redisUri = embeddedRedis != null ? embeddedRedis.uri() : config.redis().uri();
        Vertx vertx = vertx(config, embeddedRedis);
        Application application = new Application(vertx, config, redisUri, embeddedRedis);
        try {
            int port = application.start().toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
            logStartup(config, redisUri, embeddedRedis, port);
            return new Running(vertx, application, embeddedRedis, port);
        } catch (Exception e) {
            application.stop();
            vertx.close();
            if (embeddedRedis != null) {
                embeddedRedis.close();
            }
            throw new IOException("startup failed: " + rootMessage(e), e);
        }
    }

    private static Vertx vertx(HotlineConfig config, EmbeddedRedis embeddedRedis) throws IOException {
        VertxOptions options = new VertxOptions().setPreferNativeTransport(false).setMetricsOptions(
                new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true)
                        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true)));
        try {
            return NodeVertx.create(options, config.cluster());
        } catch (Exception e) {
            if (embeddedRedis != null) {
                embeddedRedis.close();
            }
            throw new IOException("cannot join the cluster: " + rootMessage(e), e);
        }
    }

    private static void logStartup(HotlineConfig config, String redisUri, EmbeddedRedis embedded, int port) {
        LOG.info("hotline server ready [http=http://{}:{}/, health=/health]", config.http().host(), port);
        LOG.info("redis [{}{}]", embedded != null ? "embedded, data in " + embedded.dir() + ", " : "external, ",
                redisUri.replaceAll("//[^@/]*@", "//***@"));
        LOG.info("search [{}]", config.search().isEmbedded()
                ? "embedded Lucene, index in " + config.dataDir().resolve("search")
                : "Elasticsearch " + config.search().elasticsearchUrls());
        LOG.info("telephony [{}]", config.telephony().enabled()
                ? "AMI " + config.telephony().amiHost() + ":" + config.telephony().amiPort() + ", FastAGI port " + config.telephony().agiPort()
                : "off: set HOTLINE_AMI_HOST, HOTLINE_AMI_USERNAME and HOTLINE_AMI_SECRET to connect to Asterisk");
        LOG.info("cluster [{}]", config.cluster().enabled()
                ? "hazelcast '" + config.cluster().name() + "' on " + config.cluster().host() + ":" + config.cluster().port()
                : "off: one node (set HOTLINE_CLUSTER=hazelcast to share the event bus between nodes)");
        LOG.info("110 linkage [{}]", config.link110().enabled() ? "peer " + config.link110().peerUrl() : "off: set HOTLINE_LINK110_URL");
        if (config.embedded()) {
            LOG.info("embedded default: demo accounts are listed in README.md; data lives in {}", config.dataDir());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** A started server; {@link #stop()} drains and stops everything it started, Redis last. */
    public record Running(Vertx vertx, Application application, EmbeddedRedis embeddedRedis, int httpPort) {
        public void stop() {
            LOG.info("stopping hotline server");
            // Awaited one by one from this thread: a close chained on an event loop would complete
            // on the loop it is shutting down.
            await("application", application.stop());
            await("vert.x", vertx.close());
            if (embeddedRedis != null) {
                embeddedRedis.close();
            }
            LOG.info("hotline server stopped");
        }

        private static void await(String what, Future<Void> stopping) {
            try {
                stopping.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("stopping {} did not finish cleanly [{}]", what, e.getMessage());
            }
        }
    }
}
