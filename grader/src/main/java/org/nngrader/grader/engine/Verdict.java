package org.nngrader.grader.engine;

/** The verdict on one step of a submission (DESIGN.md, "Verdicts, per step"). */
public enum Verdict {
  /** Within tolerance of the reference. */
  CORRECT("correct"),
  /** Wrong value, but right from the student's own earlier answers (rounding included). */
  FOLLOW_THROUGH("follow-through"),
  /**
   * The right value (or right from the student's own earlier answers) at the precision the
   * student wrote it, but outside the tolerance or with fewer significant figures than the
   * rubric asks; the rubric's precision policy decides its credit.
   */
  IMPRECISE("imprecise"),
  /** Matches a catalogued mistake; the feedback names it and says how to fix it. */
  MISCONCEPTION("misconception"),
  INCORRECT("incorrect"),
  /** Left blank. */
  MISSING("missing"),
  /** Not a number (or expression) the reader understands; shown as written. */
  UNREADABLE("unreadable");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  /** The lower-case label used in reports and csv files. */
  public String label() {
    return label;
  }

  /** Whether the step counts as the student going wrong (for the first divergence). */
  public boolean isWrong() {
    // IMPRECISE is the right value, written coarsely: not where the student went wrong.
    return this == MISCONCEPTION || this == INCORRECT || this == UNREADABLE;
  }
}
