package org.hotline.core.open311;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.hotline.core.app.TicketOperations;
import org.hotline.core.app.TicketViews;
import org.hotline.core.catalog.DepartmentDirectory;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Ticket;
import org.hotline.core.model.TicketStatus;

/** GET requests (list with filters and paging) and GET requests/{id}: publishable tickets only, masked. */
final class Open311Reads {

    static final int MAX_RESULTS = 1000;
    private static final int PAGE = 200;
    static final Duration MAX_SPAN = Duration.ofDays(90);

    private final TicketOperations tickets;
    private final TicketViews views;
    private final Supplier<DepartmentDirectory> departments;
    private final Clock clock;

    Open311Reads(TicketOperations tickets, TicketViews views, Supplier<DepartmentDirectory> departments, Clock clock) {
        this.tickets = tickets;
        this.views = views;
        this.departments = departments;
        this.clock = clock;
    }

    void one(RoutingContext ctx) {
        boolean extensions = "true".equals(ctx.queryParams().get("extensions"));
        published(ctx.pathParam("id"))
            .compose(found -> found.map(Future::succeededFuture)
                .orElseGet(() -> Future.failedFuture(HotlineException.notFound("open311.unknown-request", "service_request_id not found"))))
            .onSuccess(ticket -> Open311Answers.list(ctx, 200, "service_requests", new JsonArray().add(render(ticket, extensions))))
            .onFailure(ctx::fail);
    }

    void list(RoutingContext ctx) {
        var params = ctx.queryParams();
        boolean extensions = "true".equals(params.get("extensions"));
        int page = intParam(params.get("page"), 1, 1, 100_000, "page");
        int pageSize = intParam(params.get("page_size"), MAX_RESULTS, 1, MAX_RESULTS, "page_size");
        Future<List<Ticket>> found = params.get("service_request_id") != null
            ? byIds(params.get("service_request_id"))
            : byFilters(params.get("service_code"), params.get("start_date"), params.get("end_date"), params.get("status"));
        found.onSuccess(list -> {
            JsonArray items = new JsonArray();
            list.stream().skip((long) (page - 1) * pageSize).limit(pageSize).forEach(ticket -> items.add(render(ticket, extensions)));
            Open311Answers.list(ctx, 200, "service_requests", items);
        }).onFailure(ctx::fail);
    }

    private Future<List<Ticket>> byIds(String ids) {
        List<String> wanted = Arrays.stream(ids.split(",")).map(String::strip).filter(id -> !id.isEmpty()).distinct().toList();
        if (wanted.size() > MAX_RESULTS) {
            return Future.failedFuture(HotlineException.invalid("open311.too-many-ids", "at most 1000 service_request_id values"));
        }
        List<Future<Optional<Ticket>>> each = wanted.stream().map(this::published).toList();
        return Future.all(each).map(all -> each.stream().map(Future::result).flatMap(Optional::stream).toList());
    }

    private Future<List<Ticket>> byFilters(String serviceCodes, String startDate, String endDate, String statusParam) {
        Instant end = endDate == null ? clock.instant() : instant(endDate, "end_date");
        Instant start = startDate == null ? end.minus(MAX_SPAN) : instant(startDate, "start_date");
        if (start.isAfter(end) || Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            return Future.failedFuture(HotlineException.invalid("open311.bad-date-range", "start_date must be before end_date, at most 90 days apart"));
        }
        Set<String> codes = serviceCodes == null ? Set.of() : Arrays.stream(serviceCodes.split(",")).map(String::strip).collect(Collectors.toSet());
        Set<String> states = statusParam == null ? Set.of("open", "closed") : Arrays.stream(statusParam.split(",")).map(String::strip).collect(Collectors.toSet());
        if (!Set.of("open", "closed").containsAll(states)) {
            return Future.failedFuture(HotlineException.invalid("open311.bad-status", "status must be open or closed"));
        }
        List<Future<List<Ticket>>> perStatus = Arrays.stream(TicketStatus.values())
            .filter(s -> states.contains(s.isOpen() ? "open" : "closed"))
            .map(s -> allInStatus(s, 0, new ArrayList<>())).toList();
        return Future.all(perStatus).map(all -> {
            List<Ticket> result = new ArrayList<>();
            perStatus.forEach(f -> result.addAll(f.result()));
            return result.stream()
                .filter(Open311Mapping::publishable)
                .filter(t -> codes.isEmpty() || (t.category() != null && codes.contains(t.category().code())))
                .filter(t -> !t.receivedAt().isBefore(start) && !t.receivedAt().isAfter(end))
                .sorted(Comparator.comparing(Ticket::receivedAt).reversed())
                .limit(MAX_RESULTS)
                .toList();
        });
    }

    /** Reads a status index page by page (the service caps pages) up to the Open311 maximum. */
    private Future<List<Ticket>> allInStatus(TicketStatus status, int offset, List<Ticket> into) {
        return tickets.inStatus(status, offset, PAGE).compose(page -> {
            into.addAll(page);
            return page.size() < PAGE || into.size() >= MAX_RESULTS
                ? Future.succeededFuture(into)
                : allInStatus(status, offset + PAGE, into);
        });
    }

    private Future<Optional<Ticket>> published(String number) {
        return tickets.findByNumber(number).map(found -> found.filter(Open311Mapping::publishable));
    }

    private io.vertx.core.json.JsonObject render(Ticket ticket, boolean extensions) {
        return Open311Mapping.request(ticket, views.snapshot(ticket), departments.get(), extensions);
    }

    private static Instant instant(String text, String name) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw HotlineException.invalid("open311.bad-date", name + " must be an ISO 8601 date-time with offset, e.g. 2026-11-22T08:00:00+08:00");
        }
    }

    private static int intParam(String value, int fallback, int min, int max, String name) {
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // fall through to the refusal below
        }
        throw HotlineException.invalid("open311.bad-parameter", name + " must be an integer between " + min + " and " + max);
    }
}
