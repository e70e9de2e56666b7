package org.nngrader.grader.read;

import java.util.Objects;

/**
 * One non-blank cell as a format reader sees it, before the layout of the answer template is
 * applied.
 *
 * @param text the text as written or displayed
 * @param number the numeric value of a numeric or numeric-formula cell, else {@code null}
 * @param formula whether the cell held a formula
 */
record RawCell(String text, Double number, boolean formula) {

  RawCell {
    Objects.requireNonNull(text, "text");
  }

  static RawCell text(String text) {
    return new RawCell(text, null, false);
  }

  boolean isBlank() {
    return number == null && text.isBlank();
  }
}
