package org.parallax.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parallax.core.model.Document;
import org.parallax.core.model.Layer;
import org.parallax.core.model.Metadata;
import org.parallax.core.model.Outcome;
import org.parallax.core.model.Source;
import org.parallax.core.model.Span;

class PipelineTest {

  static final Layer<List<Span>> WORDS = Layer.listOf("words", Span.class);
  static final Layer<Integer> COUNT = Layer.of("count", Integer.class);

  static final Annotator WORDER =
      new Annotator() {
        @Override
        public String name() {
          return "words";
        }

        @Override
        public Set<Layer<?>> requires() {
          return Set.of();
        }

        @Override
        public Set<Layer<?>> produces() {
          return Set.of(WORDS);
        }

        @Override
        public Document annotate(Document d) {
          List<Span> spans = new ArrayList<>();
          var m = java.util.regex.Pattern.compile("\\S+").matcher(d.text());
          while (m.find()) {
            spans.add(new Span(m.start(), m.end()));
          }
          return d.with(WORDS, List.copyOf(spans));
        }
      };

  static final Annotator COUNTER =
      counter(
          "count",
          d -> {
            if (d.text().contains("boom")) {
              throw new IllegalArgumentException("cannot count explosions");
            }
          });

  /** An annotator that counts the words, after {@code first} has looked at the document. */
  static Annotator counter(String name, java.util.function.Consumer<Document> first) {
    return new Annotator() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Set<Layer<?>> requires() {
        return Set.of(WORDS);
      }

      @Override
      public Set<Layer<?>> produces() {
        return Set.of(COUNT);
      }

      @Override
      public Document annotate(Document d) {
        first.accept(d);
        return d.with(COUNT, d.get(WORDS).size());
      }
    };
  }

  static Document doc(String text) {
    return Document.of(Source.of("in-" + text, "test", null, "txt"), Metadata.EMPTY, text);
  }

  @Test
  void runsStepsInOrder() {
    Document out = Pipeline.of(WORDER, COUNTER).annotate(doc("three small words"));
    assertThat(out.get(COUNT)).isEqualTo(3);
    assertThat(out.get(WORDS)).containsExactly(new Span(0, 5), new Span(6, 11), new Span(12, 17));
  }

  @Test
  void missingRequirementFailsWhenBuiltNamingTheLayer() {
    assertThatThrownBy(() -> Pipeline.of(COUNTER, WORDER))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'count'")
        .hasMessageContaining("[words]");
  }

  @Test
  void executorKeepsGoingPastAFailureAndNamesTheStage() {
    List<Input> inputs = new ArrayList<>();
    for (String text : List.of("one", "boom here", "two words", "three more words")) {
      inputs.add(input(text));
    }
    inputs.add(
        new Input() {
          @Override
          public String inputId() {
            return "broken";
          }

          @Override
          public String origin() {
            return "broken.html";
          }

          @Override
          public Document read() throws InputException {
            throw new InputException("the file is empty");
          }
        });
    List<Outcome> outcomes = new ArrayList<>();
    LocalExecutor.Summary summary =
        new LocalExecutor(2, Progress.none())
            .run(
                inputs.iterator(),
                inputs.size(),
                Pipeline.of(WORDER, COUNTER),
                d -> false,
                outcomes::add);
    assertThat(summary.analysed()).isEqualTo(3);
    assertThat(summary.failedByStage()).isEqualTo(Map.of("count", 1L, "ingest", 1L));
    assertThat(outcomes)
        .extracting(Outcome::inputId)
        .containsExactly("in-one", "in-boom here", "in-two words", "in-three more words", "broken");
    Outcome.Failed failed = (Outcome.Failed) outcomes.get(1);
    assertThat(failed.reason()).contains("cannot count explosions");
    assertThat(((Outcome.Failed) outcomes.get(4)).reason()).isEqualTo("the file is empty");
  }

  @Test
  void documentOverTheTimeLimitFailsAndTheBatchCarriesOnOnAFreshThread() {
    java.util.concurrent.atomic.AtomicBoolean release =
        new java.util.concurrent.atomic.AtomicBoolean();
    // spins, deaf to interrupts, until the test ends: the worst a hostile page can do
    Annotator stuck =
        counter(
            "stuck",
            d -> {
              while (d.text().contains("spin") && !release.get()) {
                Thread.onSpinWait();
              }
            });
    List<Outcome> outcomes = new ArrayList<>();
    try {
      LocalExecutor.Summary summary =
          new LocalExecutor(1, Progress.none(), java.time.Duration.ofMillis(300))
              .run(
                  List.of(input("before"), input("spin forever"), input("after"), input("last"))
                      .iterator(),
                  4,
                  Pipeline.of(WORDER, stuck),
                  d -> false,
                  outcomes::add);
      assertThat(summary.analysed()).isEqualTo(3);
      assertThat(summary.failed()).isEqualTo(1);
    } finally {
      release.set(true);
    }
    assertThat(outcomes)
        .extracting(Outcome::inputId)
        .containsExactly("in-before", "in-spin forever", "in-after", "in-last");
    Outcome.Failed failed = (Outcome.Failed) outcomes.get(1);
    assertThat(failed.stage()).isEqualTo("pipeline(words+stuck)");
    assertThat(failed.reason()).contains("stopped after 300 ms").contains("time limit");
    assertThat(outcomes.get(2)).isInstanceOf(Outcome.Ok.class);
  }

  @Test
  void executorSkipsDocumentsAlreadyDone() {
    List<Outcome> outcomes = new ArrayList<>();
    String doneId = doc("one").id();
    LocalExecutor.Summary summary =
        new LocalExecutor(1, Progress.none())
            .run(
                List.of(input("one"), input("two")).iterator(),
                2,
                Pipeline.of(WORDER),
                d -> d.id().equals(doneId),
                outcomes::add);
    assertThat(summary.skipped()).isEqualTo(1);
    assertThat(outcomes.get(0)).isInstanceOf(Outcome.Skipped.class);
  }

  @Test
  void unknownOptionIsNamed() {
    Options options = Options.of("entities", Map.of("threads", "2", "colour", "red"));
    assertThat(options.integer("threads", 1)).isEqualTo(2);
    assertThatThrownBy(options::checkAllRead)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("colour");
  }

  private static Input input(String text) {
    return new Input() {
      @Override
      public String inputId() {
        return "in-" + text;
      }

      @Override
      public String origin() {
        return text + ".txt";
      }

      @Override
      public Document read() {
        return doc(text);
      }
    };
  }
}
