package org.parallax.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code duplicates.html}: each group of copies with its original and, for each copy, what it
 * changed as a word diff over the original's text.
 */
final class DuplicatesPage {

  /** Unchanged words shown on each side of a change; longer unchanged runs are folded. */
  static final int CONTEXT = 12;

  /** Longest removed or added run shown in full; a diff that gave up may replace a whole text. */
  private static final int LONGEST_RUN = 80;

  /** The dedup stage's words: NFKC, then runs of Unicode word characters, as written. */
  private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

  private record Edit(String op, String[] removed, String[] added, int at) {}

  private DuplicatesPage() {}

  /**
   * An original's text as the dedup stage reads it (NFKC), with where each of its words stands, so
   * the diff can show the punctuation between words although edits count words only.
   */
  record OriginalText(String text, int[] starts, int[] ends, String[] words) {

    static OriginalText of(String raw) {
      String text = Normalizer.normalize(raw, Normalizer.Form.NFKC);
      List<int[]> spans = new ArrayList<>();
      Matcher matcher = WORD.matcher(text);
      while (matcher.find()) {
        spans.add(new int[] {matcher.start(), matcher.end()});
      }
      int[] starts = new int[spans.size()];
      int[] ends = new int[spans.size()];
      String[] words = new String[spans.size()];
      for (int i = 0; i < spans.size(); i++) {
        starts[i] = spans.get(i)[0];
        ends[i] = spans.get(i)[1];
        words[i] = text.substring(starts[i], ends[i]);
      }
      return new OriginalText(text, starts, ends, words);
    }

    /** Word {@code i} escaped, after the punctuation and space that precede it. */
    void append(StringBuilder out, int i, boolean withGap) {
      if (withGap && i > 0) {
        out.append(Html.escape(text.substring(ends[i - 1], starts[i]).replaceAll("\\s+", " ")));
      }
      out.append(Html.escape(words[i]));
    }
  }

  static String render(
      CorpusIndex corpus,
      Map<String, ArticleRef> articles,
      Map<String, OriginalText> originals,
      String css) {
    StringBuilder out = new StringBuilder(1 << 16);
    Html.pageStart(out, "Duplicates · Parallax report", "en", css, false);
    Html.navigation(out, "", corpus);
    out.append("<main class=\"overview\">\n<h1>Duplicate groups <span class=\"count\">")
        .append(corpus.groups().size())
        .append("</span></h1>\n<p class=\"note\">Articles that are copies of one another: full")
        .append(" cross-posts, wire copies and light rewrites. The earliest known copy is taken")
        .append(" as the original; each other copy shows the words it changed, ")
        .append("<del>removed</del> and <ins>added</ins>, over the original's words")
        .append(" (punctuation is not compared).</p>\n");
    for (JsonNode group : corpus.groups()) {
      group(out, group, articles, originals);
    }
    out.append("</main>\n</body>\n</html>\n");
    return out.toString();
  }

  private static void group(
      StringBuilder out,
      JsonNode group,
      Map<String, ArticleRef> articles,
      Map<String, OriginalText> originals) {
    String originalId = CorpusIndex.text(group, "original");
    JsonNode members = group.path("members");
    out.append("<section class=\"dup-group\" id=\"")
        .append(Html.escape(CorpusIndex.groupAnchor(group)))
        .append("\">\n<h2>");
    Html.articleLink(out, articles.get(originalId), originalId, "", null);
    out.append(" <span class=\"count\">")
        .append(Math.max(0, members.size() - 1))
        .append(members.size() == 2 ? " copy" : " copies")
        .append("</span></h2>\n<p class=\"original\"><span class=\"badge\">original</span> ");
    JsonNode original = null;
    for (JsonNode member : members) {
      if (originalId != null && originalId.equals(CorpusIndex.text(member, "id"))) {
        original = member;
      }
    }
    byline(out, original);
    out.append(
            "input-order".equals(CorpusIndex.text(group, "originalBy"))
                ? " · no member is dated: the first one read is taken as the original"
                : " · the earliest dated member")
        .append("</p>\n");
    for (JsonNode member : members) {
      String id = CorpusIndex.text(member, "id");
      if (id == null || id.equals(originalId)) {
        continue;
      }
      out.append("<div class=\"copy\">\n<h3><span class=\"badge\">copy</span> ");
      Html.articleLink(out, articles.get(id), id, "", null);
      out.append("</h3>\n<p class=\"byline\">");
      byline(out, member);
      out.append(" · similarity <strong>")
          .append(CorpusIndex.percent(CorpusIndex.number(member, "similarity")))
          .append("</strong> · containment ")
          .append(CorpusIndex.percent(CorpusIndex.number(member, "containment")))
          .append("</p>\n");
      out.append(diff(originals.get(originalId), member.path("edits")));
      int omitted = member.path("editsOmitted").asInt(0);
      if (omitted > 0) {
        out.append("<p class=\"note\">")
            .append(omitted)
            .append(" more changes are not listed.</p>\n");
      }
      out.append("</div>\n");
    }
    out.append("</section>\n");
  }

  private static void byline(StringBuilder out, JsonNode member) {
    String outlet = CorpusIndex.text(member, "outlet");
    String published = CorpusIndex.text(member, "published");
    out.append("<span class=\"outlet-name\" dir=\"auto\">")
        .append(Html.escape(outlet == null ? "unknown outlet" : outlet))
        .append("</span>, ")
        .append(published == null ? "undated" : "<time>" + Html.escape(published) + "</time>");
  }

