package org.nngrader.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** {@link Decimals#fixed} writes what {@code String.format("%.nf")} writes, digit for digit. */
class DecimalsProperties {

  @Property(tries = 3000)
  void fixedIsStringFormatForAnyDouble(@ForAll double x, @ForAll @IntRange(min = 0, max = 6) int decimals) {
    assertThat(Decimals.fixed(x, decimals))
        .isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", x));
  }

  @Property(tries = 3000)
  void fixedIsStringFormatForPercentages(@ForAll @DoubleRange(min = -1, max = 101) double x,
      @ForAll @IntRange(min = 0, max = 3) int decimals) {
    assertThat(Decimals.fixed(x, decimals))
        .isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", x));
  }

  @Example
  void halvesNegativeZeroAndNonFiniteValues() {
    for (double x : new double[] {0.5, 1.5, 2.5, -0.5, 0.05, 0.15, 0.25, 0.35, 99.995, 12.345,
        -0.0, 0.0, -0.004, -1e-9, 1e21, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MAX_VALUE}) {
      for (int d = 0; d <= 3; d++) {
        assertThat(Decimals.fixed(x, d)).as("%s with %d decimals", x, d)
            .isEqualTo(String.format(Locale.ROOT, "%." + d + "f", x));
      }
    }
  }
}
