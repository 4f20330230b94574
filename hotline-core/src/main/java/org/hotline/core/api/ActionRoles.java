package org.hotline.core.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.hotline.core.model.Role;
import org.hotline.core.model.TicketRules;

/**
 * Writes who may give each ticket action into the OpenAPI document from the role table the rules
 * enforce ({@link TicketRules#rolesFor}): {@code x-roles} and the roles after each action's summary,
 * and the {@code allowedActions} field of {@code TicketView}. The static document names no roles, so
 * the served one cannot disagree with what the server does.
 */
final class ActionRoles {

    /** The roles that sign in; the system and citizens act through their own routes. */
    private static final Set<Role> SIGNED_IN = Set.of(Role.AGENT, Role.DISPATCHER, Role.DEPARTMENT, Role.SUPERVISOR, Role.ADMIN);

    private ActionRoles() {
    }

    static JsonObject write(JsonObject document, TicketActions actions) {
        JsonObject paths = document.getJsonObject("paths");
        for (String name : actions.names()) {
            JsonObject operation = paths.getJsonObject("/api/v1/tickets/{id}/" + name).getJsonObject("post");
            List<String> roles = roles(actions, name);
            operation.put("x-roles", new JsonArray(List.copyOf(roles)));
            operation.put("summary", operation.getString("summary") + " (roles: " + String.join(", ", roles) + ")");
        }
        JsonObject view = document.getJsonObject("components").getJsonObject("schemas").getJsonObject("TicketView");
        view.getJsonObject("properties").put("allowedActions", new JsonObject()
            .put("type", "array")
            .put("description", "The actions this user may give this ticket now (POST /api/v1/tickets/{id}/{action}), from the "
                + "role table (each action's x-roles), the ticket's status and its own state. An action not listed is refused; "
                + "one listed may still be refused for what its body says (e.g. an unknown unit), with the reason.")
            .put("items", new JsonObject().put("type", "string").put("enum", new JsonArray(List.copyOf(actions.names())))));
        return document;
    }

    static List<String> roles(TicketActions actions, String name) {
        Set<Role> allowed = TicketRules.rolesFor(actions.find(name).orElseThrow().kind());
        return java.util.Arrays.stream(Role.values()).filter(r -> SIGNED_IN.contains(r) && allowed.contains(r)).map(Role::name).toList();
    }
}
