package org.hotline.core.app;

import io.vertx.core.Future;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hotline.core.catalog.Seed;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Command;
import org.hotline.core.model.Decision;
import org.hotline.core.model.NewAppeal;
import org.hotline.core.model.QueryCode;
import org.hotline.core.model.Ticket;
import org.hotline.core.model.TicketId;
import org.hotline.core.model.TicketNumber;
import org.hotline.core.model.TicketRules;
import org.hotline.core.model.TicketStatus;
import org.hotline.core.port.StoredTicket;
import org.hotline.core.port.TicketCommit;
import org.hotline.core.port.StreamEvent;
import org.hotline.core.port.TicketStore;
import org.hotline.core.time.ClockName;
import org.hotline.core.time.ClockStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ticket use cases: receive an appeal, apply a command, read tickets. Each command is decided
 * by the pure {@link TicketRules} on the stored ticket and committed with its expected version;
 * on a concurrent change it is decided again on a fresh read, a bounded number of times.
 * Refusals become REJECTED (or FORBIDDEN) {@link HotlineException}s with the rule's Chinese message.
 */
public final class TicketService {

    private static final Logger LOG = LoggerFactory.getLogger(TicketService.class);

    private final TicketStore store;
    private final Clock clock;
    private final TicketServiceConfig config;
    private final SecureRandom random = new SecureRandom();
    private final CommandChecks checks;
    private volatile Seed seed;
    private volatile TicketCommits commits;

    public TicketService(TicketStore store, Seed seed, Clock clock, TicketServiceConfig config) {
        this.store = store;
        this.clock = clock;
        this.config = config;
        this.checks = new CommandChecks(this::seed);
        replaceSeed(seed);
    }

    /** Swaps the configuration (e.g. a holiday year added); tickets in flight keep their clock histories. */
    public void replaceSeed(Seed next) {
        this.seed = next;
        this.commits = new TicketCommits(next.timeLimits().deadlines());
    }

    public Seed seed() {
        return seed;
    }

    public Future<Ticket> receive(NewAppeal appeal, Actor actor, String idempotencyKeyOrNull) {
        return receive(appeal, actor, idempotencyKeyOrNull, null);
    }

    /**
     * Creates a ticket with the agent's intake decision taken at filing ({@link Command.AnswerDirectly}
     * or {@link Command.MergeInto}, or null to leave it for dispatch). The ticket is stored already
     * answered or merged, so automatic dispatch never sees it RECEIVED; a merged one is then absorbed
     * by its master like a later merge (a replayed request finds it absorbed already).
     */
    public Future<Ticket> receive(NewAppeal appeal, Actor actor, String idempotencyKeyOrNull, Command intakeOrNull) {
        HotlineException invalid = intakeOrNull == null ? null : checks.problemWith(intakeOrNull);
        if (invalid != null) {
            return Future.failedFuture(invalid);
        }
        Future<Void> masterOpen = intakeOrNull instanceof Command.MergeInto merge ? openMaster(merge) : Future.succeededFuture();
        Future<Ticket> created = masterOpen.compose(ok -> {
            Instant now = clock.instant();
            return store.allocateNumber(now.atZone(seed.calendar().zone()).toLocalDate())
                    .compose(number -> create(appeal, actor, new TicketNumber(number), now, idempotencyKeyOrNull, intakeOrNull));
        });
        return intakeOrNull instanceof Command.MergeInto merge ? created.compose(ticket -> absorbedBy(ticket, merge, actor)) : created;
    }

    private Future<Void> openMaster(Command.MergeInto merge) {
        return load(merge.master()).compose(master -> master.status().isOpen() ? Future.<Void>succeededFuture()
                : Future.failedFuture(HotlineException.rejected("ticket.master-closed", "主单已" + master.status().label() + "，不能并入")));
    }

