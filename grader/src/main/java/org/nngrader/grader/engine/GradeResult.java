package org.nngrader.grader.engine;

import java.util.List;
import java.util.Optional;

/**
 * The grading of one submission: every asked step, the score, and the first step where the
 * student went wrong. Immutable.
 */
public record GradeResult(List<StepResult> steps, double score, double maxScore, String firstDivergence) {

  public GradeResult {
    steps = List.copyOf(steps);
  }

  public Optional<String> firstWrongStep() {
    return Optional.ofNullable(firstDivergence);
  }

  public long count(Verdict v) {
    return steps.stream().filter(s -> s.verdict() == v).count();
  }

  public double percent() {
    return maxScore == 0 ? 0 : 100.0 * score / maxScore;
  }
}
