package org.parallax.corpus.names;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Groups the written forms of names of one type into clusters of one referent and picks each
 * cluster's canonical form.
 *
 * <p>Rules, in order: (1) multi-word person names merge when every word is a spelling variant of
 * the other's (same length) or, for lengths that differ, when first and last words are; other types
 * merge when they have the same words, at most one of them a spelling variant; (2) a shorter person
 * name ("Soleimani", "Abdel Mahdi") joins the one cluster whose longer names end with it, and stays
 * apart when several clusters do (two people sharing a surname); (3) short names left without a
 * longer name merge with their spelling variants. The canonical form is the heaviest form, a
 * multi-word form preferred for persons; ties go to a form not in capitals, then alphabetically.
 */
public final class NameClusters {

  /**
   * One distinct written form with its weight.
   *
   * @param display the form as it should be shown (see {@link NameForms#display})
   * @param primary the main weight (mentions in a document, documents in a corpus)
   * @param secondary the tie-breaking weight (mentions in a corpus)
   */
  public record Form(String display, long primary, long secondary) {}

  private NameClusters() {}

  /** The canonical form for each form's display string; forms are of {@code type}. */
  public static Map<String, String> canonical(String type, List<Form> forms) {
    List<Form> sorted = new ArrayList<>(forms);
    sorted.sort(Comparator.comparing(Form::display));
    int n = sorted.size();
    List<List<String>> folded = new ArrayList<>(n);
    for (Form form : sorted) {
      List<String> keys = new ArrayList<>();
      for (String word : NameForms.words(type, form.display())) {
        String key = NameForms.fold(word);
        if (!key.isEmpty()) {
          keys.add(key);
        }
      }
      folded.add(List.copyOf(keys));
    }
    boolean person = NameForms.PERSON.equals(type);
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }

