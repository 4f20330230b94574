package org.hotline.core.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.hotline.core.catalog.DepartmentDirectory;
import org.hotline.core.catalog.Seed;
import org.hotline.core.catalog.TimeLimitTable;
import org.hotline.core.time.Deadlines;
import org.hotline.core.time.WorkCalendar;
import org.hotline.core.wire.SeedFiles.CategoriesFile;
import org.hotline.core.wire.SeedFiles.DepartmentsFile;
import org.hotline.core.wire.SeedFiles.HolidayYearFile;
import org.hotline.core.wire.SeedFiles.TimeLimitsFile;

/**
 * Loads a jurisdiction's configuration: the built-in 中原市 seed from the classpath, or an
 * administrator's own files from a directory with the same layout ({@code departments.json},
 * {@code categories.json}, {@code time-limits.json}, {@code holidays/YYYY.json}), or JSON strings.
 * Any inconsistency (unknown department, missing parent, bad limit) fails the load with a message.
 */
public final class SeedLoader {

    private static final String BASE = "/org/hotline/core/seed/";

    private SeedLoader() {
    }

    public static Seed fromClasspath() {
        DepartmentsFile departments = read(resource("departments.json"), DepartmentsFile.class);
        List<String> years = new ArrayList<>();
        for (int year : departments.city().holidayYears()) {
            years.add(resource("holidays/" + year + ".json"));
        }
        return SeedMapping.seed(departments, read(resource("categories.json"), CategoriesFile.class),
                read(resource("time-limits.json"), TimeLimitsFile.class), years);
    }

    /** Every {@code holidays/*.json} in the directory is loaded, whatever the years listed. */
    public static Seed fromDirectory(Path dir) {
        try {
            List<String> years = new ArrayList<>();
            Path holidays = dir.resolve("holidays");
            if (Files.isDirectory(holidays)) {
                try (var files = Files.list(holidays)) {
                    for (Path file : files.filter(f -> f.getFileName().toString().matches("\\d{4}\\.json")).sorted().toList()) {
                        years.add(Files.readString(file));
                    }
                }
            }
            return fromJson(Files.readString(dir.resolve("departments.json")), Files.readString(dir.resolve("categories.json")),
                    Files.readString(dir.resolve("time-limits.json")), years);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read seed directory " + dir + ": " + e.getMessage(), e);
        }
    }

    public static Seed fromJson(String departments, String categories, String timeLimits, List<String> holidayYears) {
        return SeedMapping.seed(read(departments, DepartmentsFile.class), read(categories, CategoriesFile.class),
                read(timeLimits, TimeLimitsFile.class), holidayYears);
    }

    /** A year's holiday file (holiday-cn shape) added to a calendar, e.g. when the State Council publishes it. */
    public static WorkCalendar withHolidayYear(WorkCalendar calendar, String holidayYearJson) {
        return SeedMapping.addYear(calendar, read(holidayYearJson, HolidayYearFile.class));
    }

    /**
     * The same seed with one more (or a corrected) holiday year, for an administrator adding the
     * State Council's new notice at runtime; hand the result to {@code TicketService.replaceSeed}.
     */
    public static Seed withHolidayYear(Seed seed, String holidayYearJson) {
        WorkCalendar calendar = withHolidayYear(seed.calendar(), holidayYearJson);
        Deadlines deadlines = new Deadlines(calendar, seed.timeLimits().deadlines().yellowRule());
        return new Seed(seed.city(), seed.departments(), seed.categories(), seed.timeLimits().withDeadlines(deadlines), calendar);
    }

    /**
     * {@link #withHolidayYear(Seed, String)} for an administrator's upload, which is the official notice:
     * one without a single day is refused (it would leave the year unknown while looking added).
     */
    public static Seed withPublishedHolidayYear(Seed seed, String holidayYearJson) {
        HolidayYearFile file = read(holidayYearJson, HolidayYearFile.class);
        if (file.days() == null || file.days().isEmpty()) {
            throw new IllegalArgumentException("empty holiday year");
        }
        return withHolidayYear(seed, holidayYearJson);
    }

    /**
     * The same seed with another time-limit table (the {@code time-limits.json} shape), counted on
     * the seed's calendar; fails with a message when a rule is invalid (unknown clock, appeal type,
     * bad limit, last rule not matching everything).
     */
    public static Seed withTimeLimits(Seed seed, String timeLimitsJson) {
        TimeLimitsFile file = read(timeLimitsJson, TimeLimitsFile.class);
        if (file.rules() == null) {
            throw new IllegalArgumentException("the time-limit table needs rules");
        }
        return new Seed(seed.city(), seed.departments(), seed.categories(), SeedMapping.table(file, seed.calendar()), seed.calendar());
    }

    /**
     * The same seed with administrators' units added or replaced (one {@code departments.json}
     * entry each, with {@code contact} and {@code active}); fails when the result is inconsistent.
     */
    public static Seed withDepartments(Seed seed, java.util.Collection<String> departmentJsons) {
        java.util.Map<String, org.hotline.core.model.Department> units = new java.util.LinkedHashMap<>();
        seed.departments().all().forEach(unit -> units.put(unit.id(), unit));
        for (String json : departmentJsons) {
            org.hotline.core.model.Department unit = SeedMapping.department(read(json, SeedFiles.DepartmentJson.class));
            units.put(unit.id(), unit);
        }
        return new Seed(seed.city(), new DepartmentDirectory(units.values()), seed.categories(), seed.timeLimits(), seed.calendar());
    }

    /** The same seed with administrators' categories added or replaced (one {@code categories.json} entry each). */
    public static Seed withCategories(Seed seed, java.util.Collection<String> categoryJsons) {
        List<SeedFiles.CategoryJson> stored = categoryJsons.stream().map(json -> read(json, SeedFiles.CategoryJson.class)).toList();
        return new Seed(seed.city(), seed.departments(), SeedMapping.withCategories(seed.categories(), stored), seed.timeLimits(),
                seed.calendar());
    }

    /** One unit in the {@code departments.json} entry shape, as stored for other nodes. */
    public static String departmentJson(org.hotline.core.model.Department unit) {
        return write(SeedMapping.departmentJson(unit));
    }

    /** One category in the {@code categories.json} entry shape, as stored for other nodes. */
    public static String categoryJson(org.hotline.core.catalog.CategoryCatalog.Entry entry) {
        return write(SeedMapping.categoryJson(entry));
    }

    private static String write(Object value) {
        try {
            return WireJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    /** The table in the {@code time-limits.json} shape, as an administrator edits it. */
    public static String timeLimitsJson(TimeLimitTable table) {
        return write(SeedMapping.file(table));
    }

    public static WorkCalendar calendar(ZoneId zone, List<String> holidayYears) {
        WorkCalendar calendar = WorkCalendar.weekendsOnly(zone);
        for (String json : holidayYears) {
            calendar = withHolidayYear(calendar, json);
        }
        return calendar;
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return WireJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = SeedLoader.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("missing seed resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read seed resource " + name, e);
        }
    }
}
