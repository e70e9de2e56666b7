package org.nngrader.bank.symbolic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.nngrader.bank.graph.Quantity;
import org.nngrader.bank.graph.QuantityGraph;
import org.nngrader.bank.graph.QuantityKind;
import org.nngrader.bank.graph.Values;
import org.nngrader.bank.model.Network;
import org.nngrader.bank.model.Notation;
import org.nngrader.bank.template.SymbolicSpec;
import org.nngrader.bank.template.Template;

/**
 * The reference solver of symbolic templates (exercise family 5): each asked gradient as a
 * chain-rule expression with the known numbers substituted, each asked forward quantity as a
 * number.
 *
 * <p>The numbers come from the template's quantity graph, which is compiled with linear stand-ins
 * for the abstract activations: only quantities that do not depend on a stand-in are read (see
 * {@link SymbolicSpec}). Unknown targets are set to 0, and to 1 one at a time, to get the loss
 * derivative as the affine expression it is; the givens no answer depends on are set to 0.
 *
 * <p>Stateless and thread-safe.
 */
public final class SymbolicSolver {

  /** Significant digits of the numbers in reference expressions (half-even rounding). */
  public static final int SIGNIFICANT_DIGITS = 9;

  private SymbolicSolver() {}

  /**
   * Solves a symbolic template for its default values with some of them replaced.
   *
   * @param givens values replacing the template's defaults, by given id (any subset of {@link
   *     Template#givenIds()}; empty for the defaults)
   * @throws IllegalArgumentException when the template is numeric; when a given id is not one of
   *     the exercise's (naming it and the valid ones; an unknown target and a given no answer
   *     uses are named as such) or its value is not finite; or when a number the answers use is
   *     not finite for these givens
   */
  public static SymbolicSolution solve(Template template, Map<String, Double> givens) {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(givens, "givens");
    if (!template.isSymbolic()) {
      throw new IllegalArgumentException("template " + template.id()
          + " is numeric: its answers are numbers; solve it with Template.solve");
    }
    SymbolicSpec spec = template.symbolic();
    Notation notation = template.notation();
    QuantityGraph graph = template.graph();
    Map<String, Double> exercise = exerciseGivens(template, givens);

    Map<String, Double> all = new LinkedHashMap<>(exercise);
    for (String id : spec.unusedGivens(notation)) {
      all.put(id, 0.0);
    }
    for (String id : spec.unknowns()) {
      all.put(id, 0.0);
    }
    Values base = graph.evaluate(all);
    Map<String, Values> withTarget = new LinkedHashMap<>();
    for (String id : spec.unknowns()) {
      Map<String, Double> one = new LinkedHashMap<>(all);
      one.put(id, 1.0);
      withTarget.put(id, graph.evaluate(one));
    }

    ChainBuilder builder = new ChainBuilder(template, base, withTarget, SIGNIFICANT_DIGITS);
    List<SymbolicStep> steps = new ArrayList<>();
    Set<String> numbersAsked = new LinkedHashSet<>();
    for (String id : template.asked()) {
      Quantity q = graph.quantity(id);
      if (q.kind() == QuantityKind.GRADIENT) {
        steps.add(builder.gradient(q));
      } else {
        double value = base.get(id);
        if (!Double.isFinite(value)) {
          throw new IllegalArgumentException(
              id + " is " + value + " for these givens; choose givens that keep it finite");
        }
        numbersAsked.add(id);
        steps.add(new SymbolicStep(id, q.description(), SymbolicStep.Kind.NUMBER, value,
            Polynomial.number(value, SIGNIFICANT_DIGITS),
            Polynomial.number(value, SIGNIFICANT_DIGITS), List.of()));
      }
    }
    Set<String> used = new LinkedHashSet<>(numbersAsked);
    used.addAll(builder.read());
    return new SymbolicSolution(template.id(), template.title(), template.description(),
        exercise, symbols(template), functions(template),
        intermediates(graph, base, used, numbersAsked), steps, builder.degeneracies());
  }

  /**
   * The quantities of the exercise's network with their definitions for these givens, for
   * reading an expression answer that names them ({@code h1} for {@code f(-4.2)}).
   *
   * @throws IllegalArgumentException as {@link #solve}
   */
  public static NetworkTerms terms(Template template, Map<String, Double> givens) {
    Objects.requireNonNull(template, "template");
    if (!template.isSymbolic()) {
      throw new IllegalArgumentException("template " + template.id()
          + " is numeric: its answers are numbers, which name no quantity");
    }
    SymbolicSpec spec = template.symbolic();
    Map<String, Double> exercise = exerciseGivens(template, givens);
    Map<String, Double> all = new LinkedHashMap<>(exercise);
    for (String id : spec.unusedGivens(template.notation())) {
      all.put(id, 0.0);
    }
    for (String id : spec.unknowns()) {
      all.put(id, 0.0);
    }
    return NetworkTerms.of(template, template.graph().evaluate(all), exercise,
        symbols(template).keySet());
  }

