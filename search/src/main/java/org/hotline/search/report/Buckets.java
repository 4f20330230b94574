package org.hotline.search.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import org.hotline.search.doc.TicketDocument;
import org.hotline.search.port.VolumeDimension;
import org.hotline.search.port.VolumeInterval;

/** Calendar buckets in the hotline's zone (weeks start on Monday, like Elasticsearch's calendar weeks). */
public final class Buckets {

    private Buckets() {
    }

    public static String start(Instant at, VolumeInterval by, ZoneId zone) {
        LocalDate day = at.atZone(zone).toLocalDate();
        LocalDate start = switch (by) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
        return start.toString();
    }

    /** The dimension value of a ticket, or null when the ticket has none (not counted in that split). */
    public static String key(TicketDocument t, VolumeDimension dimension) {
        return switch (dimension) {
            case TOTAL -> "total";
            case CHANNEL -> t.channel();
            case APPEAL_TYPE -> t.appealType();
            case CATEGORY -> t.categoryCode();
            case DISTRICT -> t.district();
        };
    }
}