  /**
   * The copy's changes over the original's words, unchanged runs folded to their edges; when the
   * original's words are not known or do not match the edits, the edits alone as a list.
   */
  static String diff(OriginalText original, JsonNode editNodes) {
    List<Edit> edits = new ArrayList<>();
    for (JsonNode node : editNodes) {
      edits.add(
          new Edit(
              String.valueOf(CorpusIndex.text(node, "op")),
              split(CorpusIndex.text(node, "originalText")),
              split(CorpusIndex.text(node, "copyText")),
              node.path("at").asInt(-1)));
    }
    if (edits.isEmpty()) {
      return "<p class=\"note\">No word changed: the copy differs only in punctuation, spacing or"
          + " layout.</p>\n";
    }
    StringBuilder out = new StringBuilder();
    if (original == null || !consistent(original.words(), edits)) {
      out.append("<ol class=\"edit-list\">\n");
      for (Edit edit : edits) {
        out.append("<li dir=\"auto\">");
        change(out, edit);
        out.append("</li>\n");
      }
      return out.append("</ol>\n").toString();
    }
    out.append("<p class=\"diff\" dir=\"auto\">");
    int cursor = 0;
    for (int i = 0; i < edits.size(); i++) {
      Edit edit = edits.get(i);
      unchanged(out, original, cursor, edit.at(), i == 0 ? -1 : 0);
      change(out, original, edit);
      cursor = edit.at() + edit.removed().length;
    }
    unchanged(out, original, cursor, original.words().length, 1);
    return out.append("</p>\n").toString();
  }

  /** Whether the edits are in order and each removes the original's words at its position. */
  private static boolean consistent(String[] original, List<Edit> edits) {
    int cursor = 0;
    for (Edit edit : edits) {
      int at = edit.at();
      if (at < cursor || at + edit.removed().length > original.length) {
        return false;
      }
      for (int i = 0; i < edit.removed().length; i++) {
        if (!original[at + i].equals(edit.removed()[i])) {
          return false;
        }
      }
      cursor = at + edit.removed().length;
    }
    return true;
  }

  /** A change shown in place: the original's removed words as written, then the copy's words. */
  private static void change(StringBuilder out, OriginalText original, Edit edit) {
    int count = edit.removed().length;
    if (count > 0) {
      int at = edit.at();
      if (at > 0) {
        out.append(
            Html.escape(
                original
                    .text()
                    .substring(original.ends()[at - 1], original.starts()[at])
                    .replaceAll("\\s+", " ")));
      }
      out.append("<del>");
      if (count <= LONGEST_RUN) {
        for (int i = at; i < at + count; i++) {
          original.append(out, i, i > at);
        }
      } else {
        out.append(Html.escape(run(edit.removed())));
      }
      out.append("</del>");
    }
    if (edit.added().length > 0) {
      out.append(" <ins>").append(Html.escape(run(edit.added()))).append("</ins>");
      if (count == 0 && edit.at() == 0) {
        out.append(' ');
      }
    }
  }

  private static void change(StringBuilder out, Edit edit) {
    if (edit.removed().length > 0) {
      out.append(" <del>").append(Html.escape(run(edit.removed()))).append("</del>");
    }
    if (edit.added().length > 0) {
      out.append(" <ins>").append(Html.escape(run(edit.added()))).append("</ins>");
    }
  }

  /**
   * Unchanged words {@code [from, to)}; {@code side} -1 is the run before the first change (only
   * its end is shown), 1 the run after the last (only its start), 0 a run between two changes.
   */
  private static void unchanged(StringBuilder out, OriginalText words, int from, int to, int side) {
    int length = to - from;
    if (length <= 0) {
      return;
    }
    if (side < 0 && length > CONTEXT) {
      skipped(out, length - CONTEXT);
      words(out, words, to - CONTEXT, to);
    } else if (side > 0 && length > CONTEXT) {
      words(out, words, from, from + CONTEXT);
      skipped(out, length - CONTEXT);
    } else if (side == 0 && length > 2 * CONTEXT + 4) {
      words(out, words, from, from + CONTEXT);
      skipped(out, length - 2 * CONTEXT);
      words(out, words, to - CONTEXT, to);
    } else {
      words(out, words, from, to);
    }
  }

  private static void words(StringBuilder out, OriginalText words, int from, int to) {
    for (int i = from; i < to; i++) {
      words.append(out, i, true);
    }
  }

  private static void skipped(StringBuilder out, int count) {
    out.append(" <span class=\"skip\">[… ")
        .append(count)
        .append(count == 1 ? " unchanged word" : " unchanged words")
        .append(" …]</span> ");
  }

  private static String run(String[] words) {
    if (words.length <= LONGEST_RUN) {
      return String.join(" ", words);
    }
    int edge = LONGEST_RUN / 2;
    return String.join(" ", List.of(words).subList(0, edge))
        + " … ("
        + (words.length - 2 * edge)
        + " more words) … "
        + String.join(" ", List.of(words).subList(words.length - edge, words.length));
  }

  private static String[] split(String text) {
    return text == null || text.isBlank() ? new String[0] : text.strip().split("\\s+");
  }
}
