package org.nngrader.bank.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExprParserTest {

  private static Expr parse(String text) throws ExprSyntaxException {
    return ExprParser.parse(text);
  }

  private static Expr.Symbol sym(String name) {
    return new Expr.Symbol(name);
  }

  private static Expr.Literal num(String text) {
    return new Expr.Literal(text);
  }

  private static Expr.Binary bin(Expr.Operator op, Expr left, Expr right) {
    return new Expr.Binary(op, left, right);
  }

  @Test
  void readsTheChainRuleAnswerOfTheDesignAsOneProductOfSymbolsCallsAndNumbers() throws Exception {
    Expr e = parse("dL/dy_hat * g'(z_out) * 0.7 * f'(-4.2) * 10");

    Expr expected =
        bin(
            Expr.Operator.MULTIPLY,
            bin(
                Expr.Operator.MULTIPLY,
                bin(
                    Expr.Operator.MULTIPLY,
                    bin(
                        Expr.Operator.MULTIPLY,
                        sym("dL/dy_hat"),
                        new Expr.Call("g'", sym("z_out"))),
                    num("0.7")),
                new Expr.Call("f'", new Expr.Negation(num("4.2")))),
            num("10"));
    assertThat(e).isEqualTo(expected);
    assertThat(e.symbols()).containsExactly("dL/dy_hat", "z_out");
    assertThat(e.functions()).containsExactly("f'", "g'");
  }

  @ParameterizedTest(name = "{0}  reads as  {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // precedence and associativity
        "1 + 2 * 3              | 1 + 2 * 3",
        "(1 + 2) * 3            | (1 + 2) * 3",
        "a - b - c              | a - b - c",
        "a - (b - c)            | a - (b - c)",
        "a / b / c              | a / b / c",
        "a / (b * c)            | a / (b * c)",
        "2^3^2                  | 2^3^2",
        "(2^3)^2                | (2^3)^2",
        "-y^2                   | -y^2",
        "(-y)^2                 | (-y)^2",
        "2^-1                   | 2^(-1)",
        "--y                    | -(-y)",
        "+y                     | y",
        "a * -b                 | a * (-b)",
        "a + -b                 | a + (-b)",
        "-a * b                 | -a * b",
        // juxtaposition
        "2y                     | 2 * y",
        "0.5 y                  | 0.5 * y",
        "2(y+1)                 | 2 * (y + 1)",
        "(a)(b)                 | a * b",
        "y dL/dy_hat            | y * dL/dy_hat",
        "2y^2                   | 2 * y^2",
        "1/2y                   | 1 / 2 * y",
        "y(1 - y)               | y * (1 - y)",
        "2 -y                   | 2 - y",
        "sigmoid(z)(1-sigmoid(z)) | sigmoid(z) * (1 - sigmoid(z))",
        "2exp(y)                | 2 * exp(y)",
        "2e                     | 2 * e",
        // operator spellings
        "y**2                   | y^2",
        "2 ** 3 ** 2            | 2^3^2",
        "a × b · c ⋅ d ∙ w      | a * b * c * d * w",
        "a ÷ b                  | a / b",
        "−0.02 y                | -0.02 * y",
        "a – b                  | a - b",
        // numbers
        ".5                     | .5",
        "5e-3                   | 5e-3",
        "1.2E+4 y               | 1.2E+4 * y",
        "5.                     | 5.",
        "2e5y                   | 2e5 * y",
        // names
        "ŷ                      | y_hat",
        "y\u0302 - y            | y_hat - y",
        "∂L/∂ŷ                  | dL/dy_hat",
        "dE_total/dout_o1       | dE_total/dout_o1",
        "dJ/dp * 2              | dJ/dp * 2",
        "dL / dy                | dL / dy",
        "dx                     | dx",
        "delta                  | delta",
        "f_prime(-4.2)          | f'(-4.2)",
        "fprime(z)              | f'(z)",
        "f’(z) g′(z)            | f'(z) * g'(z)",
        "g_prime(z) gprime(z)   | g'(z) * g'(z)",
        "log(y) + ln(y)         | ln(y) + ln(y)",
        "σ(z)                   | sigmoid(z)",
        "tanh(z) sqrt(y)        | tanh(z) * sqrt(y)",
        "e^(z)                  | e^z",
        "w5'                    | w5'",
      })
  void readsTheUsualSpellingsIntoTheCanonicalForm(String written, String canonical)
      throws Exception {
    Expr e = parse(written);

    assertThat(e.toString()).isEqualTo(canonical);
    assertThat(parse(canonical)).isEqualTo(e);
  }

  @Test
  void acceptsWhitespaceOfAnyKindAnywhereBetweenTokens() throws Exception {
    assertThat(parse("  y\t+\u00A0 1 \r\n\u2009* 2  ").toString()).isEqualTo("y + 1 * 2");
  }

  @Test
  void unaryMinusBindsLooserThanPowerAndTighterThanProduct() throws Exception {
    assertThat(parse("-y^2"))
        .isEqualTo(new Expr.Negation(bin(Expr.Operator.POWER, sym("y"), num("2"))));
    assertThat(parse("-a * b"))
        .isEqualTo(bin(Expr.Operator.MULTIPLY, new Expr.Negation(sym("a")), sym("b")));
  }

  @Test
  void eIsEulersNumber() throws Exception {
    assertThat(parse("e")).isEqualTo(new Expr.Literal("e", Math.E));
  }

  @Test
  void keepsNumbersAsWritten() throws Exception {
    Expr.Literal literal = (Expr.Literal) parse("0.70");

    assertThat(literal.text()).isEqualTo("0.70");
    assertThat(literal.value()).isEqualTo(0.7);
    assertThat(parse("0.70")).isNotEqualTo(parse("0.7"));
  }

  @ParameterizedTest(name = "{0}  fails at {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "\"\"           | 0 | an expression | the end of the expression",
        "\"   \"        | 3 | an expression | the end of the expression",
        "y +            | 3 | a number, a symbol or '(' | the end of the expression",
        "2 * (y + )     | 9 | a number, a symbol or '(' | ')'",
        "(y + 1         | 6 | an operator or ')' to close the '(' at column 1 | the end of the"
            + " expression",
        "y)             | 1 | an operator or the end of the expression | ')'",
        "2 3            | 2 | an operator or the end of the expression | '3'",
        "y 2            | 2 | an operator or the end of the expression | '2'",
        "y $ 2          | 2 | an operator or the end of the expression | '$'",
        "f'(4.2         | 6 | an operator or ')' to close f'( at column 3 | the end of the"
            + " expression",
        "f'(a, b)       | 4 | an operator or ')' to close f'( at column 3 | ','",
        "exp y          | 4 | '(' after the function exp | 'y'",
        "sigmoid        | 7 | '(' after the function sigmoid | the end of the expression",
        "1e999          | 0 | a number below 1.8e308 | '1e999'",
        "* y            | 0 | a number, a symbol or '(' | '*'",
        "y ^ * 2        | 4 | a number, a symbol or '(' | '*'",
        "∂L             | 0 | a number, a symbol or '(' | '∂'",
        "1.2.3          | 3 | an operator or the end of the expression | '.3'",
        "y = 2          | 2 | an operator or the end of the expression | '='",
      })
  void reportsTheExactPlaceAndWhatWasExpected(
      String text, int position, String expected, String found) {
    ExprSyntaxException error =
        catchThrowableOfType(ExprSyntaxException.class, () -> ExprParser.parse(text));

    assertThat(error).as("syntax error for %s", text).isNotNull();
    assertThat(error.position()).isEqualTo(position);
    assertThat(error.column()).isEqualTo(position + 1);
    assertThat(error.expected()).isEqualTo(expected);
    assertThat(error.found()).isEqualTo(found);
    assertThat(error.getMessage())
        .isEqualTo(
            "at column " + (position + 1) + ": expected " + expected + " but found " + found);
  }

  @Test
  void messageReadsAsTheIssueAsks() {
    assertThatThrownBy(() -> ExprParser.parse("dL/dy_hat * ( )"))
        .isInstanceOf(ExprSyntaxException.class)
        .hasMessage("at column 15: expected a number, a symbol or '(' but found ')'");
  }

  @Test
  void positionsCountCharactersOfTheOriginalTextAfterUnicodeSpellings() {
    ExprSyntaxException error =
        catchThrowableOfType(ExprSyntaxException.class, () -> ExprParser.parse("∂L/∂ŷ × )"));

    assertThat(error.position()).isEqualTo(8);
  }

  @Test
  void refusesNestingDeeperThanTheLimitInsteadOfOverflowingTheStack() {
    String deep = "(".repeat(10_000) + "y" + ")".repeat(10_000);
    ExprSyntaxException error =
        catchThrowableOfType(ExprSyntaxException.class, () -> ExprParser.parse(deep));

    assertThat(error.expected()).contains("nested at most " + ExprParser.MAX_DEPTH);
  }

  @Test
  void acceptsNestingUpToTheLimit() throws Exception {
    String nested = "(".repeat(50) + "y" + ")".repeat(50) + " + " + "-".repeat(50) + "y";

    assertThat(parse(nested).symbols()).containsExactly("y");
  }
}
