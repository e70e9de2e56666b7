package org.nngrader.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ToleranceTest {

  @Test
  void defaultIsWithinOneTenThousandthPlusOneTenthOfAPercent() {
    assertThat(Tolerance.DEFAULT).isEqualTo(Tolerance.combined(1e-4, 1e-3));
    assertThat(Tolerance.DEFAULT.describe()).isEqualTo("within 0.0001 + 0.1% of the expected value");
    // 0.0001 + 0.001 * 0.75 = 0.00085
    assertThat(Tolerance.DEFAULT.accepts(0.75 + 0.00084, 0.75)).isTrue();
    assertThat(Tolerance.DEFAULT.accepts(0.75 - 0.00086, 0.75)).isFalse();
  }

  @Test
  void absoluteComparesTheDifference() {
    Tolerance t = Tolerance.absolute(0.01);
    assertThat(t.accepts(1.009, 1.0)).isTrue();
    assertThat(t.accepts(0.991, 1.0)).isTrue();
    assertThat(t.accepts(1.011, 1.0)).isFalse();
    assertThat(t.accepts(100.011, 100.0)).isFalse();
    assertThat(t.width(123.0)).isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-10));
    assertThat(t.describe()).isEqualTo("within 0.01 of the expected value");
  }

  @Test
  void relativeScalesWithTheReference() {
    Tolerance t = Tolerance.relative(0.01);
    assertThat(t.accepts(101.9, 101.0)).isTrue();
    assertThat(t.accepts(102.1, 101.0)).isFalse();
    assertThat(t.accepts(-0.0101, -0.01)).isTrue();
    assertThat(t.accepts(-0.0102, -0.01)).isFalse();
    assertThat(t.describe()).isEqualTo("within 1% of the expected value");
  }

  @Test
  void relativeAcceptsOnlyZeroForAZeroReference() {
    Tolerance t = Tolerance.relative(0.5);
    assertThat(t.accepts(0.0, 0.0)).isTrue();
    assertThat(t.accepts(-0.0, 0.0)).isTrue();
    assertThat(t.accepts(1e-300, 0.0)).isFalse();
  }

  @Test
  void combinedAddsTheTwoWidths() {
    Tolerance t = Tolerance.combined(0.001, 0.01);
    assertThat(t.width(2.0)).isCloseTo(0.021, org.assertj.core.data.Offset.offset(1e-10));
    assertThat(t.accepts(2.0209, 2.0)).isTrue();
    assertThat(t.accepts(2.0211, 2.0)).isFalse();
    assertThat(t.accepts(0.0009, 0.0)).isTrue();
    assertThat(t.describe()).isEqualTo("within 0.001 + 1% of the expected value");
  }

  @Test
  void significantFiguresAcceptsHalfAUnitInTheLastDigit() {
    Tolerance t = Tolerance.significantFigures(4);
    // 0.7513650695 to 4 s.f. is 0.7514; half a unit is 0.00005.
    assertThat(t.accepts(0.7514, 0.7513650695)).isTrue();
    assertThat(t.accepts(0.751365, 0.7513650695)).isTrue();
    assertThat(t.accepts(0.7513, 0.7513650695)).isFalse(); // truncated, not rounded
    assertThat(t.accepts(0.7512, 0.7513650695)).isFalse();
    // 1234.5678 to 4 s.f. is 1235; half a unit is 0.5.
    assertThat(t.accepts(1235, 1234.5678)).isTrue();
    assertThat(t.accepts(1234, 1234.5678)).isFalse();
    // -0.000438568 to 4 s.f. is -0.0004386.
    assertThat(t.accepts(-0.0004386, -0.000438568)).isTrue();
    assertThat(t.accepts(-0.0004385, -0.000438568)).isFalse();
    assertThat(t.describe()).isEqualTo("to 4 significant figures");
    assertThat(Tolerance.significantFigures(1).describe()).isEqualTo("to 1 significant figure");
  }

  @Test
  void significantFiguresAcceptsRoundingThatCarriesIntoTheNextDecade() {
    // 9.99996 to 4 s.f. is 10.00.
    assertThat(Tolerance.significantFigures(4).accepts(10.0, 9.99996)).isTrue();
    assertThat(Tolerance.significantFigures(4).accepts(10.01, 9.99996)).isFalse();
  }

  @Test
  void significantFiguresFallsBackToDecimalPlacesForAZeroReference() {
    Tolerance t = Tolerance.significantFigures(3);
    assertThat(t.width(0.0)).isCloseTo(0.0005, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(t.accepts(0.0, 0.0)).isTrue();
    assertThat(t.accepts(-1.2e-17, 0.0)).isTrue();
    assertThat(t.accepts(0.0004, 0.0)).isTrue();
    assertThat(t.accepts(-0.0006, 0.0)).isFalse();
  }

  @Test
  void decimalPlacesAcceptsHalfAUnitInTheLastPlace() {
    Tolerance t = Tolerance.decimalPlaces(2);
    assertThat(t.accepts(3.14, 3.14159)).isTrue();
    assertThat(t.accepts(3.15, 3.14159)).isFalse();
    assertThat(t.accepts(-0.01, -0.005)).isTrue();
    assertThat(t.describe()).isEqualTo("to 2 decimal places");
    assertThat(Tolerance.decimalPlaces(1).describe()).isEqualTo("to 1 decimal place");
    assertThat(Tolerance.decimalPlaces(0).describe()).isEqualTo("to the nearest whole number");
    assertThat(Tolerance.decimalPlaces(0).accepts(3, 2.5)).isTrue();
    assertThat(Tolerance.decimalPlaces(0).accepts(4, 2.5)).isFalse();
  }

  @Test
  void exactToleranceStillForgivesBinaryRepresentation() {
    Tolerance exact = Tolerance.absolute(0);
    double computed = 0.1 + 0.2; // 0.30000000000000004
    assertThat(exact.accepts(0.3, computed)).isTrue();
    assertThat(exact.accepts(0.3000001, computed)).isFalse();
    assertThat(exact.describe()).isEqualTo("exactly the expected value");
    assertThat(Tolerance.relative(0).describe()).isEqualTo("exactly the expected value");
    assertThat(Tolerance.combined(0, 0).describe()).isEqualTo("exactly the expected value");
    assertThat(Tolerance.combined(0, 0.001).describe()).isEqualTo("within 0.1% of the expected value");
    assertThat(Tolerance.combined(1e-7, 0).describe()).isEqualTo("within 1E-7 of the expected value");
  }

  @Test
  void nonFiniteValuesAreNeverAccepted() {
    assertThat(Tolerance.absolute(1e300).accepts(Double.NaN, 1)).isFalse();
    assertThat(Tolerance.absolute(1e300).accepts(Double.POSITIVE_INFINITY, 1)).isFalse();
    assertThat(Tolerance.absolute(1e300).accepts(1, Double.NaN)).isFalse();
    assertThatThrownBy(() -> Tolerance.DEFAULT.width(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be finite");
  }

  @Test
  void constructorRejectsSettingsOutOfRange() {
    assertThatThrownBy(() -> Tolerance.absolute(-1))
        .hasMessage("absolute tolerance is -1; it must be a number, at least 0");
    assertThatThrownBy(() -> Tolerance.relative(1.5))
        .hasMessage("relative tolerance is 1.5; it must be between 0 and 1");
    assertThatThrownBy(() -> Tolerance.combined(Double.NaN, 0.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Tolerance.significantFigures(0))
        .hasMessage("significant figures is 0; it must be a whole number from 1 to 15");
    assertThatThrownBy(() -> Tolerance.decimalPlaces(16))
        .hasMessage("decimal places is 16; it must be a whole number from 0 to 15");
    assertThatThrownBy(() -> new Tolerance(Tolerance.Mode.ABSOLUTE, 0.1, 0.2, 0))
        .hasMessage("tolerance mode absolute has no relative setting; it is 0.2");
    assertThatThrownBy(() -> new Tolerance(null, 0, 0, 0))
        .hasMessage("tolerance mode is missing");
  }

  @Test
  void exponentIsExactAtPowersOfTen() {
    assertThat(Tolerance.exponent(1000)).isEqualTo(3);
    assertThat(Tolerance.exponent(999.9999999999999)).isEqualTo(2);
    assertThat(Tolerance.exponent(0.001)).isEqualTo(-3); // the double is slightly above 1/1000
    assertThat(Tolerance.exponent(Math.nextDown(0.001))).isEqualTo(-4); // just below 1/1000
    assertThat(Tolerance.exponent(1)).isZero();
    assertThat(Tolerance.exponent(Math.nextDown(1.0))).isEqualTo(-1);
  }
}
