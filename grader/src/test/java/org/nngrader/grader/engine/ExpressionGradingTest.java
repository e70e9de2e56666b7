package org.nngrader.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nngrader.bank.symbolic.SymbolicSolver;
import org.nngrader.bank.template.Template;
import org.nngrader.bank.template.Templates;
import org.nngrader.rubric.Rubric;
import org.nngrader.rubric.RubricLoader;

/**
 * The engine on symbolic templates, at their default values: expression answers read, compared
 * at random points within the rubric's tolerance, and their mistakes named; number steps graded
 * numerically.
 */
class ExpressionGradingTest {

  static StepResult step(GradeResult r, String id) {
    return r.steps().stream().filter(s -> s.step().equals(id)).findFirst().orElseThrow();
  }

  static Map<String, StudentAnswer> texts(String... idAndText) {
    Map<String, StudentAnswer> answers = new LinkedHashMap<>();
    for (int i = 0; i < idAndText.length; i += 2) {
      answers.put(idAndText[i], new StudentAnswer.Text(idAndText[i + 1]));
    }
    return answers;
  }

  /** symbolic-3-2-1: dL/dw2 = dL/dy_hat * g'(z_out) * 0.7 * f'(-4.2) * 10 at the defaults. */
  @Nested
  class AbstractActivations {

    final Template t = Templates.builtin("symbolic-3-2-1");
    final GradingEngine engine = new GradingEngine(t, RubricLoader.loadBuiltin("symbolic-3-2-1"));
    final Map<String, Double> givens = SymbolicSolver.solve(t, Map.of()).givens();

    StepResult dw2(String text) {
      return step(engine.grade(givens, texts("dL/dw2", text)), "dL/dw2");
    }

    @Test
    void theExpressionStepsAreTheGradients() {
      assertThat(engine.expressionSteps()).containsExactlyInAnyOrder("dL/dw7", "dL/dw2",
          "dL/dw6");
      assertThat(new GradingEngine(Templates.builtin("relu-2-1-1"),
          RubricLoader.loadBuiltin("default")).expressionSteps()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "dL/dy_hat * g'(z_out) * 0.7 * f'(-4.2) * 10",
        "7 * dL/dy_hat * g'(z_out) * f'(-4.2)",
        "7 dL/dy_hat g'(z_out) f'(-4.2)",
        "10*f_prime(-4.2)*0.7*g_prime(z_out)*∂L/∂ŷ",
        "(0.7*10) * dL/dy_hat * g′(z_out) * fprime(-4.20)",
    })
    void equivalentFormsAreCorrectWithFullPoints(String text) {
      StepResult r = dw2(text);
      assertThat(r.verdict()).as(text).isEqualTo(Verdict.CORRECT);
      assertThat(r.points()).isEqualTo(2.0);
      assertThat(r.written()).isEqualTo(text);
      assertThat(r.expectedExpression()).isEqualTo("dL/dy_hat * g'(z_out) * 0.7 * f'(-4.2) * 10");
      assertThat(r.expected()).isNaN();
      assertThat(r.formula())
          .isEqualTo("dL/dy_hat * dy_hat/dz_out * dz_out/dh1 * dh1/dz_h1 * dz_h1/dw2");
    }

    @ParameterizedTest(name = "{0} leaves out {1}")
    @CsvSource(delimiter = '|', value = {
        "dL/dy_hat * g'(z_out) * 0.7 * f'(-4.2) | 10        | dz_h1/dw2",
        "dL/dy_hat * 0.7 * f'(-4.2) * 10        | g'(z_out) | dy_hat/dz_out",
        "7 * f'(-4.2) * g'(z_out)               | dL/dy_hat | dL/dy_hat",
    })
    void aFactorLeftOutIsAMisconceptionNamingTheFactor(String text, String factor, String id) {
      StepResult r = dw2(text);
      assertThat(r.verdict()).isEqualTo(Verdict.MISCONCEPTION);
      assertThat(r.misconception()).isEqualTo("factor-left-out");
      assertThat(r.points()).isZero();
      assertThat(r.feedback()).startsWith("The factor " + factor + " is left out")
          .contains("It is " + id).contains("The chain rule multiplies every local derivative");
    }

