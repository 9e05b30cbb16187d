package org.parallax.nlp.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.parallax.core.model.Span;
import org.parallax.corpus.article.FunctionWords;

/**
 * Cleans the names that the English model finds in Latin-script text of a language it was not
 * trained on and that has no model of its own (Italian, Polish, Portuguese, Dutch, Turkish, ...).
 * There it takes a sentence's capitalised first word for a name ("Sono", "Nie", "Zaznaczył") and
 * runs names into the words around them ("Pechino di", "missione Pelosi che", "Paola Turci contro
 * Pillon").
 *
 * <p>Rules: a mention is cut at every word that starts in lower case, unless it is a particle of
 * names ("di", "van", "al", ...) inside it; a piece of one word is dropped when it is a function
 * word of the language, or when it starts a sentence and the document never writes it with a
 * capital inside a sentence; a piece of several words loses a first word that starts a sentence and
 * is a function word or a one-letter preposition ("La Cina", "Gli Stati Uniti", "W Rosji"); and
 * after the whole document is read, a person's name loses a front that the document names alone
 * ({@link #splitKnownPrefixes}).
 */
final class ForeignMentions {

  /** Lower-case particles that belong inside names (never at their edges). */
  static final Set<String> PARTICLES =
      Set.of(
          "de", "di", "da", "do", "dos", "das", "del", "della", "van", "von", "der", "den", "ter",
          "la", "le", "du", "al", "el", "bin", "ibn", "abu");

  private ForeignMentions() {}

  /**
   * The cleaned pieces of {@code mention}.
   *
   * @param text the document text
   * @param sentenceStart whether a sentence (or a paragraph) starts at an offset
   * @param capitalisedInside the words the document writes with a capital inside a sentence
   * @param language the paragraph's language, whose function words are no names
   */
  static List<MentionCanonicalizer.Mention> clean(
      MentionCanonicalizer.Mention mention,
      String text,
      java.util.function.IntPredicate sentenceStart,
      Set<String> capitalisedInside,
      String language) {
    List<Span> words = words(text, mention.span());
    List<MentionCanonicalizer.Mention> pieces = new ArrayList<>();
    int from = 0;
    for (int i = 0; i <= words.size(); i++) {
      boolean nameWord =
          i < words.size()
              && hasLetterOrDigit(text, words.get(i))
              && (capitalised(text, words.get(i)) || particle(text, words.get(i)));
      // a name goes on over its words, but not into a new sentence ("Putin. Putin")
      boolean newSentence = nameWord && i > from && sentenceStart.test(words.get(i).begin());
      if (nameWord && !newSentence) {
        continue;
      }
      piece(
          words.subList(from, i),
          mention.type(),
          text,
          sentenceStart,
          capitalisedInside,
          language,
          pieces);
      from = newSentence ? i : i + 1;
    }
    return pieces;
  }

  private static void piece(
      List<Span> words,
      String type,
      String text,
      java.util.function.IntPredicate sentenceStart,
      Set<String> capitalisedInside,
      String language,
      List<MentionCanonicalizer.Mention> out) {
    int first = 0;
    int last = words.size() - 1;
    while (first <= last && !capitalised(text, words.get(first))) {
      first++; // a particle cannot begin a name
    }
    while (last >= first && !capitalised(text, words.get(last))) {
      last--; // nor end one
    }
    if (first > last) {
      return;
    }
    Span head = words.get(first);
    String headWord = head.of(text);
    if (first < last
        && sentenceStart.test(head.begin())
        && (FunctionWords.contains(language, headWord.toLowerCase(Locale.ROOT))
            || (headWord.length() == 1 && !initial(text, head)))) {
      first++;
      head = words.get(first);
      headWord = head.of(text);
    }
    if (first == last
        && (FunctionWords.contains(language, headWord.toLowerCase(Locale.ROOT))
            || (sentenceStart.test(head.begin()) && !capitalisedInside.contains(headWord)))) {
      return;
    }
    Span span = new Span(head.begin(), words.get(last).end());
    out.add(new MentionCanonicalizer.Mention(span, type, span.of(text)));
  }

