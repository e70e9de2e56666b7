package org.nngrader.grader.engine;

import java.util.List;
import java.util.Map;
import org.nngrader.bank.graph.Derivation;
import org.nngrader.bank.graph.Formula;
import org.nngrader.bank.graph.Quantity;
import org.nngrader.bank.graph.QuantityGraph;
import org.nngrader.bank.graph.Values;

/**
 * A quantity graph by position, for the many small evaluations of one sheet: the parents of
 * each quantity's formula as positions, so that a world is read by index, not by name, and is
 * computed only as far as it is read. Every value is the quantity's formula applied to its
 * parents' values, as {@link QuantityGraph#evaluatePinned} computes it: the same numbers, in
 * another order. Immutable and shared by the threads of a class; the worlds are not.
 */
final class IndexedGraph {

  final QuantityGraph graph;
  final int size;
  private final boolean[] given;
  private final int[][] parents;
  private final Formula[] formula;

  /** One derivation of a quantity, its parents as positions. */
  record Route(int[] parents, Formula formula) {

    /** The derivation's value from the parents as they are in {@code w}. */
    double apply(World w) {
      double[] args = new double[parents.length];
      for (int p = 0; p < args.length; p++) {
        args[p] = w.get(parents[p]);
      }
      return formula.apply(args);
    }
  }

  IndexedGraph(QuantityGraph graph) {
    this.graph = graph;
    List<Quantity> qs = graph.quantities();
    this.size = qs.size();
    this.given = new boolean[size];
    this.parents = new int[size][];
    this.formula = new Formula[size];
    for (int i = 0; i < size; i++) {
      Quantity q = qs.get(i);
      given[i] = q.isGiven();
      if (!given[i]) {
        parents[i] = positions(q.primary().parents());
        formula[i] = q.primary().formula();
      }
    }
  }

  private int[] positions(List<String> ids) {
    int[] out = new int[ids.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = graph.indexOf(ids.get(k));
    }
    return out;
  }

  /** The position of the quantity with this id or alias, or -1. */
  int indexOf(String id) {
    return graph.indexOf(id);
  }

  boolean isGiven(int i) {
    return given[i];
  }

  /** Every derivation of the quantity at {@code i}, in its order. */
  Route[] routes(int i) {
    List<Derivation> ds = graph.quantities().get(i).derivations();
    Route[] out = new Route[ds.size()];
    for (int d = 0; d < out.length; d++) {
      out[d] = new Route(positions(ds.get(d).parents()), ds.get(d).formula());
    }
    return out;
  }

  /** The primary derivation of the quantity at {@code i} (a computed one). */
  Route primary(int i) {
    return new Route(parents[i], formula[i]);
  }

  /**
   * Which quantities {@code pinned} pins and to what, as {@link QuantityGraph#evaluatePinned}
   * reads it: ids and aliases of computed quantities, in the map's order (a later name of the
   * same quantity wins); others are ignored.
   */
  void pin(Map<String, Double> pinned, boolean[] isPinned, double[] pins) {
    pinned.forEach((id, v) -> {
      int i = graph.indexOf(id);
      if (i >= 0 && !given[i]) {
        pins[i] = v;
        isPinned[i] = true;
      }
    });
  }

  /** The values of a graph at positions, as far as they have been read. */
  abstract static class World {
    abstract double get(int i);
  }

  /** Values of the whole graph, read by position. */
  final class Evaluated extends World {
    private final Values values;

    Evaluated(Values values) {
      this.values = values;
    }

    @Override
    double get(int i) {
      return values.get(graph.quantities().get(i).id());
    }
  }

  /**
   * The graph from given values (in the order of {@link QuantityGraph#givenIds()}), with some
   * quantities pinned, each value computed on first read.
   */
  final class Pinned extends World {
    private final double[] v = new double[size];
    private final boolean[] known = new boolean[size];

    Pinned(double[] givenValues, boolean[] isPinned, double[] pins) {
      int g = 0;
      for (int i = 0; i < size; i++) {
        if (given[i]) {
          v[i] = givenValues[g++];
          known[i] = true;
        } else if (isPinned != null && isPinned[i]) {
          v[i] = pins[i];
          known[i] = true;
        }
      }
    }

    @Override
    double get(int i) {
      if (known[i]) {
        return v[i];
      }
      int[] ps = parents[i];
      double[] args = new double[ps.length];
      for (int p = 0; p < ps.length; p++) {
        args[p] = get(ps[p]);
      }
      double x = formula[i].apply(args);
      v[i] = x;
      known[i] = true;
      return x;
    }
  }

  /**
   * The world {@code base} with one more quantity pinned (or pinned anew) at {@code value}: the
   * quantities computed from it (through unpinned ones) are computed again on first read, every
   * other one is read from the base, where it has the same parents' values.
   *
   * @param isPinned the quantities pinned in {@code base}
   */
  final class Moved extends World {
    private final World base;
    private final boolean[] isPinned;
    private final int moved;
    private final double[] v = new double[size];
    /** 0 not read yet, 1 the base's value, 2 computed from the moved quantity. */
    private final byte[] state = new byte[size];

    Moved(World base, boolean[] isPinned, int moved, double value) {
      this.base = base;
      this.isPinned = isPinned;
      this.moved = moved;
      v[moved] = value;
      state[moved] = 2;
    }

    @Override
    double get(int i) {
      if (state[i] != 0) {
        return v[i];
      }
      // Parents come before children: nothing before the moved quantity is computed from it.
      if (i < moved || given[i] || isPinned[i]) {
        v[i] = base.get(i);
        state[i] = 1;
        return v[i];
      }
      int[] ps = parents[i];
      boolean changed = false;
      for (int p : ps) {
        get(p);
        changed |= state[p] == 2;
      }
      if (!changed) {
        v[i] = base.get(i);
        state[i] = 1;
        return v[i];
      }
      double[] args = new double[ps.length];
      for (int p = 0; p < ps.length; p++) {
        args[p] = v[ps[p]];
      }
      v[i] = formula[i].apply(args);
      state[i] = 2;
      return v[i];
    }
  }
}
