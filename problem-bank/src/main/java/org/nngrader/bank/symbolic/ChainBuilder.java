package org.nngrader.bank.symbolic;

import static org.nngrader.bank.model.Notation.derivative;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nngrader.bank.expr.Expr;
import org.nngrader.bank.graph.Quantity;
import org.nngrader.bank.graph.QuantityGraph;
import org.nngrader.bank.graph.Values;
import org.nngrader.bank.model.Activation;
import org.nngrader.bank.model.BiasMode;
import org.nngrader.bank.model.Network;
import org.nngrader.bank.model.Notation;
import org.nngrader.bank.model.Numbers;
import org.nngrader.bank.template.Randomization;
import org.nngrader.bank.template.SymbolicSpec;
import org.nngrader.bank.template.Template;

/**
 * Builds the chain-rule products of the gradients of a symbolic template, one chain per path from
 * the parameter's neuron to an output, factor by factor: what has a number takes it from the
 * quantity graph, what is abstract becomes a call ({@code f'(-4.2)}, {@code g'(z_out)}) or a symbol
 * ({@code dL/dy_hat}), and the loss derivative of an unknown target is the affine expression the
 * graph gives at target 0 and 1 ({@code 1.2345 - y}).
 *
 * <p>Only quantities that do not depend on a stand-in are read from the graph: net inputs of layers
 * with no abstract layer before them, outputs and activation derivatives of concrete layers among
 * those, weights and inputs. It also records which computed quantities it read (for the worked
 * solution) and what makes the draw degenerate.
 */
final class ChainBuilder {

  /** A factor with its exact value as a polynomial, for the simplified form. */
  private record Term(Factor factor, Polynomial exact) {}

  /** A parameter: the neurons whose net input it enters, and its source (-1 for a bias). */
  private record Parameter(String id, int layer, List<Integer> neurons, int source) {}

  private final Notation n;
  private final Network net;
  private final SymbolicSpec spec;
  private final QuantityGraph graph;
  private final Values base;
  private final Map<String, Values> withTarget;
  private final Randomization thresholds;
  private final int digits;
  private final Map<String, Parameter> byGradient = new LinkedHashMap<>();
  private final Set<String> read = new LinkedHashSet<>();
  private final Set<String> degeneracies = new LinkedHashSet<>();

  /**
   * @param base the graph's values with the unknown targets (and the givens no answer uses) at 0
   * @param withTarget for each unknown target, the graph's values with that target at 1
   */
  ChainBuilder(Template template, Values base, Map<String, Values> withTarget, int digits) {
    this.n = template.notation();
    this.net = n.network();
    this.spec = template.symbolic();
    this.graph = template.graph();
    this.base = base;
    this.withTarget = Map.copyOf(withTarget);
    this.thresholds = template.randomization();
    this.digits = digits;
    String total = n.total();
    for (int l = 1; l < net.depth(); l++) {
      for (int j = 0; j < net.size(l); j++) {
        for (int s = 0; s < net.size(l - 1); s++) {
          String w = n.weight(l, j, s);
          byGradient.put(derivative(total, w), new Parameter(w, l, List.of(j), s));
        }
        if (net.biasMode() == BiasMode.PER_NEURON) {
          String b = n.bias(l, j);
          byGradient.put(derivative(total, b), new Parameter(b, l, List.of(j), -1));
        }
      }
      if (net.biasMode() == BiasMode.SHARED) {
        List<Integer> all = new ArrayList<>();
        for (int j = 0; j < net.size(l); j++) {
          all.add(j);
        }
        String b = n.bias(l, 0);
        byGradient.put(derivative(total, b), new Parameter(b, l, all, -1));
      }
    }
  }

  /** The computed quantities whose numbers the built steps use, in the order they were read. */
  Set<String> read() {
    return read;
  }

  /** Why the givens make a poor exercise, in the order found. */
  List<String> degeneracies() {
    return List.copyOf(degeneracies);
  }

  /** The reference answer of a gradient step. */
  SymbolicStep gradient(Quantity gradient) {
    Parameter p = byGradient.get(gradient.id());
    if (p == null) {
      throw new IllegalArgumentException(
          gradient.id() + " is not the gradient of a parameter; gradients: "
              + String.join(", ", byGradient.keySet()));
    }
    List<Chain> chains = new ArrayList<>();
    Polynomial exact = Polynomial.constant(0);
    for (int j : p.neurons()) {
      for (List<Integer> path : paths(p.layer(), j)) {
        List<Factor> factors = new ArrayList<>();
        Polynomial product = Polynomial.constant(1);
        for (Term t : chain(p, path)) {
          factors.add(t.factor());
          product = product.times(t.exact());
        }
        chains.add(new Chain(factors));
        exact = exact.plus(product);
      }
    }
    Expr expression = chains.get(0).product();
    for (int i = 1; i < chains.size(); i++) {
      expression = new Expr.Binary(Expr.Operator.ADD, expression, chains.get(i).product());
    }
    for (double c : exact.coefficients()) {
      if (!Double.isFinite(c)) {
        throw new IllegalArgumentException(gradient.id() + " has a coefficient that is " + c
            + " for these givens; choose givens that keep it finite");
      }
    }
    double largest = exact.coefficients().stream().mapToDouble(Math::abs).max().orElse(0);
    if (largest < thresholds.minGradient()) {
      degeneracies.add(String.format(Locale.ROOT,
          "%s: its largest coefficient is %s, below min_gradient %s", gradient.id(),
          Numbers.computed(largest), Numbers.given(thresholds.minGradient())));
    }
    return new SymbolicStep(gradient.id(), gradient.description(), SymbolicStep.Kind.EXPRESSION,
        Double.NaN, expression, exact.toExpr(digits), chains);
  }

