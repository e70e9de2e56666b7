package org.nngrader.bank.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.nngrader.bank.expr.Expr;
import org.nngrader.bank.expr.ExprParser;
import org.nngrader.bank.expr.ExprSyntaxException;
import org.nngrader.bank.template.Template;
import org.nngrader.bank.template.TemplateLoader;
import org.nngrader.bank.template.Templates;

/**
 * The reference answers of the two symbolic built-ins for their defaults, checked against values
 * worked by hand (symbolic-3-2-1) or by an independent evaluation of the formulas
 * (exp-output-2-2-1), and the solver's checks of its input.
 */
class SymbolicSolverTest {

  static final Template ABSTRACT = Templates.builtin("symbolic-3-2-1");
  static final Template EXP = Templates.builtin("exp-output-2-2-1");

  static Expr parse(String text) {
    try {
      return ExprParser.parse(text);
    } catch (ExprSyntaxException e) {
      throw new AssertionError(text + ": " + e.getMessage(), e);
    }
  }

  @Nested
  class AbstractActivations {

    final SymbolicSolution s = SymbolicSolver.solve(ABSTRACT, Map.of());

    @Test
    void theHiddenNetInputsAreNumbers() {
      // z_h1 = 0.4*2 + (-0.5)*10 + 0.2*(-3) + 0.6 = -4.2; z_h2 = 0.3*2 + 0.1*10 + 0.6*3 - 0.2 = 3.2
      assertThat(s.intermediates()).extracting(SymbolicSolution.Intermediate::id)
          .containsExactly("z_h1", "z_h2");
      assertThat(s.intermediates().get(0).value()).isCloseTo(-4.2, within(1e-12));
      assertThat(s.intermediates().get(1).value()).isCloseTo(3.2, within(1e-12));
      assertThat(s.intermediates().get(0).symbolic()).isEqualTo("w1 * x1 + w2 * x2 + w3 * x3 + b1");
    }

    @Test
    void anOutputWeightsGradientUsesTheAbstractHiddenActivation() {
      SymbolicStep step = s.step("dL/dw7");

      assertThat(step.kind()).isEqualTo(SymbolicStep.Kind.EXPRESSION);
      assertThat(step.expression()).hasToString("dL/dy_hat * g'(z_out) * f(-4.2)");
      assertThat(step.simplified()).hasToString("dL/dy_hat * g'(z_out) * f(-4.2)");
      assertThat(step.chains()).hasSize(1);
      assertThat(step.chains().get(0).symbolic())
          .isEqualTo("dL/dy_hat * dy_hat/dz_out * dz_out/dw7");
    }

    @Test
    void aHiddenWeightsGradientIsTheWholeChainWithNumbersSubstituted() {
      SymbolicStep step = s.step("dL/dw2");

      assertThat(step.expression()).hasToString("dL/dy_hat * g'(z_out) * 0.7 * f'(-4.2) * 10");
      assertThat(step.simplified()).hasToString("7 * dL/dy_hat * g'(z_out) * f'(-4.2)");
      assertThat(step.answer()).isEqualTo("7 * dL/dy_hat * g'(z_out) * f'(-4.2)");
      assertThat(step.factors()).extracting(Factor::id).containsExactly(
          "dL/dy_hat", "dy_hat/dz_out", "dz_out/dh1", "dh1/dz_h1", "dz_h1/dw2");
      assertThat(step.factors()).extracting(Factor::kind).containsExactly(
          Factor.Kind.LOSS, Factor.Kind.ACTIVATION, Factor.Kind.WEIGHT, Factor.Kind.ACTIVATION,
          Factor.Kind.SOURCE);
      assertThat(step.factors()).extracting(Factor::symbolic).containsExactly(
          "dL/dy_hat", "g'(z_out)", "w7", "f'(z_h1)", "x2");
      assertThat(step.factors()).extracting(f -> f.value().toString()).containsExactly(
          "dL/dy_hat", "g'(z_out)", "0.7", "f'(-4.2)", "10");
    }

