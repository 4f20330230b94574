package org.hotline.core.catalog;

import java.util.List;
import java.util.Optional;
import org.hotline.core.model.Category;

/**
 * The rules an administrator's change of the 3-level catalog must keep, as values. The parent of a
 * category is given by its code (GB/T 39666 style: {@code 010201} sits under {@code 010200} under
 * {@code 010000}), so "moving" a category means adding it under the new parent and retiring the old
 * code: tickets keep the code they were classified with.
 */
public final class CategoryEdits {

    public static final int MAX_KEYWORDS = 30;
    public static final int MAX_KEYWORD = 20;
    public static final int MAX_DEPARTMENTS = 5;

    private CategoryEdits() {
    }

    /** A new category: free code, a parent in use, usable departments, sane keywords. */
    public static Optional<CatalogRefusal> checkNew(CategoryCatalog catalog, DepartmentDirectory directory, String code,
                                                    List<String> departments, List<String> keywords) {
        if (catalog.find(code).isPresent()) {
            return refuse("category.duplicate", "分类编码已存在：" + code);
        }
        String parent = new Category(code, "x", List.of()).parentCode();
        if (parent != null && catalog.find(parent).isEmpty()) {
            return refuse("category.unknown-parent", "上级分类不存在：" + parent + "（分类编码每两位一级，须先建上级分类）");
        }
        if (parent != null && !catalog.chooseable(parent)) {
            return refuse("category.retired-parent", "上级分类已停用：" + parent);
        }
        return checkContents(directory, departments, keywords);
    }

    /** A changed category (name, departments, keywords); it keeps being retired or not. */
    public static Optional<CatalogRefusal> checkEdit(CategoryCatalog catalog, DepartmentDirectory directory, String code,
                                                     List<String> departments, List<String> keywords) {
        if (catalog.find(code).isEmpty()) {
            return refuse("category.not-found", "分类不存在：" + code);
        }
        return checkContents(directory, departments, keywords);
    }

    /** A category is retired after the ones below it. */
    public static Optional<CatalogRefusal> checkRetire(CategoryCatalog catalog, String code) {
        if (catalog.find(code).isEmpty()) {
            return refuse("category.not-found", "分类不存在：" + code);
        }
        if (!catalog.chooseable(code)) {
            return refuse("category.retired", "分类已停用：" + code);
        }
        Optional<Category> child = catalog.children(code).stream().filter(c -> catalog.chooseable(c.code())).findFirst();
        return child.isPresent() ? refuse("category.has-children", "请先停用下级分类：" + child.get().pathText()) : Optional.empty();
    }

    private static Optional<CatalogRefusal> checkContents(DepartmentDirectory directory, List<String> departments, List<String> keywords) {
        if (departments.size() > MAX_DEPARTMENTS || departments.stream().distinct().count() != departments.size()) {
            return refuse("category.invalid-departments", "承办单位最多 " + MAX_DEPARTMENTS + " 个且不能重复");
        }
        for (String department : departments) {
            Optional<CatalogRefusal> unusable = DepartmentEdits.checkUsable(directory, department);
            if (unusable.isPresent()) {
                return unusable;
            }
        }
        if (keywords.size() > MAX_KEYWORDS) {
            return refuse("category.invalid-keywords", "关键词最多 " + MAX_KEYWORDS + " 个");
        }
        for (String keyword : keywords) {
            if (keyword == null || keyword.isBlank() || keyword.length() > MAX_KEYWORD) {
                return refuse("category.invalid-keywords", "关键词不能为空且每个不超过 " + MAX_KEYWORD + " 个字");
            }
        }
        return Optional.empty();
    }

    private static Optional<CatalogRefusal> refuse(String code, String message) {
        return Optional.of(new CatalogRefusal(code, message));
    }
}
