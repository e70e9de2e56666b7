package org.nngrader.bank.symbolic;

import java.util.List;
import org.nngrader.bank.expr.Expr;

/**
 * One chain-rule product: the factors along one path from the loss back to a parameter, in
 * textbook order ({@code dL/dy_hat * dy_hat/dz_out * dz_out/dh1 * dh1/dz_h1 * dz_h1/dw2}). A
 * gradient is the sum of its chains; in a network with one output and one hidden layer a weight
 * has exactly one. Immutable.
 */
public record Chain(List<Factor> factors) {

  public Chain {
    factors = List.copyOf(factors);
    if (factors.isEmpty()) {
      throw new IllegalArgumentException("a chain has at least one factor");
    }
  }

  /** The factor ids joined by {@code *}: the product in symbols. */
  public String symbolic() {
    return String.join(" * ", factors.stream().map(Factor::id).toList());
  }

  /**
   * The product of the factor values, left to right, leaving out the 1 of a bias ({@code
   * dz_h1/db1}): {@code dL/dy_hat * g'(z_out) * 0.7 * f'(-4.2) * 10}.
   */
  public Expr product() {
    Expr product = null;
    for (Factor f : factors) {
      if (f.kind() == Factor.Kind.BIAS) {
        continue;
      }
      product = product == null ? f.value() : new Expr.Binary(Expr.Operator.MULTIPLY, product, f.value());
    }
    return product == null ? new Expr.Literal("1") : product;
  }
}
