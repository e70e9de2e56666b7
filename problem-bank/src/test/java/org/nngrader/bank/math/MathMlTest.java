package org.nngrader.bank.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MathMlTest {

  @Test
  void sigmoidIsAFractionWithAnExponent() {
    assertThat(MathMl.body("1/(1 + e^(-net_h1))")).isEqualTo("<mrow><mfrac><mrow><mn>1</mn></mrow>"
        + "<mrow><mn>1</mn><mo>+</mo><msup><mrow><mi>e</mi></mrow><mrow><mrow><mo>\u2212</mo>"
        + "<msub><mi>net</mi><mi>h1</mi></msub></mrow></mrow></msup></mrow></mfrac></mrow>");
  }

  @Test
  void aLeadingSignSitsAgainstItsOperand() {
    // First in an mrow of its own, the minus is a prefix: "(-0.69)" is drawn without spaces.
    assertThat(MathMl.body("(-0.69) * 2")).isEqualTo("<mrow><mrow><mo>(</mo><mrow><mo>\u2212</mo>"
        + "<mn>0.69</mn></mrow><mo>)</mo></mrow><mo>\u22c5</mo><mn>2</mn></mrow>");
  }

  @Test
  void derivativeIdsArePartialDerivatives() {
    assertThat(MathMl.body("dE_total/dout_o1")).isEqualTo("<mrow><mfrac><mrow><mo>\u2202</mo>"
        + "<msub><mi>E</mi><mi>total</mi></msub></mrow><mrow><mo>\u2202</mo>"
        + "<msub><mi>out</mi><mi>o1</mi></msub></mrow></mfrac></mrow>");
  }

  @Test
  void idsCarryLayerUpdateAndAfterUpdates() {
    assertThat(MathMl.identifier("w5")).isEqualTo("<msub><mi>w</mi><mn>5</mn></msub>");
    assertThat(MathMl.identifier("w11^[2]+")).isEqualTo("<msubsup><mi>w</mi><mn>11</mn>"
        + "<mrow><mo>[</mo><mn>2</mn><mo>]</mo><mo>+</mo></mrow></msubsup>");
    assertThat(MathMl.identifier("y_hat@1")).isEqualTo("<msup><mover accent=\"true\"><mi>y</mi>"
        + "<mo>^</mo></mover><mrow><mo>(</mo><mn>1</mn><mo>)</mo></mrow></msup>");
    assertThat(MathMl.identifier("eta")).isEqualTo("<mi>\u03b7</mi>");
    assertThat(MathMl.identifier("f'")).isEqualTo("<msup><mi>f</mi><mo>\u2032</mo></msup>");
  }

  @Test
  void scientificNumbersArePowersOfTen() {
    assertThat(MathMl.number("8.77135469e-04")).isEqualTo("<mrow><mn>8.77135469</mn><mo>\u00d7</mo>"
        + "<msup><mn>10</mn><mrow><mo>\u2212</mo><mn>4</mn></mrow></msup></mrow>");
  }

  @Test
  void chainJoinsPartsWithEqualsAndKeepsThePlainText() {
    String m = MathMl.chain(List.of("w5+", "w5 - eta * dE_total/dw5", "0.35891648"));
    assertThat(m).startsWith("<math><semantics>").contains("<mo>=</mo>")
        .contains("<annotation encoding=\"text/plain\">w5+ = w5 - eta * dE_total/dw5 = 0.35891648"
            + "</annotation>");
  }

  @Test
  void aBreakableFormulaIsOneElementPerTopLevelTermWithItsOperator() {
    String m = MathMl.breakable(List.of("(0.88 - y) * 0.88 * 0.67"));
    assertThat(m.split("<wbr>")).hasSize(3);
    assertThat(m.split("<wbr>")[0]).startsWith("<math>").endsWith("</math>")
        .contains("<mo>(</mo><mn>0.88</mn><mo>\u2212</mo><mi>y</mi><mo>)</mo>")
        .contains("<mo>\u22c5</mo></mrow><annotation encoding=\"text/plain\">(0.88 - y) *<");
    assertThat(m.split("<wbr>")[2]).contains("<mn>0.67</mn></mrow></mrow><annotation");
    // Drawn one after the other, the elements are the formula drawn whole.
    assertThat(m.replaceAll("<annotation[^>]*>[^<]*</annotation>|</?math>|</?semantics>"
        + "|<wbr>|</?mrow>", "")).isEqualTo(MathMl.body("(0.88 - y) * 0.88 * 0.67")
        .replaceAll("</?mrow>", ""));
  }

  @Test
  void aBreakableSumKeepsEachProductWhole() {
    String m = MathMl.breakable(List.of("w1 * i1 + w2 * i2 - b1"));
    assertThat(m.split("<wbr>")).hasSize(3);
    assertThat(m.split("<wbr>")[0]).contains(">w1 * i1 +<");
    assertThat(m.split("<wbr>")[1]).contains("<mo>\u2212</mo></mrow><annotation");
  }

  @Test
  void aBreakableChainEndsEachPartWithEquals() {
    String m = MathMl.breakable(List.of("dJ/dw5", "dJ/dp * dp/dz"));
    assertThat(m.split("<wbr>")).hasSize(3);
    assertThat(m.split("<wbr>")[0]).contains("<mo>=</mo></mrow><annotation encoding="
        + "\"text/plain\">dJ/dw5 =<");
  }

  @Test
  void aContinuationLineStartsWithEqualsAndBreaksLikeAChain() {
    String m = MathMl.breakableContinued("(-0.77) * (-0.74) + (-0.68) * (-0.71) + (-0.14)");
    assertThat(m.split("<wbr>")).hasSize(3);
    assertThat(m).startsWith("<math><semantics><mrow><mo>=</mo><mrow>")
        .contains("<annotation encoding=\"text/plain\">= (-0.77) * (-0.74) +</annotation>");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a * b / c", "1/(1 + e^(-net_h1))", "max(0.01*net, net)",
      "out_o1*(1 - out_o1)"})
  void aFormulaThatSplittingWouldRedrawStaysWhole(String formula) {
    String m = MathMl.breakable(List.of(formula));
    assertThat(m).doesNotContain("<wbr>").isEqualTo(MathMl.inline(formula)
        .replace("<math><semantics>", "<math><semantics><mrow>")
        .replace("<annotation", "</mrow><annotation"));
  }

  @Test
  void whatItCannotReadIsKeptAsTextInsideMath() {
    assertThat(MathMl.inline("a ? b")).contains("<mtext>a ? b</mtext>").startsWith("<math>");
    assertThat(MathMl.inline("<script>")).doesNotContain("<script>");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "1/2*(target_o1 - out_o1)^2", "out_o1*(1 - out_o1)", "(1 if z1 > 0, else 0)",
    "max(0.01*net, net)", "dL/dy_hat * g'(z_out) * 0.7 * f'(-4.2) * 10",
    "-0.248442*y + 0.070060644", "100 * (E_total - E_total@1) / E_total",
    "-(y*ln(y_hat) + (1 - y)*ln(1 - y_hat))", "(out_o1 - t)/(out_o1*(1 - out_o1))",
    "(-0.21707153) * 0.17551005 * 0.59688438", "1 - out_h1^2", "w12^[1] - eta * dL/dw12^[1]"
  })
  void everyGraphFormulaIsWellFormedMathMlWithoutFallback(String formula) throws Exception {
    String m = MathMl.inline(formula);
    assertThat(m).doesNotContain("<mtext>" + formula.substring(0, 2));
    DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new java.io.ByteArrayInputStream(m.replace("&#x2061;", "&#8289;")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }
}
