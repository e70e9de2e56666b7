package org.nngrader.bank.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The diagram writes its coordinates without a formatter; the text must stay what {@code
 * String.format("%.1f")} gave, trailing {@code .0} dropped.
 */
class DiagramNumberProperties {

  static String formatted(double v) {
    String s = String.format(Locale.ROOT, "%.1f", v);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }

  @Property(tries = 5000)
  void aNumberIsWrittenAsTheFormatterWroteIt(@ForAll("coordinates") double v) {
    assertThat(NetworkDiagram.num(v)).isEqualTo(formatted(v));
  }

  /**
   * Sums of label widths (thousandths of the font size), halves and twentieths (ties between
   * two tenths) and their neighbouring doubles, and any double.
   */
  @Provide
  Arbitrary<Double> coordinates() {
    Arbitrary<Double> widths = Arbitraries.integers().between(0, 2_000_000)
        .map(k -> k * 14 / 1000.0 + 5);
    Arbitrary<Double> ties = Arbitraries.integers().between(-20_000, 20_000)
        .map(k -> k / 20.0);
    Arbitrary<Double> nearTies = Arbitraries.integers().between(-20_000, 20_000)
        .flatMap(k -> Arbitraries.of(Math.nextDown(k / 20.0), Math.nextUp(k / 20.0),
            k / 20.0 + 1e-7, k / 20.0 - 1e-7));
    Arbitrary<Double> any = Arbitraries.doubles();
    return Arbitraries.oneOf(widths, ties, nearTies, any,
        Arbitraries.of(0.0, -0.0, 0.05, 0.15, 0.25, 0.35, -0.04, 999_999.95, 1e6, 1e300,
            Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE, 4.35, 2.675));
  }

  @Example
  void examples() {
    assertThat(NetworkDiagram.num(14)).isEqualTo("14");
    assertThat(NetworkDiagram.num(74.6)).isEqualTo("74.6");
    assertThat(NetworkDiagram.num(56.46)).isEqualTo("56.5");
    assertThat(NetworkDiagram.num(0.04)).isEqualTo("0");
    assertThat(NetworkDiagram.num(-0.04)).isEqualTo("-0");
    assertThat(NetworkDiagram.num(0.15)).isEqualTo(formatted(0.15));
  }
}
