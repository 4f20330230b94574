package org.hotline.linkage110.transfer;

/** Which way a transfer goes, seen from 12345. */
public enum Direction {
    /** A 12345 work order handed to 110 (crime, public order, danger to life or property...). */
    TO_110,
    /** A 110 police order handed to 12345 (non-police matters: noise, utilities, car moving...). */
    FROM_110;

    public String wire() {
        return switch (this) {
            case TO_110 -> "to-110";
            case FROM_110 -> "from-110";
        };
    }

    public static Direction fromWire(String value) {
        for (Direction d : values()) {
            if (d.wire().equals(value) || d.name().equals(value)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown direction: " + value);
    }
}
