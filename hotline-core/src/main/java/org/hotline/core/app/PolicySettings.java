package org.hotline.core.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hotline.core.catalog.CategoryCatalog;
import org.hotline.core.catalog.Seed;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Department;
import org.hotline.core.redis.RedisPolicyStore;
import org.hotline.core.wire.SeedLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The administrators' units, categories, time-limit table and holiday years, shared by every node through Redis: a
 * change is checked by building the seed with it, saved, and applied here at once; other nodes
 * notice the change counter on their next poll and apply the same. Each application starts from the
 * node's own seed files, so applying twice gives the same result. Tickets keep the limits their
 * clocks started with; calendar changes move the deadlines computed from now on (alarms already
 * armed in Redis move at the ticket's next commit).
 */
public final class PolicySettings {

    private static final Logger LOG = LoggerFactory.getLogger(PolicySettings.class);
    static final Duration POLL = Duration.ofSeconds(5);

    private final Vertx vertx;
    private final TicketService service;
    private final RedisPolicyStore store;
    private final Seed base;
    private volatile long applied = -1;
    private long timer = -1;

    public PolicySettings(Vertx vertx, TicketService service, RedisPolicyStore store) {
        this.vertx = vertx;
        this.service = service;
        this.store = store;
        this.base = service.seed();
    }

    /** Loads what administrators changed before this node started, then polls for later changes. */
    public Future<Void> start() {
        return refresh().onSuccess(done -> timer = vertx.setPeriodic(POLL.toMillis(), tick -> refresh()
            .onFailure(failure -> LOG.warn("policy settings not refreshed [reason={}]", failure.getMessage())))).mapEmpty();
    }

    public void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Checks, saves and applies a new time-limit table; INVALID_REQUEST with the reason when it is not usable. */
    public Future<Void> replaceTimeLimits(String json) {
        return check(() -> SeedLoader.withTimeLimits(service.seed(), json), "policy.invalid", "时限规则无效")
            .compose(valid -> store.saveTimeLimits(json)).compose(version -> refresh());
    }

    /** Checks, saves and applies a holiday year (holiday-cn shape). */
    public Future<Void> addHolidayYear(int year, String json) {
        return check(() -> SeedLoader.withPublishedHolidayYear(service.seed(), json), "calendar.invalid-file",
            "节假日文件格式错误，应为 holiday-cn 格式（year, days[name, date, isOffDay]）")
            .compose(valid -> store.saveHolidayYear(year, json)).compose(version -> refresh());
    }

    /** Saves and applies a unit whose rules the caller checked ({@code DepartmentEdits}); the seed is rebuilt with it first. */
    public Future<Void> saveDepartment(Department unit, long seenVersion) {
        String json = SeedLoader.departmentJson(unit);
        return check(() -> SeedLoader.withDepartments(service.seed(), List.of(json)), "department.invalid", "单位无效")
            .compose(valid -> store.saveDepartment(unit.id(), json, seenVersion)).compose(this::appliedOrConflict);
    }

    /** Saves and applies a category whose rules the caller checked ({@code CategoryEdits}). */
    public Future<Void> saveCategory(CategoryCatalog.Entry entry, long seenVersion) {
        String json = SeedLoader.categoryJson(entry);
        return check(() -> SeedLoader.withCategories(service.seed(), List.of(json)), "category.invalid", "分类无效")
            .compose(valid -> store.saveCategory(entry.category().code(), json, seenVersion)).compose(this::appliedOrConflict);
    }

    /**
     * The directory as every node has it now: read before an edit is checked, so the checks see the
     * other nodes' changes; the save then refuses if one came in between.
     */
    public Future<Long> current() {
        return refresh().map(done -> applied);
    }

    private Future<Void> appliedOrConflict(java.util.Optional<Long> saved) {
        return refresh().compose(done -> saved.isPresent() ? Future.succeededFuture()
            : Future.failedFuture(HotlineException.conflict("config.concurrent-change",
                "单位或分类刚被其他管理员修改，请刷新后重试")));
    }

    private Future<Void> refresh() {
        return store.version().compose(version -> version == applied ? Future.succeededFuture() : store.load().map(stored -> {
            service.replaceSeed(applyTo(base, stored));
            applied = stored.version();
            LOG.info("policy settings applied [version={}, holidayYears={}, timeLimits={}, units={}, categories={}]", stored.version(),
                stored.holidayYears().keySet(), stored.timeLimitsJson() == null ? "seed" : "administrator",
                stored.departments().size(), stored.categories().size());
            return null;
        }));
    }

    /** Units before the categories that name them; holiday years before the table, so its deadlines count on the full calendar. */
    static Seed applyTo(Seed base, RedisPolicyStore.Stored stored) {
        Seed seed = SeedLoader.withCategories(SeedLoader.withDepartments(base, stored.departments().values()),
            stored.categories().values());
        for (Map.Entry<Integer, String> year : stored.holidayYears().entrySet()) {
            seed = SeedLoader.withHolidayYear(seed, year.getValue());
        }
        return stored.timeLimitsJson() == null ? seed : SeedLoader.withTimeLimits(seed, stored.timeLimitsJson());
    }

    private static Future<Seed> check(java.util.function.Supplier<Seed> build, String code, String message) {
        try {
            return Future.succeededFuture(build.get());
        } catch (RuntimeException invalid) {
            return Future.failedFuture(HotlineException.invalid(code, message + reasonOf(invalid)));
        }
    }

    /** The rule broken, in Chinese, for what the document's schema cannot see; parser internals never leave. */
    private static String reasonOf(RuntimeException invalid) {
        String text = invalid.getMessage() == null ? "" : invalid.getMessage();
        if (text.contains("last time-limit rule")) {
            return "：最后一条规则必须适用于所有工单（不设任何条件）";
        } else if (text.contains("maxExtension")) {
            return "：允许延期时须给出单次最长延期时限 maxExtension";
        } else if (text.contains("time limit must look like")) {
            return "：时限格式应为 30m、2h 或 5wd";
        } else if (text.contains("empty holiday year")) {
            return "：文件没有任何日期，国务院每年公布的放假安排至少含元旦和春节";
        } else if (text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return "：" + text; // the calendar's own rule (a day outside the year, a date twice)
        }
        return "";
    }
}
