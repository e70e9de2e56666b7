package org.nngrader.bank.verify;

import static org.nngrader.bank.model.Notation.after;
import static org.nngrader.bank.model.Notation.derivative;
import static org.nngrader.bank.model.Notation.updated;

import ch.obermuhlner.math.big.BigDecimalMath;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nngrader.bank.model.Activation;
import org.nngrader.bank.model.BiasMode;
import org.nngrader.bank.model.Network;
import org.nngrader.bank.model.Notation;
import org.nngrader.bank.model.ParameterKind;

/**
 * A second solver, written from the textbook formulas in {@link BigDecimal} arithmetic, that
 * shares nothing with the quantity graph but the names of the quantities ({@link Notation}):
 * its own forward pass, its own losses, and backpropagation by layer, delta_l = f'(net_l) *
 * (W_{l+1}^T delta_{l+1}), with f'(net) by the textbook formulas (sigma(net)(1 - sigma(net)),
 * 1 - tanh(net)^2, e^net, the ReLU step on the sign of net). The softmax delta is the full Jacobian product sum_k dE/dout_k * out_k (delta_kj - out_j), not the
 * out - target shortcut, and the binary cross-entropy derivative is -t/out + (1 - t)/(1 - out).
 *
 * <p>Several examples are averaged (E_total and the gradients are means), as {@link Network}
 * documents. Immutable; each call computes from scratch.
 */
final class HighPrecisionNetwork {

  private final Network net;
  private final Notation n;
  private final MathContext mc;
  private final int last;

  HighPrecisionNetwork(Notation notation, MathContext mc) {
    this.n = notation;
    this.net = notation.network();
    this.mc = mc;
    this.last = net.depth() - 1;
  }

  /** The exact values of doubles given to the graph. */
  static Map<String, BigDecimal> exact(Map<String, Double> givens) {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    givens.forEach((id, x) -> out.put(id, new BigDecimal(x)));
    return out;
  }

  /**
   * The forward pass, the loss, the derivatives along the chain (dE/dout of the outputs,
   * dout/dnet, the deltas, the per-output paths and their sums into hidden neurons), every
   * gradient and every update, keyed by the graph's ids. With several outputs also each
   * output's error backpropagated on its own: dE_o1/dout_x and dE_o1/dnet_x for every neuron x
   * (those that are a total's, dE_o1/dout_o1, under the per-output name, which the graph
   * knows as an alias).
   */
  Map<String, BigDecimal> solve(Map<String, BigDecimal> givens) {
    Map<String, BigDecimal> v = new LinkedHashMap<>();
    List<Map<String, BigDecimal>> perExample = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (int e = 0; e < net.examples(); e++) {
      Map<String, BigDecimal> grads = example(givens, e, v);
      perExample.add(grads);
      total = total.add(v.get(n.total(e)), mc);
    }
    BigDecimal count = BigDecimal.valueOf(net.examples());
    v.put(n.total(), total.divide(count, mc));
    BigDecimal eta = givens.get(n.rate());
    for (String p : parameters()) {
      BigDecimal g = BigDecimal.ZERO;
      for (Map<String, BigDecimal> grads : perExample) {
        g = g.add(grads.get(p), mc);
      }
      g = g.divide(count, mc);
      v.put(derivative(n.total(), p), g);
      if (trained(p)) {
        v.put(updated(p), givens.get(p).subtract(eta.multiply(g, mc), mc));
      }
    }
    return v;
  }

  /** The givens after one step of gradient descent. */
  Map<String, BigDecimal> step(Map<String, BigDecimal> givens) {
    Map<String, BigDecimal> v = solve(givens);
    Map<String, BigDecimal> next = new LinkedHashMap<>(givens);
    for (String p : parameters()) {
      if (trained(p)) {
        next.put(p, v.get(updated(p)));
      }
    }
    return next;
  }

  /**
   * The forward pass and loss after one update ({@code net_h1@1}, {@code E_total@1}). Not the
   * loss decrease and percent improvement: they are differences of two nearly equal losses,
   * which no double holds to 12 digits (FiniteDifferenceProperties checks their arithmetic).
   */
  Map<String, BigDecimal> afterOneUpdate(Map<String, BigDecimal> givens) {
    Map<String, BigDecimal> v = new LinkedHashMap<>();
    forwardAndLoss(step(givens)).forEach((id, x) -> v.put(after(id, 1), x));
    return v;
  }

