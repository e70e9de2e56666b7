package org.nngrader.bank.sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nngrader.bank.template.Template;

/**
 * What one student's answer template contains: who it is for, the variant, and one row per
 * asked step (its id and the question in words), in the template's order. The xlsx and csv
 * writers lay it out. Immutable.
 */
public record AnswerSheet(
    String templateId, String studentId, String variant, int significantFigures,
    List<Step> steps) {

  /** One asked step: the step id of DESIGN.md and the question in words. */
  public record Step(String id, String question) {
    public Step {
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("step id is blank");
      }
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
  }

  /** The sheet of a template's asked steps, questions from the quantities' descriptions. */
  public static AnswerSheet of(Template template, String studentId, String variant) {
    List<Step> steps = new ArrayList<>();
    for (String id : template.asked()) {
      steps.add(new Step(id, question(template.graph().quantity(id).description())));
    }
    return new AnswerSheet(template.id(), studentId, variant, template.significantFigures(),
        steps);
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

  private static String question(String description) {
    return description.isEmpty() ? description
        : description.substring(0, 1).toUpperCase(Locale.ROOT) + description.substring(1);
  }
}
