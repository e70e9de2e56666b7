package org.nngrader.bank.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nngrader.bank.symbolic.SymbolicSolverTest.parse;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nngrader.bank.expr.Equivalence;
import org.nngrader.bank.expr.EquivalenceChecker;
import org.nngrader.bank.expr.Expr;
import org.nngrader.bank.expr.ExprDiagnosis;
import org.nngrader.bank.template.Templates;

/**
 * Student answers against the solver's references, through the equivalence checker as the grader
 * uses it: equivalent forms are equivalent, wrong ones are not and their mistake is named.
 */
class ReferenceEquivalenceTest {

  private static final EquivalenceChecker EXACT = EquivalenceChecker.defaults();
  private static final EquivalenceChecker ROUNDED = EXACT.withRelativeTolerance(1e-3);

  private static Equivalence compare(
      EquivalenceChecker checker, SymbolicSolution s, String id, String student) {
    return checker.compare(parse(student), s.step(id).expression(), s.allowedSymbols(),
        s.allowedFunctions());
  }

  private static Optional<ExprDiagnosis> diagnose(SymbolicSolution s, Expr reference, String student) {
    return EXACT.diagnose(parse(student), reference, s.allowedSymbols(), s.allowedFunctions(),
        List.of());
  }

  @Nested
  class AbstractActivations {

    final SymbolicSolution s = SymbolicSolver.solve(Templates.builtin("symbolic-3-2-1"), Map.of());

    @ParameterizedTest
    @ValueSource(strings = {
        "dL/dy_hat * g'(z_out) * 0.7 * f'(-4.2) * 10",
        "7 * dL/dy_hat * g'(z_out) * f'(-4.2)",
        "7 dL/dy_hat g'(z_out) f'(-4.2)",
        "10*f'(-4.2)*0.7*g'(z_out)*∂L/∂ŷ",
        "dL/dy_hat*g_prime(z_out)*0.7*f_prime(-4.2)*10",
        "(0.7*10) * dL/dy_hat * g′(z_out) * fprime(-4.20)",
    })
    void equivalentFormsOfDlDw2AreEquivalent(String student) {
      assertThat(compare(EXACT, s, "dL/dw2", student).verdict()).as(student)
          .isEqualTo(Equivalence.Verdict.EQUIVALENT);
    }

    @Test
    void theReferencesOwnPrintedFormsAreRightAnswers() {
      for (SymbolicStep step : s.steps()) {
        for (Expr printed : List.of(step.expression(), step.simplified())) {
          assertThat(compare(EXACT, s, step.id(), printed.toString()).isEquivalent())
              .as(step.id() + ": " + printed).isTrue();
        }
      }
    }

    @Test
    void theOutputWeightsGradientAcceptsReorderedFactors() {
      assertThat(compare(EXACT, s, "dL/dw7", "f(-4.2) g'(z_out) dL/dy_hat").isEquivalent())
          .isTrue();
      assertThat(compare(EXACT, s, "dL/dw6", "0.9 * f'(3.2) * dL/dy_hat * g'(z_out)")
          .isEquivalent()).isTrue();
      assertThat(compare(EXACT, s, "dL/dw6", "-0.3 * -3 * f'(3.2) * dL/dy_hat * g'(z_out)")
          .isEquivalent()).isTrue();
    }

    @ParameterizedTest(name = "{0} leaves out {1}, which is {2}")
    @CsvSource(delimiter = '|', value = {
        "dL/dy_hat * g'(z_out) * 0.7 * f'(-4.2)      | 10        | dz_h1/dw2",
        "dL/dy_hat * 0.7 * f'(-4.2) * 10             | g'(z_out) | dy_hat/dz_out",
        "dL/dy_hat * g'(z_out) * 0.7 * 10            | f'(-4.2)  | dh1/dz_h1",
        "7 * f'(-4.2) * g'(z_out)                    | dL/dy_hat | dL/dy_hat",
    })
    void aFactorLeftOutIsDiagnosedAndNamedByTheStep(String student, String factor, String id) {
      SymbolicStep step = s.step("dL/dw2");
      assertThat(compare(EXACT, s, "dL/dw2", student).isEquivalent()).isFalse();

      ExprDiagnosis d = diagnose(s, step.expression(), student).orElseThrow();

      assertThat(d.mistake()).isEqualTo(ExprDiagnosis.Mistake.FACTOR_LEFT_OUT);
      assertThat(d.subject()).isEqualTo(factor);
      assertThat(step.factor(d.subject())).map(Factor::id).contains(id);
    }

    @Test
    void aFlippedSignIsDiagnosed() {
      String student = "-dL/dy_hat * g'(z_out) * 0.7 * f'(-4.2) * 10";
      assertThat(compare(EXACT, s, "dL/dw2", student).isEquivalent()).isFalse();

      assertThat(diagnose(s, s.step("dL/dw2").expression(), student))
          .map(ExprDiagnosis::mistake).contains(ExprDiagnosis.Mistake.SIGN_FLIPPED);
    }

