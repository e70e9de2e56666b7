package org.nngrader.bank.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.nngrader.bank.graph.Values;

class BuiltinTemplatesTest {

  static final java.util.List<String> IDS = Templates.BUILTIN;

  static final java.util.List<String> NUMERIC =
      IDS.stream().filter(id -> !Templates.builtin(id).isSymbolic()).toList();

  @ParameterizedTest
  @FieldSource("NUMERIC")
  void everyNumericBuiltinLoadsAndSolvesItsDefaultsToFiniteValues(String id) {
    Template t = Templates.builtin(id);
    Values v = t.solve(Map.of());
    assertThat(t.asked()).isNotEmpty();
    for (String step : t.asked()) {
      assertThat(v.get(step)).as(step).isFinite();
    }
  }

  @Test
  void theSymbolicBuiltinsAreListedAfterTheNumericOnes() {
    assertThat(IDS).containsSubsequence("perceptron", "symbolic-3-2-1", "exp-output-2-2-1");
    assertThat(IDS.stream().filter(id -> Templates.builtin(id).isSymbolic()))
        .containsExactly("symbolic-3-2-1", "exp-output-2-2-1");
  }

  @Test
  void reluTemplateUsesItsOwnNotation() {
    Template t = Templates.builtin("relu-2-1-1");
    Values v = t.solve(Map.of());
    // z1 = 0.5*2 + (-0.3)*(-1) + 0.1 = 1.4; h1 = 1.4; z2 = 0.8*1.4 + 0.2 = 1.32
    assertThat(v.get("z1")).isCloseTo(1.4, within(1e-12));
    assertThat(v.get("y_hat")).isCloseTo(1.32, within(1e-12));
    assertThat(v.get("L")).isCloseTo(0.5 * 0.18 * 0.18, within(1e-12));
    // dL/dw3 = (y_hat - y) * 1 * h1 = -0.18 * 1.4
    assertThat(v.get("dL/dw3")).isCloseTo(-0.252, within(1e-12));
    assertThat(v.get("w3+")).isCloseTo(0.8 + 0.1 * 0.252, within(1e-12));
    assertThat(v.get("L_decrease@1")).isCloseTo(v.get("L") - v.get("L@1"), within(1e-15));
  }

  @Test
  void unknownParameterNamesTheValidOnes() {
    Template t = Templates.builtin("sigmoid-2-2-2");
    assertThatThrownBy(() -> t.solve(Map.of("w9", 0.1)))
        .hasMessageContaining("unknown parameter w9")
        .hasMessageContaining("valid parameters: i1, i2, w1");
  }
}
