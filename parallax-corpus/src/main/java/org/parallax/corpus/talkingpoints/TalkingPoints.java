package org.parallax.corpus.talkingpoints;

import java.util.List;

/**
 * What {@link TalkingPointFinder} found in a corpus.
 *
 * @param talkingPoints claims carried by at least two outlets, most outlets first, then largest
 * @param recurringQuotes repeated quotes, grouped by speaker, most outlets first
 * @param documents documents read
 * @param sentences sentences considered (long enough, not headings or boilerplate, with a vector)
 * @param candidatePairs sentence pairs the LSH search proposed for an exact check
 * @param linkedPairs pairs confirmed as paraphrases or copies
 */
public record TalkingPoints(
    List<TalkingPoint> talkingPoints,
    List<SpeakerQuotes> recurringQuotes,
    int documents,
    int sentences,
    long candidatePairs,
    long linkedPairs) {

  public TalkingPoints {
    talkingPoints = List.copyOf(talkingPoints);
    recurringQuotes = List.copyOf(recurringQuotes);
  }

  /**
   * One recurring claim (or, inside {@link SpeakerQuotes}, one recurring quote).
   *
   * @param id stable id derived from the representative sentence
   * @param kind {@code copied} when every carrier is near-identical text, else {@code paraphrased}
   * @param representative the medoid sentence (highest mean cosine to the other members)
   * @param size member sentences
   * @param outletCount distinct outlets
   * @param outlets the outlets, in order of first appearance
   * @param documents the documents, in order of first appearance
   * @param first where it appeared first: earliest published date, else first seen
   * @param members every member sentence, earliest first
   */
  public record TalkingPoint(
      String id,
      String kind,
      Carrier representative,
      int size,
      int outletCount,
      List<String> outlets,
      List<String> documents,
      FirstAppearance first,
      List<Carrier> members) {

    public TalkingPoint {
      outlets = List.copyOf(outlets);
      documents = List.copyOf(documents);
      members = List.copyOf(members);
    }
  }

  /**
   * One sentence carrying a talking point.
   *
   * @param document the document id
   * @param begin char offset of the sentence in the document's clean text
   * @param end char offset after the sentence
   * @param outlet the outlet, or {@code unknown:<document id>} when the document names none
   * @param published the document's published date, or {@code null}
   * @param similarity cosine of its embedding with the representative's
   */
  public record Carrier(
      String document,
      int begin,
      int end,
      String text,
      String outlet,
      String published,
      double similarity) {}

  /**
   * Where a talking point appeared first.
   *
   * @param published the date it was published, or {@code null} when no carrier has a date and the
   *     first document read was taken
   */
  public record FirstAppearance(String document, String outlet, String published) {}

  /**
   * Quotes of one speaker that recur across outlets.
   *
   * @param speaker the canonical speaker, or {@code null} when the quotes name nobody
   * @param outletCount distinct outlets carrying any of them
   * @param quotes each recurring quote, in the shape of a talking point
   */
  public record SpeakerQuotes(String speaker, int outletCount, List<TalkingPoint> quotes) {

    public SpeakerQuotes {
      quotes = List.copyOf(quotes);
    }
  }
}
