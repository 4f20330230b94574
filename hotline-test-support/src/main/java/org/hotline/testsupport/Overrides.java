package org.hotline.testsupport;

import java.nio.file.Path;
import java.util.Optional;

/** Settings that point fixtures elsewhere: a system property wins over the environment variable of the same name. */
final class Overrides {

    private Overrides() {
    }

    static Optional<String> get(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** Downloads and unpacked servers live here between runs ({@code HOTLINE_CACHE_DIR} or ~/.cache/hotline). */
    static Path cacheDir() {
        return get("HOTLINE_CACHE_DIR").map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache", "hotline"));
    }

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
