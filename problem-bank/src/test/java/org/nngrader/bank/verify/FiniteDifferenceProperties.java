package org.nngrader.bank.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.nngrader.bank.model.Notation.after;
import static org.nngrader.bank.model.Notation.derivative;
import static org.nngrader.bank.model.Notation.updated;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import net.jqwik.api.statistics.StatisticsReport.StatisticsReportMode;
import org.nngrader.bank.graph.GraphCompiler;
import org.nngrader.bank.graph.Quantity;
import org.nngrader.bank.graph.QuantityGraph;
import org.nngrader.bank.graph.QuantityKind;
import org.nngrader.bank.graph.Values;
import org.nngrader.bank.mistake.Misconceptions;
import org.nngrader.bank.model.Activation;
import org.nngrader.bank.model.BiasMode;
import org.nngrader.bank.model.Loss;
import org.nngrader.bank.model.Network;
import org.nngrader.bank.model.Notation;
import org.nngrader.bank.model.ParameterKind;
import org.nngrader.bank.template.Template;
import org.nngrader.bank.template.Templates;

/**
 * The solver's derivatives against central finite differences of its own forward pass, and its
 * updates against the definition of gradient descent, on random networks of every activation,
 * loss and bias layout (see {@link RandomNetworks}). Seeds are fixed so that a run is
 * reproducible; change a seed to explore other draws.
 */
class FiniteDifferenceProperties {

  /** ReLU draws with a net input this close to 0 are skipped: the derivative jumps there. */
  static final double KINK_MARGIN = 1e-3;

  @Provide
  Arbitrary<NetworkCase> cases() {
    return RandomNetworks.cases();
  }

  @Property(tries = 200, seed = "7417309981204613157")
  @StatisticsReport(StatisticsReportMode.OFF)
  void everyDerivativeMatchesItsCentralDifference(@ForAll("cases") NetworkCase c) {
    QuantityGraph graph = GraphCompiler.compile(c.notation(), List.of(1));
    Values values = graph.evaluate(c.givens());
    Assume.that(!c.nearKink(values, KINK_MARGIN));
    collectCoverage(c.network());

    // The pass after the update may legitimately overflow (an exp output with a large rate
    // diverges), and its percent improvement is 0/0 when E_total is 0; everything before is finite.
    for (Quantity q : graph.quantities()) {
      if (q.section() != QuantityKind.Section.AFTER) {
        assertThat(values.get(q.id())).as(q.id()).isFinite();
      }
    }
    FiniteDifferences fd = new FiniteDifferences(graph, c.givens());
    assertThat(fd.derivativeIds()).containsAll(expectedGradients(c.notation()));
    assertThat(fd.mismatches()).isEmpty();
  }

  @Property(tries = 200, seed = "3390455230162718226")
  void everyUpdateIsOneGradientStepAndTheNextPassUsesIt(@ForAll("cases") NetworkCase c) {
    Notation n = c.notation();
    QuantityGraph graph = GraphCompiler.compile(n, List.of(1, 3));
    Values v = graph.evaluate(c.givens());
    double eta = v.get(n.rate());

    Map<String, Double> next = new LinkedHashMap<>(c.givens());
    for (String p : parameters(n)) {
      if (!trained(n, p)) {
        assertThat(graph.contains(updated(p))).as("%s is not trained, so has no update", p).isFalse();
        continue;
      }
      double expected = v.get(p) - eta * v.get(derivative(n.total(), p));
      assertSameArithmetic(updated(p), v.get(updated(p)), expected);
      next.put(p, v.get(updated(p)));
    }

    // The pass after one update is the pass of the graph at the updated parameters.
    Values second = graph.evaluate(next);
    for (Quantity q : graph.quantities()) {
      if (q.section() == QuantityKind.Section.FORWARD
          || q.section() == QuantityKind.Section.LOSS) {
        double expected = second.get(q.id());
        assertSameArithmetic(after(q.id(), 1), v.get(after(q.id(), 1)), expected);
      }
    }
    double decrease = v.get(n.total()) - second.get(n.total());
    String decreaseId = after(n.total() + "_decrease", 1);
    assertSameArithmetic(decreaseId, v.get(decreaseId), decrease);
    double improvement = 100 * decrease / v.get(n.total());
    String improvementId = after(n.total() + "_improvement_pct", 1);
    assertSameArithmetic(improvementId, v.get(improvementId), improvement);

    // Three updates are three single updates in a row.
    Values third = graph.evaluate(step(graph, step(graph, next, n), n));
    for (String id : afterTrainingIds(n)) {
      double expected = third.get(id);
      assertSameArithmetic(after(id, 3), v.get(after(id, 3)), expected);
    }
  }

  @Example
  void theBuiltinTemplatesPassTheSameCheck() {
    for (Template t : Templates.all().stream().filter(t -> !t.isSymbolic()).toList()) {
      QuantityGraph graph = GraphCompiler.compile(t.notation(), List.of(1));
      Map<String, Double> givens = t.solve(Map.of()).givens();
      FiniteDifferences fd = new FiniteDifferences(graph, givens);
      assertThat(fd.derivativeIds()).as(t.id()).containsAll(expectedGradients(t.notation()));
      assertThat(fd.mismatches()).as(t.id()).isEmpty();
    }
  }

