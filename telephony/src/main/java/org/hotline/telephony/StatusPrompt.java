package org.hotline.telephony;

import java.util.List;
import java.util.Optional;
import org.hotline.core.model.TicketStatus;

/**
 * Which Mandarin prompt the progress lookup plays for a ticket's state: the dialplan plays
 * {@code hotline/status-<prompt>} (sounds/zh, docker/asterisk/prompts/zh.txt). Citizens hear the
 * stage of their request, not the internal workflow step.
 */
public final class StatusPrompt {

    /** Every prompt the lookup can choose; each one must exist as {@code hotline/status-<name>}. */
    public static final List<String> ALL = List.of("received", "dispatched", "handling", "replied", "closed",
            "not-accepted", "not-found");

    private StatusPrompt() {
    }

    /** The prompt of a status name ({@link TicketStatus}); an unknown name is still "being handled". */
    public static String of(String status) {
        if (status == null || status.isEmpty() || "NOT_FOUND".equals(status)) {
            return "not-found";
        }
        Optional<TicketStatus> known = java.util.Arrays.stream(TicketStatus.values())
                .filter(s -> s.name().equals(status)).findFirst();
        return known.map(StatusPrompt::of).orElse("handling");
    }

    /** A ticket number read digit by digit: {@code digits/1&digits/2&...} (dashes and letters skipped). */
    public static String digitsOf(String ticketNumber) {
        return ticketNumber.chars().filter(Character::isDigit).mapToObj(c -> "digits/" + (char) c)
                .collect(java.util.stream.Collectors.joining("&"));
    }

    private static String of(TicketStatus status) {
        return switch (status) {
            case RECEIVED, CLASSIFIED -> "received";
            case ASSIGNED, SIGNED -> "dispatched";
            case IN_PROGRESS, RETURN_REQUESTED, SUSPENDED -> "handling";
            case REPLIED, REVIEWED, REVISITED -> "replied";
            case CLOSED, MERGED -> "closed";
            case NOT_ACCEPTED -> "not-accepted";
        };
    }
}
