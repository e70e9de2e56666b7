package org.nngrader.rubric;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a problem set is scored: points and tolerance per step, follow-through, misconception
 * and rounding-note credit, what the feedback reveals, and the late policy.
 *
 * <p>Per-step settings come from {@link #steps()}, an ordered list of rules. For each setting
 * separately (points, tolerance), the first rule in file order that matches the step and sets
 * it wins; a step that no rule sets it for gets the rubric default. So a rule that only sets a
 * tolerance does not reset the step's points, and vice versa.
 *
 * <p>Immutable and thread-safe. Built by {@link RubricLoader}, which validates every field and
 * checks the rules that span fields (such as a rule that can never apply because an earlier one
 * covers it) with messages naming file, line and field; the constructor checks single values.
 *
 * @param name the rubric's name, as given to {@code --rubric} and written to the manifest
 * @param description one line for people choosing a rubric
 * @param defaultPoints points for a step no rule gives points to
 * @param defaultTolerance tolerance for a step no rule gives a tolerance to
 * @param steps per-step rules, in file order
 * @param followThrough the credit for a wrong value right from the student's own earlier
 *     values, and the rule against gaming it
 * @param misconceptionCredit the fraction of a step's points for an answer that matches a
 *     known misconception
 * @param roundingNoteCredit the fraction of a step's points for an answer off only because
 *     intermediates were rounded too early (the feedback adds a note)
 * @param reveal what the feedback shows besides verdicts
 * @param late what late submission costs
 * @param precision what an answer written with too few significant figures earns
 * @param guessable whether an answer that can be guessed from the givens (0, a target) is
 *     credited only with the student's own work supporting it, or never
 */
public record Rubric(
    String name,
    String description,
    double defaultPoints,
    Tolerance defaultTolerance,
    List<StepRule> steps,
    FollowThroughPolicy followThrough,
    double misconceptionCredit,
    double roundingNoteCredit,
    Reveal reveal,
    LatePolicy late,
    PrecisionPolicy precision,
    Guessable guessable) {

  static final double DEFAULT_POINTS = 1;
  static final double DEFAULT_MISCONCEPTION_CREDIT = 0;
  static final double DEFAULT_ROUNDING_NOTE_CREDIT = 1;

  public Rubric {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a rubric needs a name");
    }
    Objects.requireNonNull(description, "description");
    if (!(defaultPoints >= 0 && Double.isFinite(defaultPoints))) {
      throw new IllegalArgumentException(
          "points is " + Text.number(defaultPoints) + "; it must be a number, at least 0");
    }
    Objects.requireNonNull(defaultTolerance, "defaultTolerance");
    steps = List.copyOf(steps);
    Objects.requireNonNull(followThrough, "followThrough");
    requireFraction(misconceptionCredit, "misconceptionCredit");
    requireFraction(roundingNoteCredit, "roundingNoteCredit");
    Objects.requireNonNull(reveal, "reveal");
    Objects.requireNonNull(late, "late");
    Objects.requireNonNull(precision, "precision");
    Objects.requireNonNull(guessable, "guessable");
  }

  /** A rubric with the default precision policy and guessable answers credited when supported. */
  public Rubric(String name, String description, double defaultPoints, Tolerance defaultTolerance,
      List<StepRule> steps, FollowThroughPolicy followThrough, double misconceptionCredit,
      double roundingNoteCredit, Reveal reveal, LatePolicy late) {
    this(name, description, defaultPoints, defaultTolerance, steps, followThrough,
        misconceptionCredit, roundingNoteCredit, reveal, late, PrecisionPolicy.DEFAULT,
        Guessable.SUPPORTED);
  }

  /** A rubric with every default and no per-step rules. */
  static Rubric defaults(String name) {
    return new Rubric(
        name,
        "",
        DEFAULT_POINTS,
        Tolerance.DEFAULT,
        List.of(),
        FollowThroughPolicy.DEFAULT,
        DEFAULT_MISCONCEPTION_CREDIT,
        DEFAULT_ROUNDING_NOTE_CREDIT,
        Reveal.ALL,
        LatePolicy.NONE,
        PrecisionPolicy.DEFAULT,
        Guessable.SUPPORTED);
  }

  /** Points for the step: from the first matching rule that sets points, else the default. */
  public double pointsFor(String stepId) {
    Objects.requireNonNull(stepId, "stepId");
    for (StepRule rule : steps) {
      if (rule.points().isPresent() && rule.matches(stepId)) {
        return rule.points().getAsDouble();
      }
    }
    return defaultPoints;
  }

  /** Tolerance for the step: from the first matching rule that sets one, else the default. */
  public Tolerance toleranceFor(String stepId) {
    Objects.requireNonNull(stepId, "stepId");
    for (StepRule rule : steps) {
      if (rule.tolerance().isPresent() && rule.matches(stepId)) {
        return rule.tolerance().get();
      }
    }
    return defaultTolerance;
  }

  /**
   * The anti-gaming rule of {@link FollowThroughPolicy} for one step, deciding whether each
   * input is wrong with that input's own tolerance from this rubric.
   */
  public FollowThroughPolicy.Check checkFollowThrough(
      Map<String, Double> studentInputs,
      Map<String, Double> referenceInputs,
      Collection<Double> givenValues) {
    return followThrough.check(studentInputs, referenceInputs, givenValues, this::toleranceFor);
  }

  /**
   * {@link #checkFollowThrough(Map, Map, Collection)} where some inputs stand for a trivial
   * value they are very close to; {@code standsFor} holds what the student wrote for them.
   */
  public FollowThroughPolicy.Check checkFollowThrough(
      Map<String, Double> studentInputs,
      Map<String, Double> referenceInputs,
      Collection<Double> givenValues,
      Map<String, String> standsFor) {
    return followThrough.check(studentInputs, referenceInputs, givenValues, this::toleranceFor,
        standsFor);
  }

  /** The score after this rubric's late policy; see {@link LatePolicy#apply}. */
  public double applyLate(double score, double max, boolean late, Instant submittedAt) {
    return this.late.apply(score, max, late, submittedAt);
  }

  private static void requireFraction(double value, String field) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(
          field + " is " + Text.number(value) + "; it must be between 0 and 1");
    }
  }
}
