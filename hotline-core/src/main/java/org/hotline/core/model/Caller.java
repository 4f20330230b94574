package org.hotline.core.model;

import java.util.regex.Pattern;

/**
 * The person who appealed. An anonymous caller gives no name; a confidential one (保密) must
 * never be identified to the departments. The phone is a mainland mobile ({@code 1[3-9]} + 9
 * digits) or a landline with area code ({@code 0371-12345678}). {@link #toString()} masks both.
 */
public record Caller(String name, String phone, boolean confidential, boolean anonymous) {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");
    public static final int MAX_NAME = 50;

    public Caller {
        name = blankToNull(name);
        phone = phone == null ? null : normalise(phone);
        if (name != null && name.length() > MAX_NAME) {
            throw new IllegalArgumentException("来电人姓名不能超过" + MAX_NAME + "个字");
        }
        if (phone != null && !isValidPhone(phone)) {
            throw new IllegalArgumentException("电话号码格式不正确：应为11位手机号或带区号的固定电话");
        }
        if (!anonymous && name == null) {
            throw new IllegalArgumentException("非匿名诉求须填写来电人姓名");
        }
        if (anonymous) {
            name = null;
        }
    }

    public static boolean isValidPhone(String phone) {
        String value = normalise(phone);
        return MOBILE.matcher(value).matches() || LANDLINE.matcher(value).matches();
    }

    /** Strips spaces and the +86 / 86 prefix people add. */
    private static String normalise(String phone) {
        String value = phone.replace(" ", "").strip();
        if (value.startsWith("+86")) {
            value = value.substring(3);
        } else if (value.startsWith("86") && value.length() == 13) {
            value = value.substring(2);
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public boolean reachable() {
        return phone != null;
    }

    @Override
    public String toString() {
        return "Caller[name=" + Masking.maskName(name) + ", phone=" + Masking.maskPhone(phone)
                + ", confidential=" + confidential + ", anonymous=" + anonymous + "]";
    }
}
