package org.parallax.persuasion;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The technique catalogue: the 14 classes of SemEval-2020 Task 11 (technique classification on the
 * Propaganda Techniques Corpus) and the 23 techniques of SemEval-2023 Task 3 subtask 3, in the
 * order of the official class lists.
 *
 * <p>Both lists come from one resource file, {@code techniques.tsv}, read once. Ids shared by both
 * tasks (e.g. {@code Loaded_Language}) are one entry; ids that differ only in spelling (e.g. {@code
 * Flag-Waving} in 2020, {@code Flag_Waving} in 2023) are separate entries, because the label files
 * must be written back with each task's own spelling.
 */
public final class Techniques {

  private static final String RESOURCE = "techniques.tsv";

  private Techniques() {}

  /** The 14 SemEval-2020 Task 11 TC classes, in the order of the official names file. */
  public static List<Technique> ptc2020() {
    return Catalogue.PTC2020;
  }

  /** The 23 SemEval-2023 Task 3 subtask 3 techniques, in the order of the official list. */
  public static List<Technique> semeval2023() {
    return Catalogue.SEMEVAL2023;
  }

  /** Every technique of either task, each id once. */
  public static List<Technique> all() {
    return List.copyOf(Catalogue.BY_ID.values());
  }

  /** The technique with this id (exact, case-sensitive spelling), if catalogued. */
  public static Optional<Technique> find(String id) {
    return Optional.ofNullable(Catalogue.BY_ID.get(id));
  }

  /**
   * The technique with this id.
   *
   * @throws IllegalArgumentException when the id is not in the catalogue
   */
  public static Technique byId(String id) {
    Technique technique = Catalogue.BY_ID.get(id);
    if (technique == null) {
      throw new IllegalArgumentException(
          "unknown persuasion technique '" + id + "'; known: " + Catalogue.BY_ID.keySet());
    }
    return technique;
  }

  /** Loaded on first use; holder idiom so the file is parsed once and only when needed. */
  private static final class Catalogue {
    static final Map<String, Technique> BY_ID;
    static final List<Technique> PTC2020;
    static final List<Technique> SEMEVAL2023;

    static {
      Map<String, Technique> byId = new LinkedHashMap<>();
      Technique[] ptc = new Technique[14];
      Technique[] semeval = new Technique[23];
      try (InputStream in = Techniques.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + RESOURCE);
        }
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          lineNumber++;
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          String where = RESOURCE + ":" + lineNumber;
          String[] fields = line.split("\t", -1);
          if (fields.length != 6) {
            throw new IllegalStateException(where + ": expected 6 tab-separated fields");
          }
          Technique technique = new Technique(fields[0], fields[4], fields[5], fields[3]);
          if (byId.put(technique.id(), technique) != null) {
            throw new IllegalStateException(where + ": duplicate id " + technique.id());
          }
          place(ptc, fields[1], technique, where);
          place(semeval, fields[2], technique, where);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
      BY_ID = Collections.unmodifiableMap(byId);
      PTC2020 = complete(ptc, "SemEval-2020");
      SEMEVAL2023 = complete(semeval, "SemEval-2023");
    }

    private static void place(Technique[] list, String position, Technique technique, String at) {
      if (position.equals("-")) {
        return;
      }
      int index;
      try {
        index = Integer.parseInt(position) - 1;
      } catch (NumberFormatException e) {
        throw new IllegalStateException(at + ": bad position '" + position + "'", e);
      }
      if (index < 0 || index >= list.length || list[index] != null) {
        throw new IllegalStateException(
            at + ": position " + position + " is out of range or taken");
      }
      list[index] = technique;
    }

    private static List<Technique> complete(Technique[] list, String task) {
      if (Arrays.asList(list).contains(null)) {
        throw new IllegalStateException(RESOURCE + ": the " + task + " list has gaps");
      }
      return List.of(list);
    }
  }
}
