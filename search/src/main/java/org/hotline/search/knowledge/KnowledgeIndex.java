package org.hotline.search.knowledge;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.util.QueryBuilder;
import org.hotline.core.text.Segmenter;

/**
 * The in-process search index of the knowledge base on one node: a Lucene index in memory, rebuilt
 * from Redis at start and whenever another node changed the base, plus the articles it was built
 * from. Title and content are indexed as the segmenter's words (as tickets are), the title boosted.
 * Blocking: callers run it on a worker thread.
 */
final class KnowledgeIndex implements AutoCloseable {

    private static final String ID = "id";
    private static final String TITLE = "title_seg";
    private static final String TEXT = "text_seg";
    private static final String TITLE_CHARS = "title";
    private static final String TEXT_CHARS = "text";
    private static final String CATEGORY = "category";
    private static final String TAG = "tag";
    private static final String UPDATED = "updated";
    private static final Sort NEWEST = new Sort(new SortField(UPDATED, SortField.Type.LONG, true));

    /** One page of matches, best first (newest first without words). */
    record Page(long total, List<Article> articles, List<String> words) {
    }

    private final Segmenter segmenter;
    private final QueryBuilder phrases;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<String, Article> articles = new ConcurrentHashMap<>();
    private volatile long version = -1;

    KnowledgeIndex(Segmenter segmenter) throws IOException {
        this.segmenter = segmenter;
        var analyzer = new PerFieldAnalyzerWrapper(new WhitespaceAnalyzer(),
                Map.of(TITLE_CHARS, new StandardAnalyzer(), TEXT_CHARS, new StandardAnalyzer()));
        this.phrases = new QueryBuilder(analyzer);
        this.writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(analyzer));
        this.searchers = new SearcherManager(writer, null);
    }

    /** The Redis version this index reflects (-1 before the first load). */
    long version() {
        return version;
    }

    /** The article as this index holds it (at most one poll behind Redis). */
    java.util.Optional<Article> article(String id) {
        return java.util.Optional.ofNullable(articles.get(id));
    }

    synchronized void replaceAll(long newVersion, Collection<Article> all) throws IOException {
        if (newVersion <= version) {
            // read before a change this node has already applied (the next poll brings the rest), or
            // a second load of the version already served: rebuilding it would only disturb searches
            return;
        }
        writer.deleteAll();
        var ids = new HashSet<String>();
        for (Article a : all) {
            writer.addDocument(toLucene(a));
            articles.put(a.id(), a);
            ids.add(a.id());
        }
        writer.commit();
        searchers.maybeRefreshBlocking();
        // searches on other threads read ids from the old or the new reader: the map holds both until
        // the new reader is published, else a hit of either would be dropped as unknown
        articles.keySet().retainAll(ids);
        version = newVersion;
    }

    /** Applies one change made on this node; a later version than the one loaded means other changes are still missing. */
    synchronized void put(Article article, long newVersion) throws IOException {
        writer.updateDocument(new Term(ID, article.id()), toLucene(article));
        articles.put(article.id(), article);
        refreshAt(newVersion);
    }

    synchronized void remove(String id, long newVersion) throws IOException {
        writer.deleteDocuments(new Term(ID, id));
        articles.remove(id);
        refreshAt(newVersion);
    }

    Page search(String text, String category, String tag, int size) throws IOException {
        List<String> words = text == null ? List.of() : KnowledgeWords.meaningful(segmenter.words(text));
        var query = new BooleanQuery.Builder();
        query.add(words.isEmpty() ? new MatchAllDocsQuery() : matching(words), words.isEmpty() ? Occur.FILTER : Occur.MUST);
        if (category != null) {
            query.add(new PrefixQuery(new Term(CATEGORY, KnowledgeWords.categoryPrefix(category))), Occur.FILTER);
        }
        if (tag != null) {
            query.add(new TermQuery(new Term(TAG, tag)), Occur.FILTER);
        }
        IndexSearcher searcher = searchers.acquire();
        try {
            Query built = query.build();
            var top = words.isEmpty() ? searcher.search(built, size, NEWEST) : searcher.search(built, size);
            var found = new ArrayList<Article>();
            for (ScoreDoc hit : top.scoreDocs) {
                Article a = articles.get(searcher.storedFields().document(hit.doc).get(ID));
                if (a != null) {
                    found.add(a);
                }
            }
            return new Page(searcher.count(built), found, words);
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        searchers.close();
        writer.close();
    }

    /**
     * Six in ten of the words, each found as a segmenter word or, because the segmenter may cut an
     * article's text differently (住房公积金 / 公积金), as a run of characters; title weighted higher.
     */
    private Query matching(List<String> words) {
        var b = new BooleanQuery.Builder();
        for (String word : words) {
            var either = new BooleanQuery.Builder();
            for (String w : KnowledgeWords.variants(word)) {
                either.add(new BoostQuery(new TermQuery(new Term(TITLE, w)), 3f), Occur.SHOULD)
                        .add(new TermQuery(new Term(TEXT, w)), Occur.SHOULD);
                Query inTitle = phrases.createPhraseQuery(TITLE_CHARS, w);
                Query inText = phrases.createPhraseQuery(TEXT_CHARS, w);
                if (inTitle != null) {
                    either.add(new BoostQuery(inTitle, 2f), Occur.SHOULD);
                }
                if (inText != null) {
                    either.add(inText, Occur.SHOULD);
                }
            }
            b.add(either.build(), Occur.SHOULD);
        }
        b.setMinimumNumberShouldMatch(Math.max(1, (int) Math.ceil(words.size() * 0.6)));
        return b.build();
    }

    private void refreshAt(long newVersion) throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
        if (newVersion == version + 1) {
            version = newVersion;
        }
    }

    private Document toLucene(Article a) {
        var d = new Document();
        d.add(new StringField(ID, a.id(), Field.Store.YES));
        d.add(new TextField(TITLE, String.join(" ", segmenter.words(a.title())), Field.Store.NO));
        // tags are the words editors expect callers to use (社保 for 社会保险), so they count as text
        String text = a.title() + "\n" + String.join(" ", a.tags()) + "\n" + a.content();
        d.add(new TextField(TEXT, String.join(" ", segmenter.words(text)), Field.Store.NO));
        d.add(new TextField(TITLE_CHARS, a.title(), Field.Store.NO));
        d.add(new TextField(TEXT_CHARS, text, Field.Store.NO));
        if (a.categoryCode() != null) {
            d.add(new StringField(CATEGORY, a.categoryCode(), Field.Store.NO));
        }
        a.tags().forEach(t -> d.add(new StringField(TAG, t, Field.Store.NO)));
        d.add(new NumericDocValuesField(UPDATED, a.updatedAt().toEpochMilli()));
        return d;
    }
}
