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
 * apart when several clusters do (two people sharing a surname); a name opened by an article ("La
 * Chine") joins the same name without it when there is one; (3) short names left without a longer
 * name merge with their spelling variants. The canonical form is the heaviest form, a multi-word
 * form preferred for persons; ties go to a form not in capitals, then alphabetically.
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

    // (1b) a capitalised article that opens a sentence is no part of a name the same referent has
    // without it ("La Chine" and "Chine"); "Los Angeles" or "Le Pen" have no such form to join
    Map<List<String>, Integer> byWords = new HashMap<>();
    for (int i = 0; i < n; i++) {
      byWords.putIfAbsent(folded.get(i), i);
    }
    for (int i = 0; i < n; i++) {
      List<String> words = folded.get(i);
      // one-letter articles ("a", "o", "i") are left alone: they read as initials ("A. Smith")
      if (words.size() > 1 && words.get(0).length() > 1 && NameForms.isArticle(words.get(0))) {
        Integer rest = byWords.get(words.subList(1, words.size()));
        if (rest != null) {
          union(parent, i, rest);
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

    List<Form> weighed = person ? withFrontsGivenAway(sorted, folded, parent) : sorted;
    Map<Integer, Form> best = new HashMap<>();
    for (int i = 0; i < n; i++) {
      int root = find(parent, i);
      Form candidate = weighed.get(i);
      if (candidate == null) {
        continue;
      }
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

  /**
   * Person forms with a front before a full name the cluster also has alone ("Francji Elisabeth
   * Borne", "Premier Elisabeth Borne" and "Elisabeth Borne") give their weight to that name and are
   * no candidates for the canonical form (null): a first and last name is the whole name, and what
   * a model in another language glues before it is a title, a role or a country ("Francji" is
   * Polish for "of France"). Middle names sit between first and last name, so they are never such a
   * front; the name given the weight is the shortest one of two words or more, and starts with a
   * capital ("bin Salman" takes nothing from "Mohammed bin Salman").
   */
  private static List<Form> withFrontsGivenAway(
      List<Form> forms, List<List<String>> folded, int[] parent) {
    int n = forms.size();
    Map<Integer, List<Integer>> members = new HashMap<>();
    for (int i = 0; i < n; i++) {
      if (folded.get(i).size() > 1) {
        members.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
      }
    }
    long[] primary = new long[n];
    long[] secondary = new long[n];
    boolean[] fronted = new boolean[n];
    for (int i = 0; i < n; i++) {
      primary[i] = forms.get(i).primary();
      secondary[i] = forms.get(i).secondary();
    }
    for (List<Integer> cluster : members.values()) {
      for (int i : cluster) {
        int core = -1;
        for (int j : cluster) {
          int size = folded.get(j).size();
          if (size < folded.get(i).size()
              && (core < 0 || size < folded.get(core).size())
              && Character.isUpperCase(forms.get(j).display().codePointAt(0))
              && endsWith(folded.get(i), folded.get(j))) {
            core = j;
          }
        }
        if (core >= 0) {
          fronted[i] = true;
          primary[core] += forms.get(i).primary();
          secondary[core] += forms.get(i).secondary();
        }
      }
    }
    List<Form> result = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Form form = forms.get(i);
      result.add(fronted[i] ? null : new Form(form.display(), primary[i], secondary[i]));
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
    // in a cluster that holds "La Chine" and "Chine", the name is "Chine"
    boolean candidateArticle = opensWithArticle(candidate.display());
    if (candidateArticle != opensWithArticle(current.display())) {
      return !candidateArticle;
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

  private static boolean opensWithArticle(String display) {
    int space = display.indexOf(' ');
    return space > 1 && NameForms.isArticle(display.substring(0, space));
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
