package org.hotline.search.knowledge;

import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Actor;
import org.hotline.core.text.Segmenter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge base agents answer callers from: articles in Redis ({@link KnowledgeStore}), searched
 * in an in-process index ({@link KnowledgeIndex}) that each node rebuilds from Redis at start and
 * again whenever the shared version counter moved (polled every {@code poll}), so a change made on
 * one node is searchable on every node within one poll; on the node that made it, at once.
 */
public final class KnowledgeBase {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBase.class);
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(2);

    private final Vertx vertx;
    private final Segmenter segmenter;
    private final Clock clock;
    private final Duration poll;
    private KnowledgeStore store;
    private Future<Void> started;
    private volatile KnowledgeIndex index;
    private long timer = -1;
    private final AtomicBoolean syncing = new AtomicBoolean();
    private boolean seedOffered;
    private boolean closed;

    /** Not serving (503 on every call) until {@link #start} loaded the index. */
    public KnowledgeBase(Vertx vertx, Segmenter segmenter, Clock clock, Duration poll) {
        if (poll == null || poll.isNegative() || poll.isZero()) {
            throw HotlineException.invalid("config.knowledge", "knowledge poll interval must be positive");
        }
        this.vertx = vertx;
        this.segmenter = segmenter;
        this.clock = clock;
        this.poll = poll;
    }

    /**
     * Offers the seed articles to an empty base (once per Redis), loads the index and starts polling;
     * later calls return the first call's future. Commands are short (no blocking reads), but they
     * queue behind whatever else the connection is doing.
     */
    public synchronized Future<Void> start(StatefulRedisConnection<String, String> redis) {
        if (started == null) {
            store = new KnowledgeStore(vertx, redis);
            started = open().onFailure(e -> LOG.warn("knowledge base not loaded yet, retried every poll [cause={}]", e.toString()));
        }
        return started;
    }

    /** The poll starts even if Redis cannot be reached now: it seeds and loads as soon as Redis answers. */
    private Future<Void> open() {
        return blocking(() -> new KnowledgeIndex(segmenter)).compose(created -> {
            index = created;
            // the first load holds the same guard as the poll: two loads racing would each rebuild the
            // index, the second one after start() completed, under the searches of the caller
            syncing.set(true);
            timer = closed ? -1 : vertx.setPeriodic(poll.toMillis(), id -> syncQuietly());
            return sync().andThen(done -> syncing.set(false));
        });
    }

    public Future<KnowledgeIndex.Page> search(String text, String category, String tag, int size) {
        return ready().compose(i -> blocking(() -> i.search(text, category, tag, size)));
    }

    /** From this node's index (at most one poll behind), else from Redis: an article just made on another node. */
    public Future<Article> get(String id) {
        return ready().compose(i -> i.article(id).map(Future::succeededFuture).orElseGet(() -> current(id)));
    }

    private Future<Article> current(String id) {
        return store.find(id).map(found -> found.orElseThrow(() -> missing(id)));
    }

    public Future<Article> create(ArticleDraft draft, Actor author) {
        return ready().compose(i -> store.nextId()).compose(id -> {
            Article article = Article.from(id, draft, clock.instant(), author(author), 1);
            return store.save(article, 0).compose(version -> applied(article, version));
        });
    }

    public Future<Article> update(String id, ArticleDraft draft, Actor author) {
        return ready().compose(i -> current(id)).compose(current -> {
            if (draft.revision() != null && draft.revision() != current.revision()) {
                return Future.failedFuture(changedMeanwhile());
            }
            Article next = Article.from(id, draft, clock.instant(), author(author), current.revision() + 1);
            return store.save(next, current.revision()).compose(version -> applied(next, version));
        });
    }

    public Future<Void> delete(String id) {
        return ready().compose(i -> store.delete(id)).compose(version -> version.isEmpty()
                ? Future.failedFuture(missing(id))
                : blocking(() -> {
                    index.remove(id, version.get());
                    return null;
                }));
    }

    public Future<Void> close() {
        closed = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        return index == null ? Future.succeededFuture() : blocking(() -> {
            index.close();
            return null;
        });
    }

    private Future<Article> applied(Article article, java.util.Optional<Long> version) {
        if (version.isEmpty()) {
            return Future.failedFuture(changedMeanwhile());
        }
        return blocking(() -> {
            index.put(article, version.get());
            return article;
        });
    }

    /** Offers the seed until Redis took the offer, then reloads everything when Redis holds a version this node has not indexed. */
    Future<Void> sync() {
        Future<Void> seed = seedOffered ? Future.succeededFuture() : store.seed(KnowledgeSeed.articles(clock.instant()))
                .onSuccess(stored -> {
                    seedOffered = true;
                    if (stored > 0) {
                        LOG.info("knowledge base seeded [articles={}]", stored);
                    }
                }).mapEmpty();
        return seed.compose(v -> store.version()).compose(v -> v == index.version() ? Future.succeededFuture()
                : store.load().compose(snapshot -> blocking(() -> {
                    index.replaceAll(snapshot.version(), snapshot.articles());
                    return null;
                })));
    }

    private void syncQuietly() {
        if (!syncing.compareAndSet(false, true)) {
            return;
        }
        sync().onComplete(done -> {
            syncing.set(false);
            if (done.failed()) {
                LOG.warn("knowledge index not refreshed, retried at the next poll [cause={}]", done.cause().toString());
            }
        });
    }

    private Future<KnowledgeIndex> ready() {
        return index != null && index.version() >= 0 ? Future.succeededFuture(index)
                : Future.failedFuture(HotlineException.unavailable("knowledge.loading", "知识库正在加载，请稍后重试", null));
    }

    private static String author(Actor actor) {
        return actor.displayName() == null || actor.displayName().isBlank() ? actor.userId() : actor.displayName();
    }

    private static HotlineException missing(String id) {
        return HotlineException.notFound("knowledge.not-found", "知识条目 " + id + " 不存在");
    }

    private static HotlineException changedMeanwhile() {
        return HotlineException.conflict("knowledge.changed", "该知识条目已被他人修改，请刷新后再编辑");
    }

    private <T> Future<T> blocking(Callable<T> work) {
        return vertx.executeBlocking(() -> {
            try {
                return work.call();
            } catch (IOException e) {
                throw HotlineException.unavailable("knowledge.index-io", "知识库索引读写失败", e);
            }
        }, false);
    }
}
