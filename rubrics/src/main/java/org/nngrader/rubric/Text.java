package org.nngrader.rubric;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** Number and list formatting for messages: locale-independent, shortest faithful decimal. */
final class Text {
  private Text() {}

  /** {@code 0.0001}, {@code 2}, {@code 1E-7}: the decimal a person would have typed. */
  static String number(double value) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
    double magnitude = Math.abs(value);
    if (magnitude == 0) {
      return "0";
    }
    return magnitude >= 1e-6 && magnitude < 1e15 ? decimal.toPlainString() : decimal.toString();
  }

  /** A fraction as a percentage: 0.001 gives {@code 0.1%}, computed in decimal. */
  static String percent(double fraction) {
    BigDecimal percent = BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros();
    return (percent.signum() == 0 ? "0" : percent.toPlainString()) + "%";
  }

  /** {@code a, b, c} in the order given. */
  static String list(List<String> items) {
    return String.join(", ", items);
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
