package org.hotline.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The cheap build check of issue 15: {@code jdeps --missing-deps} over the packaged artifact, with the
 * class path {@code java -jar} builds from the jar's manifest (the very {@code lib/} folder {@code ./run}
 * and the Docker image ship). Every class of the project's own jars must find every class it refers to.
 * A dependency declared with a narrower scope in the assembly (vertx-web-client in test scope once
 * removed the 110 linkage's HTTP client from {@code lib/}) fails here in about two seconds, before
 * the acceptance suite starts any process.
 */
class PackagedLibFolderIT {

    private static final Path TARGET = Path.of("target");

    @Test
    void everyClassTheModulesReferToIsInThePackagedLibFolder() throws IOException {
        List<Path> classPath = manifestClassPath();

        String missing = missingDependencies(classPath, path -> true);

        assertThat(missing).as("classes of the project's jars that refer to classes absent from target/lib").isEmpty();
    }

    @Test
    void theCheckNamesTheClassWhenALibraryIsLeftOutOfTheLibFolder() throws IOException {
        List<Path> classPath = manifestClassPath();

        String missing = missingDependencies(classPath, path -> !path.getFileName().toString().startsWith("vertx-web-client-"));

        assertThat(missing).contains("org.hotline.linkage110").contains("io.vertx.ext.web.client.WebClientOptions");
    }

    /** The jars {@code java -jar target/hotline-server.jar} loads, in the manifest's order. */
    private static List<Path> manifestClassPath() throws IOException {
        Path jar = TARGET.resolve("hotline-server.jar");
        assertThat(jar).as("failsafe runs after package").exists();
        try (JarFile file = new JarFile(jar.toFile())) {
            String classPath = file.getManifest().getMainAttributes().getValue("Class-Path");
            List<Path> paths = new ArrayList<>(List.of(jar));
            Arrays.stream(classPath.trim().split("\\s+")).map(TARGET::resolve).forEach(paths::add);
            paths.forEach(path -> assertThat(path).as("listed in the manifest's Class-Path").exists());
            return paths;
        }
    }

    /** jdeps' report of references from the project's own jars that the class path cannot satisfy ("" when none). */
    private static String missingDependencies(List<Path> classPath, Predicate<Path> shipped) throws IOException {
        List<Path> kept = classPath.stream().filter(shipped).toList();
        List<String> args = new ArrayList<>(List.of("--missing-deps", "--multi-release", "17", "--class-path",
                String.join(":", kept.stream().map(Path::toString).toList())));
        for (Path path : kept) {
            if (isOurs(path)) {
                args.add(path.toString());
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new IllegalStateException("jdeps needs a JDK"));
        int code = jdeps.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        assertThat(err.toString()).as("jdeps errors").isEmpty();
        assertThat(code).as("jdeps exit code; output:\n" + out).isZero();
        return out.toString().strip();
    }

    private static boolean isOurs(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().anyMatch(entry -> entry.getName().startsWith("org/hotline/") && entry.getName().endsWith(".class"));
        }
    }
}
