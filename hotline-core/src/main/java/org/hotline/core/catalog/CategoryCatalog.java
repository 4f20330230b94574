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

    /**
     * A catalog entry: the category, the departments that usually handle it (the lead first), the
     * words that point to it before any history is learned, and whether it was retired. A retired
     * category stays readable on the tickets classified with it but is not offered for new ones.
     */
    public record Entry(Category category, List<String> departments, List<String> keywords, boolean retired) {
        public Entry {
            departments = List.copyOf(departments);
            keywords = List.copyOf(keywords);
        }

        /** An entry in use without its own keywords (the seed files' shape). */
        public Entry(Category category, List<String> departments) {
            this(category, departments, List.of(), false);
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

    /** The entry of a code, retired ones included. */
    public Optional<Entry> entry(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** Whether the code may be chosen for a new classification: known and not retired. */
    public boolean chooseable(String code) {
        Entry entry = byCode.get(code);
        return entry != null && !entry.retired();
    }

    /**
     * The same catalog with one entry added or replaced (an administrator's edit). Paths are names
     * from the top down, so a renamed category renames the paths of everything below it too.
     */
    public CategoryCatalog with(String code, String name, List<String> departments, List<String> keywords, boolean retired) {
        Map<String, Entry> next = new TreeMap<>(byCode);
        next.put(code, new Entry(new Category(code, name, List.of(name)), departments, keywords, retired));
        List<Entry> rebuilt = new ArrayList<>();
        for (Entry entry : next.values()) {
            List<String> path = new ArrayList<>();
            for (String cursor = entry.category().code(); cursor != null; cursor = next.containsKey(cursor)
                    ? next.get(cursor).category().parentCode() : null) {
                path.add(0, next.containsKey(cursor) ? next.get(cursor).category().name() : cursor);
            }
            Category category = new Category(entry.category().code(), entry.category().name(), path);
            rebuilt.add(new Entry(category, entry.departments(), entry.keywords(), entry.retired()));
        }
        return new CategoryCatalog(rebuilt);
    }

    /** Every category, retired ones included (old tickets still show them). */
    public List<Category> all() {
        return new TreeMap<>(byCode).values().stream().map(Entry::category).toList();
    }

    public List<Category> children(String code) {
        return all().stream().filter(c -> code == null ? c.level() == 1 : code.equals(c.parentCode())).toList();
    }

    /** The categories that may be chosen for new tickets, in code order. */
    public List<Category> inUse() {
        return all().stream().filter(c -> chooseable(c.code())).toList();
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
