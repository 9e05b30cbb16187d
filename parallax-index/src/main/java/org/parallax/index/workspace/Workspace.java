package org.parallax.index.workspace;

import static org.parallax.index.workspace.IndexFields.ARTICLE;
import static org.parallax.index.workspace.IndexFields.CORPUS;
import static org.parallax.index.workspace.IndexFields.CORPUS_NAME;
import static org.parallax.index.workspace.IndexFields.ENTITY;
import static org.parallax.index.workspace.IndexFields.FAILED_INPUT;
import static org.parallax.index.workspace.IndexFields.FAILURE;
import static org.parallax.index.workspace.IndexFields.ID;
import static org.parallax.index.workspace.IndexFields.JSON;
import static org.parallax.index.workspace.IndexFields.LANGUAGE;
import static org.parallax.index.workspace.IndexFields.ORIGIN;
import static org.parallax.index.workspace.IndexFields.OUTLET;
import static org.parallax.index.workspace.IndexFields.PUBLISHED_MONTH;
import static org.parallax.index.workspace.IndexFields.REASON;
import static org.parallax.index.workspace.IndexFields.SEEN;
import static org.parallax.index.workspace.IndexFields.STAGE;
import static org.parallax.index.workspace.IndexFields.TEXT;
import static org.parallax.index.workspace.IndexFields.TITLE;
import static org.parallax.index.workspace.IndexFields.TYPE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.parallax.core.json.Json;
import org.parallax.core.model.Document;
import org.parallax.core.model.Outcome;

/**
 * A workspace directory: the Lucene index of analysed articles, failed inputs and corpus results.
 *
 * <p>Open it with {@link #open(Path)} and close it when done; closing commits. Writes ({@link
 * #put}, {@link #recordFailure}, {@link #putCorpusResult}) are meant to come from one thread and
 * are committed every {@link #DEFAULT_COMMIT_EVERY} writes, so a killed run keeps all but its last
 * few documents; re-running it replaces articles by id, so each is stored exactly once. Reads may
 * come from any thread and see every write made so far, committed or not.
 */
public final class Workspace implements AutoCloseable {

  /** Writes between automatic commits unless {@link #open(Path, int)} says otherwise. */
  public static final int DEFAULT_COMMIT_EVERY = 64;

  /** The facet dimensions {@link #facets} counts, in the order it returns them. */
  public static final List<String> FACET_DIMENSIONS =
      List.of(OUTLET, LANGUAGE, ENTITY, PUBLISHED_MONTH);

  private static final int PAGE_SIZE = 256;
  private static final Query ARTICLES = new TermQuery(new Term(TYPE, ARTICLE));

  private final Path dir;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Analyzer analyzer;
  private final FacetsConfig facetsConfig;
  private final int commitEvery;

  /**
   * Ids put since the last commit, with their {@link IndexFields#SEEN} order, so {@link #contains}
   * and {@link #put} need no reader refresh per call.
   */
  private final Map<String, Long> uncommittedIds = new ConcurrentHashMap<>();

  /** The {@link IndexFields#SEEN} order of the next new article. */
  private final AtomicLong nextSeen = new AtomicLong(1);

  /** Counts writes and the writes searchers have caught up with, to refresh only when needed. */
  private final AtomicLong writes = new AtomicLong();

  private final AtomicLong visibleWrites = new AtomicLong();

  private int writesSinceCommit;
  private boolean closed;
  private volatile FacetState facetState;

  private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {}

  private Workspace(
      Path dir,
      Directory directory,
      IndexWriter writer,
      SearcherManager searchers,
      Analyzer analyzer,
      int commitEvery) {
    this.dir = dir;
    this.directory = directory;
    this.writer = writer;
    this.searchers = searchers;
    this.analyzer = analyzer;
    this.commitEvery = commitEvery;
    this.facetsConfig = facetsConfig();
    nextSeen.set(withSearcher(Workspace::lastSeen) + 1);
  }

