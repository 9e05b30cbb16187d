package org.parallax.corpus.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.core.json.Json;
import org.parallax.core.pipeline.ConfigException;
import org.parallax.corpus.article.Article;

class DuplicateFinderTest {

  private static final String SHARED_QUOTE =
      "\"We will not rebuild the pier until the engineers can tell us, with numbers and not"
          + " with hopes, that it will stand through another winter like this one,\" the mayor"
          + " of Brightwater told the council on Tuesday evening.";

  private static final String FERRY_STORY =
      "The ferry between Brightwater and the outer islands will stop for six weeks while the"
          + " damaged pier is inspected, the harbour office announced. Islanders who commute to"
          + " the mainland hospital will be offered seats on a chartered fishing boat, but only"
          + " twice a day and only in fair weather. "
          + SHARED_QUOTE
          + " Shop owners on the islands say the closure comes at the worst time, just before"
          + " the spring market, when most of their yearly income arrives with day visitors."
          + " The harbour office promised a timetable for the replacement service by Friday.";

  private static final String BUDGET_STORY =
      "Brightwater's council approved a smaller budget for road repairs after a long debate"
          + " in which three members walked out in protest against cuts to the bus service."
          + " The vote passed by a single ballot. "
          + SHARED_QUOTE
          + " Opposition members argued that the money set aside for the pier study should have"
          + " gone to the school roof, which has leaked since November, and they asked the"
          + " auditor to review how consultants had been chosen over the last three years.";

  @Test
  void crossPostWithSmallEditsAndAFooterIsGroupedUnderTheEarlierCopy() {
    String original = Texts.randomText(1, 400);
    String copy =
        original.replaceFirst("harbour", "seaport").replaceFirst("council", "city assembly")
            + " This article first appeared in The Brightwater Echo. All rights reserved.";
    List<Article> articles =
        List.of(
            Texts.article("b-copy", "Echo Mirror", "2024-05-02", copy),
            Texts.article("a-orig", "Brightwater Echo", "2024-05-01T08:00:00Z", original),
            Texts.article("c-other", "Elsewhere", "2024-05-01", Texts.randomText(2, 400)));

    DuplicateReport report = DuplicateFinder.find(articles, DedupConfig.DEFAULTS);

    assertThat(report.groups()).hasSize(1);
    DuplicateGroup group = report.groups().get(0);
    assertThat(group.id()).isEqualTo("dup-a-orig");
    assertThat(group.original()).isEqualTo("a-orig");
    assertThat(group.originalBy()).isEqualTo("published");
    assertThat(group.members()).extracting(DuplicateMember::id).containsExactly("a-orig", "b-copy");
    DuplicateMember member = group.members().get(1);
    assertThat(member.similarity()).isGreaterThan(0.8).isLessThan(1);
    assertThat(member.edits())
        .extracting(WordEdit::op, WordEdit::originalText, WordEdit::copyText)
        .contains(
            org.assertj.core.groups.Tuple.tuple("replace", "harbour", "seaport"),
            org.assertj.core.groups.Tuple.tuple("replace", "council", "city assembly"),
            org.assertj.core.groups.Tuple.tuple(
                "insert",
                "",
                "This article first appeared in The Brightwater Echo All rights reserved"));
    assertThat(report.pairs())
        .singleElement()
        .satisfies(
            pair -> {
              assertThat(pair.a()).isEqualTo("a-orig");
              assertThat(pair.b()).isEqualTo("b-copy");
            });
    assertThat(report.groupByArticle()).containsOnlyKeys("a-orig", "b-copy");
  }

  @Test
  void twoArticlesQuotingTheSameStatementAreNotDuplicates() {
    List<Article> articles =
        List.of(
            Texts.article("ferry", "Island Times", "2024-04-02", FERRY_STORY),
            Texts.article("budget", "Council Watch", "2024-04-02", BUDGET_STORY));

    DuplicateReport report = DuplicateFinder.find(articles, DedupConfig.DEFAULTS);

    assertThat(report.groups()).isEmpty();
    assertThat(report.pairs()).isEmpty();
  }

