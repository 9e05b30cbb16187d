package org.parallax.persuasion.genre;

import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.VariableInfo;

/**
 * What a linear model over {@link GenreFeatures} can honestly show for one of its calls: the
 * features of the article that added most to that output's score (weight × value, Tribuo's
 * "excuse"), strongest first, as a reader would name them — words and word pairs as written (lower
 * case), style cues in brackets. Words and pairs found in more than half of the training articles
 * ("the", "of") are left out of the list, though they count in the call: they would fill it without
 * telling the reader anything about this article.
 */
public final class Evidence {

  private final ImmutableFeatureMap features;
  private final int articles;

  /** Evidence for a model whose training articles each had one {@code lang=} feature. */
  public Evidence(ImmutableFeatureMap features) {
    this.features = features;
    int n = 0;
    for (VariableInfo info : features) {
      if (info.getName().startsWith("lang=")) {
        n += info.getCount();
      }
    }
    this.articles = n;
  }

  /**
   * Up to {@code limit} names from one output's contributions for an article in {@code language};
   * style cues only when asked.
   */
  public List<String> strongest(
      List<Pair<String, Double>> contributions, int limit, boolean cues, String language) {
    VariableInfo inLanguage = features.get("lang=" + language);
    int common = inLanguage == null ? articles : inLanguage.getCount();
    List<Pair<String, Double>> sorted = new ArrayList<>(contributions);
    sorted.sort(Comparator.comparingDouble((Pair<String, Double> p) -> p.getB()).reversed());
    List<String> names = new ArrayList<>();
    for (Pair<String, Double> feature : sorted) {
      if (feature.getB() <= 0 || names.size() == limit) {
        break;
      }
      String name = feature.getA();
      if (name.startsWith("w=") || name.startsWith("b=")) {
        VariableInfo info = features.get(name);
        if (info == null || info.getCount() * 2 <= common) {
          names.add(name.substring(2));
        }
      } else if (cues && name.startsWith("s=")) {
        names.add("(" + name.substring(2).replace('-', ' ') + ")");
      }
    }
    return names;
  }
}