  /** The highest {@link IndexFields#SEEN} order stored, 0 when none. */
  private static long lastSeen(IndexSearcher searcher) throws IOException {
    TopDocs top =
        searcher.search(ARTICLES, 1, new Sort(new SortField(SEEN, SortField.Type.LONG, true)));
    if (top.scoreDocs.length == 0) {
      return 0;
    }
    return storedSeen(searcher.storedFields(), top.scoreDocs[0].doc);
  }

  private static long storedSeen(StoredFields stored, int doc) throws IOException {
    org.apache.lucene.index.IndexableField field =
        stored.document(doc, Set.of(SEEN)).getField(SEEN);
    return field == null || field.numericValue() == null ? 0 : field.numericValue().longValue();
  }

  /** The index entry of {@code document}, in the order {@code seen} (0: not known). */
  private static org.apache.lucene.document.Document entry(
      FacetsConfig facets, Document document, long seen) throws IOException {
    org.apache.lucene.document.Document article = ArticleFields.of(document);
    if (seen > 0) {
      article.add(new NumericDocValuesField(SEEN, seen));
      article.add(new StoredField(SEEN, seen));
    }
    return facets.build(article);
  }

  /** Opens the workspace in {@code dir}, creating it when absent; commits every 64 writes. */
  public static Workspace open(Path dir) {
    return open(dir, DEFAULT_COMMIT_EVERY);
  }

