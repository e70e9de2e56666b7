package org.nngrader.bank.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * {@link Numbers#computed} prints 8 decimals as {@code String.format("%.8f")} does, and very
 * small or large magnitudes as {@code String.format("%.8e")} does.
 */
class NumbersProperties {

  @Property(tries = 5000)
  void eightDecimalsAreWhatFormatPrints(
      @ForAll @LongRange(min = -99_999_999_999_999L, max = 99_999_999_999_999L) long unscaled,
      @ForAll @IntRange(min = 3, max = 17) int scale, @ForAll @IntRange(min = -1, max = 1) int ulps) {
    // decimals of every length, many of them ties at the 9th decimal, and their neighbours
    double x = new BigDecimal(unscaled).scaleByPowerOfTen(-scale).doubleValue();
    x = ulps == 0 ? x : Math.nextAfter(x, ulps * Double.MAX_VALUE);
    double a = Math.abs(x);
    if (!(a >= 1e-3 && a < 1e7)) {
      return;
    }
    String s = Numbers.computed(x);
    BigDecimal twelve = new BigDecimal(Double.toString(x)).round(new java.math.MathContext(12))
        .stripTrailingZeros();
    if (twelve.scale() > 8) {
      assertThat(s).isEqualTo(String.format(Locale.ROOT, "%.8f", x));
    }
  }

  @Property(tries = 20000)
  void aVerySmallOrLargeValueIsWhatFormatPrintsInScientificNotation(
      @ForAll @LongRange(min = -9_999_999_999L, max = 9_999_999_999L) long unscaled,
      @ForAll @IntRange(min = -330, max = 330) int scale,
      @ForAll @IntRange(min = -1, max = 1) int ulps) {
    // every exponent (subnormals too), ten digits (so a tenth of them ties at the 9th
    // significant digit), and their neighbours, including values that round up to the next power of ten (9.999999995e-4)
    double x = new BigDecimal(unscaled).scaleByPowerOfTen(-scale).doubleValue();
    x = ulps == 0 ? x : Math.nextAfter(x, ulps * Double.MAX_VALUE);
    double a = Math.abs(x);
    if (x == 0 || !Double.isFinite(x) || (a >= 1e-3 && a < 1e7)) {
      return;
    }
    assertThat(Numbers.computed(x)).isEqualTo(String.format(Locale.ROOT, "%.8e", x));
  }

  @Example
  void scientificNotationExamples() {
    assertThat(Numbers.computed(1.5e-5)).isEqualTo("1.50000000e-05");
    assertThat(Numbers.computed(-9.9999999995e-4)).isEqualTo("-1.00000000e-03");
    assertThat(Numbers.computed(12345678912.0)).isEqualTo("1.23456789e+10");
    assertThat(Numbers.computed(Double.MIN_VALUE)).isEqualTo("4.90000000e-324");
    assertThat(Numbers.computed(-1e300)).isEqualTo("-1.00000000e+300");
  }
}
