package org.nngrader.bank.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nngrader.bank.model.Activation;
import org.nngrader.bank.model.BiasMode;
import org.nngrader.bank.model.Loss;
import org.nngrader.bank.model.Network;
import org.nngrader.bank.model.Notation;
import org.nngrader.bank.model.ParameterKind;
import org.nngrader.bank.template.Template;
import org.nngrader.bank.template.Templates;

/**
 * Training on plain arrays against training by iterating the quantity graph, on the built-in
 * templates; and the fallback to the graph when the dense form cannot be built.
 */
class DenseDescentTest {

  static Stream<Arguments> templatesAndSteps() {
    return Templates.numericIds().stream()
        .flatMap(id -> Stream.of(1, 2, 7, 50).map(k -> Arguments.of(id, k)));
  }

  @ParameterizedTest(name = "{0}, {1} updates")
  @MethodSource("templatesAndSteps")
  void denseStepsEqualGraphIterationOnBuiltInTemplates(String id, int steps) {
    Template t = Templates.builtin(id);
    TrainerComparison c = new TrainerComparison(t.notation());
    Trainer dense = c.dense(steps, t.notation());
    Trainer iterating = c.iterating(steps);
    assertThat(dense.isDense()).isTrue();
    assertThat(iterating.isDense()).isFalse();
    assertThat(dense.steps()).isEqualTo(steps);
    double[] givens = c.givens(t.defaults());

    assertThat(c.mismatches(dense, iterating, givens)).isEmpty();
    // Training moved every trained parameter: the comparison is not between two no-ops.
    for (String p : c.params()) {
      assertThat(dense.valueAfter(givens, p)).as(p).isNotEqualTo(t.defaults().get(p));
    }
  }

  @Test
  void quantitiesAfterManyUpdatesInTheCompiledGraphAreThoseOfGraphIteration() {
    Template t = Templates.builtin("sigmoid-2-2-2");
    QuantityGraph graph = GraphCompiler.compile(t.notation(), List.of(1, 10000));
    Values v = graph.evaluate(t.defaults());
    TrainerComparison c = new TrainerComparison(t.notation());
    Trainer iterating = c.iterating(10000);
    double[] givens = c.givens(t.defaults());
    for (String id : List.of("out_o1", "out_o2", "E_o1", "E_o2", "E_total", "w1", "w8")) {
      assertThat(TrainerComparison.close(v.get(id + "@10000"), iterating.valueAfter(givens, id)))
          .as(id + "@10000").isTrue();
    }
    assertThat(v.get("w1@10000")).isNotEqualTo(v.get("w1"));
    // Biases are not trained in this template, so they have no value after training.
    assertThat(graph.contains("b1@10000")).isFalse();
  }

  @Test
  void aNotationWhoseGivensAreNotTheGraphsFallsBackOnGraphIteration() {
    Network net = twoExamples();
    Notation plain = Notation.standard(net);
    Notation renamed = Notation.withRenames(net, Map.of("i1", "x1"));
    TrainerComparison c = new TrainerComparison(plain);
    Trainer trainer = c.dense(3, renamed);
    assertThat(trainer.isDense()).isFalse();
    double[] givens = c.givens(givens(plain));
    assertThat(c.mismatches(trainer, c.iterating(3), givens)).isEmpty();
    assertThat(trainer.valueAfter(givens, "w1")).isNotEqualTo(0.1);
  }

  @Test
  void trainedParametersOtherThanAllWeightsOrAllBiasesLeaveNoDenseForm() {
    Notation n = Notation.standard(twoExamples());
    List<String> givens = GraphCompiler.compile(n, List.of()).givenIds();
    List<String> weights = ofKind(n, ParameterKind.WEIGHT);
    List<String> biases = ofKind(n, ParameterKind.BIAS);
    List<String> both = new ArrayList<>(weights);
    both.addAll(biases);
    assertThat(DenseDescent.of(n, givens, both)).isPresent();
    assertThat(DenseDescent.of(n, givens, weights)).isPresent();
    assertThat(DenseDescent.of(n, givens, biases)).isPresent();
    assertThat(DenseDescent.of(n, givens, List.of())).isPresent();

    assertThat(DenseDescent.of(n, givens, List.of("w1"))).isEmpty();
    List<String> withInput = new ArrayList<>(weights);
    withInput.add("i1#1");
    assertThat(DenseDescent.of(n, givens, withInput)).isEmpty();
  }