  @Example
  void aGraphWithAWrongChainRuleFailsTheCheck() {
    // The check must be able to fail: leave the sigmoid derivative out of the classic example.
    Template t = Templates.builtin("sigmoid-2-2-2");
    QuantityGraph core = GraphCompiler.compile(t.notation(), List.of());
    QuantityGraph wrong =
        Misconceptions.ACTIVATION_DERIVATIVE_OMITTED.apply(t.network(), core).get(0);
    List<FiniteDifferences.Mismatch> found =
        new FiniteDifferences(wrong, t.defaults()).mismatches();
    assertThat(found).extracting(FiniteDifferences.Mismatch::id)
        .contains("dE_total/dw5", "dE_total/dw1", "dE_total/dnet_o1", "dout_h1/dnet_h1")
        .doesNotContain("dE_total/dout_o1", "dnet_o1/dw5");
  }

  @Example
  void aDerivativeOfTheSecondExampleIsTakenOfThatExamplesLoss() {
    Network net = new Network(List.of(1, 1), List.of(Activation.of(Activation.Kind.LINEAR)),
        Loss.HALF_SSE, BiasMode.NONE, true, false, 2);
    QuantityGraph graph = GraphCompiler.compile(Notation.standard(net), List.of());
    assertThat(DerivativeId.parse("dE_total/dw1#2", graph))
        .isEqualTo(new DerivativeId("dE_total/dw1#2", "E_total#2", "w1"));
    assertThat(DerivativeId.parse("dE_total/dnet_o1#1", graph))
        .isEqualTo(new DerivativeId("dE_total/dnet_o1#1", "E_total#1", "net_o1#1"));
    assertThat(DerivativeId.parse("dE_total/dw1", graph))
        .isEqualTo(new DerivativeId("dE_total/dw1", "E_total", "w1"));
  }

  // ---- helpers

  private static void collectCoverage(Network net) {
    for (Activation.Kind k : new TreeSet<>(net.activations().stream().map(Activation::kind).toList())) {
      Statistics.label("activation").collect(k.id());
    }
    Statistics.label("loss").collect(net.loss().id());
    Statistics.label("bias").collect(net.biasMode().id());
    Statistics.label("examples").collect(net.examples());
    Statistics.label("depth").collect(net.depth());
    Statistics.label("activation").coverage(cov -> {
      for (Activation.Kind k : Activation.Kind.values()) {
        cov.check(k.id()).count(count -> count >= 10);
      }
    });
    Statistics.label("loss").coverage(cov -> {
      for (Loss l : Loss.values()) {
        cov.check(l.id()).count(count -> count >= 20);
      }
    });
    Statistics.label("bias").coverage(cov -> {
      for (BiasMode b : BiasMode.values()) {
        cov.check(b.id()).count(count -> count >= 20);
      }
    });
    Statistics.label("examples").coverage(cov -> {
      cov.check(1).count(count -> count >= 20);
      cov.check(2).count(count -> count >= 20);
    });
    Statistics.label("depth").coverage(cov -> {
      for (int d = 2; d <= 4; d++) {
        cov.check(d).count(count -> count >= 20);
      }
    });
  }

  /** dE/dp for every weight and bias: per example, and of the total loss. */
  static List<String> expectedGradients(Notation n) {
    List<String> ids = new ArrayList<>();
    for (String p : parameters(n)) {
      ids.add(derivative(n.total(), p));
      if (n.network().examples() > 1) {
        for (int e = 0; e < n.network().examples(); e++) {
          ids.add(derivative(n.total(e), p));
        }
      }
    }
    return ids;
  }

  static List<String> parameters(Notation n) {
    return n.givens().entrySet().stream()
        .filter(e -> e.getValue() == ParameterKind.WEIGHT || e.getValue() == ParameterKind.BIAS)
        .map(Map.Entry::getKey)
        .toList();
  }

  private static boolean trained(Notation n, String p) {
    return n.givens().get(p) == ParameterKind.WEIGHT
        ? n.network().trainWeights() : n.network().trainBiases();
  }

  /** The givens after one gradient-descent step, computed through the graph's own updates. */
  private static Map<String, Double> step(QuantityGraph graph, Map<String, Double> givens,
      Notation n) {
    Values v = graph.evaluate(givens);
    Map<String, Double> next = new LinkedHashMap<>(givens);
    for (String p : parameters(n)) {
      if (trained(n, p)) {
        next.put(p, v.get(updated(p)));
      }
    }
    return next;
  }

  /** The ids the graph reports after k > 1 updates: outputs, errors, losses, parameters. */
  private static List<String> afterTrainingIds(Notation n) {
    Network net = n.network();
    List<String> ids = new ArrayList<>();
    int last = net.depth() - 1;
    for (int e = 0; e < net.examples(); e++) {
      for (int j = 0; j < net.outputs(); j++) {
        ids.add(n.out(last, j, e));
        if (net.outputs() > 1) {
          ids.add(n.error(j, e));
        }
      }
      ids.add(n.total(e));
    }
    ids.add(n.total());
    for (String p : parameters(n)) {
      if (trained(n, p)) {
        ids.add(p);
      }
    }
    return ids.stream().distinct().toList();
  }

  /**
   * The same arithmetic done twice agrees to a few units in the last place. A draw whose
   * training diverges (an exp output with a large rate) overflows the same way both times.
   */
  private static void assertSameArithmetic(String id, double actual, double expected) {
    if (Double.isFinite(expected)) {
      double ulps = 4 * Math.ulp(Math.max(Math.abs(expected), Double.MIN_NORMAL));
      assertThat(actual).as(id).isCloseTo(expected, within(ulps));
    } else if (Double.isNaN(expected)) {
      assertThat(actual).as(id).isNaN();
    } else {
      assertThat(actual).as(id).isEqualTo(expected);
    }
  }
}
