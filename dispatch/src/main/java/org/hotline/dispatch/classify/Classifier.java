package org.hotline.dispatch.classify;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hotline.dispatch.store.CatalogEntry;
import org.hotline.dispatch.store.RedisCatalog;
import org.hotline.dispatch.store.RedisTrainingCorpus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live classification with background retraining. Requests read the current model through an
 * atomic reference; a retrain builds a new model on one dedicated worker thread and swaps it in,
 * so intake never waits for training. Retrain requests that arrive while one is queued share it.
 */
public final class Classifier {

    private static final Logger LOG = LoggerFactory.getLogger(Classifier.class);

    private final Vertx vertx;
    private final ClassifierTrainer trainer;
    private final ClassifierConfig config;
    private final RedisCatalog catalog;
    private final RedisTrainingCorpus corpus;
    private final Clock clock;
    private final WorkerExecutor trainingThread;
    private final AtomicReference<TrainedModel> model = new AtomicReference<>();
    private final AtomicReference<ModelStatus> status = new AtomicReference<>(ModelStatus.coldStart(false));
    private Future<ModelStatus> tail = Future.succeededFuture();
    private Promise<ModelStatus> queued;
    private final Promise<Void> firstRun = Promise.promise();

    public Classifier(Vertx vertx, TextFeatures features, ClassifierConfig config, RedisCatalog catalog,
            RedisTrainingCorpus corpus, Clock clock) {
        this.vertx = vertx;
        this.config = config;
        this.trainer = new ClassifierTrainer(features, config);
        this.catalog = catalog;
        this.corpus = corpus;
        this.clock = clock;
        this.trainingThread = vertx.createSharedWorkerExecutor("dispatch-training", 1, 30, TimeUnit.MINUTES);
    }

    /** Top-two confidence gap under which both suggestions are shown with their deciding words. */
    public static final double BORDERLINE_MARGIN = 0.3;
    private static final int DECIDING_WORDS = 6;

    /** Suggestions best first: every catalog category, the model's or the keywords' confidence each. */
    public Future<List<Suggestion>> suggest(String text, int limit) {
        return catalog.all().compose(entries -> vertx.executeBlocking(() -> rank(text, entries, limit), false));
    }

    private List<Suggestion> rank(String text, List<CatalogEntry> entries, int limit) {
        TrainedModel current = model.get();
        Map<String, CatalogEntry> byCode = entries.stream()
                .collect(Collectors.toMap(CatalogEntry::code, Function.identity()));
        List<ScoredCategory> scored = current == null
                ? KeywordRules.score(text, entries)
                : offerable(current.classify(text), byCode);
        Set<String> seen = new HashSet<>();
        scored.forEach(s -> seen.add(s.category()));
        entries.stream().filter(e -> !seen.contains(e.code()))
                .forEach(e -> scored.add(new ScoredCategory(e.code(), 0, "catalog")));
        List<Suggestion> ranked = scored.stream().limit(limit).map(s -> toSuggestion(s, byCode.get(s.category()), current))
                .toList();
        return current == null ? ranked : withDecidingWords(text, ranked, current);
    }

    /**
     * When the model's top two are within {@value #BORDERLINE_MARGIN} of each other, each gets the words of the
     * text that weigh most for it against the other: what a dispatcher needs to choose between them.
     */
    static List<Suggestion> withDecidingWords(String text, List<Suggestion> ranked, TrainedModel model) {
        if (!isBorderline(ranked)) {
            return ranked;
        }
        Suggestion first = ranked.get(0);
        Suggestion second = ranked.get(1);
        List<Suggestion> out = new ArrayList<>(ranked);
        out.set(0, first.withWords(model.decidingWords(text, first.category(), second.category(), DECIDING_WORDS)));
        out.set(1, second.withWords(model.decidingWords(text, second.category(), first.category(), DECIDING_WORDS)));
        return out;
    }

