package org.nngrader.bank.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.nngrader.bank.model.Notation.after;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.nngrader.bank.graph.GraphCompiler;
import org.nngrader.bank.graph.QuantityGraph;
import org.nngrader.bank.graph.Values;
import org.nngrader.bank.mistake.Misconceptions;
import org.nngrader.bank.model.Notation;
import org.nngrader.bank.template.Template;
import org.nngrader.bank.template.Templates;

/**
 * The double-precision solver against {@link HighPrecisionNetwork}, an independent solver in
 * 40-digit decimal arithmetic: on the defaults of every built-in template, on random networks,
 * and, at 34 digits, on 10000 updates of the classic example.
 */
class HighPrecisionReferenceTest {

  static final MathContext DIGITS_40 = new MathContext(40);

  static final List<String> TEMPLATES = Templates.numericIds();

  /** Compares every value of a solved graph with the reference at the same (exact) givens. */
  static List<ReferenceComparison.Mismatch> mismatches(Notation notation, Values values) {
    HighPrecisionNetwork reference = new HighPrecisionNetwork(notation, DIGITS_40);
    Map<String, BigDecimal> givens = HighPrecisionNetwork.exact(values.givens());
    Map<String, BigDecimal> expected = new LinkedHashMap<>(reference.solve(givens));
    boolean afterUpdate = values.graph().contains(after(notation.total(), 1));
    if (afterUpdate) {
      expected.putAll(reference.afterOneUpdate(givens));
    }
    List<ReferenceComparison.Mismatch> out =
        new ArrayList<>(ReferenceComparison.unreferenced(values, expected, afterUpdate));
    out.addAll(ReferenceComparison.disagreements(values, expected));
    return out;
  }

  @ParameterizedTest
  @FieldSource("TEMPLATES")
  void everyValueOfABuiltinTemplateMatchesTheReference(String id) {
    Template t = Templates.builtin(id);
    assertThat(mismatches(t.notation(), t.solve(Map.of()))).isEmpty();
  }

  @Provide
  Arbitrary<NetworkCase> cases() {
    return RandomNetworks.cases();
  }

  @Property(tries = 200, seed = "5120937721405598304")
  void everyValueOfARandomNetworkMatchesTheReference(@ForAll("cases") NetworkCase c) {
    QuantityGraph graph = GraphCompiler.compile(c.notation(), List.of(1));
    Values values = graph.evaluate(c.givens());
    Assume.that(!c.nearKink(values, FiniteDifferenceProperties.KINK_MARGIN));
    // A draw whose update overflows (an exp output with a large rate) has nothing to compare;
    // the percent improvement is 0/0 for a one-output softmax, whose loss is always 0.
    Assume.that(values.asMap().entrySet().stream()
        .allMatch(e -> Double.isFinite(e.getValue()) || e.getKey().contains("_improvement_pct@")));
    assertThat(mismatches(c.notation(), values)).isEmpty();
  }

  /**
   * E_total@10000 and the rest, iterated in 34-digit arithmetic (about two seconds; 40 digits
   * buy nothing here). Gradient descent on this example contracts, so the double run's rounding
   * does not grow: it ends within 1e-12 of the decimal run (about 2e-14 in practice).
   */
  @Example
  void tenThousandUpdatesOfTheClassicExampleMatchA34DigitRun() {
    Template t = Templates.builtin("sigmoid-2-2-2");
    Values values = t.solve(Map.of());
    HighPrecisionNetwork reference = new HighPrecisionNetwork(t.notation(), MathContext.DECIMAL128);
    Map<String, BigDecimal> givens = HighPrecisionNetwork.exact(values.givens());
    for (int k = 0; k < 10000; k++) {
      givens = reference.step(givens);
    }
    Map<String, BigDecimal> expected = new LinkedHashMap<>();
    reference.forwardAndLoss(givens).forEach((id, x) -> expected.put(after(id, 10000), x));
    for (String w : reference.parameters()) {
      if (reference.trained(w)) {
        expected.put(after(w, 10000), givens.get(w));
      }
    }
    expected.keySet().removeIf(id -> !values.graph().contains(id));

    assertThat(expected).containsKeys("out_o1@10000", "out_o2@10000", "E_o1@10000",
        "E_o2@10000", "E_total@10000", "w1@10000", "w8@10000");
    assertThat(ReferenceComparison.disagreements(values, expected)).isEmpty();
    // The reference itself reproduces the 12-digit values ClassicExampleTest holds.
    assertThat(expected.get("E_total@10000").doubleValue())
        .isCloseTo(3.51018778298e-5, within(3.51018778298e-5 * 1e-11));
    assertThat(expected.get("out_o1@10000").doubleValue())
        .isCloseTo(0.0159136204436, within(0.0159136204436 * 1e-11));
    assertThat(expected.get("out_o2@10000").doubleValue())
        .isCloseTo(0.984064273515, within(0.984064273515 * 1e-11));
  }

  @Example
  void theComparisonFindsADerivativeTakenAtNet() {
    // The comparison must be able to fail: sigma'(net) written as net (1 - net).
    Template t = Templates.builtin("sigmoid-2-2-1");
    QuantityGraph wrong = Misconceptions.DERIVATIVE_AT_NET.apply(t.network(), t.graph()).get(0);
    List<ReferenceComparison.Mismatch> found =
        mismatches(t.notation(), wrong.evaluate(t.defaults()));
    assertThat(found).extracting(ReferenceComparison.Mismatch::id)
        .contains("da1^[2]/dz1^[2]", "dL/dz1^[2]", "dL/dw11^[2]", "dL/dw11^[1]", "w11^[1]+")
        .doesNotContain("z1^[1]", "a1^[2]", "L", "dL/da1^[2]");
  }
}
