package org.nngrader.bank.verify;

import org.nngrader.bank.graph.QuantityGraph;

/**
 * The two quantities a derivative id names: {@code dE_total/dw5#2} is the derivative of
 * {@code E_total#2} with respect to {@code w5}. The example suffix of a derivative id belongs to
 * whichever side is per-example (see {@code Notation.derivative}); the graph says which.
 */
record DerivativeId(String id, String numerator, String denominator) {

  /**
   * Reads a derivative id of a graph.
   *
   * @throws IllegalArgumentException when the id is not {@code d<quantity>/d<quantity>} of two
   *     quantities of the graph
   */
  static DerivativeId parse(String id, QuantityGraph graph) {
    String suffix = "";
    String body = id;
    int hash = id.lastIndexOf('#');
    if (hash >= 0) {
      suffix = id.substring(hash);
      body = id.substring(0, hash);
    }
    int slash = body.indexOf("/d");
    if (!body.startsWith("d") || slash < 0) {
      throw new IllegalArgumentException(id + " is not a derivative id d<quantity>/d<quantity>");
    }
    String num = resolve(body.substring(1, slash), suffix, graph, id);
    String den = resolve(body.substring(slash + 2), suffix, graph, id);
    return new DerivativeId(id, num, den);
  }

  private static String resolve(String name, String suffix, QuantityGraph graph, String id) {
    if (graph.contains(name + suffix)) {
      return name + suffix;
    }
    if (graph.contains(name)) {
      return name;
    }
    throw new IllegalArgumentException(id + " names " + name + ", which the graph does not have");
  }
}
