package org.hotline.core.attachment;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where evidence files live and how big they may be.
 *
 * @param directory    the files' folder; with several nodes, one shared mount (NFS, CephFS) at the same path on each
 * @param maxBytes     largest file accepted (413 above)
 * @param maxPerTicket files one ticket may hold (citizens' photos and departments' evidence together)
 */
public record AttachmentConfig(Path directory, long maxBytes, int maxPerTicket) {

    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    public static final int DEFAULT_MAX_PER_TICKET = 20;

    public AttachmentConfig {
        Objects.requireNonNull(directory, "directory");
        if (maxBytes < 1024 || maxBytes > 100L * 1024 * 1024) {
            throw new IllegalArgumentException("attachment maxBytes must be between 1 KiB and 100 MiB");
        }
        if (maxPerTicket < 1 || maxPerTicket > 200) {
            throw new IllegalArgumentException("attachment maxPerTicket must be between 1 and 200");
        }
    }

    /** Default limits in the given folder. */
    public static AttachmentConfig in(Path directory) {
        return new AttachmentConfig(directory, DEFAULT_MAX_BYTES, DEFAULT_MAX_PER_TICKET);
    }
}
