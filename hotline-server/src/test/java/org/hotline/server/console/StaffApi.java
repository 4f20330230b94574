package org.hotline.server.console;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The public HTTP API as a second staff member uses it next to the browser (e.g. a dispatcher assigning). */
final class StaffApi {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private String token;

    StaffApi(int port, String username, String password) throws IOException, InterruptedException {
        this.base = "http://127.0.0.1:" + port;
        this.token = send("POST", "/api/v1/auth/token",
                new JsonObject().put("username", username).put("password", password)).getString("token");
    }

    JsonObject get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    JsonObject post(String path, JsonObject body) throws IOException, InterruptedException {
        return send("POST", path, body);
    }

    JsonObject put(String path, JsonObject body) throws IOException, InterruptedException {
        return send("PUT", path, body);
    }

    /** How many entries of the missed-call callback list are for {@code caller}. */
    long callbacksOf(String caller) {
        try {
            return get("/api/telephony/callbacks").getJsonArray("callbacks").stream()
                    .map(JsonObject.class::cast).filter(c -> caller.equals(c.getString("caller"))).count();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonObject send(String method, String path, JsonObject body) throws IOException, InterruptedException {
        HttpResponse<String> response = exchange(method, path, body);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return new JsonObject(response.body());
    }

    private HttpResponse<String> exchange(String method, String path, JsonObject body) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode()))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
