package org.hotline.core.app;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.hotline.core.catalog.DepartmentDirectory;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Department;
import org.hotline.core.model.Ticket;

/**
 * Which tickets an actor may see: center staff all of them; a department the tickets assigned to it
 * or to any of its sub-units (district → street → community); nobody else any. A ticket outside the
 * scope is answered as "not found", so its existence does not leak.
 */
public final class DataScope {

    private final Supplier<DepartmentDirectory> departments;

    public DataScope(Supplier<DepartmentDirectory> departments) {
        this.departments = departments;
    }

    public boolean sees(Actor actor, Ticket ticket) {
        return switch (actor.role()) {
            case AGENT, DISPATCHER, SUPERVISOR, ADMIN, SYSTEM -> true;
            case CITIZEN -> false;
            case DEPARTMENT -> ticket.departments().stream().anyMatch(unitsOf(actor.departmentId())::contains);
        };
    }

    /** The department itself and every unit below it. */
    public Set<String> unitsOf(String departmentId) {
        Set<String> units = new HashSet<>();
        collect(departments.get(), departmentId, units);
        return units;
    }

    private static void collect(DepartmentDirectory directory, String id, Set<String> into) {
        if (!into.add(id)) {
            return;
        }
        for (Department child : directory.children(id)) {
            collect(directory, child.id(), into);
        }
    }
}
