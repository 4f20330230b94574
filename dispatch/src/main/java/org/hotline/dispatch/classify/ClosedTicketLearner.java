package org.hotline.dispatch.classify;

import io.lettuce.core.Consumer;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hotline.core.redis.LettuceBridge;
import org.hotline.core.stream.RedisKeys;
import org.hotline.dispatch.store.RedisTrainingCorpus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the classifier from the system's own history: every {@code TicketClosed} event on the
 * ticket event stream adds the ticket's final category and lead department (after dispatchers'
 * corrections) to the training corpus, through a consumer group so each closed ticket counts once
 * across server processes. Retrains after {@code retrainAfter} new examples, and loads the model
 * from the corpus when it starts. Polls without BLOCK so it can share the module's connection.
 */
public final class ClosedTicketLearner extends VerticleBase {

    public static final String GROUP = "dispatch-learner";
    private static final Logger LOG = LoggerFactory.getLogger(ClosedTicketLearner.class);
    private static final int PAGE = 200;

    private final RedisAsyncCommands<String, String> redis;
    private final RedisTrainingCorpus corpus;
    private final Classifier classifier;
    private final String consumer;
    private final Duration pollInterval;
    private final int retrainAfter;
    private int learnedSinceTraining;
    private boolean polling;
    private long timer = -1;

    public ClosedTicketLearner(RedisAsyncCommands<String, String> redis, RedisTrainingCorpus corpus,
            Classifier classifier, String consumer, Duration pollInterval, int retrainAfter) {
        this.redis = redis;
        this.corpus = corpus;
        this.classifier = classifier;
        this.consumer = consumer;
        this.pollInterval = pollInterval;
        this.retrainAfter = retrainAfter;
    }

    @Override
    public Future<?> start() {
        classifier.retrain(); // rebuild the model from Redis; intake answers with keywords meanwhile
        XGroupCreateArgs args = XGroupCreateArgs.Builder.mkstream();
        return LettuceBridge.toFuture(vertx, redis.xgroupCreate(
                        XReadArgs.StreamOffset.from(RedisKeys.TICKET_EVENTS, "0"), GROUP, args))
                .recover(failure -> String.valueOf(failure.getCause()).contains("BUSYGROUP")
                        ? Future.succeededFuture("OK") : Future.failedFuture(failure))
                .onSuccess(ok -> timer = vertx.setPeriodic(pollInterval.toMillis(), id -> poll()));
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(timer);
        return Future.succeededFuture();
    }

    private void poll() {
        if (polling) {
            return;
        }
        polling = true;
        // compose turns a command rejected synchronously (connection closing) into a failed future
        Future.succeededFuture().compose(v -> readPage()).onComplete(done -> polling = false)
                .onFailure(failure -> LOG.warn("closed-ticket learning failed [reason={}]", failure.toString()));
    }

    /** Reads and learns pages until the group has nothing new. */
    private Future<Void> readPage() {
        return LettuceBridge.toFuture(vertx, redis.xreadgroup(Consumer.from(GROUP, consumer),
                        XReadArgs.Builder.count(PAGE), XReadArgs.StreamOffset.lastConsumed(RedisKeys.TICKET_EVENTS)))
                .compose(messages -> learn(messages).compose(v -> acknowledge(messages))
                        .compose(v -> messages.size() == PAGE ? readPage() : maybeRetrain()));
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
            appends.add(corpus.append(new LabelledText(text, category.getString("code"),
                    ticket.getString("leadDepartment")), "closed:" + ticket.getString("id")));
        }
        learnedSinceTraining += appends.size();
        return Future.all(appends).mapEmpty();
    }

    private Future<Void> acknowledge(List<StreamMessage<String, String>> messages) {
        if (messages.isEmpty()) {
            return Future.succeededFuture();
        }
        String[] ids = messages.stream().map(StreamMessage::getId).toArray(String[]::new);
        return LettuceBridge.toFuture(vertx, redis.xack(RedisKeys.TICKET_EVENTS, GROUP, ids)).mapEmpty();
    }

    private Future<Void> maybeRetrain() {
        if (learnedSinceTraining >= retrainAfter) {
            learnedSinceTraining = 0;
            classifier.retrain(); // runs in the background; requests keep the previous model meanwhile
        }
        return Future.succeededFuture();
    }
}
