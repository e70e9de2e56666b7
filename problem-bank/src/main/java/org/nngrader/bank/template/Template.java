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
 * <p>A <em>symbolic</em> template (exercise family 5, {@link #isSymbolic()}) has answers that are
 * expressions; {@link #symbolic()} says what it leaves without a number, and it is solved by
 * {@code org.nngrader.bank.symbolic.SymbolicSolver}, not by {@link #solve(Map)}. Its network has
 * linear stand-ins at abstract layers, and its defaults give only the givens the exercise has
 * ({@link #givenIds()}).
 *
 * @param asked step ids, in the order the answer sheet lists them
 * @param updates update counts whose after-update quantities exist (1 and/or larger)
 * @param significantFigures how many significant figures students are asked to give
 * @param symbolic what a symbolic template leaves without a number; null for a numeric template
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
    QuantityGraph graph,
    SymbolicSpec symbolic) {

  public Template {
    defaults = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(defaults));
    asked = List.copyOf(asked);
    updates = List.copyOf(updates);
  }

  /** A numeric template: every answer is a number. */
  public Template(
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
    this(id, title, description, network, notation, defaults, randomization, asked, updates,
        significantFigures, graph, null);
  }

  /** Whether the answers are expressions (exercise family 5); see {@link #symbolic()}. */
  public boolean isSymbolic() {
    return symbolic != null;
  }

  /**
   * The ids of the exercise's given values, in graph order: every given of the graph for a
   * numeric template; for a symbolic one, those without the unknown targets and the givens no
   * answer depends on (see {@link SymbolicSpec#givenIds(Notation)}).
   */
  public List<String> givenIds() {
    return symbolic == null ? graph.givenIds() : symbolic.givenIds(notation);
  }

  /**
   * The other names of the asked steps, alias to the asked id: a sheet row {@code
   * dE_total/dnet_o1} answers the step asked as {@code dE_o1/dnet_o1}, one value under two names.
   */
  public Map<String, String> stepAliases() {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (String id : asked) {
      if (graph.contains(id)) {
        String canonical = graph.quantity(id).id();
        for (String alias : graph.aliasesOf(canonical)) {
          out.put(alias, canonical);
        }
      }
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  /** Compiles the graph of a network in a notation with the given update counts. */
  static QuantityGraph compile(Notation notation, List<Integer> updates) {
    return GraphCompiler.compile(notation, updates);
  }

  /**
   * Solves the template for the default values with some of them replaced.
   *
   * @throws IllegalArgumentException naming an unknown parameter id and the valid ones
   * @throws IllegalStateException for a symbolic template, whose answers are expressions
   */
  public Values solve(Map<String, Double> overrides) {
    if (symbolic != null) {
      throw new IllegalStateException(
          "template " + id + " is symbolic: its answers are expressions, not numbers; solve it"
              + " with org.nngrader.bank.symbolic.SymbolicSolver.solve(template, givens)");
    }
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
