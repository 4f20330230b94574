package org.hotline.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds a {@code redis-server}: the machine's own when on PATH, else the statically linked binary that
 * {@code org.signal:embedded-redis} ships as a class-path resource, extracted once into the cache.
 */
final class RedisBinary {

    private static final String EMBEDDED_VERSION = "7.0.15";

    private RedisBinary() {
    }

    static Path locate() {
        return onPath().orElseGet(RedisBinary::extractEmbedded);
    }

    /** The binary from the embedded-redis jar even when Redis is installed: what a bare CI machine or laptop runs. */
    static Path embedded() {
        return extractEmbedded();
    }

    static Optional<Path> onPath() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(java.io.File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "redis-server"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static Path extractEmbedded() {
        String resource = "redis-server-" + EMBEDDED_VERSION + "-" + platform();
        Path target = Overrides.cacheDir().resolve("redis").resolve(resource);
        if (Files.isExecutable(target)) {
            return target;
        }
        try (InputStream in = RedisBinary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw MissingServer.abort("Redis", "no redis-server on PATH and no embedded binary " + resource
                        + " for this platform", "HOTLINE_TEST_REDIS_URI=redis://host:port");
            }
            Files.createDirectories(target.getParent());
            // Write beside and rename, so a parallel JVM never executes a half-written binary.
            Path partial = Files.createTempFile(target.getParent(), resource, ".part");
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            partial.toFile().setExecutable(true, false);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + resource, e);
        }
    }

    private static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("mac") ? "darwin" : "linux";
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386" -> "386";
            default -> System.getProperty("os.arch");
        };
        return os + "-" + arch;
    }
}
