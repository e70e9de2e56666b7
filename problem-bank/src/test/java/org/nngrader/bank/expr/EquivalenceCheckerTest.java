package org.nngrader.bank.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EquivalenceCheckerTest {

  static final Set<String> SYMBOLS = Set.of("dL/dy_hat", "z_out", "y");
  static final Set<String> FUNCTIONS = Set.of("f'", "g'");

  static final String CHAIN = "dL/dy_hat * g'(z_out) * 0.7 * f'(-4.2) * 10";
  static final String LINEAR = "-0.248442*y + 0.070060644";

  private static final EquivalenceChecker EXACT = EquivalenceChecker.defaults();

  static Expr parse(String text) {
    try {
      return ExprParser.parse(text);
    } catch (ExprSyntaxException e) {
      throw new AssertionError(text + ": " + e.getMessage(), e);
    }
  }

  static Equivalence compare(EquivalenceChecker checker, String student, String reference) {
    return checker.compare(parse(student), parse(reference), SYMBOLS, FUNCTIONS);
  }

  @Nested
  class ChainRuleProduct {

    @ParameterizedTest
    @ValueSource(
        strings = {
          CHAIN,
          "7 dL/dy_hat g'(z_out) f'(-4.2)",
          "f'(-4.2)*g'(z_out)*dL/dy_hat*7",
          "∂L/∂ŷ · g′(z_out) × 7 · f_prime(−4.20)",
          "dL/dy_hat * g'(z_out) * (0.7*10) * f'(-4.2)",
          "70/10 * fprime(-4.2) * dL/dy_hat * g_prime(z_out)",
          "-(-7) * dL/dy_hat * g'(z_out) * f'(-4.2)",
          "7*dL/dy_hat*g'(z_out)*f'(-42/10)",
          "(dL/dy_hat)(g'(z_out))(7)f'(-4.2)",
        })
    void equivalentFormsAreEquivalent(String student) {
      Equivalence result = compare(EXACT, student, CHAIN);

      assertThat(result.verdict()).as(student).isEqualTo(Equivalence.Verdict.EQUIVALENT);
      assertThat(result.points()).isEqualTo(EquivalenceChecker.DEFAULT_POINTS);
      assertThat(result.maxRelativeDeviation()).isLessThan(1e-12);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "dL/dy_hat * g'(z_out) * 0.7 * f'(-4.2)", // factor 10 left out
          "dL/dy_hat * 0.7 * f'(-4.2) * 10", // activation derivative left out
          "-dL/dy_hat * g'(z_out) * 0.7 * f'(-4.2) * 10", // sign
          "dL/dy_hat * g'(z_out) * 0.07 * f'(-4.2) * 10", // wrong number
          "dL/dy_hat * g'(z_out) * 0.7 * f'(4.2) * 10", // derivative at the wrong point
          "dL/dy_hat * f'(z_out) * 0.7 * g'(-4.2) * 10", // f and g swapped
          "dL/dy_hat * g'(z_out) * 0.7 * f'(-4.2) * 10 + y", // an extra term
          "dL/dy_hat * g'(z_out) * 0.7 * 10", // f' left out
          "dL/dy_hat * g'(z_out) * 7 * f'(-4.2)^2",
        })
    void wrongFormsAreNotEquivalent(String student) {
      Equivalence result = compare(EXACT, student, CHAIN);

      assertThat(result.verdict()).as(student).isEqualTo(Equivalence.Verdict.NOT_EQUIVALENT);
      assertThat(result.maxRelativeDeviation()).isGreaterThan(1e-3);
    }

    @Test
    void theDerivativeAtMinusXIsToldApartFromTheDerivativeAtX() {
      assertThat(compare(EXACT, "f'(4.2)", "f'(-4.2)").isEquivalent()).isFalse();
      assertThat(compare(EXACT, "f'(-4.20)", "f'(-4.2)").isEquivalent()).isTrue();
      assertThat(compare(EXACT, "f'(-4.2)", "f'(-4.2)").maxRelativeDeviation()).isZero();
    }

    @Test
    void aRoundedArgumentIsJudgedLikeAnyRoundedNumber() {
      assertThat(compare(EXACT.withRelativeTolerance(1e-2), "f'(-4.19)", "f'(-4.2)").isEquivalent())
          .isTrue();
      assertThat(compare(EXACT, "f'(-4.19)", "f'(-4.2)").isEquivalent()).isFalse();
    }
  }

  @Nested
  class RoundedCoefficients {

    @ParameterizedTest
    @ValueSource(
        strings = {
          LINEAR,
          "0.070060644 - 0.248442 y",
          "-(0.248442y - 0.070060644)",
          "-0.248442*(y - 0.282)",
          "0.070060644 + -0.248442*y",
          "0.070060644 − 0.248442·y",
        })
    void equivalentLinearFormsAreEquivalentAtTheDefaultTolerance(String student) {
      assertThat(compare(EXACT, student, LINEAR).verdict())
          .as(student)
          .isEqualTo(Equivalence.Verdict.EQUIVALENT);
    }

    @Test
    void numbersRoundedToFourFiguresPassAtOnePerMilleButNotAtOnePerMillion() {
      String rounded = "-0.2484*y + 0.07006";

      assertThat(compare(EXACT.withRelativeTolerance(1e-3), rounded, LINEAR).verdict())
          .isEqualTo(Equivalence.Verdict.EQUIVALENT);
      assertThat(compare(EXACT, rounded, LINEAR).verdict())
          .isEqualTo(Equivalence.Verdict.NOT_EQUIVALENT);
    }

    @Test
    void numbersRoundedToTwoFiguresPassOnlyAtOnePercent() {
      String rounded = "-0.25y + 0.070";

      assertThat(compare(EXACT.withRelativeTolerance(1e-2), rounded, LINEAR).isEquivalent())
          .isTrue();
      assertThat(compare(EXACT.withRelativeTolerance(1e-3), rounded, LINEAR).isEquivalent())
          .isFalse();
    }

    @Test
    void aWrongSignOnOneTermFailsEvenAtALooseTolerance() {
      assertThat(
              compare(EXACT.withRelativeTolerance(1e-2), "0.2484*y + 0.07006", LINEAR)
                  .isEquivalent())
          .isFalse();
    }

    @Test
    void cancellationNearAZeroOfTheReferenceIsNoFalseNegative() {
      // At y = 0.282 the two terms cancel: the reference is ~0, and the rounded answer differs
      // from it by ~1e-5, which is 100% of the value but far below 1e-3 of the terms.
      Expr reference = parse(LINEAR);
      Expr rounded = parse("-0.2484*y + 0.07006");
      Environment atZero = Environment.of(Map.of("y", 0.282), Map.of());
      double r = reference.evaluate(atZero);
      double s = rounded.evaluate(atZero);
      assertThat(Math.abs(s - r)).isGreaterThan(1e3 * Math.abs(r)); // a plain relative test fails

      assertThat(EXACT.withRelativeTolerance(1e-3).passes(rounded, reference, atZero)).isTrue();
      assertThat(EXACT.passes(rounded, reference, atZero)).isFalse();
      // At a zero of the reference any multiple of it is near zero too, so a single point cannot
      // catch a flipped sign there; the other random points do.
      Expr flipped = parse("0.248442*y - 0.070060644");
      assertThat(EXACT.withRelativeTolerance(1e-3).passes(flipped, reference, atZero)).isTrue();
      assertThat(
              EXACT
                  .withRelativeTolerance(1e-3)
                  .compare(flipped, reference, SYMBOLS, FUNCTIONS)
                  .isEquivalent())
          .isFalse();
    }

    @Test
    void theToleranceScaleIsTheLargestOfValueTermsAndNumberSensitivity() {
      Environment env = Environment.of(Map.of("y", 2.0), Map.of("f", x -> x * x));

      // value 3, terms |2*2| + |1| = 5
      assertThat(ToleranceScale.of(parse("2y - 1"), env)).isEqualTo(5.0);
      // value 4, no numbers: the value itself
      assertThat(ToleranceScale.of(parse("y*y"), env)).isEqualTo(4.0);
      // value f(3) = 9, terms 9, sensitivity |f'(3) * 3| = 18
      assertThat(ToleranceScale.of(parse("f(3)"), env))
          .isCloseTo(18.0, offset(1e-6));
      // value 2^3 = 8, sensitivity |3 * 2^2 * 2| + |8 ln 2 * 3|
      assertThat(ToleranceScale.of(parse("2^3"), env))
          .isCloseTo(24 + 24 * Math.log(2), offset(1e-9));
    }
  }

  @Nested
  class Names {

    @Test
    void anUnknownSymbolIsNamedWithTheExercisesSymbolsAndALookAlike() {
      Equivalence result = compare(EXACT, "dL/dyhat * g'(z_out) * 7 * f'(-4.2) * w", CHAIN);

      assertThat(result.verdict()).isEqualTo(Equivalence.Verdict.UNKNOWN_SYMBOL);
      assertThat(result.unknownNames()).containsExactly("dL/dyhat", "w");
      assertThat(result.points()).isZero();
      assertThat(result.message())
          .isEqualTo(
              "uses the symbols dL/dyhat, w, which this exercise does not have; its symbols are"
                  + " dL/dy_hat, y, z_out (did you mean dL/dyhat -> dL/dy_hat?)");
    }

    @Test
    void anUnknownFunctionIsNamed() {
      Equivalence result = compare(EXACT, "dL/dy_hat * g(z_out) * 7 * f'(-4.2)", CHAIN);

      assertThat(result.verdict()).isEqualTo(Equivalence.Verdict.UNKNOWN_FUNCTION);
      assertThat(result.unknownNames()).containsExactly("g");
      assertThat(result.message())
          .isEqualTo(
              "uses the function g, which this exercise does not have; its functions are exp, f',"
                  + " g', ln, sigmoid, sqrt, tanh");
    }

    @Test
    void builtInFunctionsAreAlwaysAllowed() {
      Equivalence result =
          EXACT.compare(parse("e^(y) * σ(y)"), parse("exp(y) / (1 + exp(-y))"), SYMBOLS, Set.of());

      assertThat(result.verdict()).isEqualTo(Equivalence.Verdict.EQUIVALENT);
    }

    @Test
    void aReferenceOutsideTheExercisesNamesIsAFaultOfTheExercise() {
      assertThatThrownBy(() -> EXACT.compare(parse("y"), parse("w + f(y)"), SYMBOLS, FUNCTIONS))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("uses [f, w], which are not among the allowed symbols");
      assertThatThrownBy(() -> EXACT.compare(parse("y"), parse("y"), SYMBOLS, Set.of("exp")))
          .hasMessageContaining("allowed functions [exp] are not abstract functions");
    }
  }

  @Nested
  class Domains {

    @Test
    void pointsWhereTheReferenceIsUndefinedAreRedrawn() {
      assertThat(compare(EXACT, "y^0.5", "sqrt(y)").isEquivalent()).isTrue();
      assertThat(compare(EXACT, "ln(y^2) / 2", "ln(y)").isEquivalent()).isTrue();
    }

    @Test
    void anAnswerUndefinedWhereTheReferenceIsDefinedIsNotEquivalent() {
      Equivalence result = compare(EXACT, "sqrt(y) * sqrt(y)", "y");

      assertThat(result.verdict()).isEqualTo(Equivalence.Verdict.NOT_EQUIVALENT);
      assertThat(result.maxRelativeDeviation()).isInfinite();
    }

    @Test
    void aReferenceUndefinedEverywhereIsRefused() {
      assertThatThrownBy(() -> compare(EXACT, "y", "sqrt(-1 - y^2)"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("is defined at only 0 of 200 random points");
    }

    @Test
    void aZeroReferenceIsMatchedOnlyByZero() {
      assertThat(compare(EXACT, "y - y", "0").isEquivalent()).isTrue();
      assertThat(compare(EXACT, "0", "y*z_out - z_out*y").isEquivalent()).isTrue();
      assertThat(compare(EXACT, "1e-13", "0").isEquivalent()).isTrue();
      assertThat(compare(EXACT, "1e-6", "0").isEquivalent()).isFalse();
    }
  }

  @Nested
  class Configuration {

    @Test
    void theSameAnswerGetsTheSameVerdictEveryTime() {
      String rounded = "-0.2484*y + 0.07006";
      EquivalenceChecker checker = EXACT.withRelativeTolerance(1e-3);

      Equivalence first = compare(checker, rounded, LINEAR);
      Equivalence second =
          compare(EquivalenceChecker.defaults().withRelativeTolerance(1e-3), rounded, LINEAR);

      assertThat(second).isEqualTo(first);
      assertThat(first.maxRelativeDeviation()).isGreaterThan(0);
    }

    @Test
    void anotherSeedDrawsOtherPointsButKeepsTrueEquivalences() {
      Equivalence a = compare(EXACT, "-0.2484*y + 0.07006", LINEAR);
      Equivalence b = compare(EXACT.withSeed(42), "-0.2484*y + 0.07006", LINEAR);

      assertThat(a.maxRelativeDeviation()).isNotEqualTo(b.maxRelativeDeviation());
      assertThat(
              compare(EXACT.withSeed(42), "7 dL/dy_hat g'(z_out) f'(-4.2)", CHAIN).isEquivalent())
          .isTrue();
    }

    @Test
    void defaultsAreAsDocumented() {
      assertThat(EXACT)
          .isEqualTo(new EquivalenceChecker(8, EquivalenceChecker.DEFAULT_SEED, 1e-6, 1e-12));
      assertThat(EXACT.withPoints(20).points()).isEqualTo(20);
      assertThat(EXACT.withAbsoluteFloor(0).absoluteFloor()).isZero();
      assertThat(compare(EXACT.withPoints(20), CHAIN, CHAIN).points()).isEqualTo(20);
    }

    @Test
    void badSettingsAreNamed() {
      assertThatThrownBy(() -> EXACT.withPoints(0))
          .hasMessage("points is 0; it must be between 1 and 1000");
      assertThatThrownBy(() -> EXACT.withRelativeTolerance(-0.1))
          .hasMessage("relativeTolerance is -0.1; it must be greater than 0 and below 1");
      assertThatThrownBy(() -> EXACT.withRelativeTolerance(Double.NaN))
          .hasMessageContaining("relativeTolerance is NaN");
      assertThatThrownBy(() -> EXACT.withAbsoluteFloor(Double.POSITIVE_INFINITY))
          .hasMessage("absoluteFloor is Infinity; it must be a finite number >= 0");
    }
  }

  @Test
  void messagesSayTheVerdictInWords() {
    assertThat(compare(EXACT, CHAIN, CHAIN).message())
        .isEqualTo(
            "equal to the expected expression at 8 random points (largest relative deviation"
                + " 0.00)");
    assertThat(compare(EXACT, "y", "2y").message())
        .startsWith(
            "not equal to the expected expression: at 8 random points the largest relative"
                + " deviation is ");
  }
}