    @Test
    void negativeNumbersArePrintedSoThatTheyReadBack() {
      SymbolicStep step = s.step("dL/dw6");

      // w8 = -0.3, z_h2 = 3.2, x3 = -3: the signs cancel in the simplified form.
      assertThat(step.expression())
          .hasToString("dL/dy_hat * g'(z_out) * (-0.3) * f'(3.2) * (-3)");
      assertThat(step.simplified()).hasToString("0.9 * dL/dy_hat * g'(z_out) * f'(3.2)");
      assertThat(parse(step.expression().toString())).isEqualTo(step.expression());
    }

    @Test
    void theStudentMayUseTheLossDerivativeTheOutputNetInputAndFAndG() {
      assertThat(s.allowedSymbols()).containsExactly("dL/dy_hat", "z_out");
      assertThat(s.allowedFunctions()).containsExactly("f", "f'", "g", "g'");
      assertThat(s.symbols().get("z_out")).contains("w7 * h1 + w8 * h2 + b3");
    }

    @Test
    void aFactorNamedByADiagnosisIsFound() {
      SymbolicStep step = s.step("dL/dw6");

      assertThat(step.factor("f'(3.2)")).map(Factor::id).contains("dh2/dz_h2");
      assertThat(step.factor("-0.3")).map(Factor::id).contains("dz_out/dh2");
      // A diagnosis names the factors of a product without their sign.
      assertThat(step.factor("3")).map(Factor::id).contains("dz_h2/dw6");
      assertThat(step.factor("0.5")).isEmpty();
    }

    @Test
    void theGivensAreTheExercisesOnlyAndReplaceableOneByOne() {
      SymbolicSolution other = SymbolicSolver.solve(ABSTRACT, Map.of("x2", 5.0));

      assertThat(s.givens().keySet()).containsExactly(
          "x1", "x2", "x3", "w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "b1", "b2");
      // z_h1 = 0.8 - 2.5 - 0.6 + 0.6 = -1.7
      assertThat(other.step("dL/dw2").expression())
          .hasToString("dL/dy_hat * g'(z_out) * 0.7 * f'(-1.7) * 5");
      assertThat(other.givens().get("x2")).isEqualTo(5.0);
      assertThat(s.degeneracies()).isEmpty();
    }

    @Test
    void theSameGivensGiveTheSameSolution() {
      assertThat(SymbolicSolver.solve(ABSTRACT, Map.of())).isEqualTo(s);
    }
  }

  @Nested
  class UnknownTarget {

    final SymbolicSolution s = SymbolicSolver.solve(EXP, Map.of());

    // The defaults worked independently of the graph: z1 = 0.2*0.8 - 0.4*0.5 + 0.1 = 0.06,
    // z2 = 0.6*0.8 + 0.1*0.5 - 0.1 = 0.43, h = sigmoid(z), z = 0.3 h1 - 0.2 h2 + 0.05, p = e^z.
    final double h1 = 1 / (1 + Math.exp(-0.06));
    final double h2 = 1 / (1 + Math.exp(-0.43));
    final double p = Math.exp(0.3 * h1 - 0.2 * h2 + 0.05);

    @Test
    void pIsANumber() {
      SymbolicStep step = s.step("p");

      assertThat(step.kind()).isEqualTo(SymbolicStep.Kind.NUMBER);
      assertThat(step.number()).isCloseTo(p, within(1e-15));
      assertThat(p).isCloseTo(1.0868938147, within(1e-10));
      assertThat(step.expression()).hasToString("1.08689381");
      assertThat(step.answer()).isEqualTo("1.08689381");
      assertThat(step.chains()).isEmpty();
    }

    @Test
    void everyGradientIsAffineInTheTarget() {
      // dJ/dw = (p - y) * p * (chain below z): a = -p * rest, b = p^2 * rest.
      assertThat(s.answers()).containsExactly(
          Map.entry("p", "1.08689381"),
          Map.entry("dJ/dw5", "-0.559745425 * y + 0.608383841"),
          Map.entry("dJ/dw6", "-0.658520343 * y + 0.715741687"),
          Map.entry("dJ/dw1", "-0.0651549718 * y + 0.0708165359"),
          Map.entry("dJ/dw2", "-0.0407218574 * y + 0.0442603349"),
          Map.entry("dJ/dw3", "0.0415264331 * y - 0.0451348233"),
          Map.entry("dJ/dw4", "0.0259540207 * y - 0.0282092646"));
      assertThat(p * h1).isCloseTo(0.559745425, within(1e-9));
      assertThat(p * p * 0.3 * h1 * (1 - h1) * 0.8).isCloseTo(0.0708165359, within(1e-10));
    }

