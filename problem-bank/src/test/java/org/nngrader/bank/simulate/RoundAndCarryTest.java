package org.nngrader.bank.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nngrader.bank.graph.Values;
import org.nngrader.bank.template.Template;
import org.nngrader.bank.template.Templates;

class RoundAndCarryTest {

  static final Template T = Templates.builtin("sigmoid-2-2-2");
  static final Values REF = T.solve(Map.of());

  @Test
  void everyStepIsComputedFromTheRoundedValuesBeforeIt() {
    Map<String, String> w = RoundAndCarry.written(T, REF.givens(), RoundAndCarry.Rounding.DECIMALS_2);
    assertThat(w.get("net_h1")).isEqualTo("0.38"); // 0.3775
    // out_h1 from the rounded 0.38, not from 0.3775: sigma(0.38) = 0.5939
    assertThat(w.get("out_h1")).isEqualTo("0.59");
    double outO1 = Double.parseDouble(w.get("out_o1"));
    assertThat(w.get("dE_total/dout_o1")).isEqualTo(
        RoundAndCarry.Rounding.DECIMALS_2.write(outO1 - REF.get("target_o1")));
    assertThat(w.get("dE_total/dw1")).isEqualTo("0.00");
    // Quantities after many updates are the program's result, rounded.
    assertThat(w.get("E_total@10000")).isEqualTo("0.00");
    assertThat(w).doesNotContainKey("w1");
  }

  @Test
  void eachRoundingWritesAsAStudentDoes() {
    assertThat(RoundAndCarry.Rounding.DECIMALS_2.write(0.5)).isEqualTo("0.50");
    assertThat(RoundAndCarry.Rounding.SIGNIFICANT_3.write(0.000438568)).isEqualTo("0.000439");
    assertThat(RoundAndCarry.Rounding.SIGNIFICANT_4.write(0.7513650695)).isEqualTo("0.7514");
    assertThat(RoundAndCarry.Rounding.DECIMALS_4.write(-0.0259351)).isEqualTo("-0.0259");
    assertThat(RoundAndCarry.Rounding.SIGNIFICANT_3.description()).isEqualTo("3 significant figures");
  }
}
