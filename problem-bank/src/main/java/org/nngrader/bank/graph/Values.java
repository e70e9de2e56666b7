package org.nngrader.bank.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The value of every quantity of a graph for one set of given values. Immutable. */
public final class Values {

  private final QuantityGraph graph;
  private final double[] values;

  Values(QuantityGraph graph, double[] values) {
    this.graph = graph;
    this.values = values;
  }

  public QuantityGraph graph() {
    return graph;
  }

  /**
   * The value of a quantity.
   *
   * @throws IllegalArgumentException when the graph has no such quantity
   */
  public double get(String id) {
    int i = graph.indexOf(id);
    if (i < 0) {
      throw new IllegalArgumentException("no quantity named " + id);
    }
    return values[i];
  }

  /** Every value, in graph order. */
  public Map<String, Double> asMap() {
    Map<String, Double> m = new LinkedHashMap<>();
    List<Quantity> qs = graph.quantities();
    for (int i = 0; i < qs.size(); i++) {
      m.put(qs.get(i).id(), values[i]);
    }
    return m;
  }

  /** The given values only, in graph order. */
  public Map<String, Double> givens() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (String id : graph.givenIds()) {
      m.put(id, get(id));
    }
    return m;
  }

  /** The values of a quantity's parents in its primary derivation. */
  public double[] parentValues(Quantity q) {
    List<String> ps = q.parents();
    double[] out = new double[ps.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = get(ps.get(i));
    }
    return out;
  }

  /** "formula in symbols = numbers = result" for one quantity, as a worked solution shows it. */
  public String numeric(Quantity q) {
    return q.primary().formula().numeric(parentValues(q));
  }
}
