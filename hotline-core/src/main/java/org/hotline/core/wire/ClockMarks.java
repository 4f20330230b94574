package org.hotline.core.wire;

import java.util.List;
import org.hotline.core.time.ClockMark;
import org.hotline.core.time.TimeLimit;
import org.hotline.core.wire.TicketV1.MarkV1;

/** Clock histories on the wire. */
final class ClockMarks {

    private ClockMarks() {
    }

    static List<MarkV1> toWire(List<ClockMark> marks) {
        return marks.stream().map(m -> new MarkV1(m.kind().name(), m.at(),
                m.extension() == null ? null : m.extension().code())).toList();
    }

    static List<ClockMark> fromWire(List<MarkV1> marks) {
        return marks.stream().map(m -> new ClockMark(ClockMark.Kind.valueOf(m.kind()), m.at(),
                m.extension() == null ? null : TimeLimit.parse(m.extension()))).toList();
    }
}
