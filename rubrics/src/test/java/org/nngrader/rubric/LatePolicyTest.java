package org.nngrader.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LatePolicyTest {
  private static final Instant DEADLINE = Instant.parse("2026-12-01T23:59:00Z");

  @Test
  void noneNeverChangesTheScore() {
    assertThat(LatePolicy.NONE.apply(7, 10, true, DEADLINE.plusSeconds(86_400))).isEqualTo(7);
    assertThat(LatePolicy.NONE.describe()).isEqualTo("no late penalty");
  }

  @Test
  void fractionOffTakesAFractionOfTheMaximumFromLateWork() {
    LatePolicy tenPercent = LatePolicy.fractionOff(0.1);
    assertThat(tenPercent.apply(7, 20, true, null)).isCloseTo(5, within(1e-12));
    assertThat(tenPercent.apply(7, 20, false, null)).isEqualTo(7);
    assertThat(tenPercent.apply(1, 20, true, null)).isZero(); // never below 0
    assertThat(tenPercent.describe()).isEqualTo("late work loses 10% of the points");
  }

  @Test
  void zeroAfterZeroesWorkAfterTheDateWhateverTheFlag() {
    LatePolicy policy = LatePolicy.zeroAfter(DEADLINE, 0);
    assertThat(policy.apply(9, 10, true, DEADLINE.plusSeconds(1))).isZero();
    assertThat(policy.apply(9, 10, false, DEADLINE.plusSeconds(1))).isZero();
    assertThat(policy.apply(9, 10, true, DEADLINE)).isEqualTo(9); // strictly after
    assertThat(policy.apply(9, 10, true, DEADLINE.minusSeconds(60))).isEqualTo(9);
    assertThat(policy.describe()).isEqualTo("work submitted after 2026-12-01T23:59:00Z scores 0");
  }

  @Test
  void zeroAfterTakesItsFractionFromLateWorkBeforeTheDate() {
    LatePolicy policy = LatePolicy.zeroAfter(DEADLINE, 0.25);
    assertThat(policy.apply(9, 10, true, DEADLINE.minusSeconds(60))).isCloseTo(6.5, within(1e-12));
    assertThat(policy.apply(9, 10, false, DEADLINE.minusSeconds(60))).isEqualTo(9);
    assertThat(policy.apply(9, 10, true, DEADLINE.plusSeconds(60))).isZero();
    assertThat(policy.describe())
        .isEqualTo("late work loses 25% of the points; work submitted after"
            + " 2026-12-01T23:59:00Z scores 0");
  }

  @Test
  void lateWorkWithNoKnownTimeIsNotZeroedOnAGuess() {
    LatePolicy policy = LatePolicy.zeroAfter(DEADLINE, 0.1);
    assertThat(policy.apply(9, 10, true, null)).isCloseTo(8, within(1e-12));
  }

  @Test
  void scoresOutsideZeroToMaxAreCallerBugs() {
    assertThatThrownBy(() -> LatePolicy.NONE.apply(11, 10, false, null))
        .hasMessageContaining("between 0 and the maximum");
    assertThatThrownBy(() -> LatePolicy.NONE.apply(-1, 10, false, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LatePolicy.NONE.apply(1, Double.NaN, false, null))
        .isInstanceOf(IllegalArgumentException.class);
    // A rounding hair above the maximum is a sum of fractional credits, not a bug.
    assertThat(LatePolicy.NONE.apply(0.1 + 0.2, 0.3, false, null)).isEqualTo(0.1 + 0.2);
  }

  @Test
  void constructorChecksWhichSettingsEachPolicyTakes() {
    assertThatThrownBy(() -> LatePolicy.fractionOff(1.5))
        .hasMessage("late fraction is 1.5; it must be between 0 and 1");
    assertThatThrownBy(() -> new LatePolicy(LatePolicy.Kind.NONE, 0.1, null))
        .hasMessage("late policy none takes no fraction");
    assertThatThrownBy(() -> new LatePolicy(LatePolicy.Kind.ZERO_AFTER, 0, null))
        .hasMessage("late policy zero-after needs a date");
    assertThatThrownBy(() -> new LatePolicy(LatePolicy.Kind.FRACTION_OFF, 0.1, DEADLINE))
        .hasMessage("late policy fraction-off takes no date");
  }
}
