package org.hotline.core.api;

import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.hotline.core.app.TicketService;
import org.hotline.core.app.TicketServiceConfig;
import org.hotline.core.auth.AuthConfig;
import org.hotline.core.auth.PasswordHasher;
import org.hotline.core.auth.UserAccount;
import org.hotline.core.model.Role;
import org.hotline.core.redis.RedisConfig;
import org.hotline.core.redis.RedisConnector;
import org.hotline.core.redis.RedisTicketStore;
import org.hotline.core.redis.RedisTicketStoreConfig;
import org.hotline.core.wire.SeedLoader;
import org.hotline.testsupport.RealRedis;

/**
 * The API on a real HTTP server (free port) over the shared real Redis, one Redis database per test
 * class so counters and accounts of one class never leak into another.
 */
final class ApiTestServer implements AutoCloseable {

    static final String SECRET = "test-secret-of-at-least-thirty-two-bytes!!";
    static final String ADMIN_PASSWORD = "admin-password-1";
    static final String DEMO_PASSWORD = "demo-password-1";

    final Vertx vertx = Vertx.vertx();
    final RedisConnector connector;
    final StatefulRedisConnection<String, String> redis;
    final TicketService service;
    final ApiRoutes api;
    final HttpServer server;
    final WebClient client;

    ApiTestServer(int database, Function<ApiConfig, ApiConfig> tune) {
        this(database, tune, true);
    }

    /** {@code fresh = false} starts another node on the database as it is, e.g. one started after a change. */
    ApiTestServer(int database, Function<ApiConfig, ApiConfig> tune, boolean fresh) {
        this(database, tune, fresh, ApiOptions.none());
    }

    /** With what other modules would plug in (e.g. a category listener standing for dispatch). */
    ApiTestServer(int database, Function<ApiConfig, ApiConfig> tune, boolean fresh, ApiOptions options) {
        connector = RedisConnector.create(vertx, RedisConfig.of(RealRedis.shared().uri() + "/" + database));
        redis = await(connector.connect());
        if (fresh) {
            redis.sync().flushdb();
        }
        ApiConfig config = tune.apply(ApiConfig.of(new AuthConfig(SECRET, null, ADMIN_PASSWORD, demoAccounts()))
            .withIntakeLimits(10_000, 10_000));
        RedisTicketStore store = await(RedisTicketStore.start(vertx, connector, RedisTicketStoreConfig.defaults()));
        service = new TicketService(store, SeedLoader.fromClasspath(), Clock.systemUTC(), TicketServiceConfig.defaults());
        api = new ApiRoutes(ApiParts.create(vertx, config, redis.async(), service, Clock.systemUTC(), new PasswordHasher(1_000)), options);
        await(api.start());
        Router router = api.mount(Router.router(vertx));
        server = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
        client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(server.actualPort()));
    }

    static List<UserAccount.New> demoAccounts() {
        return List.of(
            new UserAccount.New("agent1", DEMO_PASSWORD, Role.AGENT, null, "坐席一"),
            new UserAccount.New("dispatcher1", DEMO_PASSWORD, Role.DISPATCHER, null, "派单员一"),
            new UserAccount.New("supervisor1", DEMO_PASSWORD, Role.SUPERVISOR, null, "班长一"),
            new UserAccount.New("urban1", DEMO_PASSWORD, Role.DEPARTMENT, "urban", "市城市管理局"),
            new UserAccount.New("housing1", DEMO_PASSWORD, Role.DEPARTMENT, "housing", "市住房和城乡建设局"),
            new UserAccount.New("dongcheng1", DEMO_PASSWORD, Role.DEPARTMENT, "d.dongcheng", "东城区人民政府"),
            new UserAccount.New("renmin1", DEMO_PASSWORD, Role.DEPARTMENT, "s.dongcheng.1", "人民路街道"));
    }

    String login(String username, String password) {
        HttpResponse<Buffer> response = send(HttpMethod.POST, "/api/v1/auth/token", null,
            new JsonObject().put("username", username).put("password", password).toBuffer());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + response.statusCode() + " " + response.bodyAsString());
        }
        return response.bodyAsJsonObject().getString("token");
    }

    HttpResponse<Buffer> send(HttpMethod method, String path, String token, Buffer body) {
        HttpRequest<Buffer> request = client.request(method, path);
        if (token != null) {
            request.bearerTokenAuthentication(token);
        }
        if (body == null) {
            return await(request.send());
        }
        request.putHeader("Content-Type", "application/json");
        return await(request.sendBuffer(body));
    }

    HttpResponse<Buffer> get(String path, String token) {
        return send(HttpMethod.GET, path, token, null);
    }

    HttpResponse<Buffer> post(String path, String token, JsonObject body) {
        return send(HttpMethod.POST, path, token, body.toBuffer());
    }

    /** A successful POST's JSON answer; fails the test with the problem otherwise. */
    JsonObject ok(String path, String token, JsonObject body) {
        HttpResponse<Buffer> response = post(path, token, body);
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("POST " + path + " -> " + response.statusCode() + " " + response.bodyAsString());
        }
        return response.bodyAsJsonObject();
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("awaited operation failed", e);
        }
    }

    @Override
    public void close() {
        client.close();
        await(server.close());
        await(connector.close());
        await(vertx.close());
    }
}
