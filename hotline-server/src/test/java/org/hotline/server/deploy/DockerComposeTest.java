package org.hotline.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.server.config.ConfigLoader;
import org.hotline.server.config.HotlineConfig;
import org.hotline.server.config.Setting;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose file cannot run here (no Docker engine), so it is checked against what the server
 * really reads: each node's environment, with the example .env filled in, must load through
 * {@link ConfigLoader} and give the deployment the compose file promises.
 */
class DockerComposeTest {

    private static final Path DOCKER = Path.of("..", "docker");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::?[-?][^}]*)?}");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws Exception {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        return new Yaml(options).load(Files.readString(DOCKER.resolve("docker-compose.yml")));
    }

    private static Map<String, String> exampleEnv() throws Exception {
        Map<String, String> env = new HashMap<>();
        for (String line : Files.readAllLines(DOCKER.resolve(".env.example"))) {
            if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                env.put(line.substring(0, line.indexOf('=')).strip(), line.substring(line.indexOf('=') + 1).strip());
            }
        }
        return env;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> serverEnvironment(String service) throws Exception {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        Map<String, Object> node = (Map<String, Object>) services.get(service);
        Map<String, Object> environment = (Map<String, Object>) node.get("environment");
        Map<String, String> dotEnv = exampleEnv();
        Map<String, String> resolved = new HashMap<>();
        environment.forEach((name, value) -> resolved.put(name, substitute(String.valueOf(value), dotEnv)));
        return resolved;
    }

    private static String substitute(String value, Map<String, String> dotEnv) {
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(dotEnv.getOrDefault(matcher.group(1), "")));
        }
        return matcher.appendTail(out).toString();
    }

    @Test
    void everyServerNodeOfTheComposeFileStartsWithAValidConfiguration() throws Exception {
        for (String node : List.of("server1", "server2")) {
            Map<String, String> env = serverEnvironment(node);
            env.put("HOTLINE_DATA_DIR", Files.createTempDirectory("compose-" + node).toString());

            HotlineConfig config = ConfigLoader.load(env);

            assertThat(config.embedded()).as(node + " uses the compose Redis").isFalse();
            assertThat(config.redis().uri()).isEqualTo("redis://redis:6379");
            assertThat(config.search().elasticsearchUrls()).containsExactly("http://elasticsearch:9200");
            assertThat(config.telephony().enabled()).isTrue();
            assertThat(config.telephony().agiBindAddress()).isEqualTo("0.0.0.0");
            assertThat(config.cluster().enabled()).as(node + " joins the cluster").isTrue();
            assertThat(config.cluster().host()).as("announced under its service name").isEqualTo(node);
            assertThat(config.cluster().members()).as("both nodes list each other")
                    .contains("server1:" + config.cluster().port(), "server2:" + config.cluster().port());
        }
    }

    @Test
    void theTwoNodesHaveDistinctNodeIds() throws Exception {
        assertThat(serverEnvironment("server1").get("HOTLINE_NODE_ID"))
                .isNotBlank()
                .isNotEqualTo(serverEnvironment("server2").get("HOTLINE_NODE_ID"));
    }

    @Test
    void theDockerFilesNameOnlySettingsTheServerKnows() throws Exception {
        List<String> known = Arrays.stream(Setting.values()).map(Enum::name).toList();
        for (String file : List.of("docker-compose.yml", "Dockerfile", ".env.example")) {
            Matcher names = Pattern.compile("\\bHOTLINE_[A-Z0-9_]+").matcher(Files.readString(DOCKER.resolve(file)));
            while (names.find()) {
                String name = names.group();
                boolean composeOnly = name.startsWith("HOTLINE_HTTP_PUBLISH_") || name.equals("HOTLINE_IMAGE_TAG");
                assertThat(composeOnly || known.contains(name)).as(file + " names " + name).isTrue();
            }
        }
    }

    @Test
    void theImageChecksHealthAndRunsAsAnUnprivilegedUser() throws Exception {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));

        assertThat(dockerfile).containsPattern("(?s)\\nHEALTHCHECK [^\\n]*\\\\\\n[^\\n]*/health");
        assertThat(dockerfile).containsPattern("(?m)^USER (?!root)\\S+");
    }
}
