package org.hotline.telephony.sms;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The hours no message goes to a citizen (default 21:00–08:00, local time): a message due then waits
 * for the end of the quiet hours. {@code start == end} means no quiet hours.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
    }

    public boolean quietAt(Instant at) {
        if (start.equals(end)) {
            return false;
        }
        LocalTime t = at.atZone(zone).toLocalTime();
        return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
    }

    /** {@code at} itself when sending is allowed then, else the end of the quiet hours that contain it. */
    public Instant nextAllowed(Instant at) {
        if (!quietAt(at)) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        ZonedDateTime end = local.with(this.end).withSecond(0).withNano(0);
        return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
    }
}
