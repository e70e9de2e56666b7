package org.nngrader.bank.sheet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.nngrader.bank.symbolic.SymbolicSolution;
import org.nngrader.bank.symbolic.SymbolicSolver;
import org.nngrader.bank.symbolic.SymbolicStep;
import org.nngrader.bank.template.Template;

/**
 * What one student's answer template contains: who it is for, the variant, and one row per
 * asked step (its id and the question in words, and whether the answer is an expression), in
 * the template's order. The xlsx and csv writers lay it out. Immutable.
 *
 * @param expressions how to write the expression answers of a symbolic exercise; null when
 *     every answer is a number
 */
public record AnswerSheet(
    String templateId, String studentId, String variant, int significantFigures,
    List<Step> steps, Expressions expressions) {

  /**
   * One asked step: the step id of DESIGN.md and the question in words.
   *
   * @param expression whether the answer is an expression (a symbolic exercise's gradient),
   *     written as text, rather than a number
   */
  public record Step(String id, String question, boolean expression) {
    public Step {
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("step id is blank");
      }
    }

    /** A step whose answer is a number. */
    public Step(String id, String question) {
      this(id, question, false);
    }
  }

  /**
   * The names an expression answer may use and an example of one, for the instructions.
   *
   * @param symbols the free symbols, sorted (e.g. {@code dL/dy_hat}, {@code z_out})
   * @param functions the abstract functions, sorted (e.g. {@code f}, {@code f'})
   * @param example an expression written the way the grader reads it best, from the
   *     template's default values (never the student's own variant's answer, unless the
   *     student's values are the defaults)
   */
  public record Expressions(SortedSet<String> symbols, SortedSet<String> functions,
      String example) {
    public Expressions {
      symbols = Collections.unmodifiableSortedSet(new TreeSet<>(symbols));
      functions = Collections.unmodifiableSortedSet(new TreeSet<>(functions));
      Objects.requireNonNull(example, "example");
    }
  }

  public AnswerSheet {
    if (studentId == null || studentId.isBlank()) {
      throw new IllegalArgumentException("answer sheet needs a student id");
    }
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("answer sheet of " + templateId + " has no steps");
    }
    if ((expressions == null) == steps.stream().anyMatch(Step::expression)) {
      throw new IllegalArgumentException("answer sheet of " + templateId
          + ": expression help is given exactly when a step's answer is an expression");
    }
  }

  /** A sheet whose answers are all numbers. */
  public AnswerSheet(
      String templateId, String studentId, String variant, int significantFigures,
      List<Step> steps) {
    this(templateId, studentId, variant, significantFigures, steps, null);
  }

  /**
   * The sheet of a template's asked steps, questions from the quantities' descriptions. For a
   * symbolic template, which steps are expressions and the names they may use come from the
   * solver at the template's defaults (they do not depend on the values).
   */
  public static AnswerSheet of(Template template, String studentId, String variant) {
    SymbolicSolution reference =
        template.isSymbolic() ? SymbolicSolver.solve(template, Map.of()) : null;
    List<Step> steps = new ArrayList<>();
    for (String id : template.asked()) {
      steps.add(new Step(id, question(template.graph().quantity(id).description()),
          reference != null && reference.step(id).isExpression()));
    }
    Expressions expressions = null;
    if (steps.stream().anyMatch(Step::expression)) {
      expressions = new Expressions(reference.allowedSymbols(), reference.allowedFunctions(),
          example(reference));
    }
    return new AnswerSheet(template.id(), studentId, variant, template.significantFigures(),
        steps, expressions);
  }

  /** The expression with the most factors (the first of those): it shows every spelling. */
  private static String example(SymbolicSolution reference) {
    SymbolicStep best = null;
    for (SymbolicStep s : reference.steps()) {
      if (s.isExpression() && (best == null || s.factors().size() > best.factors().size())) {
        best = s;
      }
    }
    return best.expression().toString();
  }

  /** Whether some answer is an expression. */
  public boolean hasExpressions() {
    return expressions != null;
  }

  /** The position of a step in {@link #steps()}, or -1. */
  public int indexOf(String step) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).id().equals(step)) {
        return i;
      }
    }
    return -1;
  }

  /** The description with a capital, unless it starts with a quantity id (w1, out_o1), kept as is. */
  private static String question(String description) {
    String first = description.split(" ", 2)[0];
    boolean id = first.chars().anyMatch(c -> Character.isDigit(c) || c == '_' || c == '^');
    return description.isEmpty() || id ? description
        : description.substring(0, 1).toUpperCase(Locale.ROOT) + description.substring(1);
  }
}