  /** The exercise's givens: the defaults with the caller's values, checked. */
  private static Map<String, Double> exerciseGivens(Template template, Map<String, Double> givens) {
    SymbolicSpec spec = template.symbolic();
    List<String> valid = template.givenIds();
    for (Map.Entry<String, Double> e : new TreeMap<>(givens).entrySet()) {
      String id = e.getKey();
      if (spec.unknowns().contains(id)) {
        throw new IllegalArgumentException(id + " is left unknown in template " + template.id()
            + ": the answers are expressions in " + id + "; remove its value");
      }
      if (spec.unusedGivens(template.notation()).contains(id)) {
        throw new IllegalArgumentException("no answer of template " + template.id()
            + " depends on " + id + ", so it is not one of its parameters; valid parameters: "
            + String.join(", ", valid));
      }
      if (!valid.contains(id)) {
        throw new IllegalArgumentException("unknown parameter " + id + " for template "
            + template.id() + "; valid parameters: " + String.join(", ", valid));
      }
      if (e.getValue() == null || !Double.isFinite(e.getValue())) {
        throw new IllegalArgumentException(
            "parameter " + id + " is " + e.getValue() + "; it must be a finite number");
      }
    }
    Map<String, Double> exercise = new LinkedHashMap<>();
    for (String id : valid) {
      exercise.put(id, givens.containsKey(id) ? givens.get(id) : template.defaults().get(id));
    }
    return exercise;
  }

  /** The forward quantities with numbers that the answers use, with their formulas. */
  private static List<SymbolicSolution.Intermediate> intermediates(
      QuantityGraph graph, Values base, Set<String> used, Set<String> asked) {
    List<SymbolicSolution.Intermediate> out = new ArrayList<>();
    for (Quantity q : graph.ancestorsOf(used)) {
      if (q.kind() != QuantityKind.NET && q.kind() != QuantityKind.OUT) {
        continue;
      }
      String symbolic = q.primary().symbolic();
      String shape = q.primary().formula().template();
      String numeric = shape.equals("{0}") ? "" : base.numeric(q);
      out.add(new SymbolicSolution.Intermediate(q.id(), q.description(), symbolic,
          numeric.equals(symbolic) ? "" : numeric, base.get(q.id()), asked.contains(q.id())));
    }
    return out;
  }

  private static SortedMap<String, String> symbols(Template template) {
    SymbolicSpec spec = template.symbolic();
    Notation n = template.notation();
    Network net = n.network();
    SortedMap<String, String> symbols = new TreeMap<>();
    for (String target : spec.unknowns()) {
      symbols.put(target, "the target, left unknown");
    }
    if (spec.abstractLoss()) {
      for (int j = 0; j < net.outputs(); j++) {
        symbols.put(SymbolicSpec.lossDerivative(n, j), "how the loss " + n.total()
            + " changes with " + n.out(net.depth() - 1, j, 0) + "; the loss is left abstract");
      }
    }
    for (int l = 1; l < net.depth(); l++) {
      if (!spec.numericNet(l)) {
        for (int j = 0; j < net.size(l); j++) {
          Quantity q = template.graph().quantity(n.net(l, j, 0));
          symbols.put(q.id(), q.description() + ", " + q.primary().symbolic()
              + "; it depends on an abstract activation, so it stays a symbol");
        }
      }
    }
    if (!symbols.keySet().equals(new TreeSet<>(spec.symbols(n)))) {
      throw new IllegalStateException(
          "symbols " + symbols.keySet() + " differ from the spec's " + spec.symbols(n));
    }
    return symbols;
  }

  private static SortedMap<String, String> functions(Template template) {
    SymbolicSpec spec = template.symbolic();
    Notation n = template.notation();
    Map<String, List<String>> neurons = new TreeMap<>();
    spec.abstractActivations().forEach((layer, function) -> {
      for (int j = 0; j < n.network().size(layer); j++) {
        neurons.computeIfAbsent(function, f -> new ArrayList<>()).add(n.neuron(layer, j));
      }
    });
    SortedMap<String, String> functions = new TreeMap<>();
    neurons.forEach((function, of) -> {
      functions.put(function, "the activation of " + String.join(", ", of) + ", left abstract");
      functions.put(function + "'", "the derivative of " + function);
    });
    return functions;
  }
}
