package org.hotline.search.port;

import java.util.Locale;
import org.hotline.core.error.HotlineException;

/** What a volume report splits its buckets by; TOTAL keeps one count per bucket. */
public enum VolumeDimension {
    TOTAL, CHANNEL, APPEAL_TYPE, CATEGORY, DISTRICT;

    public static VolumeDimension parse(String value) {
        if (value == null || value.isBlank()) {
            return TOTAL;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "channel" -> CHANNEL;
            case "appealtype", "appeal_type" -> APPEAL_TYPE;
            case "category" -> CATEGORY;
            case "district" -> DISTRICT;
            case "total" -> TOTAL;
            default -> throw HotlineException.invalid("report.dimension",
                    "dimension 只能是 channel、appealType、category 或 district");
        };
    }
}
