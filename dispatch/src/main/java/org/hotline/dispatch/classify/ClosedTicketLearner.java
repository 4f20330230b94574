package org.hotline.dispatch.classify;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import org.hotline.core.stream.RedisKeys;
import org.hotline.core.stream.TicketEventEntry;
import org.hotline.core.stream.TicketEventType;
import org.hotline.core.stream.group.BatchHandler;
import org.hotline.core.stream.group.ConsumerGroup;
import org.hotline.core.stream.group.GroupSettings;
import org.hotline.core.stream.group.Handled;
import org.hotline.core.wire.TicketV1;
import org.hotline.dispatch.store.RedisTrainingCorpus;

/**
 * Feeds the classifier from the system's own history: every {@code TicketClosed} event on the
 * ticket event stream adds the ticket's final category and lead department (after dispatchers'
 * corrections) to the training corpus, through a consumer group so each closed ticket counts once
 * across server processes. Retraining follows a {@link RetrainSchedule} (a bounded share of a core,
 * never a whole-corpus run per close); {@link #group} loads the model from the corpus first.
 *
 * <p>Misroutes teach: a ticket closed after one or more approved returns (退单, each naming the responsible party,
 * {@code returnCount} &gt; 0 in the snapshot) was first sent to the wrong unit and then corrected; its final
 * category and lead are a labelled correction and count {@value #CORRECTION_WEIGHT} times (appended that many
 * times, source {@code correction:<id>}: liblinear has no per-example weights, repetition weighs the same in the
 * loss). The gain of that weight is not measured (no real history of corrections is available).
 */
public final class ClosedTicketLearner implements BatchHandler<TicketEventEntry> {

    public static final String GROUP = "dispatch-learner";
    public static final int PAGE = 200;
    /** How many times a corrected ticket counts. */
    public static final int CORRECTION_WEIGHT = 2;

    private final RedisTrainingCorpus corpus;
    private final Classifier classifier;
    private final RetrainSchedule schedule;

    public ClosedTicketLearner(RedisTrainingCorpus corpus, Classifier classifier, RetrainSchedule schedule) {
        this.corpus = corpus;
        this.classifier = classifier;
        this.schedule = schedule;
    }

    /** Rebuilds the model from Redis (intake answers with keywords meanwhile); the group reads the whole history. */
    public ConsumerGroup<TicketEventEntry> group(RedisAsyncCommands<String, String> redis, String consumer, Duration poll) {
        classifier.retrain();
        return TicketEventEntry.consumerGroup(redis, GroupSettings.of(GROUP, consumer, RedisKeys.TICKET_EVENTS, true)
                .page(PAGE).idle(poll), this);
    }

    @Override
    public Future<Handled> handle(List<TicketEventEntry> batch) {
        List<Future<String>> appends = new java.util.ArrayList<>();
        batch.stream()
                .filter(e -> e.is(TicketEventType.TICKET_CLOSED) && e.ticket().category() != null && e.ticket().category().code() != null)
                .forEach(e -> {
                    boolean corrected = corrected(e.ticket());
                    for (int copy = 0; copy < (corrected ? CORRECTION_WEIGHT : 1); copy++) {
                        appends.add(corpus.append(example(e.ticket()), (corrected ? "correction:" : "closed:") + e.ticket().id()));
                    }
                });
        if (appends.isEmpty()) {
            return Future.succeededFuture(Handled.all());
        }
        // retraining runs in the background when the schedule allows; requests keep the previous model meanwhile
        return Future.all(appends).onSuccess(v -> schedule.examplesAdded()).map(Handled.all());
    }

    /**
     * An approved return (退单 naming the responsible unit) proves the first routing wrong; a rejected one does not.
     * Snapshots written before {@code routing} was kept only count return requests, so they fall back to that.
     */
    static boolean corrected(TicketV1 ticket) {
        return ticket.routing() != null ? ticket.routing().approvedReturns() > 0 : ticket.returnCount() > 0;
    }

    private static LabelledText example(TicketV1 ticket) {
        return new LabelledText(LabelledText.appealText(ticket.title(), ticket.content(), null), ticket.category().code(),
                ticket.leadDepartment());
    }
}