    private Future<Ticket> absorbedBy(Ticket merged, Command.MergeInto merge, Actor actor) {
        if (!merge.master().equals(merged.masterTicketId())) {
            return Future.succeededFuture(merged); // a replay of a request filed without this merge
        }
        return load(merge.master())
                .compose(master -> master.mergedTicketIds().contains(merged.id()) ? Future.succeededFuture(master)
                        : attempt(merge.master(), new Command.AbsorbDuplicate(merged.id(), merge.reason()), actor, config.conflictRetries())
                                .compose(absorbed -> replyAccepted(absorbed) ? mirrorToMerged(absorbed, List.of(merged.id()))
                                        : Future.succeededFuture(absorbed)))
                .map(master -> merged);
    }

    private Future<Ticket> create(NewAppeal appeal, Actor actor, TicketNumber number, Instant now, String key, Command intake) {
        TicketId id = new TicketId(UUID.randomUUID().toString());
        QueryCode code = QueryCode.generate(random::nextInt);
        Decision decision;
        try {
            decision = TicketRules.receive(appeal, id, number, code, actor, now, seed.timeLimits(), intake);
        } catch (IllegalArgumentException bad) {
            return Future.failedFuture(HotlineException.invalid("ticket.invalid", bad.getMessage()));
        }
        if (decision instanceof Decision.Accepted accepted) {
            TicketCommit commit = commits.commit(0, accepted.ticket(), accepted.events(), now);
            // only a replayed submission answers with another ticket; re-reading our own snapshot cost a third of intake's CPU
            return store.create(commit, key).map(stored -> stored.id().equals(commit.ticketId()) ? accepted.ticket()
                    : commits.snapshots().fromJson(stored.snapshotJson()));
        }
        return Future.failedFuture(refusal((Decision.Refused) decision));
    }

    public Future<Ticket> apply(TicketId id, Command given, Actor actor) {
        HotlineException invalid = checks.problemWith(given);
        if (invalid != null) {
            return Future.failedFuture(invalid);
        }
        Command command = checks.resolved(given, actor);
        if (command instanceof Command.MergeInto merge) {
            return mergeInto(id, merge, actor);
        }
        if (command instanceof Command.Unmerge unmerge) {
            return unmerge(id, unmerge, actor);
        }
        return attempt(id, command, actor, config.conflictRetries()).compose(ticket -> followedByMerged(ticket, command));
    }

    /** What a master's merged tickets follow: its accepted reply, and its close (办结 or 不予受理). */
    private Future<Ticket> followedByMerged(Ticket master, Command command) {
        if (master.mergedTicketIds().isEmpty()) {
            return Future.succeededFuture(master);
        }
        if (command instanceof Command.AcceptReply) {
            return mirrorToMerged(master, master.mergedTicketIds());
        }
        boolean closedNow = command instanceof Command.Close || command instanceof Command.NotAccept
                || command instanceof Command.AnswerDirectly;
        return closedNow ? closeMerged(master) : Future.succeededFuture(master);
    }

    /** The master must exist and still be open; it learns of the duplicate after the duplicate is merged. */
    private Future<Ticket> mergeInto(TicketId id, Command.MergeInto merge, Actor actor) {
        return openMaster(merge)
                .compose(open -> attempt(id, merge, actor, config.conflictRetries()))
                .compose(merged -> attempt(merge.master(), new Command.AbsorbDuplicate(id, merge.reason()), actor,
                        config.conflictRetries())
                        // merged after the master's reply was accepted: the citizen gets it at once
                        .compose(master -> replyAccepted(master) ? mirrorToMerged(master, List.of(id)) : Future.succeededFuture(master))
                        .compose(master -> load(id)));
    }

    /**
     * 撤销并单 while the master is open: the ticket leaves first (its own rules decide), then the master
     * lets go of it; both are events on their tickets, and the route audits the act.
     */
    private Future<Ticket> unmerge(TicketId id, Command.Unmerge unmerge, Actor actor) {
        return load(id)
                .compose(merged -> merged.masterTicketId() == null
                        ? Future.failedFuture(HotlineException.rejected("ticket.not-merged", "本单未并入其他工单"))
                        : openMaster(new Command.MergeInto(merged.masterTicketId(), null)).map(open -> merged.masterTicketId()))
                .compose(master -> attempt(id, unmerge, actor, config.conflictRetries())
                        .compose(own -> attempt(master, new Command.ReleaseDuplicate(id, unmerge.reason()), actor,
                                config.conflictRetries()).map(released -> own)));
    }

