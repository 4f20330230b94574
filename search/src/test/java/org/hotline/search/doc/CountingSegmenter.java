package org.hotline.search.doc;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.core.text.Segmenter;
import org.hotline.search.TicketSnapshot;

/** The project's segmenter, counting the texts it was asked to segment. */
public final class CountingSegmenter implements Segmenter {

    private final AtomicInteger texts = new AtomicInteger();

    @Override
    public List<String> words(String text) {
        texts.incrementAndGet();
        return TicketSnapshot.SEGMENTER.words(text);
    }

    public int texts() {
        return texts.get();
    }
}
