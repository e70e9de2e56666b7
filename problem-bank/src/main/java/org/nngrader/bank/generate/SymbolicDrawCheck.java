package org.nngrader.bank.generate;

import java.util.Map;
import java.util.Optional;
import org.nngrader.bank.symbolic.SymbolicSolver;
import org.nngrader.bank.template.Template;

/**
 * Decides whether a draw of a symbolic template is degenerate, by solving it: the solver names
 * what makes a poor exercise (a factor of 0 or 1, a saturated neuron, vanishing coefficients)
 * and refuses givens that make a number the answers use infinite. Immutable.
 */
final class SymbolicDrawCheck {

  private final Template template;

  SymbolicDrawCheck(Template template) {
    if (!template.isSymbolic()) {
      throw new IllegalArgumentException("template " + template.id() + " is numeric");
    }
    this.template = template;
  }

  /** The reason this draw is degenerate, if any. */
  Optional<Degeneracy> check(Map<String, Double> parameters) {
    try {
      return SymbolicSolver.solve(template, parameters).degeneracies().isEmpty()
          ? Optional.empty() : Optional.of(Degeneracy.DEGENERATE_EXPRESSION);
    } catch (IllegalArgumentException e) {
      // The solver's only refusal for the exercise's own givens: a number that is not finite.
      return Optional.of(Degeneracy.NOT_FINITE);
    }
  }
}
