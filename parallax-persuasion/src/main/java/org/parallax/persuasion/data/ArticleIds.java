package org.parallax.persuasion.data;

import java.util.Comparator;

/** Article ids are digit strings of varying length; order them as numbers so output is stable. */
final class ArticleIds {

  /** Numeric ids by value (shorter first, then digit by digit), others after them as strings. */
  static final Comparator<String> ORDER =
      (a, b) -> {
        boolean numericA = isNumeric(a);
        boolean numericB = isNumeric(b);
        if (numericA && numericB) {
          String x = stripZeros(a);
          String y = stripZeros(b);
          int byLength = Integer.compare(x.length(), y.length());
          int byDigits = byLength != 0 ? byLength : x.compareTo(y);
          return byDigits != 0 ? byDigits : a.compareTo(b);
        }
        if (numericA != numericB) {
          return numericA ? -1 : 1;
        }
        return a.compareTo(b);
      };

  private ArticleIds() {}

  private static boolean isNumeric(String id) {
    if (id.isEmpty()) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static String stripZeros(String digits) {
    int i = 0;
    while (i < digits.length() - 1 && digits.charAt(i) == '0') {
      i++;
    }
    return digits.substring(i);
  }
}
