package org.nngrader.bank.expr;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Random expression trees for property tests. */
final class ExprArbitraries {

  static final List<String> SYMBOLS =
      List.of("y", "y_hat", "z_out", "dL/dy_hat", "dE_total/dout_o1", "w5'", "\u03B1", "x1", "E");

  private ExprArbitraries() {}

  /** Any tree the parser can produce, up to {@code depth} levels, with all spellings of numbers. */
  static Arbitrary<Expr> anyExpr(int depth) {
    Arbitrary<Expr> leaf =
        Arbitraries.oneOf(anyLiteral(), Arbitraries.of(SYMBOLS).map(Expr.Symbol::new));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<Expr> smaller = Arbitraries.lazy(() -> anyExpr(depth - 1));
    return Arbitraries.frequencyOf(
        Tuple.of(3, leaf),
        Tuple.of(1, smaller.map(Expr.Negation::new)),
        Tuple.of(
            4,
            Combinators.combine(Arbitraries.of(Expr.Operator.class), smaller, smaller)
                .as(Expr.Binary::new)),
        Tuple.of(1, Combinators.combine(allFunctions(), smaller).as(Expr.Call::new)));
  }

  private static Arbitrary<String> allFunctions() {
    return Arbitraries.of(List.of("f", "f'", "g", "g'", "exp", "ln", "sigmoid", "sqrt", "tanh"));
  }

  static Arbitrary<Expr> anyLiteral() {
    Arbitrary<Expr> written =
        Arbitraries.of("0", "10", "0.7", "0.70", ".5", "5.", "5e-3", "1.2E+4", "4.2", "e")
            .map(Expr.Literal::new);
    Arbitrary<Expr> computed =
        Arbitraries.doubles().between(0, 1e6).map(v -> (Expr) Expr.Literal.of(v));
    return Arbitraries.oneOf(written, computed);
  }

  /**
   * Trees that are defined and moderate everywhere on the random points: sums, differences,
   * products, signs, moderate numbers, the symbols y, z, w and the functions f and g'.
   */
  static Arbitrary<Expr> smoothExpr(int depth) {
    Arbitrary<Expr> leaf =
        Arbitraries.oneOf(
            Arbitraries.doubles().between(0.1, 5).ofScale(3).map(v -> (Expr) Expr.Literal.of(v)),
            Arbitraries.of("y", "z", "w").map(Expr.Symbol::new));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<Expr> smaller = Arbitraries.lazy(() -> smoothExpr(depth - 1));
    return Arbitraries.frequencyOf(
        Tuple.of(3, leaf),
        Tuple.of(1, smaller.map(Expr.Negation::new)),
        Tuple.of(
            4,
            Combinators.combine(
                    Arbitraries.of(
                        Expr.Operator.ADD, Expr.Operator.SUBTRACT, Expr.Operator.MULTIPLY),
                    smaller,
                    smaller)
                .as(Expr.Binary::new)),
        Tuple.of(
            1, Combinators.combine(Arbitraries.of("f", "g'"), smaller).as(Expr.Call::new)));
  }
}
