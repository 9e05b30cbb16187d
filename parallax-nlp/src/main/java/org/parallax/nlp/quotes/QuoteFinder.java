package org.parallax.nlp.quotes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.parallax.core.model.Span;
import org.parallax.nlp.entities.Entity;
import org.parallax.nlp.quotes.CueLexicon.Match;
import org.parallax.nlp.quotes.CueLexicon.Role;

/**
 * The attribution rules over one document. Built per document and never shared, so it may keep
 * working state.
 */
final class QuoteFinder {

  // A speaker noun phrase longer than this is more likely a clause than a name.
  private static final int MAX_SPEAKER_TOKENS = 7;
  private static final int MAX_APPOSITIVE_TOKENS = 12;
  // After "said", a tail this short that starts with a preposition still ends the sentence:
  // "..., Zakharova wrote on her Facebook page."
  private static final int MAX_TAIL_TOKENS = 8;

  /** Longest adjunct between a cue and its "that": "in a statement on its website that". */
  private static final int MAX_ADJUNCT_TOKENS = 8;

  /** The order of the quote layer: by span, then kind, then cue position. */
  static final Comparator<Quote> ORDER =
      Comparator.comparing(Quote::span)
          .thenComparing(Quote::kind)
          .thenComparing(q -> q.cueSpan() == null ? -1 : q.cueSpan().begin());

  private final String text;
  private final QuoteAnnotator.Config config;
  private final List<Span> tokens;
  private final List<String> words;
  private final List<String> lower;
  private final int[] sentenceStart;
  private final int[] sentenceEnd;
  private final List<Span> paragraphs;
  private final Entity[] entityEndingAt;
  private final Entity[] entityStartingAt;
  private final int[] entityFirstToken;
  private final List<Entity> persons;
  private final List<QuoteMarks.Region> regions;
  private final boolean[] quoted;

  /** A speaker found in the text: a name, or a pronoun still to be resolved. */
  private record Speaker(String name, Span span, String type, int first, int last) {

    boolean pronoun() {
      return name == null;
    }
  }

  /** A quote before pronoun resolution. */
  private record Candidate(String kind, Span span, Speaker speaker, Span cueSpan) {

    int anchor() {
      return speaker != null ? speaker.span().begin() : span.begin();
    }
  }

  QuoteFinder(
      String text,
      List<Span> sentences,
      List<Span> tokenSpans,
      List<Entity> entities,
      List<Span> paragraphs,
      QuoteAnnotator.Config config) {
    this.text = text;
    this.config = config;
    this.paragraphs = paragraphs;
    List<Span> sorted = new ArrayList<>(tokenSpans);
    sorted.sort(Comparator.naturalOrder());
    this.tokens = sorted;
    List<String> surface = new ArrayList<>(sorted.size());
    List<String> folded = new ArrayList<>(sorted.size());
    for (Span token : sorted) {
      String word = token.of(text);
      surface.add(word);
      folded.add(CueLexicon.lower(word));
    }
    this.words = surface;
    this.lower = folded;

    int n = sorted.size();
    this.sentenceStart = new int[n];
    this.sentenceEnd = new int[n];
    List<Span> orderedSentences = new ArrayList<>(sentences);
    orderedSentences.sort(Comparator.naturalOrder());
    for (int t = 0; t < n; t++) {
      sentenceStart[t] = t;
      sentenceEnd[t] = t;
    }
    // Tokens of one sentence share its first and last token index; a token outside every
    // sentence is its own sentence.
    for (Span sentence : orderedSentences) {
      int first = firstTokenAtOrAfter(sentence.begin());
      int last = first - 1;
      while (last + 1 < n && tokens.get(last + 1).end() <= sentence.end()) {
        last++;
      }
      for (int t = first; t <= last; t++) {
        sentenceStart[t] = first;
        sentenceEnd[t] = last;
      }
    }

    this.entityEndingAt = new Entity[n];
    this.entityStartingAt = new Entity[n];
    this.entityFirstToken = new int[n];
    List<Entity> people = new ArrayList<>();
    for (Entity entity : entities) {
      int first = firstTokenAtOrAfter(entity.span().begin());
      int last = lastTokenEndingBy(entity.span().end());
      if (first < n && last >= first) {
        entityStartingAt[first] = entity;
        entityEndingAt[last] = entity;
        entityFirstToken[last] = first;
      }
      if ("PERSON".equals(entity.type())) {
        people.add(entity);
      }
    }
    people.sort(Comparator.comparing(Entity::span));
    this.persons = people;

    this.regions = QuoteMarks.find(text, paragraphs);
    this.quoted = new boolean[n];
    for (QuoteMarks.Region region : regions) {
      for (int t = firstTokenAtOrAfter(region.open()); t < n; t++) {
        if (tokens.get(t).begin() > region.close()) {
          break;
        }
        quoted[t] = true;
      }
    }
  }

