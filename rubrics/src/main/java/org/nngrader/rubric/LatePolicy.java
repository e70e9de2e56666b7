package org.nngrader.rubric;

import java.time.Instant;
import java.util.Locale;

/**
 * What a late submission costs.
 *
 * <ul>
 *   <li>{@link Kind#NONE}: nothing.
 *   <li>{@link Kind#FRACTION_OFF}: a late submission loses {@code fraction} of the maximum
 *       points (the LMS convention: "10% off" takes 10% of the points possible), never going
 *       below 0.
 *   <li>{@link Kind#ZERO_AFTER}: a submission made strictly after {@code deadline} scores 0,
 *       whatever the late flag says; a late one before it loses {@code fraction} of the maximum
 *       points as above (0 by default). A late submission whose time is unknown is treated as
 *       before the deadline: it is never zeroed on a guess.
 * </ul>
 *
 * <p>Immutable. {@code deadline} is present only for {@code ZERO_AFTER}.
 */
public record LatePolicy(Kind kind, double fraction, Instant deadline) {

  /** The policies a rubric can name: {@code none}, {@code fraction-off}, {@code zero-after}. */
  public enum Kind {
    NONE,
    FRACTION_OFF,
    ZERO_AFTER;

    /** The name used in rubric files. */
    public String yamlName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** No late penalty: the default. */
  public static final LatePolicy NONE = new LatePolicy(Kind.NONE, 0, null);

  public LatePolicy {
    if (kind == null) {
      throw new IllegalArgumentException("late policy kind is missing");
    }
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException(
          "late fraction is " + Text.number(fraction) + "; it must be between 0 and 1");
    }
    if (kind == Kind.NONE && fraction != 0) {
      throw new IllegalArgumentException("late policy none takes no fraction");
    }
    if ((kind == Kind.ZERO_AFTER) != (deadline != null)) {
      throw new IllegalArgumentException(
          kind == Kind.ZERO_AFTER
              ? "late policy zero-after needs a date"
              : "late policy " + kind.yamlName() + " takes no date");
    }
  }

  /** Late work loses {@code fraction} of the maximum points. */
  public static LatePolicy fractionOff(double fraction) {
    return new LatePolicy(Kind.FRACTION_OFF, fraction, null);
  }

  /** Work after {@code deadline} scores 0; late work before it loses {@code fractionBefore}. */
  public static LatePolicy zeroAfter(Instant deadline, double fractionBefore) {
    return new LatePolicy(Kind.ZERO_AFTER, fractionBefore, deadline);
  }

  /**
   * The score after the late penalty.
   *
   * @param score the points earned, from 0 to {@code max}
   * @param max the points possible, at least 0
   * @param late the LMS late flag
   * @param submittedAt when the work was submitted, or {@code null} when unknown
   */
  public double apply(double score, double max, boolean late, Instant submittedAt) {
    if (!(max >= 0 && Double.isFinite(max))) {
      throw new IllegalArgumentException("maximum points is " + max + "; it must be at least 0");
    }
    // Scores are sums of fractional credits, so allow a rounding hair above the maximum.
    if (!(score >= 0 && score <= max * (1 + 1e-9) + 1e-12)) {
      throw new IllegalArgumentException(
          "score is " + score + "; it must be between 0 and the maximum " + max);
    }
    if (kind == Kind.ZERO_AFTER && submittedAt != null && submittedAt.isAfter(deadline)) {
      return 0;
    }
    if (kind == Kind.NONE || !late) {
      return score;
    }
    return Math.max(0, score - fraction * max);
  }

  /** The policy in words, for reports and the class summary. */
  public String describe() {
    String off = "late work loses " + Text.percent(fraction) + " of the points";
    return switch (kind) {
      case NONE -> "no late penalty";
      case FRACTION_OFF -> off;
      case ZERO_AFTER ->
          (fraction == 0 ? "" : off + "; ") + "work submitted after " + deadline + " scores 0";
    };
  }
}
