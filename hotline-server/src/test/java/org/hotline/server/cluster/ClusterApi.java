package org.hotline.server.cluster;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** The HTTP calls the cluster test makes to the server nodes and to Elasticsearch. */
final class ClusterApi {

    static final String ADMIN_PASSWORD = "cluster-admin-pass";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String elasticsearch;

    ClusterApi(String elasticsearchUrl) {
        this.elasticsearch = elasticsearchUrl;
    }

    private static HttpResponse<String> call(String method, String url, String token, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(4))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String adminToken(ServerNode node) throws Exception {
        return new JsonObject(call("POST", node.url("/api/v1/auth/token"), null, "application/json",
                new JsonObject().put("username", "admin").put("password", ADMIN_PASSWORD).encode()).body()).getString("token");
    }

    void importHistory(ServerNode node, String ndjson) throws Exception {
        HttpResponse<String> imported = call("POST", node.url("/api/v1/admin/history/import"), adminToken(node),
                "application/x-ndjson", ndjson);
        if (imported.statusCode() != 200 || !new JsonObject(imported.body()).getBoolean("trained", false)) {
            throw new IllegalStateException("history import failed: " + imported.statusCode() + " " + imported.body());
        }
    }

    /** Event names of node's dashboard stream, as they arrive. */
    LinkedBlockingQueue<String> dashboardEvents(ServerNode node) throws Exception {
        LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.url("/api/v1/dashboard/stream")))
                .header("Authorization", "Bearer " + adminToken(node)).build();
        HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> response.body()
                .filter(line -> line.startsWith("event: ")).forEach(line -> events.add(line.substring(7))));
        return events;
    }

    /** Indices left by earlier runs on the shared server would count as duplicates. */
    void wipeSearchIndices() throws Exception {
        String listed = call("GET", elasticsearch + "/_cat/indices/hotline-*?h=index", null, "application/json", null).body();
        for (String index : listed.split("\\s+")) {
            if (!index.isBlank()) {
                call("DELETE", elasticsearch + "/" + index, null, "application/json", null);
            }
        }
    }

    /** How many of the numbers Elasticsearch holds in status ASSIGNED. */
    long indexedAssigned(Collection<String> numbers) {
        try {
            call("POST", elasticsearch + "/hotline-tickets/_refresh", null, "application/json", "");
            JsonObject query = new JsonObject().put("query", new JsonObject().put("bool", new JsonObject()
                    .put("filter", new JsonArray().add(terms(numbers)).add(new JsonObject().put("term", new JsonObject().put("status", "ASSIGNED"))))));
            HttpResponse<String> counted = call("POST", elasticsearch + "/hotline-tickets/_count", null, "application/json", query.encode());
            return counted.statusCode() == 200 ? new JsonObject(counted.body()).getLong("count") : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    /** Documents per ticket number, over every index behind the alias. */
    Map<String, Long> countsByNumber(Collection<String> numbers) throws Exception {
        JsonObject query = new JsonObject().put("size", 0).put("query", terms(numbers)).put("aggs", new JsonObject()
                .put("numbers", new JsonObject().put("terms", new JsonObject().put("field", "number").put("size", numbers.size() + 100))));
        JsonObject result = new JsonObject(call("POST", elasticsearch + "/hotline-tickets/_search", null, "application/json",
                query.encode()).body());
        Map<String, Long> counts = new HashMap<>();
        result.getJsonObject("aggregations").getJsonObject("numbers").getJsonArray("buckets").stream().map(JsonObject.class::cast)
                .forEach(bucket -> counts.put(bucket.getString("key"), bucket.getLong("doc_count")));
        return counts;
    }

    private static JsonObject terms(Collection<String> numbers) {
        return new JsonObject().put("terms", new JsonObject().put("number", new JsonArray(numbers.stream().toList())));
    }

    /** Polls a condition that depends on background work of other processes. */
    void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + timeout);
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
    }
}
