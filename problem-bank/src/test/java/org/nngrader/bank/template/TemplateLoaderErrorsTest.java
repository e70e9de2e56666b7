package org.nngrader.bank.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A malformed template fails with the file, the line, the field and the way out. */
class TemplateLoaderErrorsTest {

  static final String GOOD = """
      id: tiny
      title: Tiny
      network:
        layers: [1, 1]
        activations: [sigmoid]
        loss: half_sse
        bias: per_neuron
        train: [weights, biases]
      defaults:
        i1: 0.5
        w1: 0.3
        b1: 0.1
        target_o1: 1.0
        eta: 0.5
      randomize:
        weight: {min: -1, max: 1, decimals: 2}
      asked: [net_o1, out_o1, E_total, dE_total/dw1, w1+]
      updates: [1]
      """;

  @org.junit.jupiter.api.Test
  void aQuantityIsAskedByAnyOfItsNamesAndGoesByIt() {
    // One output: E_o1 is E_total, dE_o1/dnet_o1 is dE_total/dnet_o1.
    Template t = TemplateLoader.parse("tiny.yaml", GOOD.replace(
        "asked: [net_o1, out_o1, E_total, dE_total/dw1, w1+]",
        "asked: [E_o1, dE_o1/dout_o1, dE_o1/dnet_o1, dE_total/dw*]"));
    assertThat(t.asked()).containsExactly("E_o1", "dE_o1/dout_o1", "dE_o1/dnet_o1",
        "dE_total/dw1");
    assertThat(t.graph().quantity("dE_total/dnet_o1").id()).isEqualTo("dE_o1/dnet_o1");
    assertThat(t.graph().quantity("dE_total/db1").primary().symbolic())
        .isEqualTo("dE_o1/dout_o1 * dout_o1/dnet_o1 * dnet_o1/db1");
    assertThat(t.stepAliases()).containsEntry("E_total", "E_o1")
        .containsEntry("dE_total/dnet_o1", "dE_o1/dnet_o1")
        .containsEntry("dE_total/dout_o1", "dE_o1/dout_o1");
    assertThat(t.solve(java.util.Map.of()).get("dE_o1/dnet_o1"))
        .isEqualTo(t.solve(java.util.Map.of()).get("dE_total/dnet_o1"));
  }

  @org.junit.jupiter.api.Test
  void oneQuantityAskedByTwoNamesIsRefusedNamingBoth() {
    assertThatThrownBy(() -> TemplateLoader.parse("tiny.yaml", GOOD.replace(
        "asked: [net_o1, out_o1, E_total, dE_total/dw1, w1+]",
        "asked: [dE_total/dnet_o1, dE_o1/dnet_o1]")))
        .hasMessageContaining("tiny.yaml line 17: asked[1] is 'dE_o1/dnet_o1', which asks"
            + " dE_o1/dnet_o1, the same quantity as asked[0] 'dE_total/dnet_o1' (one value, two"
            + " names); ask it once");
  }

  @org.junit.jupiter.api.Test
  void theGoodTemplateLoads() {
    Template t = TemplateLoader.parse("tiny.yaml", GOOD);
    assertThat(t.asked()).containsExactly("net_o1", "out_o1", "E_total", "dE_total/dw1", "w1+");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "activations: [sigmoid]|activations: [sigmoidd]|tiny.yaml line 5: network.activations[0] unknown activation 'sigmoidd'; valid: sigmoid, tanh, relu",
    "loss: half_sse|loss: hinge|tiny.yaml line 6: network.loss unknown loss 'hinge'; valid: half_sse, mse, bce, softmax_cce",
    "bias: per_neuron|bias: sometimes|tiny.yaml line 7: network.bias unknown bias layout 'sometimes'",
    "  w1: 0.3|  w9: 0.3|tiny.yaml line 11: defaults.w9 is not a parameter of this network; valid: i1, w1, b1, target_o1, eta",
    "weight: {min: -1, max: 1, decimals: 2}|weight: {min: 1, max: -1, decimals: 2}|tiny.yaml line 16: randomize.weight min 1.0 must not exceed max -1.0",
    "asked: [net_o1|asked: [net_o9|tiny.yaml line 17: asked[0] is 'net_o9', which names no computed quantity",
    "updates: [1]|updates: [0]|tiny.yaml line 18: updates[0] is '0'; an update count is a whole number from 1 to 1000000",
    "title: Tiny|titel: Tiny|tiny.yaml line 2: titel is not a template field; valid fields: ",
  })
  void errorsNameFileLineAndField(String from, String to, String message) {
    String bad = GOOD.replace(from, to);
    assertThat(bad).isNotEqualTo(GOOD);
    assertThatThrownBy(() -> TemplateLoader.parse("tiny.yaml", bad))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining(message);
  }

  @org.junit.jupiter.api.Test
  void invalidYamlNamesTheLine() {
    assertThatThrownBy(() -> TemplateLoader.parse("tiny.yaml", "id: [unclosed\ntitle: x\n"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("tiny.yaml line")
        .hasMessageContaining("is not valid YAML");
  }
}
