package org.hotline.dispatch.routing;

import java.util.List;

/** What dispatch does with a classified appeal, with the explanation shown to people. */
public sealed interface RoutingDecision {

    String explanation();

    /**
     * Confident enough and a rule applies: assign without a human. {@code ticketCategory}: the rule's mapping of a
     * category outside the service catalog (history import) to a catalog category, null otherwise.
     */
    record AutoAssign(String category, String lead, List<String> assisting, String ruleId, int ruleVersion,
            String explanation, String ticketCategory) implements RoutingDecision {
    }

    /** A dispatcher decides; the queue entry carries the suggestions and why it was not automatic. */
    record ToDispatcher(String reason, String explanation) implements RoutingDecision {
    }
}
