package org.nngrader.grader.read;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spelling rules for step ids: how the ways people write an id are reduced to one key, so that
 * {@code ∂E_total / ∂w_5}, {@code de_total/dw5} and {@code dE_total/dw5} are the same step.
 *
 * <p>{@link #normalize(String)} lowercases; reads {@code ∂} (and LaTeX {@code \partial}) as {@code
 * d}; removes spaces next to symbols ({@code /}, {@code @}, {@code ^}, brackets) and turns other
 * inner spaces into {@code _}; drops an underscore between a letter and a digit ({@code w_5} is
 * {@code w5}); drops LaTeX braces and dollars ({@code w_{11}^{[1]}} is {@code w11^[1]}); reads
 * {@code ŷ}, {@code y^}, {@code \hat{y}} and {@code y-hat} as {@code y_hat}; reads the update
 * markers {@code w5_new}, {@code w5 new}, {@code new w5}, {@code w5'}, {@code w5^+}, {@code w5⁺},
 * {@code w5(new)} and {@code w5_updated} as {@code w5+}; and writes a bare layer bracket {@code
 * z1[1]} as {@code z1^[1]}. Everything else, {@code ^[1]} included, is kept as it is, so distinct
 * canonical ids stay distinct. Stateless and thread-safe.
 */
public final class StepIds {

  private static final Pattern HAT_LATEX = Pattern.compile("\\\\hat\\s*\\{?\\s*([yY])\\s*\\}?");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern Y_CARET = Pattern.compile("y\\^(?![\\[(+{])");
  private static final Pattern BARE_LAYER = Pattern.compile("(?<=[a-z0-9])\\[(?=\\d+\\])");
  private static final Pattern UPDATE_PREFIX = Pattern.compile("^(?:new|updated)_(?=.)");
  private static final Pattern UPDATE_SUFFIX =
      Pattern.compile("(?:_?new|_updated|_\\+|'|\\^\\+|\\^\\(\\+\\)|\\(new\\)|\\+)$");
  private static final Pattern LETTER_UNDERSCORE_DIGIT = Pattern.compile("(?<=[a-z])_+(?=\\d)");
  private static final Pattern UNDERSCORE_BY_SYMBOL =
      Pattern.compile("_+(?=[^a-z0-9_])|(?<=[^a-z0-9_])_+");
  private static final Pattern TRAILING_LABEL_MARK = Pattern.compile("[:=]+$");

  private StepIds() {}

  /**
   * The matching key of a step id as written.
   *
   * @param written a step id as written in a sheet, key or rubric
   * @return the key; the empty string for blank text
   */
  public static String normalize(String written) {
    Objects.requireNonNull(written, "written");
    String s = Normalizer.normalize(written, Normalizer.Form.NFKC);
    s = s.replace("\\partial", "d");
    s = HAT_LATEX.matcher(s).replaceAll("y_hat");
    s = mapChars(s).toLowerCase(Locale.ROOT).strip();
    s = TRAILING_LABEL_MARK.matcher(s).replaceAll("").strip();
    s = joinSpaces(s);
    s = s.replace("-hat", "_hat");
    s = Y_CARET.matcher(s).replaceAll("y_hat");
    s = BARE_LAYER.matcher(s).replaceAll("^[");
    s = updateMarker(s);
    s = s.replaceAll("_{2,}", "_");
    s = LETTER_UNDERSCORE_DIGIT.matcher(s).replaceAll("");
    s = UNDERSCORE_BY_SYMBOL.matcher(s).replaceAll("");
    return trimUnderscores(s);
  }

  /**
   * A looser key than {@link #normalize(String)}: also without underscores, so {@code Etotal}
   * meets {@code E_total}. Only used when it picks out a single canonical id.
   */
  static String looseKey(String normalized) {
    return normalized.replace("_", "");
  }

  private static String mapChars(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '∂':
          b.append('d');
          break;
        case 'ŷ': case 'Ŷ':
          b.append("y_hat");
          break;
        case '’': case '‘': case '′': case '´': case '`':
          b.append('\'');
          break;
        case '{': case '}': case '$':
          break;
        default:
          b.append(c);
      }
    }
    return b.toString();
  }

  /** Spaces next to a symbol go; spaces between two words or numbers become one underscore. */
  private static String joinSpaces(String s) {
    Matcher m = SPACES.matcher(s);
    StringBuilder b = new StringBuilder(s.length());
    int last = 0;
    while (m.find()) {
      b.append(s, last, m.start());
      char before = m.start() > 0 ? s.charAt(m.start() - 1) : ' ';
      char after = m.end() < s.length() ? s.charAt(m.end()) : ' ';
      if (isWordChar(before) && isWordChar(after)) {
        b.append('_');
      }
      last = m.end();
    }
    return b.append(s, last, s.length()).toString();
  }

  private static String updateMarker(String s) {
    boolean updated = false;
    Matcher prefix = UPDATE_PREFIX.matcher(s);
    if (prefix.find()) {
      s = s.substring(prefix.end());
      updated = true;
    }
    for (Matcher suffix = UPDATE_SUFFIX.matcher(s); suffix.find(); suffix = UPDATE_SUFFIX.matcher(s)) {
      if (suffix.start() == 0) {
        break;
      }
      s = s.substring(0, suffix.start());
      updated = true;
    }
    return updated ? trimUnderscores(s) + "+" : s;
  }

  private static String trimUnderscores(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && s.charAt(from) == '_') {
      from++;
    }
    while (to > from && s.charAt(to - 1) == '_') {
      to--;
    }
    return s.substring(from, to);
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
