package org.nngrader.rubric;

import java.math.BigDecimal;

/**
 * How close an answer must be to the expected value to count as correct.
 *
 * <p>Five modes. {@link Mode#ABSOLUTE}, {@link Mode#RELATIVE} and {@link Mode#COMBINED} accept
 * {@code |a - b| <= absolute + relative * |b|} (with the unused part zero), where {@code a} is
 * the answer and {@code b} the reference. {@link Mode#SIGNIFICANT_FIGURES} with {@code n}
 * digits accepts {@code |a - b| <= 0.5 * 10^(floor(log10 |b|) - n + 1)}: half a unit in the
 * n-th significant digit of the reference, so the reference correctly rounded to {@code n}
 * significant figures, or written with more digits, is always accepted. A reference of exactly
 * 0 has no significant digits; there the half-width is {@code 0.5 * 10^-n}, as if the student
 * had been asked for {@code n} decimal places. {@link Mode#DECIMAL_PLACES} with {@code d}
 * accepts {@code |a - b| <= 0.5 * 10^-d}.
 *
 * <p>Every half-width is widened by one part in a billion of itself plus four units in the
 * last place of the reference, so that a value exactly on the boundary is never rejected
 * because its decimal form has no exact binary form. The widening is far below anything a
 * student could type on purpose.
 *
 * <p>Immutable; the compact constructor rejects settings outside the ranges below.
 */
public record Tolerance(Mode mode, double absolute, double relative, int digits) {

  /** The tolerance modes a rubric can name. */
  public enum Mode {
    ABSOLUTE,
    RELATIVE,
    COMBINED,
    SIGNIFICANT_FIGURES,
    DECIMAL_PLACES
  }

  /** Largest number of significant figures or decimal places: doubles carry about 15-17. */
  public static final int MAX_DIGITS = 15;

  /** Used when a rubric says nothing: within 0.0001 + 0.1% of the expected value. */
  public static final Tolerance DEFAULT = combined(1e-4, 1e-3);

  private static final double RELATIVE_SLACK = 1e-9;
  private static final int ULP_SLACK = 4;

  public Tolerance {
    if (mode == null) {
      throw new IllegalArgumentException("tolerance mode is missing");
    }
    boolean usesAbsolute = mode == Mode.ABSOLUTE || mode == Mode.COMBINED;
    boolean usesRelative = mode == Mode.RELATIVE || mode == Mode.COMBINED;
    boolean usesDigits = mode == Mode.SIGNIFICANT_FIGURES || mode == Mode.DECIMAL_PLACES;
    requireUnused(!usesAbsolute, absolute, "absolute", mode);
    requireUnused(!usesRelative, relative, "relative", mode);
    requireUnused(!usesDigits, digits, "digits", mode);
    if (usesAbsolute && !(absolute >= 0 && Double.isFinite(absolute))) {
      throw new IllegalArgumentException(
          "absolute tolerance is " + Text.number(absolute) + "; it must be a number, at least 0");
    }
    if (usesRelative && !(relative >= 0 && relative <= 1)) {
      throw new IllegalArgumentException(
          "relative tolerance is " + Text.number(relative) + "; it must be between 0 and 1");
    }
    int minDigits = mode == Mode.SIGNIFICANT_FIGURES ? 1 : 0;
    if (usesDigits && (digits < minDigits || digits > MAX_DIGITS)) {
      throw new IllegalArgumentException(
          Text.lower(mode.name()).replace('_', ' ') + " is " + digits
              + "; it must be a whole number from " + minDigits + " to " + MAX_DIGITS);
    }
  }

  /** Accepts {@code |a - b| <= atol}. */
  public static Tolerance absolute(double atol) {
    return new Tolerance(Mode.ABSOLUTE, atol, 0, 0);
  }

  /** Accepts {@code |a - b| <= rtol * |b|}; only an exact answer when the reference is 0. */
  public static Tolerance relative(double rtol) {
    return new Tolerance(Mode.RELATIVE, 0, rtol, 0);
  }

