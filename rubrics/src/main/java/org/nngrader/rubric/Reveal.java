package org.nngrader.rubric;

/**
 * What a feedback report may show the student besides the verdicts: the expected values, the
 * formulas (symbolic and with the numbers filled in), both, or neither.
 *
 * <p>Written in a rubric as {@code reveal: [values, formulas]}, {@code reveal: [values]} or
 * {@code reveal: nothing}.
 */
public record Reveal(boolean expectedValues, boolean formulas) {

  /** Verdicts only. */
  public static final Reveal NOTHING = new Reveal(false, false);

  /** Expected values and formulas: the default. */
  public static final Reveal ALL = new Reveal(true, true);
}