  @Test
  void aCopyInsideALongerPageIsCaughtByContainment() {
    String story = Texts.randomText(3, 300);
    String page = Texts.randomText(4, 250) + " " + story + " " + Texts.randomText(5, 250);
    List<Article> articles =
        List.of(Texts.article("story", null, null, story), Texts.article("page", null, null, page));

    DuplicateReport report = DuplicateFinder.find(articles, DedupConfig.DEFAULTS);

    assertThat(report.pairs())
        .singleElement()
        .satisfies(
            pair -> {
              assertThat(pair.jaccard()).isLessThan(0.5);
              assertThat(pair.containment()).isEqualTo(1.0);
            });
    DuplicateGroup group = report.groups().get(0);
    assertThat(group.original()).isEqualTo("story");
    assertThat(group.originalBy()).isEqualTo("input-order");
    // Random text repeats words, so the shortest script may split an insertion; it never deletes.
    List<WordEdit> edits = group.members().get(1).edits();
    assertThat(edits).extracting(WordEdit::op).containsOnly("insert");
    assertThat(edits.get(0).at()).isZero();
  }

  @Test
  void aLightRewriteIsGroupedAndAHeavyOneIsNot() {
    String original = Texts.randomText(6, 500);
    String light = rewrite(original, 15);
    String heavy = rewrite(original, 2);
    List<Article> articles =
        List.of(
            Texts.article("orig", null, "2024-01-01", original),
            Texts.article("light", null, "2024-01-02", light),
            Texts.article("heavy", null, "2024-01-03", heavy));

    DuplicateReport report = DuplicateFinder.find(articles, DedupConfig.DEFAULTS);

    assertThat(report.groupByArticle()).containsOnlyKeys("orig", "light");
  }

  @Test
  void shortAndEmptyTextsAreNeverGroupedAndBadArticlesAreSkipped() {
    List<Article> articles = new ArrayList<>();
    articles.add(Texts.article("x", null, null, "Photo gallery of the spring market"));
    articles.add(Texts.article("y", null, null, "Photo gallery of the spring market"));
    articles.add(Texts.article("z", null, null, ""));
    articles.add(Texts.article("w", null, "not a date", null));
    articles.add(null);
    articles.add(Texts.article(null, null, null, Texts.randomText(7, 100)));

    DuplicateReport report = DuplicateFinder.find(articles, DedupConfig.DEFAULTS);

    assertThat(report.articles()).isEqualTo(6);
    assertThat(report.compared()).isZero();
    assertThat(report.groups()).isEmpty();
  }

  @Test
  void reportSurvivesAJsonRoundTrip() throws Exception {
    String original = Texts.randomText(8, 200);
    List<Article> articles =
        List.of(
            Texts.article("p", "One", "2024-02-01", original),
            Texts.article("q", "Two", "2024-02-03", original.replaceFirst("crew", "sailors")));
    DuplicateReport report = DuplicateFinder.find(articles, DedupConfig.DEFAULTS);

    JsonNode json = Json.MAPPER.valueToTree(report);
    DuplicateReport back = Json.MAPPER.treeToValue(json, DuplicateReport.class);

    assertThat(back).isEqualTo(report);
    assertThat(json.at("/groups/0/members/1/edits/0/op").asText()).isEqualTo("replace");
  }

  @Test
  void badSettingsNameTheirKey() {
    assertThatThrownBy(() -> DedupConfig.DEFAULTS.withBanding(64, 3))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("dedup.bands");
    assertThatThrownBy(() -> DedupConfig.DEFAULTS.withThresholds(0, 0.8))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("dedup.jaccard");
  }

  /** Replaces every {@code every}-th word with a word of its own. */
  private static String rewrite(String text, int every) {
    String[] words = text.split(" ");
    for (int i = every / 2; i < words.length; i += every) {
      words[i] = "rewritten" + i;
    }
    return String.join(" ", words);
  }
}
