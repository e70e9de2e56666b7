package org.nngrader.bank.mistake;

import java.util.List;
import java.util.Optional;
import org.nngrader.bank.graph.Derivation;
import org.nngrader.bank.graph.Formula;
import org.nngrader.bank.graph.Quantity;
import org.nngrader.bank.graph.QuantityKind;
import org.nngrader.bank.model.Activation;
import org.nngrader.bank.model.Loss;

/**
 * The catalogue of misconceptions DESIGN.md lists, each a named, tested entry. "Intermediates
 * rounded too early" is not a graph change: the grader recognises it through follow-through on
 * rounded values, and {@link #ROUNDED_EARLY} carries its name and feedback.
 */
public final class Misconceptions {

  private Misconceptions() {}

  public static final Misconception ERROR_DERIVATIVE_SIGN = GraphMistake.single(
      "error-derivative-sign",
      "sign of dE/dout reversed (target - out instead of out - target)",
      "The derivative of 1/2 (target - out)^2 with respect to out is -(target - out) = out - target: "
          + "the chain rule brings down a minus sign from the inner derivative d(target - out)/dout = -1. "
          + "Using target - out flips the sign of every gradient that follows, so the update moves "
          + "the weights the wrong way.",
      (net, q) -> q.kind() == QuantityKind.LOSS_DERIVATIVE
          ? rewrite(q, "-({0})", q.primary(), p -> -p) : null);

  public static final Misconception ACTIVATION_DERIVATIVE_OMITTED = GraphMistake.single(
      "activation-derivative-omitted",
      "activation derivative left out of the chain",
      "Between dE/dout and dnet/dw the chain rule needs dout/dnet, the derivative of the "
          + "activation (out (1 - out) for a sigmoid). Without it the result is dE/dout * dnet/dw, "
          + "which is not the gradient. Multiply by dout/dnet.",
      (net, q) -> q.kind() == QuantityKind.ACTIVATION_DERIVATIVE && !isLinear(net, q)
          ? constant(q, 1.0) : null);

  public static final Misconception DERIVATIVE_AT_NET = GraphMistake.single(
      "derivative-at-net",
      "activation derivative evaluated at net instead of out",
      "For a sigmoid, dout/dnet = out (1 - out), written with the neuron's output, not its net "
          + "input: you computed net (1 - net). Use out (or, equivalently, sigma(net)(1 - sigma(net))).",
      (net, q) -> {
        if (q.kind() != QuantityKind.ACTIVATION_DERIVATIVE) {
          return null;
        }
        Activation a = net.activation(q.layer());
        if (a.kind() != Activation.Kind.SIGMOID && a.kind() != Activation.Kind.TANH) {
          return null;
        }
        Derivation d = q.primary();
        return q.withDerivations(List.of(new Derivation(List.of(d.parents().get(0)),
            new Formula(a.derivativeFormula("{0}", "{0}"), p -> a.derivative(p[0], p[0])))));
      });

  public static final Misconception PATH_OMITTED = new GraphMistake(
      "path-omitted",
      "a path to one of the outputs left out of a hidden-unit sum",
      "A hidden neuron feeds every output, so dE_total/dout_h is the sum of the contributions "
          + "through each output (dE_o1/dout_h + dE_o2/dout_h + ...). You left one of them out. "
          + "Add the path through every neuron of the next layer.",
      8,
      (net, g, q, v) -> q.kind() == QuantityKind.PATH_SUM ? withoutTerm(q, v) : null);

  public static final Misconception UPDATED_WEIGHTS_IN_BACKPROP = GraphMistake.single(
      "updated-weights-in-backprop",
      "updated output weights used when backpropagating into the hidden layer",
      "All gradients of one step are computed with the weights as they were during the forward "
          + "pass. You used the already-updated output weights (w+) for dnet/dout_h. Compute every "
          + "gradient first, then update all weights together.",
      (net, q) -> {
        if (q.kind() != QuantityKind.NET_OUT_DERIVATIVE) {
          return null;
        }
        String w = q.primary().parents().get(0);
        return q.withDerivations(List.of(new Derivation(List.of(w + "+"),
            new Formula("{0}", p -> p[0]))));
      });

