package org.parallax.corpus.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelTermsTest {

  @Test
  void functionWordsAreThoseOfTheGivenLanguages() {
    // Italian function words of four letters pass the shared list of the article's words ...
    assertThat(LabelTerms.top("Anche oggi alla diga: anche alla radio, anche la diga.", 3))
        .contains("anche", "alla");
    // ... and Lucene's Italian list keeps them out of the labels of stories with Italian members
    assertThat(LabelTerms.functionWord("anche", List.of("de", "it"))).isTrue();
    assertThat(LabelTerms.functionWord("alla", List.of("it"))).isTrue();
    assertThat(LabelTerms.functionWord("anche", List.of("de", "en"))).isFalse();
    assertThat(LabelTerms.functionWord("diga", List.of("it"))).isFalse();
    assertThat(LabelTerms.functionWord("anche", List.of("xx"))).isFalse();
  }
}
