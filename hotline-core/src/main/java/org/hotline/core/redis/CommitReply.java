package org.hotline.core.redis;

import java.util.List;
import org.hotline.core.error.ErrorKind;
import org.hotline.core.error.HotlineException;
import org.hotline.core.port.StoredTicket;
import org.hotline.core.port.TicketCommit;

/** Turns the reply of commit-ticket.lua into the stored ticket or the refusal it stands for. */
final class CommitReply {

    private CommitReply() {
    }

    static StoredTicket interpret(List<Object> reply, TicketCommit commit) {
        String outcome = String.valueOf(reply.get(0));
        return switch (outcome) {
            case "OK" -> commit.next();
            case "REPLAY" -> replayed(reply);
            case "STALE" -> throw HotlineException.conflict("ticket.stale-version",
                    "工单已被他人修改（当前版本" + reply.get(1) + "，提交基于版本" + commit.expectedVersion() + "），请刷新后重试");
            case "MISSING" -> throw HotlineException.notFound("ticket.not-found", "工单不存在");
            case "NUMBER_TAKEN" -> throw HotlineException.conflict("ticket.number-taken", "工单编号已被使用，请重新提交");
            default -> throw new HotlineException(ErrorKind.INTERNAL, "redis.unexpected-reply", "服务内部错误，请稍后重试");
        };
    }

    private static StoredTicket replayed(List<Object> reply) {
        String id = String.valueOf(reply.get(1));
        String number = String.valueOf(reply.get(2));
        long version = Long.parseLong(String.valueOf(reply.get(3)));
        String snapshot = CompactText.expand(String.valueOf(reply.get(4)));
        if (version < 1 || number.isEmpty()) {
            throw new HotlineException(ErrorKind.INTERNAL, "redis.idempotency-dangling",
                    "服务内部错误，请稍后重试");
        }
        return new StoredTicket(id, number, version, snapshot);
    }
}
