package org.parallax.corpus.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NameResolverTest {

  private static NameUse person(String document, String name, int count) {
    return new NameUse(document, "PERSON", name, count);
  }

  @Test
  void spellingVariantsAcrossDocumentsBecomeTheFormMostDocumentsUse() {
    List<NameUse> uses =
        List.of(
            person("a", "Tomas Reiner", 9),
            person("b", "Tomás Reiner", 2),
            person("c", "Tomás Reiner", 1),
            person("d", "Tommas Rainer", 1));
    Map<TypedName, String> resolved = NameResolver.resolve(uses);
    assertThat(resolved.values()).containsOnly("Tomás Reiner");
  }

  @Test
  void surnameOnlyJoinsTheUniqueFullNameWithThatSurname() {
    Map<TypedName, String> resolved =
        NameResolver.resolve(
            List.of(
                person("a", "Anton Veligor", 3),
                person("b", "Veligor", 5),
                person("c", "Velligor's", 1)));
    assertThat(NameResolver.canonical(resolved, "PERSON", "Veligor")).isEqualTo("Anton Veligor");
    assertThat(NameResolver.canonical(resolved, "PERSON", "Velligor's")).isEqualTo("Anton Veligor");
  }

  @Test
  void twoPeopleSharingASurnameStayApartAndTheBareSurnameIsNotGuessed() {
    Map<TypedName, String> resolved =
        NameResolver.resolve(
            List.of(
                person("a", "Mirela Oskand", 2),
                person("b", "Petar Oskand", 2),
                person("c", "Oskand", 4)));
    assertThat(NameResolver.canonical(resolved, "PERSON", "Mirela Oskand"))
        .isEqualTo("Mirela Oskand");
    assertThat(NameResolver.canonical(resolved, "PERSON", "Petar Oskand"))
        .isEqualTo("Petar Oskand");
    assertThat(NameResolver.canonical(resolved, "PERSON", "Oskand")).isEqualTo("Oskand");
  }

  @Test
  void titlesAreIgnoredAndMiddleNamesMayBeMissing() {
    Map<TypedName, String> resolved =
        NameResolver.resolve(
            List.of(
                person("a", "President Anton K. Veligor", 1),
                person("b", "Anton Veligor", 1),
                person("c", "Anton Veligor", 1),
                person("d", "Major General Tomas Reiner", 1)));
    assertThat(NameResolver.canonical(resolved, "PERSON", "President Anton K. Veligor"))
        .isEqualTo("Anton Veligor");
    assertThat(NameResolver.canonical(resolved, "PERSON", "Major General Tomas Reiner"))
        .isEqualTo("Tomas Reiner");
  }

  @Test
  void differentFirstNamesOrTypesAreNotMerged() {
    Map<TypedName, String> resolved =
        NameResolver.resolve(
            List.of(
                person("a", "Ilan Darrow", 1),
                person("b", "Alina Darrow", 1),
                new NameUse("a", "LOCATION", "Iran", 4),
                new NameUse("b", "LOCATION", "Iraq", 4),
                new NameUse("c", "ORGANIZATION", "Qods Force", 1),
                new NameUse("d", "ORGANIZATION", "Quds Force", 2)));
    assertThat(resolved)
        .containsEntry(new TypedName("PERSON", "Ilan Darrow"), "Ilan Darrow")
        .containsEntry(new TypedName("PERSON", "Alina Darrow"), "Alina Darrow")
        .containsEntry(new TypedName("LOCATION", "Iran"), "Iran")
        .containsEntry(new TypedName("LOCATION", "Iraq"), "Iraq")
        .containsEntry(new TypedName("ORGANIZATION", "Qods Force"), "Quds Force");
  }

  @Test
  void tiesAreBrokenAlphabeticallyWhateverTheInputOrder() {
    List<NameUse> uses =
        new ArrayList<>(
            List.of(
                person("a", "Kestrin Vaal", 1),
                person("b", "Kestrinn Vaal", 1),
                person("c", "Vaal", 2),
                person("d", "Orun Hadley", 1),
                person("e", "Hadley", 1)));
    Map<TypedName, String> first = NameResolver.resolve(uses);
    Random random = new Random(7);
    for (int round = 0; round < 20; round++) {
      Collections.shuffle(uses, random);
      assertThat(NameResolver.resolve(uses)).isEqualTo(first);
    }
    assertThat(first.get(new TypedName("PERSON", "Vaal"))).isEqualTo("Kestrin Vaal");
    assertThat(first.get(new TypedName("PERSON", "Hadley"))).isEqualTo("Orun Hadley");
  }

  @Test
  void surnameVariantsWithoutAFullNameMergeWithEachOther() {
    Map<TypedName, String> resolved =
        NameResolver.resolve(
            List.of(
                person("a", "Suleimani", 1),
                person("b", "Soleimani", 1),
                person("c", "Soleimani", 1)));
    assertThat(resolved.values()).containsOnly("Soleimani");
  }

  @Test
  void wordsGluedBeforeAFullNameGiveTheirWeightToIt() {
    // a model reading another language took a role word into the name in two documents (an
    // article and its copy); the full name alone is used by one
    Map<TypedName, String> resolved =
        NameResolver.resolve(
            List.of(
                person("a", "Kestry Mirela Oskand", 1),
                person("a-copy", "Kestry Mirela Oskand", 1),
                person("b", "Mirela Oskand", 3),
                person("c", "Oskand", 2),
                person("d", "Hamid bin Tarek", 2),
                person("e", "bin Tarek", 1)));
    assertThat(NameResolver.canonical(resolved, "PERSON", "Kestry Mirela Oskand"))
        .isEqualTo("Mirela Oskand");
    assertThat(NameResolver.canonical(resolved, "PERSON", "Oskand")).isEqualTo("Mirela Oskand");
    // a name's lower-case particle is no first name to hand the weight to
    assertThat(NameResolver.canonical(resolved, "PERSON", "bin Tarek"))
        .isEqualTo("Hamid bin Tarek");
  }

  @Test
  void anArticleOpeningASentenceIsNoPartOfANameKnownWithoutIt() {
    Map<TypedName, String> resolved =
        NameResolver.inDocument(
            List.of(
                new TypedName("LOCATION", "La Velmora"),
                new TypedName("LOCATION", "La Velmora"),
                new TypedName("LOCATION", "Velmora"),
                new TypedName("LOCATION", "Los Kestros"),
                new TypedName("PERSON", "A. Oskand"),
                new TypedName("PERSON", "Mirela Oskand")));
    assertThat(resolved.get(new TypedName("LOCATION", "La Velmora"))).isEqualTo("Velmora");
    assertThat(resolved.get(new TypedName("LOCATION", "Los Kestros"))).isEqualTo("Los Kestros");
    // an initial is no article
    assertThat(resolved.get(new TypedName("PERSON", "A. Oskand"))).isEqualTo("A. Oskand");
  }
}
