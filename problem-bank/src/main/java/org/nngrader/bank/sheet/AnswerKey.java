package org.nngrader.bank.sheet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nngrader.bank.graph.Values;
import org.nngrader.bank.symbolic.SymbolicSolution;
import org.nngrader.bank.symbolic.SymbolicStep;
import org.nngrader.bank.template.Template;

/**
 * The exact answer of every asked step of one student's variant: a number, or for a symbolic
 * exercise's expression step the expression. Immutable.
 */
public record AnswerKey(
    String templateId, String studentId, String variant, int significantFigures,
    List<Entry> entries) {

  /**
   * One asked step, its question and its answer.
   *
   * @param value the exact (double) value of a number step; NaN for an expression step
   * @param expression the reference expression of an expression step, as the grader compares
   *     with it (the chain-rule product, {@link SymbolicStep#expression()}); null for a number
   * @param simplified the same expression multiplied out ({@link SymbolicStep#simplified()});
   *     null for a number
   */
  public record Entry(String step, String question, double value, String expression,
      String simplified) {
    public Entry {
      if ((expression == null) != (simplified == null)
          || (expression == null) == Double.isNaN(value)) {
        throw new IllegalArgumentException("key entry " + step
            + ": a number step has a value, an expression step both forms and no value (NaN)");
      }
    }

    /** A number step. */
    public Entry(String step, String question, double value) {
      this(step, question, value, null, null);
    }

    /** Whether the answer is an expression. */
    public boolean isExpression() {
      return expression != null;
    }
  }

  public AnswerKey {
    entries = List.copyOf(entries);
  }

  /** The key of a template for one student's solved values. */
  public static AnswerKey of(Template template, String studentId, String variant, Values values) {
    AnswerSheet sheet = AnswerSheet.of(template, studentId, variant);
    List<Entry> entries = new ArrayList<>();
    for (AnswerSheet.Step s : sheet.steps()) {
      entries.add(new Entry(s.id(), s.question(), values.get(s.id())));
    }
    return new AnswerKey(template.id(), studentId, variant, template.significantFigures(),
        entries);
  }

  /** The key of a symbolic template for one student's solution. */
  public static AnswerKey of(Template template, String studentId, String variant,
      SymbolicSolution solution) {
    AnswerSheet sheet = AnswerSheet.of(template, studentId, variant);
    List<Entry> entries = new ArrayList<>();
    for (AnswerSheet.Step s : sheet.steps()) {
      SymbolicStep step = solution.step(s.id());
      entries.add(step.isExpression()
          ? new Entry(s.id(), s.question(), Double.NaN, step.expression().toString(),
              step.simplified().toString())
          : new Entry(s.id(), s.question(), step.number()));
    }
    return new AnswerKey(template.id(), studentId, variant, template.significantFigures(),
        entries);
  }

  /** Step id to value, in sheet order; NaN for an expression step. */
  public Map<String, Double> values() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (Entry e : entries) {
      m.put(e.step(), e.value());
    }
    return Collections.unmodifiableMap(m);
  }
}
