package org.parallax.corpus.stories;

import java.util.List;

/**
 * One story: articles about the same event, across outlets and languages.
 *
 * @param id stable id, kept when articles are added and when stories merge
 * @param label readable label: key names, then distinctive terms
 * @param firstPublished earliest member date (ISO yyyy-mm-dd), or {@code null} when none is known
 * @param lastPublished latest member date, or {@code null}
 * @param outlets outlets of the members, most members first
 * @param languages languages of the members, most members first
 * @param names key names, most characteristic first
 * @param terms distinctive terms, most distinctive first
 * @param members member articles, best score first
 */
public record Story(
    String id,
    String label,
    String firstPublished,
    String lastPublished,
    List<String> outlets,
    List<String> languages,
    List<String> names,
    List<String> terms,
    List<StoryMember> members) {

  public Story {
    outlets = List.copyOf(outlets);
    languages = List.copyOf(languages);
    names = List.copyOf(names);
    terms = List.copyOf(terms);
    members = List.copyOf(members);
  }
}
