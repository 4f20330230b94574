package org.hotline.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Elasticsearch 8.19.21 integ-test-zip from Maven Central, unpacked once into the cache. The
 * zip comes into the local Maven repository as a dependency of this module; {@code HOTLINE_TEST_ES_ZIP}
 * names another copy.
 */
final class ElasticsearchDistribution {

    static final String VERSION = "8.19.21";
    static final String ZIP_OVERRIDE = "HOTLINE_TEST_ES_ZIP";

    private ElasticsearchDistribution() {
    }

    /** The unpacked home, readable by the unprivileged user the server runs as. */
    static Path home() {
        Path home = cacheRoot().resolve("elasticsearch-" + VERSION);
        if (Files.isExecutable(home.resolve("bin/elasticsearch"))) {
            return home;
        }
        Path zip = zip();
        Path partial = null;
        try {
            Files.createDirectories(home.getParent());
            partial = Files.createTempDirectory(home.getParent(), "elasticsearch-unpacking-");
            unzip(zip, partial);
            partial.toFile().setReadable(true, false);
            partial.toFile().setExecutable(true, false);
            // Rename only when complete, so a killed build never leaves a half-unpacked server.
            Files.move(partial.resolve("elasticsearch-" + VERSION), home, StandardCopyOption.ATOMIC_MOVE);
            return home;
        } catch (IOException e) {
            if (Files.isExecutable(home.resolve("bin/elasticsearch"))) {
                return home; // another JVM unpacked it at the same time
            }
            throw new UncheckedIOException("cannot unpack " + zip + " into " + home, e);
        } finally {
            if (partial != null) {
                Folders.delete(partial);
            }
        }
    }

    /** As root the server runs as nobody, who cannot enter /root: then the cache moves to /var/cache. */
    private static Path cacheRoot() {
        if (Overrides.runningAsRoot() && Overrides.get("HOTLINE_CACHE_DIR").isEmpty()) {
            return Path.of("/var/cache/hotline");
        }
        return Overrides.cacheDir();
    }

    private static Path zip() {
        Path zip = Overrides.get(ZIP_OVERRIDE).map(Path::of).orElseGet(() -> localRepository()
                .resolve("org/elasticsearch/distribution/integ-test-zip/elasticsearch/" + VERSION)
                .resolve("elasticsearch-" + VERSION + ".zip"));
        if (!Files.isRegularFile(zip)) {
            throw MissingServer.abort("Elasticsearch " + VERSION, "the server zip " + zip + " is not there (run the build"
                    + " online once: ./mvnw -pl hotline-test-support dependency:resolve, or set " + ZIP_OVERRIDE + ")",
                    RealElasticsearch.URL_OVERRIDE + "=http://host:9200");
        }
        return zip;
    }

    private static Path localRepository() {
        return Overrides.get("maven.repo.local").map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".m2", "repository"));
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    copy(in, out);
                }
            }
        }
    }

    private static void copy(InputStream in, Path out) throws IOException {
        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        out.toFile().setReadable(true, false);
        // The zip format as read by Java drops Unix modes; only the launch scripts need them.
        if (out.getParent().getFileName().toString().equals("bin")) {
            out.toFile().setExecutable(true, false);
        }
    }
}