  public static final Misconception GRADIENT_ADDED = GraphMistake.single(
      "gradient-added",
      "gradient added instead of subtracted",
      "Gradient descent moves against the gradient: w+ = w - eta * dE/dw. You added it, which "
          + "increases the error.",
      (net, q) -> q.kind() == QuantityKind.UPDATE
          ? q.withDerivations(List.of(new Derivation(q.primary().parents(),
              new Formula("{0} + {1} * {2}", p -> p[0] + p[1] * p[2])))) : null);

  public static final Misconception LEARNING_RATE_OMITTED = GraphMistake.single(
      "learning-rate-omitted",
      "learning rate left out of the update",
      "The update is w+ = w - eta * dE/dw: the gradient is scaled by the learning rate before "
          + "it is subtracted. You subtracted the bare gradient.",
      (net, q) -> q.kind() == QuantityKind.UPDATE
          ? q.withDerivations(List.of(new Derivation(q.primary().parents(),
              new Formula("{0} - {2}", p -> p[0] - p[2])))) : null);

  public static final Misconception LOSS_FACTOR = new GraphMistake(
      "loss-factor",
      "wrong constant factor in the loss (1/n instead of 1/2, or the factor 2 dropped)",
      "Check the constant in front of the squared error: this exercise uses the loss as stated "
          + "(1/2 (target - out)^2 per output, or 1/n for the mean squared error), and its "
          + "derivative keeps the factor 2 that the square brings down (which cancels the 1/2).",
      2,
      (net, g, q, v) -> {
        double scale = lossScale(net.loss(), net.outputs(), q.kind(), v);
        return scale == 1.0 ? null : scaled(q, scale);
      });

  public static final Misconception RELU_NEGATIVE_SIDE = GraphMistake.single(
      "relu-derivative-negative-side",
      "ReLU derivative wrong on the negative side",
      "For ReLU, dout/dnet is 1 when net > 0 and 0 when net < 0 (for leaky ReLU, the slope, e.g. "
          + "0.01, when net < 0). You used the positive-side value for a negative net input (or 0 "
          + "instead of the leaky slope).",
      (net, q) -> {
        if (q.kind() != QuantityKind.ACTIVATION_DERIVATIVE) {
          return null;
        }
        Activation a = net.activation(q.layer());
        if (a.kind() == Activation.Kind.RELU) {
          return constant(q, 1.0);
        }
        if (a.kind() == Activation.Kind.LEAKY_RELU) {
          return q.withDerivations(List.of(new Derivation(List.of(q.primary().parents().get(0)),
              new Formula("(1 if {0} > 0, else 0)", p -> p[0] > 0 ? 1.0 : 0.0))));
        }
        return null;
      });

  public static final Misconception SIGMOID_POSITIVE_EXPONENT = GraphMistake.single(
      "sigmoid-positive-exponent",
      "sigmoid written with e^(+net)",
      "The sigmoid is 1/(1 + e^(-net)): the exponent is minus the net input. With e^(+net) you "
          + "computed 1 - sigmoid(net).",
      (net, q) -> {
        if (q.kind() != QuantityKind.OUT || q.layer() < 1
            || net.activation(q.layer()).kind() != Activation.Kind.SIGMOID) {
          return null;
        }
        return q.withDerivations(List.of(new Derivation(q.primary().parents(),
            new Formula("1/(1 + e^({0}))", p -> 1.0 / (1.0 + Math.exp(p[0]))))));
      });

  /** Weights numbered by the neuron they come from: w2 and w3 trade places in a 2-2 layer. */
  public static final Misconception WEIGHTS_NUMBERED_BY_SOURCE = new SourceNumberedWeights();

