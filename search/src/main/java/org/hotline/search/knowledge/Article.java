package org.hotline.search.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One knowledge-base article as stored in Redis (the source of truth) and answered by the API.
 * {@code revision} starts at 1 and grows with every change, so an editor can refuse to overwrite
 * someone else's newer text.
 *
 * @param categoryCode a code of the ticket catalog (e.g. {@code 100401} 公积金提取), or null
 */
public record Article(String id, String title, String content, String categoryCode, List<String> tags,
                      Instant updatedAt, String author, long revision) {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(updatedAt, "updatedAt");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A new article (revision 1) or the next revision of this one, from a checked draft. */
    static Article from(String id, ArticleDraft draft, Instant at, String author, long revision) {
        return new Article(id, draft.title(), draft.content(), draft.categoryCode(), draft.tags(), at, author, revision);
    }
}
