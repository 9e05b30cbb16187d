package org.parallax.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parallax.core.model.Metadata;

/**
 * Cleans the five scraped seed pages in {@code shared/corpora/seeds} (third-party text, read in
 * place, never copied) and checks metadata, that no boilerplate is left and that the body stays.
 */
class SeedCleaningIT {

  private static Path seeds;

  @BeforeAll
  static void findSeeds() {
    String shared = System.getProperty("parallax.shared");
    assumeTrue(shared != null, "parallax.shared is not set; run through Maven (failsafe)");
    seeds = Path.of(shared, "corpora", "seeds");
    assumeTrue(Files.isDirectory(seeds), "the seed corpus is not at " + seeds + "; skipping");
  }

  @Test
  void readsTitles() throws IOException {
    assertThat(metadata("000").title()).isEqualTo("Higher Escalation for Faster Withdrawal!");
    assertThat(metadata("001").title())
        .isEqualTo("Assassination Of Qassem Soleimani. What Is Behind The Scenes?");
    assertThat(metadata("002").title())
        .isEqualTo("Why Escalation in the Region after the Assassination of Soleimani is Unlikely");
    assertThat(metadata("003").title())
        .isEqualTo("US War of Terror Continues: Assassinating Iran's Top Anti-ISIS General");
    assertThat(metadata("004").title())
        .isEqualTo("Targeted Killing of Qasem Soleimani: A Step into War");
  }

  @Test
  void readsAuthorsDatesAndOutlets() throws IOException {
    assertThat(metadata("003").authors()).containsExactly("Tony Cartalucci");
    assertThat(metadata("000").published()).isEqualTo("2020-01-06");
    assertThat(metadata("003").published()).isEqualTo("2020-01-16");
    assertThat(metadata("004").published()).isEqualTo("2020-01-03T20:32:10");
    // "MARCH 2021" belongs to 001's donation widget; 002 only dates an event in a sentence
    assertThat(metadata("001").published()).isNull();
    assertThat(metadata("002").published()).isNull();
    assertThat(metadata("000").outlet()).isEqualTo("Kassioun");
    assertThat(metadata("003").outlet()).isEqualTo("Global Research");
    assertThat(metadata("004").outlet()).isEqualTo("The Limited Times");
    assertThat(metadata("000").authors()).isEmpty();
    assertThat(metadata("004").authors()).isEmpty();
  }

  @Test
  void leavesNoBoilerplateInAnyText() throws IOException {
    for (String seed : List.of("000", "001", "002", "003", "004")) {
      Extracted cleaned = clean(seed);
      String text = cleaned.text();
      assertThat(lines(text)).as(seed).noneMatch(line -> line.matches("[\\d,.]+ ?\\$"));
      assertThat(text)
          .as(seed)
          .doesNotContain("Do you like this content?")
          .doesNotContain("Note to readers")
          .doesNotContain("Disclaimer")
          .doesNotContainIgnoringCase("fair use")
          .doesNotContain("<u>")
          .doesNotContain("</u>")
          .doesNotContain("Read more:")
          .doesNotContain("Photos (M)")
          .doesNotContain("MARCH 2021")
          .doesNotContain("Articles by:")
          .doesNotContain("Region:")
          .doesNotContain("For media inquiries")
          .doesNotContain("Become a Member")
          .doesNotContain("Comment on")
          .doesNotContain("Issue No.")
          .doesNotStartWith(cleaned.metadata().title())
          .doesNotContain("\n\n\n")
          .isEqualTo(text.strip());
      assertThat(
              text.codePoints()
                  .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARABIC))
          .as(seed + " has Arabic script left")
          .isFalse();
      assertThat(lines(text)).as(seed).doesNotContain("*", "Qassem Soleimani", "The Limited Times");
      for (Boilerplate b : cleaned.boilerplate()) {
        assertThat(b.at().begin()).isBetween(0, text.length());
      }
    }
  }

  @Test
  void keepsEveryBodyParagraph() throws IOException {
    // 000 and 004: every paragraph but the head, the photo credit and the signature is body text
    List<String> notBody =
        List.of(
            "Higher Escalation for Faster Withdrawal!",
            "The Limited Times",
            "Targeted Killing of Qasem Soleimani: A Step into War",
            "1/3/2020, 8:32:10 PM");
    for (String seed : List.of("000", "004")) {
      List<String> text = paragraphs(clean(seed).text());
      List<String> body =
          paragraphs(Files.readString(file(seed))).stream()
              .filter(p -> !notBody.contains(p))
              .filter(p -> !p.startsWith("Photos (M)") && !p.startsWith("Kassioun Editorial"))
              .map(p -> p.replace('\u00a0', ' ').replaceAll(" +", " "))
              .toList();
      assertThat(body).hasSizeGreaterThanOrEqualTo(8);
      assertThat(text).as(seed).containsExactlyElementsOf(body);
    }
    // 003: the quoted report paragraphs follow lines that announce them with a colon
    List<String> raw = paragraphs(Files.readString(file("003")));
    List<String> cleaned = paragraphs(clean("003").text());
    int quotes = 0;
    for (int i = 1; i < raw.size(); i++) {
      if (raw.get(i - 1).endsWith("(emphasis added):") || raw.get(i - 1).endsWith("explains:")) {
        assertThat(cleaned).contains(raw.get(i));
        quotes++;
      }
    }
    assertThat(quotes).isEqualTo(2);
    assertThat(cleaned).contains("The War of Terror Continues");
    // subheadings asked as questions stay in the body of 001 and 002
    for (String seed : List.of("001", "002")) {
      String title = metadata(seed).title();
      List<String> questions =
          paragraphs(Files.readString(file(seed))).stream()
              .filter(p -> p.endsWith("?") && !p.equals(title))
              .toList();
      assertThat(questions).as(seed).isNotEmpty();
      assertThat(paragraphs(clean(seed).text())).as(seed).containsAll(questions);
    }
  }

  private static Metadata metadata(String seed) throws IOException {
    return clean(seed).metadata();
  }

  private static Extracted clean(String seed) throws IOException {
    return TextCleaner.clean(Files.readString(file(seed)));
  }

  private static Path file(String seed) throws IOException {
    try (Stream<Path> files = Files.list(seeds)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith(seed + "_"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no seed " + seed + " in " + seeds));
    }
  }

  private static List<String> lines(String text) {
    return Arrays.stream(text.split("\n")).map(String::strip).toList();
  }

  private static List<String> paragraphs(String text) {
    return Arrays.stream(text.split("\n\\s*\n"))
        .map(String::strip)
        .filter(p -> !p.isEmpty())
        .toList();
  }
}
