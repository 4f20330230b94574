package org.hotline.core.port;

import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * The dashboard's figures as the ticket store keeps them: updated in every ticket commit from the
 * ticket's {@link DashboardMarks}, read in O(statuses + departments + days), never by visiting tickets.
 */
public interface DashboardCounters {

    /**
     * The figures as of {@code now}: cards are counted against it, volumes for the {@code days}
     * local days ending with {@code today} and for {@code today}'s month.
     */
    Future<Figures> read(Instant now, LocalDate today, int days);

    /**
     * @param openByStatus     open tickets per status name (no zero entries)
     * @param openByDepartment open tickets per lead department id (no zero entries)
     * @param yellow           open, unreplied tickets whose handling clock shows a yellow card
     * @param red              open, unreplied tickets past their handling deadline
     * @param days             tickets received per local day and channel, oldest day first, every day present
     * @param month            tickets received this month per channel
     */
    record Figures(Map<String, Long> openByStatus, Map<String, Long> openByDepartment, long yellow, long red,
                   Map<LocalDate, Map<String, Long>> days, Map<String, Long> month) {

        public Figures {
            openByStatus = Map.copyOf(Objects.requireNonNull(openByStatus, "openByStatus"));
            openByDepartment = Map.copyOf(Objects.requireNonNull(openByDepartment, "openByDepartment"));
            days = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(days));
            month = Map.copyOf(Objects.requireNonNull(month, "month"));
        }

        public long openTotal() {
            return openByStatus.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
