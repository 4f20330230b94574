package org.hotline.telephony.sms;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mobile number a handling unit is reached on out of the ticket system: the first mainland
 * mobile number in the unit's contact (联系方式) as the administrator wrote it in the directory.
 */
@FunctionalInterface
public interface DutyPhones {

    Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");

    /** The unit's contact text, if it has one. */
    Optional<String> contactOf(String departmentId);

    default Optional<String> mobileOf(String departmentId) {
        return contactOf(departmentId).flatMap(contact -> {
            Matcher m = MOBILE.matcher(contact.replace(" ", "").replace("-", ""));
            return m.find() ? Optional.of(m.group()) : Optional.empty();
        });
    }

    static DutyPhones none() {
        return id -> Optional.empty();
    }
}
