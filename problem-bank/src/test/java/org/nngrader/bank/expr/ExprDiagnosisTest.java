package org.nngrader.bank.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nngrader.bank.expr.EquivalenceCheckerTest.CHAIN;
import static org.nngrader.bank.expr.EquivalenceCheckerTest.FUNCTIONS;
import static org.nngrader.bank.expr.EquivalenceCheckerTest.LINEAR;
import static org.nngrader.bank.expr.EquivalenceCheckerTest.SYMBOLS;
import static org.nngrader.bank.expr.EquivalenceCheckerTest.parse;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExprDiagnosisTest {

  private static final EquivalenceChecker CHECKER = EquivalenceChecker.defaults();

  private static Optional<ExprDiagnosis> diagnose(
      String student, String reference, String... extra) {
    List<Expr> extraFactors =
        Arrays.stream(extra).map(EquivalenceCheckerTest::parse).toList();
    return CHECKER.diagnose(parse(student), parse(reference), SYMBOLS, FUNCTIONS, extraFactors);
  }

  @Test
  void aFlippedSignIsNamed() {
    ExprDiagnosis d = diagnose("-7 dL/dy_hat g'(z_out) f'(-4.2)", CHAIN).orElseThrow();

    assertThat(d.mistake()).isEqualTo(ExprDiagnosis.Mistake.SIGN_FLIPPED);
    assertThat(d.mistake().id()).isEqualTo("sign-flipped");
    assertThat(d.subject()).isEmpty();
    assertThat(d.message())
        .isEqualTo("the sign is flipped: the expression is the negative of the expected one");
  }

  @Test
  void aFlippedSignOfAnExpandedAnswerIsNamed() {
    assertThat(diagnose("0.248442*y - 0.070060644", LINEAR).orElseThrow().mistake())
        .isEqualTo(ExprDiagnosis.Mistake.SIGN_FLIPPED);
  }

  @ParameterizedTest(name = "{0} leaves out {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "dL/dy_hat * g'(z_out) * 0.7 * f'(-4.2)      | 10",
        "dL/dy_hat * 0.7 * f'(-4.2) * 10             | g'(z_out)",
        "7 * f'(-4.2) * g'(z_out)                    | dL/dy_hat",
        "g'(z_out) * dL/dy_hat * 7                   | f'(-4.2)",
      })
  void aFactorLeftOutIsNamedAsPrinted(String student, String factor) {
    ExprDiagnosis d = diagnose(student, CHAIN).orElseThrow();

    assertThat(d.mistake()).isEqualTo(ExprDiagnosis.Mistake.FACTOR_LEFT_OUT);
    assertThat(d.subject()).isEqualTo(factor);
    assertThat(d.message())
        .isEqualTo("the factor " + factor + " is left out; with it the expression would be right");
  }

  @Test
  void aLeftOutDivisorIsNamedAsAFactor() {
    ExprDiagnosis d = diagnose("dL/dy_hat * 3", "dL/dy_hat * 3 / y").orElseThrow();

    assertThat(d.mistake()).isEqualTo(ExprDiagnosis.Mistake.FACTOR_LEFT_OUT);
    assertThat(d.subject()).isEqualTo("1 / y");
  }

  @Test
  void anExtraFactorFromTheCandidatesIsNamed() {
    ExprDiagnosis d = diagnose("0.5 * " + CHAIN, CHAIN, "2", "0.5").orElseThrow();

    assertThat(d.mistake()).isEqualTo(ExprDiagnosis.Mistake.EXTRA_FACTOR);
    assertThat(d.subject()).isEqualTo("0.5");
    assertThat(d.message())
        .isEqualTo(
            "the expression has an extra factor 0.5; without it the expression would be right");
  }

  @Test
  void aFactorCountedTwiceIsAnExtraFactor() {
    ExprDiagnosis d = diagnose("7 dL/dy_hat g'(z_out)^2 f'(-4.2)", CHAIN).orElseThrow();

    assertThat(d.mistake()).isEqualTo(ExprDiagnosis.Mistake.EXTRA_FACTOR);
    assertThat(d.subject()).isEqualTo("g'(z_out)");
  }

  @Test
  void aNumberWrittenTwiceIsAnExtraFactorNotAWrongNumber() {
    ExprDiagnosis d = diagnose(CHAIN + " * 10", CHAIN).orElseThrow();

    assertThat(d.mistake()).isEqualTo(ExprDiagnosis.Mistake.EXTRA_FACTOR);
    assertThat(d.subject()).isEqualTo("10");
  }

  @Test
  void anExtraFactorMayUseASymbolTheReferenceDoesNotHave() {
    ExprDiagnosis d = diagnose("y * " + CHAIN, CHAIN, "y").orElseThrow();

    assertThat(d.subject()).isEqualTo("y");
  }

  @ParameterizedTest(name = "{0}: {1} where {2} was expected")
  @CsvSource(
      delimiter = '|',
      value = {
        "dL/dy_hat * g'(z_out) * 0.07 * f'(-4.2) * 10 | 0.07      | 0.7",
        "10 * 0.07 * f'(-4.2) * g'(z_out) * dL/dy_hat | 0.07      | 0.7",
        "dL/dy_hat * g'(z_out) * 0.7 * f'(4.2) * 10   | 4.2       | -4.2",
        "0.248442*y + 0.070060644                     | 0.248442  | -0.248442",
        "-0.248442*y + 0.0706                         | 0.0706    | 0.070060644",
      })
  void aWrongNumberIsNamedWithTheExpectedOne(String student, String found, String expected) {
    ExprDiagnosis d = diagnose(student, student.contains("y +") ? LINEAR : CHAIN).orElseThrow();

    assertThat(d.mistake()).isEqualTo(ExprDiagnosis.Mistake.WRONG_NUMBER);
    assertThat(d.subject()).isEqualTo(found);
    assertThat(d.expected()).isEqualTo(expected);
    assertThat(d.message())
        .isEqualTo(
            found + " where " + expected + " was expected; the rest of the expression is right");
  }

  @Test
  void theIssuesExampleReadsAsAsked() {
    ExprDiagnosis d =
        diagnose(
                "dL/dy_hat * g'(z_out) * 0.7 * f'(-4.2) * 10",
                "dL/dy_hat * g'(z_out) * 0.07 * f'(-4.2) * 10")
            .orElseThrow();

    assertThat(d.message()).startsWith("0.7 where 0.07 was expected");
  }

  @Test
  void nothingIsDiagnosedForRightAnswersUnknownNamesOrUnrelatedMistakes() {
    assertThat(diagnose("7 dL/dy_hat g'(z_out) f'(-4.2)", CHAIN)).isEmpty();
    assertThat(diagnose("7 dL/dy_hat g'(z_out) f'(-4.2) w", CHAIN)).isEmpty();
    assertThat(diagnose("dL/dy_hat + g'(z_out) + 7 f'(-4.2)", CHAIN)).isEmpty();
    assertThat(diagnose("y^2", LINEAR)).isEmpty();
  }

  @Test
  void extraFactorsMustUseTheExercisesNames() {
    assertThatThrownBy(() -> diagnose("y", CHAIN, "eta"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the extra factor eta uses names outside the allowed symbols");
  }

  @Test
  void aDiagnosisValidatesItsFields() {
    assertThatThrownBy(
            () -> new ExprDiagnosis(ExprDiagnosis.Mistake.WRONG_NUMBER, "0.7", "", "a message"))
        .hasMessageContaining("exactly wrong-number names the expected number");
    assertThatThrownBy(
            () -> new ExprDiagnosis(ExprDiagnosis.Mistake.FACTOR_LEFT_OUT, "", "", "a message"))
        .hasMessageContaining("only sign-flipped has no subject");
  }
}
