package org.nngrader.bank.solution;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nngrader.bank.graph.Quantity;
import org.nngrader.bank.graph.QuantityKind;
import org.nngrader.bank.graph.Values;
import org.nngrader.bank.model.Numbers;
import org.nngrader.bank.symbolic.Chain;
import org.nngrader.bank.symbolic.Factor;
import org.nngrader.bank.symbolic.SymbolicSolution;
import org.nngrader.bank.symbolic.SymbolicStep;
import org.nngrader.bank.template.Template;

/**
 * A worked solution: the given values, then every quantity the asked steps need, in textbook
 * order (forward pass, loss, output layer, hidden layer, updates, after the update), each
 * with its formula in symbols, the numbers substituted and the result. Immutable.
 *
 * <p>The worked solution of a symbolic exercise ({@link #of(SymbolicSolution)}) also lists what is
 * left as a symbol, shows the forward quantities with numbers, then one section per asked
 * gradient: each factor of the chain with its meaning, then the product in symbols, with the
 * numbers substituted, and simplified.
 *
 * @param asked the asked steps whose answer is a number, with that number
 * @param symbols the free symbols and abstract functions of a symbolic exercise, each with what it
 *     stands for; empty for a numeric exercise
 * @param expressions the asked steps whose answer is an expression, with it in canonical form;
 *     empty for a numeric exercise
 */
public record WorkedSolution(
    String templateId,
    String title,
    String description,
    Map<String, Double> givens,
    List<Section> sections,
    Map<String, Double> asked,
    Map<String, String> symbols,
    Map<String, String> expressions) {

  /** One part of the solution. */
  public record Section(String title, List<Step> steps) {
    public Section {
      steps = List.copyOf(steps);
    }
  }

  /**
   * One step: {@code id = symbolic = numeric = result}.
   *
   * @param asked whether the exercise asks this step (the others are intermediates)
   * @param expression the result when it is an expression (then {@code value} is NaN); empty
   *     when the result is the number {@code value}
   */
  public record Step(
      String id, String description, String symbolic, String numeric, double value,
      boolean asked, String expression) {

    public Step {
      java.util.Objects.requireNonNull(expression, "expression");
    }

    /** A step whose result is a number. */
    public Step(
        String id, String description, String symbolic, String numeric, double value,
        boolean asked) {
      this(id, description, symbolic, numeric, value, asked, "");
    }

    /** The result as printed in the solution: the expression, or the number with 8 decimals. */
    public String result() {
      return expression.isEmpty() ? Numbers.computed(value) : expression;
    }
  }

  public WorkedSolution {
    givens = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(givens));
    sections = List.copyOf(sections);
    asked = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(asked));
    symbols = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(symbols));
    expressions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(expressions));
  }

  /** The worked solution of a numeric exercise: nothing is left as a symbol. */
  public WorkedSolution(
      String templateId,
      String title,
      String description,
      Map<String, Double> givens,
      List<Section> sections,
      Map<String, Double> asked) {
    this(templateId, title, description, givens, sections, asked, Map.of(), Map.of());
  }

  /** Whether this is the solution of a symbolic exercise, whose answers include expressions. */
  public boolean isSymbolic() {
    return !symbols.isEmpty() || !expressions.isEmpty();
  }

  /**
   * Every asked step's answer: a {@code Double} for a number, a {@code String} for an expression.
   * In the template's order for a numeric exercise ({@link #asked()}); in the order the sections
   * show the asked steps for a symbolic one.
   */
  public Map<String, Object> answers() {
    Map<String, Object> answers = new LinkedHashMap<>();
    if (expressions.isEmpty()) {
      answers.putAll(asked);
    } else {
      for (Section section : sections) {
        for (Step step : section.steps()) {
          if (step.asked()) {
            answers.put(step.id(), expressions.containsKey(step.id())
                ? expressions.get(step.id()) : asked.get(step.id()));
          }
        }
      }
    }
    return java.util.Collections.unmodifiableMap(answers);
  }

  /** Builds the worked solution of a template for one set of values. */
  public static WorkedSolution of(Template template, Values values) {
    Set<String> askedIds = Set.copyOf(template.asked());
    Map<QuantityKind.Section, List<Step>> bySection = new EnumMap<>(QuantityKind.Section.class);
    for (Quantity q : values.graph().ancestorsOf(template.asked())) {
      if (q.isGiven()) {
        continue;
      }
      String symbolic = q.primary().symbolic();
      String shape = q.primary().formula().template();
      boolean trivial = q.parents().isEmpty() || shape.equals("{0}");
      String numeric = trivial ? "" : values.numeric(q);
      bySection.computeIfAbsent(q.section(), s -> new ArrayList<>()).add(new Step(
          q.id(), q.description(), symbolic, numeric.equals(symbolic) ? "" : numeric,
          values.get(q.id()), askedIds.contains(q.id())));
    }
    List<Section> sections = new ArrayList<>();
    bySection.forEach((s, steps) -> sections.add(new Section(s.title(), steps)));
    Map<String, Double> asked = new LinkedHashMap<>();
    for (String id : template.asked()) {
      asked.put(id, values.get(id));
    }
    return new WorkedSolution(template.id(), template.title(), template.description(),
        values.givens(), sections, asked);
  }

  /**
   * Builds the worked solution of a symbolic exercise: the givens, what is left as a symbol, the
   * forward quantities with numbers, then for each asked gradient its chain factor by factor and
   * the product, with numbers substituted and simplified.
   */
  public static WorkedSolution of(SymbolicSolution solution) {
    List<Section> sections = new ArrayList<>();
    List<Step> forward = new ArrayList<>();
    for (SymbolicSolution.Intermediate i : solution.intermediates()) {
      forward.add(new Step(i.id(), i.description(), i.symbolic(), i.numeric(), i.value(),
          i.asked()));
    }
    if (!forward.isEmpty()) {
      sections.add(new Section(QuantityKind.Section.FORWARD.title(), forward));
    }
    Map<String, Double> asked = new LinkedHashMap<>();
    Map<String, String> expressions = new LinkedHashMap<>();
    for (SymbolicStep s : solution.steps()) {
      if (!s.isExpression()) {
        asked.put(s.id(), s.number());
        continue;
      }
      expressions.put(s.id(), s.answer());
      Map<String, Step> factors = new LinkedHashMap<>();
      List<String> products = new ArrayList<>();
      for (Chain c : s.chains()) {
        for (Factor f : c.factors()) {
          factors.putIfAbsent(f.id(), new Step(f.id(), f.meaning(), f.symbolic(), f.numeric(),
              Double.NaN, false, f.value().toString()));
        }
        products.add(c.symbolic());
      }
      List<Step> steps = new ArrayList<>(factors.values());
      steps.add(new Step(s.id(), s.description(), String.join(" + ", products),
          s.expression().toString(), Double.NaN, true, s.answer()));
      sections.add(new Section("Chain rule for " + s.id(), steps));
    }
    Map<String, String> symbols = new LinkedHashMap<>(solution.symbols());
    symbols.putAll(solution.functions());
    return new WorkedSolution(solution.templateId(), solution.title(), solution.description(),
        solution.givens(), sections, asked, symbols, expressions);
  }
}
