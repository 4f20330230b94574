package org.hotline.core.redis;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Readable ticket numbers: {@code 12345-YYYYMMDD-NNNNNN}, the day's sequence zero-padded to six digits. */
final class TicketNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private TicketNumbers() {
    }

    /** Beyond 999,999 tickets a day the sequence simply grows a digit; numbers stay unique. */
    static String format(LocalDate day, long sequence) {
        return "12345-" + DAY.format(day) + "-" + zeroPadded(sequence);
    }

    /** String.format parses its pattern on every call; this runs once per accepted appeal. */
    private static String zeroPadded(long sequence) {
        String digits = Long.toString(sequence);
        return digits.length() >= 6 ? digits : "000000".substring(digits.length()) + digits;
    }
}
