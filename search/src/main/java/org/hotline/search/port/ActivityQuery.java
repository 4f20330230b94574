package org.hotline.search.port;

import org.hotline.core.error.HotlineException;
import org.hotline.search.doc.ActivityRecord;

/**
 * Ticket events or call records, newest first: those of one ticket, of one caller's phone, or
 * (both null) the latest of their kind. Both filters given means both must match.
 */
public record ActivityQuery(ActivityRecord.Kind kind, String ticketId, String callerPhone, int size) {

    public static final int MAX_SIZE = 500;

    public ActivityQuery {
        if (kind == null) {
            throw HotlineException.invalid("activity.kind", "须指明查询工单事件还是通话记录");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw HotlineException.invalid("activity.size", "size 须在 1 到 " + MAX_SIZE + " 之间");
        }
        ticketId = blankToNull(ticketId);
        callerPhone = blankToNull(callerPhone);
    }

    public static ActivityQuery eventsOf(String ticketId, int size) {
        return new ActivityQuery(ActivityRecord.Kind.EVENT, ticketId, null, size);
    }

    public static ActivityQuery callsOf(String callerPhone, int size) {
        return new ActivityQuery(ActivityRecord.Kind.CALL, null, callerPhone, size);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
