package org.nngrader.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The anti-gaming rule, on the classic 2-2-2 example: i1=0.05, i2=0.10, w1..w8 = 0.15, 0.20,
 * 0.25, 0.30, 0.40, 0.45, 0.50, 0.55, b1=0.35, b2=0.60, targets 0.01, 0.99, eta=0.5.
 */
class FollowThroughPolicyTest {
  private static final List<Double> GIVEN =
      List.of(0.05, 0.10, 0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55, 0.35, 0.60, 0.01, 0.99,
          0.5);

  // dE_total/dw5 = dE_total/dout_o1 * dout_o1/dnet_o1 * dnet_o1/dw5
  private static final Map<String, Double> REFERENCE =
      Map.of(
          "dE_total/dout_o1", 0.74136507,
          "dout_o1/dnet_o1", 0.186815602,
          "dnet_o1/dw5", 0.593269992);

  private static final FollowThroughPolicy POLICY = FollowThroughPolicy.DEFAULT;

  private static Map<String, Double> student(String id, double value) {
    Map<String, Double> values = new java.util.HashMap<>(REFERENCE);
    values.put(id, value);
    return values;
  }

  private static FollowThroughPolicy.Check check(Map<String, Double> student) {
    return POLICY.check(student, REFERENCE, GIVEN, id -> Tolerance.DEFAULT);
  }

  @Test
  void rightInputsAllowFollowThrough() {
    assertThat(check(REFERENCE).allowed()).isTrue();
    assertThat(check(student("dout_o1/dnet_o1", 0.1868)).allowed()).isTrue();
  }

  @Test
  void aWrongButNonTrivialInputAllowsFollowThrough() {
    FollowThroughPolicy.Check check = check(student("dout_o1/dnet_o1", 0.21));
    assertThat(check.allowed()).isTrue();
    assertThat(check.trivialInputs()).isEmpty();
    assertThat(check.reason()).isEmpty();
  }

  @Test
  void aWrongZeroOneOrMinusOneRefusesFollowThrough() {
    for (double trivial : new double[] {0, 1, -1, -0.0}) {
      FollowThroughPolicy.Check check = check(student("dout_o1/dnet_o1", trivial));
      assertThat(check.allowed()).as("%s", trivial).isFalse();
      assertThat(check.trivialInputs()).containsExactly("dout_o1/dnet_o1");
    }
    assertThat(check(student("dout_o1/dnet_o1", 1)).reason())
        .startsWith("No follow-through credit: your dout_o1/dnet_o1 is 1, which is wrong and"
            + " trivial.");
  }

  @Test
  void aWrongCopyOfAGivenValueRefusesFollowThrough() {
    // dnet_o1/dw5 is out_h1 (0.5933); writing the input i1 instead is the trick.
    FollowThroughPolicy.Check check = check(student("dnet_o1/dw5", 0.05));
    assertThat(check.allowed()).isFalse();
    assertThat(check.reason())
        .contains("your dnet_o1/dw5 is 0.05, which is wrong and a copy of the given value 0.05");
    // Within one part in 10^12 still counts as a copy (a value pasted through a spreadsheet).
    assertThat(check(student("dnet_o1/dw5", 0.05 * (1 + 1e-13))).allowed()).isFalse();
    // Close to a given value, but not a copy.
    assertThat(check(student("dnet_o1/dw5", 0.0500001)).allowed()).isTrue();
  }

  @Test
  void theReasonNeverRevealsAnExpectedValue() {
    String reason = check(student("dout_o1/dnet_o1", 0)).reason();
    assertThat(reason).doesNotContain("0.186815602").doesNotContain("0.1868");
  }

