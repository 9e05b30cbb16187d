package org.parallax.ingest.extract;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;
import org.parallax.core.model.Metadata;
import org.parallax.core.model.Span;

/**
 * Turns scraped plain text into clean body text, labelled boilerplate and the metadata the page
 * states in its own lines.
 *
 * <p>Works line by line in three passes. First each line is judged alone ({@link LineRules}:
 * donation widgets, share prompts, teasers, legal footers, taxonomy, photo credits, separators).
 * Then the top of the page, up to the first real paragraph, is read for its masthead, title (often
 * printed twice), bylines, datelines and captions. Last the tail of the page is read bottom-up for
 * signatures, author bios and related headlines in another script. Metadata lines leave the text
 * too, each recorded as boilerplate of its kind. Nothing here knows a site: every rule is about the
 * shape of a line and where it stands.
 */
public final class TextCleaner {

  /** How many non-blank lines the page head may span before the body must have begun. */
  private static final int HEAD_LINES = 15;

  /** The longest line above the first paragraph that is still taken as a label or kicker. */
  private static final int HEAD_FURNITURE_WORDS = 12;

  /** The longest line at the end of the text that is still taken as a leftover label. */
  private static final int TRAILING_LABEL_WORDS = 4;

  /** How many non-blank lines from the top a byline may stand at and still open the article. */
  private static final int BYLINE_WINDOW = 8;

  private static final Pattern BY_ALONE =
      Pattern.compile("(?i)by|par|von|por|di|door|av|af|written by|text|autor|author");

  /** The longest line above a photo credit that is still taken as its caption. */
  private static final int CAPTION_WORDS = 60;

  private static final Pattern ENTITY = Pattern.compile("&(#\\d+|#x[0-9a-fA-F]+|[a-zA-Z]+\\d*);");

  private static final Pattern AUTHOR_BIO =
      Pattern.compile(
          "^\\p{Lu}[\\p{L}'’.-]+(?:\\s+(?:\\p{Lu}[\\p{L}'’.-]*|van|von|de|al|bin|el)){1,3},?\\s+"
              + "(?:is|was|has been)\\s+(?:a|an|the)\\b.{0,300}?\\b(?i:writer|journalist|researcher"
              + "|author|editor|analyst|correspondent|columnist|reporter|contributor|professor"
              + "|scholar|commentator|blogger|economist|historian|lecturer|fellow|director"
              + "|activist|expert|specialist|consultant|lawyer|filmmaker)");

  private static final Pattern AUTHOR_BIO_WRITES =
      Pattern.compile(
          "^\\p{Lu}[\\p{L}'’.-]+(?:\\s+\\p{Lu}[\\p{L}'’.-]*){1,3}\\s+(?:writes|reports|blogs)"
              + "\\s+(?:for|on|about|at)\\b");

  private static final Pattern ARTICLES_BY =
      Pattern.compile("^(?i:articles|posts|stories|more) (?i:by)\\s*[:：]?\\s*(.+)$");

