package org.nngrader.grader.engine;

import org.nngrader.bank.expr.EquivalenceChecker;
import org.nngrader.rubric.Tolerance;

/**
 * The equivalence checker of an expression step, from the rubric's tolerance for that step. The
 * checker compares the student's expression with the reference at random points and accepts a
 * point when {@code |s - r| <= relative * scale} or {@code |s - r| <= absolute floor}, where the
 * scale covers the size of the numbers in the reference (see {@link EquivalenceChecker}); the
 * rubric's tolerance maps onto those two settings:
 *
 * <ul>
 *   <li>relative {@code r} (also the relative part of a combined tolerance): relative {@code
 *       r}, so {@code -0.2484*y + 0.07006} for {@code -0.248442*y + 0.070060644} passes at 0.1%;
 *   <li>absolute {@code a} (also the absolute part of a combined tolerance): the absolute
 *       floor, a deviation of the expression's value at each point that is always accepted;
 *   <li>{@code n} significant figures: relative {@code 5 * 10^-n}, half a unit in the n-th
 *       digit, as for a number rounded to {@code n} figures;
 *   <li>{@code d} decimal places: the absolute floor {@code 0.5 * 10^-d}.
 * </ul>
 *
 * Where the tolerance has no relative part the checker's default ({@value
 * EquivalenceChecker#DEFAULT_RELATIVE_TOLERANCE}, exact up to rounding noise) is used, and
 * where it has no absolute part the default floor; a relative part of 1 (allowed by a rubric,
 * not by the checker) is capped at 0.5. The points and the seed are the checker's defaults, so
 * the same answer always gets the same verdict.
 */
final class ExpressionTolerance {

  /** The largest relative tolerance the checker is given. */
  static final double MAX_RELATIVE = 0.5;

  private ExpressionTolerance() {}

  static EquivalenceChecker checker(Tolerance t) {
    double relative = EquivalenceChecker.DEFAULT_RELATIVE_TOLERANCE;
    double floor = EquivalenceChecker.DEFAULT_ABSOLUTE_FLOOR;
    switch (t.mode()) {
      case ABSOLUTE, RELATIVE, COMBINED -> {
        if (t.relative() > 0) {
          relative = Math.min(t.relative(), MAX_RELATIVE);
        }
        floor = Math.max(floor, t.absolute());
      }
      case SIGNIFICANT_FIGURES -> relative = Math.min(5 * Math.pow(10, -t.digits()), MAX_RELATIVE);
      case DECIMAL_PLACES -> floor = Math.max(floor, 0.5 * Math.pow(10, -t.digits()));
    }
    return EquivalenceChecker.defaults().withRelativeTolerance(relative)
        .withAbsoluteFloor(floor);
  }
}
