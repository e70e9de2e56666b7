package org.nngrader.rubric;

/**
 * Credit for an answer that can be guessed from the givens without any work: 0, 1, -1, a
 * target or another given value (writing the target for an output after 10000 updates, or 0
 * for its error).
 */
public enum Guessable {
  /** Credited when the student's own earlier work supports it (the default). */
  SUPPORTED("supported"),
  /** Never credited. */
  NO_CREDIT("no-credit");

  private final String label;

  Guessable(String label) {
    this.label = label;
  }

  /** The value as a rubric file writes it. */
  public String label() {
    return label;
  }
}
