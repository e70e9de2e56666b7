package org.nngrader.bank.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nngrader.bank.model.Activation;
import org.nngrader.bank.model.BiasMode;
import org.nngrader.bank.model.Loss;
import org.nngrader.bank.model.Network;
import org.nngrader.bank.model.Notation;

/**
 * Full-batch gradient descent on a network whose parameters live in one plain array. A step
 * performs, operation for operation and in the same order, the arithmetic of the quantities
 * {@link GraphCompiler} builds for one update (forward pass, deltas, path sums, gradients, mean
 * over the examples, {@code p - eta * g}): sums start at 0 and products are taken in the order
 * of the graph's formulas, so k steps give bit for bit what iterating the graph k times gives,
 * without a formula call and an argument copy per quantity. The loss itself is not computed:
 * no update depends on it.
 *
 * <p>Immutable; {@link #train} works in arrays of its own (passed from method to method, which
 * the JIT keeps in registers better than fields), so one instance serves any number of
 * threads.
 */
final class DenseDescent {

  private final int depth;
  private final int[] sizes;
  /** The activation of each layer; index 0 (the inputs) is unused. */
  private final Activation[] activations;
  private final Loss loss;
  private final BiasMode biasMode;
  private final int examples;
  /** Where layer l's weights start: weight (l, j, k) is at weightAt[l] + j * sizes[l-1] + k. */
  private final int[] weightAt;
  /** Where layer l's biases start (one per neuron, or one for the layer); -1 without biases. */
  private final int[] biasAt;
  /** Where layer l's neurons start in the per-neuron arrays (layer 0: the inputs). */
  private final int[] neuronAt;
  private final int neurons;
  /** For each parameter slot (the weights, then the biases), its position among the givens. */
  private final int[] paramGiven;
  private final boolean trainsWeights;
  private final boolean trainsBiases;
  /** Whether gradient descent moves the parameter in each slot. */
  private final boolean[] trained;
  /** Position among the givens of input k of example e, at e * inputs + k. */
  private final int[] inputGiven;
  /** Position among the givens of target j of example e, at e * outputs + j. */
  private final int[] targetGiven;
  private final int rateGiven;

  private DenseDescent(Network net, int[] weightAt, int[] biasAt, int[] paramGiven,
      int weights, boolean trainsWeights, boolean trainsBiases, int[] inputGiven, int[] targetGiven,
      int rateGiven) {
    this.depth = net.depth();
    this.sizes = net.sizes().stream().mapToInt(Integer::intValue).toArray();
    this.neuronAt = new int[depth];
    int count = 0;
    for (int l = 0; l < depth; l++) {
      neuronAt[l] = count;
      count += sizes[l];
    }
    this.neurons = count;
    this.activations = new Activation[depth];
    for (int l = 1; l < depth; l++) {
      activations[l] = net.activation(l);
    }
    this.loss = net.loss();
    this.biasMode = net.biasMode();
    this.examples = net.examples();
    this.weightAt = weightAt;
    this.biasAt = biasAt;
    this.paramGiven = paramGiven;
    this.trainsWeights = trainsWeights;
    this.trainsBiases = trainsBiases;
    this.trained = new boolean[paramGiven.length];
    for (int i = 0; i < trained.length; i++) {
      trained[i] = i < weights ? trainsWeights : trainsBiases;
    }
    this.inputGiven = inputGiven;
    this.targetGiven = targetGiven;
    this.rateGiven = rateGiven;
  }

