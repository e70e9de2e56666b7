package org.nngrader.grader.read;

import java.util.Objects;

/**
 * One step row of an answer sheet, exactly as the student left it. Step ids are not matched here
 * (see {@link StepIdMatcher}) and answers are not judged: {@code written} goes through {@link
 * NumberForms#parse(String)} unless {@code numericValue} is present.
 *
 * @param stepId the step id as written in the step column, never blank
 * @param row the row number as the student sees it in Excel or a text editor, 1-based
 * @param written the answer as written: a text cell's text, a numeric cell's displayed value (e.g.
 *     {@code 75.13%}); empty when the answer cell is blank
 * @param numericValue the cell's full-precision number when it was a numeric cell or a formula with
 *     a numeric result; {@code null} for text (numbers stored as text included), blank and csv cells
 * @param formula whether the answer cell held a formula
 * @param precision the written precision of {@code numericValue} (see {@link
 *     WrittenPrecision}: the shortest decimal form or the cell format, whichever shows fewer
 *     digits; {@link WrittenPrecision#EXACT} for a formula's value); {@code null} when there is
 *     no {@code numericValue}
 * @param unreadable why the answer cannot be read although something is written (a formula
 *     that could not be calculated), as a sentence; {@code null} otherwise
 */
public record AnswerCell(String stepId, int row, String written, Double numericValue,
    boolean formula, WrittenPrecision precision, String unreadable) {

  /**
   * A cell whose number, if any, has the precision of its shortest decimal form (exact for a
   * formula), as in a General cell.
   */
  public AnswerCell(String stepId, int row, String written, Double numericValue,
      boolean formula) {
    this(stepId, row, written, numericValue, formula, numericValue == null ? null
        : formula ? WrittenPrecision.EXACT : WrittenPrecision.ofCellValue(numericValue), null);
  }

  public AnswerCell {
    Objects.requireNonNull(stepId, "stepId");
    Objects.requireNonNull(written, "written");
    if (stepId.isBlank()) {
      throw new IllegalArgumentException("row " + row + ": the step id is blank");
    }
    if (row < 1) {
      throw new IllegalArgumentException("row numbers start at 1, got " + row);
    }
    if (numericValue != null && !Double.isFinite(numericValue)) {
      throw new IllegalArgumentException(
          "row " + row + ": a cell's numeric value must be finite, got " + numericValue);
    }
    if ((numericValue == null) != (precision == null)) {
      throw new IllegalArgumentException(
          "row " + row + ": a numeric value comes with its precision, and only a numeric value");
    }
  }
}
