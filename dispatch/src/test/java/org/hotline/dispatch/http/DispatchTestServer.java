package org.hotline.dispatch.http;

import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.hotline.core.auth.AuthConfig;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.auth.JwtTokens;
import org.hotline.core.model.Actor;
import org.hotline.core.redis.RedisConfig;
import org.hotline.core.redis.RedisConnector;
import org.hotline.core.text.HanLpSegmenter;
import org.hotline.dispatch.classify.Classifier;
import org.hotline.dispatch.classify.ClassifierConfig;
import org.hotline.dispatch.classify.TextFeatures;
import org.hotline.dispatch.history.HistoryImport;
import org.hotline.dispatch.history.HistoryImportConfig;
import org.hotline.dispatch.store.RedisCatalog;
import org.hotline.dispatch.store.RedisTrainingCorpus;
import org.hotline.testsupport.RealRedis;

/**
 * The dispatch routes on a real HTTP server (free port) over the shared real Redis, one Redis
 * database per test class (flushed at start) so classes never see each other's catalog or corpus.
 */
final class DispatchTestServer implements AutoCloseable {

    static final String SECRET = "dispatch-test-secret-of-at-least-32-bytes";
    private static final HanLpSegmenter SEGMENTER = new HanLpSegmenter();

    final Vertx vertx = Vertx.vertx();
    final RedisConnector connector;
    final StatefulRedisConnection<String, String> redis;
    final RedisCatalog catalog;
    final Classifier classifier;
    final RedisTrainingCorpus corpus;
    final JwtTokens tokens;
    final HttpServer server;
    final WebClient client;

    DispatchTestServer(int database) {
        connector = RedisConnector.create(vertx, RedisConfig.of(RealRedis.shared().uri() + "/" + database));
        redis = await(connector.connect());
        redis.sync().flushdb();
        catalog = new RedisCatalog(vertx, redis.async());
        corpus = new RedisTrainingCorpus(vertx, redis.async());
        ClassifierConfig config = ClassifierConfig.defaults();
        classifier = new Classifier(vertx, new TextFeatures(SEGMENTER, config.maxCharGram()), config, catalog,
                corpus, Clock.systemUTC());
        HistoryImport history = new HistoryImport(vertx, redis.async(), catalog, corpus, classifier,
                Clock.systemUTC(), HistoryImportConfig.defaults());
        tokens = new JwtTokens(vertx, AuthConfig.of(SECRET, null));
        Router router = new DispatchRoutes(classifier, history, Authenticated.handler(tokens),
                new org.hotline.dispatch.routing.RedisAutoAssignPolicy(vertx, redis.async()))
                .mount(Router.router(vertx));
        new org.hotline.dispatch.http.RoutingRoutes(new org.hotline.dispatch.routing.RedisRoutingRules(vertx, redis.async()),
                new org.hotline.dispatch.routing.DispatcherQueue(vertx, redis.async()), Authenticated.handler(tokens))
                .mount(router);
        new PolicyRoutes(new org.hotline.dispatch.routing.RedisAutoAssignPolicy(vertx, redis.async()),
                Authenticated.handler(tokens), Clock.systemUTC()).mount(router);
        server = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
        client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(server.actualPort()));
    }

    String token(Actor actor) {
        return tokens.issue(actor);
    }

    HttpResponse<Buffer> post(String path, String token, String contentType, Buffer body) {
        return send(io.vertx.core.http.HttpMethod.POST, path, token, contentType, body);
    }

    HttpResponse<Buffer> send(io.vertx.core.http.HttpMethod method, String path, String token, String contentType,
            Buffer body) {
        HttpRequest<Buffer> request = client.request(method, path).timeout(180_000);
        if (token != null) {
            request.bearerTokenAuthentication(token);
        }
        request.putHeader("Content-Type", contentType);
        return await(body == null ? request.send() : request.sendBuffer(body));
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(180, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("awaited future failed", e);
        }
    }

    @Override
    public void close() {
        await(Future.all(vertx.deploymentIDs().stream().map(vertx::undeploy).toList()));
        await(classifier.close());
        await(connector.close());
        await(vertx.close());
    }
}
