package org.hotline.server.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hotline.server.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The acceptance suite runs the configuration docker/docker-compose.yml ships: the same settings, except
 * the few that only exist because one runs on loopback and the other in containers (named here, each
 * with its reason).
 */
class SameSettingsAsComposeTest {

    /** In compose only: containers need them, loopback does not. */
    private static final Set<String> COMPOSE_ONLY = Set.of(
            "HOTLINE_AGI_BIND",          // Asterisk in another container reaches FastAGI beyond loopback
            "HOTLINE_CLUSTER_HOST",      // each container announces its service name; loopback is the default
            "HOTLINE_CLUSTER_BUS_PORT",  // fixed for firewalls between hosts; any free port on loopback
            "HOTLINE_LOG_FORMAT");       // JSON lines for log collectors; the suite's logs are read by people
    /** In the suite only. */
    private static final Set<String> SUITE_ONLY = Set.of(
            "HOTLINE_HTTP_HOST",         // nothing listens beyond loopback on a shared machine
            "HOTLINE_CLUSTER_NAME");     // one cluster per run, so parallel runs never join each other

    @Test
    void theSuitesNodesGetTheSettingsComposeGivesItsServers() throws Exception {
        Map<String, String> suite = Deployment.nodeSettings(Deployment.commonSettings("redis://127.0.0.1:1", "http://127.0.0.1:2",
                "127.0.0.1", 3, "ami", "ami-secret", "http://127.0.0.1:4/", "127.0.0.1:5,127.0.0.1:6", "/var/spool/asterisk/monitor"),
                "node-a", 5, 7);
        Set<String> compose = composeServerSettings();

        Set<String> composeOnly = new TreeSet<>(compose);
        composeOnly.removeAll(suite.keySet());
        Set<String> suiteOnly = new TreeSet<>(suite.keySet());
        suiteOnly.removeAll(compose);

        assertThat(composeOnly).as("settings of compose's servers the suite leaves out").isEqualTo(new TreeSet<>(COMPOSE_ONLY));
        assertThat(suiteOnly).as("settings the suite adds").isEqualTo(new TreeSet<>(SUITE_ONLY));
        assertThat(ConfigLoader.load(suite).cluster().enabled()).as("the suite's settings load as a cluster node").isTrue();
    }

    @SuppressWarnings("unchecked")
    private static Set<String> composeServerSettings() throws Exception {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        Map<String, Object> compose = new Yaml(options).load(Files.readString(Path.of("..", "docker", "docker-compose.yml")));
        Map<String, Object> server = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("server1");
        return ((Map<String, Object>) server.get("environment")).keySet();
    }
}
