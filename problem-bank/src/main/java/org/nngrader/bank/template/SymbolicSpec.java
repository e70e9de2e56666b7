package org.nngrader.bank.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.nngrader.bank.expr.Expr;
import org.nngrader.bank.model.Network;
import org.nngrader.bank.model.Notation;
import org.nngrader.bank.model.ParameterKind;

/**
 * What a symbolic template (exercise family 5) leaves without a number, so that its answers are
 * expressions: the activations of some layers (abstract functions {@code f} or {@code g}), the
 * loss (then {@code dL/dy_hat} stays a symbol), and targets left unknown (then the gradients are
 * expressions in {@code y}).
 *
 * <p>Everything here is structural; the consequences follow by layer. A net input is a number
 * when no layer before it is abstract (first-layer net inputs always are); otherwise it stays a
 * symbol named by its id ({@code z_out}). An output is a number when its net input is one and its
 * activation is concrete. The template's {@link Template#network()} carries linear activations
 * (and half squared error for an abstract loss) as stand-ins where this spec says abstract; the
 * numbers the answers use never depend on a stand-in (checked in tests).
 *
 * <p>Immutable.
 *
 * @param abstractActivations layer (1 for the first layer after the inputs) to its abstract
 *     function, {@code f} or {@code g}
 * @param abstractLoss whether the loss is left abstract
 * @param unknowns target ids left unknown, in template order
 */
public record SymbolicSpec(
    SortedMap<Integer, String> abstractActivations, boolean abstractLoss, List<String> unknowns) {

  /** The names a template may give an abstract activation: {@code f} and {@code g}. */
  public static final SortedSet<String> ACTIVATION_FUNCTIONS = activationFunctions();

  /** What a template writes for {@code network.loss} to leave the loss abstract. */
  public static final String ABSTRACT_LOSS = "abstract";

  public SymbolicSpec {
    abstractActivations = Collections.unmodifiableSortedMap(new TreeMap<>(abstractActivations));
    unknowns = List.copyOf(unknowns);
    abstractActivations.forEach(
        (layer, function) -> {
          if (layer < 1) {
            throw new IllegalArgumentException(
                "abstract activation of layer " + layer + "; layers after the inputs start at 1");
          }
          if (!ACTIVATION_FUNCTIONS.contains(function)) {
            throw new IllegalArgumentException(
                "abstract activation '"
                    + function
                    + "' of layer "
                    + layer
                    + "; use one of "
                    + String.join(", ", ACTIVATION_FUNCTIONS));
          }
        });
    if (new LinkedHashSet<>(unknowns).size() != unknowns.size()) {
      throw new IllegalArgumentException("unknowns " + unknowns + " name a target twice");
    }
    if (abstractActivations.isEmpty() && !abstractLoss && unknowns.isEmpty()) {
      throw new IllegalArgumentException(
          "a symbolic template leaves something without a number: an activation (f or g), the"
              + " loss (abstract) or a target (symbolic.unknowns)");
    }
  }

  private static SortedSet<String> activationFunctions() {
    SortedSet<String> names = new TreeSet<>();
    for (String function : Expr.Call.ABSTRACT_FUNCTIONS) {
      if (!function.endsWith("'")) {
        names.add(function);
      }
    }
    return Collections.unmodifiableSortedSet(names);
  }

  /** The abstract function of a layer, or empty when its activation is concrete. */
  public Optional<String> activation(int layer) {
    return Optional.ofNullable(abstractActivations.get(layer));
  }

  /** Whether the net inputs of a layer are numbers: no layer before it is abstract. */
  public boolean numericNet(int layer) {
    return abstractActivations.isEmpty() || abstractActivations.firstKey() >= layer;
  }

  /** Whether the outputs of a layer are numbers: numeric net inputs and a concrete activation. */
  public boolean numericOut(int layer) {
    return numericNet(layer) && !abstractActivations.containsKey(layer);
  }

  /** The abstract functions a student may use: each abstract activation and its derivative. */
  public SortedSet<String> functions() {
    SortedSet<String> names = new TreeSet<>();
    for (String function : abstractActivations.values()) {
      names.add(function);
      names.add(function + "'");
    }
    return Collections.unmodifiableSortedSet(names);
  }

  /**
   * The free symbols of the exercise, which a student may use: the net inputs that are not
   * numbers, the loss derivative of each output when the loss is abstract, and the unknown
   * targets.
   */
  public SortedSet<String> symbols(Notation notation) {
    Network net = notation.network();
    SortedSet<String> names = new TreeSet<>(unknowns);
    for (int l = 1; l < net.depth(); l++) {
      if (!numericNet(l)) {
        for (int j = 0; j < net.size(l); j++) {
          names.add(notation.net(l, j, 0));
        }
      }
    }
    if (abstractLoss) {
      for (int j = 0; j < net.outputs(); j++) {
        names.add(lossDerivative(notation, j));
      }
    }
    return Collections.unmodifiableSortedSet(names);
  }

  /** The id (and symbol) of dL/dout for output {@code j} (0-based). */
  public static String lossDerivative(Notation notation, int j) {
    Network net = notation.network();
    return Notation.derivative(notation.total(0), notation.out(net.depth() - 1, j, 0));
  }

  /**
   * The given ids no answer depends on: the learning rate (a symbolic template asks no update),
   * the targets when the loss is abstract, and the biases of layers whose net inputs stay
   * symbols. They are not part of the exercise: the template gives them no value.
   */
  public SortedSet<String> unusedGivens(Notation notation) {
    Network net = notation.network();
    SortedSet<String> unused = new TreeSet<>();
    for (Map.Entry<String, ParameterKind> g : notation.givens().entrySet()) {
      if (g.getValue() == ParameterKind.RATE
          || (abstractLoss && g.getValue() == ParameterKind.TARGET)) {
        unused.add(g.getKey());
      }
    }
    for (int l = 1; l < net.depth(); l++) {
      if (!numericNet(l)) {
        for (int j = 0; j < net.size(l); j++) {
          String b = notation.bias(l, j);
          if (b != null) {
            unused.add(b);
          }
        }
      }
    }
    return Collections.unmodifiableSortedSet(unused);
  }

  /** The givens of the exercise, in graph order: every given except the unknown and unused ones. */
  public List<String> givenIds(Notation notation) {
    Set<String> excluded = new TreeSet<>(unusedGivens(notation));
    excluded.addAll(unknowns);
    List<String> ids = new ArrayList<>();
    for (String g : notation.givens().keySet()) {
      if (!excluded.contains(g)) {
        ids.add(g);
      }
    }
    return List.copyOf(ids);
  }
}
