package org.nngrader.grader.export;

/**
 * Text made safe to open in a spreadsheet: a value starting with {@code = + - @}, a tab or a
 * carriage return would be read as a formula (CSV injection), so it gets a leading apostrophe,
 * which spreadsheets show as nothing and treat as "this is text". Numbers are never passed
 * here: score cells stay plain numbers.
 */
public final class SafeText {

  private SafeText() {}

  public static String of(String text) {
    if (text == null || text.isEmpty()) {
      return text == null ? "" : text;
    }
    char c = text.charAt(0);
    if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
      return "'" + text;
    }
    return text;
  }
}
