package org.nngrader.bank.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class EquivalenceProperties {

  private static final Set<String> SYMBOLS = Set.of("y", "z", "w");
  private static final Set<String> FUNCTIONS = Set.of("f", "g'");
  private static final EquivalenceChecker CHECKER = EquivalenceChecker.defaults();

  @Provide
  Arbitrary<Expr> smooth() {
    return ExprArbitraries.smoothExpr(3);
  }

  private static Expr mul(Expr a, Expr b) {
    return new Expr.Binary(Expr.Operator.MULTIPLY, a, b);
  }

  private static Expr add(Expr a, Expr b) {
    return new Expr.Binary(Expr.Operator.ADD, a, b);
  }

  private static Expr sub(Expr a, Expr b) {
    return new Expr.Binary(Expr.Operator.SUBTRACT, a, b);
  }

  private static boolean equivalent(Expr student, Expr reference) {
    return CHECKER.compare(student, reference, SYMBOLS, FUNCTIONS).isEquivalent();
  }

  @Property(tries = 300)
  void distributesMultiplicationOverAddition(
      @ForAll("smooth") Expr a, @ForAll("smooth") Expr b, @ForAll("smooth") Expr c) {
    assertThat(equivalent(mul(a, add(b, c)), add(mul(a, b), mul(a, c)))).isTrue();
  }

  @Property(tries = 300)
  void addsAndMultipliesInAnyOrder(@ForAll("smooth") Expr a, @ForAll("smooth") Expr b) {
    assertThat(equivalent(add(b, a), add(a, b))).isTrue();
    assertThat(equivalent(mul(b, a), mul(a, b))).isTrue();
  }

  @Property(tries = 300)
  void groupsProductsAndSumsEitherWay(
      @ForAll("smooth") Expr a, @ForAll("smooth") Expr b, @ForAll("smooth") Expr c) {
    assertThat(equivalent(mul(mul(a, b), c), mul(a, mul(b, c)))).isTrue();
    assertThat(equivalent(sub(a, add(b, c)), sub(sub(a, b), c))).isTrue();
  }

  @Property(tries = 300)
  void subtractingIsAddingTheNegation(@ForAll("smooth") Expr a, @ForAll("smooth") Expr b) {
    assertThat(equivalent(add(a, new Expr.Negation(b)), sub(a, b))).isTrue();
    assertThat(equivalent(mul(new Expr.Negation(new Expr.Literal("1")), sub(b, a)), sub(a, b)))
        .isTrue();
  }

  @Property(tries = 300)
  void theReprintedFormIsEquivalentAndEqual(@ForAll("smooth") Expr a) throws Exception {
    Expr reread = ExprParser.parse(a.toString());

    assertThat(CHECKER.compare(reread, a, SYMBOLS, FUNCTIONS).maxRelativeDeviation()).isZero();
  }

  @Property(tries = 200)
  void verdictsOfTheIssuesExamplesDoNotDependOnTheSeed(@ForAll long seed) throws Exception {
    EquivalenceChecker checker = CHECKER.withSeed(seed);
    Set<String> symbols = Set.of("dL/dy_hat", "z_out", "y");
    Set<String> functions = Set.of("f'", "g'");
    Expr chain = ExprParser.parse("dL/dy_hat * g'(z_out) * 0.7 * f'(-4.2) * 10");
    Expr linear = ExprParser.parse("-0.248442*y + 0.070060644");

    assertThat(
            checker
                .compare(ExprParser.parse("7 ∂L/∂ŷ g'(z_out) f'(-4.20)"), chain, symbols, functions)
                .isEquivalent())
        .isTrue();
    assertThat(
            checker
                .compare(
                    ExprParser.parse("7 dL/dy_hat g'(z_out) f'(4.2)"), chain, symbols, functions)
                .isEquivalent())
        .isFalse();
    assertThat(
            checker
                .compare(
                    ExprParser.parse("0.7 dL/dy_hat g'(z_out) f'(-4.2)"), chain, symbols, functions)
                .isEquivalent())
        .isFalse();
    Expr rounded = ExprParser.parse("-0.2484*y + 0.07006");
    assertThat(
            checker
                .withRelativeTolerance(1e-3)
                .compare(rounded, linear, symbols, functions)
                .isEquivalent())
        .isTrue();
    assertThat(checker.compare(rounded, linear, symbols, functions).isEquivalent()).isFalse();
  }
}
