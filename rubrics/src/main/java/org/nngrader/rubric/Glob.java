package org.nngrader.rubric;

/**
 * Step-id patterns: {@code *} matches any run of characters (including none), {@code ?} exactly
 * one character, and every other character only itself.
 *
 * <p>Regular expressions and shell character classes are deliberately not supported: step ids
 * are full of characters that mean something there ({@code /}, {@code ^}, {@code [}, {@code ]},
 * {@code +}, {@code @}, {@code %}), and an instructor writing {@code a1^[2]} means exactly that
 * id. Matching works on code points and is case-sensitive.
 */
final class Glob {
  private static final int STAR = '*';
  private static final int ONE = '?';

  private Glob() {}

  /** Whether {@code text} is one of the ids {@code pattern} stands for. */
  static boolean matches(String pattern, String text) {
    if (pattern.indexOf(STAR) < 0 && pattern.indexOf(ONE) < 0) {
      return pattern.equals(text); // a plain id matches only itself
    }
    if (!hasSurrogates(pattern) && !hasSurrogates(text)) {
      return matchesChars(pattern, text); // every char a code point: no arrays needed
    }
    int[] p = pattern.codePoints().toArray();
    int[] t = text.codePoints().toArray();
    // Greedy scan that backtracks only to the most recent star: linear in practice, and
    // never exponential, unlike a naive recursive matcher on patterns such as "*a*a*a*b".
    int pi = 0;
    int ti = 0;
    int starAt = -1;
    int resumeAt = 0;
    while (ti < t.length) {
      if (pi < p.length && (p[pi] == ONE || (p[pi] != STAR && p[pi] == t[ti]))) {
        pi++;
        ti++;
      } else if (pi < p.length && p[pi] == STAR) {
        starAt = pi++;
        resumeAt = ti;
      } else if (starAt >= 0) {
        pi = starAt + 1;
        ti = ++resumeAt;
      } else {
        return false;
      }
    }
    while (pi < p.length && p[pi] == STAR) {
      pi++;
    }
    return pi == p.length;
  }

  private static boolean hasSurrogates(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isSurrogate(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** {@link #matches} on strings whose chars are their code points. */
  private static boolean matchesChars(String p, String t) {
    int pi = 0;
    int ti = 0;
    int starAt = -1;
    int resumeAt = 0;
    int pn = p.length();
    int tn = t.length();
    while (ti < tn) {
      char pc = pi < pn ? p.charAt(pi) : 0;
      if (pi < pn && (pc == ONE || (pc != STAR && pc == t.charAt(ti)))) {
        pi++;
        ti++;
      } else if (pi < pn && pc == STAR) {
        starAt = pi++;
        resumeAt = ti;
      } else if (starAt >= 0) {
        pi = starAt + 1;
        ti = ++resumeAt;
      } else {
        return false;
      }
    }
    while (pi < pn && p.charAt(pi) == STAR) {
      pi++;
    }
    return pi == pn;
  }

  /**
   * Whether every id that {@code specific} matches is also matched by {@code general}.
   *
   * <p>The test is sound but not complete: when it says yes, the inclusion holds (so a later
   * rule really is dead); it may say no for some exotic pairs where inclusion holds, such as
   * {@code ?*} and {@code *?}. It treats {@code specific} as a word over literals, {@code ?}
   * and {@code *}, and asks whether {@code general} can match that word when a star in
   * {@code general} may absorb anything, a {@code ?} in {@code general} may absorb one literal
   * or one {@code ?}, and a literal may absorb only the same literal.
   */
  static boolean covers(String general, String specific) {
    int[] g = general.codePoints().toArray();
    int[] s = specific.codePoints().toArray();
    boolean[][] ok = new boolean[g.length + 1][s.length + 1];
    ok[g.length][s.length] = true;
    for (int i = g.length - 1; i >= 0; i--) {
      for (int j = s.length; j >= 0; j--) {
        if (g[i] == STAR) {
          ok[i][j] = ok[i + 1][j] || (j < s.length && ok[i][j + 1]);
        } else if (j < s.length) {
          boolean symbolFits =
              g[i] == ONE ? s[j] != STAR : (s[j] != STAR && s[j] != ONE && s[j] == g[i]);
          ok[i][j] = symbolFits && ok[i + 1][j + 1];
        }
      }
    }
    return ok[0][0];
  }

  /**
   * What is wrong with {@code pattern} as a step-id pattern, or {@code null} when nothing is.
   * Step ids never contain white space or control characters, so a pattern that does would
   * silently match nothing.
   */
  static String problem(String pattern) {
    if (pattern == null || pattern.isEmpty()) {
      return "is empty; give a step id such as 'dE_total/dw5' or a pattern such as 'dE_total/dw*'";
    }
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
        return "contains white space; step ids never do, so it would match nothing"
            + " (write 'dE_total/dw5', not 'dE_total / dw5')";
      }
    }
    return null;
  }
}
