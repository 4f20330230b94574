package org.hotline.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.hotline.core.model.Department;
import org.hotline.core.model.DepartmentLevel;
import org.hotline.core.wire.SeedLoader;
import org.junit.jupiter.api.Test;

/** The administrators' directory and catalog rules on the built-in seed, without any server. */
class DirectoryEditsTest {

    private static final Seed SEED = SeedLoader.fromClasspath();
    private static final DepartmentDirectory UNITS = SEED.departments();
    private static final CategoryCatalog CATALOG = SEED.categories();

    private static String code(Optional<CatalogRefusal> refusal) {
        return refusal.map(CatalogRefusal::code).orElse("accepted");
    }

    @Test
    void newUnitsNeedAFreeIdAParentInUseAndALevelNotAboveTheParent() {
        assertThat(code(DepartmentEdits.checkNew(UNITS, new Department("s.xihu.9", "新街道", "d.xihu", DepartmentLevel.STREET, false))))
            .isEqualTo("accepted");
        assertThat(code(DepartmentEdits.checkNew(UNITS, new Department("d.xihu", "西湖区", null, DepartmentLevel.DISTRICT, false))))
            .isEqualTo("department.duplicate");
        assertThat(code(DepartmentEdits.checkNew(UNITS, new Department("s.x.1", "街道", "d.none", DepartmentLevel.STREET, false))))
            .isEqualTo("department.unknown-parent");
        assertThat(code(DepartmentEdits.checkNew(UNITS, new Department("d.x", "区", "s.xihu.1", DepartmentLevel.DISTRICT, false))))
            .isEqualTo("department.level");
        DepartmentDirectory closedParent = UNITS.with(UNITS.find("s.xihu.1").orElseThrow().deactivated());
        assertThat(code(DepartmentEdits.checkNew(closedParent, new Department("c.x", "社区", "s.xihu.1", DepartmentLevel.COMMUNITY, false))))
            .isEqualTo("department.inactive-parent");
    }

    @Test
    void aUnitCannotMoveBelowItselfNorRiseAboveItsSubUnits() {
        assertThat(code(DepartmentEdits.checkEdit(UNITS, new Department("d.xihu", "西湖区", "s.xihu.1", DepartmentLevel.DISTRICT, false))))
            .isEqualTo("department.cycle");
        assertThat(code(DepartmentEdits.checkEdit(UNITS, new Department("d.xihu", "西湖区", "d.xihu", DepartmentLevel.DISTRICT, false))))
            .isEqualTo("department.cycle");
        assertThat(code(DepartmentEdits.checkEdit(UNITS, new Department("d.xihu", "西湖区", null, DepartmentLevel.COMMUNITY, false))))
            .isEqualTo("department.level");
        assertThat(code(DepartmentEdits.checkEdit(UNITS, new Department("s.xihu.1", "北街道", "d.dongcheng", DepartmentLevel.STREET, false))))
            .isEqualTo("accepted");
    }

    @Test
    void deactivationWaitsForSubUnitsCatalogEntriesAndOpenTickets() {
        assertThat(code(DepartmentEdits.checkDeactivate(UNITS, CATALOG, "d.xihu", false))).isEqualTo("department.has-sub-units");
        assertThat(code(DepartmentEdits.checkDeactivate(UNITS, CATALOG, "urban", false))).isEqualTo("department.in-catalog");
        assertThat(code(DepartmentEdits.checkDeactivate(UNITS, CATALOG, "s.xihu.1", true))).isEqualTo("department.has-open-tickets");
        assertThat(code(DepartmentEdits.checkDeactivate(UNITS, CATALOG, "s.xihu.1", false))).isEqualTo("accepted");
        assertThat(UNITS.descendantsOf("d.xihu")).contains("s.xihu.1", "s.xihu.4").doesNotContain("d.xihu");
    }

    @Test
    void categoriesNeedTheirParentByCodeAndRetireFromTheBottomUp() {
        assertThat(code(CategoryEdits.checkNew(CATALOG, UNITS, "010105", List.of("urban"), List.of("消防栓")))).isEqualTo("accepted");
        assertThat(code(CategoryEdits.checkNew(CATALOG, UNITS, "010101", List.of(), List.of()))).isEqualTo("category.duplicate");
        assertThat(code(CategoryEdits.checkNew(CATALOG, UNITS, "990101", List.of(), List.of()))).isEqualTo("category.unknown-parent");
        assertThat(code(CategoryEdits.checkNew(CATALOG, UNITS, "010105", List.of("urban", "urban"), List.of())))
            .isEqualTo("category.invalid-departments");
        assertThat(code(CategoryEdits.checkRetire(CATALOG, "010100"))).isEqualTo("category.has-children");
        CategoryCatalog retired = CATALOG.with("010101", "道路破损", List.of(), List.of(), true);
        assertThat(retired.chooseable("010101")).isFalse();
        assertThat(retired.find("010101")).isPresent();
        assertThat(code(CategoryEdits.checkRetire(retired, "010101"))).isEqualTo("category.retired");
        assertThat(code(CategoryEdits.checkNew(retired, UNITS, "010101", List.of(), List.of()))).isEqualTo("category.duplicate");
    }

    @Test
    void aRenamedCategoryRenamesThePathsBelowIt() {
        CategoryCatalog renamed = CATALOG.with("010000", "城市建设", List.of("urban"), List.of(), false);

        assertThat(renamed.find("010101").orElseThrow().path()).containsExactly("城市建设", "市政设施", "道路破损");
        assertThat(renamed.departmentsFor("010101")).containsExactly("urban");
    }
}
