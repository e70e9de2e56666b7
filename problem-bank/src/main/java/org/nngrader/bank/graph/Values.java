package org.nngrader.bank.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value of every quantity of a graph for one set of given values. Immutable in what it
 * shows; the quantities after training are computed on first use (see {@link
 * QuantityGraph#evaluate}), once, whichever thread asks. Thread-safe.
 */
public final class Values {

  private final QuantityGraph graph;
  private final double[] values;
  /** Which quantities may still be waiting (per graph); null when none ever was. */
  private final boolean[] deferred;
  /** Which are waiting; read and written under this object's lock. */
  private final boolean[] pending;
  /** How many are waiting; 0 once all are computed (then no lock is needed to read). */
  private volatile int waiting;

  Values(QuantityGraph graph, double[] values) {
    this(graph, values, null, null, 0);
  }

  Values(QuantityGraph graph, double[] values, boolean[] deferred, boolean[] pending,
      int waiting) {
    this.graph = graph;
    this.values = values;
    this.deferred = deferred;
    this.pending = pending;
    this.waiting = waiting;
  }

  private double value(int i) {
    if (deferred == null || !deferred[i] || waiting == 0) {
      return values[i];
    }
    synchronized (this) {
      compute(i);
      return values[i];
    }
  }

  /** Computes a waiting quantity, its waiting parents first; under the lock. */
  private void compute(int i) {
    if (!pending[i]) {
      return;
    }
    int[] ps = graph.parentsAt(i);
    double[] args = new double[ps.length];
    for (int p = 0; p < ps.length; p++) {
      compute(ps[p]);
      args[p] = values[ps[p]];
    }
    values[i] = graph.quantities().get(i).primary().formula().apply(args);
    pending[i] = false;
    waiting--;
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
    return value(i);
  }

  /** Every value, in graph order. */
  public Map<String, Double> asMap() {
    Map<String, Double> m = new LinkedHashMap<>();
    List<Quantity> qs = graph.quantities();
    for (int i = 0; i < qs.size(); i++) {
      m.put(qs.get(i).id(), value(i));
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