    @Test
    void aNegativeFactorLeftOutIsNamedWithItsSign() {
      // dL/dw6 = dL/dy_hat * g'(z_out) * (-0.3) * f'(3.2) * (-3): without the -0.3 the product
      // is the reference's negative times 0.3, which the plain diagnosis does not see.
      GradeResult g = engine.grade(givens, texts("dL/dw6", "dL/dy_hat * g'(z_out) * f'(3.2) * (-3)"));
      StepResult r = step(g, "dL/dw6");
      assertThat(r.misconception()).isEqualTo("factor-left-out");
      assertThat(r.feedback()).startsWith("The factor -0.3 is left out")
          .contains("It is dz_out/dh2 = w8");
    }

    @Test
    void aFlippedSignIsNamed() {
      StepResult r = dw2("-dL/dy_hat * g'(z_out) * 0.7 * f'(-4.2) * 10");
      assertThat(r.misconception()).isEqualTo("sign-flipped");
      assertThat(r.feedback()).startsWith("The sign is flipped").contains("Check the sign");
    }

    @Test
    void aWrongNumberIsNamedWithTheFactorItBelongsTo() {
      StepResult r = dw2("dL/dy_hat * g'(z_out) * 0.7 * f'(4.2) * 10");
      assertThat(r.misconception()).isEqualTo("wrong-number");
      assertThat(r.feedback()).startsWith("4.2 where -4.2 was expected")
          .contains("It is dh1/dz_h1 = f'(z_h1)");
      StepResult slip = dw2("dL/dy_hat * g'(z_out) * 0.07 * f'(-4.2) * 10");
      assertThat(slip.misconception()).isEqualTo("wrong-number");
      assertThat(slip.feedback()).startsWith("0.07 where 0.7 was expected")
          .contains("It is dz_out/dh1 = w7");
    }

    @Test
    void aGarbledExpressionIsUnreadableWithTheColumn() {
      StepResult r = dw2("dL/dy_hat * g'(z_out) * 0.7 * f'(-4.2 * 10");
      assertThat(r.verdict()).isEqualTo(Verdict.UNREADABLE);
      assertThat(r.feedback()).startsWith("Could not read 'dL/dy_hat * g'(z_out) * 0.7 *"
          + " f'(-4.2 * 10' as an expression: at column 43: expected an operator or ')' to close"
          + " f'( at column 33 but found the end of the expression.");
      assertThat(dw2("7 * * dL/dy_hat").feedback()).contains("at column 5: expected");
    }

    @Test
    void aSymbolTheExerciseDoesNotHaveIsNamed() {
      StepResult r = dw2("dL/dy_hat * g'(z_out) * 0.7 * f'(z_hl) * 10");
      assertThat(r.verdict()).isEqualTo(Verdict.INCORRECT);
      assertThat(r.feedback()).contains("the symbol z_hl, which this exercise does not have")
          .contains("dL/dy_hat").contains("z_out").contains("z_h1").contains("h1").contains("w7");
      // h' is read as a symbol times (z_out): named too, with what the exercise has instead.
      StepResult h = dw2("dL/dy_hat * h'(z_out)");
      assertThat(h.verdict()).isEqualTo(Verdict.INCORRECT);
      assertThat(h.feedback()).contains("the symbol h', which this exercise does not have");
      assertThat(dw2("dL/dy_hat * g'(z_out) * 0.7 * f'(-4.2) * X2").feedback())
          .contains("the symbol X2");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "dL/dy_hat * g'(z_out) * 0.7 * f'(z_h1) * 10",
        "dL/dy_hat * g'(z_out) * w7 * f'(z_h1) * x2",
        "dL/dy_hat * g'(z_out) * w7 * f'(w1*x1 + w2*x2 + w3*x3 + b1) * x2",
        "dL/dy_hat * g'(z_out) * w7 * f'(-4.2) * x2",
    })
    void namingQuantitiesOfTheNetworkIsWritingTheirDefinitions(String text) {
      StepResult r = dw2(text);
      assertThat(r.verdict()).as(text).isEqualTo(Verdict.CORRECT);
      assertThat(r.feedback()).as(text).startsWith("Correct. Read with ")
          .contains(": dL/dy_hat * g'(z_out) * 0.7 * f'(").endsWith(") * 10.");
      if (text.contains("z_h1")) {
        assertThat(r.feedback()).contains("z_h1 = -4.2")
            .endsWith(": dL/dy_hat * g'(z_out) * 0.7 * f'(-4.2) * 10.");
      }
    }

