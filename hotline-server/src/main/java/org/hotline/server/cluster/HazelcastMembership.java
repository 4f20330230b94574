package org.hotline.server.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.hotline.server.config.HotlineConfig;
import org.hotline.server.config.InvalidConfigException;

/**
 * Hazelcast settings of one server node: Vert.x's own maps (from its default cluster file), TCP/IP
 * join on the configured members, no multicast and no auto-detection (both would pull in foreign
 * nodes on a shared network), and a failure detector tuned so a killed node leaves within seconds.
 */
public final class HazelcastMembership {

    private HazelcastMembership() {
    }

    public static Config config(HotlineConfig.Cluster cluster) {
        Config config = ConfigUtil.loadConfig();
        config.setClusterName(cluster.name());
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        // The server's own shutdown hook closes Vert.x, which leaves the cluster in order.
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
        config.setProperty("hazelcast.local.localAddress", ipOf(cluster.host()));
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(cluster.port()).setPortAutoIncrement(false);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(members(cluster));
        return config;
    }

    static List<String> members(HotlineConfig.Cluster cluster) {
        return cluster.members().isEmpty() ? List.of(cluster.host() + ":" + cluster.port()) : cluster.members();
    }

    /** Hazelcast wants an address, compose and Kubernetes give host names. */
    private static String ipOf(String host) {
        try {
            return InetAddress.getByName(host).getHostAddress();
        } catch (UnknownHostException e) {
            throw new InvalidConfigException("HOTLINE_CLUSTER_HOST", "cannot resolve '" + host + "'");
        }
    }
}