  /** Not a graph change: recognised by the grader through follow-through on rounded values. */
  public static final Misconception ROUNDED_EARLY = new GraphMistake(
      "rounded-early",
      "intermediate values rounded too early",
      "Your answer follows from intermediate values you rounded before using them. It is "
          + "credited, but keep full precision (or at least 6 significant figures) in "
          + "intermediate results: early rounding can move later answers outside the tolerance.",
      0, (n, g, q, v) -> null);

  private static final List<Misconception> CATALOGUE = List.of(
      ERROR_DERIVATIVE_SIGN, ACTIVATION_DERIVATIVE_OMITTED, DERIVATIVE_AT_NET, PATH_OMITTED,
      UPDATED_WEIGHTS_IN_BACKPROP, GRADIENT_ADDED, LEARNING_RATE_OMITTED, LOSS_FACTOR,
      RELU_NEGATIVE_SIDE, SIGMOID_POSITIVE_EXPONENT, WEIGHTS_NUMBERED_BY_SOURCE, ROUNDED_EARLY);

  /** Every catalogued misconception, in a fixed order. */
  public static List<Misconception> catalogue() {
    return CATALOGUE;
  }

  public static Optional<Misconception> byId(String id) {
    return CATALOGUE.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  // ---- helpers

  private static boolean isLinear(org.nngrader.bank.model.Network net, Quantity q) {
    return net.activation(q.layer()).kind() == Activation.Kind.LINEAR;
  }

  private static Quantity constant(Quantity q, double value) {
    return q.withDerivations(List.of(new Derivation(List.of(), new Formula(fmt(value), p -> value))));
  }

  private static Quantity rewrite(Quantity q, String template, Derivation original,
      java.util.function.DoubleUnaryOperator change) {
    Formula f = original.formula();
    return q.withDerivations(List.of(new Derivation(original.parents(),
        new Formula(template.replace("{0}", f.template()), p -> change.applyAsDouble(f.apply(p))))));
  }

  private static Quantity scaled(Quantity q, double scale) {
    return rewrite(q, fmt(scale) + " * ({0})", q.primary(), p -> p * scale);
  }

  /** A sum of terms (or of products of pairs) with term v left out; null if there is no term v. */
  private static Quantity withoutTerm(Quantity q, int v) {
    List<String> ps = q.primary().parents();
    boolean pairs = q.primary().formula().template().contains("*");
    int width = pairs ? 2 : 1;
    int terms = ps.size() / width;
    if (terms < 2 || v >= terms) {
      return null;
    }
    StringBuilder t = new StringBuilder();
    for (int i = 0; i < terms; i++) {
      if (i == v) {
        continue;
      }
      t.append(t.length() == 0 ? "" : " + ").append('{').append(i * width).append('}');
      if (pairs) {
        t.append(" * {").append(i * width + 1).append('}');
      }
    }
    return q.withDerivations(List.of(new Derivation(ps, new Formula(t.toString(), p -> {
      double r = 0;
      for (int i = 0; i < terms; i++) {
        if (i != v) {
          r += pairs ? p[i * 2] * p[i * 2 + 1] : p[i];
        }
      }
      return r;
    }))));
  }

  /**
   * Variant 0: half squared error without its 1/2 (E and dE/dout doubled), or the mean squared
   * error's derivative without its factor 2. Variant 1: 1/n instead of 1/2 with n >= 3 outputs.
   */
  private static double lossScale(Loss loss, int outputs, QuantityKind kind, int variant) {
    boolean error = kind == QuantityKind.ERROR || (kind == QuantityKind.TOTAL_ERROR && outputs == 1);
    boolean derivative = kind == QuantityKind.LOSS_DERIVATIVE;
    if (loss == Loss.HALF_SSE && (error || derivative)) {
      return variant == 0 ? 2.0 : outputs >= 3 ? 2.0 / outputs : 1.0;
    }
    if (loss == Loss.MSE && derivative && variant == 0) {
      return 0.5;
    }
    return 1.0;
  }

  private static String fmt(double v) {
    return org.nngrader.bank.model.Numbers.given(v);
  }
}
