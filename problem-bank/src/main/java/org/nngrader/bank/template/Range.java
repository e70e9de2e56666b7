package org.nngrader.bank.template;

/**
 * Where a randomized value is drawn from: [min, max], rounded to {@code decimals} decimals.
 * Immutable.
 */
public record Range(double min, double max, int decimals) {

  public Range {
    if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
      throw new IllegalArgumentException("min " + min + " must not exceed max " + max);
    }
    if (decimals < 0 || decimals > 6) {
      throw new IllegalArgumentException("decimals is " + decimals + "; it must be between 0 and 6");
    }
  }
}
