package org.parallax.corpus.stories;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.parallax.corpus.article.Article;
import org.parallax.corpus.article.ArticleMention;

/**
 * Invented short articles (our own text) on three events in five languages, plus a trap: a
 * different person with the same surname, in the same town, days later. English and German articles
 * carry the mentions an English NER would find; Russian and Arabic ones carry none, as in the
 * pipeline. Vectors are hashed bags of content words: like an English-centric encoder, they relate
 * articles of one language and hardly relate translations.
 */
final class StoryFixture {

  /** An article with its true story. */
  record Labelled(Article article, String story) {}

  private StoryFixture() {}

  static List<Labelled> articles() {
    List<Labelled> all = new ArrayList<>();
    // event 1: explosion in the port of Varnell
    all.add(
        en(
            "port",
            "e1-en-1",
            "Harbour Times",
            "2024-05-10",
            "A powerful explosion tore through the port of Varnell on Friday, killing at least"
                + " twelve dock workers and destroying two warehouses. Harbour master Yusuf Karimov"
                + " was detained by police hours after the blast. Investigators believe chemicals"
                + " stored near the grain terminal caught fire. Mayor Anna Petrov promised a full"
                + " inquiry.",
            "LOCATION:Varnell",
            "PERSON:Yusuf Karimov",
            "PERSON:Anna Petrov"));
    all.add(
        en(
            "port",
            "e1-en-2",
            "Daily Ledger",
            "2024-05-11",
            "Families of the dock workers killed in the Varnell port explosion gathered outside the"
                + " harbour on Saturday. Prosecutors said Yusuf Karimov had ignored warnings about"
                + " the stored chemicals for months. Anna Petrov declared three days of mourning.",
            "LOCATION:Varnell",
            "PERSON:Yusuf Karimov",
            "PERSON:Anna Petrov"));
    all.add(
        other(
            "port",
            "e1-de",
            "Morgenpost",
            "de",
            "2024-05-11",
            "Nach der schweren Explosion im Hafen von Varnell hat die Polizei den Hafenmeister"
                + " Yusuf Karimov festgenommen. Mindestens zwölf Hafenarbeiter kamen ums Leben."
                + " Bürgermeisterin Anna Petrov kündigte eine Untersuchung an.",
            "PERSON:Yusuf Karimov"));
    all.add(
        other(
            "port",
            "e1-ru",
            "Vesti Porta",
            "ru",
            "2024-05-12",
            "Взрыв в порту Варнелл унёс жизни двенадцати рабочих. Начальник порта Юсуф Каримов"
                + " задержан полицией. Мэр Анна Петрова объявила траур по погибшим."));
    all.add(
        other(
            "port",
            "e1-ar",
            "Sawt al-Marfa",
            "ar",
            "2024-05-11",
            "انفجار ضخم في ميناء فارنيل أدى إلى مقتل اثني عشر عاملا. واعتقلت الشرطة مدير الميناء"
                + " يوسف كريموف. وأعلنت رئيسة البلدية آنا بتروفا الحداد."));
    // event 2: the presidential election in Talvor
    all.add(
        en(
            "vote",
            "e2-en-1",
            "Harbour Times",
            "2024-06-02",
            "Elena Markovic won the presidential election in Talvor on Sunday with 54 percent of"
                + " the vote, defeating the incumbent Viktor Sallan. Turnout was the highest in two"
                + " decades, the electoral commission said.",
            "PERSON:Elena Markovic",
            "LOCATION:Talvor",
            "PERSON:Viktor Sallan"));
    all.add(
        en(
            "vote",
            "e2-en-2",
            "Daily Ledger",
            "2024-06-03",
            "Supporters of Viktor Sallan disputed the result of the Talvor election and called for"
                + " a recount. Elena Markovic said she would govern for every citizen.",
            "PERSON:Viktor Sallan",
            "LOCATION:Talvor",
            "PERSON:Elena Markovic"));
    all.add(
        other(
            "vote",
            "e2-fr",
            "Le Guetteur",
            "fr",
            "2024-06-03",
            "Elena Markovic a remporté l'élection présidentielle au Talvor face au sortant Viktor"
                + " Sallan. La participation a atteint un record depuis vingt ans.",
            "PERSON:Elena Markovic",
            "PERSON:Viktor Sallan"));
    all.add(
        other(
            "vote",
            "e2-ru",
            "Vesti Porta",
            "ru",
            "2024-06-04",
            "Елена Маркович победила на президентских выборах в Талворе. Сторонники Виктора"
                + " Саллана требуют пересчёта голосов."));
    // event 3: the Orlan dam collapse, the same days as event 1
    all.add(
        en(
            "dam",
            "e3-en-1",
            "Harbour Times",
            "2024-05-11",
            "The Orlan dam on the Kesh river collapsed after days of heavy rain, flooding four"
                + " villages. Engineer Samir Nadeem had warned of cracks in the wall last year.",
            "LOCATION:Orlan",
            "LOCATION:Kesh",
            "PERSON:Samir Nadeem"));
    all.add(
        en(
            "dam",
            "e3-en-2",
            "Valley Courier",
            "2024-05-12",
            "Rescue teams searched flooded villages along the Kesh river for a second day after the"
                + " Orlan dam gave way. Samir Nadeem told reporters the reservoir had been overfilled.",
            "LOCATION:Kesh",
            "LOCATION:Orlan",
            "PERSON:Samir Nadeem"));
    all.add(
        other(
            "dam",
            "e3-es",
            "Diario del Valle",
            "es",
            "2024-05-12",
            "La presa de Orlan, en el río Kesh, se derrumbó tras varios días de lluvias intensas."
                + " El ingeniero Samir Nadeem había advertido de grietas en el muro.",
            "LOCATION:Orlan",
            "PERSON:Samir Nadeem"));
    all.add(
        other(
            "dam",
            "e3-ar",
            "Sawt al-Marfa",
            "ar",
            "2024-05-12",
            "انهار سد أورلان على نهر كيش بعد أيام من الأمطار الغزيرة وغمرت المياه أربع قرى. وكان"
                + " المهندس سمير نديم قد حذر من تشققات في الجدار."));
    // trap: another Karimov, in Varnell, three days after the explosion
    all.add(
        en(
            "chess",
            "trap-en",
            "Daily Ledger",
            "2024-05-14",
            "Leyla Karimov won the Varnell chess open on Tuesday, beating the top seed in a tense"
                + " final game. The tournament, sponsored by Gambit Bank, drew a record field of"
                + " young players.",
            "PERSON:Leyla Karimov",
            "LOCATION:Varnell",
            "ORGANIZATION:Gambit Bank"));
    all.add(
        other(
            "chess",
            "trap-ru",
            "Vesti Porta",
            "ru",
            "2024-05-15",
            "Лейла Каримова выиграла шахматный турнир в Варнелле. Спонсором турнира выступил"
                + " Гамбит Банк."));
    return List.copyOf(all);
  }

