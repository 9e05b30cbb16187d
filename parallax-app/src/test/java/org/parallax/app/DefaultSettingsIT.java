package org.parallax.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.parallax.app.analyze.Analysis;
import org.parallax.app.analyze.ConfigFile;
import org.parallax.core.pipeline.Pipeline;

/** The documented defaults in parallax-default.yaml are exactly what the annotators accept. */
class DefaultSettingsIT {

  @Test
  void defaultSettingsFileBuildsTheDefaultPipeline() {
    Path file = Path.of(System.getProperty("parallax.root", ".."), "parallax-default.yaml");
    Analysis.Settings settings = ConfigFile.read(file, Analysis.Settings.defaults());
    assertThat(settings.annotators()).isEqualTo(Analysis.DEFAULT_ANNOTATORS);
    assertThat(settings.options().keySet())
        .containsExactlyInAnyOrderElementsOf(Analysis.DEFAULT_ANNOTATORS);
    // every documented key is known to its annotator (unknown keys would throw here)
    Pipeline pipeline = Analysis.pipeline(settings);
    assertThat(pipeline.steps()).hasSize(Analysis.DEFAULT_ANNOTATORS.size());
  }
}
