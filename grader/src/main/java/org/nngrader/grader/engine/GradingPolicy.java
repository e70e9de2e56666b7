package org.nngrader.grader.engine;

/**
 * What the engine needs from a rubric: points and tolerance per step, and the credit given for
 * follow-through, misconceptions and early rounding. Implementations are immutable.
 */
public interface GradingPolicy {

  double points(String step);

  /** Whether an answer is within the step's tolerance of a target value. */
  boolean accepts(String step, double answer, double target);

  /** Fraction of a step's points for a follow-through answer. */
  double followThroughCredit();

  /** Fraction of a step's points for an answer that matches a catalogued misconception. */
  double misconceptionCredit();

  /** Fraction of a step's points for an answer off only through early rounding. */
  double roundingCredit();

  /**
   * Whether follow-through is refused when the student's wrong earlier value is a trivial
   * placeholder (0, 1, -1 or a copy of a given value) while the reference is not.
   */
  boolean rejectTrivialInputs();
}
