package org.parallax.corpus.dedup;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a text as written and in the folded form that copies are compared on: NFKC
 * normalised (so full-width and ligature forms meet their plain forms) and lower-cased without a
 * locale. Punctuation and spacing are not words, so a copy that only re-punctuates is identical.
 */
record WordTokens(String[] surface, String[] folded) {

  private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

  static WordTokens of(String text) {
    if (text == null || text.isEmpty()) {
      return new WordTokens(new String[0], new String[0]);
    }
    String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC);
    List<String> surface = new ArrayList<>();
    List<String> folded = new ArrayList<>();
    Matcher matcher = WORD.matcher(normalised);
    while (matcher.find()) {
      String word = matcher.group();
      surface.add(word);
      folded.add(word.toLowerCase(Locale.ROOT));
    }
    return new WordTokens(surface.toArray(String[]::new), folded.toArray(String[]::new));
  }

  int size() {
    return folded.length;
  }
}
