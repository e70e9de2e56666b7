package org.nngrader.bank.sheet;

import java.util.regex.Pattern;

/**
 * Text made safe for the files nngrader writes, the one place every csv cell passes through.
 *
 * <ul>
 *   <li>{@link #clean}: text from a student's file may hold anything; NUL and other control
 *       characters are removed (tab and line breaks stay) and a lone UTF-16 surrogate (an Excel
 *       escape like {@code _xD800_}) becomes U+FFFD, so that every report can be encoded as
 *       UTF-8.
 *   <li>{@link #text}: a value starting with {@code = + - @}, a tab or a carriage return would
 *       be read by a spreadsheet as a formula (csv injection), so it gets a leading apostrophe,
 *       which spreadsheets show as nothing and treat as "this is text".
 *   <li>{@link #cell}: the same for a cell that may hold a number: a plain number ({@code -0.25},
 *       {@code -1e-3}) is left as it is, so score and value columns stay numbers.
 *   <li>{@link #unescape}: undoes {@link #text} for a value read back from such a csv.
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class SpreadsheetText {

  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");

  private SpreadsheetText() {}

  /** The text without control characters (but tab and line breaks) and lone surrogates. */
  public static String clean(String text) {
    if (text == null || isClean(text)) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        b.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        b.append('\uFFFD');
      } else if (!isControl(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static boolean isClean(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isControl(c) || Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isControl(char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
  }

  /** Clean text that a spreadsheet will not take for a formula; null becomes empty. */
  public static String text(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String clean = clean(text);
    return isFormulaStart(clean) ? "'" + clean : clean;
  }

  /** {@link #text}, but a plain number stays a number. */
  public static String cell(String value) {
    if (value != null && NUMBER.matcher(value).matches()) {
      return value;
    }
    return text(value);
  }

  /** A value as it was before {@link #text}: the apostrophe before a formula sign is dropped. */
  public static String unescape(String value) {
    if (value != null && value.length() > 1 && value.charAt(0) == '\''
        && isFormulaStart(value.substring(1))) {
      return value.substring(1);
    }
    return value;
  }

  private static boolean isFormulaStart(String text) {
    if (text.isEmpty()) {
      return false;
    }
    char c = text.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }
}
