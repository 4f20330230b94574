package org.hotline.core.time;

/** Natural time runs around the clock; working days count only 工作日 of the calendar (调休 included). */
public enum LimitUnit {
    NATURAL_MINUTES("分钟"),
    NATURAL_HOURS("小时"),
    WORKING_DAYS("个工作日");

    private final String label;

    LimitUnit(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