  private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?…:;\"”»’)]$");

  private TextCleaner() {}

  /** Cleans scraped text that has no known title. */
  public static Extracted clean(String text) {
    return clean(text, null);
  }

  /**
   * Cleans scraped text.
   *
   * @param knownTitle the title from the input record or the page's metadata, or null; when given,
   *     only lines that repeat it are taken as the title line
   */
  public static Extracted clean(String text, String knownTitle) {
    return cleanLines(text, knownTitle, true).extracted();
  }

  /** The result plus where each input line ended up, for callers that removed regions before. */
  record Cleaning(Extracted extracted, int[] offsetFromLine) {

    /** The offset in the clean text of the first kept line at or after input line {@code line}. */
    int offsetAt(int line) {
      if (line < 0) {
        return 0;
      }
      return line < offsetFromLine.length ? offsetFromLine[line] : extracted.text().length();
    }
  }

  /**
   * Cleans text, keeping where each line went.
   *
   * @param guessTitle whether a headline-like first line may be taken as the title when none is
   *     known; HTML pages say their title in markup, so a guess there would only lose text
   */
  static Cleaning cleanLines(String text, String knownTitle, boolean guessTitle) {
    return new Run(text, knownTitle, guessTitle).clean();
  }

  /** The state of one cleaning; one per call, never shared. */
  private static final class Run {
    final String[] raw;
    final String[] line;
    final List<List<StrayMarkup.Tag>> tags = new ArrayList<>();
    final int[] block;
    final String[] kind;
    final double[] confidence;
    final boolean[] foreign;
    final String knownTitle;
    final boolean guessTitle;

    String title;
    List<String> authors = List.of();
    String published;
    String outlet;
    String mastheadOutlet;
    String signatureOutlet;
    String signaturePublished;
    String copyrightOutlet;
    List<String> tailAuthors = List.of();

    Run(String text, String knownTitle, boolean guessTitle) {
      this.guessTitle = guessTitle;
      this.knownTitle = knownTitle == null || knownTitle.isBlank() ? null : knownTitle.strip();
      raw = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
      int n = raw.length;
      line = new String[n];
      block = new int[n];
      kind = new String[n];
      confidence = new double[n];
      foreign = new boolean[n];
      int currentBlock = 0;
      boolean previousBlank = true;
      for (int i = 0; i < n; i++) {
        StrayMarkup.Stripped stripped = StrayMarkup.strip(normalise(raw[i]));
        line[i] = stripped.text();
        tags.add(stripped.tags());
        if (line[i].isEmpty()) {
          previousBlank = true;
        } else {
          if (previousBlank) {
            currentBlock++;
          }
          previousBlank = false;
        }
        block[i] = currentBlock;
      }
    }

    Cleaning clean() {
      judgeLinesAlone();
      markTeaserLists();
      markCaptionsAboveCredits();
      markDonationWidgets();
      extendBlocks();
      markForeignScript();
      readHead();
      markHeadFurniture();
      markAboveByline();
      readTail();
      markTitleCaptions();
      readFooters();
      return assemble();
    }

    private void judgeLinesAlone() {
      for (int i = 0; i < line.length; i++) {
        if (!line[i].isEmpty()) {
          Optional<LineRules.Verdict> verdict = LineRules.classify(line[i]);
          if (verdict.isPresent()) {
            mark(i, verdict.get().kind(), verdict.get().confidence());
          }
        }
      }
    }

    /**
     * The headlines under a bare teaser label ("You may also like", "Read more"): short lines that
     * do not end a sentence, up to the first line that reads like prose.
     */
    private void markTeaserLists() {
      for (int i = 0; i < line.length; i++) {
        if (!"read_more".equals(kind[i])
            || LineRules.words(line[i]) > TEASER_LABEL_WORDS
            || LABEL_WITH_HEADLINE.matcher(line[i]).find()) {
          continue; // "Read more: <headline>" is one teaser, not the label of a list
        }
        for (int j = i + 1; j < line.length; j++) {
          if (line[j].isEmpty()) {
            continue;
          }
          if (kind[j] != null
              || LineRules.wordsAnyScript(line[j]) > TEASER_WORDS
              || FULL_STOP_END.matcher(line[j]).find()) {
            break;
          }
          mark(j, "related_links", 0.75);
        }
      }
    }

    /**
     * The line right above a picture's credit is that picture's caption, unless it states the
     * byline or date, which pages print above a lead picture too. Only in text rendered from HTML:
     * in pasted plain text the line above a credit may be the only title there is.
     */
    private void markCaptionsAboveCredits() {
      if (guessTitle) {
        return;
      }
      for (int i = 0; i < line.length; i++) {
        if (!"photo_credit".equals(kind[i])) {
          continue;
        }
        int above = neighbour(i, -1);
        if (above >= 0
            && kind[above] == null
            && LineRules.wordsAnyScript(line[above]) <= CAPTION_WORDS
            && MetadataLines.dateline(line[above]).isEmpty()
            && MetadataLines.byline(line[above]).isEmpty()) {
          mark(above, "caption", 0.7);
        }
      }
    }

    /** Month-year lines and bare counts beside amount lines belong to the same widget. */
    private void markDonationWidgets() {
      boolean changed = true;
      while (changed) {
        changed = false;
        for (int i = 0; i < line.length; i++) {
          if (line[i].isEmpty() || kind[i] != null) {
            continue;
          }
          boolean widgetLike = Dates.isMonthYear(line[i]) || line[i].matches("\\d[\\d.,]*");
          if (widgetLike && (isWidgetLine(neighbour(i, -1)) || isWidgetLine(neighbour(i, 1)))) {
            mark(i, "donation_appeal", 0.8);
            changed = true;
          }
        }
      }
    }

    private boolean isWidgetLine(int i) {
      return i >= 0 && "donation_appeal".equals(kind[i]) && LineRules.words(line[i]) <= 3;
    }

    /**
     * A block that is mostly one kind of boilerplate takes its short unlabelled lines along
     * ("Theme: Law, Media" wrapped onto a second line); a block that opens with a legal notice is
     * that notice throughout.
     */
    private void extendBlocks() {
      int i = 0;
      while (i < line.length) {
        int end = i;
        while (end < line.length && block[end] == block[i]) {
          end++;
        }
        extendBlock(i, end);
        i = end;
      }
    }

    private void extendBlock(int from, int to) {
      int total = 0;
      int labelled = 0;
      int first = -1;
      for (int i = from; i < to; i++) {
        if (!line[i].isEmpty()) {
          total++;
          if (first < 0) {
            first = i;
          }
          if (kind[i] != null) {
            labelled++;
          }
        }
      }
      if (labelled == 0 || labelled == total || first < 0) {
        return;
      }
      // Legal text opens a footer only near the end: a "© Provided by ..." credit at the top of a
      // page whose paragraphs are not separated by blank lines must not take the article with it.
      boolean legalOpening =
          kind[first] != null
              && Set.of("disclaimer", "copyright", "contact", "author_bio").contains(kind[first])
              && first * 2 >= line.length;
      String lastKind = null;
      double lastConfidence = 0;
      for (int i = from; i < to; i++) {
        if (line[i].isEmpty()) {
          continue;
        }
        if (kind[i] != null) {
          lastKind = kind[i];
          lastConfidence = confidence[i];
        } else if (legalOpening) {
          mark(i, kind[first], confidence[first] * 0.9);
        } else if (labelled * 2 >= total
            && lastKind != null
            && LineRules.words(line[i]) <= 12
            && !SENTENCE_END.matcher(line[i]).matches()) {
          mark(i, lastKind, lastConfidence * 0.8);
        }
      }
    }

    private void markForeignScript() {
      StringBuilder kept = new StringBuilder();
      for (int i = 0; i < line.length; i++) {
        if (kind[i] == null && !line[i].isEmpty()) {
          kept.append(line[i]).append('\n');
        }
      }
      UnicodeScript main = Scripts.dominant(kept);
      if (main == UnicodeScript.COMMON) {
        return;
      }
      for (int i = 0; i < line.length; i++) {
        foreign[i] =
            kind[i] == null && !line[i].isEmpty() && Scripts.foreignShare(line[i], main) > 0.5;
      }
    }

    /**
     * The page head: masthead, title, bylines, datelines and captions above the first paragraph.
     */
    private void readHead() {
      int bodyStart = bodyStart();
      boolean titleSearchOver = false;
      for (int i = 0; i < bodyStart; i++) {
        if (line[i].isEmpty() || kind[i] != null) {
          continue;
        }
        String current = line[i];
        if (foreign[i]) {
          if (LineRules.wordsAnyScript(current) <= 8) {
            mark(i, "caption", 0.7);
          }
          continue;
        }
        Optional<List<String>> byline = MetadataLines.byline(current);
        if (byline.isPresent()) {
          mark(i, "byline", 0.9);
          if (authors.isEmpty()) {
            authors = byline.get();
          }
          continue;
        }
        Optional<MetadataLines.Dated> dateline = MetadataLines.dateline(current);
        if (dateline.isPresent()) {
          mark(i, "dateline", 0.9);
          published = published != null ? published : dateline.get().published();
          outlet = outlet != null ? outlet : dateline.get().outlet();
          continue;
        }
        if (title != null) {
          if (sameText(current, title)) {
            mark(i, "title", 0.95);
          } else if (isCaptionOfTitle(current)) {
            mark(i, "caption", 0.7);
          }
          continue;
        }
        if (titleSearchOver) {
          continue;
        }
        int next = nextHeadCandidate(i, bodyStart);
        if (knownTitle != null) {
          if (sameText(current, knownTitle)) {
            title = knownTitle;
            mark(i, "title", 0.95);
          } else if (next >= 0 && sameText(line[next], knownTitle) && isMasthead(current)) {
            mark(i, "masthead", 0.7);
            mastheadOutlet = current;
          }
          continue;
        }
        if (!guessTitle || !isHeadlineLike(current) || continuesIntoProse(i)) {
          titleSearchOver = true;
          continue;
        }
        if (next >= 0
            && !sameText(line[next], current)
            && isMasthead(current)
            && isHeadlineLike(line[next])
            && LineRules.words(line[next]) > LineRules.words(current)
            && MetadataLines.byline(line[next]).isEmpty()
            && MetadataLines.dateline(line[next]).isEmpty()) {
          // a short name above a longer headline is the outlet's masthead
          mark(i, "masthead", 0.7);
          mastheadOutlet = current;
          continue;
        }
        title = current;
        mark(i, "title", 0.9);
      }
    }

    /**
     * What is left above the first paragraph once title, bylines and datelines are known: labels,
     * kickers, standfirsts, gallery buttons, bare links. A line there that does not end like a
     * sentence is page furniture; only when a paragraph does follow, so a text made of short lines
     * (a poem, a list) keeps them. Only for text rendered from HTML, whose title the markup gave:
     * in pasted plain text a short first line may be the only title there is.
     */
    private void markHeadFurniture() {
      if (guessTitle) {
        return;
      }
      int bodyStart = bodyStart();
      if (bodyStart >= line.length || !isBodyLike(line[bodyStart])) {
        return;
      }
      for (int i = 0; i < bodyStart; i++) {
        if (line[i].isEmpty()
            || kind[i] != null
            || SENTENCE_END.matcher(line[i]).matches()
            || LineRules.wordsAnyScript(line[i]) > HEAD_FURNITURE_WORDS) {
          continue;
        }
        mark(i, Dates.parse(line[i]).isPresent() ? "dateline" : "other", 0.6);
      }
    }

    /**
     * A byline or dateline among the first lines marks where the article begins: the one or two
     * lines above it are a kicker or a standfirst, even when the standfirst reads like a paragraph.
     * "By" alone on a line takes the name on the next line as a byline.
     */
    private void markAboveByline() {
      if (guessTitle) {
        return;
      }
      int seen = 0;
      int lastMeta = -1;
      int unlabelledAbove = 0;
      for (int i = 0; i < line.length && seen < BYLINE_WINDOW; i++) {
        if (line[i].isEmpty()) {
          continue;
        }
        seen++;
        boolean meta = "byline".equals(kind[i]) || "dateline".equals(kind[i]);
        if (kind[i] == null && !meta) {
          int next = neighbour(i, 1);
          Optional<List<String>> byline = MetadataLines.byline(line[i]);
          Optional<MetadataLines.Dated> dateline = MetadataLines.dateline(line[i]);
          if (byline.isEmpty()
              && BY_ALONE.matcher(line[i]).matches()
              && next >= 0
              && kind[next] == null) {
            byline = MetadataLines.byline("By " + line[next]);
            if (byline.isPresent()) {
              mark(i, "byline", 0.85);
              i = next;
            }
          }
          if (byline.isPresent()) {
            mark(i, "byline", 0.85);
            authors = authors.isEmpty() ? byline.get() : authors;
            meta = true;
          } else if (dateline.isPresent()) {
            mark(i, "dateline", 0.85);
            published = published != null ? published : dateline.get().published();
            meta = true;
          }
        }
        if (meta) {
          lastMeta = i;
        } else if (kind[i] == null && lastMeta < 0) {
          unlabelledAbove++;
        }
      }
      if (lastMeta < 0 || unlabelledAbove > 2) {
        return;
      }
      for (int i = 0; i < lastMeta; i++) {
        if (!line[i].isEmpty() && kind[i] == null) {
          mark(i, "other", 0.6);
        }
      }
    }

    /** Whether the next line of the same block is unlabelled text: then this line is no title. */
    private boolean continuesIntoProse(int i) {
      int j = i + 1;
      return j < line.length
          && !line[j].isEmpty()
          && block[j] == block[i]
          && kind[j] == null
          && MetadataLines.byline(line[j]).isEmpty()
          && MetadataLines.dateline(line[j]).isEmpty();
    }

    /** The index of the first real paragraph; the head is everything before it. */
    private int bodyStart() {
      int nonBlank = 0;
      for (int i = 0; i < line.length; i++) {
        if (line[i].isEmpty()) {
          continue;
        }
        if (++nonBlank > HEAD_LINES) {
          return i;
        }
        if (kind[i] == null && !foreign[i] && isBodyLike(line[i])) {
          return i;
        }
      }
      return line.length;
    }

    private int nextHeadCandidate(int after, int bodyStart) {
      for (int j = after + 1; j < bodyStart; j++) {
        if (!line[j].isEmpty() && kind[j] == null && !foreign[j]) {
          return j;
        }
      }
      return -1;
    }

    /** The page tail, bottom-up: related headlines in another script, signatures, author bios. */
    private void readTail() {
      for (int i = line.length - 1; i >= 0; i--) {
        if (line[i].isEmpty() || kind[i] != null) {
          continue;
        }
        if (foreign[i]) {
          mark(i, "related_links", 0.8);
          continue;
        }
        Optional<MetadataLines.Dated> signature = MetadataLines.signature(line[i]);
        if (signature.isPresent()) {
          mark(i, "signature", 0.85);
          if (signaturePublished == null) {
            signaturePublished = signature.get().published();
            signatureOutlet = signature.get().outlet();
          }
          continue;
        }
        if (AUTHOR_BIO.matcher(line[i]).find() || AUTHOR_BIO_WRITES.matcher(line[i]).find()) {
          mark(i, "author_bio", 0.75);
          continue;
        }
        if (isTrailingLabel(line[i])) {
          mark(i, "other", 0.6);
          continue;
        }
        break;
      }
    }

    /**
     * A few words with no sentence in them and nothing after them: the heading of a box that was
     * taken out ("Most popular", "Topics"), a button, a name under the text. A line with a digit
     * may be the last item of a list that belongs to the article and stays.
     */
    private boolean isTrailingLabel(String text) {
      return LineRules.wordsAnyScript(text) <= TRAILING_LABEL_WORDS
          && !SENTENCE_END.matcher(text).matches()
          && text.chars().noneMatch(Character::isDigit);
    }

    /** Image captions that only repeat a name from the title, standing alone as a paragraph. */
    private void markTitleCaptions() {
      if (title == null) {
        return;
      }
      int[] blockSize = blockSizes();
      for (int i = 0; i < line.length; i++) {
        if (!line[i].isEmpty()
            && kind[i] == null
            && blockSize[block[i]] == 1
            && isCaptionOfTitle(line[i])) {
          mark(i, "caption", 0.6);
        }
      }
    }

    /** Authors and outlet named in footer lines already judged boilerplate. */
    private void readFooters() {
      for (int i = 0; i < line.length; i++) {
        if ("copyright".equals(kind[i]) && copyrightOutlet == null) {
          copyrightOutlet = MetadataLines.copyrightOwner(line[i]).orElse(null);
        }
        if ("byline".equals(kind[i]) && tailAuthors.isEmpty()) {
          var m = ARTICLES_BY.matcher(line[i]);
          if (m.matches()) {
            tailAuthors = MetadataLines.byline("By " + m.group(1).strip()).orElse(List.of());
          }
        }
      }
    }

    private Cleaning assemble() {
      StringBuilder out = new StringBuilder();
      List<Boilerplate> removed = new ArrayList<>();
      List<int[]> pending = new ArrayList<>(); // {first line, last line} of removed runs
      int[] startOf = new int[line.length];
      Arrays.fill(startOf, -1);
      int lastBlock = -1;
      for (int i = 0; i < line.length; i++) {
        if (line[i].isEmpty()) {
          continue;
        }
        if (kind[i] != null) {
          int[] run = pending.isEmpty() ? null : pending.get(pending.size() - 1);
          if (run != null && kind[run[1]].equals(kind[i]) && block[run[1]] == block[i]) {
            run[1] = i;
          } else {
            pending.add(new int[] {i, i});
          }
          continue;
        }
        if (out.length() > 0) {
          out.append(block[i] == lastBlock ? "\n" : "\n\n");
        }
        int start = out.length();
        startOf[i] = start;
        flush(pending, start, removed);
        for (StrayMarkup.Tag tag : tags.get(i)) {
          removed.add(
              new Boilerplate(
                  new Span(start + tag.at(), start + tag.at()), "markup", tag.text(), 0.95));
        }
        out.append(line[i]);
        lastBlock = block[i];
      }
      flush(pending, out.length(), removed);
      int[] offsetFromLine = new int[line.length];
      int next = out.length();
      for (int i = line.length - 1; i >= 0; i--) {
        if (startOf[i] >= 0) {
          next = startOf[i];
        }
        offsetFromLine[i] = next;
      }
      Metadata metadata =
          new Metadata(
              title,
              !authors.isEmpty() ? authors : tailAuthors,
              published != null ? published : signaturePublished,
              firstNonNull(outlet, mastheadOutlet, signatureOutlet, copyrightOutlet),
              null);
      return new Cleaning(new Extracted(out.toString(), metadata, removed, null), offsetFromLine);
    }

    private void flush(List<int[]> pending, int at, List<Boilerplate> removed) {
      for (int[] run : pending) {
        StringBuilder text = new StringBuilder();
        double certainty = 1;
        for (int j = run[0]; j <= run[1]; j++) {
          if (line[j].isEmpty()) {
            continue;
          }
          if (text.length() > 0) {
            text.append('\n');
          }
          text.append(raw[j].strip());
          certainty = Math.min(certainty, confidence[j]);
        }
        removed.add(new Boilerplate(new Span(at, at), kind[run[0]], text.toString(), certainty));
      }
      pending.clear();
    }

    private void mark(int i, String what, double certainty) {
      kind[i] = what;
      confidence[i] = Math.round(certainty * 100) / 100.0;
    }

    private int neighbour(int i, int direction) {
      for (int j = i + direction;
          j >= 0 && j < line.length && Math.abs(j - i) <= 2;
          j += direction) {
        if (!line[j].isEmpty()) {
          return j;
        }
      }
      return -1;
    }

    private int[] blockSizes() {
      int[] sizes = new int[line.length + 1];
      for (int j = 0; j < line.length; j++) {
        if (!line[j].isEmpty()) {
          sizes[block[j]]++;
        }
      }
      return sizes;
    }

    private boolean isCaptionOfTitle(String candidate) {
      int words = LineRules.words(candidate);
      if (words == 0 || words > 5 || SENTENCE_END.matcher(candidate).matches()) {
        return false;
      }
      Set<String> titleWords = wordSet(title);
      Set<String> lineWords = wordSet(candidate);
      return !lineWords.isEmpty()
          && titleWords.containsAll(lineWords)
          && Character.isUpperCase(candidate.codePointAt(0));
    }
  }

  /**
   * Whether a line could be an outlet's name: two to four capitalised words. One word is more often
   * a section label ("Analysis", "World") than a masthead.
   */
  private static boolean isMasthead(String text) {
    return LineRules.words(text) >= 2 && MetadataLines.isTitleName(text, 4);
  }

  /** Whether a line reads like a paragraph of prose rather than a heading or label. */
  static boolean isBodyLike(String text) {
    int words = LineRules.wordsAnyScript(text);
    return words >= 25 || (words >= 10 && SENTENCE_END.matcher(text).matches());
  }

  /** Whether a line could be a headline: short, no closing full stop, starts like a name. */
  static boolean isHeadlineLike(String text) {
    int words = LineRules.words(text);
    if (words == 0 || words > 30) {
      return false;
    }
    if (text.endsWith(",") || text.endsWith(";") || text.endsWith(".") && !text.endsWith("...")) {
      return false;
    }
    int first = text.codePointAt(0);
    return Character.isUpperCase(first)
        || Character.isDigit(first)
        || "\"“«'‘„".indexOf(first) >= 0
        || !Character.isLowerCase(first) && Character.isLetter(first);
  }

  private static String normalise(String rawLine) {
    String value = rawLine;
    if (value.indexOf('&') >= 0 && ENTITY.matcher(value).find()) {
      value = Parser.unescapeEntities(value, false);
    }
    StringBuilder out = new StringBuilder(value.length());
    boolean space = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\ufeff' || c == '\u200b' || c == '\u00ad' || c == '\u2060') {
        continue;
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = true;
        continue;
      }
      if (space && out.length() > 0) {
        out.append(' ');
      }
      space = false;
      out.append(c);
    }
    return out.toString();
  }

  private static boolean sameText(String a, String b) {
    String x = comparable(a);
    String y = comparable(b);
    if (x.isEmpty() || y.isEmpty()) {
      return false;
    }
    if (x.equals(y)) {
      return true;
    }
    // a page's og:title and its printed headline often differ only by a suffix or kicker
    String shorter = x.length() < y.length() ? x : y;
    String longer = x.length() < y.length() ? y : x;
    return longer.contains(shorter) && shorter.length() >= 0.7 * longer.length();
  }

  /** Longest teaser label that takes the headlines under it along, in words. */
  private static final int TEASER_LABEL_WORDS = 5;

  /** A teaser label followed by its headline on the same line. */
  private static final Pattern LABEL_WITH_HEADLINE = Pattern.compile("[:：»›>|]\\s*\\S");

  /** Longest headline in a teaser list, in words. */
  private static final int TEASER_WORDS = 16;

  /**
   * A line ending with a full stop, maybe inside quotes: prose, not a headline (headlines may ask
   * or exclaim, but seldom end with a period).
   */
  private static final Pattern FULL_STOP_END = Pattern.compile("[.…][\"'”’»)\\]]*\\s*$");

  private static final Pattern QUOTE_MARKS = Pattern.compile("[\"“”„«»'‘’`]");
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\p{Punct}&&[^\\-]]+$");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private static String comparable(String text) {
    String value = QUOTE_MARKS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
    value = TRAILING_PUNCTUATION.matcher(value).replaceAll("");
    return SPACES.matcher(value).replaceAll(" ").strip();
  }

  private static Set<String> wordSet(String text) {
    Set<String> words = new HashSet<>();
    for (String word : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words;
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
