package org.parallax.corpus.dedup;

import java.util.List;
import java.util.Random;
import org.parallax.corpus.article.Article;

/** Invented test texts: seeded random sentences over a small made-up vocabulary. */
final class Texts {

  private static final String[] WORDS = {
    "harbour",
    "council",
    "ferry",
    "grain",
    "minister",
    "inquiry",
    "crew",
    "storm",
    "budget",
    "village",
    "mayor",
    "bridge",
    "tunnel",
    "market",
    "school",
    "river",
    "festival",
    "railway",
    "union",
    "strike",
    "pension",
    "court",
    "verdict",
    "museum",
    "library",
    "hospital",
    "nurse",
    "doctor",
    "vote",
    "ballot",
    "election",
    "farmer",
    "harvest",
    "drought",
    "flood",
    "coast",
    "island",
    "lighthouse",
    "fisherman",
    "trawler",
    "quota",
    "treaty",
    "border",
    "customs",
    "tariff",
    "factory",
    "worker",
    "engineer",
    "turbine",
    "wind",
    "solar",
    "pipeline",
    "tanker",
    "port",
    "dock",
    "crane",
    "container",
    "cargo",
    "captain",
    "sailor",
    "navy",
    "patrol",
    "report",
    "witness",
    "police",
    "officer",
    "judge",
    "lawyer",
    "appeal",
    "ruling",
    "senate",
    "debate",
    "speech",
    "protest",
    "square",
    "crowd",
    "banner",
    "rumour",
    "statement",
    "agency",
    "spokesman",
    "analyst",
    "expert",
    "study",
    "survey",
    "figure",
    "price",
    "rent",
    "housing",
    "the",
    "a",
    "of",
    "and",
    "to",
    "in",
    "on",
    "with",
    "after",
    "before",
    "said",
    "was",
    "were",
    "has",
    "had",
    "will",
    "would",
    "new",
    "old",
    "local",
    "national",
    "early",
    "late",
    "again"
  };

  private Texts() {}

  static String randomText(long seed, int words) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words; i++) {
      String word = WORDS[random.nextInt(WORDS.length)];
      if (text.length() == 0 || text.charAt(text.length() - 2) == '.') {
        word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
      }
      text.append(word);
      text.append(random.nextInt(12) == 0 ? ". " : " ");
    }
    return text.toString().strip() + ".";
  }

  static Article article(String id, String outlet, String published, String text) {
    return new Article(
        id, outlet, null, published, "en", null, text, List.of(), null, List.of(), List.of());
  }
}
