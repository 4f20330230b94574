package org.hotline.core.wire;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the seed files an administrator edits (see resources org/hotline/core/seed/). */
final class SeedFiles {

    private SeedFiles() {
    }

    record DepartmentsFile(CityJson city, List<DepartmentJson> departments) { }

    record CityJson(String name, String zone, List<Integer> holidayYears) { }

    /** {@code contact} and {@code active} are optional (seed files omit them: no contact, active). */
    record DepartmentJson(String id, String name, String level, String parent, boolean functional, String contact, Boolean active) { }

    record CategoriesFile(List<CategoryJson> categories) { }

    /** {@code keywords} and {@code retired} are optional (seed files omit them: none, in use). */
    record CategoryJson(String code, String name, List<String> departments, List<String> keywords, Boolean retired) { }

    record TimeLimitsFile(YellowJson yellow, List<RuleJson> rules) { }

    record YellowJson(int remainingWorkingDays, double remainingFraction) { }

    record RuleJson(String name, List<String> appealTypes, List<String> urgencies, List<String> categoryPrefixes,
                    List<String> channels, Map<String, String> clocks, int maxExtensions, String maxExtension) { }

    /** The holiday-cn shape: {@code {year, days: [{name, date, isOffDay}]}}. */
    record HolidayYearFile(int year, List<HolidayDayJson> days) { }

    record HolidayDayJson(String name, LocalDate date, boolean isOffDay) { }
}