  List<Quote> find() {
    List<Candidate> candidates = new ArrayList<>();
    for (int r = 0; r < regions.size(); r++) {
      Candidate direct = direct(r);
      if (direct != null) {
        candidates.add(direct);
      }
    }
    if (config.reported()) {
      candidates.addAll(reported());
    }
    return resolve(candidates);
  }

  // ---------------------------------------------------------------- direct quotes

  private Candidate direct(int r) {
    QuoteMarks.Region region = regions.get(r);
    Span content = trimmed(region.content());
    if (content == null) {
      return null;
    }
    String inside = text.substring(region.open() + 1, region.close()).strip();
    boolean continues =
        inside.endsWith(",")
            || inside.endsWith("?")
            || inside.endsWith("!")
            || inside.endsWith("—")
            || nextNonSpace(region.close() + 1) == ',';
    Candidate attributed = null;
    if (continues) {
      attributed = after(r, content);
    }
    if (attributed == null) {
      attributed = before(r, content);
    }
    if (attributed == null && !continues) {
      attributed = after(r, content);
    }
    if (attributed != null) {
      return attributed;
    }
    // Short unattributed phrases in quotation marks are scare quotes or titles, not speech.
    if (wordCount(content) < config.minUnattributedWords()) {
      return null;
    }
    return new Candidate(Quote.DIRECT, content, null, null);
  }

  /** {@code “Q,” SPEAKER[, appositive,] CUE} and {@code “Q,” CUE SPEAKER}. */
  private Candidate after(int r, Span content) {
    QuoteMarks.Region region = regions.get(r);
    int i = firstTokenAtOrAfter(region.close() + 1);
    if (i >= tokens.size() || quoted[i] && tokens.get(i).begin() > region.close()) {
      return null;
    }
    int closeToken = lastTokenEndingBy(region.close() + 1);
    int end = closeToken >= 0 ? sentenceEnd[closeToken] : sentenceEnd[i];
    end = Math.min(end, nextQuotedToken(i) - 1);
    while (i <= end && (words.get(i).equals(",") || isDash(words.get(i)))) {
      i++;
    }
    if (i > end) {
      return null;
    }
    Match cue = CueLexicon.at(lower, i);
    if (cue != null && cue.role() != Role.POSTPOSED) {
      Speaker speaker = speakerAfter(i + cue.length(), end, cue.role() == Role.SOURCE);
      if (speaker == null
          && cue.role() == Role.VERB
          && endsSentence(i + cue.length(), end)
          && isWord(i)) {
        // «…», añadió. A verb with no subject (Spanish, Italian, Portuguese drop it) speaks for
        // the speaker before it, resolved like a pronoun; the speaker's span is the verb.
        speaker = new Speaker(null, tokens.get(i), "implicit", i, i);
      }
      return speaker == null ? null : candidate(Quote.DIRECT, content, speaker, i, cue);
    }
    Speaker speaker = speakerAfter(i, end);
    if (speaker == null) {
      return null;
    }
    int j = skipAppositiveForward(speaker.last() + 1, end);
    j = skipBetween(j, end);
    if (j > end) {
      return null;
    }
    Match verb = CueLexicon.at(lower, j);
    if (verb == null || verb.role() != Role.VERB) {
      return null;
    }
    return candidate(Quote.DIRECT, content, speaker, j, verb);
  }

  /**
   * {@code SPEAKER CUE: “Q”}, {@code SPEAKER CUE that ... “Q”}, {@code In his statement, SPEAKER
   * said: “Q”}; also a cue ending the previous sentence with a colon.
   */
  private Candidate before(int r, Span content) {
    QuoteMarks.Region region = regions.get(r);
    int last = lastTokenEndingBy(region.open());
    int openToken = firstTokenAtOrAfter(region.open());
    if (openToken >= tokens.size()) {
      return null;
    }
    int start = sentenceStart[openToken];
    if (last < start) {
      // The quote opens its sentence: look for "SPEAKER said:" ending the sentence before.
      if (last < 0 || !words.get(last).equals(":")) {
        return null;
      }
      start = sentenceStart[last];
    }
    int distance = 0;
    for (int k = last; k >= start && distance <= config.maxCueDistance(); k--) {
      if (quoted[k]) {
        continue;
      }
      distance++;
      String word = lower.get(k);
      if (word.equals(";")
          || word.equals("but")
          || word.equals("while")
          || word.equals("whereas")) {
        return null;
      }
      Match cue = CueLexicon.at(lower, k);
      if (cue == null || cue.role() == Role.POSTPOSED || k + cue.length() - 1 > last) {
        continue;
      }
      Speaker speaker =
          cue.role() == Role.SOURCE
              ? speakerAfter(k + cue.length(), last, true)
              : speakerBefore(k, start);
      return speaker == null ? null : candidate(Quote.DIRECT, content, speaker, k, cue);
    }
    return null;
  }

