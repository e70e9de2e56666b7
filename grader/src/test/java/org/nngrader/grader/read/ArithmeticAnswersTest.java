package org.nngrader.grader.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Arithmetic typed as an answer: exact values, propagated precision, located problems. */
class ArithmeticAnswersTest {

  private static double value(String written) {
    NumberForms.Answer a = NumberForms.readAnswer(written);
    assertThat(a.parsed()).as(written).isInstanceOf(ParsedNumber.Value.class);
    return ((ParsedNumber.Value) a.parsed()).value();
  }

  private static WrittenPrecision precision(String written) {
    return NumberForms.readAnswer(written).precision();
  }

  @ParameterizedTest(name = "[{0}] = {1}")
  @CsvSource(delimiter = '|', value = {
    "0.35*0.8|0.28",
    "=0.35*0.8|0.28",
    "' = 0.35 * 0.8 '|0.28",
    "0,35*0,8|0.28",
    "0.1+0.2|0.3",
    "(1-0.25)/2|0.375",
    "-(0.5-0.75)|0.25",
    "2*-0.5|-1",
    "50%*0.8|0.4",
    "(10+5)%|0.15",
    "1/3*3|1",
    "0.35×0.8|0.28",
    "1÷4|0.25",
    "1.5e-3*2|0.003",
    "=(0.593269992*0.75136507)|0.44577",
    "1/2/4|0.125",
    "−0.5+1|0.5",
  })
  void evaluatesExactly(String written, String expected) {
    double v = value(written);
    if (written.contains("0.593269992")) {
      assertThat(v).isEqualTo(new BigDecimal("0.593269992").multiply(
          new BigDecimal("0.75136507")).doubleValue());
    } else {
      // The double nearest the exact result, not the result of double arithmetic.
      assertThat(v).isEqualTo(Double.parseDouble(expected));
    }
    assertThat(NumberForms.readAnswer(written).calculated()).isTrue();
  }

  @ParameterizedTest(name = "[{0}]: {1}")
  @CsvSource(delimiter = '|', value = {
    "=A1*2|at column 2: 'A1' is a cell reference",
    "0.35*x|at column 6: 'x' is not a number",
    "=SUM(0.1,0.2)|at column 2: 'SUM' is a function",
    "2^3|at column 2: powers (^) are not calculated",
    "(0.5+0.2|at column 1: this '(' is never closed",
    "0.5+0.2)|at column 8: this ')' has no matching '('",
    "0.5*|at column 5: a number is missing at the end",
    "0.5**2|at column 5: a number is missing before '*'",
    "1/(0.5-0.5)|at column 2: it divides by zero",
    "1.2.3*2|at column 4: a number has a second decimal separator",
    "1e999*1e999|at column 3: the exponent is out of range",
    "1e300*1e300|too large",
    "'  =B2'|at column 4: 'B2' is a cell reference",
  })
  void refusesAnythingButArithmeticOverNumbersWithTheColumn(String written, String reason) {
    NumberForms.Answer a = NumberForms.readAnswer(written);
    assertThat(a.parsed()).isInstanceOf(ParsedNumber.Unreadable.class);
    ParsedNumber.Unreadable u = (ParsedNumber.Unreadable) a.parsed();
    assertThat(u.written()).isEqualTo(written);
    assertThat(u.reason()).contains(reason);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"0.75 m|text after the number", "x = 0.75|text in it",
      "abc|not a number"})
  void textThatIsNoCalculationKeepsItsReason(String written, String reason) {
    ParsedNumber parsed = NumberForms.readAnswer(written).parsed();
    assertThat(((ParsedNumber.Unreadable) parsed).reason()).contains(reason);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"=0.74|0.74", "(0.74)|0.74", "=-0.0259|-0.0259",
      "=12|12", "=74%|74%", "=7.4E-1|7.4E-1"})
  void aLoneNumberHasThePrecisionItHasWrittenPlainly(String calculated, String plain) {
    assertThat(precision(calculated)).isEqualTo(NumberForms.precisionOf(plain));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"1/2", "3*4", "(1+2)/3", "=1/3"})
  void wholeNumbersAreExact(String written) {
    assertThat(precision(written)).isEqualTo(WrittenPrecision.EXACT);
  }

  @ParameterizedTest(name = "[{0}] half-unit {1}, {2} figures")
  @CsvSource(delimiter = '|', value = {
    // 0.8 h=0.05 (rel 1/16), 0.35 h=0.005: first order 0.0215, capped at 0.28/16 = 0.0175
    "0.35*0.8|0.0175|1",
    // a whole factor is exact: 2 * 0.005
    "0.35*2|0.01|2",
    // sums add half-units: 0.005 + 0.0005
    "0.35+0.125|0.0055|2",
    // 0.5933 h=0.00005 times 0.7514 h=0.00005: first order 0.0000672, capped at the relative
    // half-unit of 0.5933: 0.4458 * 0.00005 / 0.5933 = 0.7514 * 0.00005
    "0.5933*0.7514|0.00003757|4",
    // division by an exact 2
    "0.593/2|0.00025|3",
    // 50% is 0.5 with h=0.005: first order 0.029, capped at 0.4/16
    "50%*0.8|0.025|1",
  })
  void precisionIsPropagatedFromTheOperands(String written, double halfUnit, int figures) {
    WrittenPrecision p = precision(written);
    assertThat(p.halfUnit()).isCloseTo(halfUnit, Offset.offset(halfUnit * 0.01));
    assertThat(p.figures()).isEqualTo(figures);
  }

  /**
   * Two rounded operands: the exact product of any values they may stand for lies within the
   * propagated half-unit (to first order, plus the product of the half-units), and the result is
   * never taken as coarser than the coarser operand.
   */
  @Property(tries = 300)
  void aProductIsAsPreciseAsItsOperandsAllow(@ForAll @IntRange(min = 1, max = 99999) int a,
      @ForAll @IntRange(min = 1, max = 9999) int b, @ForAll @IntRange(min = 1, max = 6) int da,
      @ForAll @IntRange(min = 1, max = 6) int db) {
    BigDecimal x = BigDecimal.valueOf(a, da);
    BigDecimal y = BigDecimal.valueOf(b, db);
    String written = x.toPlainString() + "*" + y.toPlainString();
    WrittenPrecision p = precision(written);
    double hx = 0.5 * Math.pow(10, -da);
    double hy = 0.5 * Math.pow(10, -db);
    double value = x.multiply(y).doubleValue();
    double worst = (x.doubleValue() + hx) * (y.doubleValue() + hy) - value;
    assertThat(p.halfUnit()).isLessThanOrEqualTo(worst * (1 + 1e-9));
    double coarsestRelative = Math.max(hx / x.doubleValue(), hy / y.doubleValue());
    assertThat(p.halfUnit() / value).isLessThanOrEqualTo(coarsestRelative * (1 + 1e-9));
    assertThat(value(written)).isEqualTo(x.multiply(y, MathContext.UNLIMITED).doubleValue());
  }
}
