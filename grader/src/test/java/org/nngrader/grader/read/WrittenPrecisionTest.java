package org.nngrader.grader.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WrittenPrecisionTest {

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "0.74; 0.005; 2",
      "0,74; 0.005; 2",
      "-0.0259; 0.00005; 3",
      "−0.0259; 0.00005; 3",
      "7.4E-1; 0.005; 2",
      "7.4 × 10^-1; 0.005; 2",
      "74%; 0.005; 2",
      "74.00%; 0.00005; 4",
      "12; 0.5; 2",
      "0; 0.5; 1",
      "0.0001; 0.00005; 1",
      "1,234.5; 0.05; 5"})
  void theSameDigitsHaveTheSamePrecisionInEveryForm(String written, double halfUnit, int figures) {
    WrittenPrecision p = NumberForms.precisionOf(written);
    assertThat(p.halfUnit()).isCloseTo(halfUnit, org.assertj.core.data.Offset.offset(1e-15));
    assertThat(p.figures()).isEqualTo(figures);
  }

  @Test
  void aFractionOfWholeNumbersIsExact() {
    assertThat(NumberForms.precisionOf("3/4")).isEqualTo(WrittenPrecision.EXACT);
  }

  @Test
  void aNumberCellHasThePrecisionOfItsShortestDecimalForm() {
    assertThat(WrittenPrecision.ofCellValue(0.74)).isEqualTo(NumberForms.precisionOf("0.74"));
    assertThat(WrittenPrecision.ofCellValue(-0.0259)).isEqualTo(NumberForms.precisionOf("-0.0259"));
    assertThat(WrittenPrecision.ofCellValue(1200.0)).isEqualTo(NumberForms.precisionOf("1200"));
    assertThat(WrittenPrecision.ofCellValue(0.1 + 0.2).isExact()).isTrue();
  }

  @ParameterizedTest(name = "{0} shown as {1}: half-unit {2}, {3} figures")
  @CsvSource(delimiter = '|', value = {
      "0.7369159|0.00|0.005|2",
      "0.7369159|#,##0.00|0.005|2",
      "0.7369159|0.00%|0.00005|4",
      "0.7369159|0%|0.005|2",
      "0.7369159|0.00E+00|0.0005|3",
      "0.0259351|0.0E+00|0.0005|2",
      "0.7369159|0.00;[Red]-0.00|0.005|2",
      "0.7369159|\"value \"0.0_);(0.0)|0.05|1",
      "0.7369159|[$-409]0.000|0.0005|3",
      "1234567|#,##0.0,|50|5",
      "0.74|0.0000|0.005|2",
      "0.7369159|General|0.00000005|7",
      "0.7369159|@|0.00000005|7",
      "0.75|# ?/?|0.005|2",
      "0.004|0.00|0.005|1",
      "9.996|0.00|0.005|4"})
  void aNumberCellHasThePrecisionItsFormatShowsWhenThatIsCoarser(double value, String format,
      double halfUnit, int figures) {
    WrittenPrecision p = WrittenPrecision.ofCell(value, format);
    assertThat(p.halfUnit()).isCloseTo(halfUnit, org.assertj.core.data.Offset.offset(1e-15));
    assertThat(p.figures()).isEqualTo(figures);
  }

  @Test
  void theShortestDecimalIsFoundWhereJava17sToStringIsLonger() {
    // Java 17 prints 2.82879384806159E17 as 2.82879384806159008E17 (JDK-4511638).
    assertThat(WrittenPrecision.shortestDecimal(2.82879384806159E17).toPlainString())
        .isEqualTo("282879384806159000");
    assertThat(WrittenPrecision.shortestDecimal(0.3).toPlainString()).isEqualTo("0.3");
    assertThat(WrittenPrecision.shortestDecimal(0.1 + 0.2).toPlainString())
        .isEqualTo("0.30000000000000004");
    assertThat(WrittenPrecision.shortestDecimal(2.0E-3).toPlainString()).isEqualTo("0.002");
  }

  @net.jqwik.api.Property(tries = 2000)
  void generalTextWithoutAFormatterIsWhatPoiShows(
      @net.jqwik.api.ForAll @net.jqwik.api.constraints.LongRange(min = 1, max = 99_999_999_999L)
          long unscaled,
      @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = -4, max = 14) int scale,
      @net.jqwik.api.ForAll boolean negative) {
    double v = new java.math.BigDecimal(java.math.BigInteger.valueOf(unscaled), scale)
        .doubleValue() * (negative ? -1 : 1);
    String fast = CellText.general(v);
    if (fast != null) {
      assertThat(fast).isEqualTo(new org.apache.poi.ss.usermodel.DataFormatter(
          java.util.Locale.ROOT).formatRawCellContents(v, 0, "General"));
    }
    assertThat(CellText.numeric(v, 0, "General")).isEqualTo(
        new org.apache.poi.ss.usermodel.DataFormatter(java.util.Locale.ROOT)
            .formatRawCellContents(v, 0, "General"));
    // The answer template's text format: a number typed into it shows as in General.
    assertThat(CellText.numeric(v, 49, "@")).isEqualTo(
        new org.apache.poi.ss.usermodel.DataFormatter(java.util.Locale.ROOT)
            .formatRawCellContents(v, 49, "@"));
  }

  @net.jqwik.api.Property(tries = 20000)
  void theShortestDecimalIsTheFirstLengthThatReadsBack(
      @net.jqwik.api.ForAll long bits, @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(
          min = 0, max = 3) int kind,
      @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 17) int digits) {
    double v = switch (kind) {
      case 0 -> Double.longBitsToDouble(bits); // anything a double can be
      case 1 -> Double.longBitsToDouble((bits & 0x000f_ffff_ffff_ffffL) | 0x3fe0_0000_0000_0000L);
      // a short decimal, as typed, and one more or less in the last place
      default -> Math.nextAfter(new java.math.BigDecimal(Math.abs(bits % 1_000_000_000_000_000L))
          .round(new java.math.MathContext(digits)).scaleByPowerOfTen(-(int) Math.abs(bits % 23))
          .doubleValue(), kind == 2 ? 0 : Double.POSITIVE_INFINITY);
    };
    if (!Double.isFinite(v)) {
      return;
    }
    assertThat(WrittenPrecision.shortestDecimal(v)).isEqualTo(shortestByEveryLength(v));
  }

  @net.jqwik.api.Property(tries = 20000)
  void theShortestDecimalOfAStoredTextIsThatOfItsValue(
      @net.jqwik.api.ForAll long digits,
      @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 17) int point,
      @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 5) int form) {
    String d = Long.toString(Math.abs(digits % 100_000_000_000_000_000L));
    String body = point < d.length() ? d.substring(0, d.length() - point) + "."
        + d.substring(d.length() - point) : "0." + "0".repeat(point - d.length()) + d;
    String stored = switch (form) {
      case 0 -> body;
      case 1 -> "-" + body + "0";
      case 2 -> body + "E-" + point;
      case 3 -> d + "e" + point;
      case 4 -> "+" + body + "d"; // parseDouble reads a suffix BigDecimal does not
      default -> "0x1." + point + "p-" + point; // and hexadecimal
    };
    double v = Double.parseDouble(stored);
    assertThat(WrittenPrecision.shortestDecimal(v, stored)).isEqualTo(shortestByEveryLength(v));
    assertThat(WrittenPrecision.shortestDecimal(v)).isEqualTo(shortestByEveryLength(v));
  }

  @org.junit.jupiter.api.Test
  void aPowerOfTwoAtATieIsReadAsTheSearchReadsIt() {
    // 2^-24: rounded to 16 digits it is a tie whose lower neighbour does not read back.
    double v = Math.scalb(1.0, -24);
    assertThat(WrittenPrecision.shortestDecimal(v)).isEqualTo(shortestByEveryLength(v));
    assertThat(WrittenPrecision.ofCellValue(v).isExact()).isTrue();
    for (int k = -1022; k <= 1023; k++) {
      double p = Math.scalb(1.0, k);
      for (double x : new double[] {p, 3 * p, Math.nextUp(p), Math.nextDown(p)}) {
        if (Double.isFinite(x) && x >= Double.MIN_NORMAL) {
          assertThat(WrittenPrecision.shortestDecimal(x)).as("%s", x)
              .isEqualTo(shortestByEveryLength(x));
        }
      }
    }
  }

  @net.jqwik.api.Property(tries = 50000)
  void aValueOfSixteenOrSeventeenDigitsIsReadAsTheSearchReadsIt(
      @net.jqwik.api.ForAll long bits,
      @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = -1022, max = 1023) int exponent,
      @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 2) int kind) {
    // Any bits below the leading one (the answers a sheet holds: full doubles of a formula's
    // result), over every normal exponent and, more densely, those of answers.
    int e = kind == 0 ? exponent : Math.floorMod(exponent, 60) - 40;
    double v = Math.scalb(1.0 + (double) (bits & 0x000f_ffff_ffff_ffffL) / (1L << 52), e);
    if (kind == 2) {
      v = -v;
    }
    if (!Double.isFinite(v) || Math.abs(v) < Double.MIN_NORMAL) {
      return;
    }
    assertThat(WrittenPrecision.shortestDecimal(v)).as("%s", v).isEqualTo(shortestByEveryLength(v));
    assertThat(WrittenPrecision.shortestDecimal(v)).isEqualTo(WrittenPrecision.searched(v));
  }

  /** The search one length after another, as the definition reads. */
  private static java.math.BigDecimal shortestByEveryLength(double value) {
    if (value == 0) {
      return java.math.BigDecimal.ZERO;
    }
    java.math.BigDecimal candidate = new java.math.BigDecimal(Double.toString(value))
        .stripTrailingZeros();
    if (candidate.precision() > 15) {
      java.math.BigDecimal exact = new java.math.BigDecimal(value);
      for (int digits = 1; digits <= 17; digits++) {
        java.math.BigDecimal rounded = exact.round(
            new java.math.MathContext(digits, java.math.RoundingMode.HALF_EVEN));
        if (rounded.doubleValue() == value) {
          candidate = rounded.stripTrailingZeros();
          break;
        }
      }
    }
    return candidate.scale() < 0 ? candidate.setScale(0) : candidate;
  }

  @net.jqwik.api.Property(tries = 20000)
  void generalTextOfLongNumbersWithoutAFormatterIsWhatPoiShows(
      @net.jqwik.api.ForAll long bits,
      @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = -5, max = 10) int exponent,
      @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 2) int kind,
      @net.jqwik.api.ForAll boolean negative) {
    // A full-precision double of the decade, or one next to a tie at the 10th or 15th figure.
    double unit = Math.pow(10, exponent);
    double mantissa = 1 + 9 * ((bits >>> 11) * 0x1.0p-53);
    double v = switch (kind) {
      case 0 -> mantissa * unit;
      default -> {
        java.math.BigDecimal tie = new java.math.BigDecimal(mantissa)
            .round(new java.math.MathContext(kind == 1 ? 10 : 15))
            .add(new java.math.BigDecimal("5").scaleByPowerOfTen(kind == 1 ? -10 : -15))
            .scaleByPowerOfTen(exponent);
        double t = tie.doubleValue();
        yield (bits & 1) == 0 ? t : Math.nextAfter(t, (bits & 2) == 0 ? 0 : 1e300);
      }
    };
    v = negative ? -v : v;
    org.apache.poi.ss.usermodel.DataFormatter poi =
        new org.apache.poi.ss.usermodel.DataFormatter(java.util.Locale.ROOT);
    String fast = CellText.generalRounded(v);
    if (fast != null) {
      assertThat(fast).isEqualTo(poi.formatRawCellContents(v, 0, "General"));
      assertThat(fast).isEqualTo(poi.formatRawCellContents(v, 49, "@"));
    }
    assertThat(CellText.numeric(v, 0, "General"))
        .isEqualTo(poi.formatRawCellContents(v, 0, "General"));
  }
}
