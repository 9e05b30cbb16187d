package org.parallax.index.workspace;

/**
 * The names of the Lucene fields of a workspace, in one place so that writers, readers and facets
 * cannot drift apart.
 */
final class IndexFields {

  /** What a Lucene document holds: one of {@link #ARTICLE}, {@link #FAILURE}, {@link #CORPUS}. */
  static final String TYPE = "type";

  static final String ARTICLE = "article";
  static final String FAILURE = "failure";
  static final String CORPUS = "corpus";

  /** The article's document id; the update key of articles, also sortable. */
  static final String ID = "id";

  static final String INPUT_ID = "inputId";
  static final String URL = "url";
  static final String OUTLET = "outlet";
  static final String LANGUAGE = "language";
  static final String TITLE = "title";

  /** The clean text, indexed but not stored: the stored JSON holds it already. */
  static final String TEXT = "text";

  /** One value per distinct canonical entity name. */
  static final String ENTITY = "entity";

  /** Epoch day as a point for range queries, and the ISO-8601 string as stored. */
  static final String PUBLISHED = "published";

  /** The facet dimension of the publication month, {@code yyyy-MM}. */
  static final String PUBLISHED_MONTH = "published";

  /** The full stored document (articles) or corpus result (corpus entries) as JSON text. */
  static final String JSON = "json";

  /**
   * The order in which the workspace first stored an article (1, 2, ...; kept when it is stored
   * again): "first seen" for articles without a date. Absent on articles stored before it was kept.
   */
  static final String SEEN = "seen";

  /**
   * The update key of failures: the failed input's id. Separate from {@link #INPUT_ID} so that
   * deleting a failure never touches an article of the same input.
   */
  static final String FAILED_INPUT = "failedInput";

  static final String ORIGIN = "origin";
  static final String STAGE = "stage";
  static final String REASON = "reason";

  /** The update key of corpus results: the result's name. */
  static final String CORPUS_NAME = "corpusName";

  private IndexFields() {}
}
