package org.nngrader.bank.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.nngrader.bank.template.Template;
import org.nngrader.bank.template.Templates;

/**
 * The quantities after training are computed on first use: the values are those of evaluating
 * everything at once, pinned or not, whichever thread asks first.
 */
class DeferredValuesTest {

  private static final Template T = Templates.builtin("sigmoid-2-2-2");

  /** Every value of the graph, computed eagerly, in graph order. */
  private static double[] eager(QuantityGraph g, Map<String, Double> givens,
      Map<String, Double> pinned) {
    double[] in = new double[g.givenIds().size()];
    for (int i = 0; i < in.length; i++) {
      in[i] = givens.get(g.givenIds().get(i));
    }
    double[] v = new double[g.quantities().size()];
    int k = 0;
    for (int i = 0; i < v.length; i++) {
      Quantity q = g.quantities().get(i);
      if (q.isGiven()) {
        v[i] = in[k++];
      } else if (pinned.containsKey(q.id())) {
        v[i] = pinned.get(q.id());
      } else {
        List<String> ps = q.parents();
        double[] args = new double[ps.size()];
        for (int p = 0; p < args.length; p++) {
          args[p] = v[g.indexOf(ps.get(p))];
        }
        v[i] = q.primary().formula().apply(args);
      }
    }
    return v;
  }

  private static Map<String, Double> givens(double w1) {
    Map<String, Double> g = new LinkedHashMap<>(T.defaults());
    g.put("w1", w1);
    return g;
  }

  @Test
  void deferredQuantitiesHaveTheValuesOfEagerEvaluation() {
    QuantityGraph g = T.graph();
    assertThat(g.quantities()).anyMatch(q -> q.kind() == QuantityKind.AFTER_TRAINING);
    Map<String, Double> givens = givens(0.17);
    Map<String, Double> pinned = Map.of("out_h1", 0.7, "E_total@10000", 0.001, "net_o1", 1.5);
    double[] plain = eager(g, givens, Map.of());
    double[] inWorld = eager(g, givens, pinned);
    Values v = g.evaluate(givens);
    Values w = g.evaluatePinned(givens, pinned);
    // asked in reverse order: later quantities first, their waiting parents on the way
    for (int i = plain.length - 1; i >= 0; i--) {
      String id = g.quantities().get(i).id();
      assertThat(Double.doubleToRawLongBits(v.get(id))).as(id)
          .isEqualTo(Double.doubleToRawLongBits(plain[i]));
      assertThat(Double.doubleToRawLongBits(w.get(id))).as(id + " pinned")
          .isEqualTo(Double.doubleToRawLongBits(inWorld[i]));
    }
    assertThat(new ArrayList<>(g.evaluate(givens).asMap().values()))
        .isEqualTo(java.util.Arrays.stream(plain).boxed().toList());
  }

  @Test
  void threadsAskingAtOnceSeeTheSameValues() throws Exception {
    QuantityGraph g = T.graph();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 5; round++) {
        Map<String, Double> givens = givens(0.1 + 0.01 * round);
        double[] plain = eager(g, givens, Map.of());
        Values shared = g.evaluate(givens);
        List<Future<double[]>> seen = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          seen.add(pool.submit(() -> {
            double[] out = new double[plain.length];
            for (int i = out.length - 1; i >= 0; i--) {
              out[i] = shared.get(g.quantities().get(i).id());
            }
            return out;
          }));
        }
        for (Future<double[]> f : seen) {
          assertThat(f.get()).isEqualTo(plain);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