  @Test
  void aGivenMissingFromTheGraphLeavesNoDenseForm() {
    Notation n = Notation.standard(twoExamples());
    List<String> givens = GraphCompiler.compile(n, List.of()).givenIds();
    List<String> weights = ofKind(n, ParameterKind.WEIGHT);
    for (String missing : List.of("i1#1", "w3", "b2", "target_o2#2", "eta")) {
      List<String> fewer = new ArrayList<>(givens);
      fewer.remove(missing);
      assertThat(DenseDescent.of(n, fewer, weights)).as(missing).isEmpty();
    }
  }

  @Test
  void denseTrainingMovesOnlyTheTrainedParameters() {
    Notation n = Notation.standard(twoExamples());
    List<String> ids = GraphCompiler.compile(n, List.of()).givenIds();
    List<String> biases = ofKind(n, ParameterKind.BIAS);
    double[] before = ids.stream().mapToDouble(givens(n)::get).toArray();
    double[] after = DenseDescent.of(n, ids, biases).orElseThrow().train(before, 5);
    for (int i = 0; i < ids.size(); i++) {
      if (biases.contains(ids.get(i))) {
        assertThat(after[i]).as(ids.get(i)).isNotEqualTo(before[i]);
      } else {
        assertThat(after[i]).as(ids.get(i)).isEqualTo(before[i]);
      }
    }
    assertThat(biases).containsExactly("b1", "b2");
  }

  @Test
  void trainingThatReachesAFixedPointGivesWhatEveryStepOneByOneGives() {
    // Targets a 2-2-2 sigmoid network can reach and a large rate: the updates fall below half
    // a unit in the last place of every weight long before the last step, and training stops
    // there; the result must be bit for bit that of taking every step.
    Template t = Templates.builtin("sigmoid-2-2-2");
    Notation n = t.notation();
    List<String> ids = GraphCompiler.compile(n, List.of()).givenIds();
    Map<String, Double> values = new LinkedHashMap<>(t.defaults());
    values.put("target_o1", 0.3);
    values.put("target_o2", 0.7);
    values.put(n.rate(), 1.0);
    double[] givens = ids.stream().mapToDouble(values::get).toArray();
    DenseDescent dense = DenseDescent.of(n, ids, ofKind(n, ParameterKind.WEIGHT)).orElseThrow();
    int steps = 6000;
    double[] oneByOne = givens;
    for (int s = 0; s < steps; s++) {
      oneByOne = dense.train(oneByOne, 1);
    }
    double[] atOnce = dense.train(givens, steps);
    for (int i = 0; i < ids.size(); i++) {
      assertThat(Double.doubleToRawLongBits(atOnce[i])).as(ids.get(i))
          .isEqualTo(Double.doubleToRawLongBits(oneByOne[i]));
    }
    // The fixed point was reached: more steps change nothing, and fewer would.
    assertThat(dense.train(givens, 2 * steps)).isEqualTo(atOnce);
    assertThat(dense.train(givens, 10)).isNotEqualTo(atOnce);
  }

  private static List<String> ofKind(Notation n, ParameterKind kind) {
    return n.givens().entrySet().stream()
        .filter(e -> e.getValue() == kind).map(Map.Entry::getKey).toList();
  }

  /** A 2-3-2 tanh/softmax network with shared biases and two examples. */
  private static Network twoExamples() {
    return new Network(List.of(2, 3, 2),
        List.of(Activation.of(Activation.Kind.TANH), Activation.of(Activation.Kind.SOFTMAX)),
        Loss.SOFTMAX_CCE, BiasMode.SHARED, true, true, 2);
  }

  private static Map<String, Double> givens(Notation n) {
    Map<String, Double> g = new LinkedHashMap<>();
    int i = 0;
    for (String id : n.givens().keySet()) {
      i++;
      g.put(id, id.startsWith("target") ? 0.25 * (i % 4) : 0.1 * (i % 9) - 0.3);
    }
    g.put("w1", 0.1);
    g.put("w2", 0.2);
    g.put(n.rate(), 0.5);
    return g;
  }
}
