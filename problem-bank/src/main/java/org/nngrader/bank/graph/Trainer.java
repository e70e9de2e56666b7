package org.nngrader.bank.graph;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs k steps of gradient descent on a one-update graph: evaluates it, moves every trained
 * parameter to its updated value, and repeats. Results are cached per set of given values
 * (several quantities after k updates share one run). Thread-safe.
 */
final class Trainer {

  private static final int CACHE_SIZE = 128;

  private final QuantityGraph core;
  private final int steps;
  private final int[] paramGiven;
  private final int[] paramUpdate;
  /** The computed quantities an update needs, in evaluation order. */
  private final int[] stepOrder;
  private final int[] givenPositions;
  private final Map<Key, double[]> cache =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, double[]> eldest) {
          return size() > CACHE_SIZE;
        }
      };

  Trainer(QuantityGraph core, int steps, List<String> params, List<String> updates) {
    this.core = core;
    this.steps = steps;
    this.paramGiven = new int[params.size()];
    this.paramUpdate = new int[params.size()];
    List<String> givens = core.givenIds();
    for (int i = 0; i < params.size(); i++) {
      paramGiven[i] = givens.indexOf(params.get(i));
      paramUpdate[i] = core.indexOf(updates.get(i));
    }
    this.stepOrder = core.computedAncestors(updates);
    this.givenPositions = core.givenPositions();
  }

  int steps() {
    return steps;
  }

  /** The value of a core quantity after {@code steps} updates from these given values. */
  double valueAfter(double[] givens, String id) {
    return run(givens)[core.indexOf(id)];
  }

  private double[] run(double[] givens) {
    Key key = new Key(givens.clone());
    synchronized (cache) {
      double[] hit = cache.get(key);
      if (hit != null) {
        return hit;
      }
    }
    double[] g = givens.clone();
    double[][] workspace = core.workspace();
    double[] v = new double[core.quantities().size()];
    for (int i = 0; i < givenPositions.length; i++) {
      v[givenPositions[i]] = g[i];
    }
    double[] next = new double[paramGiven.length];
    for (int s = 0; s < steps; s++) {
      core.evaluateInto(v, stepOrder, workspace);
      for (int i = 0; i < paramGiven.length; i++) {
        next[i] = v[paramUpdate[i]];
      }
      for (int i = 0; i < paramGiven.length; i++) {
        v[givenPositions[paramGiven[i]]] = next[i];
        g[paramGiven[i]] = next[i];
      }
    }
    double[] result = core.evaluateArray(g);
    synchronized (cache) {
      cache.put(key, result);
    }
    return result;
  }

  private record Key(double[] values) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(values, k.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }
  }
}
