package org.nngrader.bank.graph;

import static org.nngrader.bank.model.Notation.after;
import static org.nngrader.bank.model.Notation.derivative;
import static org.nngrader.bank.model.Notation.updated;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.nngrader.bank.graph.QuantityKind.Section;
import org.nngrader.bank.model.Activation;
import org.nngrader.bank.model.Loss;
import org.nngrader.bank.model.Network;
import org.nngrader.bank.model.Notation;
import org.nngrader.bank.model.ParameterKind;

/**
 * Compiles a network, in a notation, into its quantity graph: the forward pass, the loss, every
 * local derivative of the chain rule, the deltas, the per-path terms and their sums, the
 * gradients, the updated parameters, the forward pass after one update and the quantities
 * after k updates. Quantities are added in the order a textbook works the example.
 *
 * <p>With several outputs every per-output error derivative on a path is a quantity: {@code
 * dE_o1/dout_h2} and {@code dE_o1/dnet_h2} for every hidden neuron of every layer (and, for a
 * softmax output, {@code dE_o1/dnet_o2}, through out_o1). Where two ids name one value they are
 * one quantity with an alias: {@code dE_o1/dout_o1} is {@code dE_total/dout_o1} (only E_o1
 * depends on out_o1), {@code dE_o1/dnet_o1} is {@code dE_total/dnet_o1} unless the output is a
 * softmax; with one output E_o1 is E_total and every {@code dE_o1/d...} an alias.
 */
public final class GraphCompiler {

  private final Network net;
  private final Notation n;
  private final List<Quantity> qs = new ArrayList<>();
  /** Alias to id; kept only where the id is a quantity (see {@link #aliasesOfGraph()}). */
  private final Map<String, String> aliases = new java.util.LinkedHashMap<>();

  private GraphCompiler(Notation notation) {
    this.n = notation;
    this.net = notation.network();
  }

  /**
   * Compiles the graph.
   *
   * @param afterCounts the numbers of updates after which forward quantities are wanted (1 gives
   *     a full second forward pass; larger counts are computed by iterating)
   */
  public static QuantityGraph compile(Notation notation, List<Integer> afterCounts) {
    SortedSet<Integer> counts = new TreeSet<>(afterCounts);
    if (!counts.isEmpty() && counts.first() < 1) {
      throw new IllegalArgumentException("update counts must be at least 1; got " + counts.first());
    }
    GraphCompiler c = new GraphCompiler(notation);
    c.givens();
    for (int e = 0; e < c.net.examples(); e++) {
      c.forward(e, Map.of(), 0);
    }
    c.loss(0);
    for (int e = 0; e < c.net.examples(); e++) {
      c.backward(e);
    }
    c.gradientsOverExamples();
    c.updates();
    c.perOutputAliases();
    if (!counts.isEmpty()) {
      for (int e = 0; e < c.net.examples(); e++) {
        c.forward(e, c.updatedParameters(), 1);
      }
      c.loss(1);
      c.summary(1);
    }
    QuantityGraph core = QuantityGraph.of(c.qs, c.aliasesOfGraph());
    for (int k : counts) {
      if (k > 1) {
        c.trained(core, k);
        c.summary(k);
      }
    }
    return counts.stream().anyMatch(k -> k > 1) ? QuantityGraph.of(c.qs, c.aliasesOfGraph())
        : core;
  }

  private Map<String, String> aliasesOfGraph() {
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (Quantity q : qs) {
      ids.add(q.id());
    }
    Map<String, String> out = new java.util.LinkedHashMap<>();
    aliases.forEach((alias, id) -> {
      if (ids.contains(id) && !ids.contains(alias)) {
        out.put(alias, id);
      }
    });
    return out;
  }

