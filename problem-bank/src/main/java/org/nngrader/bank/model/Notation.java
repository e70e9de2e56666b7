package org.nngrader.bank.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names of every quantity of a network, in a template's notation.
 *
 * <p>The default notation is the one of DESIGN.md: inputs i1.., hidden neurons h1.. (numbered
 * across hidden layers), outputs o1..; net_h1/out_h1; weights w1.. numbered by layer, then
 * destination neuron, then source; biases b1.. (one per layer when shared, else one per
 * neuron in layer order); target_o1; E_o1, E_total; learning rate eta. A template renames any
 * of these through a map from default name to its own (x1 for i1, z1 for net_h1, y_hat for
 * out_o1, L for E_total, alpha for eta, w11^[1] for w1); every derived id (dL/dw1, w1+,
 * L@1) is built from the renamed parts. Immutable.
 */
public final class Notation {

  private final Network network;
  private final Map<String, String> rename;
  private final Map<String, ParameterKind> givenKinds = new LinkedHashMap<>();

  private Notation(Network network, Map<String, String> rename) {
    this.network = network;
    this.rename = Map.copyOf(rename);
    for (String g : defaultGivens()) {
      int h = g.indexOf('#');
      String named = h < 0 ? name(g) : name(g.substring(0, h)) + g.substring(h);
      givenKinds.put(named, kindOfDefault(g));
    }
  }

  /** The default notation for a network. */
  public static Notation standard(Network network) {
    return new Notation(network, Map.of());
  }

  /**
   * A notation that renames default names.
   *
   * @throws IllegalArgumentException when a key is not a default name of this network, or two
   *     quantities would get the same name; the message names the offending entries
   */
  public static Notation withRenames(Network network, Map<String, String> rename) {
    Notation plain = standard(network);
    Set<String> known = plain.defaultNames();
    for (Map.Entry<String, String> e : rename.entrySet()) {
      if (!known.contains(e.getKey())) {
        throw new IllegalArgumentException(
            "notation renames '" + e.getKey() + "', which this network does not have; names: "
                + String.join(", ", known));
      }
      String v = e.getValue();
      if (v == null || v.isBlank() || v.contains("/") || v.contains("#") || v.contains("@")
          || v.endsWith("+") || v.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException(
            "notation renames '" + e.getKey() + "' to '" + v
                + "'; a name must be non-empty without spaces, '/', '#', '@' or a trailing '+'");
      }
    }
    Notation n = new Notation(network, rename);
    Map<String, String> seen = new HashMap<>();
    for (String d : known) {
      String prev = seen.put(n.name(d), d);
      if (prev != null) {
        throw new IllegalArgumentException(
            "notation gives '" + prev + "' and '" + d + "' the same name '" + n.name(d) + "'");
      }
    }
    return n;
  }

  public Network network() {
    return network;
  }

  /** The renames, default name to template name. */
  public Map<String, String> renames() {
    return rename;
  }

  private String name(String defaultName) {
    return rename.getOrDefault(defaultName, defaultName);
  }

  private String example(String id, int e) {
    return network.examples() == 1 ? id : id + "#" + (e + 1);
  }

  /** The default name of neuron j (0-based) of layer l (1-based). */
  public String neuron(int l, int j) {
    if (network.isOutput(l)) {
      return "o" + (j + 1);
    }
    int n = 0;
    for (int k = 1; k < l; k++) {
      n += network.size(k);
    }
    return "h" + (n + j + 1);
  }

  /** Input k (0-based) of example e (0-based). */
  public String input(int k, int e) {
    return example(name("i" + (k + 1)), e);
  }

  public String net(int l, int j, int e) {
    return example(name("net_" + neuron(l, j)), e);
  }

  public String out(int l, int j, int e) {
    return example(name("out_" + neuron(l, j)), e);
  }

  /** Output of layer l neuron j, where layer 0 is the input layer. */
  public String activationOf(int l, int j, int e) {
    return l == 0 ? input(j, e) : out(l, j, e);
  }

  public String target(int j, int e) {
    return example(name("target_o" + (j + 1)), e);
  }

  public String error(int j, int e) {
    return example(name("E_o" + (j + 1)), e);
  }

  public String total(int e) {
    return example(name("E_total"), e);
  }

  /** The total loss over all examples (same as {@link #total(int)} with one example). */
  public String total() {
    return name("E_total");
  }

  public String rate() {
    return name("eta");
  }