    @Test
    void theReferenceIsTheChainWithTheLossDerivativeAsAnExpressionInY() {
      SymbolicStep step = s.step("dJ/dw1");

      assertThat(step.expression())
          .hasToString("(1.08689381 - y) * 1.08689381 * 0.3 * 0.249775135 * 0.8");
      assertThat(step.factors()).extracting(Factor::id).containsExactly(
          "dJ/dp", "dp/dz", "dz/dh1", "dh1/dz1", "dz1/dw1");
      Factor loss = step.factors().get(0);
      assertThat(loss.symbolic()).isEqualTo("-(y - p)");
      assertThat(loss.numeric()).isEqualTo("-(y - 1.08689381)");
      Factor activation = step.factors().get(3);
      assertThat(activation.symbolic()).isEqualTo("h1*(1 - h1)");
      assertThat(activation.numeric()).isEqualTo("0.51499550*(1 - 0.51499550)");
      assertThat(((Expr.Literal) activation.value()).value())
          .isCloseTo(h1 * (1 - h1), within(5e-10));
    }

    @Test
    void onlyTheTargetIsASymbol() {
      assertThat(s.allowedSymbols()).containsExactly("y");
      assertThat(s.allowedFunctions()).isEmpty();
      assertThat(s.givens()).doesNotContainKeys("y", "eta");
      assertThat(s.intermediates()).extracting(SymbolicSolution.Intermediate::id)
          .containsExactly("z1", "z2", "h1", "h2", "z", "p");
      assertThat(s.intermediates().get(5).asked()).isTrue();
      assertThat(s.intermediates().get(0).asked()).isFalse();
    }
  }

  @Nested
  class Degeneracies {

    @Test
    void aZeroInputEmptiesTheChainsThroughIt() {
      SymbolicSolution s = SymbolicSolver.solve(ABSTRACT, Map.of("x2", 0.0));

      assertThat(s.degeneracies()).contains(
          "the factor dz_h1/dw2 = x2 is 0, so every chain through it vanishes");
      assertThat(s.step("dL/dw2").simplified()).hasToString("0");
    }

    @Test
    void aFactorOfOneCannotBeToldFromLeavingItOut() {
      SymbolicSolution s = SymbolicSolver.solve(EXP, Map.of("x1", 1.0));

      assertThat(s.degeneracies()).containsExactly(
          "the factor dz1/dw1 = x1 is 1, so an answer that leaves it out cannot be told from a"
              + " right one",
          "the factor dz2/dw3 = x1 is 1, so an answer that leaves it out cannot be told from a"
              + " right one");
    }

    @Test
    void aSaturatedHiddenNeuronIsNamed() {
      SymbolicSolution s = SymbolicSolver.solve(EXP, Map.of("b1", 9.0));

      // z1 = 0.16 - 0.2 + 9 = 8.96, sigmoid'(8.96) = 1.284e-4; the gradients through h1 vanish.
      assertThat(s.degeneracies()).containsExactly(
          "dh1/dz1 = 1.28413263e-04 is below min_activation_derivative 0.01: h1 is saturated",
          "dJ/dw1: its largest coefficient is 4.87015473e-05, below min_gradient 0.0001",
          "dJ/dw2: its largest coefficient is 3.04384670e-05, below min_gradient 0.0001");
    }

    @Test
    void aVanishingGradientIsNamed() {
      SymbolicSolution s = SymbolicSolver.solve(ABSTRACT, Map.of("w7", 0.000001));

      assertThat(s.degeneracies()).containsExactly(
          "dL/dw2: its largest coefficient is 1.00000000e-05, below min_gradient 0.0001");
    }
  }

  @Nested
  class Input {

