package org.nngrader.bank.generate;

import java.util.Map;

/**
 * No acceptable variant could be drawn for a student: every attempt was degenerate. The
 * message names the template, the student, the most frequent reason and what to change.
 */
public final class GenerationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String templateId;
  private final String studentId;
  private final transient Map<Degeneracy, Integer> rejections;

  GenerationException(
      String templateId, String studentId, int attempts, Map<Degeneracy, Integer> rejections) {
    super(message(templateId, studentId, attempts, rejections));
    this.templateId = templateId;
    this.studentId = studentId;
    this.rejections = Map.copyOf(rejections);
  }

  private static String message(
      String templateId, String studentId, int attempts, Map<Degeneracy, Integer> rejections) {
    Degeneracy top = mostFrequent(rejections);
    return "template " + templateId + ": no acceptable draw for student " + studentId
        + " in " + attempts + " attempts; most frequent rejection: " + top.description()
        + " (" + rejections.get(top) + " times); " + top.remedy();
  }

  static Degeneracy mostFrequent(Map<Degeneracy, Integer> rejections) {
    Degeneracy top = null;
    for (Degeneracy d : Degeneracy.values()) {
      int n = rejections.getOrDefault(d, 0);
      if (n > 0 && (top == null || n > rejections.get(top))) {
        top = d;
      }
    }
    if (top == null) {
      throw new IllegalArgumentException("no rejection recorded");
    }
    return top;
  }

  public String templateId() {
    return templateId;
  }

  public String studentId() {
    return studentId;
  }

  /** How many attempts each reason rejected. */
  public Map<Degeneracy, Integer> rejections() {
    return rejections;
  }

  /** The reason that rejected the most attempts. */
  public Degeneracy mostFrequent() {
    return mostFrequent(rejections);
  }
}
