package org.nngrader.bank.mistake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nngrader.bank.graph.QuantityGraph;
import org.nngrader.bank.graph.Values;
import org.nngrader.bank.template.Template;
import org.nngrader.bank.template.Templates;

/** Each catalogue entry on the classic 2-2-2 example (and ReLU where it belongs). */
class MisconceptionsTest {

  private static final Template CLASSIC = Templates.builtin("sigmoid-2-2-2");
  private static final Values REF = CLASSIC.solve(Map.of());

  private static List<Values> mistaken(Misconception m, Template t, Map<String, Double> givens) {
    Values ref = t.solve(givens);
    return m.apply(t.network(), t.graph()).stream()
        .map(g -> g.evaluate(ref.givens()))
        .toList();
  }

  private static Values only(Misconception m) {
    List<Values> vs = mistaken(m, CLASSIC, Map.of());
    assertThat(vs).hasSize(1);
    return vs.get(0);
  }

  @Test
  void errorDerivativeSignFlipsEveryGradient() {
    Values v = only(Misconceptions.ERROR_DERIVATIVE_SIGN);
    assertThat(v.get("dE_total/dout_o1")).isCloseTo(-0.74136507, within(1e-8));
    assertThat(v.get("dE_total/dw5")).isCloseTo(-REF.get("dE_total/dw5"), within(1e-15));
    assertThat(v.get("dE_total/dw1")).isCloseTo(-REF.get("dE_total/dw1"), within(1e-15));
    assertThat(v.get("w5+")).isCloseTo(0.4 + 0.5 * REF.get("dE_total/dw5"), within(1e-15));
  }

  @Test
  void activationDerivativeOmittedDropsOutTimesOneMinusOut() {
    Values v = only(Misconceptions.ACTIVATION_DERIVATIVE_OMITTED);
    assertThat(v.get("dE_total/dw5"))
        .isCloseTo(REF.get("dE_total/dout_o1") * REF.get("out_h1"), within(1e-15));
  }

  @Test
  void derivativeAtNetUsesNetOneMinusNet() {
    Values v = only(Misconceptions.DERIVATIVE_AT_NET);
    double net = REF.get("net_o1");
    assertThat(v.get("dout_o1/dnet_o1")).isCloseTo(net * (1 - net), within(1e-15));
  }

  @Test
  void pathOmittedHasOneVariantPerOutput() {
    List<Values> vs = mistaken(Misconceptions.PATH_OMITTED, CLASSIC, Map.of());
    assertThat(vs).hasSize(2);
    assertThat(vs.get(0).get("dE_total/dout_h1")).isCloseTo(REF.get("dE_o2/dout_h1"), within(1e-15));
    assertThat(vs.get(1).get("dE_total/dout_h1")).isCloseTo(REF.get("dE_o1/dout_h1"), within(1e-15));
  }

  @Test
  void updatedWeightsInBackpropUseWPlus() {
    Values v = only(Misconceptions.UPDATED_WEIGHTS_IN_BACKPROP);
    assertThat(v.get("dnet_o1/dout_h1")).isCloseTo(REF.get("w5+"), within(1e-15));
    assertThat(v.get("dE_total/dw1")).isNotCloseTo(REF.get("dE_total/dw1"), within(1e-9));
    assertThat(v.get("dE_total/dw5")).isEqualTo(REF.get("dE_total/dw5"));
  }

  @Test
  void gradientAddedAndLearningRateOmitted() {
    double g = REF.get("dE_total/dw5");
    assertThat(only(Misconceptions.GRADIENT_ADDED).get("w5+")).isCloseTo(0.4 + 0.5 * g, within(1e-15));
    assertThat(only(Misconceptions.LEARNING_RATE_OMITTED).get("w5+")).isCloseTo(0.4 - g, within(1e-15));
  }

  @Test
  void lossFactorDoublesTheHalfSquaredError() {
    List<Values> vs = mistaken(Misconceptions.LOSS_FACTOR, CLASSIC, Map.of());
    assertThat(vs).hasSize(1);
    assertThat(vs.get(0).get("E_o1")).isCloseTo(2 * REF.get("E_o1"), within(1e-15));
    assertThat(vs.get(0).get("E_total")).isCloseTo(2 * REF.get("E_total"), within(1e-15));
    assertThat(vs.get(0).get("dE_total/dw5")).isCloseTo(2 * REF.get("dE_total/dw5"), within(1e-15));
  }

