package org.hotline.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The project's shipped Asterisk configuration ({@code docker/asterisk/}) in a {@link RealAsterisk}:
 * every placeholder the shipped files use, with free loopback ports for FastAGI, SIP (UDP and TCP on
 * one port) and SIP over WebSocket (Asterisk's HTTP server), so instances of several JVMs run side by
 * side; and the media the image installs (music on hold from Debian's asterisk-moh-opsound-wav, the
 * Mandarin prompts made by {@code docker/asterisk-prompts.sh}) installed in the chroot the same way.
 */
public final class ShippedAsterisk {

    private static final String SERVER = "Asterisk media (music on hold, Mandarin prompts)";

    private final RealAsterisk asterisk;
    private final int sipPort;
    private final int httpPort;

    private ShippedAsterisk(RealAsterisk asterisk, int sipPort, int httpPort) {
        this.asterisk = asterisk;
        this.sipPort = sipPort;
        this.httpPort = httpPort;
    }

    /**
     * Installs the media, then starts Asterisk on {@code repoRoot/docker/asterisk} with FastAGI at
     * {@code agiPort} and {@code extraFiles} (e.g. a test's pjsip_local.conf).
     */
    public static ShippedAsterisk start(Path repoRoot, int agiPort, Map<String, String> extraFiles) {
        if (Overrides.get(RealAsterisk.AMI_OVERRIDE).isEmpty()) {
            installMedia(AsteriskRootfs.ensure().root(), repoRoot);
        }
        int sipPort = FreePort.pick();
        int httpPort = FreePort.pick();
        RealAsterisk asterisk = RealAsterisk.start(repoRoot.resolve("docker/asterisk"),
                substitutions(agiPort, sipPort, httpPort), extraFiles);
        return new ShippedAsterisk(asterisk, sipPort, httpPort);
    }

    /** The shipped files' placeholders (besides the fixture's own AMI and instance ones). */
    public static Map<String, String> substitutions(int agiPort, int sipPort, int httpPort) {
        return Map.of("AGI_PORT", Integer.toString(agiPort), "SIP_BIND", "127.0.0.1",
                "SIP_PORT", Integer.toString(sipPort), "HTTP_BIND", "127.0.0.1", "HTTP_PORT", Integer.toString(httpPort));
    }

    /** {@link #substitutions(int, int, int)} with free ports for SIP and HTTP (tests that place no SIP call). */
    public static Map<String, String> substitutions(int agiPort) {
        return substitutions(agiPort, FreePort.pick(), FreePort.pick());
    }

    public RealAsterisk asterisk() {
        return asterisk;
    }

    /** Asterisk's SIP port (UDP and TCP) on 127.0.0.1: the carrier trunk and the agents' phones. */
    public int sipPort() {
        return sipPort;
    }

    /** Asterisk's HTTP port on 127.0.0.1: SIP over WebSocket at {@code ws://127.0.0.1:<port>/ws}. */
    public int httpPort() {
        return httpPort;
    }

    /** The lines of the instance's messages.log (notices, warnings, errors). */
    public List<String> log() {
        Path log = asterisk.instanceDir().resolve("log/messages.log");
        try {
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the chroot's Asterisk finds a sound ({@code zh/hotline/greeting} → .../sounds/zh/hotline/greeting.wav). */
    public Path sound(String languageAndName) {
        return AsteriskRootfs.ensure().root().resolve("usr/share/asterisk/sounds").resolve(languageAndName + ".wav");
    }

    /**
     * Asterisk looks up the host's own name for every call (acl.c, ast_find_ourip). Docker writes the
     * container's name into /etc/hosts; the chroot has the host's network but not its /etc/hosts, so
     * each call waited on DNS (the SIP benchmark stalled): give the chroot the host's name too.
     */
    static void resolveHostName(Path root) {
        try {
            String host = java.net.InetAddress.getLocalHost().getHostName();
            Path hosts = root.resolve("etc/hosts");
            String text = Files.exists(hosts) ? Files.readString(hosts) : "";
            if (!text.matches("(?s).*\\s" + java.util.regex.Pattern.quote(host) + "(\\s.*)?")) {
                Files.writeString(hosts, (text.isEmpty() || text.endsWith("\n") ? text : text + "\n")
                        + "127.0.0.1\t" + host + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chroot's /etc/hosts", e);
        }
    }

    static synchronized void installMedia(Path root, Path repoRoot) {
        resolveHostName(root);
        Path moh = root.resolve("usr/share/asterisk/moh");
        if (!hasFiles(moh)) {
            aptInChroot(root, "asterisk-moh-opsound-wav");
        }
        Path prompts = repoRoot.resolve("docker/asterisk/prompts/zh.txt");
        Path script = repoRoot.resolve("docker/asterisk-prompts.sh");
        Path out = root.resolve("usr/share/asterisk/sounds/zh");
        Path stamp = out.resolve(".hotline-prompts.sha256");
        String wanted = sha256(prompts, script);
        if (wanted.equals(read(stamp))) {
            return;
        }
        if (!HostCommand.available("espeak-ng") || !HostCommand.available("sox")) {
            if (Overrides.runningAsRoot()) {
                HostCommand.run("apt-get", "-o", "DPkg::Lock::Timeout=300", "install", "-y", "espeak-ng", "sox");
            }
            if (!HostCommand.available("espeak-ng") || !HostCommand.available("sox")) {
                throw MissingServer.abort(SERVER, "espeak-ng and sox make the Mandarin prompts (apt-get install -y espeak-ng sox)",
                        RealAsterisk.AMI_OVERRIDE + " (an Asterisk that has its prompts)");
            }
        }
        HostCommand.run("sh", script.toString(), out.toString(), prompts.toString());
        try {
            Files.writeString(stamp, wanted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void aptInChroot(Path root, String pkg) {
        try {
            HostCommand.run("chroot", root.toString(), "apt-get", "-o", "DPkg::Lock::Timeout=300", "install", "-y",
                    "--no-install-recommends", pkg);
        } catch (RuntimeException first) {
            // Stale package lists of the cached chroot: refresh once.
            try {
                HostCommand.run("chroot", root.toString(), "apt-get", "update");
                HostCommand.run("chroot", root.toString(), "apt-get", "-o", "DPkg::Lock::Timeout=300", "install", "-y",
                        "--no-install-recommends", pkg);
            } catch (RuntimeException second) {
                throw MissingServer.abort(SERVER, "apt-get install " + pkg + " in the Asterisk chroot failed",
                        RealAsterisk.AMI_OVERRIDE, second);
            }
        }
    }

    private static boolean hasFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static String sha256(Path... files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                digest.update(Files.readAllBytes(f));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
