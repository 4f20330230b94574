package org.hotline.core.catalog;

import java.util.Objects;
import org.hotline.core.time.WorkCalendar;

/** A jurisdiction's whole configuration: city name, units, catalog, time limits and calendar. */
public record Seed(String city, DepartmentDirectory departments, CategoryCatalog categories,
                   TimeLimitTable timeLimits, WorkCalendar calendar) {

    public Seed {
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(departments, "departments");
        Objects.requireNonNull(categories, "categories");
        Objects.requireNonNull(timeLimits, "timeLimits");
        Objects.requireNonNull(calendar, "calendar");
        for (CategoryCatalog.Entry entry : categories.entries()) {
            for (String department : entry.departments()) {
                if (!departments.contains(department)) {
                    throw new IllegalArgumentException("category " + entry.category().code()
                            + " names unknown department " + department);
                }
            }
        }
    }
}
