package org.parallax.corpus.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WordDiffTest {

  @Test
  void reportsInsertDeleteAndReplaceAtOriginalWordIndices() {
    WordTokens original = WordTokens.of("The old bridge over the river closed on Monday.");
    WordTokens copy = WordTokens.of("The new bridge over the wide river closed.");

    WordDiff.Result diff = WordDiff.diff(original, copy, 100, 100);

    assertThat(diff.edits())
        .containsExactly(
            new WordEdit("replace", "old", "new", 1),
            new WordEdit("insert", "", "wide", 5),
            new WordEdit("delete", "on Monday", "", 7));
    assertThat(diff.omitted()).isZero();
  }

  @Test
  void caseAndPunctuationAreNotEdits() {
    WordTokens original = WordTokens.of("Harbour closed, the MAYOR said.");
    WordTokens copy = WordTokens.of("harbour closed — the mayor said!");

    assertThat(WordDiff.diff(original, copy, 100, 100).edits()).isEmpty();
  }

  @Test
  void applyingTheEditsToTheOriginalGivesTheCopy() {
    Random random = new Random(42);
    for (int round = 0; round < 200; round++) {
      String[] original = randomWords(random, random.nextInt(60));
      String[] copy = mutate(random, original);
      WordDiff.Result diff = WordDiff.diff(tokens(original), tokens(copy), 1000, Integer.MAX_VALUE);
      assertThat(apply(original, diff.edits())).containsExactly(copy);
    }
  }

  @Test
  void givesUpOnVeryDifferentTextsWithOneReplacement() {
    String[] original = randomWords(new Random(1), 400);
    String[] copy = randomWords(new Random(2), 400);

    WordDiff.Result diff = WordDiff.diff(tokens(original), tokens(copy), 10, 100);

    assertThat(diff.edits()).hasSize(1);
    assertThat(diff.edits().get(0).op()).isEqualTo("replace");
  }

  @Test
  void capsTheNumberOfListedEdits() {
    String[] original = new String[200];
    for (int i = 0; i < original.length; i++) {
      original[i] = "w" + i;
    }
    String[] copy = original.clone();
    for (int i = 0; i < copy.length; i += 4) {
      copy[i] = "changed";
    }
    WordDiff.Result diff = WordDiff.diff(tokens(original), tokens(copy), 1000, 5);

    assertThat(diff.edits()).hasSize(5);
    assertThat(diff.omitted()).isEqualTo(50 - 5);
  }

  private static WordTokens tokens(String[] words) {
    return WordTokens.of(String.join(" ", words));
  }

  private static String[] randomWords(Random random, int count) {
    String[] words = new String[count];
    for (int i = 0; i < count; i++) {
      words[i] = "w" + random.nextInt(8);
    }
    return words;
  }

  private static String[] mutate(Random random, String[] original) {
    List<String> words = new ArrayList<>(Arrays.asList(original));
    int changes = random.nextInt(8);
    for (int c = 0; c < changes; c++) {
      int at = words.isEmpty() ? 0 : random.nextInt(words.size());
      switch (random.nextInt(3)) {
        case 0 -> words.add(at, "x" + random.nextInt(5));
        case 1 -> {
          if (!words.isEmpty()) {
            words.remove(at);
          }
        }
        default -> {
          if (!words.isEmpty()) {
            words.set(at, "y" + random.nextInt(5));
          }
        }
      }
    }
    return words.toArray(String[]::new);
  }

  /** Applies edits (sorted by position, non-overlapping) to the original's words. */
  private static List<String> apply(String[] original, List<WordEdit> edits) {
    List<String> result = new ArrayList<>();
    int next = 0;
    for (WordEdit edit : edits) {
      while (next < edit.at()) {
        result.add(original[next++]);
      }
      next += count(edit.originalText());
      if (!edit.copyText().isEmpty()) {
        result.addAll(Arrays.asList(edit.copyText().split(" ")));
      }
    }
    while (next < original.length) {
      result.add(original[next++]);
    }
    return result;
  }

  private static int count(String text) {
    return text.isEmpty() ? 0 : text.split(" ").length;
  }
}
