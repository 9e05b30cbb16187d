package org.parallax.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "January 16, 2020 | 2020-01-16",
        "Jan. 2, 2020 | 2020-01-02",
        "Sept. 30, 2021 | 2021-09-30",
        "March 5 2024 | 2024-03-05",
        "16 January 2020 | 2020-01-16",
        "Thursday, January 16, 2020 | 2020-01-16",
        "2020-01-16 | 2020-01-16",
        "2020-01-16T10:00:00Z | 2020-01-16T10:00:00Z",
        "2020-01-16T10:00:00+01:00 | 2020-01-16T10:00:00+01:00",
        "2020-01-16T10:00+0530 | 2020-01-16T10:00:00+05:30",
        "2020-01-16 10:00:05 | 2020-01-16T10:00:05",
        "1/3/2020, 8:32:10 PM | 2020-01-03T20:32:10",
        "3/6/2024, 9:15:02 AM | 2024-03-06T09:15:02",
        "12/31/2019 | 2019-12-31",
        "31/12/2019 | 2019-12-31",
        "16.01.2020 | 2020-01-16",
        "16.01.2020, 14:30 | 2020-01-16T14:30:00",
        "16. Januar 2020 | 2020-01-16",
        "5. März 2024 | 2024-03-05",
        "Montag, 6. Januar 2020 | 2020-01-06",
        "16 janvier 2020 | 2020-01-16",
        "1er février 2020 | 2020-02-01",
        "le 5 mars 2024 | 2024-03-05",
        "16 de enero de 2020 | 2020-01-16",
        "5 de marzo de 2024 a las 10:20 | 2024-03-05T10:20:00",
        "16 gennaio 2020 | 2020-01-16",
        "3 dicembre 2019 | 2019-12-03",
        "Tue, 3 Jun 2008 11:05:30 GMT | 2008-06-03T11:05:30Z",
        "January 6, 2020. | 2020-01-06",
        "2024/03/05 | 2024-03-05"
      })
  void readsNewsDateFormats(String text, String expected) {
    assertThat(Dates.parse(text)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "MARCH 2021",
        "the night of Jan. 2, 2020",
        "Issued on January 16, 2020 by the ministry",
        "February 30, 2020",
        "13/13/2020",
        "1/3/2020, 13:10 PM",
        "Soleimani",
        "",
        "2020"
      })
  void refusesWhatIsNotExactlyADate(String text) {
    assertThat(Dates.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"MARCH 2021", "Januar 2020", "mars 2024"})
  void knowsAMonthAndYearIsNotADate(String text) {
    assertThat(Dates.isMonthYear(text)).isTrue();
    assertThat(Dates.parse(text)).isEmpty();
  }
}
