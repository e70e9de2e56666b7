package org.nngrader.bank.verify;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.nngrader.bank.graph.Quantity;
import org.nngrader.bank.graph.QuantityGraph;
import org.nngrader.bank.graph.QuantityKind;
import org.nngrader.bank.graph.Values;

/**
 * Checks every derivative quantity of a graph against a central finite difference of the same
 * graph: {@code dA/dB} against {@code (A(B + h) - A(B - h)) / 2h}. A given B (a weight, a bias)
 * is perturbed among the givens; a computed B (a net input, an output) is pinned to the
 * perturbed value with {@link QuantityGraph#evaluatePinned}, so everything downstream of B is
 * recomputed and everything else stays put, which is exactly the partial derivative the chain
 * rule means.
 *
 * <p>The step is {@code h = 1e-6 * max(1, |B|)}, and the difference quotient divides by the
 * step actually taken in doubles. Central differences are accurate to about h^2 (1e-12) plus
 * the rounding of A divided by h (1e-16 |A| / 1e-6 = 1e-10 |A|); the tolerance is a relative
 * {@value #RELATIVE} with an absolute floor of {@value #ABSOLUTE} times max(1, |A|), because
 * the rounding part grows with the size of A.
 */
final class FiniteDifferences {

  static final double STEP = 1e-6;
  static final double RELATIVE = 1e-5;
  static final double ABSOLUTE = 1e-8;

  /** The kinds whose ids are derivatives {@code dA/dB}. */
  static final Set<QuantityKind> DERIVATIVE_KINDS = EnumSet.of(
      QuantityKind.LOSS_DERIVATIVE, QuantityKind.ACTIVATION_DERIVATIVE,
      QuantityKind.NET_PARAM_DERIVATIVE, QuantityKind.DELTA, QuantityKind.NET_OUT_DERIVATIVE,
      QuantityKind.PATH, QuantityKind.PATH_SUM, QuantityKind.PATH_DELTA,
      QuantityKind.GRADIENT);

  /** A derivative quantity that disagrees with its finite difference. */
  record Mismatch(String id, double analytic, double finiteDifference, double tolerance) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s: graph %.17g, central difference %.17g (|diff| %.3g > %.3g)",
          id, analytic, finiteDifference, Math.abs(analytic - finiteDifference), tolerance);
    }
  }

  private final QuantityGraph graph;
  private final Map<String, Double> givens;
  private final Values base;

  FiniteDifferences(QuantityGraph graph, Map<String, Double> givens) {
    this.graph = graph;
    this.givens = givens;
    this.base = graph.evaluate(givens);
  }

  /**
   * The ids of every derivative quantity of the graph, in graph order, then the aliases of
   * derivative quantities ({@code dE_o1/dout_o1} for {@code dE_total/dout_o1}): an alias is a
   * derivative of its own numerator and is checked as one.
   */
  List<String> derivativeIds() {
    List<String> ids = new ArrayList<>();
    for (Quantity q : graph.quantities()) {
      if (DERIVATIVE_KINDS.contains(q.kind())) {
        ids.add(q.id());
      }
    }
    graph.aliases().forEach((alias, id) -> {
      if (DERIVATIVE_KINDS.contains(graph.quantity(id).kind())) {
        ids.add(alias);
      }
    });
    return ids;
  }

  /** Every derivative quantity that disagrees with its central difference. */
  List<Mismatch> mismatches() {
    List<Mismatch> out = new ArrayList<>();
    for (String id : derivativeIds()) {
      DerivativeId d = DerivativeId.parse(id, graph);
      double analytic = base.get(id);
      double fd = centralDifference(d.numerator(), d.denominator());
      double scale = Math.max(1, Math.abs(base.get(d.numerator())));
      double tolerance = RELATIVE * Math.max(Math.abs(analytic), Math.abs(fd)) + ABSOLUTE * scale;
      if (!(Math.abs(analytic - fd) <= tolerance)) {
        out.add(new Mismatch(id, analytic, fd, tolerance));
      }
    }
    return out;
  }

  /** (A(B + h) - A(B - h)) / (2h) through the graph. */
  double centralDifference(String numerator, String denominator) {
    double b = base.get(denominator);
    double h = STEP * Math.max(1, Math.abs(b));
    double up = b + h;
    double down = b - h;
    return (at(denominator, up).get(numerator) - at(denominator, down).get(numerator))
        / (up - down);
  }

  private Values at(String id, double value) {
    if (graph.quantity(id).isGiven()) {
      Map<String, Double> moved = new LinkedHashMap<>(givens);
      moved.put(id, value);
      return graph.evaluate(moved);
    }
    return graph.evaluatePinned(givens, Map.of(id, value));
  }
}