  // ---------------------------------------------------------------- reported speech

  private List<Candidate> reported() {
    List<Candidate> found = new ArrayList<>();
    for (int k = 0; k < tokens.size(); k++) {
      if (quoted[k]) {
        continue;
      }
      Match cue = CueLexicon.at(lower, k);
      if (cue == null) {
        continue;
      }
      Candidate candidate =
          switch (cue.role()) {
            case VERB -> reportedByVerb(k, cue);
            case SOURCE -> reportedBySource(k, cue);
            case POSTPOSED -> reportedPostposed(k, cue);
          };
      if (candidate != null) {
        found.add(candidate);
      }
    }
    return found;
  }

  /**
   * {@code SPEAKER CUE (that) CLAUSE}, {@code CLAUSE, SPEAKER CUE.}, {@code CLAUSE, CUE SPEAKER.}
   */
  private Candidate reportedByVerb(int k, Match cue) {
    int start = sentenceStart[k];
    int end = sentenceEnd[k];
    if (k > start && isPassiveAuxiliary(lower.get(k - 1))) {
      return null; // "was said to", "were told"
    }
    int afterCue = k + cue.length();
    Speaker speaker = speakerBefore(k, start);
    if (speaker != null
        && !speaker.pronoun()
        && speaker.first() - 1 >= start
        && CueLexicon.PARTICIPLE_PREPOSITIONS.contains(lower.get(speaker.first() - 1))) {
      return null; // "said in a video posted on Facebook that": "posted" has no speaker here
    }
    if (speaker == null) {
      // "The deal is dead, said the minister."
      if (k - 1 < start || !words.get(k - 1).equals(",")) {
        return null;
      }
      Speaker inverted = speakerAfter(afterCue, end);
      if (inverted == null || !endsSentence(inverted.last() + 1, end)) {
        return null;
      }
      return clauseCandidate(start, k - 2, inverted, k, cue);
    }
    if (endsSentence(afterCue, end)) {
      // "The deal is dead, the minister said." The clause ends at the comma before the speaker.
      int comma = speaker.first() - 1;
      if (comma > start && CueLexicon.DETERMINERS.contains(lower.get(comma))) {
        comma--; // "…, the Kestrany coast guard said." with the organisation as the entity
      }
      if (comma <= start || !words.get(comma).equals(",")) {
        comma = commaBeforeAppositive(speaker.first(), start);
      }
      if (comma <= start || !words.get(comma).equals(",")) {
        return null;
      }
      return clauseCandidate(start, comma - 1, speaker, k, cue);
    }
    int clause = afterCue;
    int afterAdjunct = thatAfterAdjunct(afterCue, end);
    if (CueLexicon.isTell(lower.get(k))) {
      clause = skipAudience(afterCue, end);
      if (clause < 0) {
        return null;
      }
    } else if (CueLexicon.COMPLEMENTISERS.contains(lower.get(clause))) {
      clause++;
    } else if (afterAdjunct >= 0) {
      // "wrote on her channel that", "said in a statement that", "escribió en su canal que"
      clause = afterAdjunct;
    } else if (!cue.clauseWithoutThat() && !quoteFollows(afterCue, end)) {
      return null;
    }
    while (clause <= end && (words.get(clause).equals(":") || words.get(clause).equals(","))) {
      clause++;
    }
    if (clause > end || isClosingPunctuation(words.get(clause))) {
      return null;
    }
    return clauseCandidate(clause, lastContentToken(end), speaker, k, cue);
  }

  /** {@code CLAUSE, according to SPEAKER.} and {@code According to SPEAKER, CLAUSE.} */
  private Candidate reportedBySource(int k, Match cue) {
    int start = sentenceStart[k];
    int end = sentenceEnd[k];
    Speaker speaker = sourceOrAuthor(speakerAfter(k + cue.length(), end, true));
    if (speaker == null) {
      return null;
    }
    int before = k - 1;
    while (before >= start && CueLexicon.BETWEEN_SPEAKER_AND_CUE.contains(lower.get(before))) {
      before--;
    }
    if (before > start && words.get(before).equals(",")) {
      return clauseCandidate(start, before - 1, speaker, k, cue);
    }
    int next = speaker.last() + 1;
    if (before < start && next <= end && words.get(next).equals(",")) {
      return clauseCandidate(next + 1, lastContentToken(end), speaker, k, cue);
    }
    return null;
  }

