package org.hotline.server.acceptance;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hotline.server.cluster.ServerNode;

/**
 * An agent's screen-pop stream ({@code GET /api/telephony/agents/{id}/events}, server-sent events) read
 * as the console reads it: every {@code data:} line of a {@code screen-pop} event is kept.
 */
final class ScreenPops implements AutoCloseable {

    private final List<JsonObject> received = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    private ScreenPops(CompletableFuture<HttpResponse<Stream<String>>> response) {
        this.response = response;
    }

    static ScreenPops open(ServerNode node, String token, String agentId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.url("/api/telephony/agents/" + agentId + "/events")))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        ScreenPops pops = new ScreenPops(response);
        HttpResponse<Stream<String>> opened = response.get(30, TimeUnit.SECONDS);
        if (opened.statusCode() != 200) {
            throw new AssertionError("screen-pop stream of " + agentId + " answered " + opened.statusCode());
        }
        Thread reader = new Thread(() -> opened.body().filter(line -> line.startsWith("data:"))
                .map(line -> new JsonObject(line.substring("data:".length()).trim()))
                .filter(event -> "screen-pop".equals(event.getString("type")))
                .forEach(pops.received::add), "screen-pops-" + agentId);
        reader.setDaemon(true);
        reader.start();
        // the stream says ": connected" once the server listens for this agent; give it a moment to subscribe
        TimeUnit.MILLISECONDS.sleep(500);
        return pops;
    }

    /** The first screen pop of a call from {@code caller}. */
    JsonObject await(String caller, Duration patience) throws Exception {
        return ShippedServerAcceptanceIT.await(patience, () -> "a screen pop for " + caller + "; received " + received,
                () -> received.stream().filter(pop -> caller.equals(pop.getString("caller"))).findFirst().orElse(null));
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
