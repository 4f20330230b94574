package org.hotline.server.console;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * Puts tickets where a browser test starts, through the public API as a dispatcher would. Automatic
 * dispatch works on every new ticket at the same time, so each step first waits for it to decide.
 */
final class TicketSetup {

    static final String LAMP_CATEGORY = "010103";

    private final StaffApi dispatcher;

    TicketSetup(StaffApi dispatcher) {
        this.dispatcher = dispatcher;
    }

    JsonObject file(String phone, String title, String content) throws IOException, InterruptedException {
        return dispatcher.post("/api/v1/tickets", new JsonObject().put("title", title).put("content", content)
                .put("appealType", "HELP").put("phone", phone).put("name", "测试来电人"));
    }

    /** Files a ticket and makes sure {@code department} is its lead, whatever automatic dispatch did. */
    String assignedTo(String department, String phone, String title, String content) throws IOException, InterruptedException {
        return led(file(phone, title, content).getString("id"), department);
    }

    /** Makes sure {@code department} leads the ticket (filed anywhere), whatever automatic dispatch did. */
    String led(String id, String department) throws IOException, InterruptedException {
        JsonObject ticket = settled(id);
        String status = ticket.getString("status");
        if (status.equals("RECEIVED") || status.equals("CLASSIFIED")) {
            dispatcher.post(path(id, "classify"), new JsonObject().put("categoryCode", LAMP_CATEGORY));
            dispatcher.post(path(id, "assign"), new JsonObject().put("lead", department));
        } else if (!department.equals(ticket.getString("leadDepartment"))) {
            dispatcher.post(path(id, "reassign"), new JsonObject().put("lead", department).put("reason", "测试改派"));
        }
        return id;
    }

    /** The ticket once automatic dispatch has either assigned it or left it in the dispatcher queue. */
    JsonObject settled(String id) {
        return new FluentWait<>(dispatcher).withTimeout(Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(200))
                .until(api -> {
                    JsonObject ticket = get(api, "/api/v1/tickets/" + id);
                    boolean decided = !ticket.getString("status").equals("RECEIVED") && !ticket.getString("status").equals("CLASSIFIED");
                    return decided || queued(api, id) ? ticket : null;
                });
    }

    static boolean queued(StaffApi api, String id) {
        return get(api, "/api/v1/dispatch/queue").getJsonArray("items").stream()
                .map(JsonObject.class::cast).anyMatch(item -> id.equals(item.getString("ticketId")));
    }

    private static JsonObject get(StaffApi api, String path) {
        try {
            return api.get(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String path(String id, String action) {
        return "/api/v1/tickets/" + id + "/" + action;
    }
}