  /**
   * An unnamed "according to" phrase that names a text, not a speaker: evidence ("available data",
   * "recent reports") is no one's quote, so {@code null}; a statement referred back to ("the same
   * statement", "his remarks") stands for its author and is resolved like a pronoun; "a statement"
   * names no one.
   */
  private Speaker sourceOrAuthor(Speaker speaker) {
    if (speaker == null || speaker.pronoun() || speaker.type() != null) {
      return speaker;
    }
    for (int t = speaker.first(); t <= speaker.last(); t++) {
      if (isWord(t) && Character.isUpperCase(words.get(t).charAt(0))) {
        return speaker; // "a Pentagon statement", "Reuters data" name their source
      }
    }
    String head = lower.get(speaker.last());
    if (CueLexicon.EVIDENCE_NOUNS.contains(head)) {
      return null;
    }
    if (CueLexicon.STATEMENT_NOUNS.contains(head)) {
      boolean referredBack =
          speaker.last() > speaker.first()
              && CueLexicon.ANAPHORIC_DETERMINERS.contains(lower.get(speaker.last() - 1));
      // "according to a statement" names no one either
      return referredBack
          ? new Speaker(null, speaker.span(), "statement", speaker.first(), speaker.last())
          : null;
    }
    return speaker;
  }

  /** German {@code „…“, so Merkel.}: "so" is a cue only between a comma and a final name. */
  private Candidate reportedPostposed(int k, Match cue) {
    int start = sentenceStart[k];
    int end = sentenceEnd[k];
    if (k - 1 <= start || !words.get(k - 1).equals(",")) {
      return null;
    }
    Speaker speaker = speakerAfter(k + 1, end);
    int named = speaker == null ? -1 : speaker.first();
    if (named >= 0 && named < speaker.last() && CueLexicon.DETERMINERS.contains(lower.get(named))) {
      named++; // „…“, so das Ministerium.
    }
    if (speaker == null
        || speaker.pronoun()
        || !Character.isUpperCase(words.get(named).charAt(0))
        || !(speaker.last() + 1 > end || isClosingPunctuation(words.get(speaker.last() + 1)))) {
      return null;
    }
    return clauseCandidate(start, k - 2, speaker, k, cue);
  }

  /** A reported candidate over tokens {@code [first, last]}, unless it is only a direct quote. */
  private Candidate clauseCandidate(int first, int last, Speaker speaker, int cueToken, Match cue) {
    if (first > last) {
      return null;
    }
    int own = 0;
    for (int t = first; t <= last; t++) {
      if (!quoted[t] && isWord(t)) {
        own++;
      }
    }
    // "Trump said: “...”" is a direct quote only; "He said Soleimani's “reign ...” following the
    // strike" is both.
    if (own < 2) {
      return null;
    }
    Span span = trimmed(new Span(tokens.get(first).begin(), tokens.get(last).end()));
    return span == null ? null : candidate(Quote.REPORTED, span, speaker, cueToken, cue);
  }

  // ---------------------------------------------------------------- speakers

  /** The speaker just before the cue at {@code cue}: "Trump said", "Zakharova, the ..., wrote". */
  private Speaker speakerBefore(int cue, int start) {
    int i = cue - 1;
    int skipped = 0;
    while (i >= start && skipped < 3 && CueLexicon.BETWEEN_SPEAKER_AND_CUE.contains(lower.get(i))) {
      i--;
      skipped++;
    }
    if (i < start) {
      return null;
    }
    if (words.get(i).equals(",")) {
      int comma = commaBeforeAppositive(i + 1, start);
      if (comma < 0 || !plausibleAppositive(comma + 1, i - 1)) {
        return null;
      }
      Speaker head = nounPhraseEndingAt(comma - 1, start);
      // "Sa porte-parole, Ilsa Moravek, a écrit": the apposition is the name of who speaks
      Entity named = entityEndingAt[i - 1];
      if (named != null
          && "PERSON".equals(named.type())
          && entityFirstToken[i - 1] == comma + 1
          && (head == null || !"PERSON".equals(head.type()))) {
        return entitySpeaker(named, comma + 1, i - 1);
      }
      return head;
    }
    return nounPhraseEndingAt(i, start);
  }