    // (1) full names; blocked by the first letters of first and last word (similar() needs both)
    Map<String, List<Integer>> blocks = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      List<String> words = folded.get(i);
      if (!words.isEmpty() && (words.size() > 1 || !person)) {
        String block = words.get(0).charAt(0) + "|" + words.get(words.size() - 1).charAt(0);
        blocks.computeIfAbsent(block, k -> new ArrayList<>()).add(i);
      }
    }
    for (List<Integer> block : blocks.values()) {
      for (int a = 0; a < block.size(); a++) {
        for (int b = a + 1; b < block.size(); b++) {
          int i = block.get(a);
          int j = block.get(b);
          if (person
              ? samePerson(folded.get(i), folded.get(j))
              : sameThing(folded.get(i), folded.get(j))) {
            union(parent, i, j);
          }
        }
      }
    }

    if (person) {
      // (2) short forms join the unique cluster of longer names ending with them; longest first
      Map<Character, List<Integer>> byLastInitial = new HashMap<>();
      for (int i = 0; i < n; i++) {
        List<String> words = folded.get(i);
        if (words.size() > 1) {
          byLastInitial
              .computeIfAbsent(words.get(words.size() - 1).charAt(0), k -> new ArrayList<>())
              .add(i);
        }
      }
      List<Integer> shortestLast = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (!folded.get(i).isEmpty()) {
          shortestLast.add(i);
        }
      }
      shortestLast.sort(
          Comparator.comparing((Integer i) -> -folded.get(i).size()).thenComparing(i -> i));
      Set<Integer> ambiguous = new HashSet<>();
      for (int i : shortestLast) {
        List<String> words = folded.get(i);
        Set<Integer> clusters = new HashSet<>();
        for (int j : byLastInitial.getOrDefault(words.get(words.size() - 1).charAt(0), List.of())) {
          if (folded.get(j).size() > words.size() && endsWith(folded.get(j), words)) {
            clusters.add(find(parent, j));
          }
        }
        clusters.remove(find(parent, i));
        if (clusters.size() == 1) {
          union(parent, i, clusters.iterator().next());
        } else if (clusters.size() > 1) {
          ambiguous.add(i);
        }
      }
      // (3) one-word forms still alone merge with their variants ("Soleimani", "Suleimani")
      Set<Integer> rootsWithLongForm = new HashSet<>();
      for (int i = 0; i < n; i++) {
        if (folded.get(i).size() > 1) {
          rootsWithLongForm.add(find(parent, i));
        }
      }
      Map<Character, List<Integer>> alone = new TreeMap<>();
      for (int i = 0; i < n; i++) {
        if (folded.get(i).size() == 1
            && !ambiguous.contains(i)
            && !rootsWithLongForm.contains(find(parent, i))) {
          alone.computeIfAbsent(folded.get(i).get(0).charAt(0), k -> new ArrayList<>()).add(i);
        }
      }
      for (List<Integer> group : alone.values()) {
        for (int a = 0; a < group.size(); a++) {
          for (int b = a + 1; b < group.size(); b++) {
            int i = group.get(a);
            int j = group.get(b);
            if (NameForms.similar(folded.get(i).get(0), folded.get(j).get(0))) {
              union(parent, i, j);
            }
          }
        }
      }
    }

    Map<Integer, Form> best = new HashMap<>();
    for (int i = 0; i < n; i++) {
      int root = find(parent, i);
      Form candidate = sorted.get(i);
      Form current = best.get(root);
      if (current == null || better(type, candidate, current)) {
        best.put(root, candidate);
      }
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      result.put(sorted.get(i).display(), best.get(find(parent, i)).display());
    }
    return result;
  }

  private static boolean samePerson(List<String> a, List<String> b) {
    if (a.size() == b.size()) {
      for (int k = 0; k < a.size(); k++) {
        if (!NameForms.similar(a.get(k), b.get(k))) {
          return false;
        }
      }
      return true;
    }
    // "Donald J Trump" and "Donald Trump": middle names may be left out
    return NameForms.similar(a.get(0), b.get(0))
        && NameForms.similar(a.get(a.size() - 1), b.get(b.size() - 1));
  }

  private static boolean sameThing(List<String> a, List<String> b) {
    if (a.size() != b.size()) {
      return false;
    }
    int variants = 0;
    for (int k = 0; k < a.size(); k++) {
      if (!a.get(k).equals(b.get(k))) {
        if (!NameForms.similar(a.get(k), b.get(k))) {
          return false;
        }
        variants++;
      }
    }
    // one-word places and organisations must match exactly: "Iran" is not a variant of "Iraq"
    return variants == 0 || (variants == 1 && a.size() > 1);
  }

  private static boolean endsWith(List<String> longer, List<String> shorter) {
    int offset = longer.size() - shorter.size();
    for (int k = 0; k < shorter.size(); k++) {
      if (!NameForms.similar(longer.get(offset + k), shorter.get(k))) {
        return false;
      }
    }
    return true;
  }

  private static boolean better(String type, Form candidate, Form current) {
    if (NameForms.PERSON.equals(type)) {
      boolean candidateFull = candidate.display().contains(" ");
      boolean currentFull = current.display().contains(" ");
      if (candidateFull != currentFull) {
        return candidateFull;
      }
    }
    if (candidate.primary() != current.primary()) {
      return candidate.primary() > current.primary();
    }
    if (candidate.secondary() != current.secondary()) {
      return candidate.secondary() > current.secondary();
    }
    boolean candidateShouts = isUpperCase(candidate.display());
    if (candidateShouts != isUpperCase(current.display())) {
      return !candidateShouts;
    }
    return candidate.display().compareTo(current.display()) < 0;
  }

  private static boolean isUpperCase(String s) {
    return s.chars().anyMatch(Character::isLetter)
        && s.chars().filter(Character::isLetter).noneMatch(Character::isLowerCase);
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int i, int j) {
    int a = find(parent, i);
    int b = find(parent, j);
    if (a != b) {
      parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
}
