package org.nngrader.bank.model;

import java.util.Locale;

/** How a network's biases are laid out. */
public enum BiasMode {
  /** One bias for every neuron (b_j^[l]). */
  PER_NEURON("per_neuron"),
  /** One bias shared by all neurons of a layer (b1 for the hidden layer, b2 for the output). */
  SHARED("shared"),
  /** No biases. */
  NONE("none");

  private final String id;

  BiasMode(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static BiasMode parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    for (BiasMode b : values()) {
      if (b.id.equals(t)) {
        return b;
      }
    }
    throw new IllegalArgumentException(
        "unknown bias layout '" + text + "'; valid: per_neuron, shared, none");
  }
}
