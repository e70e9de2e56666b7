package org.nngrader.rubric;

import java.util.List;
import java.util.Locale;

/** "Did you mean" for misspelt field names and choices. */
final class Suggestions {
  private static final int MAX_DISTANCE = 2;

  private Suggestions() {}

  /**
   * The valid name closest to {@code given}, ignoring case, '-', '_' and spaces, if it is
   * within two edits; otherwise {@code null}.
   */
  static String closest(String given, List<String> valid) {
    String g = normal(given);
    String best = null;
    int bestDistance = MAX_DISTANCE + 1;
    for (String candidate : valid) {
      int d = distance(g, normal(candidate));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best;
  }

  private static String normal(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[-_ ]", "");
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
