package org.nngrader.grader.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

class NumberFormsPropertyTest {

  @Property(tries = 2000)
  void javaRenderingRoundTrips(@ForAll double d) {
    Assume.that(Double.isFinite(d));
    assertThat(NumberForms.parse(Double.toString(d))).isEqualTo(new ParsedNumber.Value(d));
  }

  @Property(tries = 2000)
  void everyBitPatternRoundTrips(@ForAll long bits) {
    double d = Double.longBitsToDouble(bits);
    Assume.that(Double.isFinite(d));
    assertThat(NumberForms.parse(Double.toString(d))).isEqualTo(new ParsedNumber.Value(d));
    assertThat(NumberForms.parse(decimalComma(d))).isEqualTo(new ParsedNumber.Value(d));
    assertThat(NumberForms.parse(percent(d))).isEqualTo(new ParsedNumber.Value(d));
  }

  @Property(tries = 2000)
  void decimalCommaRenderingRoundTrips(@ForAll double d) {
    Assume.that(Double.isFinite(d));
    assertThat(NumberForms.parse(decimalComma(d))).isEqualTo(new ParsedNumber.Value(d));
  }

  @Property(tries = 2000)
  void percentRenderingRoundTrips(@ForAll double d) {
    Assume.that(Double.isFinite(d));
    assertThat(NumberForms.parse(percent(d))).isEqualTo(new ParsedNumber.Value(d));
  }

  @Property(tries = 1000)
  void groupedThousandsRoundTrip(@ForAll @DoubleRange(min = 1000, max = 1e15) double d) {
    String plain = new BigDecimal(Double.toString(d)).toPlainString();
    int dot = plain.indexOf('.');
    String whole = dot < 0 ? plain : plain.substring(0, dot);
    String fraction = dot < 0 ? "" : plain.substring(dot + 1);
    String english = group(whole, ',') + (fraction.isEmpty() ? "" : "." + fraction);
    String french = group(whole, '\u00A0') + (fraction.isEmpty() ? "" : "," + fraction);
    assertThat(NumberForms.parse(english)).isEqualTo(new ParsedNumber.Value(d));
    assertThat(NumberForms.parse("-" + french)).isEqualTo(new ParsedNumber.Value(-d));
  }

  private static String decimalComma(double d) {
    return Double.toString(d).replace('.', ',');
  }

  /** {@code d} times 100 written out in full, with a percent sign; the sign kept for -0.0. */
  private static String percent(double d) {
    boolean negative = Math.copySign(1.0, d) < 0;
    String magnitude = new BigDecimal(Double.toString(Math.abs(d))).movePointRight(2)
        .toPlainString();
    return (negative ? "−" : "") + magnitude + "%";
  }

  private static String group(String digits, char separator) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        b.append(separator);
      }
      b.append(digits.charAt(i));
    }
    return b.toString();
  }
}