  /**
   * Every path from neuron {@code j} of layer {@code l} to an output, as the neuron index in each
   * layer from {@code l} to the output layer.
   */
  private List<List<Integer>> paths(int l, int j) {
    List<List<Integer>> paths = new ArrayList<>();
    if (net.isOutput(l)) {
      paths.add(List.of(j));
      return paths;
    }
    for (int k = 0; k < net.size(l + 1); k++) {
      for (List<Integer> rest : paths(l + 1, k)) {
        List<Integer> path = new ArrayList<>();
        path.add(j);
        path.addAll(rest);
        paths.add(path);
      }
    }
    return paths;
  }

  /** The factors of one path, from the loss back to the parameter. */
  private List<Term> chain(Parameter p, List<Integer> path) {
    int last = net.depth() - 1;
    List<Term> terms = new ArrayList<>();
    int output = path.get(path.size() - 1);
    terms.add(loss(output));
    terms.add(activation(last, output));
    for (int l = last - 1; l >= p.layer(); l--) {
      int from = path.get(l - p.layer());
      int to = path.get(l + 1 - p.layer());
      terms.add(weight(l + 1, to, from));
      terms.add(activation(l, from));
    }
    int j = path.get(0);
    terms.add(p.source() < 0 ? bias(p, j) : source(p.layer(), j, p.source(), p.id()));
    return terms;
  }

  // ---- the factors

  private Term loss(int j) {
    String out = n.out(net.depth() - 1, j, 0);
    String id = SymbolicSpec.lossDerivative(n, j);
    String total = n.total();
    if (spec.abstractLoss()) {
      Expr.Symbol symbol = new Expr.Symbol(id);
      return new Term(new Factor(id, Factor.Kind.LOSS,
          "how the loss " + total + " changes with " + out + "; " + total
              + " is left abstract, so this stays a symbol",
          id, "", symbol), Polynomial.atom(symbol));
    }
    Quantity q = graph.quantity(id);
    String target = n.target(j, 0);
    double atZero = number(id, base.get(id));
    read.add(id);
    Values atOne = withTarget.get(target);
    if (atOne == null) {
      if (atZero == 0) {
        degeneracies.add(id + " is 0: the output already equals the target, so no weight moves");
      }
      return numberTerm(id, Factor.Kind.LOSS, q.description(), q, atZero);
    }
    // With the target unknown the loss derivative is affine in it (half_sse, mse and bce all are):
    // the graph at target 0 gives the constant, at target 1 the constant plus the slope.
    double slope = number(id, atOne.get(id)) - atZero;
    Expr.Symbol y = new Expr.Symbol(target);
    Expr constant = Polynomial.number(atZero, digits);
    Expr slopeTerm = Polynomial.number(Math.abs(slope), digits);
    Expr yTerm = slopeTerm.equals(new Expr.Literal("1"))
        ? y : new Expr.Binary(Expr.Operator.MULTIPLY, slopeTerm, y);
    Expr value = new Expr.Binary(
        slope < 0 ? Expr.Operator.SUBTRACT : Expr.Operator.ADD, constant, yTerm);
    String numeric = net.loss().derivativeFormula(
        target, Numbers.operand(base.get(out)), net.outputs());
    Polynomial exact = Polynomial.constant(atZero)
        .plus(Polynomial.constant(slope).times(Polynomial.atom(y)));
    return new Term(new Factor(id, Factor.Kind.LOSS,
        q.description() + "; the target " + target + " is unknown, so this is an expression in "
            + target,
        q.primary().symbolic(), numeric, value), exact);
  }

