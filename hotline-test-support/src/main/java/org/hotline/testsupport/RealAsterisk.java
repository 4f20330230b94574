package org.hotline.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A real Asterisk 22 in the cached Debian sid chroot, one process per instance with private run,
 * spool, log and database directories, so instances of several JVMs run side by side. The chroot
 * shares the host network: AMI listens on 127.0.0.1:{@link #amiPort()}, and dialplans reach a
 * FastAGI server of the test JVM on 127.0.0.1.
 */
public final class RealAsterisk {

    public static final String AMI_OVERRIDE = "HOTLINE_TEST_AMI";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final String CHROOT_INSTANCES = "/var/lib/hotline-instances";

    private final AsteriskRootfs rootfs;
    private final String name;
    private final String amiHost;
    private final int amiPort;
    private final String amiUser;
    private final String amiSecret;
    private final String instanceDir;
    private ServerProcess process;
    private boolean mountsHeld;

    private RealAsterisk(AsteriskRootfs rootfs, String name, String amiHost, int amiPort, String amiUser, String amiSecret) {
        this.rootfs = rootfs;
        this.name = name;
        this.amiHost = amiHost;
        this.amiPort = amiPort;
        this.amiUser = amiUser;
        this.amiSecret = amiSecret;
        this.instanceDir = CHROOT_INSTANCES + "/" + name;
    }

    /** As {@link #start(Path, Map, Map)} without extra files. */
    public static RealAsterisk start(Path configDir, Map<String, String> substitutions) {
        return start(configDir, substitutions, Map.of());
    }

    /**
     * Copies {@code configDir} into a new instance, replacing {@code @KEY@} from {@code substitutions}
     * and the built-ins {@code @AMI_PORT@}, {@code @AMI_USER@}, {@code @AMI_SECRET@}, {@code @INSTANCE_DIR@}
     * (the instance's folder as seen inside the chroot), adds {@code extraFiles} (file name to content,
     * placeholders replaced too), starts Asterisk and returns once AMI accepts a login.
     * With {@code HOTLINE_TEST_AMI=host:port:user:secret} it returns that existing server instead,
     * which must already run the configuration under test; it cannot be stopped or used with {@link #cli}.
     */
    public static RealAsterisk start(Path configDir, Map<String, String> substitutions, Map<String, String> extraFiles) {
        if (Overrides.get(AMI_OVERRIDE).isPresent()) {
            return external(Overrides.get(AMI_OVERRIDE).get());
        }
        AsteriskRootfs rootfs = AsteriskRootfs.ensure();
        int amiPort = FreePort.pick();
        String name = "ast-" + ProcessHandle.current().pid() + "-" + amiPort;
        String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
        RealAsterisk asterisk = new RealAsterisk(rootfs, name, "127.0.0.1", amiPort, "hotline", secret);
        Map<String, String> all = new HashMap<>(substitutions);
        all.put("AMI_PORT", String.valueOf(amiPort));
        all.put("AMI_USER", asterisk.amiUser());
        all.put("AMI_SECRET", asterisk.amiSecret());
        all.put("INSTANCE_DIR", asterisk.instanceDir);
        AsteriskInstanceConfig.write(configDir, asterisk.hostPath("etc"), all, extraFiles);
        Runtime.getRuntime().addShutdownHook(new Thread(asterisk::stopAndDelete, "stop-" + name));
        try {
            asterisk.startProcess();
        } catch (RuntimeException e) {
            // The chroot exists, so this is the configuration under test or Asterisk itself: a failure, not a skip.
            asterisk.stop();
            throw e;
        }
        return asterisk;
    }

    private static RealAsterisk external(String spec) {
        String[] parts = spec.split(":", 4);
        if (parts.length != 4) {
            throw new IllegalArgumentException(AMI_OVERRIDE + " must be host:port:user:secret");
        }
        RealAsterisk asterisk = new RealAsterisk(null, "external", parts[0], Integer.parseInt(parts[1]), parts[2], parts[3]);
        if (!AmiProbe.logsIn(asterisk.amiHost, asterisk.amiPort, asterisk.amiUser, asterisk.amiSecret)) {
            throw MissingServer.abort("Asterisk 22", "no AMI login at " + parts[0] + ":" + parts[1],
                    AMI_OVERRIDE + "=host:port:user:secret");
        }
        return asterisk;
    }

    public String amiHost() {
        return amiHost;
    }

    public int amiPort() {
        return amiPort;
    }

    public String amiUser() {
        return amiUser;
    }

    public String amiSecret() {
        return amiSecret;
    }

    /** The instance's folder on the host (inside the chroot it is {@code /var/lib/hotline-instances/NAME}). */
    public Path instanceDir() {
        requireLocal();
        return hostPath("");
    }

    /** Runs a CLI command ({@code asterisk -rx}) on this instance's control socket and returns its output. */
    public String cli(String command) {
        requireLocal();
        return HostCommand.run(chroot("-rx", command));
    }

    public synchronized void restart() {
        requireLocal();
        stop();
        startProcess();
    }

    /** {@code core stop now}, then the process tree is ended; the last instance on the machine unmounts. */
    public synchronized void stop() {
        requireLocal();
        if (process != null && process.alive()) {
            try {
                cli("core stop now");
            } catch (RuntimeException e) {
                // Not answering on its socket: the signal below still ends it.
            }
            process.stop(Duration.ofSeconds(15));
        }
        if (mountsHeld) {
            rootfs.release(name);
            mountsHeld = false;
        }
    }

    /** SIGKILL, as in a PBX crash: AMI connections drop without a Shutdown event. Follow with {@link #restart()}. */
    public synchronized void crash() {
        requireLocal();
        if (process != null) {
            process.kill();
        }
    }

    private synchronized void startProcess() {
        createWritableDirs();
        rootfs.acquire(name);
        mountsHeld = true;
        process = ServerProcess.start("asterisk " + name, chroot("-f"), Map.of(), hostPath("log/console.log"));
        process.awaitReady(START_TIMEOUT, () -> AmiProbe.logsIn(amiHost(), amiPort, amiUser(), amiSecret));
    }

    private List<String> chroot(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("chroot", rootfs.root().toString(),
                "/usr/sbin/asterisk", "-C", instanceDir + "/etc/asterisk.conf"));
        command.addAll(List.of(args));
        return command;
    }

    private void createWritableDirs() {
        try {
            for (String dir : List.of("run", "spool", "log", "db")) {
                Files.createDirectories(hostPath(dir));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Asterisk instance directories", e);
        }
    }

    private Path hostPath(String relative) {
        return rootfs.root().resolve(CHROOT_INSTANCES.substring(1)).resolve(name).resolve(relative);
    }

    private void requireLocal() {
        if (rootfs == null) {
            throw new UnsupportedOperationException("Asterisk at " + amiHost + ":" + amiPort + " is external ("
                    + AMI_OVERRIDE + "): the fixture cannot run CLI commands, stop or restart it");
        }
    }

    private void stopAndDelete() {
        try {
            stop();
            Folders.delete(hostPath(""));
        } catch (RuntimeException ignored) {
            // JVM exit: nothing left to report to.
        }
    }

    @Override
    public String toString() {
        return "RealAsterisk[" + name + ", AMI " + amiHost + ":" + amiPort + "]";
    }
}