  @Test
  void reluDerivativeWrongOnTheNegativeSide() {
    Template relu = Templates.builtin("relu-2-1-1");
    // z1 = 0.5*(-2) + (-0.3)*1 + 0.1 = -1.2 < 0: the true derivative is 0, the mistake uses 1.
    Map<String, Double> neg = Map.of("x1", -2.0, "x2", 1.0);
    Values ref = relu.solve(neg);
    assertThat(ref.get("dL/dw1")).isZero();
    List<Values> vs = mistaken(Misconceptions.RELU_NEGATIVE_SIDE, relu, neg);
    assertThat(vs).hasSize(1);
    assertThat(vs.get(0).get("dh1/dz1")).isEqualTo(1.0);
    assertThat(vs.get(0).get("dL/dw1")).isCloseTo(ref.get("dL/dh1") * -2.0, within(1e-15));
  }

  @Test
  void sigmoidWithPositiveExponentGivesOneMinusSigmoid() {
    Values v = only(Misconceptions.SIGMOID_POSITIVE_EXPONENT);
    assertThat(v.get("out_h1")).isCloseTo(1 - REF.get("out_h1"), within(1e-15));
  }

  @Test
  void catalogueHasEveryDesignEntryWithFeedback() {
    assertThat(Misconceptions.catalogue()).extracting(Misconception::id).containsExactly(
        "error-derivative-sign", "activation-derivative-omitted", "derivative-at-net",
        "path-omitted", "updated-weights-in-backprop", "gradient-added", "learning-rate-omitted",
        "loss-factor", "relu-derivative-negative-side", "sigmoid-positive-exponent",
        "weights-numbered-by-source", "rounded-early");
    for (Misconception m : Misconceptions.catalogue()) {
      assertThat(m.feedback()).as(m.id()).hasSizeGreaterThan(60);
    }
    assertThat(Misconceptions.ROUNDED_EARLY.apply(CLASSIC.network(), CLASSIC.graph())).isEmpty();
    QuantityGraph g = CLASSIC.graph();
    assertThat(Misconceptions.RELU_NEGATIVE_SIDE.apply(CLASSIC.network(), g)).isEmpty();
  }

  @Test
  void weightsNumberedBySourceSwapW2W3AndW6W7() {
    Values v = only(Misconceptions.WEIGHTS_NUMBERED_BY_SOURCE);
    // net_h1 takes the value given for w3 on the edge from i2 (w2's edge).
    assertThat(v.get("net_h1")).isCloseTo(0.15 * 0.05 + 0.25 * 0.10 + 0.35, within(1e-15));
    // Everywhere, the student's world is the true graph with w2/w3 and w6/w7 given swapped,
    // read under the swapped names.
    Map<String, Double> swapped = new java.util.LinkedHashMap<>(REF.givens());
    swapped.put("w2", REF.get("w3"));
    swapped.put("w3", REF.get("w2"));
    swapped.put("w6", REF.get("w7"));
    swapped.put("w7", REF.get("w6"));
    Values t = CLASSIC.graph().evaluate(swapped);
    assertThat(v.get("dE_total/dw2")).isEqualTo(t.get("dE_total/dw3"));
    assertThat(v.get("w2+")).isEqualTo(t.get("w3+"));
    assertThat(v.get("w6+")).isEqualTo(t.get("w7+"));
    assertThat(v.get("dE_total/dw1")).isEqualTo(t.get("dE_total/dw1"));
    assertThat(v.get("E_total@1")).isEqualTo(t.get("E_total@1"));
    assertThat(v.get("dE_total/dw2")).isNotCloseTo(REF.get("dE_total/dw2"), within(1e-6));
  }

  @Test
  void weightsNumberedBySourceNeedASquareLayer() {
    for (String id : List.of("relu-2-1-1", "perceptron")) {
      Template t = Templates.builtin(id);
      assertThat(Misconceptions.WEIGHTS_NUMBERED_BY_SOURCE.apply(t.network(), t.graph()))
          .as(id).isEmpty();
    }
    Template matrix = Templates.builtin("sigmoid-2-2-1");
    assertThat(SourceNumberedWeights.transposedNames(matrix.graph()))
        .containsEntry("w12^[1]", "w21^[1]").containsEntry("w21^[1]", "w12^[1]").hasSize(2);
    Values ref = matrix.solve(Map.of());
    Values v = mistaken(Misconceptions.WEIGHTS_NUMBERED_BY_SOURCE, matrix, Map.of()).get(0);
    assertThat(v.get("dL/dw12^[1]")).isNotCloseTo(ref.get("dL/dw12^[1]"), within(1e-9));
    assertThat(Misconceptions.byId("weights-numbered-by-source")).isPresent();
  }
}