  /**
   * The names per-output derivatives go by where they are a total's: with one output E_o1 is
   * E_total and dE_o1/dx is dE_total/dx for every net input and output x; with several,
   * dE_o1/dout_o1 is dE_total/dout_o1 and (without softmax) dE_o1/dnet_o1 is dE_total/dnet_o1.
   */
  private void perOutputAliases() {
    int last = net.depth() - 1;
    for (int e = 0; e < net.examples(); e++) {
      String total = n.total(e);
      if (net.outputs() == 1) {
        String error = n.error(0, e);
        aliases.put(error, total);
        for (int l = 1; l <= last; l++) {
          for (int j = 0; j < net.size(l); j++) {
            aliases.put(derivative(error, n.out(l, j, e)), derivative(total, n.out(l, j, e)));
            aliases.put(derivative(error, n.net(l, j, e)), derivative(total, n.net(l, j, e)));
          }
        }
        continue;
      }
      for (int j = 0; j < net.outputs(); j++) {
        String error = n.error(j, e);
        String out = n.out(last, j, e);
        aliases.put(derivative(error, out), derivative(total, out));
        if (net.loss() != Loss.SOFTMAX_CCE) {
          String netId = n.net(last, j, e);
          aliases.put(derivative(error, netId), derivative(total, netId));
        }
      }
    }
  }

  // ---- building blocks

  private void given(String id, QuantityKind kind, String description) {
    qs.add(new Quantity(id, kind, Section.GIVEN, 0, description, List.of()));
  }

  private void add(
      String id, QuantityKind kind, Section section, int layer, String description,
      Derivation... derivations) {
    qs.add(new Quantity(id, kind, section, layer, description, List.of(derivations)));
  }

  private static Derivation d(List<String> parents, String template, ToDoubleFunction<double[]> f) {
    return new Derivation(parents, new Formula(template, f));
  }

  private static Derivation product(List<String> parents) {
    StringBuilder t = new StringBuilder();
    for (int i = 0; i < parents.size(); i++) {
      t.append(i == 0 ? "" : " * ").append('{').append(i).append('}');
    }
    return d(parents, t.toString(), p -> {
      double r = 1;
      for (double x : p) {
        r *= x;
      }
      return r;
    });
  }

  private static Derivation sum(List<String> parents) {
    StringBuilder t = new StringBuilder();
    for (int i = 0; i < parents.size(); i++) {
      t.append(i == 0 ? "" : " + ").append('{').append(i).append('}');
    }
    return d(parents, t.toString(), p -> {
      double r = 0;
      for (double x : p) {
        r += x;
      }
      return r;
    });
  }

  /** Sum of pairwise products: p0*p1 + p2*p3 + ... */
  private static Derivation sumOfProducts(List<String> parents) {
    StringBuilder t = new StringBuilder();
    for (int i = 0; i < parents.size(); i += 2) {
      t.append(i == 0 ? "" : " + ").append('{').append(i).append("} * {").append(i + 1).append('}');
    }
    return d(parents, t.toString(), p -> {
      double r = 0;
      for (int i = 0; i + 1 < p.length; i += 2) {
        r += p[i] * p[i + 1];
      }
      return r;
    });
  }

  private static Derivation mean(List<String> parents) {
    StringBuilder t = new StringBuilder("(");
    for (int i = 0; i < parents.size(); i++) {
      t.append(i == 0 ? "" : " + ").append('{').append(i).append('}');
    }
    t.append(")/").append(parents.size());
    return d(parents, t.toString(), p -> {
      double r = 0;
      for (double x : p) {
        r += x;
      }
      return r / p.length;
    });
  }

  private static Section sectionOf(Network net, int l) {
    return net.isOutput(l) ? Section.OUTPUT_LAYER : Section.HIDDEN_LAYER;
  }

  private static String suffix(int k) {
    return k == 0 ? "" : "@" + k;
  }

  private static String at(String id, int k) {
    return k == 0 ? id : after(id, k);
  }

  // ---- the givens

