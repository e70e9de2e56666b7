package org.nngrader.bank.verify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.nngrader.bank.graph.Quantity;
import org.nngrader.bank.graph.QuantityKind;
import org.nngrader.bank.graph.Values;
import org.nngrader.bank.model.Activation;
import org.nngrader.bank.model.Network;
import org.nngrader.bank.model.Notation;

/**
 * One drawn exercise: a network in the default notation and a value for each of its givens.
 * Its {@code toString} is what jqwik prints for a failing draw, so it lists the whole network
 * and every given (with 17 digits, enough to replay the draw by hand).
 */
public record NetworkCase(Notation notation, Map<String, Double> givens) {

  public NetworkCase {
    givens = Collections.unmodifiableMap(new LinkedHashMap<>(givens));
  }

  public Network network() {
    return notation.network();
  }

  /**
   * Whether any net input of a ReLU or leaky-ReLU neuron (before or after an update) is within
   * {@code margin} of the kink at 0, where the derivative jumps and neither a finite difference
   * nor a second evaluation in other arithmetic can be expected to agree with the solver.
   */
  boolean nearKink(Values values, double margin) {
    for (Quantity q : values.graph().quantities()) {
      if (q.kind() != QuantityKind.NET) {
        continue;
      }
      Activation.Kind kind = network().activation(q.layer()).kind();
      boolean kinked = kind == Activation.Kind.RELU || kind == Activation.Kind.LEAKY_RELU;
      if (kinked && Math.abs(values.get(q.id())) < margin) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    Network n = network();
    String acts = n.activations().stream().map(Activation::id).collect(Collectors.joining(", "));
    String values = givens.entrySet().stream()
        .map(e -> e.getKey() + "=" + String.format(Locale.ROOT, "%.17g", e.getValue()))
        .collect(Collectors.joining(", "));
    return "layers " + n.sizes() + ", activations [" + acts + "], loss " + n.loss().id()
        + ", bias " + n.biasMode().id() + ", train weights " + n.trainWeights() + ", train biases "
        + n.trainBiases() + ", examples " + n.examples() + "; givens {" + values + "}";
  }
}
