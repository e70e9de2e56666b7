package org.nngrader.bank.expr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The verdict of comparing a student's expression with the reference at random points.
 *
 * @param verdict what the comparison found
 * @param unknownNames for {@link Verdict#UNKNOWN_SYMBOL} and {@link Verdict#UNKNOWN_FUNCTION}: the
 *     names the exercise does not have, sorted; empty otherwise
 * @param knownNames for the unknown-name verdicts: the exercise's names of that kind, so the
 *     message can say what to write instead; empty otherwise
 * @param maxRelativeDeviation the largest {@code |student - reference| / scale} over the points
 *     (see {@link EquivalenceChecker} for the scale); {@code +Infinity} when the student's
 *     expression is undefined at a point where the reference is defined; {@code NaN} when no point
 *     was evaluated (unknown names)
 * @param points the number of random points evaluated; 0 for the unknown-name verdicts
 */
public record Equivalence(
    Verdict verdict,
    SortedSet<String> unknownNames,
    SortedSet<String> knownNames,
    double maxRelativeDeviation,
    int points) {

  /** What a comparison can find. */
  public enum Verdict {
    /** Within tolerance of the reference at every point. */
    EQUIVALENT,
    /** Outside tolerance at one point or more. */
    NOT_EQUIVALENT,
    /** Uses a symbol the exercise does not have; not evaluated. */
    UNKNOWN_SYMBOL,
    /** Uses an abstract function the exercise does not have; not evaluated. */
    UNKNOWN_FUNCTION
  }

  public Equivalence {
    Objects.requireNonNull(verdict, "verdict");
    unknownNames = Collections.unmodifiableSortedSet(new TreeSet<>(unknownNames));
    knownNames = Collections.unmodifiableSortedSet(new TreeSet<>(knownNames));
    boolean unknown = verdict == Verdict.UNKNOWN_SYMBOL || verdict == Verdict.UNKNOWN_FUNCTION;
    if (unknown != !unknownNames.isEmpty()) {
      throw new IllegalArgumentException(
          "verdict "
              + verdict
              + " with unknown names "
              + unknownNames
              + "; names are given exactly for the unknown-name verdicts");
    }
    if (!unknown && !knownNames.isEmpty()) {
      throw new IllegalArgumentException(
          "verdict "
              + verdict
              + " with known names "
              + knownNames
              + "; known names are given only for the unknown-name verdicts");
    }
    if (unknown ? points != 0 : points < 1) {
      throw new IllegalArgumentException(
          "verdict "
              + verdict
              + " after "
              + points
              + " points; "
              + (unknown ? "nothing is evaluated when a name is unknown" : "at least 1 is needed"));
    }
    if (!unknown && !(maxRelativeDeviation >= 0)) {
      throw new IllegalArgumentException(
          "maxRelativeDeviation is " + maxRelativeDeviation + "; it must be >= 0 or +Infinity");
    }
  }

  static Equivalence evaluated(boolean equivalent, double maxRelativeDeviation, int points) {
    return new Equivalence(
        equivalent ? Verdict.EQUIVALENT : Verdict.NOT_EQUIVALENT,
        new TreeSet<>(),
        new TreeSet<>(),
        maxRelativeDeviation,
        points);
  }

  /** An unknown-name verdict: the names the exercise does not have, and those it has. */
  public static Equivalence unknown(Verdict verdict, SortedSet<String> unknown,
      SortedSet<String> known) {
    return new Equivalence(verdict, unknown, known, Double.NaN, 0);
  }

  /** Whether the verdict is {@link Verdict#EQUIVALENT}. */
  public boolean isEquivalent() {
    return verdict == Verdict.EQUIVALENT;
  }

  /** The verdict in words, for feedback; names unknown names and what the exercise has instead. */
  public String message() {
    switch (verdict) {
      case EQUIVALENT:
        return String.format(
            Locale.ROOT,
            "equal to the expected expression at %d random points (largest relative deviation"
                + " %.3g)",
            points,
            maxRelativeDeviation);
      case NOT_EQUIVALENT:
        return String.format(
            Locale.ROOT,
            "not equal to the expected expression: at %d random points the largest relative"
                + " deviation is %.3g",
            points,
            maxRelativeDeviation);
      case UNKNOWN_SYMBOL:
        return unknownMessage("symbol", "symbols");
      default:
        return unknownMessage("function", "functions");
    }
  }

  private String unknownMessage(String kind, String kinds) {
    List<String> hints = new ArrayList<>();
    for (String name : unknownNames) {
      for (String known : knownNames) {
        if (looksAlike(name, known)) {
          hints.add(name + " -> " + known);
          break;
        }
      }
    }
    String subject =
        unknownNames.size() == 1
            ? "the " + kind + " " + unknownNames.first() + ", which this exercise does not have"
            : "the "
                + kinds
                + " "
                + String.join(", ", unknownNames)
                + ", which this exercise does not have";
    String instead =
        knownNames.isEmpty()
            ? "; this exercise has no " + kinds
            : "; its " + kinds + " are " + String.join(", ", knownNames);
    String hint = hints.isEmpty() ? "" : " (did you mean " + String.join(", ", hints) + "?)";
    return "uses " + subject + instead + hint;
  }

  /** Same name up to case and underscores: {@code Y_hat} for {@code y_hat}, {@code zout}. */
  private static boolean looksAlike(String a, String b) {
    return a.replace("_", "").equalsIgnoreCase(b.replace("_", ""));
  }
}