  private void givens() {
    for (Map.Entry<String, ParameterKind> g : n.givens().entrySet()) {
      QuantityKind kind = switch (g.getValue()) {
        case INPUT -> QuantityKind.INPUT;
        case WEIGHT -> QuantityKind.WEIGHT;
        case BIAS -> QuantityKind.BIAS;
        case TARGET -> QuantityKind.TARGET;
        case RATE -> QuantityKind.RATE;
      };
      String what = switch (g.getValue()) {
        case INPUT -> "input";
        case WEIGHT -> "weight";
        case BIAS -> "bias";
        case TARGET -> "target";
        case RATE -> "learning rate";
      };
      given(g.getKey(), kind, what + " " + g.getKey());
    }
  }

  private List<String> parameters() {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, ParameterKind> g : n.givens().entrySet()) {
      if (g.getValue() == ParameterKind.WEIGHT || g.getValue() == ParameterKind.BIAS) {
        out.add(g.getKey());
      }
    }
    return out;
  }

  private boolean trained(String param) {
    return n.givens().get(param) == ParameterKind.WEIGHT ? net.trainWeights() : net.trainBiases();
  }

  private Map<String, String> updatedParameters() {
    Map<String, String> m = new java.util.HashMap<>();
    for (String p : parameters()) {
      if (trained(p)) {
        m.put(p, updated(p));
      }
    }
    return m;
  }

  // ---- forward pass and loss

  /** The forward pass of example e with some parameters replaced (k: update count, 0 = none). */
  private void forward(int e, Map<String, String> params, int k) {
    String when = k == 0 ? "" : k == 1 ? " after one update" : " after " + k + " updates";
    Section section = k == 0 ? Section.FORWARD : Section.AFTER;
    QuantityKind netKind = QuantityKind.NET;
    QuantityKind outKind = QuantityKind.OUT;
    for (int l = 1; l < net.depth(); l++) {
      for (int j = 0; j < net.size(l); j++) {
        List<String> parents = new ArrayList<>();
        for (int s = 0; s < net.size(l - 1); s++) {
          String w = n.weight(l, j, s);
          parents.add(params.getOrDefault(w, w));
          parents.add(l == 1 ? n.input(s, e) : at(n.out(l - 1, s, e), k));
        }
        String b = n.bias(l, j);
        Derivation weighted = sumOfProducts(parents);
        Derivation netD = weighted;
        if (b != null) {
          List<String> withBias = new ArrayList<>(parents);
          withBias.add(params.getOrDefault(b, b));
          int bi = parents.size();
          netD = d(withBias, weighted.formula().template() + " + {" + bi + "}",
              p -> weighted.formula().apply(p) + p[bi]);
        }
        add(at(n.net(l, j, e), k), netKind, section, l,
            "net input of " + n.neuron(l, j) + when, netD);
      }
      Activation act = net.activation(l);
      for (int j = 0; j < net.size(l); j++) {
        Derivation outD;
        if (act.kind() == Activation.Kind.SOFTMAX) {
          List<String> nets = new ArrayList<>();
          StringBuilder denom = new StringBuilder();
          for (int s = 0; s < net.size(l); s++) {
            nets.add(at(n.net(l, s, e), k));
            denom.append(s == 0 ? "" : " + ").append("e^{").append(s).append('}');
          }
          int jj = j;
          outD = d(nets, "e^{" + j + "}/(" + denom + ")", p -> softmax(p, jj));
        } else {
          outD = d(List.of(at(n.net(l, j, e), k)), act.formula("{0}"), p -> act.apply(p[0]));
        }
        add(at(n.out(l, j, e), k), outKind, section, l,
            "output of " + n.neuron(l, j) + when, outD);
      }
    }
  }

  static double softmax(double[] nets, int j) {
    double max = Double.NEGATIVE_INFINITY;
    for (double x : nets) {
      max = Math.max(max, x);
    }
    double total = 0;
    for (double x : nets) {
      total += Math.exp(x - max);
    }
    return Math.exp(nets[j] - max) / total;
  }

  private void loss(int k) {
    String when = k == 0 ? "" : k == 1 ? " after one update" : " after " + k + " updates";
    Section section = k == 0 ? Section.LOSS : Section.AFTER;
    QuantityKind errKind = QuantityKind.ERROR;
    QuantityKind totalKind = QuantityKind.TOTAL_ERROR;
    Loss loss = net.loss();
    int outs = net.outputs();
    int last = net.depth() - 1;
    List<String> totals = new ArrayList<>();
    for (int e = 0; e < net.examples(); e++) {
      List<String> errors = new ArrayList<>();
      for (int j = 0; j < outs; j++) {
        List<String> parents = List.of(n.target(j, e), at(n.out(last, j, e), k));
        Derivation errD = d(parents, loss.errorFormula("{0}", "{1}", outs),
            p -> loss.error(p[0], p[1], outs));
        if (outs == 1) {
          add(at(n.total(e), k), totalKind, section, 0, "loss" + when, errD);
        } else {
          String id = at(n.error(j, e), k);
          add(id, errKind, section, 0, "error of " + n.neuron(last, j) + when, errD);
          errors.add(id);
        }
      }
      if (outs > 1) {
        add(at(n.total(e), k), totalKind, section, 0, "total error" + when, sum(errors));
      }
      totals.add(at(n.total(e), k));
    }
    if (net.examples() > 1) {
      add(at(n.total(), k), totalKind, section, 0,
          "total error over the examples (mean)" + when, mean(totals));
    }
  }

  // ---- backward pass

  private void backward(int e) {
    int last = net.depth() - 1;
    Loss loss = net.loss();
    int outs = net.outputs();
    String total = n.total(e);
    boolean softmax = loss == Loss.SOFTMAX_CCE;
    // Output layer: dE/dout, dout/dnet, delta.
    for (int j = 0; j < outs; j++) {
      String out = n.out(last, j, e);
      String netId = n.net(last, j, e);
      String delta = derivative(total, netId);
      if (softmax) {
        // dE/dnet_j = out_j * (sum of targets) - target_j: out - target when targets sum to 1.
        List<String> parents = new ArrayList<>(List.of(out, n.target(j, e)));
        StringBuilder targets = new StringBuilder();
        for (int k = 0; k < outs; k++) {
          parents.add(n.target(k, e));
          targets.append(k == 0 ? "" : " + ").append('{').append(k + 2).append('}');
        }
        String template = outs == 1 ? "{0} * {2} - {1}" : "{0} * (" + targets + ") - {1}";
        List<Derivation> ways = new ArrayList<>(List.of(d(parents, template, p -> {
          double sum = 0;
          for (int k = 2; k < p.length; k++) {
            sum += p[k];
          }
          return p[0] * sum - p[1];
        })));
        if (outs > 1) {
          ways.add(softmaxDeltaOverOutputs(j, e));
        }
        add(delta, QuantityKind.DELTA, Section.OUTPUT_LAYER, last,
            "delta of " + n.neuron(last, j) + " (softmax with cross-entropy)",
            ways.toArray(Derivation[]::new));
        add(derivative(total, out), QuantityKind.LOSS_DERIVATIVE, Section.OUTPUT_LAYER, last,
            "how the loss changes with " + out,
            d(List.of(n.target(j, e), out), loss.derivativeFormula("{0}", "{1}", outs),
                p -> loss.derivative(p[0], p[1], outs)));
        softmaxPerOutputDeltas(j, e);
      } else {
        String dEdout = derivative(total, out);
        add(dEdout, QuantityKind.LOSS_DERIVATIVE, Section.OUTPUT_LAYER, last,
            "how the loss changes with " + out,
            d(List.of(n.target(j, e), out), loss.derivativeFormula("{0}", "{1}", outs),
                p -> loss.derivative(p[0], p[1], outs)));
        activationDerivative(last, j, e);
        add(delta, QuantityKind.DELTA, Section.OUTPUT_LAYER, last,
            "delta of " + n.neuron(last, j) + ": how the loss changes with " + netId,
            product(List.of(dEdout, derivative(out, netId))));
      }
      parameterGradients(last, j, e);
    }
    for (int l = last - 1; l >= 1; l--) {
      for (int h = 0; h < net.size(l); h++) {
        hiddenNeuron(l, h, e);
        parameterGradients(l, h, e);
      }
    }
    sharedBiasGradients(e);
  }

  /**
   * dE_oj/dnet_ok for every output k: the error of output j through out_oj, whose softmax
   * depends on every net input: -target_j (1 - out_j) for k = j, target_j out_k otherwise.
   */
  private void softmaxPerOutputDeltas(int k, int e) {
    int last = net.depth() - 1;
    if (net.outputs() == 1) {
      return;
    }
    String netK = n.net(last, k, e);
    for (int j = 0; j < net.outputs(); j++) {
      String target = n.target(j, e);
      String what = "how the error of " + n.neuron(last, j) + " changes with " + netK
          + " (through " + n.out(last, j, e) + ", softmax)";
      Derivation d = j == k
          ? d(List.of(target, n.out(last, j, e)), "-{0} * (1 - {1})", p -> -p[0] * (1 - p[1]))
          : d(List.of(target, n.out(last, k, e)), "{0} * {1}", p -> p[0] * p[1]);
      add(derivative(n.error(j, e), netK), QuantityKind.PATH_DELTA, Section.OUTPUT_LAYER, last,
          what, d);
    }
  }

  /** dE_total/dnet_ok as the sum of every output's share (a second way, for softmax). */
  private Derivation softmaxDeltaOverOutputs(int k, int e) {
    int last = net.depth() - 1;
    List<String> shares = new ArrayList<>();
    for (int j = 0; j < net.outputs(); j++) {
      shares.add(derivative(n.error(j, e), n.net(last, k, e)));
    }
    return sum(shares);
  }

  private void activationDerivative(int l, int j, int e) {
    Activation act = net.activation(l);
    String out = n.out(l, j, e);
    String netId = n.net(l, j, e);
    add(derivative(out, netId), QuantityKind.ACTIVATION_DERIVATIVE, sectionOf(net, l), l,
        "derivative of " + n.neuron(l, j) + "'s activation (" + act.id() + ")",
        d(List.of(netId, out), act.derivativeFormula("{0}", "{1}"),
            p -> act.derivative(p[0], p[1])));
  }

  private void hiddenNeuron(int l, int h, int e) {
    String total = n.total(e);
    String out = n.out(l, h, e);
    String netId = n.net(l, h, e);
    int next = l + 1;
    boolean toOutputs = net.isOutput(next);
    boolean paths = toOutputs && net.outputs() > 1 && net.loss() != Loss.SOFTMAX_CCE;
    List<String> terms = new ArrayList<>();
    for (int j = 0; j < net.size(next); j++) {
      String w = n.weight(next, j, h);
      String netNext = n.net(next, j, e);
      String edge = derivative(netNext, out);
      add(edge, QuantityKind.NET_OUT_DERIVATIVE, Section.HIDDEN_LAYER, l,
          "how " + netNext + " changes with " + out + " (the weight " + w + ")",
          d(List.of(w), "{0}", p -> p[0]));
      String deltaNext = derivative(total, netNext);
      if (paths) {
        String path = derivative(n.error(j, e), out);
        String outNext = n.out(next, j, e);
        add(path, QuantityKind.PATH, Section.HIDDEN_LAYER, l,
            "how the error of " + n.neuron(next, j) + " changes with " + out,
            product(List.of(deltaNext, edge)),
            product(List.of(derivative(total, outNext), derivative(outNext, netNext), edge)));
        terms.add(path);
      } else {
        terms.add(deltaNext);
        terms.add(edge);
      }
    }
    String pathSum = derivative(total, out);
    String what = "how the loss changes with " + out
        + (net.size(next) > 1 ? " (sum over the neurons it feeds)" : "");
    boolean perOutput = net.outputs() > 1;
    List<String> shares = new ArrayList<>();
    List<String> deltaShares = new ArrayList<>();
    if (perOutput) {
      for (int j = 0; j < net.outputs(); j++) {
        shares.add(derivative(n.error(j, e), out));
        deltaShares.add(derivative(n.error(j, e), netId));
        if (!paths) {
          outputShare(l, h, j, e);
        }
      }
    }
    Derivation primary =
        paths ? sum(terms) : terms.size() == 2 ? product(terms) : sumOfProducts(terms);
    if (perOutput && !paths) {
      add(pathSum, QuantityKind.PATH_SUM, Section.HIDDEN_LAYER, l, what, primary, sum(shares));
    } else {
      add(pathSum, QuantityKind.PATH_SUM, Section.HIDDEN_LAYER, l, what, primary);
    }
    activationDerivative(l, h, e);
    String delta = derivative(total, netId);
    String deltaWhat = "delta of " + n.neuron(l, h) + ": how the loss changes with " + netId;
    Derivation chain = product(List.of(pathSum, derivative(out, netId)));
    if (perOutput) {
      add(delta, QuantityKind.DELTA, Section.HIDDEN_LAYER, l, deltaWhat, chain, sum(deltaShares));
      for (int j = 0; j < net.outputs(); j++) {
        add(deltaShares.get(j), QuantityKind.PATH_DELTA, Section.HIDDEN_LAYER, l,
            "how the error of " + n.neuron(net.depth() - 1, j) + " changes with " + netId,
            product(List.of(shares.get(j), derivative(out, netId))));
      }
    } else {
      add(delta, QuantityKind.DELTA, Section.HIDDEN_LAYER, l, deltaWhat, chain);
    }
  }

  /**
   * dE_oj/dout_h for a hidden neuron h of layer l whose next layer is hidden, or a softmax
   * output: the sum over the neurons k of layer l + 1 of dE_oj/dnet_k * dnet_k/dout_h.
   */
  private void outputShare(int l, int h, int j, int e) {
    String out = n.out(l, h, e);
    String error = n.error(j, e);
    List<String> parents = new ArrayList<>();
    for (int k = 0; k < net.size(l + 1); k++) {
      String netNext = n.net(l + 1, k, e);
      parents.add(derivative(error, netNext));
      parents.add(derivative(netNext, out));
    }
    add(derivative(error, out), QuantityKind.PATH, Section.HIDDEN_LAYER, l,
        "how the error of " + n.neuron(net.depth() - 1, j) + " changes with " + out
            + (net.size(l + 1) > 1 ? " (sum over the neurons it feeds)" : ""),
        parents.size() == 2 ? product(parents) : sumOfProducts(parents));
  }

  /** dnet/dw and the gradient of each weight into neuron j of layer l (and its own bias). */
  private void parameterGradients(int l, int j, int e) {
    String total = n.total(e);
    String netId = n.net(l, j, e);
    String out = n.out(l, j, e);
    String delta = derivative(total, netId);
    boolean chain = net.loss() != Loss.SOFTMAX_CCE || !net.isOutput(l);
    String upstream = derivative(total, out);
    String act = derivative(out, netId);
    Section section = sectionOf(net, l);
    for (int s = 0; s < net.size(l - 1); s++) {
      String w = n.weight(l, j, s);
      String source = n.activationOf(l - 1, s, e);
      String local = derivative(netId, w);
      add(local, QuantityKind.NET_PARAM_DERIVATIVE, section, l,
          "how " + netId + " changes with " + w + " (the value " + source + " on that edge)",
          d(List.of(source), "{0}", p -> p[0]));
      gradient(derivative(total, w), w, section, l, chain, upstream, act, local, delta);
    }
    if (net.biasMode() == org.nngrader.bank.model.BiasMode.PER_NEURON) {
      String b = n.bias(l, j);
      String local = derivative(netId, b);
      add(local, QuantityKind.NET_PARAM_DERIVATIVE, section, l,
          "how " + netId + " changes with " + b, d(List.of(), "1", p -> 1.0));
      gradient(derivative(total, b), b, section, l, chain, upstream, act, local, delta);
    }
  }

  private void gradient(
      String id, String param, Section section, int l, boolean chain, String upstream,
      String act, String local, String delta) {
    String what = "gradient of the loss with respect to " + param;
    if (chain) {
      add(id, QuantityKind.GRADIENT, section, l, what,
          product(List.of(upstream, act, local)), product(List.of(delta, local)));
    } else {
      add(id, QuantityKind.GRADIENT, section, l, what, product(List.of(delta, local)));
    }
  }

  private void sharedBiasGradients(int e) {
    if (net.biasMode() != org.nngrader.bank.model.BiasMode.SHARED) {
      return;
    }
    String total = n.total(e);
    for (int l = net.depth() - 1; l >= 1; l--) {
      String b = n.bias(l, 0);
      List<String> terms = new ArrayList<>();
      for (int j = 0; j < net.size(l); j++) {
        String netId = n.net(l, j, e);
        String local = derivative(netId, b);
        add(local, QuantityKind.NET_PARAM_DERIVATIVE, sectionOf(net, l), l,
            "how " + netId + " changes with " + b, d(List.of(), "1", p -> 1.0));
        terms.add(derivative(total, netId));
        terms.add(local);
      }
      add(derivative(total, b), QuantityKind.GRADIENT, sectionOf(net, l), l,
          "gradient of the loss with respect to " + b + " (shared by the layer)",
          terms.size() == 2 ? product(terms) : sumOfProducts(terms));
    }
  }

  private void gradientsOverExamples() {
    if (net.examples() == 1) {
      return;
    }
    for (String p : parameters()) {
      List<String> perExample = new ArrayList<>();
      for (int e = 0; e < net.examples(); e++) {
        perExample.add(derivative(n.total(e), p));
      }
      add(derivative(n.total(), p), QuantityKind.GRADIENT, Section.UPDATE, 0,
          "gradient of the total loss with respect to " + p + " (mean over the examples)",
          mean(perExample));
    }
  }

  private void updates() {
    String rate = n.rate();
    for (String p : parameters()) {
      if (trained(p)) {
        add(updated(p), QuantityKind.UPDATE, Section.UPDATE, 0,
            p + " after one gradient-descent update",
            d(List.of(p, rate, derivative(n.total(), p)), "{0} - {1} * {2}",
                v -> v[0] - v[1] * v[2]));
      }
    }
  }

  private void summary(int k) {
    String total = n.total();
    String after = after(total, k);
    String when = k == 1 ? "one update" : k + " updates";
    add(after(total + "_decrease", k), QuantityKind.SUMMARY, Section.AFTER, 0,
        "decrease of " + total + " after " + when,
        d(List.of(total, after), "{0} - {1}", p -> p[0] - p[1]));
    add(after(total + "_improvement_pct", k), QuantityKind.SUMMARY, Section.AFTER, 0,
        "percent improvement of " + total + " after " + when,
        d(List.of(total, after), "100 * ({0} - {1}) / {0}", p -> 100 * (p[0] - p[1]) / p[0]));
  }

  /** Outputs, losses and parameters after k > 1 updates, computed by iterating the core graph. */
  private void trained(QuantityGraph core, int k) {
    List<String> params = new ArrayList<>();
    List<String> updates = new ArrayList<>();
    for (String p : parameters()) {
      if (trained(p)) {
        params.add(p);
        updates.add(updated(p));
      }
    }
    Trainer trainer = new Trainer(core, k, params, updates, n);
    List<String> givens = core.givenIds();
    List<String> ids = new ArrayList<>();
    int last = net.depth() - 1;
    for (int e = 0; e < net.examples(); e++) {
      for (int j = 0; j < net.outputs(); j++) {
        ids.add(n.out(last, j, e));
      }
      if (net.outputs() > 1) {
        for (int j = 0; j < net.outputs(); j++) {
          ids.add(n.error(j, e));
        }
      }
      ids.add(n.total(e));
    }
    if (net.examples() > 1) {
      ids.add(n.total());
    }
    ids.addAll(params);
    for (String id : ids) {
      String text = id + " after " + k + " updates";
      add(after(id, k), QuantityKind.AFTER_TRAINING, Section.AFTER, 0, text,
          d(givens, text + " (repeat forward pass, backward pass and update " + k + " times)",
              new TrainedValue(trainer, id)));
    }
  }
}