  /**
   * Opens the workspace in {@code dir}, creating it when absent.
   *
   * @param commitEvery how many writes may stay uncommitted; smaller loses less on a crash, larger
   *     writes faster
   * @throws WorkspaceException when another process holds the workspace or it is unreadable
   */
  public static Workspace open(Path dir, int commitEvery) {
    if (commitEvery < 1) {
      throw new IllegalArgumentException("commitEvery must be at least 1, not " + commitEvery);
    }
    Path indexDir = dir.resolve("index");
    Directory directory;
    try {
      Files.createDirectories(indexDir);
      directory = FSDirectory.open(indexDir);
    } catch (IOException e) {
      throw new WorkspaceException("cannot create workspace " + dir + ": " + e.getMessage(), e);
    }
    Analyzer analyzer = new SearchAnalyzer();
    IndexWriter writer = null;
    try {
      // Stored JSON dominates the index size; it is read rarely, so compression pays off.
      IndexWriterConfig config =
          new IndexWriterConfig(analyzer)
              .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
              .setCodec(new Lucene912Codec(Lucene912Codec.Mode.BEST_COMPRESSION));
      writer = new IndexWriter(directory, config);
      reindexIfAnalysedOtherwise(writer);
      SearcherManager searchers = new SearcherManager(writer, null);
      return new Workspace(dir, directory, writer, searchers, analyzer, commitEvery);
    } catch (LockObtainFailedException e) {
      closeQuietly(directory);
      throw new WorkspaceException(
          "workspace " + dir + " is in use by another Parallax process; wait until it has finished",
          e);
    } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
      closeQuietly(writer);
      closeQuietly(directory);
      throw new WorkspaceException(
          "workspace " + dir + " is not a readable Parallax workspace: " + e.getMessage(), e);
    } catch (IOException e) {
      closeQuietly(writer);
      closeQuietly(directory);
      throw new WorkspaceException("cannot open workspace " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The commit data key naming the analysis the search terms were made with. */
  private static final String ANALYSIS_KEY = "parallax.analysis";

  /**
   * Makes the search terms of every stored article again, from its stored document, when the index
   * was written with another analysis than {@link SearchAnalyzer} (an older version); then records
   * the analysis in the commit data. A new or empty index only gets the record.
   */
  private static void reindexIfAnalysedOtherwise(IndexWriter writer) throws IOException {
    Map<String, String> data = new java.util.HashMap<>();
    Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
    if (live != null) {
      live.forEach(e -> data.put(e.getKey(), e.getValue()));
    }
    if (SearchAnalyzer.VERSION.equals(data.get(ANALYSIS_KEY))) {
      return;
    }
    FacetsConfig facets = facetsConfig();
    try (org.apache.lucene.index.DirectoryReader reader =
        org.apache.lucene.index.DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      StoredFields stored = searcher.storedFields();
      int articles = Math.max(1, searcher.count(ARTICLES));
      for (ScoreDoc hit : searcher.search(ARTICLES, articles).scoreDocs) {
        Document document = Json.read(stored.document(hit.doc, Set.of(JSON)).get(JSON));
        writer.updateDocument(
            new Term(ID, document.id()), entry(facets, document, storedSeen(stored, hit.doc)));
      }
    }
    data.put(ANALYSIS_KEY, SearchAnalyzer.VERSION);
    writer.setLiveCommitData(data.entrySet());
    writer.commit();
  }

  /** The workspace directory as given to {@link #open}. */
  public Path directory() {
    return dir;
  }

  /**
   * Stores {@code document}, replacing any earlier version with the same id, and clears a failure
   * recorded for its input.
   */
  public synchronized void put(Document document) {
    try {
      Long seen = uncommittedIds.get(document.id());
      if (seen == null) {
        // no refresh: an article put since the searcher was last refreshed is in uncommittedIds
        seen = withSearcher(s -> seenOf(s, document.id()), false);
      }
      if (seen == 0) {
        seen = nextSeen.getAndIncrement();
      }
      writer.updateDocument(new Term(ID, document.id()), entry(facetsConfig, document, seen));
      String inputId = document.source().inputId();
      if (inputId != null) {
        writer.deleteDocuments(new Term(FAILED_INPUT, inputId));
      }
      uncommittedIds.put(document.id(), seen);
    } catch (IOException e) {
      throw failure("store document " + document.id(), e);
    }
    afterWrite();
  }

  /** Whether an article with this id is stored, committed or not. */
  public boolean contains(String id) {
    if (uncommittedIds.containsKey(id)) {
      return true;
    }
    // No refresh: every id put since the searcher was last refreshed is in uncommittedIds.
    return withSearcher(s -> s.count(new TermQuery(new Term(ID, id))) > 0, false);
  }

  /** The stored article with this id. */
  public Optional<Document> get(String id) {
    return withSearcher(s -> storedJson(s, id).map(Json::read));
  }

  /** The stored JSON of the article with this id. */
  private static Optional<String> storedJson(IndexSearcher searcher, String id) throws IOException {
    TopDocs top = searcher.search(new TermQuery(new Term(ID, id)), 1);
    if (top.scoreDocs.length == 0) {
      return Optional.empty();
    }
    return Optional.of(
        searcher.storedFields().document(top.scoreDocs[0].doc, Set.of(JSON)).get(JSON));
  }

  /** The number of stored articles. */
  public long size() {
    return withSearcher(s -> (long) s.count(ARTICLES));
  }

  /**
   * Every stored article in ascending id order, read lazily page by page; writes made while the
   * stream is consumed may or may not appear in it.
   */
  public Stream<Document> documents() {
    String[] lastId = {null};
    return paged(
        () -> {
          List<Document> next = page(lastId[0]);
          if (!next.isEmpty()) {
            lastId[0] = next.get(next.size() - 1).id();
          }
          return next;
        });
  }

  /** The documents of the pages {@code nextPage} gives, read lazily, until one is not full. */
  private static Stream<Document> paged(java.util.function.Supplier<List<Document>> nextPage) {
    Iterator<Document> pages =
        new Iterator<>() {
          private final Deque<Document> page = new ArrayDeque<>();
          private boolean exhausted;

          @Override
          public boolean hasNext() {
            if (page.isEmpty() && !exhausted) {
              List<Document> next = nextPage.get();
              exhausted = next.size() < PAGE_SIZE;
              page.addAll(next);
            }
            return !page.isEmpty();
          }

          @Override
          public Document next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return page.removeFirst();
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(
            pages, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT),
        false);
  }

  /** The {@link IndexFields#SEEN} order of the stored article {@code id}; 0 when none. */
  private static long seenOf(IndexSearcher searcher, String id) throws IOException {
    TopDocs top = searcher.search(new TermQuery(new Term(ID, id)), 1);
    return top.scoreDocs.length == 0
        ? 0
        : storedSeen(searcher.storedFields(), top.scoreDocs[0].doc);
  }

  /**
   * Every stored article in the order the workspace first stored it (the order of the inputs, run
   * after run), read lazily page by page: what "first seen" means for articles without a date.
   * Articles stored before the order was kept come first, in id order.
   */
  public Stream<Document> documentsInSeenOrder() {
    Sort order =
        new Sort(
            new SortField(SEEN, SortField.Type.LONG), new SortField(ID, SortField.Type.STRING));
    order.getSort()[0].setMissingValue(0L);
    FieldDoc[] last = {null};
    return paged(
        () ->
            withSearcher(
                s -> {
                  // after the (seen, id) of the last article: unique, so right across refreshes
                  TopDocs top = s.searchAfter(last[0], ARTICLES, PAGE_SIZE, order);
                  StoredFields stored = s.storedFields();
                  List<Document> documents = new ArrayList<>(top.scoreDocs.length);
                  for (ScoreDoc hit : top.scoreDocs) {
                    documents.add(Json.read(stored.document(hit.doc, Set.of(JSON)).get(JSON)));
                  }
                  if (top.scoreDocs.length > 0) {
                    last[0] = (FieldDoc) top.scoreDocs[top.scoreDocs.length - 1];
                  }
                  return documents;
                }));
  }

  /** Up to {@link #PAGE_SIZE} articles with ids after {@code afterId}, in id order. */
  private List<Document> page(String afterId) {
    return withSearcher(
        s -> {
          Query query = ARTICLES;
          if (afterId != null) {
            // A range on the id rather than searchAfter: it stays right across reader refreshes.
            query =
                new BooleanQuery.Builder()
                    .add(ARTICLES, BooleanClause.Occur.FILTER)
                    .add(
                        TermRangeQuery.newStringRange(ID, afterId, null, false, false),
                        BooleanClause.Occur.FILTER)
                    .build();
          }
          TopDocs top =
              s.search(query, PAGE_SIZE, new Sort(new SortField(ID, SortField.Type.STRING)));
          StoredFields stored = s.storedFields();
          List<Document> documents = new ArrayList<>(top.scoreDocs.length);
          for (ScoreDoc hit : top.scoreDocs) {
            documents.add(Json.read(stored.document(hit.doc, Set.of(JSON)).get(JSON)));
          }
          return documents;
        });
  }

  /**
   * Articles matching {@code query} in title or text, best first. The query uses Lucene's classic
   * syntax: all words must match unless joined by {@code OR}; {@code "exact phrase"}, {@code
   * title:word}, {@code word*} and {@code -excluded} work.
   *
   * @throws IllegalArgumentException when the query cannot be parsed, saying why
   */
  public List<Hit> search(String query, int limit) {
    return search(query, List.of(), limit);
  }

  /**
   * Articles matching {@code query} (see {@link #search(String, int)}; may be blank when there are
   * filters) and every filter, best first; without a query, in id order.
   *
   * @param filters exact values of the {@link #FACET_DIMENSIONS}, as {@link #facets} counts them
   * @throws IllegalArgumentException when the query cannot be parsed or a filter is unknown
   */
  public List<Hit> search(String query, List<Filter> filters, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, not " + limit);
    }
    if ((query == null || query.isBlank()) && filters.isEmpty()) {
      parse(query); // says the query is empty
    }
    Query articles = articlesMatching(query, filters);
    return withSearcher(
        s -> {
          TopDocs top;
          try {
            top =
                query == null || query.isBlank()
                    ? s.search(articles, limit, new Sort(new SortField(ID, SortField.Type.STRING)))
                    : s.search(articles, limit);
          } catch (IndexSearcher.TooManyClauses e) {
            throw new IllegalArgumentException(
                "query '" + query + "' matches too many words; make its wildcards more specific",
                e);
          }
          StoredFields stored = s.storedFields();
          List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
          for (ScoreDoc hit : top.scoreDocs) {
            org.apache.lucene.document.Document doc =
                stored.document(hit.doc, Set.of(ID, TITLE, OUTLET));
            hits.add(new Hit(doc.get(ID), doc.get(TITLE), doc.get(OUTLET), hit.score));
          }
          return List.copyOf(hits);
        });
  }

  /**
   * The short records of the stored articles in id order, from {@code offset}, at most {@code
   * limit}; read from the index alone, so a page costs no parsing of stored documents.
   */
  public List<ArticleSummary> summaries(int offset, int limit) {
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException(
          "offset must be at least 0 and limit at least 1, not " + offset + " and " + limit);
    }
    return withSearcher(
        s -> {
          int wanted = (int) Math.min(Integer.MAX_VALUE, (long) offset + limit);
          TopDocs top =
              s.search(ARTICLES, wanted, new Sort(new SortField(ID, SortField.Type.STRING)));
          StoredFields stored = s.storedFields();
          List<ArticleSummary> page = new ArrayList<>();
          Set<String> fields =
              Set.of(
                  ID,
                  IndexFields.INPUT_ID,
                  IndexFields.URL,
                  OUTLET,
                  TITLE,
                  IndexFields.PUBLISHED,
                  LANGUAGE);
          for (int i = offset; i < top.scoreDocs.length; i++) {
            org.apache.lucene.document.Document doc = stored.document(top.scoreDocs[i].doc, fields);
            page.add(
                new ArticleSummary(
                    doc.get(ID),
                    doc.get(IndexFields.INPUT_ID),
                    doc.get(IndexFields.URL),
                    doc.get(OUTLET),
                    doc.get(TITLE),
                    doc.get(IndexFields.PUBLISHED),
                    doc.get(LANGUAGE)));
          }
          return List.copyOf(page);
        });
  }

