package org.nngrader.grader.report;

import org.nngrader.bank.mistake.Misconception;
import org.nngrader.bank.mistake.Misconceptions;
import org.nngrader.grader.engine.ExpressionMistake;

/**
 * The title and feedback of a mistake id a step result carries: a numeric misconception of the
 * catalogue ({@link Misconceptions}) or a mistake in an expression answer ({@link
 * ExpressionMistake}).
 */
final class MistakeNames {

  private MistakeNames() {}

  /** The short name for reports; the id itself when neither catalogue has it. */
  static String title(String id) {
    return Misconceptions.byId(id).map(Misconception::title)
        .or(() -> ExpressionMistake.byId(id).map(ExpressionMistake::title)).orElse(id);
  }

  /** What went wrong and how to fix it; empty when neither catalogue has the id. */
  static String feedback(String id) {
    return Misconceptions.byId(id).map(Misconception::feedback)
        .or(() -> ExpressionMistake.byId(id).map(ExpressionMistake::advice)).orElse("");
  }

  /**
   * Whether the id names a mistake in an expression: its feedback at each step says where it
   * is (which factor, which number), so a report keeps it rather than pointing back to the
   * first step with the same mistake.
   */
  static boolean isExpressionMistake(String id) {
    return id != null && Misconceptions.byId(id).isEmpty()
        && ExpressionMistake.byId(id).isPresent();
  }
}
