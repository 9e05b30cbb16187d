package org.parallax.app.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Turns a text plus highlight ranges and insertion points into well-nested HTML.
 *
 * <p>Annotations overlap freely (an entity inside a quote, a quote running across two paragraphs,
 * two quotes sharing words), but tags must nest. A sweep visits every boundary in order; between
 * two boundaries the set of open highlights is fixed, and its wanted nesting is outer rank first
 * (paragraph, quote, entity), then earlier start, then longer. At each boundary only the tags that
 * differ from the wanted stack are closed and reopened, so a highlight is split exactly where it
 * crosses another one. The text between tags is the document's text, escaped, and nothing else.
 * Rank 0 is for blocks (paragraphs): whitespace outside every block gets no highlight.
 */
final class TextMarkup {

  /**
   * A highlighted range.
   *
   * @param rank nesting level: lower ranks enclose higher ones when both cover a segment
   * @param element the HTML element name
   * @param attributes the escaped attributes, each with a leading space, repeated on every piece
   * @param anchor an id given only to the first piece, so links can jump to it, or {@code null}
   */
  record Mark(int begin, int end, int rank, String element, String attributes, String anchor) {}

  /** Markup placed at one offset, between characters, such as removed boilerplate. */
  record Insertion(int at, String html) {}

  private record Open(Mark mark, int order) {}

  private static final Comparator<Open> NESTING =
      Comparator.<Open>comparingInt(o -> o.mark.rank())
          .thenComparingInt(o -> o.mark.begin())
          .thenComparing(o -> o.mark.end(), Comparator.reverseOrder())
          .thenComparingInt(Open::order);

  private final String text;
  private final List<Mark> marks = new ArrayList<>();
  private final List<Insertion> insertions = new ArrayList<>();

  TextMarkup(String text) {
    this.text = text;
  }

  /** Adds a highlight; an empty or out-of-range one is refused and returns {@code false}. */
  boolean add(Mark mark) {
    int begin = snap(mark.begin());
    int end = snap(mark.end());
    if (mark.begin() < 0 || mark.end() > text.length() || end <= begin) {
      return false;
    }
    marks.add(new Mark(begin, end, mark.rank(), mark.element(), mark.attributes(), mark.anchor()));
    return true;
  }

  /** Adds markup at an offset; refused when the offset lies outside the text. */
  boolean insert(int at, String html) {
    if (at < 0 || at > text.length()) {
      return false;
    }
    insertions.add(new Insertion(snap(at), html));
    return true;
  }

  /**
   * The text as HTML. An insertion inside a rank-0 range (a paragraph) stays inside it but outside
   * every other highlight; one at a paragraph's edge goes between paragraphs.
   */
  String render() {
    int n = text.length();
    List<Open> opens = new ArrayList<>(marks.size());
    for (int i = 0; i < marks.size(); i++) {
      opens.add(new Open(marks.get(i), i));
    }
    int[] points = new int[marks.size() * 2 + insertions.size() + 2];
    int count = 0;
    points[count++] = 0;
    points[count++] = n;
    for (Mark mark : marks) {
      points[count++] = mark.begin();
      points[count++] = mark.end();
    }
    for (Insertion insertion : insertions) {
      points[count++] = insertion.at();
    }
    int[] boundaries = Arrays.stream(points, 0, count).sorted().distinct().toArray();

    List<Open> byBegin = new ArrayList<>(opens);
    byBegin.sort(Comparator.comparingInt(o -> o.mark.begin()));
    List<Open> byEnd = new ArrayList<>(opens);
    byEnd.sort(Comparator.comparingInt(o -> o.mark.end()));
    List<Insertion> byAt = new ArrayList<>(insertions);
    byAt.sort(Comparator.comparingInt(Insertion::at)); // stable: keeps layer order at one offset

    boolean hasBlocks = marks.stream().anyMatch(mark -> mark.rank() == 0);
    StringBuilder out = new StringBuilder(n + n / 2 + 64);
    TreeSet<Open> active = new TreeSet<>(NESTING);
    List<Open> stack = new ArrayList<>();
    boolean[] started = new boolean[opens.size()];
    int nextBegin = 0;
    int nextEnd = 0;
    int nextInsertion = 0;
    for (int b = 0; b < boundaries.length; b++) {
      int at = boundaries[b];
      while (nextEnd < byEnd.size() && byEnd.get(nextEnd).mark.end() == at) {
        active.remove(byEnd.get(nextEnd++));
      }
      while (nextBegin < byBegin.size() && byBegin.get(nextBegin).mark.begin() == at) {
        active.add(byBegin.get(nextBegin++));
      }
      int next = b + 1 < boundaries.length ? boundaries[b + 1] : n;
      List<Open> wanted = new ArrayList<>(active);
      if (hasBlocks && (wanted.isEmpty() || wanted.get(0).mark.rank() != 0) && isBlank(at, next)) {
        // Whitespace between paragraphs: a highlight there would be an empty box between blocks.
        wanted.clear();
      }
      int keep = commonPrefix(stack, wanted);
      boolean hasInsertion = nextInsertion < byAt.size() && byAt.get(nextInsertion).at() == at;
      if (hasInsertion) {
        keep = Math.min(keep, continuingParagraphs(wanted, at));
      }
      while (stack.size() > keep) {
        out.append("</").append(stack.remove(stack.size() - 1).mark.element()).append('>');
      }
      while (nextInsertion < byAt.size() && byAt.get(nextInsertion).at() == at) {
        out.append(byAt.get(nextInsertion++).html());
      }
      for (int i = keep; i < wanted.size(); i++) {
        Open open = wanted.get(i);
        Mark mark = open.mark;
        out.append('<').append(mark.element()).append(mark.attributes());
        if (mark.anchor() != null && !started[open.order]) {
          out.append(" id=\"").append(Html.escape(mark.anchor())).append('"');
        }
        out.append('>');
        started[open.order] = true;
        stack.add(open);
      }
      Html.escape(out, text, at, next);
    }
    while (!stack.isEmpty()) {
      out.append("</").append(stack.remove(stack.size() - 1).mark.element()).append('>');
    }
    return out.toString();
  }

  private boolean isBlank(int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static int commonPrefix(List<Open> stack, List<Open> wanted) {
    int i = 0;
    while (i < stack.size() && i < wanted.size() && stack.get(i) == wanted.get(i)) {
      i++;
    }
    return i;
  }

  /** How many leading rank-0 ranges of {@code wanted} started before {@code at}. */
  private static int continuingParagraphs(List<Open> wanted, int at) {
    int i = 0;
    while (i < wanted.size() && wanted.get(i).mark.rank() == 0 && wanted.get(i).mark.begin() < at) {
      i++;
    }
    return i;
  }

  /** Moves an offset off the middle of a surrogate pair, so no emoji is cut in two. */
  private int snap(int offset) {
    if (offset > 0
        && offset < text.length()
        && Character.isHighSurrogate(text.charAt(offset - 1))
        && Character.isLowSurrogate(text.charAt(offset))) {
      return offset - 1;
    }
    return offset;
  }
}
