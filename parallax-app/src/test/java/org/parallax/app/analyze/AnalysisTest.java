package org.parallax.app.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.core.model.Document;
import org.parallax.core.model.Metadata;
import org.parallax.core.model.Source;
import org.parallax.index.workspace.Workspace;

class AnalysisTest {

  @TempDir Path tmp;

  private static Metadata outlet(String name) {
    return new Metadata(null, List.of(), null, name, null);
  }

  @Test
  void aDocumentStoredUnderTheIdsOfEarlierVersionsIsNotAnalysedAgain() {
    String text = "The harbour reopened on Tuesday after the storm, the port authority said.";
    Source source = Source.of("r1", "in.jsonl#1", null, "jsonl");
    try (Workspace workspace = Workspace.open(tmp.resolve("ws"))) {
      // stored as an earlier version did: the id from the text alone
      workspace.put(
          Document.restore(
              Document.contentId(text, null), source, outlet("Harbour Times"), text, Map.of()));
      workspace.commit();
      Document same = Document.of(source, outlet("Harbour Times"), text);
      assertThat(same.id()).isNotEqualTo(Document.contentId(text, null));
      assertThat(Analysis.alreadyIn(workspace, same)).isTrue();
      // the same words from another outlet are another article
      assertThat(Analysis.alreadyIn(workspace, Document.of(source, outlet("Coast Daily"), text)))
          .isFalse();
      workspace.put(same);
      assertThat(Analysis.alreadyIn(workspace, same)).isTrue();
    }
  }
}
