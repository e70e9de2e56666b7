package org.nngrader.grader.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Locale-independent number formatting for scores and percentages in reports and csv files. */
public final class Decimals {

  private Decimals() {}

  /** Points as a short decimal: at most 4 decimals, no trailing zeros ("37.5", "39", "0.25"). */
  static String points(double x) {
    if (!Double.isFinite(x)) {
      return Double.toString(x);
    }
    BigDecimal d = BigDecimal.valueOf(x).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
    return d.signum() == 0 ? "0" : d.toPlainString();
  }

  /**
   * A class average of points with one decimal at most ("42.1", "39"): the mean of many
   * students' points carries no more meaning than that.
   */
  static String average(double x) {
    if (!Double.isFinite(x)) {
      return Double.toString(x);
    }
    BigDecimal d = BigDecimal.valueOf(x).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
    return d.signum() == 0 ? "0" : d.toPlainString();
  }

  /** A percentage with a fixed number of decimals ("96.2"). */
  static String percent(double x, int decimals) {
    return fixed(x, decimals);
  }

  /**
   * {@code x} with exactly {@code decimals} decimals, the same text as
   * {@code String.format(Locale.ROOT, "%.<decimals>f", x)} (half-up rounding of the shortest
   * decimal form, "-0.0" for a negative number that rounds to zero) without parsing a format
   * string for every number.
   */
  public static String fixed(double x, int decimals) {
    if (!Double.isFinite(x)) {
      return String.format(Locale.ROOT, "%." + decimals + "f", x);
    }
    String s = BigDecimal.valueOf(x).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    boolean negative = x < 0 || (x == 0 && 1 / x < 0);
    return negative && s.charAt(0) != '-' ? "-" + s : s;
  }
}
