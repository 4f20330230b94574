package org.hotline.core.wire;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.hotline.core.catalog.CategoryCatalog;
import org.hotline.core.catalog.DepartmentDirectory;
import org.hotline.core.catalog.Seed;
import org.hotline.core.catalog.TimeLimitRule;
import org.hotline.core.catalog.TimeLimitTable;
import org.hotline.core.model.AppealType;
import org.hotline.core.model.Category;
import org.hotline.core.model.Channel;
import org.hotline.core.model.ClockLimits;
import org.hotline.core.model.Department;
import org.hotline.core.model.DepartmentLevel;
import org.hotline.core.model.Urgency;
import org.hotline.core.time.ClockName;
import org.hotline.core.time.Deadlines;
import org.hotline.core.time.TimeLimit;
import org.hotline.core.time.WorkCalendar;
import org.hotline.core.time.YellowRule;
import org.hotline.core.wire.SeedFiles.CategoriesFile;
import org.hotline.core.wire.SeedFiles.CategoryJson;
import org.hotline.core.wire.SeedFiles.DepartmentJson;
import org.hotline.core.wire.SeedFiles.DepartmentsFile;
import org.hotline.core.wire.SeedFiles.HolidayYearFile;
import org.hotline.core.wire.SeedFiles.RuleJson;
import org.hotline.core.wire.SeedFiles.TimeLimitsFile;

/** Turns the seed files into the pure catalog types, validating as it goes. */
final class SeedMapping {

    private SeedMapping() {
    }

    static Seed seed(DepartmentsFile departments, CategoriesFile categories, TimeLimitsFile limits, List<String> years) {
        ZoneId zone = ZoneId.of(departments.city().zone() == null ? "Asia/Shanghai" : departments.city().zone());
        WorkCalendar calendar = SeedLoader.calendar(zone, years);
        TimeLimitTable table = table(limits, calendar);
        DepartmentDirectory directory = new DepartmentDirectory(departments.departments().stream().map(SeedMapping::department).toList());
        return new Seed(departments.city().name(), directory, catalog(categories), table, calendar);
    }

    static Department department(DepartmentJson d) {
        return new Department(d.id(), d.name(), d.parent(), DepartmentLevel.valueOf(d.level()), d.functional(), d.contact(),
                d.active() == null || d.active());
    }

    static DepartmentJson departmentJson(Department d) {
        return new DepartmentJson(d.id(), d.name(), d.level().name(), d.parentId(), d.functional(), d.contact(), d.active());
    }

    static CategoryJson categoryJson(CategoryCatalog.Entry e) {
        return new CategoryJson(e.category().code(), e.category().name(), e.departments(), e.keywords(), e.retired());
    }

    /** The catalog with administrators' entries added or replaced, parents first (codes sort that way). */
    static CategoryCatalog withCategories(CategoryCatalog catalog, List<CategoryJson> stored) {
        CategoryCatalog next = catalog;
        for (CategoryJson c : stored.stream().sorted(java.util.Comparator.comparing(CategoryJson::code)).toList()) {
            next = next.with(c.code(), c.name(), orEmpty(c.departments()), orEmpty(c.keywords()), Boolean.TRUE.equals(c.retired()));
        }
        return next;
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }

    static TimeLimitTable table(TimeLimitsFile limits, WorkCalendar calendar) {
        YellowRule yellow = limits.yellow() == null ? YellowRule.DEFAULT
                : new YellowRule(limits.yellow().remainingWorkingDays(), limits.yellow().remainingFraction());
        return new TimeLimitTable(limits.rules().stream().map(SeedMapping::rule).toList(), new Deadlines(calendar, yellow));
    }

    /** The reverse of {@link #table}: what an administrator reads and edits. */
    static TimeLimitsFile file(TimeLimitTable table) {
        YellowRule yellow = table.deadlines().yellowRule();
        List<SeedFiles.RuleJson> rules = table.rules().stream().map(SeedMapping::ruleJson).toList();
        return new TimeLimitsFile(new SeedFiles.YellowJson(yellow.remainingWorkingDays(), yellow.remainingFraction()), rules);
    }

    private static SeedFiles.RuleJson ruleJson(TimeLimitRule rule) {
        Map<String, String> clocks = new java.util.LinkedHashMap<>();
        rule.limits().limits().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> clocks.put(entry.getKey().name(), entry.getValue().code()));
        ClockLimits limits = rule.limits();
        return new SeedFiles.RuleJson(rule.name(), names(rule.appealTypes()), names(rule.urgencies()), rule.categoryPrefixes(),
                names(rule.channels()), clocks, limits.maxExtensions(), limits.maxExtension() == null ? null : limits.maxExtension().code());
    }

    private static List<String> names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toList();
    }

    /** A year file without a single day is no data: the year stays unknown (weekends only, deadlines provisional). */
    static WorkCalendar addYear(WorkCalendar calendar, HolidayYearFile file) {
        if (file.days() == null || file.days().isEmpty()) {
            return calendar;
        }
        List<WorkCalendar.SpecialDay> days = new ArrayList<>();
        for (var day : file.days() == null ? List.<SeedFiles.HolidayDayJson>of() : file.days()) {
            days.add(new WorkCalendar.SpecialDay(day.date(), day.name(), day.isOffDay()));
        }
        return calendar.withYear(file.year(), days);
    }

    /** Names are resolved parent-first so each category carries its full path. */
    private static CategoryCatalog catalog(CategoriesFile file) {
        Map<String, CategoryJson> byCode = new HashMap<>();
        file.categories().forEach(c -> byCode.put(c.code(), c));
        List<CategoryCatalog.Entry> entries = new ArrayList<>();
        for (CategoryJson c : file.categories()) {
            Category bare = new Category(c.code(), c.name(), List.of(c.name()));
            List<String> path = new ArrayList<>();
            for (String code = bare.code(); code != null; code = new Category(code, "x", List.of()).parentCode()) {
                CategoryJson node = byCode.get(code);
                if (node == null) {
                    throw new IllegalArgumentException("category " + c.code() + " has no parent " + code);
                }
                path.add(0, node.name());
            }
            entries.add(new CategoryCatalog.Entry(new Category(c.code(), c.name(), path), orEmpty(c.departments()),
                    orEmpty(c.keywords()), Boolean.TRUE.equals(c.retired())));
        }
        return new CategoryCatalog(entries);
    }

    private static TimeLimitRule rule(RuleJson r) {
        Map<ClockName, TimeLimit> clocks = new EnumMap<>(ClockName.class);
        if (r.clocks() != null) {
            r.clocks().forEach((name, limit) -> clocks.put(ClockName.valueOf(name), TimeLimit.parse(limit)));
        }
        ClockLimits limits = new ClockLimits(clocks, r.maxExtensions(),
                r.maxExtension() == null ? null : TimeLimit.parse(r.maxExtension()));
        return new TimeLimitRule(r.name(), enums(r.appealTypes(), AppealType::valueOf, AppealType.class),
                enums(r.urgencies(), Urgency::valueOf, Urgency.class),
                r.categoryPrefixes() == null ? List.of() : r.categoryPrefixes(),
                enums(r.channels(), Channel::valueOf, Channel.class), limits);
    }

    private static <E extends Enum<E>> Set<E> enums(List<String> names, Function<String, E> parse, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        if (names != null) {
            names.forEach(name -> set.add(parse.apply(name)));
        }
        return set;
    }
}
