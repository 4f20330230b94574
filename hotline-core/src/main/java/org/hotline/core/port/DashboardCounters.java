package org.hotline.core.port;

import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hotline.core.error.HotlineException;

/**
 * The dashboard's figures as the ticket store keeps them: updated in every ticket commit from the
 * ticket's {@link DashboardMarks}, read in O(statuses + departments + clocks + days), never by visiting tickets.
 * Cards follow the inboxes' rule ({@link org.hotline.core.time.InboxCard}).
 */
public interface DashboardCounters {

    /**
     * The figures as of {@code now}: cards are counted against it, volumes for the {@code days}
     * local days ending with {@code today} and for {@code today}'s month.
     */
    Future<Figures> read(Instant now, LocalDate today, int days);

    /**
     * The tickets behind a card count as of {@code now}, deadline first, at most {@code limit}.
     *
     * @param scope null for every inbox, {@code c:{CLOCK}} for one deciding clock, {@code d:{department}} for one inbox
     */
    default Future<List<CardTicket>> cardTickets(String scope, boolean red, Instant now, int limit) {
        return Future.failedFuture(HotlineException.unavailable("dashboard.cards-unavailable",
                "此服务器未接入工单库的看板计数，无法列出红黄牌工单", null));
    }

    /** One ticket behind a card count. */
    record CardTicket(String ticketId, String number, Instant dueAt, Instant yellowAt) {
    }

    /** Yellow and red cards in one scope. */
    record Cards(long yellow, long red) {
    }

    /**
     * @param openByStatus      open tickets per status name (no zero entries)
     * @param openByDepartment  open tickets per lead department id (no zero entries)
     * @param yellow            tickets whose inbox card is yellow
     * @param red               tickets whose inbox card is red (the deciding clock past its deadline)
     * @param days              tickets received per local day and channel, oldest day first, every day present
     * @param month             tickets received this month per channel
     * @param cardsByDepartment cards per department whose inbox shows them (no all-zero entries)
     * @param cardsByClock      cards per deciding clock name (no all-zero entries)
     */
    record Figures(Map<String, Long> openByStatus, Map<String, Long> openByDepartment, long yellow, long red,
                   Map<LocalDate, Map<String, Long>> days, Map<String, Long> month,
                   Map<String, Cards> cardsByDepartment, Map<String, Cards> cardsByClock) {

        public Figures {
            openByStatus = Map.copyOf(Objects.requireNonNull(openByStatus, "openByStatus"));
            openByDepartment = Map.copyOf(Objects.requireNonNull(openByDepartment, "openByDepartment"));
            days = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(days));
            month = Map.copyOf(Objects.requireNonNull(month, "month"));
            cardsByDepartment = Map.copyOf(Objects.requireNonNull(cardsByDepartment, "cardsByDepartment"));
            cardsByClock = Map.copyOf(Objects.requireNonNull(cardsByClock, "cardsByClock"));
        }

        /** Figures without the card breakdown (a reader that cannot split cards by scope). */
        public Figures(Map<String, Long> openByStatus, Map<String, Long> openByDepartment, long yellow, long red,
                       Map<LocalDate, Map<String, Long>> days, Map<String, Long> month) {
            this(openByStatus, openByDepartment, yellow, red, days, month, Map.of(), Map.of());
        }

        public long openTotal() {
            return openByStatus.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