  /**
   * The text of the stored article with this id, read from its stored JSON without building the
   * document (the layers, embeddings included, are skipped unread).
   */
  public Optional<String> text(String id) {
    return withSearcher(
        s -> {
          Optional<String> stored = storedJson(s, id);
          if (stored.isEmpty()) {
            return Optional.empty();
          }
          try (com.fasterxml.jackson.core.JsonParser parser =
              Json.MAPPER.createParser(stored.get())) {
            if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
              return Optional.empty();
            }
            while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
              String field = parser.currentName();
              parser.nextToken();
              if (field.equals("text")) {
                return Optional.ofNullable(parser.getValueAsString());
              }
              parser.skipChildren();
            }
            return Optional.empty();
          }
        });
  }

  /** Marks put around matching words by the highlighter; no article text holds them. */
  private static final String MATCH_START = "\u0002";

  private static final String MATCH_END = "\u0003";

  /**
   * Up to {@code count} passages of {@code text} (an article's text) where {@code query} matches,
   * best first, with the matching words marked: the evidence a search result shows. Wildcard and
   * phrase queries are marked as they match; {@code title:} terms are not looked for in the text.
   *
   * @throws IllegalArgumentException when the query cannot be parsed
   */
  public List<Passage> passages(String query, String text, int count) {
    if (query == null || query.isBlank() || text == null || text.isEmpty() || count < 1) {
      return List.of();
    }
    String clean = text.replace(MATCH_START, " ").replace(MATCH_END, " ");
    org.apache.lucene.search.highlight.QueryScorer scorer =
        new org.apache.lucene.search.highlight.QueryScorer(parse(query), TEXT);
    org.apache.lucene.search.highlight.Highlighter highlighter =
        new org.apache.lucene.search.highlight.Highlighter(
            new org.apache.lucene.search.highlight.SimpleHTMLFormatter(MATCH_START, MATCH_END),
            scorer);
    highlighter.setTextFragmenter(
        new org.apache.lucene.search.highlight.SimpleSpanFragmenter(scorer, 200));
    highlighter.setMaxDocCharsToAnalyze(Math.min(clean.length(), 2_000_000));
    String[] fragments;
    try {
      fragments = highlighter.getBestFragments(analyzer, TEXT, clean, count);
    } catch (IOException | org.apache.lucene.search.highlight.InvalidTokenOffsetsException e) {
      throw new IllegalStateException("cannot mark the matches of '" + query + "': " + e, e);
    }
    List<Passage> passages = new ArrayList<>();
    for (String fragment : fragments) {
      StringBuilder plain = new StringBuilder(fragment.length());
      List<int[]> matches = new ArrayList<>();
      int begin = -1;
      for (int i = 0; i < fragment.length(); i++) {
        char c = fragment.charAt(i);
        if (c == MATCH_START.charAt(0)) {
          begin = plain.length();
        } else if (c == MATCH_END.charAt(0)) {
          matches.add(new int[] {begin, plain.length()});
        } else {
          plain.append(c);
        }
      }
      passages.add(new Passage(plain.toString(), matches));
    }
    return List.copyOf(passages);
  }

  /** How many articles match {@code query} (may be blank) and {@code filters}. */
  public int count(String query, List<Filter> filters) {
    Query articles = articlesMatching(query, filters);
    return withSearcher(s -> s.count(articles));
  }

  /**
   * An exact value of one of the {@link #FACET_DIMENSIONS}: an outlet, a language code, a canonical
   * entity name or a publication month ({@code yyyy-MM}).
   */
  public record Filter(String dimension, String value) {
    public Filter {
      if (!FACET_DIMENSIONS.contains(dimension)) {
        throw new IllegalArgumentException(
            "cannot filter on '" + dimension + "'; filters are " + FACET_DIMENSIONS);
      }
      Objects.requireNonNull(value, "a filter needs a value");
    }
  }

  private Query articlesMatching(String query, List<Filter> filters) {
    BooleanQuery.Builder builder =
        new BooleanQuery.Builder().add(ARTICLES, BooleanClause.Occur.FILTER);
    if (query != null && !query.isBlank()) {
      builder.add(parse(query), BooleanClause.Occur.MUST);
    }
    for (Filter filter : filters) {
      Query exact;
      if (filter.dimension().equals(PUBLISHED_MONTH)) {
        java.time.YearMonth month;
        try {
          month = java.time.YearMonth.parse(filter.value());
        } catch (java.time.format.DateTimeParseException e) {
          throw new IllegalArgumentException(
              "a month filter reads yyyy-MM, not '" + filter.value() + "'", e);
        }
        exact =
            org.apache.lucene.document.LongPoint.newRangeQuery(
                IndexFields.PUBLISHED,
                month.atDay(1).toEpochDay(),
                month.atEndOfMonth().toEpochDay());
      } else {
        exact = new TermQuery(new Term(filter.dimension(), filter.value()));
      }
      builder.add(exact, BooleanClause.Occur.FILTER);
    }
    return builder.build();
  }

  private Query parse(String query) {
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("the search query is empty; type some words to look for");
    }
    // Titles are short and say what an article is about, so a match there counts double.
    MultiFieldQueryParser parser =
        new MultiFieldQueryParser(
            new String[] {TITLE, TEXT}, analyzer, Map.of(TITLE, 2.0f, TEXT, 1.0f));
    parser.setDefaultOperator(QueryParser.Operator.AND);
    try {
      return parser.parse(query);
    } catch (ParseException e) {
      String detail = e.getMessage().lines().findFirst().orElse("syntax error");
      throw new IllegalArgumentException(
          "cannot understand the search query '"
              + query
              + "' ("
              + detail
              + "); put phrases in double quotes and write \\ before the special characters"
              + " + - && || ! ( ) { } [ ] ^ \" ~ * ? : \\ /",
          e);
    }
  }

  /**
   * The {@code topN} most frequent values of each dimension in {@link #FACET_DIMENSIONS}: outlet,
   * language code, canonical entity name, and publication month ({@code yyyy-MM}). A dimension
   * without values maps to an empty list.
   */
  public Map<String, List<Count>> facets(int topN) {
    return facets(null, List.of(), topN);
  }

  /**
   * The {@code topN} most frequent values of each of the {@link #FACET_DIMENSIONS} among the
   * articles matching {@code query} (may be blank) and {@code filters}: what a search's results
   * would be narrowed to by each value.
   */
  public Map<String, List<Count>> facets(String query, List<Filter> filters, int topN) {
    if (topN < 1) {
      throw new IllegalArgumentException("topN must be at least 1, not " + topN);
    }
    Query matching = articlesMatching(query, filters);
    return withSearcher(
        s -> {
          Map<String, List<Count>> result = new LinkedHashMap<>();
          FACET_DIMENSIONS.forEach(dimension -> result.put(dimension, List.of()));
          SortedSetDocValuesReaderState state = facetState(s.getIndexReader());
          if (state == null) {
            return result;
          }
          FacetsCollector collector = s.search(matching, new FacetsCollectorManager());
          Facets facets = new SortedSetDocValuesFacetCounts(state, collector);
          for (String dimension : FACET_DIMENSIONS) {
            FacetResult top = topChildren(facets, topN, dimension);
            if (top != null) {
              List<Count> counts = new ArrayList<>();
              for (LabelAndValue value : top.labelValues) {
                counts.add(new Count(value.label, value.value.longValue()));
              }
              result.put(dimension, List.copyOf(counts));
            }
          }
          return result;
        });
  }

  private static FacetResult topChildren(Facets facets, int topN, String dimension)
      throws IOException {
    try {
      return facets.getTopChildren(topN, dimension);
    } catch (IllegalArgumentException e) {
      return null; // no article has a value for this dimension yet
    }
  }

  /** The facet ordinals of {@code reader}, built once per reader because that is costly. */
  private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
    FacetState cached = facetState;
    if (cached != null && cached.reader() == reader) {
      return cached.state();
    }
    SortedSetDocValuesReaderState state;
    try {
      state = new DefaultSortedSetDocValuesReaderState(reader, facetsConfig);
    } catch (IllegalArgumentException e) {
      return null; // no article with a facet value yet
    }
    facetState = new FacetState(reader, state);
    return state;
  }

  /**
   * Records that an input could not be analysed, replacing an earlier failure of the same input.
   * The record disappears when the input is later {@link #put} successfully.
   */
  public synchronized void recordFailure(Outcome.Failed failed) {
    String inputId = Objects.requireNonNull(failed.inputId(), "a failure needs the input's id");
    org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
    doc.add(new StringField(TYPE, FAILURE, Field.Store.NO));
    doc.add(new StringField(FAILED_INPUT, inputId, Field.Store.YES));
    addStored(doc, ORIGIN, failed.origin());
    addStored(doc, STAGE, failed.stage());
    addStored(doc, REASON, failed.reason());
    try {
      writer.updateDocument(new Term(FAILED_INPUT, inputId), doc);
    } catch (IOException e) {
      throw failure("record the failure of " + inputId, e);
    }
    afterWrite();
  }

  /** The inputs that failed and have not succeeded since, ordered by input id. */
  public List<Outcome.Failed> failures() {
    return withSearcher(
        s -> {
          Query query = new TermQuery(new Term(TYPE, FAILURE));
          TopDocs top = s.search(query, Math.max(1, s.count(query)));
          StoredFields stored = s.storedFields();
          List<Outcome.Failed> failures = new ArrayList<>();
          for (ScoreDoc hit : top.scoreDocs) {
            org.apache.lucene.document.Document doc = stored.document(hit.doc);
            failures.add(
                new Outcome.Failed(
                    doc.get(FAILED_INPUT), doc.get(ORIGIN), doc.get(STAGE), doc.get(REASON)));
          }
          failures.sort(Comparator.comparing(Outcome.Failed::inputId));
          return List.copyOf(failures);
        });
  }

  /** Stores the result of a corpus-level analysis under {@code name}, replacing an earlier one. */
  public synchronized void putCorpusResult(String name, JsonNode value) {
    org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
    doc.add(new StringField(TYPE, CORPUS, Field.Store.NO));
    doc.add(new StringField(CORPUS_NAME, name, Field.Store.YES));
    try {
      doc.add(new StoredField(JSON, Json.MAPPER.writeValueAsString(value)));
      writer.updateDocument(new Term(CORPUS_NAME, name), doc);
    } catch (IOException e) {
      throw failure("store corpus result " + name, e);
    }
    afterWrite();
  }

  /** The corpus result stored under {@code name}. */
  public Optional<JsonNode> corpusResult(String name) {
    return withSearcher(
        s -> {
          TopDocs top = s.search(new TermQuery(new Term(CORPUS_NAME, name)), 1);
          if (top.scoreDocs.length == 0) {
            return Optional.empty();
          }
          String json = s.storedFields().document(top.scoreDocs[0].doc, Set.of(JSON)).get(JSON);
          try {
            return Optional.of(Json.MAPPER.readTree(json));
          } catch (JsonProcessingException e) {
            throw new IllegalStateException("corpus result " + name + " is damaged: " + e, e);
          }
        });
  }

  /** Makes every write so far durable: it survives a crash or a kill from now on. */
  public synchronized void commit() {
    Set<String> committing = Set.copyOf(uncommittedIds.keySet());
    long written = writes.get();
    try {
      writer.commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw failure("commit", e);
    }
    visibleWrites.accumulateAndGet(written, Math::max);
    // Only after the refresh: until then contains() relies on this set for these ids.
    uncommittedIds.keySet().removeAll(committing);
    writesSinceCommit = 0;
  }

  /** Commits and releases the workspace for other processes. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      commit();
    } finally {
      try {
        searchers.close();
        writer.close();
        directory.close();
      } catch (IOException e) {
        throw failure("close", e);
      }
    }
  }

  private void afterWrite() {
    writes.incrementAndGet();
    if (++writesSinceCommit >= commitEvery) {
      commit();
    }
  }

  /** A read that may fail with an {@link IOException}. */
  @FunctionalInterface
  private interface Read<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  private <T> T withSearcher(Read<T> read) {
    return withSearcher(read, true);
  }

  /**
   * Runs {@code read} on a searcher, first refreshing it when {@code fresh} and writes happened
   * since the last refresh, so reads see uncommitted writes without a refresh per write.
   */
  private <T> T withSearcher(Read<T> read, boolean fresh) {
    try {
      if (fresh) {
        long written = writes.get();
        if (written > visibleWrites.get()) {
          searchers.maybeRefreshBlocking();
          visibleWrites.accumulateAndGet(written, Math::max);
        }
      }
      IndexSearcher searcher = searchers.acquire();
      try {
        return read.apply(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw failure("read", e);
    }
  }

  private static void addStored(org.apache.lucene.document.Document doc, String field, String v) {
    if (v != null) {
      doc.add(new StoredField(field, v));
    }
  }

  private static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(ENTITY, true);
    return config;
  }

  private UncheckedIOException failure(String action, IOException e) {
    return new UncheckedIOException(
        "workspace " + dir + ": cannot " + action + ": " + e.getMessage(), e);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception ignored) {
      // Already failing with a better message; the close error would only hide it.
    }
  }

  @Override
  public String toString() {
    return "Workspace[" + dir + "]";
  }
}
