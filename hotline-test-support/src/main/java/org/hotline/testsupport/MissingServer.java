package org.hotline.testsupport;

import org.opentest4j.TestAbortedException;

/**
 * The one skip policy of all fixtures: a server that cannot be provisioned skips the test loudly
 * on a developer machine, and fails it under {@code CI=true}, where a silent skip would hide that
 * the smoke tests never ran.
 */
public final class MissingServer {

    private MissingServer() {
    }

    /**
     * Throws {@link TestAbortedException} (or {@link AssertionError} when {@code CI=true}) after
     * printing a banner on stderr. Declared to return an exception so callers can write
     * {@code throw MissingServer.abort(...)} and the compiler sees the branch end.
     *
     * @param server   which server, e.g. "Elasticsearch 8.19.21"
     * @param missing  what is missing on this machine, e.g. "root is needed for the chroot"
     * @param override how to point tests at an existing server instead, e.g. "HOTLINE_TEST_ES_URL=http://host:9200"
     */
    public static RuntimeException abort(String server, String missing, String override) {
        return abort(server, missing, override, null);
    }

    /** As {@link #abort(String, String, String)}, keeping the underlying failure as the cause. */
    public static RuntimeException abort(String server, String missing, String override, Throwable cause) {
        String message = server + " is not available: " + missing + ". To use an existing server set " + override;
        System.err.println(banner(message, cause));
        if (onCi()) {
            throw new AssertionError("CI=true forbids skipping: " + message, cause);
        }
        throw new TestAbortedException("SKIPPED, " + message, cause);
    }

    static boolean onCi() {
        return "true".equalsIgnoreCase(Overrides.get("CI").orElse(""));
    }

    private static String banner(String message, Throwable cause) {
        String line = "!".repeat(100);
        String reason = cause == null ? "" : "\n!!! cause: " + cause;
        String verdict = onCi() ? "FAILING (CI=true)" : "SKIPPING the tests that need it";
        return "\n" + line + "\n!!! " + message + reason + "\n!!! " + verdict + "\n" + line + "\n";
    }
}
