package org.nngrader.bank.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nngrader.bank.model.Activation;
import org.nngrader.bank.model.Loss;

/** The YAML additions of symbolic templates: abstract activations and loss, unknown targets. */
class SymbolicTemplateLoaderTest {

  /** A 3-2-1 network with abstract f, g and loss, as the built-in symbolic-3-2-1 has. */
  static final String ABSTRACT = """
      id: t
      title: T
      network:
        layers: [3, 2, 1]
        activations: [f, g]
        loss: abstract
        bias: per_neuron
      notation:
        net_o1: z_out
        out_o1: y_hat
        E_total: L
      defaults:
        i1: 1
        i2: 2
        i3: 3
        w1: 0.1
        w2: 0.2
        w3: 0.3
        w4: 0.4
        w5: 0.5
        w6: 0.6
        w7: 0.7
        w8: 0.8
        b1: 0.1
        b2: 0.2
      asked: [dL/dw*]
      """;

  /** A 2-1 network with a sigmoid output and an unknown target. */
  static final String UNKNOWN = """
      id: u
      title: U
      network:
        layers: [2, 1]
        activations: [sigmoid]
        loss: half_sse
        bias: per_neuron
      notation:
        target_o1: y
      symbolic:
        unknowns: [y]
      defaults:
        i1: 1
        i2: 2
        w1: 0.1
        w2: 0.2
        b1: 0.3
      asked: [out_o1, dE_total/dw1]
      """;

  private static Template parse(String text) {
    return TemplateLoader.parse("t.yaml", text);
  }

  private static String problems(String text) {
    try {
      parse(text);
    } catch (TemplateException e) {
      return e.getMessage();
    }
    throw new AssertionError("loaded without problems:\n" + text);
  }

