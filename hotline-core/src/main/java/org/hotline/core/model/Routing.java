package org.hotline.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * How a ticket was first sent to a unit, and how often that routing was proved wrong: the misroute
 * rate of docs/measures.md counts tickets by their first assignment ({@code firstAssignedAt},
 * {@code automatic} when the auto-dispatcher did it) and calls one misrouted once a 退单 naming the
 * responsible party was approved ({@code approvedReturns}). Null on a ticket never assigned, and on
 * one assigned before this was kept (its first assignment is unknown).
 */
public record Routing(Instant firstAssignedAt, boolean automatic, int approvedReturns) {

    public Routing {
        Objects.requireNonNull(firstAssignedAt, "firstAssignedAt");
        if (approvedReturns < 0) {
            throw new IllegalArgumentException("approvedReturns must not be negative");
        }
    }

    /** The first assignment: by the auto-dispatcher when the actor is the system itself. */
    public static Routing firstAssignment(Actor actor, Instant at) {
        return new Routing(at, actor.role() == Role.SYSTEM, 0);
    }

    public Routing returnApproved() {
        return new Routing(firstAssignedAt, automatic, approvedReturns + 1);
    }
}