    private static boolean replyAccepted(Ticket master) {
        return master.reply() != null && (master.status() == TicketStatus.REVIEWED || master.status() == TicketStatus.REVISITED);
    }

    /**
     * Every citizen of a merged ticket gets the master's reviewed reply on their own ticket. Best
     * effort after the master's commit: a failure is logged and the master's answer stands.
     */
    private Future<Ticket> mirrorToMerged(Ticket master, List<TicketId> mergedIds) {
        if (master.reply() == null) {
            return Future.succeededFuture(master);
        }
        return follow(master, mergedIds, new Command.MirrorMasterReply(master.id(), master.reply(), master.leadDepartment()));
    }

    /** The master closed: each merged ticket closes with it (a dashboard would count it open forever otherwise). */
    private Future<Ticket> closeMerged(Ticket master) {
        return follow(master, master.mergedTicketIds(), new Command.Close("主单已" + master.status().label() + "，随主单办结"));
    }

    /** Best effort after the master's commit: a failure is logged and the master's answer stands. */
    private Future<Ticket> follow(Ticket master, List<TicketId> mergedIds, Command command) {
        Actor follower = Actor.system("merge-follower");
        List<Future<Ticket>> followed = mergedIds.stream()
                .map(merged -> attempt(merged, command, follower, config.conflictRetries())
                        .onFailure(failure -> LOG.warn("merged ticket did not follow its master [master={}, merged={}, command={}, reason={}]",
                                master.id(), merged, command.kind(), failure.getMessage())))
                .toList();
        return Future.join(followed).transform(done -> Future.succeededFuture(master));
    }

    private Future<Ticket> attempt(TicketId id, Command command, Actor actor, int retriesLeft) {
        return load(id)
                .compose(current -> decideAndCommit(current, command, actor))
                .recover(failure -> {
                    if (retriesLeft > 0 && failure instanceof HotlineException e && e.kind() == org.hotline.core.error.ErrorKind.CONFLICT) {
                        LOG.debug("concurrent change, deciding again [ticket={}, command={}]", id, command.kind());
                        return attempt(id, command, actor, retriesLeft - 1);
                    }
                    return Future.failedFuture(failure);
                });
    }

    private Future<Ticket> decideAndCommit(Ticket current, Command command, Actor actor) {
        Instant now = clock.instant();
        Decision decision;
        try {
            decision = TicketRules.decide(current, command, actor, now, seed.timeLimits());
        } catch (IllegalArgumentException bad) {
            // value checks inside the model (text limits, phone, coordinates) speak Chinese to the caller
            return Future.failedFuture(HotlineException.invalid("ticket.invalid", bad.getMessage()));
        }
        if (decision instanceof Decision.Refused refused) {
            return Future.failedFuture(refusal(refused));
        }
        Decision.Accepted accepted = (Decision.Accepted) decision;
        return store.commit(commits.commit(current.version(), accepted.ticket(), accepted.events(), now))
                .map(stored -> accepted.ticket());
    }

    /** Loads a ticket or fails NOT_FOUND. */
    public Future<Ticket> load(TicketId id) {
        return findById(id).compose(found -> found.map(Future::succeededFuture)
                .orElseGet(() -> Future.failedFuture(HotlineException.notFound("ticket.not-found", "工单不存在"))));
    }

    public Future<Optional<Ticket>> findById(TicketId id) {
        return store.findById(id.value()).map(found -> found.map(this::toTicket));
    }

    public Future<Optional<Ticket>> findByNumber(String number) {
        return store.findByNumber(number).map(found -> found.map(this::toTicket));
    }

    /** Every event of the ticket, oldest first (empty for an unknown ticket). */
    public Future<List<StreamEvent>> history(TicketId id) {
        return store.eventsOf(id.value());
    }

