package org.parallax.ingest.extract;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Boilerplate a single line gives away by itself: donation widgets, share and comment prompts,
 * teasers, disclaimers, copyright and contact footers, taxonomy lines, photo credits, separators.
 *
 * <p>Every rule is anchored on the shape of the line (how it starts, what it consists of) and
 * capped in length, so a body sentence that merely mentions "donate" or "copyright" stays. Rules
 * that need context (where in the page a line stands, its neighbours) live in {@link TextCleaner}.
 */
final class LineRules {

  /** What a line is, if it is boilerplate. */
  record Verdict(String kind, double confidence) {}

  /**
   * @param anchored whether the pattern can only match at the start of the line, so one attempt
   *     there ({@code lookingAt}) decides, instead of one at every position of a long paragraph
   * @param required lower-case strings one of which every match contains: a line with none of them
   *     is not searched (empty: always searched)
   */
  private record Rule(
      Pattern pattern,
      int maxWords,
      String kind,
      double confidence,
      boolean anchored,
      String[] required) {
    boolean test(String line, String lower, int words) {
      if (words > maxWords) {
        return false;
      }
      if (anchored) {
        return pattern.matcher(line).lookingAt();
      }
      if (required.length > 0) {
        boolean any = false;
        for (String r : required) {
          if (lower.contains(r)) {
            any = true;
            break;
          }
        }
        if (!any) {
          return false;
        }
      }
      return pattern.matcher(line).find();
    }
  }

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /** A money amount alone on a line: the steps of a donation widget ("2,500 $", "€ 50"). */
  private static final Pattern AMOUNT =
      Pattern.compile(
          "^(?:[$€£¥₽₹]\\s?\\d[\\d.,\\s]*|\\d[\\d.,\\s]*\\s?[$€£¥₽₹]"
              + "|(?:usd|eur|gbp)\\s?\\d[\\d.,]*|\\d[\\d.,]*\\s?(?:usd|eur|gbp))$",
          FLAGS);

  /** Punctuation alone; underscores are not among it, as a line of them is word characters. */
  private static final Pattern SEPARATOR = Pattern.compile("^[\\p{P}\\p{S}\\s&&[^_]]{1,40}$");

