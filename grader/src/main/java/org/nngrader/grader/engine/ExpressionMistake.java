package org.nngrader.grader.engine;

import java.util.Optional;
import org.nngrader.bank.expr.ExprDiagnosis;

/**
 * The mistakes the grader names in an expression answer (symbolic exercises), as catalogue
 * entries beside the numeric misconceptions: the id is {@link ExprDiagnosis.Mistake#id()} and
 * is what a step result's {@code misconception} holds; the title names it in reports and the
 * advice says how to fix it. The step's own feedback says where (which factor, which number).
 */
public enum ExpressionMistake {
  SIGN_FLIPPED(ExprDiagnosis.Mistake.SIGN_FLIPPED, "sign of the expression flipped",
      "Check the sign of each factor: the derivative of a squared error is output minus"
          + " target (p - y, not y - p), and a negative weight or input keeps its minus sign."),
  FACTOR_LEFT_OUT(ExprDiagnosis.Mistake.FACTOR_LEFT_OUT, "a factor of the chain rule left out",
      "The chain rule multiplies every local derivative on the path from the loss back to the"
          + " weight: the loss derivative, each activation derivative, each weight on the way"
          + " and the value on the weight's own edge. Write every one of them."),
  EXTRA_FACTOR(ExprDiagnosis.Mistake.EXTRA_FACTOR, "an extra factor in the chain",
      "Each local derivative on the path appears exactly once; remove the extra factor."),
  WRONG_NUMBER(ExprDiagnosis.Mistake.WRONG_NUMBER, "a wrong number in the expression",
      "Recompute that number from the given values, minding the decimal point and the sign.");

  private final ExprDiagnosis.Mistake mistake;
  private final String title;
  private final String advice;

  ExpressionMistake(ExprDiagnosis.Mistake mistake, String title, String advice) {
    this.mistake = mistake;
    this.title = title;
    this.advice = advice;
  }

  /** The entry of a diagnosis' mistake. */
  public static ExpressionMistake of(ExprDiagnosis.Mistake mistake) {
    for (ExpressionMistake m : values()) {
      if (m.mistake == mistake) {
        return m;
      }
    }
    throw new IllegalArgumentException("no entry for expression mistake " + mistake);
  }

  /** The entry with this id, e.g. {@code factor-left-out}. */
  public static Optional<ExpressionMistake> byId(String id) {
    for (ExpressionMistake m : values()) {
      if (m.id().equals(id)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** The stable id, e.g. {@code factor-left-out}. */
  public String id() {
    return mistake.id();
  }

  /** A short name for reports. */
  public String title() {
    return title;
  }

  /** How to fix it, addressed to the student. */
  public String advice() {
    return advice;
  }
}
