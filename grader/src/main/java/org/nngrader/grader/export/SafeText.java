package org.nngrader.grader.export;

/**
 * Text made safe to open in a spreadsheet: a value starting with {@code = + - @}, a tab or a
 * carriage return would be read as a formula (CSV injection), so it gets a leading apostrophe,
 * which spreadsheets show as nothing and treat as "this is text". Numbers are never passed
 * here: score cells stay plain numbers. Control characters and lone surrogates are removed;
 * the rules are {@link org.nngrader.bank.sheet.SpreadsheetText}, shared by every csv nngrader
 * writes.
 */
public final class SafeText {

  private SafeText() {}

  public static String of(String text) {
    return org.nngrader.bank.sheet.SpreadsheetText.text(text);
  }
}
