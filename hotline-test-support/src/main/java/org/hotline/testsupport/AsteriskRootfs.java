package org.hotline.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A Debian sid root with Asterisk 22, built once by debootstrap and cached. Debian 12 has no
 * Asterisk package, so the PBX runs in this chroot. {@code /proc} and {@code /dev} are mounted
 * while at least one instance (of any JVM on the machine) runs: each holder leaves a file named
 * after itself, and the last one to leave unmounts.
 */
final class AsteriskRootfs {

    static final String ROOTFS_OVERRIDE = "HOTLINE_ASTERISK_ROOTFS";
    private static final String SERVER = "Asterisk 22";
    private static final String HOW_TO_OVERRIDE = RealAsterisk.AMI_OVERRIDE + "=host:port:user:secret";

    private final Path root;

    private AsteriskRootfs(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** The cached root, built first when missing; skips (or fails on CI) without root or debootstrap. */
    static AsteriskRootfs ensure() {
        Path root = Overrides.get(ROOTFS_OVERRIDE).map(Path::of)
                .orElseGet(() -> Overrides.cacheDir().resolve("asterisk-rootfs"));
        if (!Overrides.runningAsRoot()) {
            throw MissingServer.abort(SERVER, "the Asterisk chroot needs root (mount, chroot), this JVM runs as "
                    + System.getProperty("user.name"), HOW_TO_OVERRIDE);
        }
        if (!Files.isExecutable(root.resolve("usr/sbin/asterisk"))) {
            withLock(root.resolveSibling(root.getFileName() + ".build.lock"), () -> {
                build(root);
                return null;
            });
        }
        return new AsteriskRootfs(root);
    }

    private static void build(Path root) {
        if (Files.isExecutable(root.resolve("usr/sbin/asterisk"))) {
            return; // built by another JVM while we waited for the lock
        }
        if (!HostCommand.available("debootstrap")) {
            HostCommand.run("apt-get", "install", "-y", "debootstrap");
        }
        // A failed or killed build leaves only a .partial directory, never a half root under the real name.
        // Partials are not deleted automatically: debootstrap may have left /proc mounted inside.
        Path partial = root.resolveSibling(root.getFileName() + ".partial-" + ProcessHandle.current().pid());
        System.err.println("[RealAsterisk] building the Asterisk 22 chroot at " + root + " (debootstrap, 1-5 minutes)");
        try {
            HostCommand.run("debootstrap", "--variant=minbase", "--include=asterisk", "sid", partial.toString(),
                    "http://deb.debian.org/debian");
            Files.move(partial, root);
        } catch (IOException | RuntimeException e) {
            throw MissingServer.abort(SERVER, "debootstrap of Debian sid with asterisk failed into " + partial,
                    HOW_TO_OVERRIDE, e);
        }
    }

    /** Mounts /proc and /dev in the root unless already mounted, and records this holder. */
    void acquire(String holder) {
        withLock(mountLock(), () -> {
            mountIfMissing("proc", List.of("mount", "-t", "proc", "proc"));
            mountIfMissing("dev", List.of("mount", "--bind", "/dev"));
            try {
                Files.createDirectories(holders());
                Files.writeString(holders().resolve(holder), String.valueOf(ProcessHandle.current().pid()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    /** Forgets this holder (and holders whose JVM died); the last one unmounts. */
    void release(String holder) {
        withLock(mountLock(), () -> {
            try {
                Files.deleteIfExists(holders().resolve(holder));
                if (liveHolders() == 0) {
                    unmountIfMounted("dev");
                    unmountIfMounted("proc");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    private long liveHolders() throws IOException {
        if (!Files.isDirectory(holders())) {
            return 0;
        }
        try (Stream<Path> files = Files.list(holders())) {
            return files.filter(file -> {
                if (holderAlive(file)) {
                    return true;
                }
                file.toFile().delete();
                return false;
            }).count();
        }
    }

    private static boolean holderAlive(Path file) {
        try {
            long pid = Long.parseLong(Files.readString(file).trim());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private void mountIfMissing(String dir, List<String> mountCommand) {
        if (!mounted(dir)) {
            List<String> command = new java.util.ArrayList<>(mountCommand);
            command.add(root.resolve(dir).toString());
            HostCommand.run(command);
        }
    }

    private void unmountIfMounted(String dir) {
        if (mounted(dir)) {
            HostCommand.run("umount", root.resolve(dir).toString());
        }
    }

    private boolean mounted(String dir) {
        try {
            String target = root.resolve(dir).toRealPath().toString();
            return Files.readAllLines(Path.of("/proc/mounts")).stream()
                    .map(line -> line.split(" "))
                    .anyMatch(fields -> fields.length > 1 && fields[1].equals(target));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/mounts", e);
        }
    }

    private Path mountLock() {
        return root.resolveSibling(root.getFileName() + ".mounts.lock");
    }

    private Path holders() {
        return root.resolveSibling(root.getFileName() + ".holders");
    }

    /** An exclusive lock across JVMs (FileLock), held for the duration of the action. */
    private static synchronized <T> T withLock(Path lockFile, Supplier<T> action) {
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                return action.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + lockFile, e);
        }
    }
}
