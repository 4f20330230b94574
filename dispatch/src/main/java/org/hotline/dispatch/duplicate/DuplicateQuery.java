package org.hotline.dispatch.duplicate;

/**
 * A new appeal as an agent is about to file it, for the duplicate check. Every field may be null:
 * without a phone there is no same-caller match, without a district no same-place match.
 *
 * @param category the category code if the agent (or the classifier) chose one already
 */
public record DuplicateQuery(String phone, String title, String content, String district, String street,
        String address, String category) {

    public DuplicateQuery {
        title = title == null ? "" : title;
        content = content == null ? "" : content;
    }

    /** The caller-only query of the first version of the route. */
    public static DuplicateQuery ofCaller(String phone, String title, String content) {
        return new DuplicateQuery(phone, title, content, null, null, null, null);
    }

    String text() {
        return title + "\n" + content;
    }
}