  private Speaker nounPhraseEndingAt(int i, int start) {
    if (i < start || quoted[i]) {
      return null;
    }
    if (CueLexicon.PRONOUNS.contains(lower.get(i))) {
      return new Speaker(null, tokens.get(i), lower.get(i), i, i);
    }
    Entity entity = entityEndingAt[i];
    if (entity != null && entityFirstToken[i] >= start) {
      int first = entityFirstToken[i];
      Speaker affiliated =
          "PERSON".equals(entity.type()) ? null : personBeforeAffiliation(first, start, i);
      if (affiliated != null) {
        return affiliated;
      }
      Entity nationality = first - 1 >= start ? entityEndingAt[first - 1] : null;
      if ("ORGANIZATION".equals(entity.type())
          && nationality != null
          && "MISC".equals(nationality.type())) {
        // NER often leaves the nationality out of "Russian Foreign Ministry"; it tells apart
        // ministries of different countries, so the speaker keeps it.
        Span span = new Span(nationality.span().begin(), entity.span().end());
        return new Speaker(span.of(text), span, entity.type(), entityFirstToken[first - 1], i);
      }
      return entitySpeaker(entity, first, i);
    }
    if (!inNounPhrase(i)) {
      return null;
    }
    int first = i;
    while (first - 1 >= start
        && i - first + 1 < MAX_SPEAKER_TOKENS
        && inNounPhrase(first - 1)
        && !quoted[first - 1]) {
      first--;
    }
    // "…, officials said": a bare noun phrase is a speaker when nothing but a boundary precedes it.
    boolean bounded = first == start || isBoundary(words.get(first - 1));
    return nounPhrase(first, i, bounded);
  }

  /** The speaker starting at token {@code i}: "said Trump", "according to the ministry". */
  private Speaker speakerAfter(int i, int end) {
    return speakerAfter(i, end, false);
  }

  /** As {@link #speakerAfter(int, int)}; {@code bare} accepts "according to police". */
  private Speaker speakerAfter(int i, int end, boolean bare) {
    if (i > end || quoted[i]) {
      return null;
    }
    if (CueLexicon.PRONOUNS.contains(lower.get(i))) {
      return new Speaker(null, tokens.get(i), lower.get(i), i, i);
    }
    Entity entity = entityStartingAt[i];
    if (entity != null) {
      int last = lastTokenEndingBy(entity.span().end());
      if (last <= end && !modifies(entity, last, end)) {
        return entitySpeaker(entity, i, last);
      }
    }
    if (i + 1 <= end && CueLexicon.DETERMINERS.contains(lower.get(i))) {
      Entity named = entityStartingAt[i + 1];
      if (named != null) {
        int last = lastTokenEndingBy(named.span().end());
        if (last <= end && !modifies(named, last, end)) {
          return entitySpeaker(named, i + 1, last);
        }
      }
    }
    int last = i;
    while (last + 1 <= end
        && last - i + 1 < MAX_SPEAKER_TOKENS
        && inNounPhrase(last + 1)
        && !quoted[last + 1]
        && CueLexicon.at(lower, last + 1) == null) {
      last++;
    }
    if (!inNounPhrase(i)) {
      return null;
    }
    return nounPhrase(i, last, bare);
  }

  /**
   * "Petra Lindqvist of the Halden Institute told reporters": the organisation before the cue is
   * where the speaker works; the person named just before it, tied by "of"/"from"/"at"/"vom"…, is
   * who speaks. Null when no person is named there. The speaker's tokens run to {@code last}.
   */
  private Speaker personBeforeAffiliation(int organisation, int start, int last) {
    int j = organisation - 1;
    if (j >= start && CueLexicon.DETERMINERS.contains(lower.get(j))) {
      j--;
    }
    if (j - 1 < start || !CueLexicon.COMPLEMENT_PREPOSITIONS.contains(lower.get(j))) {
      return null;
    }
    Entity person = entityEndingAt[j - 1];
    if (person == null
        || !"PERSON".equals(person.type())
        || entityFirstToken[j - 1] < start
        || quoted[entityFirstToken[j - 1]]) {
      return null;
    }
    return entitySpeaker(person, entityFirstToken[j - 1], last);
  }

  /**
   * Whether a person's name ending at token {@code last} modifies the noun after it ("said Trump
   * adviser John Bolton", "said the Ana Berg campaign") rather than naming the speaker.
   */
  private boolean modifies(Entity entity, int last, int end) {
    int next = last + 1;
    return "PERSON".equals(entity.type())
        && next <= end
        && !quoted[next]
        && isWord(next)
        && Character.isLowerCase(words.get(next).charAt(0))
        && inNounPhrase(next)
        && !CueLexicon.TIME_WORDS.contains(lower.get(next))
        && !CueLexicon.TIME_ADJUNCTS.contains(lower.get(next))
        && !CueLexicon.COMPLEMENT_PREPOSITIONS.contains(lower.get(next))
        && !CueLexicon.ADJUNCT_PREPOSITIONS.contains(lower.get(next))
        && !CueLexicon.PARTICIPLE_PREPOSITIONS.contains(lower.get(next))
        && !CueLexicon.COMPLEMENTISERS.contains(lower.get(next))
        && !CueLexicon.BETWEEN_SPEAKER_AND_CUE.contains(lower.get(next));
  }

