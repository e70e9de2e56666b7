package org.nngrader.bank.mistake;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.nngrader.bank.graph.Quantity;
import org.nngrader.bank.graph.QuantityGraph;
import org.nngrader.bank.model.Network;

/**
 * A misconception expressed as a rewrite of single quantities. {@code variants} says how many
 * mistaken graphs there are; {@code rewrite} gives, for variant v, the changed quantity or null
 * to leave it alone. A variant in which nothing changed is dropped.
 */
record GraphMistake(
    String id,
    String title,
    String feedback,
    int variants,
    Rewrite rewrite) implements Misconception {

  /** Rewrites one quantity for one variant; null keeps it. */
  @FunctionalInterface
  interface Rewrite {
    Quantity apply(Network network, QuantityGraph graph, Quantity q, int variant);
  }

  static GraphMistake single(String id, String title, String feedback,
      BiFunction<Network, Quantity, Quantity> rewrite) {
    return new GraphMistake(id, title, feedback, 1, (n, g, q, v) -> rewrite.apply(n, q));
  }

  @Override
  public List<QuantityGraph> apply(Network network, QuantityGraph graph) {
    List<QuantityGraph> out = new ArrayList<>();
    for (int v = 0; v < variants; v++) {
      int variant = v;
      boolean[] changed = {false};
      QuantityGraph mutated = graph.mutate(q -> {
        Quantity r = rewrite.apply(network, graph, q, variant);
        if (r == null) {
          return q;
        }
        changed[0] = true;
        return r;
      });
      if (changed[0]) {
        out.add(mutated);
      }
    }
    return out;
  }
}