  /**
   * The mentions of one document with a name the document also gives alone split off the front of a
   * person's name: the English model reads "premier Francji Elisabeth Borne" or "ministro della
   * Difesa Nobuo Kishi" as one name, but where "Francji" or "Difesa" is a mention of its own
   * elsewhere in the document, "Elisabeth Borne" and "Nobuo Kishi" are names by themselves. The
   * rest must keep two words at least, starting with a capital; only a person's name is split,
   * since organisations are often named after a place ("Tampa Bay Rays" stays whole where "Tampa"
   * is found alone).
   */
  static List<MentionCanonicalizer.Mention> splitKnownPrefixes(
      List<MentionCanonicalizer.Mention> mentions, String text) {
    java.util.Map<String, String> typeOf = new java.util.HashMap<>();
    for (MentionCanonicalizer.Mention mention : mentions) {
      typeOf.putIfAbsent(mention.text(), mention.type());
    }
    List<MentionCanonicalizer.Mention> out = new ArrayList<>();
    for (MentionCanonicalizer.Mention mention : mentions) {
      List<Span> words = words(text, mention.span());
      if (!"PERSON".equals(mention.type())) {
        out.add(mention); // "Tampa Bay Rays" is a team where "Tampa" is found alone
        continue;
      }
      int cut = -1;
      // the longest prefix that is a mention by itself, leaving two words or more
      for (int k = words.size() - 2; k >= 1 && cut < 0; k--) {
        String prefix = text.substring(words.get(0).begin(), words.get(k - 1).end());
        if (typeOf.containsKey(prefix) && capitalised(text, words.get(k))) {
          cut = k;
        }
      }
      if (cut < 0) {
        out.add(mention);
        continue;
      }
      Span front = new Span(words.get(0).begin(), words.get(cut - 1).end());
      Span rest = new Span(words.get(cut).begin(), mention.span().end());
      out.add(new MentionCanonicalizer.Mention(front, typeOf.get(front.of(text)), front.of(text)));
      out.add(new MentionCanonicalizer.Mention(rest, mention.type(), rest.of(text)));
    }
    return out;
  }

  /**
   * The word without quotation marks, brackets and punctuation at its edges; a full stop stays
   * where the word has another ("U.S.").
   */
  private static Span trimmed(String text, Span span) {
    int begin = span.begin();
    int end = span.end();
    while (begin < end && EDGE_PUNCTUATION.indexOf(text.charAt(begin)) >= 0) {
      begin++;
    }
    while (end > begin && EDGE_PUNCTUATION.indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    if (end > begin && text.charAt(end - 1) == '.') {
      int wordStart = end - 1;
      while (wordStart > begin && !space(text.charAt(wordStart - 1))) {
        wordStart--;
      }
      if (text.substring(wordStart, end - 1).indexOf('.') < 0) {
        end--;
      }
    }
    return new Span(begin, end);
  }

  private static final String EDGE_PUNCTUATION = ",;:!?»«\"“”„'‘’()[]";

  /**
   * The words of {@code span}, separated by white space (no-break spaces included), without the
   * punctuation at their edges.
   */
  private static List<Span> words(String text, Span span) {
    List<Span> words = new ArrayList<>();
    int i = span.begin();
    while (i < span.end()) {
      while (i < span.end() && space(text.charAt(i))) {
        i++;
      }
      int begin = i;
      while (i < span.end() && !space(text.charAt(i))) {
        i++;
      }
      if (i > begin) {
        words.add(trimmed(text, new Span(begin, i)));
      }
    }
    return words;
  }

  /** Whether the word's first letter is a capital (or it has no letters: "3M", "G7" keep). */
  private static boolean capitalised(String text, Span word) {
    for (int i = word.begin(); i < word.end(); i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        return !Character.isLowerCase(c);
      }
    }
    return true;
  }

  /** Whether a one-letter word is an initial ("J. Smith"), not a preposition ("W Rosji"). */
  private static boolean initial(String text, Span word) {
    return word.end() < text.length() && text.charAt(word.end()) == '.';
  }

  private static boolean space(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private static boolean hasLetterOrDigit(String text, Span word) {
    for (int i = word.begin(); i < word.end(); i++) {
      if (Character.isLetterOrDigit(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean particle(String text, Span word) {
    return PARTICLES.contains(word.of(text));
  }
}
