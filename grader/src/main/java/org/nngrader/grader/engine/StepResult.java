package org.nngrader.grader.engine;

import java.util.List;

/**
 * The grading of one step. Immutable.
 *
 * @param expected the reference value; NaN for an expression step
 * @param followThroughValue the value the student's own earlier answers lead to (NaN if none)
 * @param misconception the id of the catalogued mistake, or null
 * @param followsFrom the student's wrong earlier steps this step builds on
 * @param formula the step's formula in symbols
 * @param note an extra remark (rounding too early), or null
 * @param expectedExpression the reference expression of an expression step (a symbolic
 *     exercise), as text; null for a number step
 */
public record StepResult(
    String step,
    String question,
    String written,
    Double value,
    double expected,
    Verdict verdict,
    double points,
    double maxPoints,
    String feedback,
    String misconception,
    List<String> followsFrom,
    double followThroughValue,
    String formula,
    String note,
    String expectedExpression) {

  /** The result of a number step. */
  public StepResult(String step, String question, String written, Double value, double expected,
      Verdict verdict, double points, double maxPoints, String feedback, String misconception,
      List<String> followsFrom, double followThroughValue, String formula, String note) {
    this(step, question, written, value, expected, verdict, points, maxPoints, feedback,
        misconception, followsFrom, followThroughValue, formula, note, null);
  }

  public StepResult {
    followsFrom = List.copyOf(followsFrom);
    if (points < 0 || points > maxPoints + 1e-12) {
      throw new IllegalArgumentException(step + ": points " + points + " outside 0.." + maxPoints);
    }
  }
}
