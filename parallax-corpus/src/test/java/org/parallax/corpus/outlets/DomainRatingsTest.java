package org.parallax.corpus.outlets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DomainRatingsTest {

  @Test
  void matchesTheLongestSuffixTheListHas() {
    DomainRating bbc = DomainRatings.rate("https://news.bbc.co.uk/2/hi/middle_east/1.stm");
    assertThat(bbc.domain()).isEqualTo("news.bbc.co.uk");
    assertThat(bbc.status()).isEqualTo("rated");
    assertThat(bbc.linDomain()).isEqualTo("bbc.co.uk");
    assertThat(bbc.linPc1()).isEqualTo(0.718306150148359);
    assertThat(bbc.cred1Category()).isNull();
  }

  @Test
  void readsBothLists() {
    DomainRating rating = DomainRatings.rate("https://www.globalresearch.ca/some-article/123");
    assertThat(rating.domain()).isEqualTo("globalresearch.ca");
    assertThat(rating.linPc1()).isEqualTo(0.176169765597604);
    assertThat(rating.cred1Domain()).isEqualTo("globalresearch.ca");
    assertThat(rating.cred1Category()).isEqualTo("conspiracy");
    assertThat(rating.cred1Score()).isEqualTo(0.095);

    DomainRating almanar = DomainRatings.rate("http://english.almanar.com.lb/1234");
    assertThat(almanar.linDomain()).isEqualTo("english.almanar.com.lb");
    assertThat(almanar.linPc1()).isEqualTo(0.218787464223012);
    assertThat(almanar.cred1Category()).isEqualTo("unreliable");
  }

  @Test
  void prefersARatedSectionOfASite() {
    DomainRating rfi = DomainRatings.rate("https://www.rfi.fr/en/africa/some-story");
    assertThat(rfi.linDomain()).isEqualTo("rfi.fr/en");
    assertThat(rfi.linPc1()).isEqualTo(0.854417469610155);
  }

  @Test
  void unknownDomainsAreUnratedAndBadUrlsHaveNoHost() {
    DomainRating rating = DomainRatings.rate("https://www.lantern.example/2024/story");
    assertThat(rating.status()).isEqualTo("unrated");
    assertThat(rating.linPc1()).isNull();
    assertThat(rating.cred1Score()).isNull();
    assertThat(DomainRatings.host("not a url")).isNull();
    assertThat(DomainRatings.host(null)).isNull();
    assertThat(DomainRatings.host("WWW.Example.COM.")).isEqualTo("example.com");
  }
}