  /** Accepts {@code |a - b| <= atol + rtol * |b|}. */
  public static Tolerance combined(double atol, double rtol) {
    return new Tolerance(Mode.COMBINED, atol, rtol, 0);
  }

  /** Accepts the reference rounded to {@code n} significant figures (1 to 15), or better. */
  public static Tolerance significantFigures(int n) {
    return new Tolerance(Mode.SIGNIFICANT_FIGURES, 0, 0, n);
  }

  /** Accepts the reference rounded to {@code d} decimal places (0 to 15), or better. */
  public static Tolerance decimalPlaces(int d) {
    return new Tolerance(Mode.DECIMAL_PLACES, 0, 0, d);
  }

  /**
   * Whether {@code answer} is within this tolerance of {@code reference}. False when either is
   * NaN or infinite: such an answer is never right, and such a reference is a solver bug that
   * must not turn into free points.
   */
  public boolean accepts(double answer, double reference) {
    if (!Double.isFinite(answer) || !Double.isFinite(reference)) {
      return false;
    }
    return Math.abs(answer - reference) <= width(reference);
  }

  /**
   * The accepted half-width around {@code reference}: an answer {@code a} is accepted exactly
   * when {@code |a - reference| <= width(reference)}. Includes the binary-rounding slack.
   *
   * @throws IllegalArgumentException if the reference is NaN or infinite
   */
  public double width(double reference) {
    if (!Double.isFinite(reference)) {
      throw new IllegalArgumentException("reference value is " + reference + "; it must be finite");
    }
    double b = Math.abs(reference);
    double half =
        switch (mode) {
          case ABSOLUTE -> absolute;
          case RELATIVE -> relative * b;
          case COMBINED -> absolute + relative * b;
          case SIGNIFICANT_FIGURES ->
              b == 0 ? 0.5 * powerOfTen(-digits) : 0.5 * powerOfTen(exponent(b) - digits + 1);
          case DECIMAL_PLACES -> 0.5 * powerOfTen(-digits);
        };
    return half * (1 + RELATIVE_SLACK) + ULP_SLACK * Math.ulp(b);
  }

  /**
   * What a student must do, in words: "within 0.0001 + 0.1% of the expected value", "to 4
   * significant figures".
   */
  public String describe() {
    return switch (mode) {
      case ABSOLUTE, RELATIVE, COMBINED -> describeWidth();
      case SIGNIFICANT_FIGURES ->
          "to " + digits + (digits == 1 ? " significant figure" : " significant figures");
      case DECIMAL_PLACES ->
          digits == 0
              ? "to the nearest whole number"
              : "to " + digits + (digits == 1 ? " decimal place" : " decimal places");
    };
  }

  private String describeWidth() {
    if (absolute == 0 && relative == 0) {
      return "exactly the expected value";
    }
    String width;
    if (relative == 0) {
      width = Text.number(absolute);
    } else if (absolute == 0) {
      width = Text.percent(relative);
    } else {
      width = Text.number(absolute) + " + " + Text.percent(relative);
    }
    return "within " + width + " of the expected value";
  }

  /** floor(log10 b) for b > 0, exact for the binary value (Math.log10 can be off by one). */
  static int exponent(double b) {
    BigDecimal exact = new BigDecimal(b);
    return exact.precision() - exact.scale() - 1;
  }

  /** 10^k, correctly rounded (Math.pow is allowed an error of one ulp). */
  static double powerOfTen(int k) {
    return BigDecimal.ONE.scaleByPowerOfTen(k).doubleValue();
  }

  private static void requireUnused(boolean unused, double value, String name, Mode mode) {
    if (unused && value != 0) {
      throw new IllegalArgumentException(
          "tolerance mode " + Text.lower(mode.name()) + " has no " + name + " setting; it is "
              + Text.number(value));
    }
  }
}