  /**
   * "of New York", "of the Halden Institute", "vom Halden-Institut": a preposition and a named
   * place or body at token {@code i}; "of domestic abuse" ("accused Ellison of domestic abuse
   * said") is not one, nor does it make the name the speaker.
   */
  private boolean affiliation(int i, int last) {
    if (!CueLexicon.COMPLEMENT_PREPOSITIONS.contains(lower.get(i))) {
      return false;
    }
    int j = i + 1;
    if (j <= last && CueLexicon.DETERMINERS.contains(lower.get(j))) {
      j++;
    }
    return j <= last && isCapitalised(j);
  }

  /**
   * The person a noun phrase speaker names in apposition to a title or description: "der
   * Meeressicherheitsexpertin Petra Lindqvist vom Halden-Institut", "le général Tomás Reiner mardi
   * …" speak as Petra Lindqvist and Tomás Reiner. A person after "of"/"de"/"von"… is a complement
   * ("the lawyer of Ana Berg" is the lawyer), and one followed by more of the phrase than a
   * complement, a comma or a day ("the Trump administration", "Trump's lawyer") a modifier: neither
   * is the speaker. Null when the phrase names no one who speaks.
   */
  private Speaker personInPhrase(int first, int last) {
    for (int t = first; t <= last; t++) {
      Entity entity = entityStartingAt[t];
      if (entity == null || !"PERSON".equals(entity.type())) {
        continue;
      }
      int end = lastTokenEndingBy(entity.span().end());
      if (end > last) {
        return null;
      }
      // the name must head the phrase: "the Trump administration", "Trump's lawyer" and "the
      // lawyer of Ana Berg" are not who speaks; a name further on may be ("Trump adviser John
      // Bolton")
      if ((t > first && CueLexicon.COMPLEMENT_PREPOSITIONS.contains(lower.get(t - 1)))
          || (end < last
              && !words.get(end + 1).equals(",")
              && !affiliation(end + 1, last)
              && !CueLexicon.TIME_WORDS.contains(lower.get(end + 1)))) {
        t = end;
        continue;
      }
      return entitySpeaker(entity, first, last);
    }
    return null;
  }

  private Speaker nounPhrase(int first, int last, boolean bare) {
    while (first <= last && (lower.get(first).equals("of") || isPossessiveMark(first))) {
      first++;
    }
    while (last >= first
        && (CueLexicon.DETERMINERS.contains(lower.get(last)) || lower.get(last).equals("of"))) {
      last--;
    }
    if (first > last) {
      return null;
    }
    boolean named = false;
    for (int t = first; t <= last; t++) {
      named |= isWord(t) && Character.isUpperCase(words.get(t).charAt(0));
    }
    if (!named && !bare && !CueLexicon.DETERMINERS.contains(lower.get(first))) {
      return null;
    }
    Speaker person = named ? personInPhrase(first, last) : null;
    if (person != null) {
      return person;
    }
    Entity leading = entityStartingAt[first];
    if (leading != null && "PERSON".equals(leading.type())) {
      int after = lastTokenEndingBy(leading.span().end()) + 1;
      if (after <= last
          && CueLexicon.COMPLEMENT_PREPOSITIONS.contains(lower.get(after))
          && !affiliation(after, last)) {
        return null; // "(accused) Tom Lund of serious fraud said": the object of a verb we missed
      }
    }
    Span span = new Span(tokens.get(first).begin(), tokens.get(last).end());
    return new Speaker(span.of(text), span, null, first, last);
  }

  private Speaker entitySpeaker(Entity entity, int first, int last) {
    String name = entity.canonical() != null ? entity.canonical() : entity.span().of(text);
    return new Speaker(name, entity.span(), entity.type(), first, last);
  }

  private boolean inNounPhrase(int t) {
    if (isPossessiveMark(t) || words.get(t).equals("-")) {
      return true;
    }
    return isWord(t)
        && !CueLexicon.NOT_IN_SPEAKER.contains(lower.get(t))
        && CueLexicon.at(lower, t) == null;
  }

  /** The comma opening an appositive that ends just before token {@code after}, or -1. */
  private int commaBeforeAppositive(int after, int start) {
    int closing = after - 1;
    if (closing < start || !words.get(closing).equals(",")) {
      return -1;
    }
    for (int c = closing - 1; c >= start && closing - c <= MAX_APPOSITIVE_TOKENS; c--) {
      if (words.get(c).equals(",")) {
        return c;
      }
    }
    return -1;
  }

  private boolean plausibleAppositive(int first, int last) {
    if (first > last) {
      return false;
    }
    for (int t = first; t <= last; t++) {
      if (quoted[t] || CueLexicon.at(lower, t) != null) {
        return false;
      }
    }
    return true;
  }

  private int skipAppositiveForward(int i, int end) {
    if (i > end || !words.get(i).equals(",")) {
      return i;
    }
    for (int c = i + 1; c <= end && c - i <= MAX_APPOSITIVE_TOKENS; c++) {
      if (words.get(c).equals(",")) {
        return plausibleAppositive(i + 1, c - 1) ? c + 1 : i;
      }
    }
    return i;
  }

