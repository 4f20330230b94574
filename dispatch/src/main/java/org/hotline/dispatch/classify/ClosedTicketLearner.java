package org.hotline.dispatch.classify;

import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hotline.dispatch.store.RedisTrainingCorpus;
import org.hotline.dispatch.store.TicketEventGroup;

/**
 * Feeds the classifier from the system's own history: every {@code TicketClosed} event on the
 * ticket event stream adds the ticket's final category and lead department (after dispatchers'
 * corrections) to the training corpus, through a consumer group so each closed ticket counts once
 * across server processes. Retrains after {@code retrainAfter} new examples, and loads the model
 * from the corpus when it starts. Polls without BLOCK so it can share the module's connection.
 *
 * <p>Misroutes teach: a ticket closed after one or more approved returns (退单, each naming the responsible party,
 * {@code returnCount} &gt; 0 in the snapshot) was first sent to the wrong unit and then corrected; its final
 * category and lead are a labelled correction and count {@value #CORRECTION_WEIGHT} times (appended that many
 * times, source {@code correction:<id>}: liblinear has no per-example weights, repetition weighs the same in the
 * loss). The gain of that weight is not measured (no real history of corrections is available).
 */
public final class ClosedTicketLearner extends TicketEventGroup {

    public static final String GROUP = "dispatch-learner";
    private static final int PAGE = 200;
    /** How many times a corrected ticket counts. */
    public static final int CORRECTION_WEIGHT = 2;

    private final RedisTrainingCorpus corpus;
    private final Classifier classifier;
    private final int retrainAfter;
    private int learnedSinceTraining;

    public ClosedTicketLearner(RedisAsyncCommands<String, String> redis, RedisTrainingCorpus corpus,
            Classifier classifier, String consumer, Duration pollInterval, int retrainAfter) {
        super(redis, GROUP, "0", consumer, pollInterval, PAGE);
        this.corpus = corpus;
        this.classifier = classifier;
        this.retrainAfter = retrainAfter;
    }

    @Override
    public Future<?> start() {
        classifier.retrain(); // rebuild the model from Redis; intake answers with keywords meanwhile
        return super.start();
    }

    @Override
    protected Future<Void> handlePage(List<StreamMessage<String, String>> messages) {
        return learn(messages);
    }

    private Future<Void> learn(List<StreamMessage<String, String>> messages) {
        List<Future<String>> appends = new ArrayList<>();
        for (StreamMessage<String, String> message : messages) {
            if (!"TicketClosed".equals(message.getBody().get("type")) || message.getBody().get("ticket") == null) {
                continue;
            }
            JsonObject ticket = new JsonObject(message.getBody().get("ticket"));
            JsonObject category = ticket.getJsonObject("category");
            if (category == null || category.getString("code") == null) {
                continue;
            }
            String text = LabelledText.appealText(ticket.getString("title"), ticket.getString("content"), null);
            LabelledText example = new LabelledText(text, category.getString("code"), ticket.getString("leadDepartment"));
            boolean corrected = ticket.getInteger("returnCount", 0) > 0;
            for (int copy = 0; copy < (corrected ? CORRECTION_WEIGHT : 1); copy++) {
                appends.add(corpus.append(example, (corrected ? "correction:" : "closed:") + ticket.getString("id")));
            }
        }
        learnedSinceTraining += appends.size();
        return Future.all(appends).mapEmpty();
    }

    @Override
    protected Future<Void> afterRound() {
        if (learnedSinceTraining >= retrainAfter) {
            learnedSinceTraining = 0;
            classifier.retrain(); // runs in the background; requests keep the previous model meanwhile
        }
        return Future.succeededFuture();
    }
}
