package org.hotline.core.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;
import org.hotline.core.app.EditDirectory;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.catalog.CategoryCatalog;
import org.hotline.core.model.Category;
import org.hotline.core.model.Department;
import org.hotline.core.model.Role;

/**
 * The administrators' unit directory and category catalog routes: each reads its body and path,
 * calls {@link EditDirectory} (the checks, the save for every node, the audit, the hand-over to
 * dispatch) and answers the saved unit or category.
 */
final class DirectoryRoutes {

    private final EditDirectory edits;
    private final Supplier<CategoryCatalog> catalog;

    DirectoryRoutes(EditDirectory edits, Supplier<CategoryCatalog> catalog) {
        this.edits = edits;
        this.catalog = catalog;
    }

    void mount(Router router) {
        router.post("/api/v1/admin/departments").handler(Authenticated.require(Role.ADMIN)).handler(this::createDepartment);
        router.put("/api/v1/admin/departments/:id").handler(Authenticated.require(Role.ADMIN)).handler(this::editDepartment);
        router.post("/api/v1/admin/departments/:id/deactivate").handler(Authenticated.require(Role.ADMIN)).handler(this::deactivate);
        router.post("/api/v1/admin/departments/:id/reactivate").handler(Authenticated.require(Role.ADMIN)).handler(this::reactivate);
        router.post("/api/v1/admin/categories").handler(Authenticated.require(Role.ADMIN)).handler(this::createCategory);
        router.put("/api/v1/admin/categories/:code").handler(Authenticated.require(Role.ADMIN)).handler(this::editCategory);
        router.post("/api/v1/admin/categories/:code/retire").handler(Authenticated.require(Role.ADMIN)).handler(this::retire);
    }

    private void createDepartment(RoutingContext ctx) {
        EditDirectory.NewDepartment body = JsonBodies.read(ctx, EditDirectory.NewDepartment.class);
        answerDepartment(ctx, 201, edits.createDepartment(Authenticated.actor(ctx), body));
    }

    private void editDepartment(RoutingContext ctx) {
        EditDirectory.DepartmentChange body = JsonBodies.read(ctx, EditDirectory.DepartmentChange.class);
        answerDepartment(ctx, 200, edits.editDepartment(Authenticated.actor(ctx), ctx.pathParam("id"), body));
    }

    private void deactivate(RoutingContext ctx) {
        answerDepartment(ctx, 200, edits.deactivateDepartment(Authenticated.actor(ctx), ctx.pathParam("id")));
    }

    private void reactivate(RoutingContext ctx) {
        answerDepartment(ctx, 200, edits.reactivateDepartment(Authenticated.actor(ctx), ctx.pathParam("id")));
    }

    private void createCategory(RoutingContext ctx) {
        EditDirectory.NewCategory body = JsonBodies.read(ctx, EditDirectory.NewCategory.class);
        answerCategory(ctx, 201, edits.createCategory(Authenticated.actor(ctx), body));
    }

    private void editCategory(RoutingContext ctx) {
        EditDirectory.CategoryChange body = JsonBodies.read(ctx, EditDirectory.CategoryChange.class);
        answerCategory(ctx, 200, edits.editCategory(Authenticated.actor(ctx), ctx.pathParam("code"), body));
    }

    private void retire(RoutingContext ctx) {
        answerCategory(ctx, 200, edits.retireCategory(Authenticated.actor(ctx), ctx.pathParam("code")));
    }

    private static void answerDepartment(RoutingContext ctx, int status, Future<Department> saved) {
        saved.onSuccess(unit -> AppealRoutes.json(ctx, status, departmentView(unit))).onFailure(ctx::fail);
    }

    private void answerCategory(RoutingContext ctx, int status, Future<CategoryCatalog.Entry> saved) {
        saved.onSuccess(entry -> AppealRoutes.json(ctx, status, categoryView(catalog.get(), entry))).onFailure(ctx::fail);
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
}
