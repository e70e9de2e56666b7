package org.nngrader.bank.symbolic;

import java.util.Objects;
import org.nngrader.bank.expr.Expr;

/**
 * One factor of a chain-rule product, such as {@code dh1/dz_h1 = f'(z_h1) = f'(-4.2)}: which local
 * derivative it is, what it means, how it is written in the exercise's names, and its value with
 * the known numbers substituted. Immutable.
 *
 * @param id the local derivative's step id, e.g. {@code dz_out/dh1}
 * @param kind which link of the chain it is
 * @param meaning what it is, in words, for worked solutions and feedback
 * @param symbolic the factor in the exercise's names: {@code w7}, {@code f'(z_h1)}, {@code
 *     -(y - p)}
 * @param numeric how the value is computed, with numbers, when that adds to {@code symbolic} and
 *     {@code value} ({@code 0.6*(1 - 0.6)}, {@code f(z_h1)}); empty otherwise
 * @param value the factor with the known numbers substituted: a number ({@code 0.7}), a call
 *     ({@code f'(-4.2)}), a symbol ({@code dL/dy_hat}) or an expression in the unknown target
 *     ({@code 1.2345 - y})
 */
public record Factor(
    String id, Kind kind, String meaning, String symbolic, String numeric, Expr value) {

  /** The links of a chain, from the loss back to the parameter. */
  public enum Kind {
    /** dL/dout of an output: how the loss changes with the output. */
    LOSS,
    /** dout/dnet of a neuron: the derivative of its activation. */
    ACTIVATION,
    /** dnet_next/dout: the weight on the edge between two neurons. */
    WEIGHT,
    /** dnet/dw: the value on the parameter's edge (an input or an activation). */
    SOURCE,
    /** dnet/db: 1. */
    BIAS
  }

  public Factor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(meaning, "meaning");
    Objects.requireNonNull(symbolic, "symbolic");
    Objects.requireNonNull(numeric, "numeric");
    Objects.requireNonNull(value, "value");
    if (id.isBlank() || meaning.isBlank() || symbolic.isBlank()) {
      throw new IllegalArgumentException(
          "factor '" + id + "' needs an id, a meaning and a symbolic form");
    }
  }
}