  @Test
  void abstractActivationsAndLossMakeATemplateSymbolicWithStandIns() {
    Template t = parse(ABSTRACT);

    assertThat(t.isSymbolic()).isTrue();
    assertThat(t.symbolic().abstractActivations()).isEqualTo(Map.of(1, "f", 2, "g"));
    assertThat(t.symbolic().abstractLoss()).isTrue();
    assertThat(t.symbolic().unknowns()).isEmpty();
    assertThat(t.network().activations()).containsOnly(Activation.of(Activation.Kind.LINEAR));
    assertThat(t.network().loss()).isEqualTo(Loss.HALF_SSE);
    assertThat(t.symbolic().symbols(t.notation())).containsExactly("dL/dy_hat", "z_out");
    assertThat(t.symbolic().functions()).containsExactly("f", "f'", "g", "g'");
    // b3 enters only z_out, which stays a symbol; the target and the rate are not used.
    assertThat(t.symbolic().unusedGivens(t.notation())).containsExactly("b3", "eta", "target_o1");
    assertThat(t.givenIds()).containsExactly(
        "i1", "i2", "i3", "w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "b1", "b2");
    assertThat(t.asked()).containsExactlyInAnyOrder(
        "dL/dw1", "dL/dw2", "dL/dw3", "dL/dw4", "dL/dw5", "dL/dw6", "dL/dw7", "dL/dw8");
  }

  @Test
  void unknownTargetsMakeATemplateSymbolic() {
    Template t = parse(UNKNOWN);

    assertThat(t.isSymbolic()).isTrue();
    assertThat(t.symbolic().unknowns()).containsExactly("y");
    assertThat(t.symbolic().abstractActivations()).isEmpty();
    assertThat(t.symbolic().symbols(t.notation())).containsExactly("y");
    assertThat(t.givenIds()).containsExactly("i1", "i2", "w1", "w2", "b1");
    assertThat(t.asked()).containsExactly("out_o1", "dE_total/dw1");
  }

  @Test
  void aNumericTemplateIsNotSymbolicAndKeepsEveryGiven() {
    Template t = Templates.builtin("sigmoid-2-2-2");

    assertThat(t.isSymbolic()).isFalse();
    assertThat(t.symbolic()).isNull();
    assertThat(t.givenIds()).isEqualTo(t.graph().givenIds());
  }

  @Test
  void aSymbolicTemplateIsNotSolvedAsNumbers() {
    Template t = parse(UNKNOWN);

    assertThatThrownBy(() -> t.solve(Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("template u is symbolic")
        .hasMessageContaining("SymbolicSolver.solve");
  }

  @Test
  void aConcreteLossNeedsAConcreteOutputActivation() {
    assertThat(problems(ABSTRACT.replace("loss: abstract", "loss: half_sse")))
        .contains("t.yaml line 6: network.loss is 'half_sse', but the output activation g is"
            + " abstract, so the output has no number to put in the loss; write loss: abstract");
  }

  @Test
  void aConcreteLayerAfterAnAbstractOneIsRefused() {
    assertThat(problems(ABSTRACT.replace("[f, g]", "[f, sigmoid]")))
        .contains("network.activations[1] is 'sigmoid', but the net inputs of layer 2 depend on"
            + " the abstract f of layer 1, so they have no number; make this layer abstract too"
            + " (f or g)");
  }

  @Test
  void anUnknownActivationNamesTheAbstractChoicesToo() {
    assertThat(problems(ABSTRACT.replace("[f, g]", "[h, g]")))
        .contains("network.activations[0]")
        .contains("unknown activation 'h'")
        .contains("or f or g to leave it abstract (a symbolic template)");
  }

  @Test
  void onlyTargetsCanBeUnknown() {
    assertThat(problems(UNKNOWN.replace("unknowns: [y]", "unknowns: [w1]")))
        .contains("symbolic.unknowns[0] is 'w1'; only targets can be left unknown; targets: y");
  }

  @Test
  void anUnknownTargetUnderAnAbstractLossIsRefused() {
    String text = ABSTRACT.replace("asked:", "symbolic:\n  unknowns: [target_o1]\nasked:");
    assertThat(problems(text))
        .contains("symbolic.unknowns[0] is 'target_o1', but the loss is abstract, so no answer"
            + " depends on a target; remove it");
  }

  @Test
  void anUnknownTargetHasNoDefault() {
    assertThat(problems(UNKNOWN.replace("  b1: 0.3\n", "  b1: 0.3\n  y: 0.5\n")))
        .contains("defaults.y is left unknown (symbolic.unknowns): the answers are expressions in"
            + " it; remove it");
  }

  @Test
  void aGivenNoAnswerUsesHasNoDefault() {
    String text = ABSTRACT.replace("  b2: 0.2\n", "  b2: 0.2\n  b3: 0.1\n  eta: 0.5\n");
    assertThat(problems(text))
        .contains("defaults.b3 is not used: the net input it adds to depends on an abstract"
            + " activation, so it stays a symbol; remove it")
        .contains("defaults.eta is not used: a symbolic template asks no update; remove it");
  }

  @Test
  void theExercisesGivensNeedDefaults() {
    assertThat(problems(ABSTRACT.replace("  w7: 0.7\n", "")))
        .contains("defaults has no value for w7");
  }

  @Test
  void onlyGradientsAndNumericForwardQuantitiesCanBeAsked() {
    assertThat(problems(ABSTRACT.replace("asked: [dL/dw*]", "asked: [dL/dw1, y_hat]")))
        .contains("asked[1] is 'y_hat', which a symbolic template cannot ask: y_hat has no answer"
            + " as a number or as a chain-rule expression; it can ask: net_h1, net_h2,")
        .contains("dL/dw8");
  }

  @Test
  void aGlobSkipsWhatCannotBeAsked() {
    Template t = parse(UNKNOWN.replace("asked: [out_o1, dE_total/dw1]", "asked: ['*']"));

    assertThat(t.asked()).containsExactly(
        "net_o1", "out_o1", "dE_total/dw1", "dE_total/dw2", "dE_total/db1");
  }

  @Test
  void aSymbolKeptInTheAnswersMustBeAName() {
    assertThat(problems(ABSTRACT.replace("net_o1: z_out", "net_o1: z^[2]")))
        .contains("notation gives the name 'z^[2]' to a quantity the answers keep as a symbol, but")
        .contains("rename it in notation (e.g. net_o1: z_out)");
  }

  @Test
  void softmaxUpdatesAndSeveralExamplesAreNotSymbolic() {
    String text = UNKNOWN
        .replace("layers: [2, 1]", "layers: [2, 1]\n  examples: 2")
        .replace("unknowns: [y]", "unknowns: [y#1]")
        .replace("asked:", "updates: [1]\nasked:");
    assertThat(problems(text))
        .contains("network.examples is 2; a symbolic template has one example")
        .contains("updates is [1]; a symbolic template asks no update; remove updates");
    String softmax = UNKNOWN
        .replace("layers: [2, 1]", "layers: [2, 2]")
        .replace("[sigmoid]", "[softmax]")
        .replace("half_sse", "softmax_cce");
    assertThat(problems(softmax))
        .contains("network.loss is softmax_cce; a symbolic template supports half_sse, mse, bce or"
            + " abstract");
  }

  @Test
  void aSymbolicSectionThatLeavesNothingOpenIsRefused() {
    assertThat(problems(UNKNOWN.replace("unknowns: [y]", "unknowns: []")))
        .contains("symbolic leaves nothing without a number");
    assertThat(problems(UNKNOWN.replace("unknowns: [y]", "unknown: [y]")))
        .contains("symbolic.unknown is not a template field; valid fields of symbolic: unknowns");
  }

  @Test
  void theSpecRefusesWhatTheLoaderWouldNeverBuild() {
    assertThatThrownBy(() -> new SymbolicSpec(new java.util.TreeMap<>(Map.of(1, "h")), false,
        List.of())).hasMessageContaining("abstract activation 'h' of layer 1; use one of f, g");
    assertThatThrownBy(() -> new SymbolicSpec(new java.util.TreeMap<>(), false, List.of()))
        .hasMessageContaining("a symbolic template leaves something without a number");
    assertThatThrownBy(() -> new SymbolicSpec(new java.util.TreeMap<>(), false,
        List.of("y", "y"))).hasMessageContaining("name a target twice");
  }

  @Test
  void numericNetsAndOutputsFollowTheFirstAbstractLayer() {
    SymbolicSpec spec = new SymbolicSpec(new java.util.TreeMap<>(Map.of(2, "f", 3, "g")), true,
        List.of());

    assertThat(spec.numericNet(1)).isTrue();
    assertThat(spec.numericOut(1)).isTrue();
    assertThat(spec.numericNet(2)).isTrue();
    assertThat(spec.numericOut(2)).isFalse();
    assertThat(spec.numericNet(3)).isFalse();
    assertThat(spec.activation(2)).contains("f");
    assertThat(spec.activation(1)).isEmpty();
  }
}
