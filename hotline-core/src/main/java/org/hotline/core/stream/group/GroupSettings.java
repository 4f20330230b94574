package org.hotline.core.stream.group;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one consumer group reads: its {@code group} name, this node's {@code consumer} name, the
 * {@code streams} it follows, where a new group starts ({@code fromStart}: the whole history, else only
 * what comes next), the {@code page} size, how long to wait on an empty stream ({@code idle}), whether
 * the connection is the group's own ({@code blocking}: the read then BLOCKs for {@code idle} instead of
 * polling), after how long another consumer's unacknowledged entry is taken over ({@code claimIdle}),
 * the stream poison entries are parked in ({@code parkedStream}), and how long acknowledged entries stay
 * in the {@code trimmed} streams before they are trimmed ({@code trimGrace}; null: never trimmed by this group).
 *
 * <p>Only the ticket event stream is trimmed by default: it is a feed, each ticket keeps its own snapshot
 * and event list. Call records, the history import and the 110 outbox are the only copy of what they hold
 * (the call records API and the measures read the stream itself), so they are never trimmed.
 */
public record GroupSettings(String group, String consumer, List<String> streams, boolean fromStart, int page,
                            Duration idle, boolean blocking, Duration claimIdle, String parkedStream, Duration trimGrace,
                            List<String> trimmed) {

    /** Far above a batch's handling time, so a live but slow node keeps its entries. */
    public static final Duration DEFAULT_CLAIM_IDLE = Duration.ofSeconds(60);
    public static final String DEFAULT_PARKED = "hotline:stream:parked";
    public static final int DEFAULT_PAGE = 200;
    public static final Duration DEFAULT_IDLE = Duration.ofMillis(100);
    /**
     * Acknowledged entries stay an hour: a group added a little later "from the start" still finds them,
     * and Redis does not keep every ticket's whole history twice (each ticket has its own event list).
     */
    public static final Duration DEFAULT_TRIM_GRACE = Duration.ofHours(1);

    public GroupSettings {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(consumer, "consumer");
        streams = List.copyOf(streams);
        trimmed = List.copyOf(trimmed);
        Objects.requireNonNull(parkedStream, "parkedStream");
        if (streams.isEmpty()) {
            throw new IllegalArgumentException("a group follows at least one stream");
        }
        if (page < 1 || page > 10_000) {
            throw new IllegalArgumentException("page must be within [1, 10000]");
        }
        if (idle == null || idle.isNegative() || idle.isZero() || claimIdle == null || claimIdle.isNegative() || claimIdle.isZero()) {
            throw new IllegalArgumentException("idle and claimIdle must be positive");
        }
        if (trimGrace != null && trimGrace.isNegative()) {
            throw new IllegalArgumentException("trimGrace must not be negative");
        }
    }

    /**
     * A polling group on one stream with the defaults: page 200, 100 ms idle, claim after 60 s, parked in
     * {@value #DEFAULT_PARKED}, nothing trimmed (see {@link #trimming}).
     */
    public static GroupSettings of(String group, String consumer, String stream, boolean fromStart) {
        return new GroupSettings(group, consumer, List.of(stream), fromStart, DEFAULT_PAGE, DEFAULT_IDLE, false,
                DEFAULT_CLAIM_IDLE, DEFAULT_PARKED,
                DEFAULT_TRIM_GRACE, List.of());
    }

    public GroupSettings page(int size) {
        return new GroupSettings(group, consumer, streams, fromStart, size, idle, blocking, claimIdle, parkedStream, trimGrace, trimmed);
    }

    public GroupSettings idle(Duration wait) {
        return new GroupSettings(group, consumer, streams, fromStart, page, wait, blocking, claimIdle, parkedStream, trimGrace, trimmed);
    }

    /** The group has a connection of its own, so an empty read may block it for {@code idle}. */
    public GroupSettings ownConnection() {
        return new GroupSettings(group, consumer, streams, fromStart, page, idle, true, claimIdle, parkedStream, trimGrace, trimmed);
    }

    public GroupSettings claimIdle(Duration after) {
        return new GroupSettings(group, consumer, streams, fromStart, page, idle, blocking, after, parkedStream, trimGrace, trimmed);
    }

    public GroupSettings parkedIn(String stream) {
        return new GroupSettings(group, consumer, streams, fromStart, page, idle, blocking, claimIdle, stream, trimGrace, trimmed);
    }

    public GroupSettings streams(List<String> followed) {
        return new GroupSettings(group, consumer, followed, fromStart, page, idle, blocking, claimIdle, parkedStream, trimGrace, trimmed);
    }

    /**
     * Acknowledged entries of {@code feed} (a stream whose entries are kept elsewhere as well: the ticket event
     * stream) are trimmed after the grace; the group's other streams are kept whole.
     */
    public GroupSettings trimming(String feed) {
        return new GroupSettings(group, consumer, streams, fromStart, page, idle, blocking, claimIdle, parkedStream,
                trimGrace == null ? DEFAULT_TRIM_GRACE : trimGrace, List.of(feed));
    }

    /**
     * Acknowledged entries of every followed stream are trimmed after {@code grace} (zero: at once); null: this
     * group never trims.
     */
    public GroupSettings trimAfter(Duration grace) {
        return new GroupSettings(group, consumer, streams, fromStart, page, idle, blocking, claimIdle, parkedStream, grace, streams);
    }
}
