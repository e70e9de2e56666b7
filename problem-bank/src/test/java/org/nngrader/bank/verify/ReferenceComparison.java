package org.nngrader.bank.verify;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.nngrader.bank.graph.Quantity;
import org.nngrader.bank.graph.QuantityKind;
import org.nngrader.bank.graph.Values;

/**
 * Compares the solver's doubles with {@link HighPrecisionNetwork}'s values: each must be within
 * a relative {@value #RELATIVE} of the reference, with an absolute floor of {@value #ABSOLUTE}
 * (a double carries about 16 digits; the graph's chains are short, so 12 must survive). Every
 * quantity of the graph of a {@link #REQUIRED} kind must have a reference value, and every
 * reference value a quantity, so that nothing is silently left out of the comparison.
 */
final class ReferenceComparison {

  static final double RELATIVE = 1e-12;
  static final double ABSOLUTE = 1e-15;

  /** The kinds the reference computes: every value of the forward pass and of backpropagation. */
  static final Set<QuantityKind> REQUIRED = EnumSet.of(
      QuantityKind.NET, QuantityKind.OUT, QuantityKind.ERROR, QuantityKind.TOTAL_ERROR,
      QuantityKind.LOSS_DERIVATIVE, QuantityKind.ACTIVATION_DERIVATIVE, QuantityKind.DELTA,
      QuantityKind.PATH, QuantityKind.PATH_SUM, QuantityKind.PATH_DELTA, QuantityKind.GRADIENT,
      QuantityKind.UPDATE);

  /** A quantity where the solver and the reference disagree, or one of them has no value. */
  record Mismatch(String id, double graph, BigDecimal reference, String problem) {
    @Override
    public String toString() {
      String ref = reference == null ? "none" : reference.round(new java.math.MathContext(20)).toString();
      return String.format(Locale.ROOT, "%s: graph %.17g, reference %s (%s)", id, graph, ref, problem);
    }
  }

  private ReferenceComparison() {}

  /**
   * The quantities of a {@link #REQUIRED} kind that the graph has and the reference lacks.
   *
   * @param afterPass whether the reference includes the pass after one update; when not, the
   *     graph's quantities of that pass (section "after") are not required
   */
  static List<Mismatch> unreferenced(Values values, Map<String, BigDecimal> reference,
      boolean afterPass) {
    List<Mismatch> out = new ArrayList<>();
    for (Quantity q : values.graph().quantities()) {
      boolean inAfterPass = q.section() == QuantityKind.Section.AFTER;
      boolean referenced = reference.containsKey(q.id())
          || values.graph().aliasesOf(q.id()).stream().anyMatch(reference::containsKey);
      if (REQUIRED.contains(q.kind()) && (afterPass || !inAfterPass) && !referenced) {
        out.add(new Mismatch(q.id(), values.get(q.id()), null, "no reference value"));
      }
    }
    return out;
  }

  /** The reference values that the graph lacks or computes differently. */
  static List<Mismatch> disagreements(Values values, Map<String, BigDecimal> reference) {
    List<Mismatch> out = new ArrayList<>();
    reference.forEach((id, ref) -> {
      if (!values.graph().contains(id)) {
        out.add(new Mismatch(id, Double.NaN, ref, "the graph has no such quantity"));
        return;
      }
      double actual = values.get(id);
      double tolerance = RELATIVE * Math.abs(ref.doubleValue()) + ABSOLUTE;
      double diff = Double.isFinite(actual)
          ? new BigDecimal(actual).subtract(ref).abs().doubleValue() : Double.POSITIVE_INFINITY;
      if (!(diff <= tolerance)) {
        out.add(new Mismatch(id, actual, ref,
            String.format(Locale.ROOT, "|diff| %.3g > %.3g", diff, tolerance)));
      }
    });
    return out;
  }
}
