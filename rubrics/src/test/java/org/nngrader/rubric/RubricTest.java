package org.nngrader.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class RubricTest {

  private static StepRule points(String match, double points) {
    return new StepRule(match, OptionalDouble.of(points), Optional.empty());
  }

  private static StepRule tolerance(String match, Tolerance tolerance) {
    return new StepRule(match, OptionalDouble.empty(), Optional.of(tolerance));
  }

  private static Rubric with(StepRule... rules) {
    Rubric d = Rubric.defaults("test");
    return new Rubric(
        d.name(), d.description(), d.defaultPoints(), d.defaultTolerance(), List.of(rules),
        d.followThrough(), d.misconceptionCredit(), d.roundingNoteCredit(), d.reveal(), d.late());
  }

  @Test
  void defaultsApplyWhenNoRuleMatches() {
    Rubric rubric = with(points("dE_total/dw*", 2));
    assertThat(rubric.pointsFor("net_h1")).isEqualTo(1);
    assertThat(rubric.toleranceFor("net_h1")).isEqualTo(Tolerance.DEFAULT);
  }

  @Test
  void firstMatchingRuleWinsInFileOrder() {
    Rubric rubric = with(points("dE_total/dw5", 5), points("dE_total/dw*", 2), points("*", 3));
    assertThat(rubric.pointsFor("dE_total/dw5")).isEqualTo(5);
    assertThat(rubric.pointsFor("dE_total/dw1")).isEqualTo(2);
    assertThat(rubric.pointsFor("w5+")).isEqualTo(3);
  }

  @Test
  void eachSettingFallsThroughToTheFirstRuleThatSetsIt() {
    Rubric rubric =
        with(
            tolerance("d*/d*", Tolerance.relative(1e-3)),
            points("dE_total/dw*", 2),
            tolerance("dE_total/dw5", Tolerance.significantFigures(3)));
    // The tolerance-only rule does not reset points; the points-only rule does not reset
    // the tolerance; the third rule's tolerance is hidden by the first (the loader rejects
    // such a file, the record does not).
    assertThat(rubric.pointsFor("dE_total/dw5")).isEqualTo(2);
    assertThat(rubric.toleranceFor("dE_total/dw5")).isEqualTo(Tolerance.relative(1e-3));
    assertThat(rubric.pointsFor("dout_o1/dnet_o1")).isEqualTo(1);
    assertThat(rubric.toleranceFor("net_o1")).isEqualTo(Tolerance.DEFAULT);
  }

  @Test
  void stepIdsWithSpecialCharactersMatchLiterally() {
    Rubric rubric =
        with(
            points("a1^[2]", 4),
            points("dL/dw11^[1]", 3),
            points("w?+", 2),
            points("E_total@1", 6),
            points("L_improvement_pct@*", 7));
    assertThat(rubric.pointsFor("a1^[2]")).isEqualTo(4);
    assertThat(rubric.pointsFor("a12")).isEqualTo(1);
    assertThat(rubric.pointsFor("dL/dw11^[1]")).isEqualTo(3);
    assertThat(rubric.pointsFor("w5+")).isEqualTo(2);
    assertThat(rubric.pointsFor("w11^[1]+")).isEqualTo(1);
    assertThat(rubric.pointsFor("E_total@1")).isEqualTo(6);
    assertThat(rubric.pointsFor("E_total@10000")).isEqualTo(1);
    assertThat(rubric.pointsFor("L_improvement_pct@1")).isEqualTo(7);
    assertThat(rubric.pointsFor("e_total@1")).isEqualTo(1); // case-sensitive
  }

  @Test
  void checkFollowThroughUsesEachInputsToleranceFromTheRubric() {
    Rubric strict = with(tolerance("a", Tolerance.absolute(1e-9)));
    Rubric lenient = with(tolerance("a", Tolerance.absolute(1e-3)));
    Map<String, Double> reference = Map.of("a", 1.0000003);
    Map<String, Double> student = Map.of("a", 1.0);
    assertThat(strict.checkFollowThrough(student, reference, List.of()).allowed()).isFalse();
    assertThat(lenient.checkFollowThrough(student, reference, List.of()).allowed()).isTrue();
  }

  @Test
  void applyLateUsesTheRubricsPolicy() {
    Rubric d = Rubric.defaults("late");
    Rubric rubric =
        new Rubric(
            d.name(), d.description(), d.defaultPoints(), d.defaultTolerance(), d.steps(),
            d.followThrough(), d.misconceptionCredit(), d.roundingNoteCredit(), d.reveal(),
            LatePolicy.fractionOff(0.2));
    assertThat(rubric.applyLate(8, 10, true, Instant.EPOCH)).isEqualTo(6);
    assertThat(rubric.applyLate(8, 10, false, Instant.EPOCH)).isEqualTo(8);
    assertThat(d.applyLate(8, 10, true, null)).isEqualTo(8);
  }

  @Test
  void stepsAreCopiedAndUnmodifiable() {
    List<StepRule> rules = new ArrayList<>(List.of(points("a", 2)));
    Rubric d = Rubric.defaults("copy");
    Rubric rubric =
        new Rubric(
            d.name(), d.description(), d.defaultPoints(), d.defaultTolerance(), rules,
            d.followThrough(), d.misconceptionCredit(), d.roundingNoteCredit(), d.reveal(),
            d.late());
    rules.add(points("b", 3));
    assertThat(rubric.steps()).hasSize(1);
    assertThatThrownBy(() -> rubric.steps().add(points("c", 1)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void constructorRejectsValuesOutOfRange() {
    Rubric d = Rubric.defaults("x");
    assertThatThrownBy(
            () -> new Rubric(" ", "", 1, Tolerance.DEFAULT, List.of(), d.followThrough(), 0, 1,
                Reveal.ALL, LatePolicy.NONE))
        .hasMessage("a rubric needs a name");
    assertThatThrownBy(
            () -> new Rubric("x", "", -1, Tolerance.DEFAULT, List.of(), d.followThrough(), 0, 1,
                Reveal.ALL, LatePolicy.NONE))
        .hasMessage("points is -1; it must be a number, at least 0");
    assertThatThrownBy(
            () -> new Rubric("x", "", 1, Tolerance.DEFAULT, List.of(), d.followThrough(), 1.5, 1,
                Reveal.ALL, LatePolicy.NONE))
        .hasMessage("misconceptionCredit is 1.5; it must be between 0 and 1");
    assertThatThrownBy(
            () -> new Rubric("x", "", 1, Tolerance.DEFAULT, List.of(), d.followThrough(), 0, -0.5,
                Reveal.ALL, LatePolicy.NONE))
        .hasMessage("roundingNoteCredit is -0.5; it must be between 0 and 1");
  }

  @Test
  void stepRuleRejectsBadPatternsAndEmptyRules() {
    assertThatThrownBy(() -> points("w 5+", 1)).hasMessageContaining("contains white space");
    assertThatThrownBy(() -> points("", 1)).hasMessageContaining("is empty");
    assertThatThrownBy(() -> points("w5+", -2))
        .hasMessage("points for 'w5+' is -2; it must be a number, at least 0");
    assertThatThrownBy(() -> new StepRule("w5+", OptionalDouble.empty(), Optional.empty()))
        .hasMessage("the rule for 'w5+' sets neither points nor tolerance");
  }
}
