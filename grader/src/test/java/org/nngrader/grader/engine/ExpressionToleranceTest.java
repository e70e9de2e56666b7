package org.nngrader.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nngrader.bank.expr.EquivalenceChecker;
import org.nngrader.rubric.Tolerance;

/** How a rubric's tolerance becomes the relative tolerance and floor of the checker. */
class ExpressionToleranceTest {

  @Test
  void relativeAndCombinedGiveTheirRelativePartAndAbsoluteFloor() {
    EquivalenceChecker c = ExpressionTolerance.checker(Tolerance.combined(1e-9, 1e-3));
    assertThat(c.relativeTolerance()).isEqualTo(1e-3);
    assertThat(c.absoluteFloor()).isEqualTo(1e-9);
    assertThat(ExpressionTolerance.checker(Tolerance.relative(0.02)).relativeTolerance())
        .isEqualTo(0.02);
    assertThat(ExpressionTolerance.checker(Tolerance.relative(0.02)).absoluteFloor())
        .isEqualTo(EquivalenceChecker.DEFAULT_ABSOLUTE_FLOOR);
  }

  @Test
  void significantFiguresAreHalfAUnitInTheLastDigit() {
    assertThat(ExpressionTolerance.checker(Tolerance.significantFigures(4)).relativeTolerance())
        .isEqualTo(5e-4, org.assertj.core.data.Offset.offset(1e-18));
    assertThat(ExpressionTolerance.checker(Tolerance.significantFigures(1)).relativeTolerance())
        .isEqualTo(0.5);
  }

  @Test
  void absoluteAndDecimalPlacesAreFloorsWithTheExactRelativeDefault() {
    EquivalenceChecker abs = ExpressionTolerance.checker(Tolerance.absolute(1e-4));
    assertThat(abs.absoluteFloor()).isEqualTo(1e-4);
    assertThat(abs.relativeTolerance())
        .isEqualTo(EquivalenceChecker.DEFAULT_RELATIVE_TOLERANCE);
    EquivalenceChecker places = ExpressionTolerance.checker(Tolerance.decimalPlaces(3));
    assertThat(places.absoluteFloor()).isEqualTo(5e-4, org.assertj.core.data.Offset.offset(1e-18));
    assertThat(places.relativeTolerance())
        .isEqualTo(EquivalenceChecker.DEFAULT_RELATIVE_TOLERANCE);
  }

  @Test
  void aRelativeToleranceOfOneIsCappedAndTheSeedIsFixed() {
    EquivalenceChecker c = ExpressionTolerance.checker(Tolerance.relative(1));
    assertThat(c.relativeTolerance()).isEqualTo(ExpressionTolerance.MAX_RELATIVE);
    assertThat(c.seed()).isEqualTo(EquivalenceChecker.DEFAULT_SEED);
    assertThat(c.points()).isEqualTo(EquivalenceChecker.DEFAULT_POINTS);
  }
}