  private int skipBetween(int i, int end) {
    int skipped = 0;
    while (i <= end && skipped < 3 && CueLexicon.BETWEEN_SPEAKER_AND_CUE.contains(lower.get(i))) {
      i++;
      skipped++;
    }
    return i;
  }

  /**
   * After a cue, a short adjunct opened by a preposition or a time word and closed by a
   * complementiser ("on her channel that", "last month that", "sur sa chaîne que"): the token after
   * the complementiser, or -1. At most {@link #MAX_ADJUNCT_TOKENS} plain words, none quoted.
   */
  private int thatAfterAdjunct(int i, int end) {
    if (i > end
        || !(CueLexicon.ADJUNCT_PREPOSITIONS.contains(lower.get(i))
            || CueLexicon.TIME_WORDS.contains(lower.get(i))
            || CueLexicon.TIME_ADJUNCTS.contains(lower.get(i)))) {
      return -1;
    }
    for (int t = i + 1; t <= end && t - i <= MAX_ADJUNCT_TOKENS; t++) {
      if (quoted[t] || !isWord(t)) {
        return -1;
      }
      if (CueLexicon.COMPLEMENTISERS.contains(lower.get(t))) {
        return t + 1 <= end ? t + 1 : -1;
      }
    }
    return -1;
  }

  /**
   * A quote right after a "that" verb: "wrote: “…”", "wrote, “…”", "tweeted “…”", "wrote the
   * “patriotic action …”".
   */
  private boolean quoteFollows(int i, int end) {
    if (i > end) {
      return false;
    }
    if (quoted[i]
        || (i + 1 <= end && quoted[i + 1] && CueLexicon.DETERMINERS.contains(lower.get(i)))) {
      return true; // "tweeted “…”", "wrote the “patriotic action …”"
    }
    if (i + 1 > end || !(words.get(i).equals(":") || words.get(i).equals(","))) {
      return false;
    }
    return "“\"«„‘'".indexOf(words.get(i + 1).charAt(0)) >= 0 || quoted[i + 1];
  }

  /** After "told": "told reporters (that)", "told the BBC on Friday that"; -1 when unclear. */
  private int skipAudience(int i, int end) {
    for (int t = i; t <= end && t - i <= 6; t++) {
      if (CueLexicon.COMPLEMENTISERS.contains(lower.get(t))) {
        return t + 1;
      }
      if (!isWord(t)) {
        break;
      }
    }
    int t = i;
    while (t <= end && t - i < 3) {
      boolean audience = CueLexicon.AUDIENCES.contains(lower.get(t)) || isCapitalised(t);
      boolean determiner =
          CueLexicon.DETERMINERS.contains(lower.get(t))
              && t + 1 <= end
              && (CueLexicon.AUDIENCES.contains(lower.get(t + 1)) || isCapitalised(t + 1));
      if (!audience && !determiner) {
        break;
      }
      t++;
    }
    return t == i ? -1 : t;
  }

  // ---------------------------------------------------------------- pronouns

  private List<Quote> resolve(List<Candidate> candidates) {
    List<Candidate> ordered = new ArrayList<>(candidates);
    ordered.sort(Comparator.comparingInt(Candidate::anchor));
    List<Speaker> history = new ArrayList<>();
    List<Quote> quotes = new ArrayList<>();
    for (Candidate candidate : ordered) {
      Speaker speaker = candidate.speaker();
      if (speaker != null && speaker.pronoun()) {
        speaker = antecedent(speaker, history);
      }
      if (speaker != null) {
        history.add(speaker);
      }
      String cue = candidate.cueSpan() == null ? null : candidate.cueSpan().of(text);
      quotes.add(
          new Quote(
              candidate.span(),
              candidate.kind(),
              speaker == null ? null : speaker.name(),
              speaker == null ? null : speaker.span(),
              cue,
              candidate.cueSpan()));
    }
    quotes.sort(ORDER);
    return Collections.unmodifiableList(quotes);
  }

  /**
   * The speaker a pronoun refers to: the nearest earlier speaker of a compatible kind in the same
   * or the previous paragraph, else for he/she the nearest earlier person named there.
   */
  private Speaker antecedent(Speaker pronoun, List<Speaker> history) {
    int at = pronoun.span().begin();
    int scope = scopeStart(at);
    String form = pronoun.type();
    for (int h = history.size() - 1; h >= 0; h--) {
      Speaker earlier = history.get(h);
      if (earlier.span().begin() >= at || earlier.span().begin() < scope) {
        continue;
      }
      boolean person = "PERSON".equals(earlier.type());
      boolean fits =
          CueLexicon.PERSON_PRONOUNS.contains(form) ? person : !(form.equals("it") && person);
      if (fits) {
        return new Speaker(
            earlier.name(), pronoun.span(), earlier.type(), pronoun.first(), pronoun.last());
      }
    }
    if (CueLexicon.PERSON_PRONOUNS.contains(form)) {
      for (int p = persons.size() - 1; p >= 0; p--) {
        Entity person = persons.get(p);
        if (person.span().end() <= at && person.span().begin() >= scope) {
          Speaker named = entitySpeaker(person, pronoun.first(), pronoun.last());
          return new Speaker(
              named.name(), pronoun.span(), "PERSON", pronoun.first(), pronoun.last());
        }
      }
    }
    return null;
  }

