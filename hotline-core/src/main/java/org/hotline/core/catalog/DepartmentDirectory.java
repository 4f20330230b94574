package org.hotline.core.catalog;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.core.model.Department;
import org.hotline.core.model.DepartmentLevel;

/** The handling units of the jurisdiction, with their hierarchy (district → street → community). */
public final class DepartmentDirectory {

    private final Map<String, Department> byId;

    public DepartmentDirectory(Collection<Department> departments) {
        Map<String, Department> map = new LinkedHashMap<>();
        for (Department department : departments) {
            if (map.put(department.id(), department) != null) {
                throw new IllegalArgumentException("duplicate department id " + department.id());
            }
        }
        for (Department department : map.values()) {
            if (department.parentId() != null && !map.containsKey(department.parentId())) {
                throw new IllegalArgumentException("department " + department.id() + " has unknown parent " + department.parentId());
            }
        }
        this.byId = java.util.Collections.unmodifiableMap(map);
    }

    public Optional<Department> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** Known and still receiving work. */
    public boolean isActive(String id) {
        Department department = byId.get(id);
        return department != null && department.active();
    }

    /** The same directory with one unit added or replaced (an administrator's edit); order of first appearance kept. */
    public DepartmentDirectory with(Department department) {
        Map<String, Department> next = new LinkedHashMap<>(byId);
        next.put(department.id(), department);
        return new DepartmentDirectory(next.values());
    }

    /** Every unit below {@code id}, at any depth (not the unit itself). */
    public java.util.Set<String> descendantsOf(String id) {
        java.util.Set<String> below = new java.util.LinkedHashSet<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(id));
        while (!todo.isEmpty()) {
            for (Department child : children(todo.pop())) {
                if (below.add(child.id())) {
                    todo.push(child.id());
                }
            }
        }
        below.remove(id);
        return below;
    }

    public List<Department> all() {
        return List.copyOf(byId.values());
    }

    public List<Department> children(String parentId) {
        return byId.values().stream().filter(d -> parentId.equals(d.parentId())).toList();
    }

    /** The units above {@code id}, nearest first (its parent, the parent's parent ...); empty for a top unit or an unknown id. */
    public List<String> ancestorsOf(String id) {
        List<String> ancestors = new java.util.ArrayList<>();
        Department current = byId.get(id);
        while (current != null && current.parentId() != null && !ancestors.contains(current.parentId())) {
            ancestors.add(current.parentId());
            current = byId.get(current.parentId());
        }
        return ancestors;
    }

    public List<Department> atLevel(DepartmentLevel level) {
        return byId.values().stream().filter(d -> d.level() == level).toList();
    }

    public int size() {
        return byId.size();
    }
}
