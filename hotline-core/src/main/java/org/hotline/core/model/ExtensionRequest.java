package org.hotline.core.model;

import java.time.Instant;
import java.util.Objects;
import org.hotline.core.time.TimeLimit;

/** A pending request for more handling time (延期申请). */
public record ExtensionRequest(TimeLimit amount, String reason, String departmentId, Instant at) {

    public ExtensionRequest {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
