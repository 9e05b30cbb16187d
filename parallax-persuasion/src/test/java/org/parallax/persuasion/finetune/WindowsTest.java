package org.parallax.persuasion.finetune;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parallax.nlp.encoder.SentenceEncoder;
import org.parallax.persuasion.data.GoldSpan;
import org.parallax.persuasion.data.PtcArticle;

class WindowsTest {

  @Test
  void labelsThePiecesInsideGoldSpansAndListsEachSpanWithItsTechnique() {
    String text = "A calm report.\n\nThis shameful, rotten deal betrays us.\n";
    int begin = text.indexOf("shameful");
    int end = text.indexOf(" deal");
    PtcArticle article =
        new PtcArticle("9", text, List.of(new GoldSpan("Loaded_Language", begin, end)));
    try (HuggingFaceTokenizer tokenizer =
        SentenceEncoder.newTokenizer(SentenceEncoder.Model.MINILM_L6)) {
      List<EncoderFineTuner.Window> windows =
          EncoderFineTuner.windows(tokenizer, article, List.of("Doubt", "Loaded_Language"));

      assertThat(windows).hasSize(1);
      EncoderFineTuner.Window window = windows.get(0);
      assertThat(window.ids()[0]).isEqualTo(101L);
      assertThat(window.ids()[window.ids().length - 1]).isEqualTo(102L);
      assertThat(window.spans()).hasSize(1);
      int[] span = window.spans().get(0);
      assertThat(span[0]).isEqualTo(1);
      // "shameful , rotten" are word pieces 5..8 after [CLS] "a calm report ." "this"
      int inside = 0;
      for (boolean in : window.inSpan()) {
        inside += in ? 1 : 0;
      }
      assertThat(inside).isEqualTo(span[2] - span[1]);
      assertThat(window.inSpan()[span[1] - 1]).isFalse();
      assertThat(window.inSpan()[span[1]]).isTrue();
      assertThat(window.inSpan()[span[2]]).isFalse();
    }
  }

  @Test
  void cutsLongTextIntoWindowsOfAtMostTheWindowSize() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      text.append("Line number ").append(i).append(" says the same plain thing again.\n");
    }
    PtcArticle article = new PtcArticle("10", text.toString(), List.of());
    try (HuggingFaceTokenizer tokenizer =
        SentenceEncoder.newTokenizer(SentenceEncoder.Model.MINILM_L6)) {
      List<EncoderFineTuner.Window> windows =
          EncoderFineTuner.windows(tokenizer, article, List.of("Doubt"));

      assertThat(windows.size()).isGreaterThan(3);
      int pieces = 0;
      for (EncoderFineTuner.Window window : windows) {
        assertThat(window.ids().length).isLessThanOrEqualTo(EncoderFineTuner.WINDOW + 2);
        pieces += window.ids().length - 2;
      }
      assertThat(pieces).isGreaterThan(60 * 8);
      List<List<EncoderFineTuner.Window>> batches =
          EncoderFineTuner.batches(windows, 4, new Random(1));
      assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(windows.size());
    }
  }
}