  /** Weight into neuron j of layer l from neuron k of layer l-1. */
  public String weight(int l, int j, int k) {
    int n = 0;
    for (int m = 1; m < l; m++) {
      n += network.size(m) * network.size(m - 1);
    }
    return name("w" + (n + j * network.size(l - 1) + k + 1));
  }

  /** The bias of neuron j of layer l, or null when the network has no biases. */
  public String bias(int l, int j) {
    return switch (network.biasMode()) {
      case NONE -> null;
      case SHARED -> name("b" + l);
      case PER_NEURON -> {
        int n = 0;
        for (int m = 1; m < l; m++) {
          n += network.size(m);
        }
        yield name("b" + (n + j + 1));
      }
    };
  }

  /** The id of a derivative, d{num}/d{den}. */
  public static String derivative(String num, String den) {
    return "d" + stripExample(num) + "/d" + stripExample(den) + exampleSuffix(num, den);
  }

  private static String stripExample(String id) {
    int h = id.indexOf('#');
    return h < 0 ? id : id.substring(0, h);
  }

  private static String exampleSuffix(String a, String b) {
    int h = a.indexOf('#');
    if (h < 0) {
      h = b.indexOf('#');
      return h < 0 ? "" : b.substring(h);
    }
    return a.substring(h);
  }

  /** The id of a parameter after one update: {@code w5+}. */
  public static String updated(String param) {
    return param + "+";
  }

  /** The id of a quantity after k updates: {@code E_total@10000}. */
  public static String after(String id, int k) {
    return id + "@" + k;
  }

  /** The given values (inputs, weights, biases, targets, rate) and their kinds, in order. */
  public Map<String, ParameterKind> givens() {
    return Collections.unmodifiableMap(givenKinds);
  }

  private List<String> defaultGivens() {
    List<String> out = new ArrayList<>();
    for (int e = 0; e < network.examples(); e++) {
      for (int k = 0; k < network.inputs(); k++) {
        out.add(exampleDefault("i" + (k + 1), e));
      }
    }
    for (int l = 1; l < network.depth(); l++) {
      for (int j = 0; j < network.size(l); j++) {
        for (int k = 0; k < network.size(l - 1); k++) {
          int n = 0;
          for (int m = 1; m < l; m++) {
            n += network.size(m) * network.size(m - 1);
          }
          out.add("w" + (n + j * network.size(l - 1) + k + 1));
        }
      }
    }
    for (String b : defaultBiases()) {
      out.add(b);
    }
    for (int e = 0; e < network.examples(); e++) {
      for (int j = 0; j < network.outputs(); j++) {
        out.add(exampleDefault("target_o" + (j + 1), e));
      }
    }
    out.add("eta");
    return out;
  }

  private String exampleDefault(String id, int e) {
    return network.examples() == 1 ? id : id + "#" + (e + 1);
  }

  private List<String> defaultBiases() {
    List<String> out = new ArrayList<>();
    switch (network.biasMode()) {
      case NONE -> { }
      case SHARED -> {
        for (int l = 1; l < network.depth(); l++) {
          out.add("b" + l);
        }
      }
      case PER_NEURON -> {
        int n = 0;
        for (int l = 1; l < network.depth(); l++) {
          for (int j = 0; j < network.size(l); j++) {
            out.add("b" + (++n));
          }
        }
      }
    }
    return out;
  }

  private static ParameterKind kindOfDefault(String g) {
    if (g.startsWith("i")) {
      return ParameterKind.INPUT;
    }
    if (g.startsWith("w")) {
      return ParameterKind.WEIGHT;
    }
    if (g.startsWith("b")) {
      return ParameterKind.BIAS;
    }
    if (g.startsWith("target")) {
      return ParameterKind.TARGET;
    }
    return ParameterKind.RATE;
  }

  /** Every default name a template may rename (without example suffixes). */
  public Set<String> defaultNames() {
    Set<String> names = new java.util.LinkedHashSet<>();
    for (int k = 0; k < network.inputs(); k++) {
      names.add("i" + (k + 1));
    }
    for (int l = 1; l < network.depth(); l++) {
      for (int j = 0; j < network.size(l); j++) {
        names.add("net_" + neuron(l, j));
        names.add("out_" + neuron(l, j));
      }
    }
    for (String g : defaultGivens()) {
      names.add(stripExample(g));
    }
    for (int j = 0; j < network.outputs(); j++) {
      names.add("E_o" + (j + 1));
    }
    names.add("E_total");
    return names;
  }
}