    public Future<List<Ticket>> inbox(String departmentId, int offset, int limit) {
        return checkPage(limit).compose(ok -> store.inbox(departmentId, offset, limit)).compose(this::loadAll);
    }

    public Future<List<Ticket>> ofCaller(String phone, int limit) {
        return checkPage(limit).compose(ok -> store.ticketsOfCaller(phone, limit)).compose(this::loadAll);
    }

    public Future<List<Ticket>> inStatus(TicketStatus status, int offset, int limit) {
        return checkPage(limit).compose(ok -> store.ticketsInStatus(status.name(), offset, limit)).compose(this::loadAll);
    }

    /**
     * Whether the unit still has work that can come back to it: a ticket in its inbox, or one it led
     * that waits for review or return visit (sending the reply back or re-handling returns it to the
     * lead). Pages through those statuses: meant for rare administrative checks, not hot paths.
     */
    public Future<Boolean> holdsOpenWork(String departmentId) {
        return inbox(departmentId, 0, 1).compose(inbox -> inbox.isEmpty()
                ? ledInStatus(departmentId, List.of(TicketStatus.REPLIED, TicketStatus.REVIEWED, TicketStatus.REVISITED), 0)
                : Future.succeededFuture(true));
    }

    private Future<Boolean> ledInStatus(String departmentId, List<TicketStatus> statuses, int offset) {
        if (statuses.isEmpty()) {
            return Future.succeededFuture(false);
        }
        int page = config.maxPage();
        return inStatus(statuses.get(0), offset, page).compose(tickets -> {
            if (tickets.stream().anyMatch(t -> departmentId.equals(t.leadDepartment()))) {
                return Future.succeededFuture(true);
            }
            return tickets.size() < page
                    ? ledInStatus(departmentId, statuses.subList(1, statuses.size()), 0)
                    : ledInStatus(departmentId, statuses, offset + page);
        });
    }

    /** The clock the service decides with (for "today" in calendar warnings). */
    public Clock clock() {
        return clock;
    }

    /** Every clock of the ticket with its deadline and the steps that derived it. */
    public Future<Map<ClockName, ClockStatus>> deadlineDerivation(TicketId id) {
        return load(id).map(ticket -> {
            Map<ClockName, ClockStatus> out = new java.util.EnumMap<>(ClockName.class);
            ticket.clocks().forEach((name, track) -> out.put(name, seed.timeLimits().deadlines().compute(track)));
            return out;
        });
    }

    /** The ticket.v1 JSON of a ticket, as on the event stream (unmasked: for internal consumers). */
    public String snapshotJson(Ticket ticket) {
        return commits.snapshots().toJson(ticket);
    }

    /**
     * A list is served even when one of its tickets cannot be read (e.g. a snapshot of an unknown
     * schema): that one is left out and logged, the others are shown. Store failures still fail.
     */
    private Future<List<Ticket>> loadAll(List<String> ids) {
        List<Future<Optional<Ticket>>> reads = ids.stream().map(id -> store.findById(id).map(found -> found.flatMap(this::readable))).toList();
        return Future.all(reads).map(all -> reads.stream()
                .map(Future::result).filter(Optional::isPresent).map(Optional::get).toList());
    }

    private Optional<Ticket> readable(StoredTicket stored) {
        try {
            return Optional.of(toTicket(stored));
        } catch (HotlineException unreadable) {
            LOG.warn("ticket left out of a list, snapshot unreadable [ticket={}]", stored.id());
            return Optional.empty();
        }
    }

    private Future<Void> checkPage(int limit) {
        return limit < 1 || limit > config.maxPage()
                ? Future.failedFuture(HotlineException.invalid("page.invalid", "每页条数应在1到" + config.maxPage() + "之间"))
                : Future.succeededFuture();
    }

    private Ticket toTicket(StoredTicket stored) {
        return commits.snapshots().fromJson(stored.snapshotJson());
    }

    static HotlineException refusal(Decision.Refused refused) {
        return refused.forbidden()
                ? HotlineException.forbidden(refused.code(), refused.message())
                : HotlineException.rejected(refused.code(), refused.message());
    }
}
