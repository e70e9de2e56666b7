package org.nngrader.bank.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.nngrader.bank.model.Notation;

/**
 * Runs k steps of gradient descent on a one-update graph and evaluates the graph at the
 * parameters it reaches. The steps are taken by {@link DenseDescent} when the trainer knows the
 * network (the same arithmetic on plain arrays), else by evaluating the graph, moving every
 * trained parameter to its updated value, and repeating. Results are cached per set of given
 * values (several quantities after k updates share one run): the last few whole, and the
 * trained givens of many more (a class's variants, each evaluated several times by grading:
 * its reference, then each sheet's world), so that each variant is trained once; the trained
 * givens of a variant can also be handed in ({@link #remember}), as a problem set records them,
 * so that it is not trained at all. Thread-safe.
 */
final class Trainer {

  private static final int CACHE_SIZE = 128;
  /** Trained givens kept: a class of this many variants trains each once. */
  private static final int TRAINED_SIZE = 1 << 15;

  private final QuantityGraph core;
  private final int steps;
  private final int[] paramGiven;
  private final int[] paramUpdate;
  /** The computed quantities an update needs, in evaluation order. */
  private final int[] stepOrder;
  private final int[] givenPositions;
  /** The steps on plain arrays, or null to iterate the graph. */
  private final DenseDescent dense;
  private final Map<Key, double[]> cache =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, double[]> eldest) {
          return size() > CACHE_SIZE;
        }
      };
  /** The givens after the steps (a fraction of a whole result's size), for more variants. */
  private final Map<Key, double[]> trainedGivens =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, double[]> eldest) {
          return size() > TRAINED_SIZE;
        }
      };

  /**
   * A trainer that takes its steps on plain arrays, the network and its givens read through
   * {@code notation}; it iterates the graph instead when {@link DenseDescent#of} has no dense
   * form (a given of the network missing from {@code core}, or trained parameters other than
   * all weights and/or all biases).
   *
   * @param params the trained parameters
   * @param updates for each trained parameter, its quantity after one update
   */
  Trainer(QuantityGraph core, int steps, List<String> params, List<String> updates,
      Notation notation) {
    this(core, steps, params, updates,
        DenseDescent.of(notation, core.givenIds(), params).orElse(null));
  }

  /** A trainer that takes every step by evaluating the graph. */
  Trainer(QuantityGraph core, int steps, List<String> params, List<String> updates) {
    this(core, steps, params, updates, (DenseDescent) null);
  }

  private Trainer(QuantityGraph core, int steps, List<String> params, List<String> updates,
      DenseDescent dense) {
    this.core = core;
    this.dense = dense;
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

  /** Whether the steps are taken on plain arrays rather than by evaluating the graph. */
  boolean isDense() {
    return dense != null;
  }

  /** The value of a core quantity after {@code steps} updates from these given values. */
  double valueAfter(double[] givens, String id) {
    return run(givens)[core.indexOf(id)];
  }

  /**
   * Each thread's last run ({given values, result}): the quantities after k updates of one
   * evaluation ask one after another with the same given values.
   */
  private final ThreadLocal<double[][]> last = new ThreadLocal<>();

  private double[] run(double[] givens) {
    double[][] previous = last.get();
    if (previous != null && Arrays.equals(previous[0], givens)) {
      return previous[1];
    }
    double[] result = cachedRun(givens);
    last.set(new double[][] {givens.clone(), result});
    return result;
  }

  private double[] cachedRun(double[] givens) {
    Key key = new Key(givens.clone());
    synchronized (cache) {
      double[] hit = cache.get(key);
      if (hit != null) {
        return hit;
      }
    }
    double[] result = core.evaluateArray(trained(key));
    synchronized (cache) {
      cache.put(key, result);
    }
    return result;
  }

  /** The givens after the steps from {@code key}'s givens: remembered, or trained now. */
  private double[] trained(Key key) {
    double[] g;
    synchronized (trainedGivens) {
      g = trainedGivens.get(key);
    }
    if (g == null) {
      g = train(key.values());
      synchronized (trainedGivens) {
        trainedGivens.put(key, g);
      }
    }
    return g;
  }

  private double[] train(double[] givens) {
    return dense != null ? dense.train(givens, steps) : iterate(givens);
  }

  /** The trained parameters after the steps from these given values (remembered or trained). */
  Map<String, Double> parameters(Map<String, Double> givens) {
    double[] g = trained(new Key(array(givens)));
    Map<String, Double> out = new LinkedHashMap<>();
    for (int p : paramGiven) {
      out.put(core.givenIds().get(p), g[p]);
    }
    return out;
  }

  /**
   * A record of {@link #parameters} as {@link #remember} takes it, in the order of the
   * parameters.
   *
   * @throws IllegalArgumentException when it names other parameters than this run trains
   */
  double[] recorded(Map<String, Double> named) {
    List<String> ids = new ArrayList<>(paramGiven.length);
    for (int p : paramGiven) {
      ids.add(core.givenIds().get(p));
    }
    if (!named.keySet().equals(new HashSet<>(ids))) {
      throw new IllegalArgumentException("the parameters recorded after " + steps
          + " updates are " + String.join(", ", new TreeSet<>(named.keySet()))
          + "; the trained parameters are " + String.join(", ", ids));
    }
    return ids.stream().mapToDouble(named::get).toArray();
  }

  /**
   * Takes {@code parameters} (a {@link #recorded} record) as where the steps lead from these
   * given values, so that no later evaluation trains from them. With {@code check}, trains
   * once first and takes nothing unless training gives the same values bit for bit.
   *
   * @return whether the values were taken
   */
  boolean remember(Map<String, Double> givens, double[] parameters, boolean check) {
    double[] start = array(givens);
    double[] g = start.clone();
    for (int i = 0; i < paramGiven.length; i++) {
      g[paramGiven[i]] = parameters[i];
    }
    if (check && !Arrays.equals(train(start), g)) {
      return false;
    }
    synchronized (trainedGivens) {
      trainedGivens.put(new Key(start), g);
    }
    return true;
  }

  /** The given values in the core graph's order. */
  private double[] array(Map<String, Double> givens) {
    List<String> ids = core.givenIds();
    double[] out = new double[ids.size()];
    for (int i = 0; i < out.length; i++) {
      Double v = givens.get(ids.get(i));
      if (v == null) {
        throw new IllegalArgumentException("missing value for " + ids.get(i));
      }
      out[i] = v;
    }
    return out;
  }

  /** The givens after {@code steps} updates, each step an evaluation of the graph. */
  private double[] iterate(double[] givens) {
    double[] g = givens.clone();
    double[][] workspace = core.workspace();
    double[] v = new double[core.quantities().size()];
    for (int i = 0; i < givenPositions.length; i++) {
      v[givenPositions[i]] = g[i];
    }
    double[] next = new double[paramGiven.length];
    for (int s = 0; s < steps; s++) {
      core.evaluateInto(v, stepOrder, workspace);
      boolean moved = false;
      for (int i = 0; i < paramGiven.length; i++) {
        next[i] = v[paramUpdate[i]];
        moved |= Double.doubleToRawLongBits(next[i])
            != Double.doubleToRawLongBits(g[paramGiven[i]]);
      }
      if (!moved) {
        break; // a fixed point: every later step leaves the parameters as they are
      }
      for (int i = 0; i < paramGiven.length; i++) {
        v[givenPositions[paramGiven[i]]] = next[i];
        g[paramGiven[i]] = next[i];
      }
    }
    return g;
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
