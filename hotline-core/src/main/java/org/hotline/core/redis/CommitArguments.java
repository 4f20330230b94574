package org.hotline.core.redis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hotline.core.error.HotlineException;
import org.hotline.core.port.DashboardMarks;
import org.hotline.core.port.SlaAlarm;
import org.hotline.core.port.StreamEvent;
import org.hotline.core.port.TicketCommit;
import org.hotline.core.port.TicketIndexes;

/** KEYS and ARGV of commit-ticket.lua for one commit, in the order the script documents. */
record CommitArguments(String[] keys, String[] args) {

    static final int MAX_IDEMPOTENCY_KEY_LENGTH = 200;

    static CommitArguments of(TicketCommit commit, String idempotencyKeyOrNull, RedisTicketStoreConfig config) {
        requireConsistent(commit);
        requireValidKey(idempotencyKeyOrNull);
        RedisTicketKeys keys = config.keys();
        String id = commit.ticketId();
        String[] scriptKeys = {
            keys.ticket(id), keys.eventStream(), keys.slaAlarms(),
            keys.number(commit.number()), keys.open(),
            keys.idempotency(idempotencyKeyOrNull == null ? "" : idempotencyKeyOrNull), keys.history(id)};
        TicketIndexes indexes = commit.indexes();
        List<String> args = new ArrayList<>(32);
        args.add(keys.prefix());
        args.add(id);
        args.add(commit.number());
        args.add(Long.toString(commit.expectedVersion()));
        args.add(Long.toString(commit.next().version()));
        args.add(CompactText.compact(commit.next().snapshotJson()));
        args.add(idempotencyKeyOrNull == null ? "0" : "1");
        args.add(Long.toString(config.idempotencyTtl().toSeconds()));
        args.add(Long.toString(commit.events().get(0).at().toEpochMilli()));
        args.add(indexes.open() ? "1" : "0");
        args.add(indexes.status());
        args.add(score(indexes.inboxScore()));
        args.add(indexes.callerPhone() == null ? "" : indexes.callerPhone());
        args.add(Integer.toString(indexes.departments().size()));
        // Sorted, so that an unchanged set encodes the same and the script can skip rewriting it.
        indexes.departments().stream().sorted().forEach(args::add);
        args.add(Integer.toString(indexes.alarms().size()));
        indexes.alarms().stream().sorted(Comparator.comparing((SlaAlarm alarm) -> alarm.member(id))).forEach(alarm -> {
            args.add(alarm.member(id));
            args.add(Long.toString(alarm.fireAtEpochMs()));
        });
        args.add(Integer.toString(commit.events().size()));
        for (StreamEvent event : commit.events()) {
            args.add(event.type());
            args.add(Long.toString(event.version()));
            args.add(event.at().toString());
            args.add(event.eventJson());
            args.add(event.carriesSnapshot() ? commit.next().snapshotJson() : "");
            args.add(RedisTicketHistory.element(event));
        }
        addDashboard(args, indexes.dashboard());
        return new CommitArguments(scriptKeys, args.toArray(String[]::new));
    }

    /** The marks go last, flagged by a final "D", so the script finds them from the end whatever comes before. */
    private static void addDashboard(List<String> args, DashboardMarks marks) {
        if (marks == null) {
            return;
        }
        args.add(marks.leadDepartment() == null ? "" : marks.leadDepartment());
        args.add(marks.channel());
        args.add(RedisDashboardCounters.DAY.format(marks.receivedDay()));
        args.add(marks.cardDueEpochMs() < 0 ? "" : Long.toString(marks.cardDueEpochMs()));
        args.add(marks.cardYellowEpochMs() < 0 ? "" : Long.toString(marks.cardYellowEpochMs()));
        args.add(String.join(",", marks.cardScopes()));
        args.add("D");
    }

    /** Redis sorted-set scores: Java prints infinities as "Infinity", Redis expects "+inf". */
    static String score(double value) {
        if (Double.isNaN(value)) {
            throw HotlineException.invalid("ticket.commit-invalid", "收件排序值无效");
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+inf" : "-inf";
        }
        return Double.toString(value);
    }

    /** The TicketCommit record checks versions against each other; this checks them against the snapshot and events. */
    private static void requireConsistent(TicketCommit commit) {
        boolean sameTicket = commit.ticketId().equals(commit.next().id()) && commit.number().equals(commit.next().number());
        long expectedEventVersion = commit.expectedVersion();
        for (StreamEvent event : commit.events()) {
            expectedEventVersion++;
            if (event.version() != expectedEventVersion) {
                sameTicket = false;
            }
        }
        if (!sameTicket || commit.indexes().status().isBlank()
                || commit.indexes().departments().stream().anyMatch(String::isBlank)) {
            throw HotlineException.invalid("ticket.commit-invalid", "工单提交内容不一致");
        }
    }

    private static void requireValidKey(String idempotencyKeyOrNull) {
        if (idempotencyKeyOrNull != null
                && (idempotencyKeyOrNull.isBlank() || idempotencyKeyOrNull.length() > MAX_IDEMPOTENCY_KEY_LENGTH)) {
            throw HotlineException.invalid("ticket.idempotency-key-invalid", "幂等键不能为空且不能超过200个字符");
        }
    }
}
