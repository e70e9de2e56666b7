package org.nngrader.grader.read;

import java.math.BigDecimal;

/**
 * The precision a student wrote a number at: half a unit in the last place written and the
 * number of significant figures, the facts the grading engine judges rounding by. The same
 * digits give the same precision whatever form they came in (number cell, text, csv field,
 * decimal comma, percent, scientific).
 *
 * @param halfUnit half a unit in the last place written, in the units of the value read (0.005
 *     for "0.74", 0.00005 for "75.13%" read as 0.7513, 0.5 for "12"); 0 when the value is exact
 *     or carries full precision (a fraction of whole numbers, a formula's value)
 * @param figures significant figures written (2 for "0.74", 3 for "0.0259", 1 for "0");
 *     {@link #FULL} when the value carries full precision
 */
public record WrittenPrecision(double halfUnit, int figures) {

  /** The figures of a value that carries full precision (a double has at most 17). */
  public static final int FULL = 17;

  /** A value with full precision: a formula's result, an exact fraction. */
  public static final WrittenPrecision EXACT = new WrittenPrecision(0, FULL);

  public WrittenPrecision {
    if (!(halfUnit >= 0) || Double.isInfinite(halfUnit)) {
      throw new IllegalArgumentException("halfUnit must be finite and not negative: " + halfUnit);
    }
    if (figures < 1 || figures > FULL) {
      throw new IllegalArgumentException("figures must be 1.." + FULL + ": " + figures);
    }
  }

  /** Whether the value carries full precision (nothing to allow for). */
  public boolean isExact() {
    return halfUnit == 0;
  }

  /**
   * The precision of a plain decimal (digits, at most one '.', an optional exponent), scaled
   * by {@code 10^shift} (-2 for a percent).
   */
  public static WrittenPrecision ofDecimal(String plainDecimal, int shift) {
    BigDecimal d = new BigDecimal(plainDecimal);
    int figures = d.signum() == 0 ? 1 : Math.min(FULL, d.precision());
    int scale = d.scale() - shift;
    if (figures >= FULL) {
      return EXACT;
    }
    return new WrittenPrecision(0.5 * Math.pow(10, -scale), Math.max(1, figures));
  }

  /** The precision of a number cell: that of its shortest decimal form. */
  public static WrittenPrecision ofCellValue(double value) {
    BigDecimal d = BigDecimal.valueOf(value).stripTrailingZeros();
    if (d.scale() < 0) {
      d = d.setScale(0);
    }
    return ofDecimal(d.toPlainString(), 0);
  }
}
