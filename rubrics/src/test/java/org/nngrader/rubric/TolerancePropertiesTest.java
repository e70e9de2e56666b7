package org.nngrader.rubric;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

/**
 * The promises of {@link Tolerance}: a student who rounds the expected value correctly (or
 * writes more digits) is always accepted; a value clearly outside the stated width never is.
 */
class TolerancePropertiesTest {

  @Property(tries = 2000)
  void referenceRoundedToNSignificantFiguresIsAccepted(
      @ForAll("references") double reference,
      @ForAll @IntRange(min = 1, max = 15) int n,
      @ForAll("halfRoundings") RoundingMode rounding) {
    double typed = typed(new BigDecimal(reference).round(new MathContext(n, rounding)));
    assertThat(Tolerance.significantFigures(n).accepts(typed, reference))
        .as("%s to %d s.f. is %s", reference, n, typed)
        .isTrue();
  }

  @Property(tries = 2000)
  void moreSignificantFiguresThanAskedAreAccepted(
      @ForAll("references") double reference,
      @ForAll @IntRange(min = 1, max = 15) int n,
      @ForAll @IntRange(min = 0, max = 4) int extra) {
    double typed = typed(new BigDecimal(reference).round(new MathContext(n + extra)));
    assertThat(Tolerance.significantFigures(n).accepts(typed, reference)).isTrue();
  }

  /** One unit in the n-th digit is 10^(e - n + 1); 0.51 of it is outside half a unit. */
  @Property(tries = 2000)
  void moreThanHalfAUnitInTheLastSignificantFigureIsRejected(
      @ForAll("references") double reference,
      @ForAll @IntRange(min = 1, max = 12) int n,
      @ForAll @DoubleRange(min = 0.51, max = 100) @Scale(6) double units,
      @ForAll boolean up) {
    double unit = Tolerance.powerOfTen(Tolerance.exponent(Math.abs(reference)) - n + 1);
    double off = reference + (up ? 1 : -1) * units * unit;
    assertThat(Tolerance.significantFigures(n).accepts(off, reference))
        .as("%s vs %s at %d s.f.", off, reference, n)
        .isFalse();
  }

  @Property(tries = 2000)
  void referenceRoundedToDDecimalPlacesIsAccepted(
      @ForAll @DoubleRange(min = -1e6, max = 1e6) @Scale(12) double reference,
      @ForAll @IntRange(min = 0, max = 9) int d,
      @ForAll @IntRange(min = 0, max = 4) int extra,
      @ForAll("halfRoundings") RoundingMode rounding) {
    double typed = typed(new BigDecimal(reference).setScale(d + extra, rounding));
    assertThat(Tolerance.decimalPlaces(d).accepts(typed, reference))
        .as("%s to %d d.p. is %s", reference, d + extra, typed)
        .isTrue();
  }

  @Property(tries = 2000)
  void moreThanHalfAUnitInTheLastDecimalPlaceIsRejected(
      @ForAll @DoubleRange(min = -1e6, max = 1e6) @Scale(12) double reference,
      @ForAll @IntRange(min = 0, max = 6) int d,
      @ForAll @DoubleRange(min = 0.51, max = 100) @Scale(6) double units,
      @ForAll boolean up) {
    double off = reference + (up ? 1 : -1) * units * Tolerance.powerOfTen(-d);
    assertThat(Tolerance.decimalPlaces(d).accepts(off, reference)).isFalse();
  }

  @Property(tries = 2000)
  void anythingWithinTheCombinedWidthIsAccepted(
      @ForAll("references") double reference,
      @ForAll @DoubleRange(min = 0, max = 1) @Scale(6) double absolute,
      @ForAll @DoubleRange(min = 0, max = 1) @Scale(6) double relative,
      @ForAll @DoubleRange(min = -0.999, max = 0.999) @Scale(6) double position) {
    Tolerance t = Tolerance.combined(absolute, relative);
    double answer = reference + position * (absolute + relative * Math.abs(reference));
    assertThat(t.accepts(answer, reference)).isTrue();
  }

  /** The wording: a value off by more than ten times the width is never accepted. */
  @Property(tries = 3000)
  void aValueOffByMoreThanTenWidthsIsNeverAccepted(
      @ForAll("tolerances") Tolerance tolerance,
      @ForAll("references") double reference,
      @ForAll @DoubleRange(min = 10.001, max = 1e4) @Scale(6) double widths,
      @ForAll boolean up) {
    double off = reference + (up ? 1 : -1) * widths * tolerance.width(reference);
    assertThat(tolerance.accepts(off, reference))
        .as("%s vs %s with %s", off, reference, tolerance)
        .isFalse();
  }

  @Property(tries = 1000)
  void theReferenceItselfIsAlwaysAccepted(
      @ForAll("tolerances") Tolerance tolerance, @ForAll("references") double reference) {
    assertThat(tolerance.accepts(reference, reference)).isTrue();
  }

  @Property(tries = 500)
  void zeroReferenceWithSignificantFiguresAcceptsHalfAUnitInTheNthDecimal(
      @ForAll @IntRange(min = 1, max = 15) int n,
      @ForAll @DoubleRange(min = 0, max = 0.999) @Scale(6) double inside,
      @ForAll @DoubleRange(min = 1.001, max = 100) @Scale(6) double outside) {
    double half = 0.5 * Tolerance.powerOfTen(-n);
    Tolerance t = Tolerance.significantFigures(n);
    assertThat(t.accepts(inside * half, 0.0)).isTrue();
    assertThat(t.accepts(-inside * half, 0.0)).isTrue();
    assertThat(t.accepts(outside * half, 0.0)).isFalse();
  }

  /** What a student types: the decimal, read back the way an answer reader would. */
  private static double typed(BigDecimal decimal) {
    return Double.parseDouble(decimal.toString());
  }

  @Provide
  Arbitrary<RoundingMode> halfRoundings() {
    return Arbitraries.of(RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.HALF_DOWN);
  }

  /** Values the size of network quantities, signs mixed, with powers of ten and near-misses. */
  @Provide
  Arbitrary<Double> references() {
    Arbitrary<Double> scaled =
        Combinators.combine(
                Arbitraries.doubles().between(1, 10),
                Arbitraries.integers().between(-12, 12),
                Arbitraries.of(1.0, -1.0))
            .as((mantissa, exponent, sign) -> sign * mantissa * Math.pow(10, exponent));
    Arbitrary<Double> edges =
        Arbitraries.of(
            1.0, 10.0, 0.1, 0.001, 1000.0, 9.99996, 0.0999999999, Math.nextDown(1.0),
            Math.nextUp(0.1), 0.12345, 0.7513650695, -0.000438568, 0.149780716, 2.5, -2.5,
            0.015912196, 3.5085e-5, 123456.5);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, scaled),
        net.jqwik.api.Tuple.of(1, edges),
        net.jqwik.api.Tuple.of(2, Arbitraries.doubles().between(-1e4, 1e4)));
  }

  @Provide
  Arbitrary<Tolerance> tolerances() {
    return Arbitraries.oneOf(
        Arbitraries.doubles().between(0, 1).map(Tolerance::absolute),
        Arbitraries.doubles().between(0, 1).map(Tolerance::relative),
        Combinators.combine(
                Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(0, 1))
            .as(Tolerance::combined),
        Arbitraries.integers().between(1, 15).map(Tolerance::significantFigures),
        Arbitraries.integers().between(0, 15).map(Tolerance::decimalPlaces));
  }
}
