package org.hotline.core.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hotline.core.model.Category;

/**
 * The 3-level matter catalog. Each entry may name default departments (for routing suggestions);
 * a level-3 entry without its own inherits from its parents.
 */
public final class CategoryCatalog {

    /** A catalog entry: the category and the departments that usually handle it. */
    public record Entry(Category category, List<String> departments) {
        public Entry {
            departments = List.copyOf(departments);
        }
    }

    private final Map<String, Entry> byCode;

    public CategoryCatalog(Collection<Entry> entries) {
        Map<String, Entry> map = new TreeMap<>();
        for (Entry entry : entries) {
            if (map.put(entry.category().code(), entry) != null) {
                throw new IllegalArgumentException("duplicate category code " + entry.category().code());
            }
        }
        for (Entry entry : map.values()) {
            String parent = entry.category().parentCode();
            if (parent != null && !map.containsKey(parent)) {
                throw new IllegalArgumentException("category " + entry.category().code() + " has no parent " + parent);
            }
        }
        this.byCode = Map.copyOf(map);
    }

    public Optional<Category> find(String code) {
        return Optional.ofNullable(byCode.get(code)).map(Entry::category);
    }

    public List<Category> all() {
        return new TreeMap<>(byCode).values().stream().map(Entry::category).toList();
    }

    public List<Category> children(String code) {
        return all().stream().filter(c -> code == null ? c.level() == 1 : code.equals(c.parentCode())).toList();
    }

    /** Departments that usually handle the category, from the nearest level that names some. */
    public List<String> departmentsFor(String code) {
        for (String cursor = code; cursor != null; ) {
            Entry entry = byCode.get(cursor);
            if (entry == null) {
                return List.of();
            }
            if (!entry.departments().isEmpty()) {
                return entry.departments();
            }
            cursor = entry.category().parentCode();
        }
        return List.of();
    }

    public int size() {
        return byCode.size();
    }

    public List<Entry> entries() {
        return new ArrayList<>(new TreeMap<>(byCode).values());
    }
}