    /** The top two suggestions are both the model's and close: a human should look at both. */
    public static boolean isBorderline(List<Suggestion> ranked) {
        return ranked.size() >= 2 && ranked.get(1).confidence() > 0
                && ranked.get(0).confidence() - ranked.get(1).confidence() < BORDERLINE_MARGIN
                && ranked.get(0).basis().startsWith("model:") && ranked.get(1).basis().startsWith("model:");
    }

    /**
     * The model's categories that can still be chosen: one retired by an administrator leaves the
     * catalog but stays in the training history, so it is dropped here and the remaining
     * confidences are scaled back to a sum of 1. An empty catalog (not read yet) filters nothing.
     */
    private static List<ScoredCategory> offerable(List<ScoredCategory> learned, Map<String, CatalogEntry> byCode) {
        if (byCode.isEmpty()) {
            return new ArrayList<>(learned);
        }
        List<ScoredCategory> kept = learned.stream().filter(s -> byCode.containsKey(s.category())).toList();
        double total = kept.stream().mapToDouble(ScoredCategory::confidence).sum();
        if (kept.size() == learned.size() || total <= 0) {
            return new ArrayList<>(kept);
        }
        return new ArrayList<>(kept.stream()
                .map(s -> new ScoredCategory(s.category(), s.confidence() / total, s.basis())).toList());
    }

    private static Suggestion toSuggestion(ScoredCategory scored, CatalogEntry entry, TrainedModel current) {
        String department = entry != null && entry.department() != null ? entry.department()
                : current == null ? null : current.usualDepartment(scored.category()).orElse(null);
        String name = entry == null ? scored.category() : entry.name();
        return new Suggestion(scored.category(), name, scored.confidence(), department, scored.basis());
    }

    /**
     * Completes once the first retraining is over: a model is serving, or the corpus is too small and
     * keyword rules serve on purpose. Until then suggestions come from the keyword rules only.
     */
    public Future<Void> ready() {
        return firstRun.future();
    }

    public ModelStatus status() {
        return status.get();
    }

    /**
     * Retrains from the whole corpus in Redis. The future completes when a model that includes
     * everything appended before this call is serving (or training was not possible).
     */
    public synchronized Future<ModelStatus> retrain() {
        if (queued != null) {
            return queued.future();
        }
        Promise<ModelStatus> next = Promise.promise();
        queued = next;
        tail = tail.transform(ignored -> startQueuedRun()).onComplete(next);
        return next.future();
    }

    private Future<ModelStatus> startQueuedRun() {
        synchronized (this) {
            queued = null;
        }
        status.updateAndGet(s -> s.withTraining(true));
        return corpus.readAll()
                .compose(examples -> trainingThread.executeBlocking(() -> trainAndSwap(examples), true))
                .onComplete(done -> status.updateAndGet(s -> s.withTraining(false)))
                .onComplete(done -> firstRun.tryComplete())
                .onFailure(failure -> LOG.warn("classifier retraining failed [reason={}]", failure.toString()));
    }

    private ModelStatus trainAndSwap(List<LabelledText> examples) {
        long categories = examples.stream().map(LabelledText::category).distinct().count();
        if (examples.size() < config.minTrainingExamples() || categories < 2) {
            LOG.info("classifier stays on keyword rules [examples={}, categories={}]", examples.size(), categories);
            return status.get().withTraining(false);
        }
        long start = System.nanoTime();
        TrainedModel trained = trainer.train(examples);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        model.set(trained);
        ModelStatus now = new ModelStatus(true, trained.trainingExamples(), trained.categories().size(),
                trained.dimension(), clock.instant(), millis, true);
        status.set(now);
        LOG.info("classifier retrained [examples={}, categories={}, features={}, millis={}]",
                now.examples(), now.categories(), now.features(), millis);
        return now.withTraining(false);
    }

    public Future<Void> close() {
        return trainingThread.close();
    }
}
