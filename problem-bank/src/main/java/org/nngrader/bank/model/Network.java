package org.nngrader.bank.model;

import java.util.List;

/**
 * The structure of a small fully connected network and how it is trained: layer sizes (the
 * first is the input layer), one activation per non-input layer, the loss, the bias layout,
 * which parameters are trained and how many training examples there are. Values (inputs,
 * weights, targets, learning rate) are not part of the structure: they are the named "givens"
 * of a {@link Notation}. Immutable and validated on construction.
 *
 * <p>With several examples, E_total is the mean of the per-example losses and every gradient
 * the mean of the per-example gradients (full-batch gradient descent).
 */
public record Network(
    List<Integer> sizes,
    List<Activation> activations,
    Loss loss,
    BiasMode biasMode,
    boolean trainWeights,
    boolean trainBiases,
    int examples) {

  public Network {
    if (sizes == null || sizes.size() < 2) {
      throw new IllegalArgumentException(
          "network.layers must list at least two layer sizes (inputs, outputs); got " + sizes);
    }
    for (int i = 0; i < sizes.size(); i++) {
      Integer s = sizes.get(i);
      if (s == null || s < 1 || s > 64) {
        throw new IllegalArgumentException(
            "network.layers[" + i + "] is " + s + "; a layer has between 1 and 64 neurons");
      }
    }
    sizes = List.copyOf(sizes);
    if (activations == null || activations.size() != sizes.size() - 1) {
      throw new IllegalArgumentException(
          "network.activations must name one activation per non-input layer ("
              + (sizes.size() - 1) + "); got " + (activations == null ? 0 : activations.size()));
    }
    activations = List.copyOf(activations);
    if (loss == null) {
      throw new IllegalArgumentException("network.loss is missing; valid: " + Loss.validNames());
    }
    if (biasMode == null) {
      throw new IllegalArgumentException("network.bias is missing; valid: per_neuron, shared, none");
    }
    for (int l = 0; l < activations.size() - 1; l++) {
      if (activations.get(l).kind() == Activation.Kind.SOFTMAX) {
        throw new IllegalArgumentException(
            "network.activations[" + l + "] is softmax; softmax is only supported on the output layer");
      }
    }
    Activation.Kind outKind = activations.get(activations.size() - 1).kind();
    if ((outKind == Activation.Kind.SOFTMAX) != (loss == Loss.SOFTMAX_CCE)) {
      throw new IllegalArgumentException(
          "network: softmax output and loss softmax_cce go together (output is "
              + outKind.id() + ", loss is " + loss.id() + ")");
    }
    if (loss == Loss.BCE && outKind != Activation.Kind.SIGMOID) {
      throw new IllegalArgumentException(
          "network: loss bce needs a sigmoid output layer (output is " + outKind.id() + ")");
    }
    if (examples < 1 || examples > 16) {
      throw new IllegalArgumentException(
          "network.examples is " + examples + "; it must be between 1 and 16");
    }
  }

  /** Number of layers including the input layer. */
  public int depth() {
    return sizes.size();
  }

  public int inputs() {
    return sizes.get(0);
  }

  public int outputs() {
    return sizes.get(sizes.size() - 1);
  }

  /** The activation of layer {@code l}, 1 being the first layer after the inputs. */
  public Activation activation(int l) {
    return activations.get(l - 1);
  }

  public int size(int l) {
    return sizes.get(l);
  }

  public boolean isOutput(int l) {
    return l == sizes.size() - 1;
  }
}