    @Test
    void anOutputNamedForItsActivationIsItsDefinition() {
      // dL/dw7 = dL/dy_hat * g'(z_out) * h1, with h1 = f(-4.2).
      GradeResult g = engine.grade(givens, texts("dL/dw7", "dL/dy_hat * g'(z_out) * h1"));
      StepResult r = step(g, "dL/dw7");
      assertThat(r.verdict()).isEqualTo(Verdict.CORRECT);
      assertThat(r.feedback()).contains("h1 = f(-4.2)")
          .contains("dL/dy_hat * g'(z_out) * f(-4.2)");
      StepResult wrong = step(engine.grade(givens,
          texts("dL/dw7", "dL/dy_hat * g'(z_out) * h2")), "dL/dw7");
      assertThat(wrong.verdict()).isIn(Verdict.INCORRECT, Verdict.MISCONCEPTION);
      assertThat(wrong.feedback()).contains("h2 = f(3.2)");
      // y_hat is g(z_out): a different quantity from g'(z_out), so not credited.
      StepResult yHat = step(engine.grade(givens,
          texts("dL/dw7", "dL/dy_hat * y_hat * h1")), "dL/dw7");
      assertThat(yHat.verdict()).isIn(Verdict.INCORRECT, Verdict.MISCONCEPTION);
      assertThat(yHat.feedback()).contains("y_hat = g(z_out)");
    }

    @Test
    void aWrongQuantityNamedIsIncorrectAndShownSubstituted() {
      StepResult r = dw2("dL/dy_hat * g'(z_out) * w8 * f'(z_h1) * x2");
      assertThat(r.verdict()).isIn(Verdict.INCORRECT, Verdict.MISCONCEPTION);
      assertThat(r.feedback()).contains("w8 = -0.3")
          .contains("dL/dy_hat * g'(z_out) * (-0.3) * f'(-4.2) * 10");
    }

    @Test
    void aQuantityWithoutAValueIsNamedWithTheReason() {
      StepResult b3 = dw2("dL/dy_hat * g'(z_out) * 0.7 * f'(-4.2) * 10 + b3");
      assertThat(b3.verdict()).isEqualTo(Verdict.INCORRECT);
      assertThat(b3.feedback()).contains("b3 (no answer depends on it")
          .doesNotContain("which this exercise does not have");
      StepResult loss = dw2("L * 7");
      assertThat(loss.feedback()).contains("L (the loss is left abstract");
    }

    @Test
    void anUnrelatedExpressionIsIncorrectAndSaysWhatToCheck() {
      StepResult r = dw2("dL/dy_hat + g'(z_out)");
      assertThat(r.verdict()).isEqualTo(Verdict.INCORRECT);
      assertThat(r.misconception()).isNull();
      assertThat(r.feedback()).startsWith("Incorrect: not equal to the expected expression")
          .endsWith("Check each factor of the chain dL/dy_hat * dy_hat/dz_out * dz_out/dh1 *"
              + " dh1/dz_h1 * dz_h1/dw2.");
    }

