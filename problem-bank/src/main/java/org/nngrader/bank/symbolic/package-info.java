/**
 * Symbolic exercises (family 5): answers that are expressions.
 *
 * <p>{@link org.nngrader.bank.symbolic.SymbolicSolver#solve} turns a symbolic template ({@link
 * org.nngrader.bank.template.Template#isSymbolic()}) and its given values into a {@link
 * org.nngrader.bank.symbolic.SymbolicSolution}: for each asked gradient the chain-rule product with
 * the known numbers substituted ({@code dL/dy_hat * g'(z_out) * 0.7 * f'(-4.2) * 10}, or {@code
 * (1.2345 - y) * 1.2345 * 0.5678} when the target is unknown), its simplified form, and its
 * factors with their meaning; for each asked forward quantity a number; and the symbols and
 * abstract functions a student may use. The grader compares a student's expression with {@link
 * org.nngrader.bank.symbolic.SymbolicStep#expression()} through {@link
 * org.nngrader.bank.expr.EquivalenceChecker}, allowing {@link
 * org.nngrader.bank.symbolic.SymbolicSolution#allowedSymbols()} and {@link
 * org.nngrader.bank.symbolic.SymbolicSolution#allowedFunctions()}.
 */
package org.nngrader.bank.symbolic;
