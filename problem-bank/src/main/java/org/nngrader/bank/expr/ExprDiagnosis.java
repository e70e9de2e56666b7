package org.nngrader.bank.expr;

import java.util.Objects;

/**
 * A named, common mistake found in a student's expression, for feedback and for the misconception
 * catalogue.
 *
 * @param mistake which mistake
 * @param subject what it concerns, printed in canonical form: the factor left out or added, the
 *     number as the student wrote it; empty for a flipped sign
 * @param expected for {@link Mistake#WRONG_NUMBER} the number expected in its place; empty
 *     otherwise
 * @param message the mistake in words, for the student
 */
public record ExprDiagnosis(Mistake mistake, String subject, String expected, String message) {

  /** The mistakes recognised, each with a stable id for catalogues and reports. */
  public enum Mistake {
    /** The whole expression has the opposite sign. */
    SIGN_FLIPPED("sign-flipped"),
    /** One factor of the reference's product is missing. */
    FACTOR_LEFT_OUT("factor-left-out"),
    /** The expression is the reference times one more factor. */
    EXTRA_FACTOR("extra-factor"),
    /** One number differs (value or sign); the rest is right. */
    WRONG_NUMBER("wrong-number");

    private final String id;

    Mistake(String id) {
      this.id = id;
    }

    /** Stable lower-case id, e.g. {@code factor-left-out}. */
    public String id() {
      return id;
    }
  }

  public ExprDiagnosis {
    Objects.requireNonNull(mistake, "mistake");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(message, "message");
    if (message.isBlank()) {
      throw new IllegalArgumentException("diagnosis " + mistake.id() + " has a blank message");
    }
    if ((mistake == Mistake.SIGN_FLIPPED) != subject.isEmpty()) {
      throw new IllegalArgumentException(
          "diagnosis "
              + mistake.id()
              + " with subject '"
              + subject
              + "'; only sign-flipped has no subject");
    }
    if ((mistake == Mistake.WRONG_NUMBER) == expected.isEmpty()) {
      throw new IllegalArgumentException(
          "diagnosis "
              + mistake.id()
              + " with expected '"
              + expected
              + "'; exactly wrong-number names the expected number");
    }
  }

  static ExprDiagnosis signFlipped() {
    return new ExprDiagnosis(
        Mistake.SIGN_FLIPPED,
        "",
        "",
        "the sign is flipped: the expression is the negative of the expected one");
  }

  static ExprDiagnosis factorLeftOut(Expr factor) {
    return new ExprDiagnosis(
        Mistake.FACTOR_LEFT_OUT,
        factor.toString(),
        "",
        "the factor " + factor + " is left out; with it the expression would be right");
  }

  static ExprDiagnosis extraFactor(Expr factor) {
    return new ExprDiagnosis(
        Mistake.EXTRA_FACTOR,
        factor.toString(),
        "",
        "the expression has an extra factor "
            + factor
            + "; without it the expression would be"
            + " right");
  }

  static ExprDiagnosis wrongNumber(Expr found, Expr expected) {
    return new ExprDiagnosis(
        Mistake.WRONG_NUMBER,
        found.toString(),
        expected.toString(),
        found + " where " + expected + " was expected; the rest of the expression is right");
  }
}
