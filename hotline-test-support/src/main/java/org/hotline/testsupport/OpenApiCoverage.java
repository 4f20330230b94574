package org.hotline.testsupport;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * How a router's routes and an OpenAPI document's operations differ, both ways: operations a
 * router serves that the document does not describe, and operations the document describes that
 * no route serves. Modules' drift tests compare their mounted routes with their own fragment so
 * neither can change without the other. Only routes with a path and methods count: catch-all
 * handlers ({@code route("/api/v1/*")}) and prefix routes ({@code /dashboard/*}) serve no
 * operation of their own. {@code /a/:id} and {@code /a/{code}} are the same operation.
 *
 * @param undocumented "POST /api/v1/x" as mounted (Vert.x path syntax) with no documented operation
 * @param unmounted    "POST /api/v1/x" as documented with no mounted route
 */
public record OpenApiCoverage(Set<String> undocumented, Set<String> unmounted) {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    public OpenApiCoverage {
        undocumented = Set.copyOf(undocumented);
        unmounted = Set.copyOf(unmounted);
    }

    /**
     * Compares the router's routes and the document's operations whose paths the filter selects
     * (e.g. {@code path -> path.startsWith("/api/")}).
     */
    public static OpenApiCoverage of(Router router, JsonObject document, Predicate<String> paths) {
        Map<String, String> mounted = new TreeMap<>();
        for (Route route : router.getRoutes()) {
            String path = route.getPath();
            Set<HttpMethod> methods = route.methods();
            if (path == null || methods == null || methods.isEmpty() || path.endsWith("/") && path.length() > 1
                    || !paths.test(path)) {
                continue;
            }
            methods.forEach(method -> mounted.put(key(method.name(), path), method.name() + " " + path));
        }
        Map<String, String> documented = new TreeMap<>();
        JsonObject items = document.getJsonObject("paths", new JsonObject());
        for (String path : items.fieldNames()) {
            if (!paths.test(path)) {
                continue;
            }
            for (String method : items.getJsonObject(path).fieldNames()) {
                if (METHODS.contains(method)) {
                    documented.put(key(method, path), method.toUpperCase() + " " + path);
                }
            }
        }
        return new OpenApiCoverage(missing(mounted, documented), missing(documented, mounted));
    }

    /** True when every selected route is documented and every selected operation is mounted. */
    public boolean complete() {
        return undocumented.isEmpty() && unmounted.isEmpty();
    }

    private static Set<String> missing(Map<String, String> from, Map<String, String> in) {
        Set<String> missing = new TreeSet<>();
        from.forEach((key, shown) -> {
            if (!in.containsKey(key)) {
                missing.add(shown);
            }
        });
        return missing;
    }

    /** One spelling for both syntaxes: {@code :id} (Vert.x) and {@code {id}} (OpenAPI) become {@code {}}. */
    private static String key(String method, String path) {
        return method.toUpperCase() + " " + path.replaceAll(":[A-Za-z0-9_]+", "{}").replaceAll("\\{[^}/]*}", "{}");
    }
}
