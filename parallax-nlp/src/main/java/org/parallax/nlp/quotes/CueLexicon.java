package org.parallax.nlp.quotes;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Words that introduce speech in English, German, French and Spanish, and the small word lists the
 * attribution rules need to find a speaker next to them.
 */
final class CueLexicon {

  /** How a cue relates speaker and content. */
  enum Role {
    /** A speech verb: the speaker comes before it ("X said"), or after in inversions. */
    VERB,
    /** "according to X": the speaker follows, the content is the rest of the sentence. */
    SOURCE,
    /** German postposed "…, so X.": only with a speaker that ends the sentence. */
    POSTPOSED
  }

  /** A cue found at a token: how many tokens it spans and its role. */
  record Match(int length, Role role, boolean clauseWithoutThat) {}

  // Verbs that take a clause without "that": "Trump said the US killed ...".
  private static final Set<String> SAY_VERBS =
      Set.of(
          "say",
          "says",
          "said",
          "tell",
          "tells",
          "told",
          "sagte",
          "sagt",
          "erklärte",
          "dijo",
          "afirmó",
          "declaró",
          "aseguró",
          "explicó");

  // Verbs that introduce speech only with a complementiser ("stated that") or a quote.
  private static final Set<String> THAT_VERBS =
      Set.of(
          "stated",
          "states",
          "claimed",
          "claims",
          "added",
          "adds",
          "announced",
          "announces",
          "declared",
          "declares",
          "warned",
          "warns",
          "insisted",
          "insists",
          "argued",
          "argues",
          "noted",
          "notes",
          "explained",
          "explains",
          "accused",
          "accuses",
          "admitted",
          "admits",
          "denied",
          "denies",
          "tweeted",
          "tweets",
          "posted",
          "posts",
          "asserted",
          "asserts",
          "stressed",
          "stresses",
          // "wrote a letter" is no speech; "wrote that …" and "“…,” she wrote" are
          "write",
          "writes",
          "wrote",
          "escribió",
          "añadió",
          "señaló",
          "schrieb",
          "betonte",
          "warnte",
          "behauptete",
          "erklärt");

  private static final List<List<String>> MULTI_WORD_VERBS =
      List.of(
          List.of("would", "claim"),
          List.of("a", "déclaré"),
          List.of("a", "affirmé"),
          List.of("a", "dit"),
          List.of("a", "indiqué"),
          List.of("a", "annoncé"),
          List.of("a", "souligné"),
          List.of("a", "estimé"),
          List.of("a", "écrit"),
          List.of("a", "ajouté"),
          List.of("a", "expliqué"),
          List.of("a", "répondu"));

  private static final Set<String> SOURCE_WORDS = Set.of("laut", "selon", "según");

  /**
   * Heads of "according to" phrases that name a text or evidence, not someone who speaks:
   * "according to available data" attributes nothing to anyone.
   */
  static final Set<String> EVIDENCE_NOUNS =
      Set.of(
          "data",
          "figures",
          "estimates",
          "estimate",
          "statistics",
          "information",
          "reports",
          "report",
          "study",
          "studies",
          "survey",
          "surveys",
          "poll",
          "polls",
          "research",
          "analysis",
          "records",
          "documents",
          "document",
          "calculations",
          "projections",
          "evidence",
          "findings");

  /**
   * Heads of "according to" phrases that stand for something a speaker said earlier: "according to
   * the same statement" is the statement's author, whom the text has already named.
   */
  static final Set<String> STATEMENT_NOUNS =
      Set.of("statement", "statements", "remarks", "comments", "speech", "interview", "letter");

  /** Determiners that make "the statement" refer back to one the text has already mentioned. */
  static final Set<String> ANAPHORIC_DETERMINERS =
      Set.of("the", "that", "this", "same", "his", "her", "its", "their");

  /**
   * Words that tie a name to what follows it as a complement, not an apposition: "Petra Lindqvist
   * of the Halden Institute", "the lawyer of Ana Berg", "Petra Lindqvist vom Halden-Institut".
   */
  static final Set<String> COMPLEMENT_PREPOSITIONS =
      Set.of(
          "of", "from", "at", "for", "von", "vom", "bei", "beim", "de", "du", "des", "d'", "del",
          "di", "della", "da", "do", "dos", "das");

  /**
   * Days and days-relative words that may follow a speaker's name: "Reiner mardi", "Berg on
   * Monday".
   */
  static final Set<String> TIME_WORDS =
      Set.of(
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "today",
          "yesterday",
          "on",
          "lundi",
          "mardi",
          "mercredi",
          "jeudi",
          "vendredi",
          "samedi",
          "dimanche",
          "hier",
          "montag",
          "dienstag",
          "mittwoch",
          "donnerstag",
          "freitag",
          "samstag",
          "sonntag",
          "gestern",
          "heute",
          "lunes",
          "martes",
          "miércoles",
          "jueves",
          "viernes",
          "sábado",
          "domingo",
          "ayer",
          "hoy");