  private static final List<Rule> RULES =
      List.of(
          // donation and membership appeals
          rule(
              "^do you (like|enjoy|value|appreciate) (this|our) (content|work|article|reporting"
                  + "|journalism)\\b",
              25,
              "donation_appeal",
              0.95),
          rule(
              "\\bconsider (helping|supporting|donating to) us\\b",
              25,
              "donation_appeal",
              0.9,
              "consider "),
          rule(
              "^become an? (member|patron|supporter|subscriber|friend|sustainer)\\b",
              15,
              "donation_appeal",
              0.9),
          rule(
              "^(please |now |today,? )?(support (us|our|independent|this|the|free)|donate"
                  + "|help (us|keep|support|fund)|fund (us|our)|back (us|our)|consider (donating"
                  + "|supporting|a donation)|chip in|make a (donation|contribution)|give (now|today"
                  + "|what you can)|jetzt spenden|spenden sie|unterstützen sie|soutenez|faites un don"
                  + "|apoya|apóyanos|dona\\b|sostieni)\\b.{0,200}(donat\\w*|spende\\w*|\\bdon\\b"
                  + "|contribut\\w*|subscri\\w*|member\\w*|patreon|paypal|journalism|journalismus"
                  + "|journalisme|periodismo|giornalismo|!)",
              30,
              "donation_appeal",
              0.85),
          rule(
              "^(please )?(donate|jetzt spenden|spenden sie|faites un don|haz una donación)\\b",
              20,
              "donation_appeal",
              0.9),
          rule(
              "^if you (like|liked|enjoy|enjoyed|value|appreciate)\\b.{0,160}\\b(donat\\w*"
                  + "|support us|subscribe|become a (member|patron))",
              40,
              "donation_appeal",
              0.85),
          // share, follow and comment prompts
          rule("^note to readers\\b", 60, "share_prompt", 0.95),
          rule("\\bclick (on )?the (share|like) buttons?\\b", 40, "share_prompt", 0.9, "click "),
          rule(
              "^(please )?(share|forward|email|e-mail) (this|the) (article|story|post|page"
                  + "|piece|video)\\b",
              20,
              "share_prompt",
              0.9),
          rule("^(partagez|partager) (cet|cette|l')", 20, "share_prompt", 0.9),
          rule("^(artikel|beitrag|seite) teilen\\b", 10, "share_prompt", 0.9),
          rule("^(comparte|compartir|condividi|condividere)\\b", 15, "share_prompt", 0.85),
          rule("^share( on| via)?:?$", 3, "share_prompt", 0.9),
          rule(
              "^comment on\\b.{0,100}\\b(facebook|twitter|telegram|page|forum|site)\\b",
              25,
              "share_prompt",
              0.9),
          rule("^(follow|join|like) us on\\b", 20, "share_prompt", 0.9),
          rule(
              "^(subscribe|sign up) (to|for) (our|the) (newsletter|channel|mailing list"
                  + "|updates)\\b",
              25,
              "share_prompt",
              0.85),
          // calls to subscribe and paywall prompts, short and alone on their line
          rule("^(click here to )?subscribe( now)?( to\\b.*)?[.!:]?$", 15, "share_prompt", 0.8),
          rule(
              "^(to )?(read|continue reading) the (full|whole|rest of the) (story|article)\\b",
              10,
              "share_prompt",
              0.8),
          rule(
              "^(leave a comment|join the (discussion|conversation)|\\d+ comments?|comments?)$",
              5,
              "comments",
              0.85),
          // teasers for other articles
          rule(
              "^(read more|read also|also read|see also|more on (this|the topic)|related"
                  + "( articles?| stories| coverage| news)?|recommended|lire aussi|à lire aussi"
                  + "|a lire aussi|voir aussi|lesen sie auch|mehr zum thema|auch interessant"
                  + "|weiterlesen|leer más|lea también|ver también|te puede interesar|leggi anche"
                  + "|vedi anche|читайте также)\\s*[:：»›>|-]\\s*\\S",
              30,
              "read_more",
              0.95),
          rule(
              "^(read more|related|mehr zum thema|lire aussi|leer más|leggi anche)$",
              3,
              "read_more",
              0.8),
          // the label over a list of teasers, alone on its line
          rule(
              "^(you (may|might) also like|don[’']?t miss|more stories|most read|recommended for"
                  + " you|trending now|see more|related stories)[\\s.…:!]*$",
              5,
              "read_more",
              0.8),
          // the label an ad slot leaves behind
          rule(
              "^(advertisement|advertisements|advert|adverts|ad|sponsored|anzeige|werbung"
                  + "|publicité|publicidad|pubblicità|реклама|iklan|advertentie|reklame)$",
              1,
              "advertisement",
              0.9),
          // legal text
          rule(
              "^(disclaimer|haftungsausschluss|avertissement|aviso legal|descargo de"
                  + " responsabilidad|esclusione di responsabilità)\\s*[:：]",
              200,
              "disclaimer",
              0.95),
          rule(
              "\\b(sole responsibility of the author|(views|opinions) expressed (in this"
                  + " (article|piece|post) )?are (those|solely those|the responsibility) of the"
                  + " author)",
              80,
              "disclaimer",
              0.85,
              "author"),
          rule("^(©|\\(c\\)\\s|copyright\\b|all rights reserved)", 40, "copyright", 0.95),
          rule(
              "\\b(all rights reserved|tous droits réservés|alle rechte vorbehalten|todos los"
                  + " derechos reservados|tutti i diritti riservati)\\b",
              40,
              "copyright",
              0.9,
              "rights reserved",
              "droits réservés",
              "rechte vorbehalten",
              "derechos reservados",
              "diritti riservati"),
          rule(
              "\\bcopyright(ed)?\\b.{0,300}\\bfair use\\b|\\bfair use\\b.{0,300}\\bcopyright",
              200,
              "copyright",
              0.9,
              "fair use"),
          rule(
              "^(for )?(media|press|editorial) (inquiries|enquiries|contact|requests)\\s*[:：]",
              20,
              "contact",
              0.9),
          rule("^(contact( us)?|kontakt|e-?mail( us)?)\\s*[:：]\\s*\\S+@\\S+", 15, "contact", 0.85),
          // where a cross-posted article first appeared
          rule(
              "^(this|the) (article|piece|story|essay|post|commentary|op-ed)\\b.{0,40}\\b"
                  + "(originally|first)\\b.{0,20}\\b(published|appeared|posted)\\b",
              30,
              "crosspost_notice",
              0.9),
          rule("^the original source of this article is\\b", 30, "crosspost_notice", 0.9),
          // taxonomy
          rule(
              "^(region|regions|theme|themes|topic|topics|tags?|categor(y|ies)|section|filed"
                  + " under|in-depth report|keywords|subjects?|schlagworte|schlagwörter|thèmes?"
                  + "|mots-clés|etiquetas|temas?|argomenti)\\s*[:：]\\s*\\S",
              30,
              "taxonomy",
              0.9),
          // photo credits
          rule(
              "^\\(?(photos?|pictures?|images?|fotos?|bilder?|credits?|photo credits?|image"
                  + " credits?|photograph|source photo|titelbild|crédits? photo)\\s*(\\([^)]{0,20}\\)"
                  + ")?\\s*[:：]\\s*\\S",
              40,
              "photo_credit",
              0.9),
          // a gallery's counter ("Image 2 of 5") and an agency credit under a picture
          rule(
              "^(image|photo|picture|slide|bild|foto|imagen|immagine)\\s+\\d+\\s*(of|/|von|de|di|sur)"
                  + "\\s*\\d+$",
              6,
              "caption",
              0.9),
          rule(
              "^[^.!?]{0,80}[|/]\\s*(getty images|shutterstock|afp|ap|reuters|epa|alamy|dpa"
                  + "|picture alliance|imago)(\\s+via\\s+[^.!?]{0,40})?$",
              14,
              "photo_credit",
              0.85),
          // a bare list of articles by the author
          rule("^(articles|posts|stories|more) by\\s*[:：]?\\s*\\p{Lu}", 8, "byline", 0.9));

