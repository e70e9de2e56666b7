package org.nngrader.grader.read;

import java.util.Objects;
import org.nngrader.bank.sheet.SpreadsheetText;

/**
 * One non-blank cell as a format reader sees it, before the layout of the answer template is
 * applied.
 *
 * @param text the text as written or displayed
 * @param number the numeric value of a numeric or numeric-formula cell, else {@code null}
 * @param formula whether the cell held a formula
 * @param date whether it was a number shown as a date (its number is then left out: Excel makes
 *     a date of a typed {@code 1/2}, and its serial number is no answer)
 * @param precision the written precision of a numeric cell's number ({@link
 *     WrittenPrecision#EXACT} for a formula's); {@code null} for text
 * @param unreadable why a formula could not be calculated ("NotImplementedFunctionException:
 *     INFO", "the formula is too deeply nested ..."), or {@code null}
 */
record RawCell(String text, Double number, boolean formula, boolean date,
    WrittenPrecision precision, String unreadable) {

  RawCell {
    // A student's file may hold NUL, control characters or a lone surrogate (_xD800_); none of
    // them is an answer, and each would break the reports and csv files written later.
    text = SpreadsheetText.clean(Objects.requireNonNull(text, "text"));
    if (number == null) {
      precision = null;
    } else if (precision == null) {
      precision = formula ? WrittenPrecision.EXACT : WrittenPrecision.ofCellValue(number);
    }
  }

  RawCell(String text, Double number, boolean formula) {
    this(text, number, formula, false, null, null);
  }

  /** A numeric cell as displayed with its number format. */
  static RawCell numeric(double value, int formatIndex, String formatString, boolean formula) {
    return numeric(value, null, formatIndex, formatString, formula);
  }

  /**
   * {@link #numeric(double, int, String, boolean)} of a value parsed from {@code stored}, the
   * cell's text in the file (null when unknown), which gives its shortest decimal at once.
   */
  static RawCell numeric(double value, String stored, int formatIndex, String formatString,
      boolean formula) {
    if (formatIndex != 0 && CellText.isDate(formatIndex, formatString)) {
      String text = CellText.numeric(value, formatIndex, formatString);
      return new RawCell(text, null, formula, true, null, null);
    }
    // The shortest decimal of the value, which both the text (in General) and the precision
    // of a typed number are read from, is found once.
    java.math.BigDecimal shortest = !formula || CellText.isGeneral(formatString)
        ? WrittenPrecision.shortestDecimal(value, stored) : null;
    String text = CellText.numeric(value, formatIndex, formatString, shortest);
    WrittenPrecision precision = formula ? WrittenPrecision.EXACT
        : WrittenPrecision.ofCell(value, formatIndex == 0 ? null : formatString, shortest);
    return new RawCell(text, value, formula, false, precision, null);
  }

  /** A formula that could not be calculated: never a number, with the reason. */
  static RawCell uncalculated(String formula, String reason) {
    return new RawCell("=" + formula, null, true, false, null, reason);
  }

  /** What to tell the student about an uncalculated formula, {@code where} naming the cell. */
  String uncalculatedMessage(String where) {
    return "the formula " + text + where + " could not be calculated (" + unreadable
        + "); type the number instead";
  }

  static RawCell text(String text) {
    return new RawCell(text, null, false);
  }

  boolean isBlank() {
    return number == null && text.isBlank();
  }
}
