package org.hotline.search.port;

import java.util.Locale;
import org.hotline.core.error.HotlineException;

public enum VolumeInterval {
    DAY, WEEK, MONTH;

    public static VolumeInterval parse(String value) {
        if (value == null || value.isBlank()) {
            return DAY;
        }
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw HotlineException.invalid("report.by", "by 只能是 day、week 或 month");
        }
    }
}
