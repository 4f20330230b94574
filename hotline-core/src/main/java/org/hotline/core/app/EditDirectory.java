package org.hotline.core.app;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.catalog.CatalogRefusal;
import org.hotline.core.catalog.CategoryCatalog;
import org.hotline.core.catalog.CategoryEdits;
import org.hotline.core.catalog.DepartmentEdits;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Category;
import org.hotline.core.model.Department;
import org.hotline.core.model.DepartmentLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Administrators edit the unit directory and the category catalog. Nothing is deleted: a unit is
 * deactivated and a category retired, because tickets name them. Each change is checked by the
 * pure rules ({@link DepartmentEdits}, {@link CategoryEdits}) against the directory as every node has
 * it now, saved for every node and applied here at once ({@link PolicySettings}) only if nobody
 * changed it meanwhile (CONFLICT {@code config.concurrent-change}), and audited. A category change is
 * also handed to whoever keeps another copy of the catalog (dispatch's keyword catalog): if that
 * fails the answer is UNAVAILABLE and saving the same entry again passes it on.
 */
public final class EditDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(EditDirectory.class);

    public record NewDepartment(String id, String name, DepartmentLevel level, String parentId, Boolean functional, String contact) { }

    public record DepartmentChange(String name, DepartmentLevel level, String parentId, Boolean functional, String contact) { }

    public record NewCategory(String code, String name, List<String> departments, List<String> keywords) { }

    public record CategoryChange(String name, List<String> departments, List<String> keywords) { }

    private final TicketService service;
    private final AuditLog audit;
    private final PolicySettings policy;
    private final Function<CategoryCatalog.Entry, Future<Void>> categoryListener;

    public EditDirectory(TicketService service, AuditLog audit, PolicySettings policy,
                         Function<CategoryCatalog.Entry, Future<Void>> categoryListener) {
        this.service = service;
        this.audit = audit;
        this.policy = policy;
        this.categoryListener = categoryListener;
    }

    /** An edit made against the directory as stored now, saved only if it is still that version. */
    private interface Edit<T> {
        Future<T> apply(long seenVersion);
    }

    private <T> Future<T> onCurrent(Edit<T> edit) {
        return policy.current().compose(edit::apply);
    }

    public Future<Department> createDepartment(Actor admin, NewDepartment body) {
        return onCurrent(seen -> {
            Department unit = Requests.build(() -> new Department(body.id(), body.name(), body.parentId(), body.level(),
                Boolean.TRUE.equals(body.functional()), body.contact(), true));
            refuseIf(DepartmentEdits.checkNew(service.seed().departments(), unit));
            return saveDepartment(admin, unit, "department.create", seen);
        });
    }

    public Future<Department> editDepartment(Actor admin, String id, DepartmentChange body) {
        return onCurrent(seen -> {
            Department current = department(id);
            // fields left out keep their value: a rename must neither move the unit to the top nor turn a
            // functional department territorial (the request check treats a JSON null as left out)
            String parent = body.parentId() == null ? current.parentId() : body.parentId();
            boolean functional = body.functional() == null ? current.functional() : body.functional();
            String contact = body.contact() == null ? current.contact() : body.contact();
            Department unit = Requests.build(() -> new Department(current.id(), body.name(), parent, body.level(),
                functional, contact, current.active()));
            refuseIf(DepartmentEdits.checkEdit(service.seed().departments(), unit));
            return saveDepartment(admin, unit, "department.edit", seen);
        });
    }

    /**
     * Open work: the unit's inbox (assigned, signed, in progress, return asked, suspended) and the tickets
     * it led that wait for review or return visit, which a send-back or re-handling would return to it.
     */
    public Future<Department> deactivateDepartment(Actor admin, String id) {
        return onCurrent(seen -> {
            Department current = department(id);
            return service.holdsOpenWork(current.id())
                .compose(open -> refusal(DepartmentEdits.checkDeactivate(service.seed().departments(), service.seed().categories(),
                    current.id(), open)))
                .compose(ok -> saveDepartment(admin, current.deactivated(), "department.deactivate", seen));
        });
    }

    public Future<Department> reactivateDepartment(Actor admin, String id) {
        return onCurrent(seen -> {
            Department current = department(id);
            refuseIf(DepartmentEdits.checkReactivate(service.seed().departments(), current.id()));
            return saveDepartment(admin, current.reactivated(), "department.reactivate", seen);
        });
    }

    public Future<CategoryCatalog.Entry> createCategory(Actor admin, NewCategory body) {
        return onCurrent(seen -> {
            Category category = Requests.build(() -> new Category(body.code(), body.name(), List.of(body.name())));
            List<String> departments = orEmpty(body.departments());
            List<String> keywords = orEmpty(body.keywords());
            refuseIf(CategoryEdits.checkNew(service.seed().categories(), service.seed().departments(), category.code(), departments,
                keywords));
            return saveCategory(admin, new CategoryCatalog.Entry(category, departments, keywords, false), "category.create", seen);
        });
    }

    public Future<CategoryCatalog.Entry> editCategory(Actor admin, String code, CategoryChange body) {
        return onCurrent(seen -> {
            CategoryCatalog.Entry current = category(code);
            Category category = Requests.build(() -> new Category(current.category().code(), body.name(), List.of(body.name())));
            List<String> departments = orEmpty(body.departments());
            List<String> keywords = orEmpty(body.keywords());
            refuseIf(CategoryEdits.checkEdit(service.seed().categories(), service.seed().departments(), category.code(), departments,
                keywords));
            return saveCategory(admin, new CategoryCatalog.Entry(category, departments, keywords, current.retired()), "category.edit",
                seen);
        });
    }

    public Future<CategoryCatalog.Entry> retireCategory(Actor admin, String code) {
        return onCurrent(seen -> {
            CategoryCatalog.Entry current = category(code);
            refuseIf(CategoryEdits.checkRetire(service.seed().categories(), current.category().code()));
            return saveCategory(admin, new CategoryCatalog.Entry(current.category(), current.departments(), current.keywords(), true),
                "category.retire", seen);
        });
    }

    /** The unit as every node has it after the save. */
    private Future<Department> saveDepartment(Actor admin, Department unit, String action, long seen) {
        return policy.saveDepartment(unit, seen)
            .compose(done -> audit.record(AuditLog.Entry.change(admin, action, "department", unit.id())))
            .map(id -> {
                LOG.info("unit directory changed [action={}, unit={}, by={}]", action, unit.id(), admin.userId());
                return service.seed().departments().find(unit.id()).orElse(unit);
            });
    }

    private Future<CategoryCatalog.Entry> saveCategory(Actor admin, CategoryCatalog.Entry entry, String action, long seen) {
        String code = entry.category().code();
        return policy.saveCategory(entry, seen)
            .compose(done -> audit.record(AuditLog.Entry.change(admin, action, "category", code)))
            .compose(id -> {
                CategoryCatalog.Entry saved = service.seed().categories().entry(code).orElse(entry);
                // saved for every node, but dispatch did not take it: say so, so the administrator saves it again
                return categoryListener.apply(saved)
                    .recover(failure -> {
                        LOG.warn("category not passed on [category={}, reason={}]", code, failure.getMessage());
                        return Future.failedFuture(HotlineException.unavailable("category.not-passed-on",
                            "分类已保存，但派单目录未能同步：请稍后用修改接口原样保存一次", failure));
                    })
                    .map(passed -> saved);
            })
            .onSuccess(saved -> LOG.info("category catalog changed [action={}, category={}, by={}]", action, code, admin.userId()));
    }

    private Department department(String id) {
        if (!Department.isValidId(id)) {
            throw HotlineException.invalid("request.invalid-path", "单位编码格式错误：应为小写字母、数字、点或连字符，最长64位");
        }
        return service.seed().departments().find(id)
            .orElseThrow(() -> HotlineException.notFound("department.not-found", "单位不存在：" + id));
    }

    private CategoryCatalog.Entry category(String code) {
        if (code == null || !code.matches("\\d{6}")) {
            throw HotlineException.invalid("request.invalid-path", "分类编码格式错误：应为6位数字");
        }
        return service.seed().categories().entry(code)
            .orElseThrow(() -> HotlineException.notFound("category.not-found", "分类不存在：" + code));
    }

    private static void refuseIf(Optional<CatalogRefusal> refusal) {
        refusal.ifPresent(r -> {
            throw exception(r);
        });
    }

    private static Future<Void> refusal(Optional<CatalogRefusal> refusal) {
        return refusal.map(r -> Future.<Void>failedFuture(exception(r))).orElseGet(Future::succeededFuture);
    }

    /** Taken codes are conflicts, missing ones not found, broken rules 422. */
    private static HotlineException exception(CatalogRefusal refusal) {
        String code = refusal.code();
        if (code.endsWith(".duplicate")) {
            return HotlineException.conflict(code, refusal.message());
        } else if (code.endsWith(".not-found")) {
            return HotlineException.notFound(code, refusal.message());
        }
        return HotlineException.rejected(code, refusal.message());
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
