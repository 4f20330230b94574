package org.hotline.search.knowledge;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * The articles a new hotline starts with ({@code seed-articles.json}): answers on government-service
 * rules drawn from the regulations in the project's seeds (首问负责, 容缺受理, 告知承诺, 好差评, ...)
 * and common 社保/公积金/户籍/水电 questions quoting the national law they rest on. Each ends with
 * its basis, so an agent can name it to the caller.
 */
final class KnowledgeSeed {

    static final String AUTHOR = "系统预置";

    private record Entry(String id, String title, String categoryCode, List<String> tags, String content, String source) {
    }

    private KnowledgeSeed() {
    }

    static List<Article> articles(Instant at) {
        try (InputStream in = KnowledgeSeed.class.getResourceAsStream("seed-articles.json")) {
            if (in == null) {
                throw new IllegalStateException("seed-articles.json missing from the classpath");
            }
            List<Entry> entries = new ObjectMapper().readValue(in, new TypeReference<List<Entry>>() {
            });
            return entries.stream().map(e -> Article.from(e.id(),
                    new ArticleDraft(e.title(), e.content() + "\n依据：" + e.source(), e.categoryCode(), e.tags(), null),
                    at, AUTHOR, 1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the knowledge seed", e);
        }
    }
}
