package org.nngrader.grader.report;

import java.util.List;
import org.nngrader.grader.batch.GradedSubmission;
import org.nngrader.grader.engine.StepResult;
import org.nngrader.grader.engine.Verdict;

/**
 * The one-line summary of a graded submission for LMS feedback columns: points, the first
 * wrong step, the misconceptions named and the right values written with too few figures. The
 * command line's exports and the portal's use this one line.
 */
public final class FeedbackLine {

  private FeedbackLine() {}

  /** "44/50 points (88%); first went wrong at net_h1; misconceptions: loss-factor." */
  public static String of(GradedSubmission s) {
    StringBuilder b = new StringBuilder(64).append(trim(s.result().score())).append('/')
        .append(trim(s.result().maxScore())).append(" points (")
        .append(Decimals.fixed(s.result().percent(), 0)).append("%)");
    s.result().firstWrongStep().ifPresent(step -> b.append("; first went wrong at ").append(step));
    List<String> named = s.result().steps().stream().map(StepResult::misconception)
        .filter(m -> m != null && !m.equals("rounded-early")).distinct().toList();
    if (!named.isEmpty()) {
      b.append("; misconceptions: ").append(String.join(", ", named));
    }
    long coarse = s.result().steps().stream()
        .filter(r -> r.verdict() == Verdict.IMPRECISE && r.points() < r.maxPoints()).count();
    if (coarse > 0) {
      b.append("; right values with too few significant figures at ").append(coarse)
          .append(coarse == 1 ? " step" : " steps");
    }
    return b.append('.').toString();
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Decimals.fixed(v, 2);
  }
}
