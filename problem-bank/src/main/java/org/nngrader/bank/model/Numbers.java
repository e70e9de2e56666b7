package org.nngrader.bank.model;

import java.math.BigDecimal;

/** Number formatting shared by worked solutions, keys and feedback. Locale independent. */
public final class Numbers {

  private Numbers() {}

  /**
   * A given value (input, weight, target) as an instructor would write it: the shortest
   * decimal that reads back as the same double, without exponent for ordinary magnitudes.
   */
  public static String given(double x) {
    if (x == 0) {
      return "0";
    }
    if (!Double.isFinite(x)) {
      return Double.toString(x);
    }
    BigDecimal d = new BigDecimal(Double.toString(x)).stripTrailingZeros();
    String plain = d.toPlainString();
    return plain.length() <= 16 ? plain : Double.toString(x);
  }

  /**
   * A computed value with 8 decimals (as in the classic worked examples), or 8 significant
   * figures in scientific notation for very small or large magnitudes. A value that is exactly
   * a short decimal (0.5, 1.4, -0.18) prints as that decimal.
   */
  public static String computed(double x) {
    if (x == 0) {
      return "0";
    }
    if (!Double.isFinite(x)) {
      return Double.toString(x);
    }
    double a = Math.abs(x);
    // 12 significant digits hide binary noise (0.1*0.35 + 0.8*0.9 + 0.1 = 0.8550000000000001).
    BigDecimal digits = new BigDecimal(Double.toString(x)); // BigDecimal.valueOf(x)
    BigDecimal exact = digits.round(new java.math.MathContext(12)).stripTrailingZeros();
    if (a >= 1e-3 && a < 1e7 && exact.scale() <= 8) {
      return exact.toPlainString();
    }
    if (a >= 1e-3 && a < 1e7) {
      // What String.format("%.8f") gives (half up from Double.toString's digits), faster.
      return digits.setScale(8, java.math.RoundingMode.HALF_UP).toPlainString();
    }
    return scientific(digits);
  }

  /**
   * What {@code String.format(Locale.ROOT, "%.8e", x)} gives (half up from Double.toString's
   * digits, at least two exponent digits) without the Formatter, whose first use loads the
   * JVM's locale data.
   */
  private static String scientific(BigDecimal digits) {
    BigDecimal r = digits.round(new java.math.MathContext(9, java.math.RoundingMode.HALF_UP));
    String unscaled = r.unscaledValue().abs().toString();
    int exponent = r.precision() - r.scale() - 1;
    StringBuilder s = new StringBuilder(16);
    if (r.signum() < 0) {
      s.append('-');
    }
    // Rounded to 9 significant digits, the unscaled value has 9 digits or fewer.
    s.append(unscaled.charAt(0)).append('.').append(unscaled, 1, unscaled.length())
        .append("0".repeat(9 - unscaled.length()));
    s.append(exponent < 0 ? "e-" : "e+");
    int e = Math.abs(exponent);
    return (e < 10 ? s.append('0') : s).append(e).toString();
  }

  /** {@link #computed} wrapped in parentheses when negative, for substitution into formulas. */
  public static String operand(double x) {
    String s = computed(x);
    return x < 0 ? "(" + s + ")" : s;
  }

  /** {@link #given} wrapped in parentheses when negative. */
  public static String givenOperand(double x) {
    String s = given(x);
    return x < 0 ? "(" + s + ")" : s;
  }
}