  @Test
  void aTrivialExpectedValueExcusesATrivialMistakeOfTheSameKind() {
    // ReLU derivative: expected 1, written 0.
    Map<String, Double> reference = Map.of("dh1/dz1", 1.0, "dL/dh1", -0.3);
    assertThat(POLICY.allowsFollowThrough(Map.of("dh1/dz1", 0.0, "dL/dh1", -0.3), reference, GIVEN))
        .isTrue();
    // dnet_h1/dw1 is i1 = 0.05; writing i2 = 0.10 is an honest mistake.
    Map<String, Double> dnetDw = Map.of("dnet_h1/dw1", 0.05);
    assertThat(POLICY.allowsFollowThrough(Map.of("dnet_h1/dw1", 0.10), dnetDw, GIVEN)).isTrue();
  }

  @Test
  void aTrivialExpectedValueOfAnotherKindDoesNotExcuse() {
    // Expected a given value (i1), written 0: the 0 is not excused by i1 being given.
    Map<String, Double> dnetDw = Map.of("dnet_h1/dw1", 0.05);
    assertThat(POLICY.allowsFollowThrough(Map.of("dnet_h1/dw1", 0.0), dnetDw, GIVEN)).isFalse();
    // Expected 1 (a unit), written a copy of w1: the copy is not excused by 1 being a unit.
    Map<String, Double> relu = Map.of("dh1/dz1", 1.0);
    assertThat(POLICY.allowsFollowThrough(Map.of("dh1/dz1", 0.15), relu, GIVEN)).isFalse();
  }

  @Test
  void aValueTrivialInTwoWaysIsExcusedIfEitherWayIsShared() {
    // A bias of 0 is given; the ReLU derivative is expected 1 and written 0.
    List<Double> givenWithZero = List.of(0.05, 0.0);
    assertThat(POLICY.allowsFollowThrough(Map.of("dh1/dz1", 0.0), Map.of("dh1/dz1", 1.0),
        givenWithZero)).isTrue();
  }

  @Test
  void aNonFiniteInputRefusesFollowThrough() {
    FollowThroughPolicy.Check check = check(student("dE_total/dout_o1", Double.NaN));
    assertThat(check.allowed()).isFalse();
    assertThat(check.reason()).contains("your dE_total/dout_o1 is not a finite number");
  }

  @Test
  void everyRefusedInputIsNamedInSortedOrder() {
    Map<String, Double> student =
        Map.of("dE_total/dout_o1", 1.0, "dout_o1/dnet_o1", 0.186815602, "dnet_o1/dw5", 0.4);
    FollowThroughPolicy.Check check = check(student);
    assertThat(check.trivialInputs()).containsExactly("dE_total/dout_o1", "dnet_o1/dw5");
    assertThat(check.reason())
        .isEqualTo("No follow-through credit: your dE_total/dout_o1 is 1, which is wrong and"
            + " trivial; your dnet_o1/dw5 is 0.4, which is wrong and a copy of the given value"
            + " 0.4. Steps worked out from a wrong trivial value (0, 1, -1 or a copy of a given"
            + " value) earn no follow-through credit; work that step out and the later ones"
            + " will count.");
  }

  @Test
  void wrongIsJudgedWithEachInputsOwnTolerance() {
    Map<String, Double> reference = Map.of("a", 1.0000003);
    Map<String, Double> student = Map.of("a", 1.0);
    assertThat(POLICY.check(student, reference, GIVEN, id -> Tolerance.DEFAULT).allowed()).isTrue();
    assertThat(POLICY.check(student, reference, GIVEN, id -> Tolerance.absolute(1e-9)).allowed())
        .isFalse();
  }

  @Test
  void theRuleCanBeSwitchedOff() {
    FollowThroughPolicy lenient = new FollowThroughPolicy(0.5, false);
    assertThat(lenient.allowsFollowThrough(student("dout_o1/dnet_o1", 0), REFERENCE, GIVEN)).isTrue();
  }

  @Test
  void anInputWithoutAnExpectedValueIsACallerBug() {
    assertThatThrownBy(() -> check(Map.of("dL/dw9", 0.3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no expected value for input 'dL/dw9'");
  }

  @Test
  void creditMustBeAFraction() {
    assertThatThrownBy(() -> new FollowThroughPolicy(1.2, true))
        .hasMessage("follow-through credit is 1.2; it must be between 0 and 1");
  }
}
