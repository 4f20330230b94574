package org.hotline.dispatch.history;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline.core.redis.LettuceBridge;
import org.hotline.dispatch.classify.Classifier;
import org.hotline.dispatch.classify.LabelledText;
import org.hotline.dispatch.classify.ModelStatus;
import org.hotline.dispatch.store.CatalogEntry;
import org.hotline.dispatch.store.DispatchKeys;
import org.hotline.dispatch.store.RedisCatalog;
import org.hotline.dispatch.store.RedisTrainingCorpus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports closed tickets of a previous system (JSON Lines): validates every line, optionally
 * creates unknown categories, appends each new ticket to the training corpus and to the
 * history-import stream for search, then retrains the classifier and waits for it (bounded).
 */
public final class HistoryImport {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryImport.class);

    private final Vertx vertx;
    private final RedisAsyncCommands<String, String> redis;
    private final RedisCatalog catalog;
    private final RedisTrainingCorpus corpus;
    private final Classifier classifier;
    private final Clock clock;
    private final HistoryImportConfig config;

    public HistoryImport(Vertx vertx, RedisAsyncCommands<String, String> redis, RedisCatalog catalog,
            RedisTrainingCorpus corpus, Classifier classifier, Clock clock, HistoryImportConfig config) {
        this.vertx = vertx;
        this.redis = redis;
        this.catalog = catalog;
        this.corpus = corpus;
        this.classifier = classifier;
        this.clock = clock;
        this.config = config;
    }

    public HistoryImportConfig config() {
        return config;
    }

    public Future<ImportResult> run(String ndjson, boolean createCategories) {
        return vertx.executeBlocking(() -> ParsedBatch.of(ndjson), false)
                .compose(batch -> settleCategories(batch, createCategories))
                .compose(batch -> write(batch.accepted(), 0, new int[2])
                        .compose(counts -> finish(batch, counts)));
    }

    private Future<ParsedBatch> settleCategories(ParsedBatch batch, boolean create) {
        return catalog.all().compose(entries -> {
            Set<String> known = entries.stream().map(CatalogEntry::code).collect(Collectors.toSet());
            Map<String, CatalogEntry> missing = new LinkedHashMap<>();
            batch.accepted().stream().filter(line -> !known.contains(line.category()))
                    .forEach(line -> missing.putIfAbsent(line.category(),
                            CatalogEntry.named(line.category(), line.department())));
            if (!create) {
                return Future.succeededFuture(batch.rejectUnknown(known));
            }
            return catalog.createMissing(missing.values()).map(v -> batch.withCreated(List.copyOf(missing.keySet())));
        });
    }

    /** Writes in batches so a 100,000-line import never has 300,000 commands in flight. */
    private Future<int[]> write(List<HistoryLine> lines, int from, int[] counts) {
        if (from >= lines.size()) {
            return Future.succeededFuture(counts);
        }
        int to = Math.min(lines.size(), from + config.batchSize());
        Instant now = clock.instant();
        List<Future<Boolean>> writes = new ArrayList<>(to - from);
        for (HistoryLine line : lines.subList(from, to)) {
            writes.add(writeOne(line, now));
        }
        return Future.all(writes).compose(done -> {
            for (int i = 0; i < writes.size(); i++) {
                counts[writes.get(i).result() ? 0 : 1]++;
            }
            return write(lines, to, counts);
        });
    }

    /** True when the line was new; a known fingerprint is a duplicate and is skipped. */
    private Future<Boolean> writeOne(HistoryLine line, Instant now) {
        return LettuceBridge.toFuture(vertx, redis.sadd(DispatchKeys.IMPORTED, line.fingerprint()))
                .compose(added -> added == 0 ? Future.succeededFuture(false) : append(line, now));
    }

    private Future<Boolean> append(HistoryLine line, Instant now) {
        String text = LabelledText.appealText(line.title(), line.content(), null);
        Future<String> training = corpus.append(new LabelledText(text, line.category(), line.department()),
                "import:" + HistorySnapshot.ticketId(line));
        Future<String> search = LettuceBridge.toFuture(vertx,
                redis.xadd(DispatchKeys.HISTORY_IMPORT_STREAM, HistorySnapshot.streamEntry(line, now)));
        return Future.all(training, search).map(true);
    }

    private Future<ImportResult> finish(ParsedBatch batch, int[] counts) {
        LOG.info("history imported [imported={}, duplicates={}, rejected={}, createdCategories={}]",
                counts[0], counts[1], batch.rejected().size(), batch.created().size());
        Future<ModelStatus> model = counts[0] == 0 && classifier.status().trained()
                ? Future.succeededFuture(classifier.status())
                : classifier.retrain().timeout(config.trainWait().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        return model.map(status -> new ImportResult(counts[0], counts[1], batch.rejected(), batch.created(),
                        status.trained(), status, status.trained() ? null : ImportResult.TOO_LITTLE))
                .recover(notYet -> Future.succeededFuture(new ImportResult(counts[0], counts[1], batch.rejected(),
                        batch.created(), false, classifier.status(), ImportResult.STILL_TRAINING)));
    }
}
