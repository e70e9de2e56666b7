package org.nngrader.bank.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nngrader.bank.graph.Quantity;
import org.nngrader.bank.graph.QuantityGraph;
import org.nngrader.bank.graph.QuantityKind;
import org.nngrader.bank.graph.Values;
import org.nngrader.bank.model.Activation;
import org.nngrader.bank.model.Network;
import org.nngrader.bank.model.Notation;
import org.nngrader.bank.template.Randomization;
import org.nngrader.bank.template.Template;

/**
 * Decides whether a draw is degenerate. Evaluates only the part of the graph the checks need
 * (quantities after many updates are left out unless the loss check needs them), so that
 * thousands of draws stay cheap. Immutable.
 */
final class DrawCheck {

  /** A neuron's net and out ids, and its activation. */
  private record Neuron(String net, String out, Activation activation) {}

  private final Randomization rules;
  private final QuantityGraph graph;
  private final List<Neuron> neurons = new ArrayList<>();
  private final List<String> gradients = new ArrayList<>();
  private final List<String> finite = new ArrayList<>();
  private final String lossBefore;
  private final String lossAfter;

  DrawCheck(Template template) {
    this.rules = template.randomization();
    QuantityGraph full = template.graph();
    Notation n = template.notation();
    Network net = template.network();
    Set<String> needed = new LinkedHashSet<>();
    for (String step : template.asked()) {
      Quantity q = full.quantity(step);
      if (q.kind() != QuantityKind.AFTER_TRAINING) {
        needed.add(step);
        finite.add(step);
        if (q.kind() == QuantityKind.GRADIENT) {
          gradients.add(step);
        }
      }
    }
    for (int e = 0; e < net.examples(); e++) {
      for (int l = 1; l < net.depth(); l++) {
        Activation act = net.activation(l);
        for (int j = 0; j < net.size(l); j++) {
          for (String at : new String[] {"", "@1"}) {
            String netId = n.net(l, j, e) + at;
            String outId = n.out(l, j, e) + at;
            if (full.contains(netId) && full.contains(outId)) {
              neurons.add(new Neuron(netId, outId, act));
              needed.add(netId);
              needed.add(outId);
            }
          }
        }
      }
    }
    String after = null;
    if (rules.requireLossDecrease() && !template.updates().isEmpty()) {
      int k = template.updates().stream().mapToInt(Integer::intValue).min().getAsInt();
      after = Notation.after(n.total(), k);
      needed.add(n.total());
      needed.add(after);
    }
    this.lossBefore = after == null ? null : n.total();
    this.lossAfter = after;
    List<Quantity> part = new ArrayList<>();
    for (Quantity q : full.ancestorsOf(needed)) {
      // Only the primary derivation: the others may name quantities outside this part.
      part.add(q.isGiven() ? q : q.withDerivations(List.of(q.primary())));
    }
    this.graph = QuantityGraph.of(part);
  }

  /** The first reason this draw is degenerate, if any. */
  Optional<Degeneracy> check(Map<String, Double> parameters) {
    Map<String, Double> givens = new LinkedHashMap<>();
    for (String id : graph.givenIds()) {
      givens.put(id, parameters.get(id));
    }
    Values v = graph.evaluate(givens);
    for (String id : finite) {
      if (!Double.isFinite(v.get(id))) {
        return Optional.of(Degeneracy.NOT_FINITE);
      }
    }
    for (Neuron neuron : neurons) {
      Optional<Degeneracy> d = neuron(neuron, v.get(neuron.net()), v.get(neuron.out()));
      if (d.isPresent()) {
        return d;
      }
    }
    for (String id : gradients) {
      double g = v.get(id);
      if (g == 0 || Math.abs(g) < rules.minGradient()) {
        return Optional.of(Degeneracy.SMALL_GRADIENT);
      }
    }
    if (lossAfter != null && !(v.get(lossAfter) < v.get(lossBefore))) {
      return Optional.of(Degeneracy.LOSS_NOT_DECREASING);
    }
    return Optional.empty();
  }

  private Optional<Degeneracy> neuron(Neuron n, double net, double out) {
    switch (n.activation().kind()) {
      case RELU, LEAKY_RELU -> {
        if (Math.abs(net) < rules.reluMargin()) {
          return Optional.of(Degeneracy.RELU_MARGIN);
        }
      }
      case SIGMOID, TANH -> {
        if (n.activation().derivative(net, out) < rules.minActivationDerivative()) {
          return Optional.of(Degeneracy.SATURATED);
        }
      }
      default -> { }
    }
    return Optional.empty();
  }
}
