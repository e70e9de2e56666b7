package org.nngrader.bank.template;

import java.util.List;
import java.util.Map;
import org.nngrader.bank.graph.GraphCompiler;
import org.nngrader.bank.graph.QuantityGraph;
import org.nngrader.bank.graph.Values;
import org.nngrader.bank.model.Network;
import org.nngrader.bank.model.Notation;

/**
 * An exercise template: the network, its notation, the default given values, how values are
 * randomized, which steps are asked and how answers should be written. Loaded from YAML by
 * {@link TemplateLoader}; immutable; its quantity graph is compiled once.
 *
 * @param asked step ids, in the order the answer sheet lists them
 * @param updates update counts whose after-update quantities exist (1 and/or larger)
 * @param significantFigures how many significant figures students are asked to give
 */
public record Template(
    String id,
    String title,
    String description,
    Network network,
    Notation notation,
    Map<String, Double> defaults,
    Randomization randomization,
    List<String> asked,
    List<Integer> updates,
    int significantFigures,
    QuantityGraph graph) {

  public Template {
    defaults = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(defaults));
    asked = List.copyOf(asked);
    updates = List.copyOf(updates);
  }

  /** Compiles the graph of a network in a notation with the given update counts. */
  static QuantityGraph compile(Notation notation, List<Integer> updates) {
    return GraphCompiler.compile(notation, updates);
  }

  /**
   * Solves the template for the default values with some of them replaced.
   *
   * @throws IllegalArgumentException naming an unknown parameter id and the valid ones
   */
  public Values solve(Map<String, Double> overrides) {
    Map<String, Double> values = new java.util.LinkedHashMap<>(defaults);
    java.util.Set<String> unknown = new java.util.TreeSet<>(overrides.keySet());
    unknown.removeAll(graph.givenIds());
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown parameter " + String.join(", ", unknown) + " for template " + id
              + "; valid parameters: " + String.join(", ", graph.givenIds()));
    }
    values.putAll(overrides);
    return graph.evaluate(values);
  }
}
