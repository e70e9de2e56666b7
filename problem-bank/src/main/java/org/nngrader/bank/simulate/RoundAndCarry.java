package org.nngrader.bank.simulate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nngrader.bank.graph.Quantity;
import org.nngrader.bank.graph.QuantityGraph;
import org.nngrader.bank.template.Template;

/**
 * A student who computes honestly by hand and rounds as they go: every quantity, asked or
 * not, is computed from the already rounded values of its parents, rounded, written down and
 * carried on. Quantities after many updates (which no one computes by hand) are the program's
 * full-precision result, rounded the same way. The grader must never mark such a student
 * incorrect or name a misconception for their rounding; tests use this to check it.
 */
public final class RoundAndCarry {

  /** How the student rounds. */
  public enum Rounding {
    DECIMALS_2("2 decimals", 2, false),
    SIGNIFICANT_3("3 significant figures", 3, true),
    SIGNIFICANT_4("4 significant figures", 4, true),
    DECIMALS_4("4 decimals", 4, false);

    private final String description;
    private final int digits;
    private final boolean significant;

    Rounding(String description, int digits, boolean significant) {
      this.description = description;
      this.digits = digits;
      this.significant = significant;
    }

    public String description() {
      return description;
    }

    /** The value as the student writes it ("0.50" at 2 decimals, "0.000439" at 3 figures). */
    public String write(double value) {
      BigDecimal d = new BigDecimal(Double.toString(value));
      BigDecimal r = significant
          ? d.round(new MathContext(digits, RoundingMode.HALF_UP))
          : d.setScale(digits, RoundingMode.HALF_UP);
      if (significant && r.signum() != 0 && r.precision() < digits) {
        r = r.setScale(r.scale() + digits - r.precision()); // 0.0592 at 4 figures is 0.05920
      }
      return r.toPlainString();
    }
  }

  private RoundAndCarry() {}

  /**
   * What the student writes for every computed quantity of the template's graph, in graph
   * order; a quantity the rounded values leave undefined (a percent change of an error rounded
   * to 0) is left out.
   */
  public static Map<String, String> written(Template template, Map<String, Double> givens,
      Rounding rounding) {
    QuantityGraph graph = template.graph();
    Map<String, Double> carried = new LinkedHashMap<>();
    Map<String, String> out = new LinkedHashMap<>();
    for (Quantity q : graph.quantities()) {
      if (q.isGiven()) {
        double g = givens.getOrDefault(q.id(), template.defaults().getOrDefault(q.id(), 0.0));
        carried.put(q.id(), g);
        continue;
      }
      List<String> ps = q.parents();
      double[] args = new double[ps.size()];
      for (int i = 0; i < args.length; i++) {
        args[i] = carried.get(ps.get(i));
      }
      // A quantity after many updates has only givens as parents: the program's result.
      double exact = q.primary().formula().apply(args);
      if (!Double.isFinite(exact)) {
        // A percent change of an error rounded to 0: nothing a student could write.
        carried.put(q.id(), exact);
        continue;
      }
      String text = rounding.write(exact);
      out.put(q.id(), text);
      carried.put(q.id(), Double.parseDouble(text));
    }
    return out;
  }
}
