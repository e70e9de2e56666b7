package org.nngrader.bank.symbolic;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.nngrader.bank.expr.Expr;
import org.nngrader.bank.model.Numbers;

/**
 * The reference answer of one asked step of a symbolic exercise: a number (a forward quantity such
 * as {@code p}) or an expression (a gradient such as {@code dL/dw2}). Immutable.
 *
 * @param id the step id
 * @param description what the step is, in words
 * @param kind whether the answer is a number or an expression
 * @param number the answer of a {@link Kind#NUMBER} step, in full precision; NaN for an expression
 * @param expression the reference to grade against: for an expression step, the chain-rule
 *     product with the known numbers substituted (the sum of the products when several paths lead
 *     to the loss), numbers rounded to {@link SymbolicSolver#SIGNIFICANT_DIGITS} significant
 *     digits, e.g. {@code dL/dy_hat * g'(z_out) * 0.7 * f'(-4.2) * 10} or {@code (1.2345 - y) *
 *     1.2345 * 0.5678}; for a number step, the number rounded the same way
 * @param simplified the same answer multiplied out and collected: numbers multiplied together,
 *     like terms added, higher degree first ({@code 7 * dL/dy_hat * g'(z_out) * f'(-4.2)}, {@code
 *     -0.248442 * y + 0.070060644}); equal to {@code expression} for a number step
 * @param chains the chain-rule products of an expression step, one per path; empty for a number
 */
public record SymbolicStep(
    String id,
    String description,
    Kind kind,
    double number,
    Expr expression,
    Expr simplified,
    List<Chain> chains) {

  /** What kind of answer a step has. */
  public enum Kind {
    /** A number, graded like the numeric exercises. */
    NUMBER,
    /** An expression, graded at random points by {@link org.nngrader.bank.expr.EquivalenceChecker}. */
    EXPRESSION
  }

  public SymbolicStep {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(simplified, "simplified");
    chains = List.copyOf(chains);
    if (kind == Kind.NUMBER && (!Double.isFinite(number) || !chains.isEmpty())) {
      throw new IllegalArgumentException(
          "number step " + id + " needs a finite number and no chains; got " + number);
    }
    if (kind == Kind.EXPRESSION && (!Double.isNaN(number) || chains.isEmpty())) {
      throw new IllegalArgumentException(
          "expression step " + id + " has chains and no number (NaN); got " + number);
    }
  }

  /** Whether the answer is an expression. */
  public boolean isExpression() {
    return kind == Kind.EXPRESSION;
  }

  /**
   * The answer as an answer key prints it: the simplified expression, or the number with 8
   * decimals.
   */
  public String answer() {
    return isExpression() ? simplified.toString() : Numbers.computed(number);
  }

  /** Every factor of every chain, in order (a factor shared by two chains appears twice). */
  public List<Factor> factors() {
    List<Factor> all = new ArrayList<>();
    for (Chain c : chains) {
      all.addAll(c.factors());
    }
    return all;
  }

  /**
   * The factor whose value prints as {@code printed}, for naming a factor that a diagnosis
   * reports ({@link org.nngrader.bank.expr.ExprDiagnosis#subject()}). A negative number matches
   * by its magnitude too, since a diagnosis reports the factors of a product without their sign.
   */
  public Optional<Factor> factor(String printed) {
    Objects.requireNonNull(printed, "printed");
    for (Factor f : factors()) {
      if (f.value().toString().equals(printed)) {
        return Optional.of(f);
      }
    }
    for (Factor f : factors()) {
      if (f.value() instanceof Expr.Negation n && n.operand().toString().equals(printed)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
