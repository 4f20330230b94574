package org.hotline.core.app;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Command;
import org.hotline.core.model.NewAppeal;
import org.hotline.core.model.Ticket;
import org.hotline.core.model.TicketId;
import org.hotline.core.model.TicketStatus;
import org.hotline.core.port.StreamEvent;

/**
 * What the HTTP API needs from the ticket pipeline. The application service implements it (or is
 * adapted to it); refusals arrive as {@link org.hotline.core.error.HotlineException}s
 * (FORBIDDEN, REJECTED, CONFLICT, NOT_FOUND, UNAVAILABLE).
 */
public interface TicketOperations {

    /** Creates a ticket; with an idempotency key already used, answers the ticket made under it. */
    Future<Ticket> receive(NewAppeal appeal, Actor actor, String idempotencyKeyOrNull);

    /**
     * Creates a ticket born with the intake decision taken at filing ({@code AnswerDirectly} or
     * {@code MergeInto}; null for none), in the same commit as its receipt.
     */
    Future<Ticket> receive(NewAppeal appeal, Actor actor, String idempotencyKeyOrNull, Command intakeOrNull);

    /** Decides and stores one command on a ticket. */
    Future<Ticket> apply(TicketId id, Command command, Actor actor);

    Future<Optional<Ticket>> findById(TicketId id);

    Future<Optional<Ticket>> findByNumber(String number);

    /** Every event of the ticket, oldest first, as committed. */
    Future<List<StreamEvent>> history(TicketId id);

    /** A department's inbox, nearest deadline first. */
    Future<List<Ticket>> inbox(String departmentId, int offset, int limit);

    /** A caller's tickets, newest first. */
    Future<List<Ticket>> ofCaller(String phone, int limit);

    Future<List<Ticket>> inStatus(TicketStatus status, int offset, int limit);

    /** The ticket as its {@code ticket.v1} snapshot JSON, deadlines computed. */
    String snapshotJson(Ticket ticket);

    /** The operations of the application service. */
    static TicketOperations of(TicketService service) {
        return new TicketOperations() {
            @Override
            public Future<Ticket> receive(NewAppeal appeal, Actor actor, String idempotencyKeyOrNull) {
                return service.receive(appeal, actor, idempotencyKeyOrNull);
            }

            @Override
            public Future<Ticket> receive(NewAppeal appeal, Actor actor, String idempotencyKeyOrNull, Command intakeOrNull) {
                return service.receive(appeal, actor, idempotencyKeyOrNull, intakeOrNull);
            }

            @Override
            public Future<Ticket> apply(TicketId id, Command command, Actor actor) {
                return service.apply(id, command, actor);
            }

            @Override
            public Future<Optional<Ticket>> findById(TicketId id) {
                return service.findById(id);
            }

            @Override
            public Future<Optional<Ticket>> findByNumber(String number) {
                return service.findByNumber(number);
            }

            @Override
            public Future<List<StreamEvent>> history(TicketId id) {
                return service.history(id);
            }

            @Override
            public Future<List<Ticket>> inbox(String departmentId, int offset, int limit) {
                return service.inbox(departmentId, offset, limit);
            }

            @Override
            public Future<List<Ticket>> ofCaller(String phone, int limit) {
                return service.ofCaller(phone, limit);
            }

            @Override
            public Future<List<Ticket>> inStatus(TicketStatus status, int offset, int limit) {
                return service.inStatus(status, offset, limit);
            }

            @Override
            public String snapshotJson(Ticket ticket) {
                return service.snapshotJson(ticket);
            }
        };
    }
}