    @Test
    void aNumericTemplateIsRefused() {
      assertThatThrownBy(() -> SymbolicSolver.solve(Templates.builtin("perceptron"), Map.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("template perceptron is numeric: its answers are numbers; solve it with"
              + " Template.solve");
    }

    @Test
    void anUnknownTargetHasNoValue() {
      assertThatThrownBy(() -> SymbolicSolver.solve(EXP, Map.of("y", 0.5)))
          .hasMessage("y is left unknown in template exp-output-2-2-1: the answers are"
              + " expressions in y; remove its value");
    }

    @Test
    void aGivenNoAnswerUsesIsNotAParameter() {
      assertThatThrownBy(() -> SymbolicSolver.solve(ABSTRACT, Map.of("b3", 0.5)))
          .hasMessage("no answer of template symbolic-3-2-1 depends on b3, so it is not one of"
              + " its parameters; valid parameters: x1, x2, x3, w1, w2, w3, w4, w5, w6, w7, w8,"
              + " b1, b2");
    }

    @Test
    void aTypoNamesTheValidParameters() {
      assertThatThrownBy(() -> SymbolicSolver.solve(EXP, Map.of("w9", 0.5)))
          .hasMessage("unknown parameter w9 for template exp-output-2-2-1; valid parameters: x1,"
              + " x2, w1, w2, w3, w4, w5, w6, b1, b2, b3");
    }

    @Test
    void valuesMustBeFinite() {
      assertThatThrownBy(() -> SymbolicSolver.solve(EXP, Map.of("x1", Double.NaN)))
          .hasMessage("parameter x1 is NaN; it must be a finite number");
      assertThatThrownBy(() -> SymbolicSolver.solve(EXP, Map.of("w5", 1e3)))
          .hasMessage("dJ/dw5 has a coefficient that is Infinity for these givens; choose givens"
              + " that keep it finite");
    }

    @Test
    void aTemplateFileCanLeaveLayersAbstractBeyondTheBuiltins() {
      // Two outputs: every hidden weight's gradient is a sum over both paths. The output layer is
      // the first abstract one, so its net inputs z1 = 3 h1 and z2 = -4 h1 are still numbers.
      Template t = TemplateLoader.parse("two.yaml", """
          id: two
          title: Two outputs
          network:
            layers: [1, 1, 2]
            activations: [sigmoid, g]
            loss: abstract
            bias: none
          notation:
            net_o1: z1
            net_o2: z2
            out_o1: y1
            out_o2: y2
          defaults: {i1: 2, w1: 0.5, w2: 3, w3: -4}
          asked: [dE_total/dw1, out_h1]
          """);
      SymbolicSolution s = SymbolicSolver.solve(t, Map.of());
      double h = 1 / (1 + Math.exp(-1.0));

      assertThat(s.allowedSymbols()).containsExactly("dE_total/dy1", "dE_total/dy2");
      assertThat(s.allowedFunctions()).containsExactly("g", "g'");
      SymbolicStep step = s.step("dE_total/dw1");
      assertThat(step.chains()).hasSize(2);
      assertThat(step.expression().toString()).isEqualTo(
          "dE_total/dy1 * g'(2.19317574) * 3 * 0.196611933 * 2"
              + " + dE_total/dy2 * g'(-2.92423431) * (-4) * 0.196611933 * 2");
      assertThat(3 * h).isCloseTo(2.19317574, within(1e-8));
      assertThat(h * (1 - h)).isCloseTo(0.196611933, within(1e-9));
      assertThat(step.simplified()).hasToString(
          "1.1796716 * dE_total/dy1 * g'(2.19317574)"
              + " - 1.57289547 * dE_total/dy2 * g'(-2.92423431)");
      assertThat(s.step("out_h1").number()).isCloseTo(h, within(1e-15));
    }
  }

  @Test
  void theWorkedNumbersDoNotDependOnTheGivensOutsideTheExercise() {
    // The solver sets b3, y and eta to 0 in the graph; any other value gives the same numbers.
    Map<String, Double> all = new java.util.LinkedHashMap<>(ABSTRACT.defaults());
    List<Double> outside = List.of(0.0, 0.7, -3.0);
    for (double v : outside) {
      all.put("b3", v);
      all.put("y", v);
      all.put("eta", v);
      var values = ABSTRACT.graph().evaluate(all);
      assertThat(values.get("z_h1")).isCloseTo(-4.2, within(1e-12));
      assertThat(values.get("z_h2")).isCloseTo(3.2, within(1e-12));
    }
  }
}
