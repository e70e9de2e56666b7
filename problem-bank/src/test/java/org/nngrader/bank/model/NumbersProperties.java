package org.nngrader.bank.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** {@link Numbers#computed} prints 8 decimals as {@code String.format("%.8f")} does. */
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
}
