package org.hotline.core.app;

import io.vertx.core.Future;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.model.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Administrators change how time counts: a State Council holiday year (holiday-cn JSON) added to the
 * working-day calendar, or the whole time-limit table replaced. Each is checked, saved for every node
 * and applied here at once ({@link PolicySettings}), then audited.
 */
public final class EditTimePolicy {

    private static final Logger LOG = LoggerFactory.getLogger(EditTimePolicy.class);

    private final PolicySettings policy;
    private final AuditLog audit;

    public EditTimePolicy(PolicySettings policy, AuditLog audit) {
        this.policy = policy;
        this.audit = audit;
    }

    /** Applied here at once and by the other nodes on their next poll. */
    public Future<Void> addHolidayYear(Actor admin, int year, String json) {
        return policy.addHolidayYear(year, json)
            .compose(done -> audit.record(AuditLog.Entry.change(admin, "calendar.add-year", "calendar", String.valueOf(year))))
            .map(id -> {
                LOG.info("holiday year added to the calendar [year={}, by={}]", year, admin.userId());
                return null;
            });
    }

    /** The whole table at once (the seed's time-limits.json shape), first matching rule wins; the last must match all. */
    public Future<Void> replaceTimeLimits(Actor admin, String json) {
        return policy.replaceTimeLimits(json)
            .compose(done -> audit.record(AuditLog.Entry.change(admin, "policy.time-limits", "time-limits", "")))
            .map(id -> {
                LOG.info("time-limit table replaced [by={}]", admin.userId());
                return null;
            });
    }
}
