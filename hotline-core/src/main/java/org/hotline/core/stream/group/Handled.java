package org.hotline.core.stream.group;

import java.util.List;

/** What a {@link BatchHandler} did with a batch: everything, except the entries it names as poison. */
public record Handled(List<Poison> poison) {

    private static final Handled ALL = new Handled(List.of());

    public Handled {
        poison = List.copyOf(poison);
    }

    /** An entry that can never be handled, with the reason (written to the parked stream). */
    public record Poison(String entryId, String reason) {
    }

    public static Handled all() {
        return ALL;
    }

    public static Handled parking(List<Poison> poison) {
        return poison.isEmpty() ? ALL : new Handled(poison);
    }
}