  private Term activation(int l, int j) {
    String out = n.out(l, j, 0);
    String netId = n.net(l, j, 0);
    String id = derivative(out, netId);
    Optional<String> function = spec.activation(l);
    if (function.isPresent()) {
      String prime = function.get() + "'";
      Expr value = new Expr.Call(prime, z(l, j));
      String meaning = "derivative of the activation " + function.get() + " of " + n.neuron(l, j)
          + " at its net input " + netId
          + (spec.numericNet(l) ? "" : ", which depends on an abstract activation and stays a symbol");
      String symbolic = prime + "(" + netId + ")";
      return new Term(new Factor(id, Factor.Kind.ACTIVATION, meaning, symbolic, "", value),
          Polynomial.atom(value));
    }
    Quantity q = graph.quantity(id);
    double value = number(id, base.get(id));
    read.add(id);
    Activation act = net.activation(l);
    switch (act.kind()) {
      case SIGMOID, TANH -> {
        if (value < thresholds.minActivationDerivative()) {
          degeneracies.add(String.format(Locale.ROOT,
              "%s = %s is below min_activation_derivative %s: %s is saturated", id,
              Numbers.computed(value), Numbers.given(thresholds.minActivationDerivative()),
              n.neuron(l, j)));
        }
      }
      case RELU, LEAKY_RELU -> {
        double z = base.get(netId);
        if (Math.abs(z) < thresholds.reluMargin()) {
          degeneracies.add(String.format(Locale.ROOT,
              "%s = %s is within relu_margin %s of 0, where the derivative jumps", netId,
              Numbers.computed(z), Numbers.given(thresholds.reluMargin())));
        }
      }
      default -> { }
    }
    return numberTerm(id, Factor.Kind.ACTIVATION, q.description(), q, value);
  }

  /** dnet of neuron {@code to} in layer {@code l} over dout of neuron {@code from} below it. */
  private Term weight(int l, int to, int from) {
    String w = n.weight(l, to, from);
    String netNext = n.net(l, to, 0);
    String out = n.out(l - 1, from, 0);
    String id = derivative(netNext, out);
    double value = number(w, base.get(w));
    checkFactor(id, w, value);
    return new Term(new Factor(id, Factor.Kind.WEIGHT,
        "how " + netNext + " changes with " + out + ": the weight " + w + " on that edge",
        w, "", Polynomial.number(value, digits)), Polynomial.constant(value));
  }

  /** dnet_j/dw for the weight into neuron {@code j} of layer {@code l} from neuron {@code s}. */
  private Term source(int l, int j, int s, String w) {
    String netId = n.net(l, j, 0);
    String id = derivative(netId, w);
    String source = n.activationOf(l - 1, s, 0);
    String meaning = "how " + netId + " changes with " + w + ": the value " + source
        + " on that edge";
    Optional<String> function = l - 1 == 0 ? Optional.empty() : spec.activation(l - 1);
    if (function.isPresent()) {
      String below = n.net(l - 1, s, 0);
      Expr value = new Expr.Call(function.get(), z(l - 1, s));
      return new Term(new Factor(id, Factor.Kind.SOURCE,
          meaning + ", the abstract " + function.get() + " of " + below,
          source, function.get() + "(" + below + ")", value), Polynomial.atom(value));
    }
    double value = number(source, base.get(source));
    if (l - 1 > 0) {
      read.add(source);
    }
    checkFactor(id, source, value);
    return new Term(new Factor(id, Factor.Kind.SOURCE, meaning, source, "",
        Polynomial.number(value, digits)), Polynomial.constant(value));
  }

  private Term bias(Parameter p, int j) {
    String netId = n.net(p.layer(), j, 0);
    String id = derivative(netId, p.id());
    return new Term(new Factor(id, Factor.Kind.BIAS,
        "how " + netId + " changes with " + p.id() + ": 1, as the bias is added to it",
        "1", "", new Expr.Literal("1")), Polynomial.constant(1));
  }

  // ---- helpers

  /** The net input of a neuron: its number, or its id as a symbol when it has none. */
  private Expr z(int l, int j) {
    String netId = n.net(l, j, 0);
    if (!spec.numericNet(l)) {
      return new Expr.Symbol(netId);
    }
    read.add(netId);
    return Polynomial.number(number(netId, base.get(netId)), digits);
  }

  /** A factor that has a number, with its formula and numbers from the graph. */
  private Term numberTerm(String id, Factor.Kind kind, String meaning, Quantity q, double value) {
    String symbolic = q.primary().symbolic();
    String shape = q.primary().formula().template();
    // A formula that is one parent ({0}, or {1} for exp's "out") would only repeat the value.
    String numeric = q.parents().isEmpty() || shape.matches("\\{\\d+\\}") ? "" : base.numeric(q);
    Expr printed = Polynomial.number(value, digits);
    if (numeric.equals(symbolic) || numeric.equals(printed.toString())) {
      numeric = "";
    }
    // An activation derivative of 1 (linear, ReLU on the positive side) is the rule, not a fault.
    if (kind != Factor.Kind.LOSS && value == 0) {
      checkFactor(id, symbolic, value);
    }
    return new Term(new Factor(id, kind, meaning, symbolic, numeric, printed),
        Polynomial.constant(value));
  }

  /** A factor of 0 empties the answer; a factor of 1 cannot be told apart from leaving it out. */
  private void checkFactor(String id, String symbolic, double value) {
    if (value == 0) {
      degeneracies.add("the factor " + id + " = " + symbolic
          + " is 0, so every chain through it vanishes");
    } else if (value == 1) {
      degeneracies.add("the factor " + id + " = " + symbolic
          + " is 1, so an answer that leaves it out cannot be told from a right one");
    }
  }

  /** A number the answers use; a value that is not finite makes the givens unusable. */
  private static double number(String id, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          id + " is " + value + " for these givens; choose givens that keep it finite");
    }
    return value;
  }
}
