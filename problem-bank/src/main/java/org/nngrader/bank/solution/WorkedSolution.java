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
import org.nngrader.bank.template.Template;

/**
 * A worked solution: the given values, then every quantity the asked steps need, in textbook
 * order (forward pass, loss, output layer, hidden layer, updates, after the update), each
 * with its formula in symbols, the numbers substituted and the result. Immutable.
 */
public record WorkedSolution(
    String templateId,
    String title,
    String description,
    Map<String, Double> givens,
    List<Section> sections,
    Map<String, Double> asked) {

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
   */
  public record Step(
      String id, String description, String symbolic, String numeric, double value,
      boolean asked) {

    /** The result as printed in the solution. */
    public String result() {
      return Numbers.computed(value);
    }
  }

  public WorkedSolution {
    givens = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(givens));
    sections = List.copyOf(sections);
    asked = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(asked));
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
}
