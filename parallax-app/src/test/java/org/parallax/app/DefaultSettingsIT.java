package org.parallax.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parallax.app.analyze.Analysis;
import org.parallax.app.analyze.ConfigFile;
import org.parallax.app.analyze.CorpusStages;
import org.parallax.core.json.Json;
import org.parallax.core.pipeline.Pipeline;
import org.parallax.ingest.source.IngestConfig;

/** The documented defaults in parallax-default.yaml are exactly what the code accepts and uses. */
class DefaultSettingsIT {

  private static final Path FILE =
      Path.of(System.getProperty("parallax.root", ".."), "parallax-default.yaml");

  @Test
  void defaultSettingsFileBuildsTheDefaultPipeline() {
    Analysis.Settings settings = ConfigFile.read(FILE, Analysis.Settings.defaults());
    assertThat(settings.annotators()).isEqualTo(Analysis.DEFAULT_ANNOTATORS);
    assertThat(settings.options().keySet())
        .containsExactlyInAnyOrderElementsOf(Analysis.DEFAULT_ANNOTATORS);
    // every documented key is known to its annotator (unknown keys would throw here)
    Pipeline pipeline = Analysis.pipeline(settings);
    assertThat(pipeline.steps()).hasSize(Analysis.DEFAULT_ANNOTATORS.size());
    assertThat(settings.documentTimeout()).isEqualTo(Analysis.Settings.DEFAULT_DOCUMENT_TIMEOUT);
  }

  @Test
  void everyCorpusStageSettingIsDocumentedWithItsDefault() {
    Analysis.Settings settings = ConfigFile.read(FILE, Analysis.Settings.defaults());
    assertThat(settings.corpusOptions().keySet())
        .containsExactlyInAnyOrderElementsOf(CorpusStages.SECTIONS);
    CorpusStages.Settings defaults = CorpusStages.Settings.DEFAULTS;
    assertThat(settings.corpus()).isEqualTo(defaults);
    var documented = settings.corpusOptions();
    assertThat(documented.get(CorpusStages.DUPLICATES).keySet())
        .isEqualTo(fieldNames(defaults.duplicates()));
    assertThat(documented.get(CorpusStages.STORIES).keySet())
        .isEqualTo(fieldNames(defaults.stories()));
    assertThat(documented.get(CorpusStages.TALKING_POINTS).keySet())
        .isEqualTo(fieldNames(defaults.talkingPoints()));
    assertThat(documented.get(CorpusStages.OUTLETS).keySet())
        .isEqualTo(fieldNames(defaults.outlets()));
  }

  @Test
  void everyIngestLimitIsDocumentedWithItsDefault() throws IOException {
    Set<String> documented = new LinkedHashSet<>();
    new ObjectMapper(new YAMLFactory())
        .readTree(FILE.toFile())
        .path("ingest")
        .fieldNames()
        .forEachRemaining(documented::add);
    Set<String> components = new LinkedHashSet<>();
    for (RecordComponent component : IngestConfig.class.getRecordComponents()) {
      components.add(component.getName());
    }
    assertThat(documented).isEqualTo(components);
    Analysis.Settings settings = ConfigFile.read(FILE, Analysis.Settings.defaults());
    assertThat(settings.ingest()).isEqualTo(IngestConfig.DEFAULTS);
  }

  private static java.util.Set<String> fieldNames(Record settings) {
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    Json.MAPPER.valueToTree(settings).fieldNames().forEachRemaining(names::add);
    return names;
  }
}
