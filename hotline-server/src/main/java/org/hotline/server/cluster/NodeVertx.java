package org.hotline.server.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.concurrent.TimeUnit;
import org.hotline.server.config.HotlineConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the node's Vert.x: a plain one when clustering is off, else a clustered one whose event
 * bus reaches the other nodes (publish reaches consumers on every node; send picks one).
 */
public final class NodeVertx {

    private static final Logger LOG = LoggerFactory.getLogger(NodeVertx.class);
    private static final long JOIN_TIMEOUT_SECONDS = 60;

    private NodeVertx() {
    }

    /** Called from main before anything listens, so waiting here blocks no event loop. */
    public static Vertx create(VertxOptions options, HotlineConfig.Cluster cluster) throws Exception {
        return switch (cluster.mode()) {
            case OFF -> Vertx.vertx(options);
            case HAZELCAST -> clustered(options, cluster);
        };
    }

    private static Vertx clustered(VertxOptions options, HotlineConfig.Cluster cluster) throws Exception {
        options.getEventBusOptions().setHost(cluster.host()).setPort(cluster.busPort()).setClusterPublicHost(cluster.host());
        HazelcastClusterManager manager = new HazelcastClusterManager(HazelcastMembership.config(cluster));
        Vertx vertx = Vertx.builder().with(options).withClusterManager(manager).buildClustered()
                .toCompletionStage().toCompletableFuture().get(JOIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        ScreenPopOnce.install(vertx.eventBus());
        LOG.info("cluster joined [name={}, node={}, members={}]", cluster.name(), manager.getNodeId(), manager.getNodes().size());
        return vertx;
    }
}