  /** The beginning of the paragraph before the one holding {@code at}. */
  private int scopeStart(int at) {
    int index = -1;
    for (int p = 0; p < paragraphs.size(); p++) {
      if (paragraphs.get(p).begin() <= at) {
        index = p;
      }
    }
    if (index < 0) {
      return 0;
    }
    return paragraphs.get(Math.max(0, index - 1)).begin();
  }

  // ---------------------------------------------------------------- tokens and text

  private Candidate candidate(String kind, Span span, Speaker speaker, int cueToken, Match cue) {
    Span cueSpan =
        new Span(tokens.get(cueToken).begin(), tokens.get(cueToken + cue.length() - 1).end());
    return new Candidate(kind, span, speaker, cueSpan);
  }

  private boolean endsSentence(int i, int end) {
    if (i > end || isClosingPunctuation(words.get(i))) {
      return true;
    }
    // "wrote on her Facebook page", "said in a statement": a short prepositional tail.
    String first = lower.get(i);
    boolean preposition =
        first.equals("on") || first.equals("in") || first.equals("at") || first.equals("during");
    return preposition && end - i + 1 <= MAX_TAIL_TOKENS && !containsCue(i, end);
  }

  private boolean containsCue(int from, int to) {
    for (int t = from; t <= to; t++) {
      if (CueLexicon.COMPLEMENTISERS.contains(lower.get(t)) || words.get(t).equals(",")) {
        return true;
      }
    }
    return false;
  }

  private int lastContentToken(int end) {
    int last = end;
    while (last >= 0 && isClosingPunctuation(words.get(last)) && !quoted[last]) {
      last--;
    }
    return last;
  }

  private int nextQuotedToken(int from) {
    for (int t = from; t < tokens.size(); t++) {
      if (quoted[t]) {
        return t;
      }
    }
    return tokens.size();
  }

  private int wordCount(Span span) {
    int count = 0;
    for (int t = firstTokenAtOrAfter(span.begin());
        t < tokens.size() && tokens.get(t).end() <= span.end();
        t++) {
      if (isWord(t)) {
        count++;
      }
    }
    return count;
  }

  /** {@code span} without surrounding spaces and a trailing comma; null when nothing is left. */
  private Span trimmed(Span span) {
    int begin = span.begin();
    int end = span.end();
    while (begin < end && Character.isWhitespace(text.charAt(begin))) {
      begin++;
    }
    while (end > begin
        && (Character.isWhitespace(text.charAt(end - 1)) || text.charAt(end - 1) == ',')) {
      end--;
    }
    return begin < end ? new Span(begin, end) : null;
  }

  private char nextNonSpace(int from) {
    for (int i = from; i < text.length(); i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return text.charAt(i);
      }
    }
    return 0;
  }

  private boolean isWord(int t) {
    return Character.isLetterOrDigit(words.get(t).codePointAt(0));
  }

  private boolean isCapitalised(int t) {
    return isWord(t) && Character.isUpperCase(words.get(t).codePointAt(0));
  }

  private static boolean isBoundary(String word) {
    return word.equals(",") || word.equals(":") || word.equals(";") || word.equals("(");
  }

  private boolean isPossessiveMark(int t) {
    String word = lower.get(t);
    return word.equals("'s") || word.equals("’s") || word.equals("'") || word.equals("’");
  }

  private static boolean isDash(String word) {
    return word.equals("—") || word.equals("–") || word.equals("-") || word.equals("--");
  }

  private static boolean isClosingPunctuation(String word) {
    return word.equals(".") || word.equals("!") || word.equals("?") || word.equals("…");
  }

  private static boolean isPassiveAuxiliary(String word) {
    return word.equals("was")
        || word.equals("were")
        || word.equals("is")
        || word.equals("are")
        || word.equals("be")
        || word.equals("been")
        || word.equals("being");
  }

  private int firstTokenAtOrAfter(int position) {
    int low = 0;
    int high = tokens.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (tokens.get(mid).begin() < position) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** The last token ending at or before {@code position}, or -1. */
  private int lastTokenEndingBy(int position) {
    int low = 0;
    int high = tokens.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (tokens.get(mid).end() <= position) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low - 1;
  }
}