  /** Only the forward pass and the loss of {@link #solve}. */
  Map<String, BigDecimal> forwardAndLoss(Map<String, BigDecimal> givens) {
    Map<String, BigDecimal> all = solve(givens);
    Map<String, BigDecimal> v = new LinkedHashMap<>();
    for (int e = 0; e < net.examples(); e++) {
      for (int l = 1; l <= last; l++) {
        for (int j = 0; j < net.size(l); j++) {
          v.put(n.net(l, j, e), all.get(n.net(l, j, e)));
          v.put(n.out(l, j, e), all.get(n.out(l, j, e)));
        }
      }
      if (net.outputs() > 1) {
        for (int j = 0; j < net.outputs(); j++) {
          v.put(n.error(j, e), all.get(n.error(j, e)));
        }
      }
      v.put(n.total(e), all.get(n.total(e)));
    }
    v.put(n.total(), all.get(n.total()));
    return v;
  }

  // ---- one example

  /** Puts example e's values into v and returns its gradient of every parameter. */
  private Map<String, BigDecimal> example(
      Map<String, BigDecimal> givens, int e, Map<String, BigDecimal> v) {
    BigDecimal[][] nets = new BigDecimal[net.depth()][];
    BigDecimal[][] outs = new BigDecimal[net.depth()][];
    outs[0] = new BigDecimal[net.inputs()];
    for (int k = 0; k < net.inputs(); k++) {
      outs[0][k] = givens.get(n.input(k, e));
    }
    for (int l = 1; l <= last; l++) {
      nets[l] = new BigDecimal[net.size(l)];
      for (int j = 0; j < net.size(l); j++) {
        BigDecimal z = bias(givens, l, j);
        for (int k = 0; k < net.size(l - 1); k++) {
          z = z.add(givens.get(n.weight(l, j, k)).multiply(outs[l - 1][k], mc), mc);
        }
        nets[l][j] = z;
        v.put(n.net(l, j, e), z);
      }
      outs[l] = activate(net.activation(l), nets[l]);
      for (int j = 0; j < net.size(l); j++) {
        v.put(n.out(l, j, e), outs[l][j]);
      }
    }

    int outputs = net.outputs();
    BigDecimal[] targets = new BigDecimal[outputs];
    BigDecimal total = BigDecimal.ZERO;
    for (int j = 0; j < outputs; j++) {
      targets[j] = givens.get(n.target(j, e));
      BigDecimal err = error(targets[j], outs[last][j], outputs);
      if (outputs > 1) {
        v.put(n.error(j, e), err);
      }
      total = total.add(err, mc);
    }
    v.put(n.total(e), total);

    // Backpropagation, layer by layer.
    BigDecimal[][] deltas = new BigDecimal[net.depth()][];
    BigDecimal[] dEdout = new BigDecimal[outputs];
    for (int j = 0; j < outputs; j++) {
      dEdout[j] = lossDerivative(targets[j], outs[last][j], outputs);
    }
    Activation outAct = net.activation(last);
    deltas[last] = new BigDecimal[outputs];
    for (int j = 0; j < outputs; j++) {
      if (outAct.kind() == Activation.Kind.SOFTMAX) {
        BigDecimal d = BigDecimal.ZERO;
        for (int k = 0; k < outputs; k++) {
          BigDecimal kronecker = k == j ? BigDecimal.ONE : BigDecimal.ZERO;
          BigDecimal jacobian = outs[last][k].multiply(kronecker.subtract(outs[last][j], mc), mc);
          d = d.add(dEdout[k].multiply(jacobian, mc), mc);
        }
        deltas[last][j] = d;
      } else {
        BigDecimal fPrime = activationDerivative(outAct, nets[last][j], outs[last][j]);
        v.put(derivative(n.total(e), n.out(last, j, e)), dEdout[j]);
        v.put(derivative(n.out(last, j, e), n.net(last, j, e)), fPrime);
        deltas[last][j] = dEdout[j].multiply(fPrime, mc);
      }
      v.put(derivative(n.total(e), n.net(last, j, e)), deltas[last][j]);
    }
    // Each output's own error backpropagated alone: shares[o][l][x] = dE_o/dnet_x.
    BigDecimal[][][] shares = new BigDecimal[outputs][net.depth()][];
    for (int o = 0; o < outputs && outputs > 1; o++) {
      shares[o][last] = new BigDecimal[outputs];
      for (int k = 0; k < outputs; k++) {
        BigDecimal dOut;
        if (outAct.kind() == Activation.Kind.SOFTMAX) {
          BigDecimal kronecker = k == o ? BigDecimal.ONE : BigDecimal.ZERO;
          dOut = outs[last][o].multiply(kronecker.subtract(outs[last][k], mc), mc);
        } else {
          dOut = k == o ? activationDerivative(outAct, nets[last][o], outs[last][o])
              : BigDecimal.ZERO;
        }
        shares[o][last][k] = dEdout[o].multiply(dOut, mc);
        if (outAct.kind() == Activation.Kind.SOFTMAX) {
          v.put(derivative(n.error(o, e), n.net(last, k, e)), shares[o][last][k]);
        }
      }
      v.put(derivative(n.error(o, e), n.out(last, o, e)), dEdout[o]);
      v.put(derivative(n.error(o, e), n.net(last, o, e)), shares[o][last][o]);
      for (int l = last - 1; l >= 1; l--) {
        shares[o][l] = new BigDecimal[net.size(l)];
        for (int h = 0; h < net.size(l); h++) {
          BigDecimal sum = BigDecimal.ZERO;
          for (int j = 0; j < net.size(l + 1); j++) {
            sum = sum.add(givens.get(n.weight(l + 1, j, h)).multiply(shares[o][l + 1][j], mc), mc);
          }
          v.put(derivative(n.error(o, e), n.out(l, h, e)), sum);
          shares[o][l][h] = sum.multiply(
              activationDerivative(net.activation(l), nets[l][h], outs[l][h]), mc);
          v.put(derivative(n.error(o, e), n.net(l, h, e)), shares[o][l][h]);
        }
      }
    }
    if (outAct.kind() == Activation.Kind.SOFTMAX) {
      for (int j = 0; j < outputs; j++) {
        v.put(derivative(n.total(e), n.out(last, j, e)), dEdout[j]);
      }
    }
    for (int l = last - 1; l >= 1; l--) {
      deltas[l] = new BigDecimal[net.size(l)];
      for (int h = 0; h < net.size(l); h++) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int j = 0; j < net.size(l + 1); j++) {
          BigDecimal term = givens.get(n.weight(l + 1, j, h)).multiply(deltas[l + 1][j], mc);
          sum = sum.add(term, mc);
        }
        BigDecimal fPrime = activationDerivative(net.activation(l), nets[l][h], outs[l][h]);
        v.put(derivative(n.total(e), n.out(l, h, e)), sum);
        v.put(derivative(n.out(l, h, e), n.net(l, h, e)), fPrime);
        deltas[l][h] = sum.multiply(fPrime, mc);
        v.put(derivative(n.total(e), n.net(l, h, e)), deltas[l][h]);
      }
    }

    Map<String, BigDecimal> grads = new LinkedHashMap<>();
    for (int l = 1; l <= last; l++) {
      for (int j = 0; j < net.size(l); j++) {
        for (int k = 0; k < net.size(l - 1); k++) {
          grads.put(n.weight(l, j, k), deltas[l][j].multiply(outs[l - 1][k], mc));
        }
        if (net.biasMode() == BiasMode.PER_NEURON) {
          grads.put(n.bias(l, j), deltas[l][j]);
        } else if (net.biasMode() == BiasMode.SHARED) {
          grads.merge(n.bias(l, j), deltas[l][j], (a, b) -> a.add(b, mc));
        }
      }
    }
    if (net.examples() > 1) {
      grads.forEach((p, g) -> v.put(derivative(n.total(e), p), g));
    }
    return grads;
  }

  private BigDecimal bias(Map<String, BigDecimal> givens, int l, int j) {
    String b = n.bias(l, j);
    return b == null ? BigDecimal.ZERO : givens.get(b);
  }

  // ---- activations and losses, from their definitions

  private BigDecimal[] activate(Activation a, BigDecimal[] z) {
    BigDecimal[] out = new BigDecimal[z.length];
    if (a.kind() == Activation.Kind.SOFTMAX) {
      BigDecimal sum = BigDecimal.ZERO;
      for (int j = 0; j < z.length; j++) {
        out[j] = BigDecimalMath.exp(z[j], mc);
        sum = sum.add(out[j], mc);
      }
      for (int j = 0; j < z.length; j++) {
        out[j] = out[j].divide(sum, mc);
      }
      return out;
    }
    for (int j = 0; j < z.length; j++) {
      out[j] = switch (a.kind()) {
        case SIGMOID -> sigmoid(z[j]);
        case TANH -> BigDecimalMath.tanh(z[j], mc);
        case RELU -> z[j].signum() > 0 ? z[j] : BigDecimal.ZERO;
        case LEAKY_RELU -> z[j].signum() > 0 ? z[j] : new BigDecimal(a.slope()).multiply(z[j], mc);
        case LINEAR -> z[j];
        case EXP -> BigDecimalMath.exp(z[j], mc);
        case SOFTMAX -> throw new IllegalStateException("handled above");
      };
    }
    return out;
  }

  /**
   * d activation / d net at net input z, where {@code f} is this class's own f(z) (passed in
   * rather than recomputed: each exp costs tens of microseconds at 34 digits, and the 10000
   * update run needs a few hundred thousand of them otherwise).
   */
  private BigDecimal activationDerivative(Activation a, BigDecimal z, BigDecimal f) {
    return switch (a.kind()) {
      case SIGMOID -> f.multiply(BigDecimal.ONE.subtract(f, mc), mc);
      case TANH -> BigDecimal.ONE.subtract(f.multiply(f, mc), mc);
      case RELU -> z.signum() > 0 ? BigDecimal.ONE : BigDecimal.ZERO;
      case LEAKY_RELU -> z.signum() > 0 ? BigDecimal.ONE : new BigDecimal(a.slope());
      case LINEAR -> BigDecimal.ONE;
      case EXP -> f;
      case SOFTMAX -> throw new IllegalStateException("softmax has a Jacobian, not a derivative");
    };
  }

  private BigDecimal sigmoid(BigDecimal z) {
    BigDecimal denominator = BigDecimal.ONE.add(BigDecimalMath.exp(z.negate(), mc), mc);
    return BigDecimal.ONE.divide(denominator, mc);
  }

  /** The error of one output, of {@code outputs}. */
  private BigDecimal error(BigDecimal t, BigDecimal o, int outputs) {
    BigDecimal diff = t.subtract(o, mc);
    return switch (net.loss()) {
      case HALF_SSE -> diff.multiply(diff, mc).divide(BigDecimal.valueOf(2), mc);
      case MSE -> diff.multiply(diff, mc).divide(BigDecimal.valueOf(outputs), mc);
      case BCE -> xlog(t, o).add(xlog(BigDecimal.ONE.subtract(t, mc), BigDecimal.ONE.subtract(o, mc)), mc)
          .negate();
      case SOFTMAX_CCE -> xlog(t, o).negate();
    };
  }

  /** dE/dout of one output. */
  private BigDecimal lossDerivative(BigDecimal t, BigDecimal o, int outputs) {
    return switch (net.loss()) {
      case HALF_SSE -> o.subtract(t, mc);
      case MSE -> BigDecimal.valueOf(2).multiply(o.subtract(t, mc), mc)
          .divide(BigDecimal.valueOf(outputs), mc);
      case BCE -> t.negate().divide(o, mc)
          .add(BigDecimal.ONE.subtract(t, mc).divide(BigDecimal.ONE.subtract(o, mc), mc), mc);
      case SOFTMAX_CCE -> t.negate().divide(o, mc);
    };
  }

  /** x ln y, with 0 ln 0 = 0. */
  private BigDecimal xlog(BigDecimal x, BigDecimal y) {
    return x.signum() == 0 ? BigDecimal.ZERO : x.multiply(BigDecimalMath.log(y, mc), mc);
  }

  // ---- parameters

  List<String> parameters() {
    List<String> out = new ArrayList<>();
    n.givens().forEach((id, kind) -> {
      if (kind == ParameterKind.WEIGHT || kind == ParameterKind.BIAS) {
        out.add(id);
      }
    });
    return out;
  }

  boolean trained(String p) {
    return n.givens().get(p) == ParameterKind.WEIGHT ? net.trainWeights() : net.trainBiases();
  }
}
