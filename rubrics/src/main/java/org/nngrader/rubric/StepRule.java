package org.nngrader.rubric;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One per-step override in a rubric: the steps it applies to, and the points and/or tolerance
 * it sets for them. A setting left empty falls through to later rules and then to the rubric
 * default (see {@link Rubric#pointsFor(String)}).
 *
 * <p>{@code match} is a step id or a pattern where {@code *} stands for any run of characters
 * and {@code ?} for one character; every other character, including {@code / ^ [ ] + @ %},
 * means itself. Matching is exact and case-sensitive on the step id as the template names it.
 *
 * <p>Immutable.
 */
public record StepRule(String match, OptionalDouble points, Optional<Tolerance> tolerance) {

  public StepRule {
    String problem = Glob.problem(match);
    if (problem != null) {
      throw new IllegalArgumentException("step pattern '" + match + "' " + problem);
    }
    Objects.requireNonNull(points, "points");
    Objects.requireNonNull(tolerance, "tolerance");
    double value = points.orElse(0);
    if (!(value >= 0 && Double.isFinite(value))) {
      throw new IllegalArgumentException(
          "points for '" + match + "' is " + Text.number(value)
              + "; it must be a number, at least 0");
    }
    if (points.isEmpty() && tolerance.isEmpty()) {
      throw new IllegalArgumentException(
          "the rule for '" + match + "' sets neither points nor tolerance");
    }
  }

  /** Whether this rule applies to {@code stepId}. */
  public boolean matches(String stepId) {
    return Glob.matches(match, stepId);
  }
}
