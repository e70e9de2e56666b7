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
 */
record RawCell(String text, Double number, boolean formula, boolean date) {

  RawCell {
    // A student's file may hold NUL, control characters or a lone surrogate (_xD800_); none of
    // them is an answer, and each would break the reports and csv files written later.
    text = SpreadsheetText.clean(Objects.requireNonNull(text, "text"));
  }

  RawCell(String text, Double number, boolean formula) {
    this(text, number, formula, false);
  }

  /** A numeric cell as displayed with its number format. */
  static RawCell numeric(double value, int formatIndex, String formatString, boolean formula) {
    String text = CellText.numeric(value, formatIndex, formatString);
    if (CellText.isDate(formatIndex, formatString)) {
      return new RawCell(text, null, formula, true);
    }
    return new RawCell(text, value, formula, false);
  }

  static RawCell text(String text) {
    return new RawCell(text, null, false);
  }

  boolean isBlank() {
    return number == null && text.isBlank();
  }
}
