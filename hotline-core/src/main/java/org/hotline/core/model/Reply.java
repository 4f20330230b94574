package org.hotline.core.model;

import java.time.Instant;
import java.util.Objects;

/** A department's (or the agent's direct) answer, kept as given: it is checked by the return visit. */
public record Reply(String text, ReplyResult result, Instant at, String departmentId) {

    public Reply {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(at, "at");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("答复内容不能为空");
        }
    }
}
