package org.hotline.search.doc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.hotline.core.text.Segmenter;

/**
 * The segmenter's words of a ticket's title, content and reply, remembered per ticket for the most
 * recently indexed tickets (least recently used forgotten first), so a change that left the text alone
 * costs no segmenting. Kept by exact text, not by a hash: a changed text is always segmented again.
 * Safe for the indexer's concurrent worker threads.
 */
final class SegmentedTexts {

    /** About 2 KB each (texts and words): some 20 MB for the tickets a busy day keeps changing. */
    static final int DEFAULT_TICKETS = 10_000;

    private final Segmenter segmenter;
    private final Map<String, Entry> recent;

    private record Texts(String title, String content, String reply) {
    }

    private record Entry(Texts texts, String words) {
    }

    SegmentedTexts(Segmenter segmenter, int tickets) {
        this.segmenter = segmenter;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > tickets;
            }
        };
    }

    /** Title, content and reply as space-separated words, segmented only if they differ from the last call for this ticket. */
    String words(String ticketId, String title, String content, String reply) {
        var texts = new Texts(title, content, reply);
        Entry known;
        synchronized (recent) {
            known = recent.get(ticketId);
        }
        if (known != null && Objects.equals(known.texts(), texts)) {
            return known.words();
        }
        String words = segment(title, content, reply);
        synchronized (recent) {
            recent.put(ticketId, new Entry(texts, words));
        }
        return words;
    }

    private String segment(String... texts) {
        var words = new StringBuilder();
        for (String text : texts) {
            for (String word : segmenter.words(text)) {
                words.append(word).append(' ');
            }
        }
        return words.toString().strip();
    }
}
