package org.hotline.core.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hotline.core.app.TicketService;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.catalog.CatalogRefusal;
import org.hotline.core.catalog.CategoryCatalog;
import org.hotline.core.catalog.CategoryEdits;
import org.hotline.core.catalog.DepartmentEdits;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Category;
import org.hotline.core.model.Department;
import org.hotline.core.model.DepartmentLevel;
import org.hotline.core.model.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Administrators edit the unit directory and the category catalog. Nothing is deleted: a unit is
 * deactivated and a category retired, because tickets name them. Each change is checked by the
 * pure rules ({@link DepartmentEdits}, {@link CategoryEdits}), saved for every node and applied
 * here at once ({@link PolicySettings}); a category change is also handed to whoever keeps another
 * copy of the catalog (dispatch's keyword catalog): if that fails the answer is 503 and saving the
 * same entry again passes it on. Every edit is checked against the directory as stored now and saved
 * only if nobody changed it meanwhile (409 {@code config.concurrent-change}).
 */
final class DirectoryRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryRoutes.class);

    record NewDepartment(String id, String name, DepartmentLevel level, String parentId, Boolean functional, String contact) { }

    record DepartmentChange(String name, DepartmentLevel level, String parentId, Boolean functional, String contact) { }

    record NewCategory(String code, String name, List<String> departments, List<String> keywords) { }

    record CategoryChange(String name, List<String> departments, List<String> keywords) { }

    private final TicketService service;
    private final AuditLog audit;
    private final PolicySettings policy;
    private volatile Function<CategoryCatalog.Entry, Future<Void>> categoryListener = entry -> Future.succeededFuture();

    DirectoryRoutes(TicketService service, AuditLog audit, PolicySettings policy) {
        this.service = service;
        this.audit = audit;
        this.policy = policy;
    }

    void onCategoryChange(Function<CategoryCatalog.Entry, Future<Void>> listener) {
        this.categoryListener = listener;
    }

    void mount(Router router) {
        router.post("/api/v1/admin/departments").handler(Authenticated.require(Role.ADMIN)).handler(onCurrent(this::createDepartment));
        router.put("/api/v1/admin/departments/:id").handler(Authenticated.require(Role.ADMIN)).handler(onCurrent(this::editDepartment));
        router.post("/api/v1/admin/departments/:id/deactivate").handler(Authenticated.require(Role.ADMIN)).handler(onCurrent(this::deactivate));
        router.post("/api/v1/admin/departments/:id/reactivate").handler(Authenticated.require(Role.ADMIN)).handler(onCurrent(this::reactivate));
        router.post("/api/v1/admin/categories").handler(Authenticated.require(Role.ADMIN)).handler(onCurrent(this::createCategory));
        router.put("/api/v1/admin/categories/:code").handler(Authenticated.require(Role.ADMIN)).handler(onCurrent(this::editCategory));
        router.post("/api/v1/admin/categories/:code/retire").handler(Authenticated.require(Role.ADMIN)).handler(onCurrent(this::retire));
    }

    /** An edit made against the directory as stored now, saved only if it is still that version (409 otherwise). */
    private interface Edit {
        void handle(RoutingContext ctx, long seenVersion);
    }

    private io.vertx.core.Handler<RoutingContext> onCurrent(Edit edit) {
        return ctx -> policy.current().onSuccess(version -> {
            try {
                edit.handle(ctx, version);
            } catch (RuntimeException refused) {
                ctx.fail(refused);
            }
        }).onFailure(ctx::fail);
    }

    private void createDepartment(RoutingContext ctx, long seen) {
        NewDepartment body = JsonBodies.read(ctx, NewDepartment.class);
        Department unit = Requests.build(() -> new Department(body.id(), body.name(), body.parentId(), body.level(),
            Boolean.TRUE.equals(body.functional()), body.contact(), true));
        refuseIf(DepartmentEdits.checkNew(service.seed().departments(), unit));
        saveDepartment(ctx, unit, "department.create", 201, seen);
    }

    private void editDepartment(RoutingContext ctx, long seen) {
        Department current = department(ctx.pathParam("id"));
        DepartmentChange body = JsonBodies.read(ctx, DepartmentChange.class);
        // fields left out keep their value: a rename must neither move the unit to the top nor turn a
        // functional department territorial (the request check treats a JSON null as left out)
        String parent = body.parentId() == null ? current.parentId() : body.parentId();
        boolean functional = body.functional() == null ? current.functional() : body.functional();
        String contact = body.contact() == null ? current.contact() : body.contact();
        Department unit = Requests.build(() -> new Department(current.id(), body.name(), parent, body.level(),
            functional, contact, current.active()));
        refuseIf(DepartmentEdits.checkEdit(service.seed().departments(), unit));
        saveDepartment(ctx, unit, "department.edit", 200, seen);
    }

    /**
     * Open work: the unit's inbox (assigned, signed, in progress, return asked, suspended) and the tickets
     * it led that wait for review or return visit, which a send-back or re-handling would return to it.
     */
    private void deactivate(RoutingContext ctx, long seen) {
        Department current = department(ctx.pathParam("id"));
        service.holdsOpenWork(current.id())
            .compose(open -> refusal(DepartmentEdits.checkDeactivate(service.seed().departments(), service.seed().categories(),
                current.id(), open)))
            .onSuccess(ok -> saveDepartment(ctx, current.deactivated(), "department.deactivate", 200, seen))
            .onFailure(ctx::fail);
    }

    private void reactivate(RoutingContext ctx, long seen) {
        Department current = department(ctx.pathParam("id"));
        refuseIf(DepartmentEdits.checkReactivate(service.seed().departments(), current.id()));
        saveDepartment(ctx, current.reactivated(), "department.reactivate", 200, seen);
    }

    private void createCategory(RoutingContext ctx, long seen) {
        NewCategory body = JsonBodies.read(ctx, NewCategory.class);
        Category category = Requests.build(() -> new Category(body.code(), body.name(), List.of(body.name())));
        List<String> departments = orEmpty(body.departments());
        List<String> keywords = orEmpty(body.keywords());
        refuseIf(CategoryEdits.checkNew(service.seed().categories(), service.seed().departments(), category.code(), departments, keywords));
        saveCategory(ctx, new CategoryCatalog.Entry(category, departments, keywords, false), "category.create", 201, seen);
    }

    private void editCategory(RoutingContext ctx, long seen) {
        CategoryCatalog.Entry current = category(ctx.pathParam("code"));
        CategoryChange body = JsonBodies.read(ctx, CategoryChange.class);
        Category category = Requests.build(() -> new Category(current.category().code(), body.name(), List.of(body.name())));
        List<String> departments = orEmpty(body.departments());
        List<String> keywords = orEmpty(body.keywords());
        refuseIf(CategoryEdits.checkEdit(service.seed().categories(), service.seed().departments(), category.code(), departments, keywords));
        saveCategory(ctx, new CategoryCatalog.Entry(category, departments, keywords, current.retired()), "category.edit", 200, seen);
    }

    private void retire(RoutingContext ctx, long seen) {
        CategoryCatalog.Entry current = category(ctx.pathParam("code"));
        refuseIf(CategoryEdits.checkRetire(service.seed().categories(), current.category().code()));
        saveCategory(ctx, new CategoryCatalog.Entry(current.category(), current.departments(), current.keywords(), true),
            "category.retire", 200, seen);
    }

    private void saveDepartment(RoutingContext ctx, Department unit, String action, int status, long seen) {
        Actor admin = Authenticated.actor(ctx);
        policy.saveDepartment(unit, seen)
            .compose(done -> audit.record(AuditLog.Entry.change(admin, action, "department", unit.id())))
            .onSuccess(id -> {
                LOG.info("unit directory changed [action={}, unit={}, by={}]", action, unit.id(), admin.userId());
                AppealRoutes.json(ctx, status, departmentView(service.seed().departments().find(unit.id()).orElse(unit)));
            })
            .onFailure(ctx::fail);
    }

    private void saveCategory(RoutingContext ctx, CategoryCatalog.Entry entry, String action, int status, long seen) {
        Actor admin = Authenticated.actor(ctx);
        String code = entry.category().code();
        policy.saveCategory(entry, seen)
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
            .onSuccess(saved -> {
                LOG.info("category catalog changed [action={}, category={}, by={}]", action, code, admin.userId());
                AppealRoutes.json(ctx, status, categoryView(service.seed().categories(), saved));
            })
            .onFailure(ctx::fail);
    }

    static JsonObject departmentView(Department d) {
        return new JsonObject().put("id", d.id()).put("name", d.name()).put("parentId", d.parentId()).put("level", d.level().name())
            .put("functional", d.functional()).put("contact", d.contact()).put("active", d.active());
    }

    static JsonObject categoryView(CategoryCatalog catalog, CategoryCatalog.Entry e) {
        Category c = e.category();
        return new JsonObject().put("code", c.code()).put("name", c.name()).put("path", c.pathText()).put("level", c.level())
            .put("parentCode", c.parentCode()).put("departments", new JsonArray(e.departments()))
            .put("leadDepartments", new JsonArray(catalog.departmentsFor(c.code())))
            .put("keywords", new JsonArray(e.keywords())).put("retired", e.retired());
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