  /**
   * The dense form of the network of {@code notation}, reading its values from givens in the
   * order {@code givenIds} and moving the parameters named in {@code trained}; empty when a
   * given the network needs is not among {@code givenIds}, or when {@code trained} is not all of
   * its weights, all of its biases, or both, as {@link GraphCompiler} trains them (the caller
   * then iterates the graph instead).
   */
  static Optional<DenseDescent> of(Notation notation, List<String> givenIds, List<String> trained) {
    Network net = notation.network();
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < givenIds.size(); i++) {
      position.put(givenIds.get(i), i);
    }
    List<String> params = new ArrayList<>();
    int[] weightAt = new int[net.depth()];
    for (int l = 1; l < net.depth(); l++) {
      weightAt[l] = params.size();
      for (int j = 0; j < net.size(l); j++) {
        for (int k = 0; k < net.size(l - 1); k++) {
          params.add(notation.weight(l, j, k));
        }
      }
    }
    int weights = params.size();
    int[] biasAt = new int[net.depth()];
    for (int l = 1; l < net.depth(); l++) {
      biasAt[l] = net.biasMode() == BiasMode.NONE ? -1 : params.size();
      int count = switch (net.biasMode()) {
        case NONE -> 0;
        case SHARED -> 1;
        case PER_NEURON -> net.size(l);
      };
      for (int j = 0; j < count; j++) {
        params.add(notation.bias(l, j));
      }
    }
    List<String> inputs = new ArrayList<>();
    List<String> targets = new ArrayList<>();
    for (int e = 0; e < net.examples(); e++) {
      for (int k = 0; k < net.inputs(); k++) {
        inputs.add(notation.input(k, e));
      }
      for (int j = 0; j < net.outputs(); j++) {
        targets.add(notation.target(j, e));
      }
    }
    int[] paramGiven = positions(params, position);
    int[] inputGiven = positions(inputs, position);
    int[] targetGiven = positions(targets, position);
    Integer rate = position.get(notation.rate());
    Set<String> moved = new HashSet<>(trained);
    boolean trainsWeights = moved.containsAll(params.subList(0, weights));
    boolean trainsBiases = moved.containsAll(params.subList(weights, params.size()));
    Set<String> layout = new HashSet<>();
    if (trainsWeights) {
      layout.addAll(params.subList(0, weights));
    }
    if (trainsBiases) {
      layout.addAll(params.subList(weights, params.size()));
    }
    if (paramGiven == null || inputGiven == null || targetGiven == null || rate == null
        || !moved.equals(layout)) {
      return Optional.empty();
    }
    return Optional.of(new DenseDescent(net, weightAt, biasAt, paramGiven, weights,
        trainsWeights, trainsBiases, inputGiven, targetGiven, rate));
  }

  private static int[] positions(List<String> ids, Map<String, Integer> position) {
    int[] out = new int[ids.size()];
    for (int i = 0; i < out.length; i++) {
      Integer p = position.get(ids.get(i));
      if (p == null) {
        return null;
      }
      out[i] = p;
    }
    return out;
  }

  /**
   * The givens after {@code steps} updates from {@code givens} (in the order the instance was
   * built with): the trained parameters moved, every other value as it was.
   */
  double[] train(double[] givens, int steps) {
    double[] theta = new double[paramGiven.length];
    for (int i = 0; i < theta.length; i++) {
      theta[i] = givens[paramGiven[i]];
    }
    double rate = givens[rateGiven];
    Example[] batch = new Example[examples];
    for (int e = 0; e < examples; e++) {
      batch[e] = new Example(givens, e);
    }
    // Net inputs, outputs and deltas of every neuron, layer after layer; the outputs of layer 0
    // are the inputs of the example at hand.
    double[] net = new double[neurons];
    double[] out = new double[neurons];
    double[] delta = new double[neurons];
    double[] sum = examples == 1 ? null : new double[theta.length];
    // A step is a function of the parameters alone (the examples and the rate are fixed), so
    // once a step leaves every parameter bit for bit as it was, so does every later step: the
    // parameters after all the steps are those. Training that converges gets there long
    // before the last step.
    double[] before = new double[theta.length];
    for (int s = 0; s < steps; s++) {
      System.arraycopy(theta, 0, before, 0, theta.length);
      if (sum == null) {
        // One example: its gradient is the gradient, and no parameter is read once its
        // gradient is known, so each moves at once.
        pass(batch[0], theta, net, out, delta);
        collect(out, delta, theta, rate, null);
      } else {
        // The graph's mean starts its sum at 0 and divides by the number of examples.
        Arrays.fill(sum, 0.0);
        for (Example ex : batch) {
          pass(ex, theta, net, out, delta);
          collect(out, delta, theta, rate, sum);
        }
        for (int i = 0; i < theta.length; i++) {
          if (trained[i]) {
            theta[i] = theta[i] - rate * (sum[i] / examples);
          }
        }
      }
      if (sameBits(theta, before)) {
        break;
      }
    }
    double[] result = Arrays.copyOf(givens, givens.length);
    for (int i = 0; i < theta.length; i++) {
      if (trained[i]) {
        result[paramGiven[i]] = theta[i];
      }
    }
    return result;
  }

  private static boolean sameBits(double[] a, double[] b) {
    for (int i = 0; i < a.length; i++) {
      if (Double.doubleToRawLongBits(a[i]) != Double.doubleToRawLongBits(b[i])) {
        return false;
      }
    }
    return true;
  }

  private void pass(Example ex, double[] theta, double[] net, double[] out, double[] delta) {
    System.arraycopy(ex.inputs, 0, out, 0, ex.inputs.length);
    forward(theta, net, out);
    backward(ex, theta, net, out, delta);
  }

  private void forward(double[] theta, double[] net, double[] out) {
    boolean shared = biasMode == BiasMode.SHARED;
    for (int l = 1; l < depth; l++) {
      int in = neuronAt[l - 1];
      int fanIn = sizes[l - 1];
      int first = neuronAt[l];
      int size = sizes[l];
      int bias = biasAt[l];
      for (int j = 0; j < size; j++) {
        int w = weightAt[l] + j * fanIn;
        double r = 0;
        for (int k = 0; k < fanIn; k++) {
          r += theta[w + k] * out[in + k];
        }
        if (bias >= 0) {
          r = r + theta[shared ? bias : bias + j];
        }
        net[first + j] = r;
      }
      Activation act = activations[l];
      if (act.kind() == Activation.Kind.SIGMOID) {
        // Activation.apply's sigmoid, written out: the same operations, without a call each
        for (int j = first; j < first + size; j++) {
          out[j] = 1.0 / (1.0 + Math.exp(-net[j]));
        }
      } else if (act.kind() == Activation.Kind.SOFTMAX) {
        softmax(net, out, first, size);
      } else {
        for (int j = first; j < first + size; j++) {
          out[j] = act.apply(net[j]);
        }
      }
    }
  }

  /** As {@link GraphCompiler#softmax}, computing the shared maximum and sum once. */
  private static void softmax(double[] net, double[] out, int first, int size) {
    double max = Double.NEGATIVE_INFINITY;
    for (int j = first; j < first + size; j++) {
      max = Math.max(max, net[j]);
    }
    double total = 0;
    for (int j = first; j < first + size; j++) {
      out[j] = Math.exp(net[j] - max);
      total += out[j];
    }
    for (int j = first; j < first + size; j++) {
      out[j] = out[j] / total;
    }
  }

  private void backward(Example ex, double[] theta, double[] net, double[] out, double[] delta) {
    int last = depth - 1;
    int outs = sizes[last];
    int first = neuronAt[last];
    Activation outAct = activations[last];
    boolean textbook = loss == Loss.HALF_SSE && outAct.kind() == Activation.Kind.SIGMOID;
    for (int j = 0; j < outs; j++) {
      double o = out[first + j];
      if (textbook) {
        // Loss.derivative and Activation.derivative of half SSE and sigmoid, written out
        delta[first + j] = -(ex.targets[j] - o) * (o * (1.0 - o));
      } else {
        delta[first + j] = loss == Loss.SOFTMAX_CCE
            ? o * ex.targetSum - ex.targets[j]
            : loss.derivative(ex.targets[j], o, outs) * outAct.derivative(net[first + j], o);
      }
    }
    for (int l = last - 1; l >= 1; l--) {
      int size = sizes[l];
      int here = neuronAt[l];
      int next = neuronAt[l + 1];
      int nextSize = sizes[l + 1];
      int w = weightAt[l + 1];
      Activation act = activations[l];
      for (int h = 0; h < size; h++) {
        double pathSum;
        if (nextSize == 1) {
          pathSum = delta[next] * theta[w + h];
        } else {
          // A sum of per-path terms or of delta-weight products: the same sum starting at 0.
          pathSum = 0;
          for (int j = 0; j < nextSize; j++) {
            pathSum += delta[next + j] * theta[w + j * size + h];
          }
        }
        double o = out[here + h];
        delta[here + h] = act.kind() == Activation.Kind.SIGMOID
            ? pathSum * (o * (1.0 - o)) // Activation.derivative of sigmoid, written out
            : pathSum * act.derivative(net[here + h], o);
      }
    }
  }

  /**
   * The gradient of every trained parameter for the example just passed: the parameter moves
   * by it when {@code sum} is null, else it is added to {@code sum}.
   */
  private void collect(double[] out, double[] delta, double[] theta, double rate, double[] sum) {
    for (int l = 1; l < depth; l++) {
      int in = neuronAt[l - 1];
      int fanIn = sizes[l - 1];
      int first = neuronAt[l];
      int size = sizes[l];
      for (int j = 0; j < size && trainsWeights; j++) {
        double d = delta[first + j];
        int w = weightAt[l] + j * fanIn;
        for (int k = 0; k < fanIn; k++) {
          take(theta, rate, sum, w + k, d * out[in + k]);
        }
      }
      if (!trainsBiases) {
        continue;
      }
      int b = biasAt[l];
      if (biasMode == BiasMode.PER_NEURON) {
        for (int j = 0; j < size; j++) {
          take(theta, rate, sum, b + j, delta[first + j]);
        }
      } else if (biasMode == BiasMode.SHARED) {
        double g = delta[first];
        if (size > 1) {
          g = 0;
          for (int j = first; j < first + size; j++) {
            g += delta[j];
          }
        }
        take(theta, rate, sum, b, g);
      }
    }
  }

  private static void take(double[] theta, double rate, double[] sum, int slot, double g) {
    if (sum == null) {
      theta[slot] = theta[slot] - rate * g;
    } else {
      sum[slot] += g;
    }
  }

  /** One example's inputs and targets, read once per run. */
  private final class Example {
    final double[] inputs;
    final double[] targets;
    /** The sum of the targets, starting at 0 as the graph's softmax delta sums them. */
    final double targetSum;

    Example(double[] givens, int e) {
      int in = sizes[0];
      int outs = sizes[depth - 1];
      inputs = new double[in];
      for (int k = 0; k < in; k++) {
        inputs[k] = givens[inputGiven[e * in + k]];
      }
      targets = new double[outs];
      double sum = 0;
      for (int j = 0; j < outs; j++) {
        targets[j] = givens[targetGiven[e * outs + j]];
        sum += targets[j];
      }
      targetSum = sum;
    }
  }
}
