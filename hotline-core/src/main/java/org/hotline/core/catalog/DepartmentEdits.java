package org.hotline.core.catalog;

import java.util.Optional;
import org.hotline.core.model.Department;

/**
 * The rules an administrator's change of the unit directory must keep, as values: the parent
 * exists and is in use, the hierarchy has no cycle and never goes up a level (district → street →
 * community), a unit is deactivated only when nothing still depends on it. Whether it still holds
 * open tickets is asked of the store by the caller, which knows where tickets live.
 */
public final class DepartmentEdits {

    private DepartmentEdits() {
    }

    /** A new unit: its id must be free. */
    public static Optional<CatalogRefusal> checkNew(DepartmentDirectory directory, Department unit) {
        if (directory.contains(unit.id())) {
            return refuse("department.duplicate", "单位编码已存在：" + unit.id());
        }
        return checkPlace(directory, unit);
    }

    /** A changed unit (name, level, parent, contact, functional); it keeps being active or not. */
    public static Optional<CatalogRefusal> checkEdit(DepartmentDirectory directory, Department unit) {
        if (!directory.contains(unit.id())) {
            return refuse("department.not-found", "单位不存在：" + unit.id());
        }
        if (unit.parentId() != null && (unit.parentId().equals(unit.id()) || directory.descendantsOf(unit.id()).contains(unit.parentId()))) {
            return refuse("department.cycle", "上级单位不能是本单位或本单位的下级单位");
        }
        Optional<CatalogRefusal> place = checkPlace(directory, unit);
        if (place.isPresent()) {
            return place;
        }
        for (Department child : directory.children(unit.id())) {
            if (child.level().ordinal() < unit.level().ordinal()) {
                return refuse("department.level", "下级单位" + child.name() + "的层级不能高于本单位");
            }
        }
        return Optional.empty();
    }

    /**
     * No sub-unit still in use and no category that still names the unit as a usual handler;
     * {@code openTickets} says whether the unit still holds open tickets (they must be reassigned first).
     */
    public static Optional<CatalogRefusal> checkDeactivate(DepartmentDirectory directory, CategoryCatalog catalog, String id,
                                                           boolean openTickets) {
        Department unit = directory.find(id).orElse(null);
        if (unit == null) {
            return refuse("department.not-found", "单位不存在：" + id);
        }
        if (!unit.active()) {
            return refuse("department.inactive", "单位已停用：" + unit.name());
        }
        Optional<Department> activeChild = directory.children(id).stream().filter(Department::active).findFirst();
        if (activeChild.isPresent()) {
            return refuse("department.has-sub-units", "请先停用下级单位：" + activeChild.get().name());
        }
        Optional<CategoryCatalog.Entry> routed = catalog.entries().stream()
            .filter(entry -> !entry.retired() && entry.departments().contains(id)).findFirst();
        if (routed.isPresent()) {
            return refuse("department.in-catalog", "事项分类“" + routed.get().category().pathText() + "”仍以该单位为承办单位，请先修改分类");
        }
        if (openTickets) {
            return refuse("department.has-open-tickets", "该单位仍有在办工单，请先改派或办结后再停用");
        }
        return Optional.empty();
    }

    /** A unit comes back into use only under a parent in use. */
    public static Optional<CatalogRefusal> checkReactivate(DepartmentDirectory directory, String id) {
        Department unit = directory.find(id).orElse(null);
        if (unit == null) {
            return refuse("department.not-found", "单位不存在：" + id);
        }
        if (unit.active()) {
            return refuse("department.active", "单位未停用：" + unit.name());
        }
        return checkPlace(directory, unit);
    }

    /** Users, tickets and catalog entries may name only units that exist and are in use. */
    public static Optional<CatalogRefusal> checkUsable(DepartmentDirectory directory, String id) {
        if (!directory.contains(id)) {
            return refuse("department.unknown", "承办单位不存在：" + id);
        }
        return directory.isActive(id) ? Optional.empty() : refuse("department.inactive", "承办单位已停用：" + id);
    }

    private static Optional<CatalogRefusal> checkPlace(DepartmentDirectory directory, Department unit) {
        if (unit.parentId() == null) {
            return Optional.empty();
        }
        Department parent = directory.find(unit.parentId()).orElse(null);
        if (parent == null) {
            return refuse("department.unknown-parent", "上级单位不存在：" + unit.parentId());
        }
        if (!parent.active()) {
            return refuse("department.inactive-parent", "上级单位已停用：" + parent.name());
        }
        if (unit.level().ordinal() < parent.level().ordinal()) {
            return refuse("department.level", "下级单位的层级不能高于上级单位“" + parent.name() + "”");
        }
        return Optional.empty();
    }

    private static Optional<CatalogRefusal> refuse(String code, String message) {
        return Optional.of(new CatalogRefusal(code, message));
    }
}