  private static Labelled en(
      String story, String id, String outlet, String date, String text, String... mentions) {
    return other(story, id, outlet, "en", date, text, mentions);
  }

  private static Labelled other(
      String story,
      String id,
      String outlet,
      String language,
      String date,
      String text,
      String... mentions) {
    List<ArticleMention> found = new ArrayList<>();
    for (String mention : mentions) {
      String type = mention.substring(0, mention.indexOf(':'));
      String name = mention.substring(mention.indexOf(':') + 1);
      int at = text.indexOf(name);
      found.add(new ArticleMention(Math.max(at, 0), Math.max(at, 0) + name.length(), type, name));
    }
    return new Labelled(
        new Article(
            id,
            outlet,
            null,
            date,
            language,
            null,
            text,
            List.of(),
            hashedBagOfWords(text),
            found,
            List.of()),
        story);
  }

  /** A 384-dim L2-normalised hashed bag of words of four letters or more (content words). */
  static float[] hashedBagOfWords(String text) {
    float[] vector = new float[384];
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      if (word.length() >= 4) {
        vector[Math.floorMod(word.hashCode(), 384)] += 1;
      }
    }
    double norm = 0;
    for (float v : vector) {
      norm += v * v;
    }
    for (int i = 0; i < vector.length; i++) {
      vector[i] /= (float) Math.sqrt(norm);
    }
    return vector;
  }
}
