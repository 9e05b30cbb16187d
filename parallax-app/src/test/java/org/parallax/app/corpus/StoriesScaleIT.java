package org.parallax.app.corpus;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.parallax.app.analyze.CorpusArticles;
import org.parallax.core.model.Document;
import org.parallax.corpus.stories.Story;
import org.parallax.corpus.stories.StoryClusterer;
import org.parallax.corpus.stories.StoryConfig;
import org.parallax.corpus.stories.StoryState;
import org.parallax.index.workspace.Workspace;

/**
 * Stories at scale, a measurement run rather than a check: clusters an analysed workspace given by
 * {@code -Dparallax.scale=true} (folder {@code -Dparallax.scale.workspace}, default {@code
 * /tmp/scale-ws}) and prints the story count, the largest stories and the share of edited copies
 * ({@code copy<k>-<original input id>}) that land with their original.
 */
class StoriesScaleIT {

  private static final Pattern COPY = Pattern.compile("copy\\d+-(.+)");

  @Test
  void largestStoriesAndCopiesAtScale() {
    assumeTrue(
        Boolean.getBoolean("parallax.scale"),
        "scale run off: pass -Dparallax.scale=true to run it");
    Path dir = Path.of(System.getProperty("parallax.scale.workspace", "/tmp/scale-ws"));
    assumeTrue(Files.isDirectory(dir), "no analysed workspace at " + dir);
    try (Workspace workspace = Workspace.open(dir)) {
      Map<String, String> idByInput = new HashMap<>();
      Map<String, String> copyOf = new HashMap<>();
      workspace.documents().forEach((Document d) -> idByInput.put(d.source().inputId(), d.id()));
      idByInput.forEach(
          (inputId, id) -> {
            Matcher matcher = COPY.matcher(inputId);
            if (matcher.matches() && idByInput.containsKey(matcher.group(1))) {
              copyOf.put(id, idByInput.get(matcher.group(1)));
            }
          });
      long start = System.nanoTime();
      StoryClusterer clusterer = StoryClusterer.create(StoryConfig.DEFAULTS);
      List<String> problems = clusterer.add(CorpusArticles.of(workspace));
      List<Story> stories = clusterer.stories();
      long millis = (System.nanoTime() - start) / 1_000_000;
      long together =
          copyOf.entrySet().stream()
              .filter(e -> clusterer.storyOf(e.getKey()).equals(clusterer.storyOf(e.getValue())))
              .count();
      long singletons = stories.stream().filter(s -> s.members().size() == 1).count();
      System.out.printf(
          "Stories at scale: %d documents, %d stories (%d singletons), %d problems, %d ms%n",
          idByInput.size(), stories.size(), singletons, problems.size(), millis);
      StoryState state = clusterer.state();
      System.out.println("  estimated embedding baselines: " + state.baselines());
      Map<String, List<StoryState.Member>> membersById = new HashMap<>();
      state.stories().forEach(c -> membersById.put(c.id(), c.members()));
      for (Story story : stories.subList(0, Math.min(5, stories.size()))) {
        Map<String, Integer> languages = new TreeMap<>();
        for (StoryState.Member member : membersById.get(story.id())) {
          languages.merge(member.language(), 1, Integer::sum);
        }
        System.out.printf(
            "  %4d  %s | %s..%s | %s%n",
            story.members().size(),
            story.label(),
            story.firstPublished(),
            story.lastPublished(),
            languages);
      }
      System.out.printf(
          "  copies with their original: %d / %d (%.1f %%)%n",
          together, copyOf.size(), copyOf.isEmpty() ? 0.0 : 100.0 * together / copyOf.size());
    }
  }
}
