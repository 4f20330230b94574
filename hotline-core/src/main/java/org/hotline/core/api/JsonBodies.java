package org.hotline.core.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The name the modules' routes import: every call goes to {@link org.hotline.core.http.JsonBodies},
 * which lives below both the API and the auth package so that auth's routes read bodies the same way
 * without the two packages importing each other.
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    public static ObjectMapper strict() {
        return org.hotline.core.http.JsonBodies.strict();
    }

    public static <T> T read(RoutingContext ctx, Class<T> type) {
        return org.hotline.core.http.JsonBodies.read(ctx, type);
    }

    public static JsonObject object(RoutingContext ctx) {
        return org.hotline.core.http.JsonBodies.object(ctx);
    }

    public static JsonObject optionalObject(RoutingContext ctx) {
        return org.hotline.core.http.JsonBodies.optionalObject(ctx);
    }

    public static String strictUtf8(byte[] bytes) {
        return org.hotline.core.http.JsonBodies.strictUtf8(bytes);
    }

    public static <T> T read(byte[] bytes, Class<T> type) {
        return org.hotline.core.http.JsonBodies.read(bytes, type);
    }
}