  private LineRules() {}

  /** The verdict on one stripped, non-blank line, or empty when it may be body text. */
  static Optional<Verdict> classify(String line) {
    int words = words(line);
    if (AMOUNT.matcher(line).matches()) {
      return Optional.of(new Verdict("donation_appeal", 0.9));
    }
    if (SEPARATOR.matcher(line).matches() && line.codePoints().noneMatch(Character::isLetter)) {
      return Optional.of(new Verdict("separator", 0.9));
    }
    String lower = lowerCase(line);
    for (Rule rule : RULES) {
      if (rule.test(line, lower, words)) {
        return Optional.of(new Verdict(rule.kind(), rule.confidence()));
      }
    }
    return Optional.empty();
  }

  /** Whether the line is a money amount alone, a step of a donation widget. */
  static boolean isAmount(String line) {
    return AMOUNT.matcher(line).matches();
  }

  static int words(String line) {
    // as line.strip().split("\\s+").length, without compiling a regex per line
    String stripped = line.strip();
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < stripped.length(); i++) {
      char c = stripped.charAt(i);
      boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
      if (space) {
        inWord = false;
      } else if (!inWord) {
        words++;
        inWord = true;
      }
    }
    return words;
  }

  /**
   * Words counted so that scripts written without spaces weigh like those written with them: a run
   * of Han, kana or Thai counts one word per two characters.
   */
  static int wordsAnyScript(String line) {
    int words = 0;
    int unspaced = 0;
    boolean inWord = false;
    for (int i = 0; i < line.length(); ) {
      int c = line.codePointAt(i);
      i += Character.charCount(c);
      if (isUnspaced(c)) {
        unspaced++;
        inWord = false;
      } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        inWord = false;
      } else if (!inWord) {
        words++;
        inWord = true;
      }
    }
    return words + unspaced / 2;
  }

  private static boolean isUnspaced(int c) {
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.THAI
        || script == Character.UnicodeScript.LAO
        || script == Character.UnicodeScript.KHMER
        || script == Character.UnicodeScript.MYANMAR;
  }

  /**
   * A rule; {@code required} as in {@link Rule}. A search pattern (not anchored) must name them,
   * anchored ones need none: one attempt at the start costs little.
   */
  private static Rule rule(
      String regex, int maxWords, String kind, double confidence, String... required) {
    return new Rule(
        Pattern.compile(regex, FLAGS), maxWords, kind, confidence, anchored(regex), required);
  }

  /** Lower case char by char, as the case-insensitive patterns compare (no change of length). */
  private static String lowerCase(String line) {
    char[] chars = new char[line.length()];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = Character.toLowerCase(line.charAt(i));
    }
    return new String(chars);
  }

  /** Whether a regex starts with {@code ^} and has no alternative outside parentheses. */
  static boolean anchored(String regex) {
    if (!regex.startsWith("^")) {
      return false;
    }
    int depth = 0;
    boolean inClass = false;
    for (int i = 1; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        return false;
      }
    }
    return true;
  }
}