    @Test
    void aWrongNumberIsDiagnosed() {
      String student = "dL/dy_hat * g'(z_out) * 0.7 * f'(4.2) * 10";
      assertThat(compare(EXACT, s, "dL/dw2", student).isEquivalent()).isFalse();

      ExprDiagnosis d = diagnose(s, s.step("dL/dw2").expression(), student).orElseThrow();

      assertThat(d.mistake()).isEqualTo(ExprDiagnosis.Mistake.WRONG_NUMBER);
      assertThat(d.subject()).isEqualTo("4.2");
      assertThat(d.expected()).isEqualTo("-4.2");
    }

    @Test
    void fAndGSwappedIsNotEquivalent() {
      assertThat(compare(EXACT, s, "dL/dw2", "dL/dy_hat * f'(z_out) * 0.7 * g'(-4.2) * 10")
          .isEquivalent()).isFalse();
    }

    @Test
    void aSymbolTheExerciseDoesNotHaveIsNamed() {
      Equivalence e = compare(EXACT, s, "dL/dw2", "dL/dy_hat * g'(z_out) * 0.7 * f'(z_h1) * 10");

      assertThat(e.verdict()).isEqualTo(Equivalence.Verdict.UNKNOWN_SYMBOL);
      assertThat(e.unknownNames()).containsExactly("z_h1");
      assertThat(e.knownNames()).containsExactly("dL/dy_hat", "z_out");
    }
  }

  @Nested
  class UnknownTarget {

    final SymbolicSolution s =
        SymbolicSolver.solve(Templates.builtin("exp-output-2-2-1"), Map.of());

    @ParameterizedTest
    @ValueSource(strings = {
        "-0.559745425 * y + 0.608383841",
        "0.608383841 - 0.559745425y",
        "(1.08689381 - y) * 1.08689381 * 0.514995502",
        "1.08689381 * 0.514995502 * (1.08689381 - y)",
        "-(y - 1.08689381) * 1.08689381 * 0.514995502",
        "0.559745425 * (1.08689381 - y)",
    })
    void factoredExpandedAndReorderedFormsAreEquivalent(String student) {
      assertThat(compare(EXACT, s, "dJ/dw5", student).verdict()).as(student)
          .isEqualTo(Equivalence.Verdict.EQUIVALENT);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "dJ/dw5 | -0.5597 * y + 0.6084",
        "dJ/dw5 | (1.087 - y) * 1.087 * 0.515",
        "dJ/dw1 | -0.06515 y + 0.07082",
        "dJ/dw3 | 0.04153 * y - 0.04513",
    })
    void roundedCoefficientsAreEquivalentAtTheRubricsTolerance(String id, String student) {
      assertThat(compare(ROUNDED, s, id, student).isEquivalent()).as(student).isTrue();
      assertThat(compare(EXACT, s, id, student).isEquivalent()).as(student).isFalse();
    }

    @Test
    void aFactorLeftOutIsDiagnosed() {
      String student = "(1.08689381 - y) * 0.514995502";
      SymbolicStep step = s.step("dJ/dw5");

      ExprDiagnosis d = diagnose(s, step.expression(), student).orElseThrow();

      assertThat(d.mistake()).isEqualTo(ExprDiagnosis.Mistake.FACTOR_LEFT_OUT);
      assertThat(d.subject()).isEqualTo("1.08689381");
      assertThat(step.factor(d.subject())).map(Factor::id).contains("dp/dz");
    }

    @Test
    void theTargetMinusOutputIsASignFlip() {
      String student = "(y - 1.08689381) * 1.08689381 * 0.514995502";
      assertThat(compare(EXACT, s, "dJ/dw5", student).isEquivalent()).isFalse();

      assertThat(diagnose(s, s.step("dJ/dw5").expression(), student))
          .map(ExprDiagnosis::mistake).contains(ExprDiagnosis.Mistake.SIGN_FLIPPED);
    }

    @Test
    void aWrongCoefficientOfAnExpandedAnswerIsDiagnosedAgainstTheSimplifiedForm() {
      // dJ/dw6's constant where dJ/dw5's belongs.
      String student = "-0.559745425 * y + 0.715741687";
      assertThat(compare(EXACT, s, "dJ/dw5", student).isEquivalent()).isFalse();

      ExprDiagnosis d = diagnose(s, s.step("dJ/dw5").simplified(), student).orElseThrow();

      assertThat(d.mistake()).isEqualTo(ExprDiagnosis.Mistake.WRONG_NUMBER);
      assertThat(d.subject()).isEqualTo("0.715741687");
      assertThat(d.expected()).isEqualTo("0.608383841");
    }

    @Test
    void aConstantAnswerIsNotEquivalent() {
      assertThat(compare(EXACT, s, "dJ/dw5", "0.608383841").isEquivalent()).isFalse();
      assertThat(compare(EXACT, s, "dJ/dw5", "-0.559745425 * Y + 0.608383841").verdict())
          .isEqualTo(Equivalence.Verdict.UNKNOWN_SYMBOL);
    }
  }
}