    @Test
    void aNumberForAnExpressionIsAConstantExpression() {
      GradeResult g = engine.grade(givens,
          Map.of("dL/dw2", new StudentAnswer.Numeric(7, "7", 0)));
      assertThat(step(g, "dL/dw2").verdict()).isEqualTo(Verdict.INCORRECT);
      assertThat(step(g, "dL/dw2").written()).isEqualTo("7");
    }

    @Test
    void scoreMissingStepsAndTheFirstDivergence() {
      GradeResult g = engine.grade(givens, texts(
          "dL/dw7", "f(-4.2) g'(z_out) dL/dy_hat",
          "dL/dw2", "dL/dy_hat * g'(z_out) * f'(-4.2) * 10"));
      assertThat(step(g, "dL/dw7").verdict()).isEqualTo(Verdict.CORRECT);
      assertThat(step(g, "dL/dw6").verdict()).isEqualTo(Verdict.MISSING);
      assertThat(g.score()).isEqualTo(2.0);
      assertThat(g.maxScore()).isEqualTo(6.0);
      assertThat(g.firstWrongStep()).contains("dL/dw2");
    }

    @Test
    void theRubricsMisconceptionCreditApplies() {
      Rubric half = RubricLoader.parse("""
          name: half
          points: 4
          tolerance: {relative: 0.001}
          misconceptionCredit: 0.5
          """, "half.yaml");
      GradeResult g = new GradingEngine(t, half).grade(givens,
          texts("dL/dw2", "-7 * dL/dy_hat * g'(z_out) * f'(-4.2)"));
      assertThat(step(g, "dL/dw2").points()).isEqualTo(2.0);
    }
  }

  /** exp-output-2-2-1: dJ/dw5 = (1.08689381 - y) * 1.08689381 * 0.514995502 at the defaults. */
  @Nested
  class UnknownTarget {

    final Template t = Templates.builtin("exp-output-2-2-1");
    final GradingEngine engine =
        new GradingEngine(t, RubricLoader.loadBuiltin("exp-output-2-2-1"));
    final Map<String, Double> givens = SymbolicSolver.solve(t, Map.of()).givens();

    StepResult dw5(String text) {
      return step(engine.grade(givens, texts("dJ/dw5", text)), "dJ/dw5");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "(1.08689381 - y) * 1.08689381 * 0.514995502",
        "-0.559745425 * y + 0.608383841",
        "0.608383841 - 0.559745425y",
        "-(y - 1.08689381) * 1.08689381 * 0.514995502",
        "-0.5597 * y + 0.6084",
        "(1.087 - y) * 1.087 * 0.515",
    })
    void factoredExpandedAndRoundedFormsAreCorrectAtTheRubricsTolerance(String text) {
      assertThat(dw5(text).verdict()).as(text).isEqualTo(Verdict.CORRECT);
    }

    @Test
    void roundedCoefficientsFailATighterRubric() {
      Rubric exact = RubricLoader.parse("""
          name: exact
          tolerance: {relative: 0.000001}
          """, "exact.yaml");
      GradeResult g = new GradingEngine(t, exact).grade(givens,
          texts("dJ/dw5", "-0.5597 * y + 0.6084"));
      assertThat(step(g, "dJ/dw5").verdict()).isNotEqualTo(Verdict.CORRECT);
      Rubric figures = RubricLoader.parse("""
          name: figures
          tolerance: {significantFigures: 3}
          """, "figures.yaml");
      GradeResult three = new GradingEngine(t, figures).grade(givens,
          texts("dJ/dw5", "-0.5597 * y + 0.6084"));
      assertThat(step(three, "dJ/dw5").verdict()).isEqualTo(Verdict.CORRECT);
    }

    @Test
    void theOutputAndTheLossNamedAreTheirDefinitions() {
      // dJ/dw5 = (p - y) * p * h1 = dJ/dp * dp/dz * dz/dw5.
      assertThat(dw5("(p - y) * p * h1").verdict()).isEqualTo(Verdict.CORRECT);
      assertThat(dw5("(p - y) * exp(z) * sigmoid(z1)").verdict()).isEqualTo(Verdict.CORRECT);
      StepResult r = dw5("(p - y) * p * h1");
      assertThat(r.feedback()).contains("p = 1.08689381").contains("h1 = 0.514995502");
      assertThat(dw5("(p - y) * p * h2").verdict()).isNotEqualTo(Verdict.CORRECT);
      // J = 1/2 (y - p)^2 is a number of y, not its derivative: J * h1 is not the gradient.
      StepResult j = dw5("J * h1");
      assertThat(j.verdict()).isNotEqualTo(Verdict.CORRECT);
      assertThat(j.feedback()).contains("J = 1 / 2 * (y - 1.08689381)^2");
    }

    @Test
    void targetMinusOutputIsASignFlip() {
      StepResult r = dw5("(y - 1.08689381) * 1.08689381 * 0.514995502");
      assertThat(r.misconception()).isEqualTo("sign-flipped");
    }

    @Test
    void aFactorLeftOutNamesTheOutputsDerivative() {
      StepResult r = dw5("(1.08689381 - y) * 0.514995502");
      assertThat(r.misconception()).isEqualTo("factor-left-out");
      assertThat(r.feedback()).contains("The factor 1.08689381 is left out").contains("It is dp/dz");
    }

    @Test
    void aFactorLeftOutBesideOneOfTheSameMagnitudeIsNamed() {
      // w5 = -0.15 and x1 = 0.15: the -0.15 written hides the 0.15 left out from an unsigned
      // reading of the factors.
      Map<String, Double> g = new LinkedHashMap<>(givens);
      g.put("w5", -0.15);
      g.put("x1", 0.15);
      var chain = SymbolicSolver.solve(t, g).step("dJ/dw1").chains().get(0).factors();
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < chain.size() - 1; i++) {
        text.append(i == 0 ? "" : " * ").append('(').append(chain.get(i).value()).append(')');
      }
      StepResult r = step(engine.grade(g, texts("dJ/dw1", text.toString())), "dJ/dw1");
      assertThat(r.misconception()).as(text.toString()).isEqualTo("factor-left-out");
      assertThat(r.feedback()).startsWith("The factor 0.15 is left out")
          .contains("It is dz1/dw1 = x1");
    }

    @Test
    void aWrongCoefficientOfTheExpandedFormIsAWrongNumber() {
      StepResult r = dw5("-0.559745425 * y + 0.715741687");
      assertThat(r.misconception()).isEqualTo("wrong-number");
      assertThat(r.feedback()).startsWith("0.715741687 where 0.608383841 was expected");
    }

    @Test
    void theOutputIsANumberStep() {
      double p = SymbolicSolver.solve(t, Map.of()).step("p").number();
      GradeResult g = engine.grade(givens, Map.of(
          "p", new StudentAnswer.Numeric(1.0869, "1.0869", 0.00005)));
      assertThat(step(g, "p").verdict()).isEqualTo(Verdict.CORRECT);
      assertThat(step(g, "p").expected()).isEqualTo(p);
      assertThat(step(g, "p").expectedExpression()).isNull();
      GradeResult wrong = engine.grade(givens, Map.of(
          "p", new StudentAnswer.Numeric(0.5, "0.5", 0.05)));
      assertThat(step(wrong, "p").verdict()).isEqualTo(Verdict.INCORRECT);
      assertThat(step(wrong, "p").feedback()).contains("expected 1.0868938");
      GradeResult text = engine.grade(givens, texts("p", "e^z"));
      assertThat(step(text, "p").verdict()).isEqualTo(Verdict.UNREADABLE);
    }
  }
}
