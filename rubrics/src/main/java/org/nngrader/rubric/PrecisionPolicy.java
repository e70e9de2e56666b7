package org.nngrader.rubric;

/**
 * What an answer written with too few figures earns. An answer that is the right value (or
 * right from the student's own earlier answers) at the precision it was written, but outside
 * the tolerance, is <em>imprecise</em>: below {@code minimumFigures} significant figures it
 * earns nothing, at or above it earns {@code credit} of the step's points (the feedback adds a
 * note). An answer inside the tolerance but written with fewer than {@code minimumFigures}
 * figures, and not the exact value, is imprecise too: "-0.0001" for -0.000117 is not a result
 * to three figures. Immutable.
 *
 * @param minimumFigures the significant figures a sheet asks for, 1 to {@link
 *     Tolerance#MAX_DIGITS}
 * @param credit the fraction of a step's points for an imprecise answer with enough figures
 */
public record PrecisionPolicy(int minimumFigures, double credit) {

  /** Three significant figures, full credit with a note: what most courses ask. */
  public static final PrecisionPolicy DEFAULT = new PrecisionPolicy(3, 1.0);

  public PrecisionPolicy {
    if (minimumFigures < 1 || minimumFigures > Tolerance.MAX_DIGITS) {
      throw new IllegalArgumentException("precision.minimumFigures is " + minimumFigures
          + "; it must be a whole number from 1 to " + Tolerance.MAX_DIGITS);
    }
    if (!(credit >= 0 && credit <= 1)) {
      throw new IllegalArgumentException(
          "precision.credit is " + Text.number(credit) + "; it must be between 0 and 1");
    }
  }

  /** Whether an answer with this many significant figures earns the credit. */
  public boolean enough(int figures) {
    return figures >= minimumFigures;
  }
}
