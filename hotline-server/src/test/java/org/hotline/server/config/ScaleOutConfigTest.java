package org.hotline.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings of a deployment with several nodes: the cluster, Redis Sentinel, several Elasticsearch nodes. */
class ScaleOutConfigTest {

    @TempDir
    Path dataDir;

    private HotlineConfig load(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("HOTLINE_DATA_DIR", dataDir.toString());
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return ConfigLoader.load(env);
    }

    @Test
    void theEmbeddedDefaultIsOneNodeWithoutACluster() {
        assertThat(load().cluster().enabled()).isFalse();
    }

    @Test
    void hazelcastJoinsTheListedMembers() {
        HotlineConfig.Cluster cluster = load("HOTLINE_CLUSTER", "hazelcast", "HOTLINE_ES_URLS", "http://es1:9200",
                "HOTLINE_CLUSTER_HOST", "10.0.0.7", "HOTLINE_CLUSTER_PORT", "5801", "HOTLINE_CLUSTER_MEMBERS", " 10.0.0.7:5801, 10.0.0.8:5801 ,").cluster();

        assertThat(cluster.mode()).isEqualTo(HotlineConfig.ClusterMode.HAZELCAST);
        assertThat(cluster.host()).isEqualTo("10.0.0.7");
        assertThat(cluster.port()).isEqualTo(5801);
        assertThat(cluster.busPort()).isZero();
        assertThat(cluster.members()).containsExactly("10.0.0.7:5801", "10.0.0.8:5801");
    }

    @Test
    void aClusterOnTheEmbeddedSearchIndexRefusesToStartNamingBothSettings() {
        assertThatThrownBy(() -> load("HOTLINE_CLUSTER", "hazelcast"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("HOTLINE_ES_URLS").hasMessageContaining("HOTLINE_CLUSTER")
                .extracting(e -> ((InvalidConfigException) e).setting()).isEqualTo("HOTLINE_ES_URLS");
    }

    @Test
    void anUnknownClusterManagerOrAMalformedMemberStopsTheStart() {
        assertThatThrownBy(() -> load("HOTLINE_CLUSTER", "multicast"))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("HOTLINE_CLUSTER");
        assertThatThrownBy(() -> load("HOTLINE_CLUSTER", "hazelcast", "HOTLINE_ES_URLS", "http://es1:9200",
                "HOTLINE_CLUSTER_MEMBERS", "http://node2:5701"))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("HOTLINE_CLUSTER_MEMBERS");
        assertThatThrownBy(() -> load("HOTLINE_CLUSTER_PORT", "0"))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("HOTLINE_CLUSTER_PORT");
    }

    @Test
    void severalElasticsearchNodesAreReadInOrder() {
        HotlineConfig config = load("HOTLINE_ES_URLS", "http://es1:9200, http://es2:9200,https://es3.example:9243");

        assertThat(config.search().elasticsearchUrls())
                .containsExactly("http://es1:9200", "http://es2:9200", "https://es3.example:9243");
        assertThatThrownBy(() -> load("HOTLINE_ES_URLS", "http://es1:9200,es2:9200"))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("HOTLINE_ES_URLS");
    }

    @Test
    void aSentinelUriIsAnExternalRedis() {
        HotlineConfig config = load("HOTLINE_REDIS_URI", "redis-sentinel://10.0.0.1:26379,10.0.0.2:26379/0#hotline",
                "HOTLINE_JWT_SECRET", "k".repeat(40), "HOTLINE_BOOTSTRAP_ADMIN_PASSWORD", "long-enough");

        assertThat(config.embedded()).isFalse();
        assertThat(config.redis().uri()).startsWith("redis-sentinel://");
    }
}
