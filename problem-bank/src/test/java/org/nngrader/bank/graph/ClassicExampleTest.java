package org.nngrader.bank.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.nngrader.bank.model.Activation;
import org.nngrader.bank.model.BiasMode;
import org.nngrader.bank.model.Loss;
import org.nngrader.bank.model.Network;
import org.nngrader.bank.model.Notation;

/**
 * The classic 2-2-2 sigmoid example (inputs 0.05/0.10, w1..w8 = 0.15..0.55, b1 = 0.35,
 * b2 = 0.60, targets 0.01/0.99, eta 0.5). Expected values were computed independently at
 * 40-digit precision (see the foundation issue); they are checked to 1e-10 relative.
 */
class ClassicExampleTest {

  static Values solve() {
    Network network = new Network(List.of(2, 2, 2),
        List.of(Activation.of(Activation.Kind.SIGMOID), Activation.of(Activation.Kind.SIGMOID)),
        Loss.HALF_SSE, BiasMode.SHARED, true, false, 1);
    QuantityGraph graph = GraphCompiler.compile(Notation.standard(network), List.of(1, 10000));
    Map<String, Double> givens = new LinkedHashMap<>();
    givens.put("i1", 0.05);
    givens.put("i2", 0.10);
    double[] w = {0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55};
    for (int i = 0; i < w.length; i++) {
      givens.put("w" + (i + 1), w[i]);
    }
    givens.put("b1", 0.35);
    givens.put("b2", 0.60);
    givens.put("target_o1", 0.01);
    givens.put("target_o2", 0.99);
    givens.put("eta", 0.5);
    return graph.evaluate(givens);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "net_h1, 0.3775",
    "out_h1, 0.593269992107",
    "out_h2, 0.596884378260",
    "net_o1, 1.105905967060",
    "out_o1, 0.751365069552",
    "out_o2, 0.772928465321",
    "E_total, 0.298371108760",
    "dE_total/dw5, 0.0821670405642",
    "dE_total/dw1, 0.000438567734474",
    "dE_total/dw3, 0.000497712735261",
    "w5+, 0.358916479718",
    "w1+, 0.149780716133",
    "E_total@1, 0.291027773694",
    "E_total@10000, 3.51018778298e-5",
    "out_o1@10000, 0.0159136204436",
    "out_o2@10000, 0.984064273515",
  })
  void matchesPublishedValues(String id, double expected) {
    double actual = solve().get(id);
    assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * 1e-10));
  }

  @Test
  void chainRuleTermsOfTheWorkedExample() {
    Values v = solve();
    assertThat(v.get("dE_total/dout_o1")).isCloseTo(0.74136507, within(1e-8));
    assertThat(v.get("dout_o1/dnet_o1")).isCloseTo(0.186815602, within(1e-8));
    assertThat(v.get("dnet_o1/dw5")).isCloseTo(0.593269992, within(1e-8));
    assertThat(v.get("dE_o1/dout_h1")).isCloseTo(0.055399425, within(1e-8));
    assertThat(v.get("dE_o2/dout_h1")).isCloseTo(-0.019049119, within(1e-8));
    assertThat(v.get("dE_total/dout_h1")).isCloseTo(0.036350306, within(1e-8));
  }

  /**
   * The per-output chain of the worked example (its hidden-layer derivation writes dE_o1/dnet_o1
   * = 0.138498562 and the o2 terms alike), carried to w3; 40-digit values (see ClassicChainTest
   * in the grader for the published ones).
   */
  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "dE_o1/dout_o1, 0.741365069552316",
    "dE_o1/dnet_o1, 0.138498561628557",
    "dE_o2/dout_o2, -0.217071534678537",
    "dout_o2/dnet_o2, 0.175510052817271",
    "dE_o2/dnet_o2, -0.0380982365165562",
    "dE_o1/dout_h2, 0.0623243527328506",
    "dE_o2/dout_h2, -0.0209540300841059",
    "dE_total/dout_h2, 0.0413703226487447",
    "dout_h2/dnet_h2, 0.240613417249218",
    "dE_o1/dnet_h2, 0.0149960754888969",
    "dE_o2/dnet_h2, -0.00504182078367965",
    "dE_o1/dnet_h1, 0.0133679204228875",
    "w3+, 0.249751143632370",
  })
  void perOutputChainForW3(String id, double expected) {
    assertThat(solve().get(id)).isCloseTo(expected, within(Math.abs(expected) * 1e-12));
  }

  @Test
  void perOutputDerivativesOfTheOutputsAreAliasesOfTheTotals() {
    QuantityGraph g = solve().graph();
    assertThat(g.aliases()).containsEntry("dE_o1/dout_o1", "dE_total/dout_o1")
        .containsEntry("dE_o1/dnet_o1", "dE_total/dnet_o1")
        .containsEntry("dE_o2/dout_o2", "dE_total/dout_o2")
        .containsEntry("dE_o2/dnet_o2", "dE_total/dnet_o2");
    assertThat(g.quantity("dE_o1/dnet_o1").id()).isEqualTo("dE_total/dnet_o1");
    assertThat(g.quantity("dE_o1/dnet_h2").kind()).isEqualTo(QuantityKind.PATH_DELTA);

    // Asked by its per-output name, the quantity takes it, in every formula that uses it.
    QuantityGraph named = g.preferring(List.of("dE_o1/dnet_o1", "dE_o2/dout_o2"));
    assertThat(named.contains("dE_total/dnet_o1")).isTrue();
    assertThat(named.quantity("dE_total/dnet_o1").id()).isEqualTo("dE_o1/dnet_o1");
    assertThat(named.quantity("dE_o1/dout_h2").primary().symbolic())
        .isEqualTo("dE_o1/dnet_o1 * dnet_o1/dout_h2");
    assertThat(named.quantity("dE_o2/dnet_o2").primary().symbolic())
        .isEqualTo("dE_o2/dout_o2 * dout_o2/dnet_o2");
    assertThat(named.aliases()).containsEntry("dE_total/dnet_o1", "dE_o1/dnet_o1")
        .containsEntry("dE_total/dout_o2", "dE_o2/dout_o2")
        .doesNotContainKey("dE_o1/dnet_o1");
    assertThat(named.quantities()).hasSameSizeAs(g.quantities());
  }

  @Test
  void withOneOutputEveryPerOutputDerivativeIsTheTotals() {
    Network network = new Network(List.of(2, 2, 1),
        List.of(Activation.of(Activation.Kind.SIGMOID), Activation.of(Activation.Kind.SIGMOID)),
        Loss.HALF_SSE, BiasMode.SHARED, true, false, 1);
    QuantityGraph g = GraphCompiler.compile(Notation.standard(network), List.of(1));
    assertThat(g.aliases()).containsEntry("E_o1", "E_total")
        .containsEntry("dE_o1/dout_o1", "dE_total/dout_o1")
        .containsEntry("dE_o1/dnet_o1", "dE_total/dnet_o1")
        .containsEntry("dE_o1/dout_h2", "dE_total/dout_h2")
        .containsEntry("dE_o1/dnet_h1", "dE_total/dnet_h1");
    assertThat(g.quantities()).noneMatch(q -> q.kind() == QuantityKind.PATH_DELTA);
    assertThat(g.preferring(List.of("dE_o1/dnet_h1")).quantity("dE_total/dw1").primary()
        .symbolic()).isEqualTo("dE_total/dout_h1 * dout_h1/dnet_h1 * dnet_h1/dw1");
  }

  @Test
  void rendersFormulaInSymbolsAndNumbers() {
    Values v = solve();
    Quantity g = v.graph().quantity("dE_total/dw5");
    assertThat(g.primary().symbolic())
        .isEqualTo("dE_total/dout_o1 * dout_o1/dnet_o1 * dnet_o1/dw5");
    assertThat(v.numeric(g)).isEqualTo("0.74136507 * 0.18681560 * 0.59326999");
    assertThat(v.graph().quantity("net_h1").primary().symbolic())
        .isEqualTo("{w1} * {i1} + {w2} * {i2} + {b1}".replaceAll("[{}]", ""));
  }
}
