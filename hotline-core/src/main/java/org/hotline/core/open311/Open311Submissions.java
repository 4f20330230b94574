package org.hotline.core.open311;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.hotline.core.app.PartnerAppeals;
import org.hotline.core.catalog.CategoryCatalog;
import org.hotline.core.error.ErrorKind;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.AppealType;
import org.hotline.core.model.Caller;
import org.hotline.core.model.Category;
import org.hotline.core.model.Channel;
import org.hotline.core.model.Location;
import org.hotline.core.model.NewAppeal;
import org.hotline.core.model.Ticket;
import org.hotline.core.model.Urgency;

/**
 * POST requests: a form-encoded GeoReport submission with a partner's api_key becomes a web appeal,
 * classified at once under the requested service (service_code ↔ category).
 */
final class Open311Submissions {

    static final int MAX_DESCRIPTION = 4000;
    private static final Duration REPLAY_WINDOW = Duration.ofMinutes(10);

    private final PartnerAppeals appeals;
    private final Open311Keys keys;
    private final Supplier<CategoryCatalog> catalog;
    private final Clock clock;

    Open311Submissions(PartnerAppeals appeals, Open311Keys keys, Supplier<CategoryCatalog> catalog, Clock clock) {
        this.appeals = appeals;
        this.keys = keys;
        this.catalog = catalog;
        this.clock = clock;
    }

    void submit(RoutingContext ctx) {
        MultiMap form = ctx.request().formAttributes();
        keys.find(form.get("api_key"))
            .compose(partner -> partner.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(
                new HotlineException(ErrorKind.FORBIDDEN, "open311.invalid-api-key", "api_key was not provided or is invalid"))))
            .compose(partner -> create(form, partner))
            // GeoReport v2: exactly one of service_request_id and token. The ticket exists at once, so its id
            .map(ticket -> new JsonObject()
                .put("service_request_id", ticket.number().value())
                .put("service_notice", "已受理，请凭工单编号 " + ticket.number().value() + " 查询办理进度")
                .put("account_id", null))
            .onSuccess(answer -> Open311Answers.list(ctx, 201, "service_requests", new JsonArray().add(answer)))
            .onFailure(ctx::fail);
    }

    private Future<Ticket> create(MultiMap form, Open311Keys.Partner partner) {
        Category category = category(form.get("service_code"));
        return appeals.submit(partner.name(), appeal(form, category), category, replayKey(partner, form));
    }

    private Category category(String code) {
        if (code == null || code.isBlank()) {
            throw HotlineException.invalid("open311.missing-service-code", "service_code is required");
        }
        return catalog.get().find(code.strip()).filter(found -> catalog.get().chooseable(found.code()))
            .orElseThrow(() -> HotlineException.invalid("open311.unknown-service", "service_code not found: " + code.strip()));
    }

    private static NewAppeal appeal(MultiMap form, Category category) {
        String description = form.get("description");
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw HotlineException.invalid("open311.description-too-long", "description must be at most 4000 characters");
        }
        Double lat = coordinate(form.get("lat"), 90, "lat");
        Double lon = coordinate(form.get("long"), 180, "long");
        String address = form.get("address_string");
        if ((lat == null || lon == null) && blank(address) && blank(form.get("address_id"))) {
            throw HotlineException.invalid("open311.missing-location", "a location is required: lat and long, address_string or address_id");
        }
        String name = String.join(" ", List.of(nonNull(form.get("last_name")), nonNull(form.get("first_name")))).strip();
        String phone = blank(form.get("phone")) ? null : form.get("phone");
        try {
            Caller caller = new Caller(name.isEmpty() ? null : name, phone, false, name.isEmpty());
            Location location = new Location(null, null, null, blank(address) ? null : address, lat, lon);
            String content = blank(description) ? category.name() : description;
            return new NewAppeal(Channel.WEB, AppealType.HELP, Urgency.NORMAL, category.name(), content, caller, location, List.of("open311"));
        } catch (IllegalArgumentException e) {
            throw HotlineException.invalid("open311.invalid-field", e.getMessage());
        }
    }

    private String replayKey(Open311Keys.Partner partner, MultiMap form) {
        long bucket = clock.millis() / REPLAY_WINDOW.toMillis();
        return "open311:" + Open311Keys.sha256(partner.name() + "\n" + form.get("service_code") + "\n" + form.get("description")
            + "\n" + form.get("phone") + "\n" + form.get("lat") + "," + form.get("long") + "\n" + form.get("address_string") + "\n" + bucket);
    }

    private static Double coordinate(String value, double bound, String name) {
        if (blank(value)) {
            return null;
        }
        try {
            double parsed = Double.parseDouble(value.strip());
            if (Double.isFinite(parsed) && Math.abs(parsed) <= bound) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw HotlineException.invalid("open311.bad-coordinate", name + " must be a decimal number within ±" + (int) bound);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String nonNull(String value) {
        return value == null ? "" : value.strip();
    }
}
