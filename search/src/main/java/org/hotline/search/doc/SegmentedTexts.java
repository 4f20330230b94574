package org.hotline.search.doc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hotline.core.text.Segmenter;

/**
 * The segmenter's words of a ticket's title, content and reply, remembered per ticket and per text for the most
 * recently indexed tickets (least recently used forgotten first), so a change that left a text alone costs no
 * segmenting of it: a reply added to a ticket segments the reply only, not its title and content again (the
 * indexer's profile under the consumer benchmark: segmenting was a fifth of its CPU). Kept by exact text, not by
 * a hash: a changed text is always segmented again. Safe for the indexer's concurrent worker threads.
 */
final class SegmentedTexts {

    /** About 2 KB each (texts and words): some 20 MB for the tickets a busy day keeps changing. */
    static final int DEFAULT_TICKETS = 10_000;

    private final Segmenter segmenter;
    private final Map<String, Entry> recent;

    /** One text and its words (space-separated); the empty entry stands for a ticket not seen yet. */
    private record Segmented(String text, String words) {
    }

    private record Entry(Segmented title, Segmented content, Segmented reply) {
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

    /** Title, content and reply as space-separated words; each text segmented only if it differs from the last call for this ticket. */
    String words(String ticketId, String title, String content, String reply) {
        Entry known;
        synchronized (recent) {
            known = recent.get(ticketId);
        }
        Entry now = new Entry(segmented(title, known == null ? null : known.title()),
                segmented(content, known == null ? null : known.content()), segmented(reply, known == null ? null : known.reply()));
        if (!now.equals(known)) {
            synchronized (recent) {
                recent.put(ticketId, now);
            }
        }
        var words = new StringBuilder();
        for (Segmented part : List.of(now.title(), now.content(), now.reply())) {
            if (!part.words().isEmpty()) {
                words.append(words.isEmpty() ? "" : " ").append(part.words());
            }
        }
        return words.toString();
    }

    private Segmented segmented(String text, Segmented known) {
        if (known != null && Objects.equals(known.text(), text)) {
            return known;
        }
        var words = new StringBuilder();
        for (String word : segmenter.words(text)) {
            words.append(word).append(' ');
        }
        return new Segmented(text, words.toString().strip());
    }
}
