package org.hotline.core.wire;

import java.util.List;
import org.hotline.core.time.ClockAlarm;
import org.hotline.core.time.ClockMark;
import org.hotline.core.time.TimeLimit;
import org.hotline.core.wire.TicketV1.AlarmV1;
import org.hotline.core.wire.TicketV1.MarkV1;

/** Clock histories and recorded alarms on the wire. */
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

    /** Null when none, so snapshots of clocks without alarms stay as they were. */
    static List<AlarmV1> alarmsToWire(List<ClockAlarm> alarms) {
        return alarms.isEmpty() ? null
                : alarms.stream().map(a -> new AlarmV1(a.overdue() ? "RED" : "YELLOW", a.dueAt())).toList();
    }

    /** Snapshots written before alarms were kept have none. */
    static List<ClockAlarm> alarmsFromWire(List<AlarmV1> alarms) {
        return alarms == null ? List.of()
                : alarms.stream().map(a -> new ClockAlarm(switch (a.level()) {
                    case "YELLOW" -> false;
                    case "RED" -> true;
                    default -> throw new IllegalArgumentException("unknown alarm level: " + a.level());
                }, a.dueAt())).toList();
    }
}
