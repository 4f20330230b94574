package org.hotline.server.config;

import java.net.URI;

/** Validation shared by the configuration records; each failure names the environment variable. */
final class ConfigChecks {

    private ConfigChecks() {
    }

    static void port(String setting, int port, boolean zeroMeansAnyFreePort) {
        int lowest = zeroMeansAnyFreePort ? 0 : 1;
        if (port < lowest || port > 65535) {
            throw new InvalidConfigException(setting, "must be a port number between " + lowest + " and 65535, was " + port);
        }
    }

    static void positive(String setting, long value) {
        if (value <= 0) {
            throw new InvalidConfigException(setting, "must be positive, was " + value);
        }
    }

    static void fraction(String setting, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new InvalidConfigException(setting, "must be a number above 0 and at most 1, was " + value);
        }
    }

    static void notBlank(String setting, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidConfigException(setting, "must not be empty");
        }
    }

    static void httpUrl(String setting, String value) {
        try {
            URI uri = URI.create(value);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new InvalidConfigException(setting, "must be an http(s) URL, was '" + value + "'");
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(setting, "is not a valid URL: '" + value + "'");
        }
    }
}
