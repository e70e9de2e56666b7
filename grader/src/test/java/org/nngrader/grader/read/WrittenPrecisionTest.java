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
}
