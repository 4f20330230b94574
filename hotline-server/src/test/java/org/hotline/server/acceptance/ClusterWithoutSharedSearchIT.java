package org.hotline.server.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hotline.server.cluster.ServerNode;
import org.hotline.testsupport.FreePort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Several nodes need one shared search index (issue 15): the packaged jar started clustered without
 * {@code HOTLINE_ES_URLS} refuses before opening a port, and says which two settings to change.
 */
@Timeout(180)
class ClusterWithoutSharedSearchIT {

    @Test
    void theJarClusteredOnTheEmbeddedSearchIndexRefusesToStartNamingBothSettings() throws Exception {
        int httpPort = FreePort.pick();
        ServerNode node = new ServerNode("no-shared-search", Map.of(
                "HOTLINE_HTTP_PORT", Integer.toString(httpPort), "HOTLINE_HTTP_HOST", "127.0.0.1",
                // never contacted: the configuration is refused before any connection is made
                "HOTLINE_REDIS_URI", "redis://127.0.0.1:" + FreePort.pick(),
                "HOTLINE_JWT_SECRET", "acceptance-jwt-secret-0123456789-abcdefgh",
                "HOTLINE_BOOTSTRAP_ADMIN_PASSWORD", "acceptance-admin-pass",
                "HOTLINE_CLUSTER", "hazelcast", "HOTLINE_CLUSTER_MEMBERS", "127.0.0.1:" + FreePort.pick()),
                Path.of("target", "acceptance"));

        assertThatThrownBy(() -> node.start(Duration.ofSeconds(90))).isInstanceOf(IllegalStateException.class);

        assertThat(node.logText()).contains("HOTLINE_ES_URLS").contains("HOTLINE_CLUSTER");
        assertThat(node.ready()).as("no port was opened").isFalse();
    }
}