  /** Prepositions that open an adjunct between a cue and its complementiser. */
  static final Set<String> ADJUNCT_PREPOSITIONS =
      Set.of(
          "on",
          "in",
          "at",
          "during",
          "after",
          "en",
          "sur",
          "dans",
          "lors",
          "après",
          "auf",
          "im",
          "am",
          "bei",
          "nach",
          "durante",
          "tras",
          "por",
          "to",
          "aux",
          "à",
          "gegenüber");

  /** Words that open a time adjunct: "stated last month that", "said earlier this week that". */
  static final Set<String> TIME_ADJUNCTS = Set.of("last", "earlier", "this", "late", "early");

  /** A noun phrase after one of these before a cue is a participle's object, not a speaker. */
  static final Set<String> PARTICIPLE_PREPOSITIONS = Set.of("in", "on", "at", "by", "from", "with");

  static final Set<String> COMPLEMENTISERS = Set.of("that", "dass", "que");

  static final Set<String> PRONOUNS =
      Set.of("he", "she", "they", "it", "il", "elle", "ils", "elles", "er", "sie", "él", "ella");

  /** Pronouns that stand for a person: "il" and "er" may be things too, but speak as people. */
  static final Set<String> PERSON_PRONOUNS = Set.of("he", "she", "il", "elle", "er", "él", "ella");

  static final Set<String> DETERMINERS =
      Set.of(
          "the", "a", "an", "his", "her", "its", "their", "our", "this", "these", "those", "der",
          "die", "das", "le", "la", "les", "el", "los", "las");

  /** Words a speaker and its cue may have between them: "Trump also said", "has said". */
  static final Set<String> BETWEEN_SPEAKER_AND_CUE =
      Set.of(
          "also",
          "later",
          "then",
          "reportedly",
          "previously",
          "once",
          "further",
          "again",
          "recently",
          "repeatedly",
          "earlier",
          "publicly",
          "officially",
          "has",
          "have",
          "had",
          "himself",
          "herself",
          "itself",
          "themselves");

  /** Words that end a speaker noun phrase; "of" is not among them ("department of defense"). */
  static final Set<String> NOT_IN_SPEAKER =
      Set.of(
          "and",
          "or",
          "but",
          "nor",
          "that",
          "which",
          "who",
          "whom",
          "whose",
          "what",
          "when",
          "where",
          "while",
          "as",
          "if",
          "because",
          "since",
          "after",
          "before",
          "although",
          "though",
          "in",
          "on",
          "at",
          "by",
          "for",
          "with",
          "from",
          "to",
          "into",
          "onto",
          "about",
          "against",
          "during",
          "over",
          "under",
          "between",
          "through",
          "without",
          "than",
          "is",
          "are",
          "was",
          "were",
          "be",
          "been",
          "being",
          "has",
          "have",
          "had",
          "do",
          "does",
          "did",
          "will",
          "would",
          "could",
          "should",
          "may",
          "might",
          "must",
          "can",
          "not",
          "also",
          "later",
          "then",
          "reportedly",
          "so",
          "i",
          "we",
          "you",
          "me",
          "us",
          "him",
          "them",
          "it",
          "he",
          "she",
          "they",
          "there",
          "here",
          "this",
          "following",
          "according",
          "however",
          "meanwhile",
          "yet",
          "just",
          "only",
          "even",
          "still",
          "now",
          "never",
          "always");

  /** Who a speaker "told": skipped before the reported clause. */
  static final Set<String> AUDIENCES =
      Set.of(
          "reporters",
          "journalists",
          "press",
          "media",
          "lawmakers",
          "parliament",
          "supporters",
          "me",
          "us",
          "him",
          "her",
          "them",
          "state",
          "television",
          "tv",
          "news",
          "conference",
          "agency",
          "radio");

  private CueLexicon() {}

  /** The cue starting at token {@code i} of the lower-cased words, or null. */
  static Match at(List<String> lower, int i) {
    String word = lower.get(i);
    if (i + 1 < lower.size() && word.equals("according") && lower.get(i + 1).equals("to")) {
      return new Match(2, Role.SOURCE, false);
    }
    if (SOURCE_WORDS.contains(word)) {
      return new Match(1, Role.SOURCE, false);
    }
    if (word.equals("so")) {
      return new Match(1, Role.POSTPOSED, false);
    }
    for (List<String> cue : MULTI_WORD_VERBS) {
      if (i + cue.size() <= lower.size() && lower.subList(i, i + cue.size()).equals(cue)) {
        return new Match(cue.size(), Role.VERB, !cue.get(0).equals("would"));
      }
    }
    if (SAY_VERBS.contains(word)) {
      return new Match(1, Role.VERB, true);
    }
    if (THAT_VERBS.contains(word)) {
      return new Match(1, Role.VERB, false);
    }
    return null;
  }

  static boolean isTell(String lower) {
    return lower.equals("told") || lower.equals("tells") || lower.equals("tell");
  }

  static String lower(String word) {
    return word.toLowerCase(Locale.ROOT);
  }
}
