package org.parallax.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class TextMarkupTest {

  private static final Pattern TAG = Pattern.compile("<(/?)([a-z]+)[^>]*>");

  @Test
  void entityInsideQuoteNestsInsideIt() {
    String text = "She said the harbour is safe.";
    TextMarkup markup = new TextMarkup(text);
    markup.add(mark(9, 28, 1, "q"));
    markup.add(mark(13, 20, 2, "e"));

    assertThat(markup.render())
        .isEqualTo(
            "She said <span class=\"q\">the <span class=\"e\">harbour</span> is safe</span>.");
  }

  @Test
  void crossingHighlightsAreSplitAtTheBoundary() {
    String text = "abcdefghij";
    TextMarkup markup = new TextMarkup(text);
    markup.add(mark(2, 6, 2, "x"));
    markup.add(mark(4, 8, 2, "y"));

    String html = markup.render();

    assertThat(html)
        .isEqualTo(
            "ab<span class=\"x\">cd<span class=\"y\">ef</span></span>"
                + "<span class=\"y\">gh</span>ij");
    assertBalanced(html);
  }

  @Test
  void anOuterRankIsReopenedAroundAnInnerOneThatOutlivesIt() {
    String text = "0123456789";
    TextMarkup markup = new TextMarkup(text);
    markup.add(mark(0, 5, 0, "para"));
    markup.add(mark(3, 8, 1, "quote"));

    assertThat(markup.render())
        .isEqualTo(
            "<span class=\"para\">012<span class=\"quote\">34</span></span>"
                + "<span class=\"quote\">567</span>89");
  }

  @Test
  void anchorIdGoesOnTheFirstPieceOnly() {
    TextMarkup markup = new TextMarkup("one two three");
    markup.add(new TextMarkup.Mark(0, 13, 1, "span", " class=\"q\"", "q1"));
    markup.add(mark(4, 7, 0, "para"));

    String html = markup.render();

    assertThat(html).containsOnlyOnce("id=\"q1\"");
    assertThat(html).startsWith("<span class=\"q\" id=\"q1\">one </span>");
  }

  @Test
  void insertionInsideAParagraphClosesHighlightsButNotTheParagraph() {
    String text = "alpha beta gamma";
    TextMarkup markup = new TextMarkup(text);
    markup.add(mark(0, 16, 0, "para"));
    markup.add(mark(6, 16, 1, "quote"));
    markup.insert(10, "<details>X</details>");

    assertThat(markup.render())
        .isEqualTo(
            "<span class=\"para\">alpha <span class=\"quote\">beta</span><details>X</details>"
                + "<span class=\"quote\"> gamma</span></span>");
  }

  @Test
  void insertionAtAParagraphEdgeGoesBetweenParagraphs() {
    String text = "one\n\ntwo";
    TextMarkup markup = new TextMarkup(text);
    markup.add(mark(0, 3, 0, "para"));
    markup.add(mark(5, 8, 0, "para"));
    markup.insert(3, "[A]");
    markup.insert(5, "[B]");
    markup.insert(0, "[C]");
    markup.insert(8, "[D]");

    assertThat(markup.render())
        .isEqualTo(
            "[C]<span class=\"para\">one</span>[A]\n\n[B]<span class=\"para\">two</span>[D]");
  }

  @Test
  void boundariesInsideAnEmojiMoveBeforeIt() {
    String text = "party 🎉 time";
    int inside = text.indexOf("🎉") + 1;
    TextMarkup markup = new TextMarkup(text);
    markup.add(mark(inside, text.length(), 2, "e"));
    markup.insert(inside, "|");

    String html = markup.render();

    assertThat(html).isEqualTo("party |<span class=\"e\">🎉 time</span>");
  }

  @Test
  void textIsEscapedAndOutOfRangeMarksAreRefused() {
    TextMarkup markup = new TextMarkup("<b>&\"'</b>");
    assertThat(markup.add(mark(0, 99, 1, "x"))).isFalse();
    assertThat(markup.add(mark(3, 3, 1, "x"))).isFalse();
    assertThat(markup.insert(99, "never")).isFalse();

    assertThat(markup.render()).isEqualTo("&lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;");
  }

  /**
   * Random ranges of three ranks and random insertions over random text: the markup is always
   * balanced, parses without errors, keeps the text exactly, and covers every char of every range
   * with that range's element.
   */
  @Test
  void randomOverlappingRangesGiveWellNestedMarkupThatKeepsTheText() {
    Random random = new Random(20240107);
    String[] alphabet = {"a", "b", " ", "<", "&", "\"", "'", "\n", "ق", "ص", "😀"};
    for (int round = 0; round < 300; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(60);
      for (int i = 0; i < length; i++) {
        text.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String source = text.toString();
      TextMarkup markup = new TextMarkup(source);
      List<int[]> ranges = new ArrayList<>();
      int count = random.nextInt(8);
      for (int i = 0; i < count; i++) {
        int a = random.nextInt(source.length() + 1);
        int b = random.nextInt(source.length() + 1);
        int rank = random.nextInt(3);
        String name = "r" + i;
        if (markup.add(
            new TextMarkup.Mark(
                Math.min(a, b), Math.max(a, b), rank, "span", " class=\"" + name + "\"", name))) {
          ranges.add(
              new int[] {
                snapped(source, Math.min(a, b)), snapped(source, Math.max(a, b)), i, rank
              });
        }
      }
      for (int i = 0; i < random.nextInt(3); i++) {
        markup.insert(random.nextInt(source.length() + 1), "<details>ins</details>");
      }

      String html = markup.render();

      assertBalanced(html);
      Parser parser = Parser.htmlParser().setTrackErrors(50);
      Element body = Jsoup.parse("<div id=\"root\">" + html + "</div>", "", parser).body();
      assertThat(parser.getErrors()).as(html).isEmpty();
      Element root = body.getElementById("root");
      root.select("details").remove();
      assertThat(root.wholeText()).as(html).isEqualTo(source);
      List<List<String>> classes = classesPerChar(root);
      for (int[] range : ranges) {
        for (int c = range[0]; c < range[1]; c++) {
          if (!outsideBlocks(source, ranges, c)) {
            assertThat(classes.get(c)).as(html).contains("r" + range[2]);
          }
        }
      }
    }
  }

  /** The classes of the elements around each char of the element's text. */
  static List<List<String>> classesPerChar(Element root) {
    List<List<String>> result = new ArrayList<>();
    for (Node node : descendants(root)) {
      if (node instanceof TextNode textNode) {
        List<String> around = new ArrayList<>();
        for (Element e = (Element) textNode.parent(); e != null && e != root; e = e.parent()) {
          around.addAll(e.classNames());
        }
        for (int i = 0; i < textNode.getWholeText().length(); i++) {
          result.add(around);
        }
      }
    }
    return result;
  }

  private static List<Node> descendants(Element root) {
    List<Node> nodes = new ArrayList<>();
    root.traverse((node, depth) -> nodes.add(node));
    return nodes;
  }

  /** Whether char {@code c} is whitespace outside every rank-0 range while such ranges exist. */
  private static boolean outsideBlocks(String text, List<int[]> ranges, int c) {
    boolean hasBlocks = false;
    for (int[] range : ranges) {
      if (range[3] == 0) {
        hasBlocks = true;
        if (range[0] <= c && c < range[1]) {
          return false;
        }
      }
    }
    return hasBlocks && Character.isWhitespace(text.charAt(c));
  }

  private static int snapped(String text, int offset) {
    boolean inPair =
        offset > 0
            && offset < text.length()
            && Character.isHighSurrogate(text.charAt(offset - 1))
            && Character.isLowSurrogate(text.charAt(offset));
    return inPair ? offset - 1 : offset;
  }

  /** Fails unless every end tag closes the element opened last. */
  static void assertBalanced(String html) {
    Deque<String> open = new ArrayDeque<>();
    Matcher tag = TAG.matcher(html);
    while (tag.find()) {
      if (tag.group(1).isEmpty()) {
        open.push(tag.group(2));
      } else {
        assertThat(open).as("closing %s in %s", tag.group(2), html).isNotEmpty();
        assertThat(open.pop()).as(html).isEqualTo(tag.group(2));
      }
    }
    assertThat(open).as(html).isEmpty();
  }

  private static TextMarkup.Mark mark(int begin, int end, int rank, String cssClass) {
    return new TextMarkup.Mark(begin, end, rank, "span", " class=\"" + cssClass + "\"", null);
  }
}
