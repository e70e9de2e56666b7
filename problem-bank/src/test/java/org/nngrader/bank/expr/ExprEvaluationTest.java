package org.nngrader.bank.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class ExprEvaluationTest {

  private static final Map<String, DoubleUnaryOperator> FUNCTIONS =
      Map.of("f", x -> x * x, "f'", x -> 2 * x, "g", x -> x + 1, "g'", x -> 1.0);

  private static double eval(String text, Map<String, Double> symbols) throws Exception {
    return ExprParser.parse(text).evaluate(Environment.of(symbols, FUNCTIONS));
  }

  @Test
  void evaluatesTheChainRuleProductWithTheGivenFunctions() throws Exception {
    double value =
        eval("dL/dy_hat * g'(z_out) * 0.7 * f'(-4.2) * 10", Map.of("dL/dy_hat", 0.5, "z_out", 3.0));

    assertThat(value).isCloseTo(0.5 * 1.0 * 0.7 * (2 * -4.2) * 10, within(1e-12));
  }

  @Test
  void evaluatesOperatorsWithTheirPrecedence() throws Exception {
    Map<String, Double> y3 = Map.of("y", 3.0);

    assertThat(eval("-y^2", y3)).isEqualTo(-9.0);
    assertThat(eval("2^3^2", y3)).isEqualTo(512.0);
    assertThat(eval("1/2y", y3)).isEqualTo(1.5);
    assertThat(eval("10 - 4 - 3", y3)).isEqualTo(3.0);
    assertThat(eval("12 / 3 / 2", y3)).isEqualTo(2.0);
    assertThat(eval("2(y+1)", y3)).isEqualTo(8.0);
    assertThat(eval("-0.248442*y + 0.070060644", y3))
        .isCloseTo(-0.248442 * 3 + 0.070060644, within(1e-15));
  }

  @Test
  void evaluatesTheBuiltInFunctions() throws Exception {
    Map<String, Double> none = Map.of();

    assertThat(eval("exp(1)", none)).isEqualTo(Math.E);
    assertThat(eval("e^2", none)).isCloseTo(Math.exp(2), within(1e-14));
    assertThat(eval("ln(e)", none)).isEqualTo(1.0);
    assertThat(eval("log(100)", none)).isCloseTo(Math.log(100), within(1e-15));
    assertThat(eval("sigmoid(0)", none)).isEqualTo(0.5);
    assertThat(eval("σ(2)", none)).isCloseTo(1 / (1 + Math.exp(-2)), within(1e-15));
    assertThat(eval("tanh(0.5)", none)).isEqualTo(Math.tanh(0.5));
    assertThat(eval("sqrt(2.25)", none)).isEqualTo(1.5);
  }

  @Test
  void builtInDerivativesMatchFiniteDifferences() {
    double h = 1e-6;
    for (String function : Names.BUILTIN_FUNCTIONS) {
      double x = 0.8;
      double numeric =
          (Builtins.apply(function, x + h) - Builtins.apply(function, x - h)) / (2 * h);
      assertThat(Builtins.derivative(function, x)).as(function).isCloseTo(numeric, within(1e-8));
    }
  }

  @Test
  void listsSymbolsAndFunctionsSorted() throws Exception {
    Expr e = ExprParser.parse("z * exp(y) + f(a) * ŷ + σ(a)");

    assertThat(e.symbols()).containsExactly("a", "y", "y_hat", "z");
    assertThat(e.functions()).containsExactly("exp", "f", "sigmoid");
  }

  @Test
  void aMissingSymbolIsNamedWithTheOnesThatHaveValues() {
    assertThatThrownBy(() -> eval("y + w", Map.of("y", 1.0, "x", 2.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no value for symbol w; the environment has values for x, y");
  }

  @Test
  void aMissingFunctionIsNamed() {
    Environment env = Environment.of(Map.of(), Map.of("f", x -> x));

    assertThatThrownBy(() -> ExprParser.parse("g'(1)").evaluate(env))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no function given for g'; the environment gives f");
  }

  @Test
  void anEnvironmentRefusesBuiltInsAndNonFiniteValues() {
    assertThatThrownBy(() -> Environment.of(Map.of(), Map.of("exp", x -> x)))
        .hasMessageContaining("'exp' is not an abstract function");
    assertThatThrownBy(() -> Environment.of(Map.of("y", Double.NaN), Map.of()))
        .hasMessage("symbol y has value NaN; it must be a finite number");
  }

  @Test
  void anEnvironmentIsACopy() {
    HashMap<String, Double> values = new HashMap<>(Map.of("y", 1.0));
    Environment env = Environment.of(values, Map.of());
    values.put("y", 2.0);

    assertThat(env.valueOf("y")).isEqualTo(1.0);
    assertThatThrownBy(() -> env.symbols().put("z", 1.0))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void treesValidateTheirParts() {
    assertThatThrownBy(() -> new Expr.Symbol("ŷ")).hasMessageContaining("write it as 'y_hat'");
    assertThatThrownBy(() -> new Expr.Symbol("∂L/∂y")).hasMessageContaining("'dL/dy'");
    assertThatThrownBy(() -> new Expr.Symbol("e")).hasMessageContaining("Euler's number");
    assertThatThrownBy(() -> new Expr.Symbol("f_prime"))
        .hasMessageContaining("reserved for the function f'");
    assertThatThrownBy(() -> new Expr.Symbol("2y")).hasMessageContaining("is not a name");
    assertThatThrownBy(() -> new Expr.Symbol("a b")).hasMessageContaining("is not a name");
    assertThatThrownBy(() -> new Expr.Literal("-1")).hasMessageContaining("not an unsigned number");
    assertThatThrownBy(() -> new Expr.Literal("0.7", 0.70001))
        .hasMessageContaining("its text reads 0.7");
    assertThatThrownBy(() -> Expr.Literal.of(-2)).hasMessageContaining("use Negation");
    assertThatThrownBy(() -> new Expr.Call("h", new Expr.Symbol("y")))
        .hasMessageContaining("not a canonical function name");
    assertThatThrownBy(() -> new Expr.Call("log", new Expr.Symbol("y")))
        .hasMessageContaining("not a canonical function name");
  }

  @Test
  void literalsFromValuesAreShortAndExact() {
    assertThat(Expr.Literal.of(3).text()).isEqualTo("3");
    assertThat(Expr.Literal.of(0.248442).text()).isEqualTo("0.248442");
    assertThat(Expr.Literal.of(1e-7).text()).isEqualTo("1.0E-7");
    assertThat(Expr.Literal.of(-0.0)).isEqualTo(new Expr.Literal("0"));
  }
}
