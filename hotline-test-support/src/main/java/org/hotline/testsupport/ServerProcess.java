package org.hotline.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A server running as a child of the test JVM, its output in a log file. Stopping it also stops
 * its descendants, because some servers are started through a wrapper ({@code runuser}, {@code chroot}).
 */
final class ServerProcess {

    private final String name;
    private final Process process;
    private final Path log;

    private ServerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * A leash around the server: a shell that ends the server when the test JVM disappears. Shutdown
     * hooks do not run when surefire kills a timed-out fork with SIGKILL, and a shared machine must
     * not collect orphaned servers.
     */
    private static final String LEASH = """
            jvm=$1; shift
            "$@" &
            child=$!
            trap 'kill -TERM $child 2>/dev/null; wait $child; exit 143' TERM INT
            while kill -0 "$jvm" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 1; done
            kill -TERM $child 2>/dev/null
            wait $child
            """;

    static ServerProcess start(String name, List<String> command, Map<String, String> env, Path log) {
        try {
            Files.createDirectories(log.getParent());
            List<String> leashed = new java.util.ArrayList<>(List.of("/bin/sh", "-c", LEASH, "leash",
                    String.valueOf(ProcessHandle.current().pid())));
            leashed.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(leashed)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            return new ServerProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** Polls until ready; fails at once with the log's tail when the process died, instead of waiting out the timeout. */
    void awaitReady(Duration timeout, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log " + log + ":\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                stop(Duration.ofSeconds(10));
                throw new IllegalStateException(name + " not ready after " + timeout + "; log " + log + ":\n" + tail());
            }
            pause(Duration.ofMillis(200));
        }
    }

    /** SIGTERM to the whole tree, then SIGKILL whatever is still running after the grace period. */
    void stop(Duration grace) {
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle child : tree) {
                child.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (Exception e) {
            tree.forEach(ProcessHandle::destroyForcibly);
        }
        kill();
    }

    /** SIGKILL without grace: what a crash looks like to the server's data files. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a server", e);
        }
    }
}
