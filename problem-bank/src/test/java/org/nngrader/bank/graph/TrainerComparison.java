package org.nngrader.bank.graph;

import static org.nngrader.bank.model.Notation.updated;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nngrader.bank.model.Network;
import org.nngrader.bank.model.Notation;
import org.nngrader.bank.model.ParameterKind;

/**
 * Builds the trainer {@link GraphCompiler} builds for a network (dense steps) beside one that
 * iterates the graph, and lists the quantities on which they part.
 */
final class TrainerComparison {

  /** Relative tolerance of the comparison; absolute below 1e-3 (1e-15 there). */
  static final double RELATIVE = 1e-12;

  private final QuantityGraph core;
  private final List<String> params = new ArrayList<>();
  private final List<String> updates = new ArrayList<>();

  TrainerComparison(Notation notation) {
    this.core = GraphCompiler.compile(notation, List.of(1));
    Network net = notation.network();
    notation.givens().forEach((id, kind) -> {
      boolean trained = kind == ParameterKind.WEIGHT && net.trainWeights()
          || kind == ParameterKind.BIAS && net.trainBiases();
      if (trained) {
        params.add(id);
        updates.add(updated(id));
      }
    });
  }

  QuantityGraph core() {
    return core;
  }

  List<String> params() {
    return params;
  }

  Trainer dense(int steps, Notation notation) {
    return new Trainer(core, steps, params, updates, notation);
  }

  Trainer iterating(int steps) {
    return new Trainer(core, steps, params, updates);
  }

  double[] givens(Map<String, Double> values) {
    return core.givenIds().stream().mapToDouble(values::get).toArray();
  }

  /** Every core quantity whose value after the steps differs between the two trainers. */
  List<String> mismatches(Trainer a, Trainer b, double[] givens) {
    List<String> out = new ArrayList<>();
    for (Quantity q : core.quantities()) {
      double x = a.valueAfter(givens, q.id());
      double y = b.valueAfter(givens, q.id());
      if (!close(x, y)) {
        out.add(String.format(Locale.ROOT, "%s after %d updates: %.17g vs %.17g",
            q.id(), a.steps(), x, y));
      }
    }
    return out;
  }

  /** Equal to 1e-12 relative or 1e-15 absolute; the same NaN or infinity counts as equal. */
  static boolean close(double x, double y) {
    return Double.compare(x, y) == 0
        || Math.abs(x - y) <= Math.max(1e-15, RELATIVE * Math.max(Math.abs(x), Math.abs(y)));
  }
}
