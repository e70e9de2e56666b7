/**
 * Expression answers: reading, evaluating and grading the answers of the symbolic chain-rule
 * exercises (family 5), such as {@code dL/dy_hat * g'(z_out) * 0.7 * f'(-4.2) * 10} or {@code
 * -0.248442*y + 0.070060644}.
 *
 * <p>{@link org.nngrader.bank.expr.ExprParser} reads the text of a cell into an {@link
 * org.nngrader.bank.expr.Expr} tree or reports an {@link
 * org.nngrader.bank.expr.ExprSyntaxException} with the position and what was expected; {@link
 * org.nngrader.bank.expr.EquivalenceChecker} compares a student's tree with the reference at random
 * points (random values for the symbols, random smooth functions for {@code f, f', g, g'}), within
 * a relative tolerance that also judges numbers written rounded, and names common mistakes ({@link
 * org.nngrader.bank.expr.ExprDiagnosis}).
 *
 * <h2>Why a grammar of our own</h2>
 *
 * The parser is a small hand-written recursive-descent parser rather than an expression library,
 * because the maintained Java libraries (exp4j, EvalEx, mXparser) each lack at least one of the
 * three things grading needs:
 *
 * <ol>
 *   <li><b>The exercise's own names.</b> Their variable names are identifiers ({@code
 *       [A-Za-z_][A-Za-z0-9_]*} or close to it), while our symbols contain {@code /} and {@code '}:
 *       {@code dL/dy_hat}, {@code ∂L/∂ŷ}, {@code f'(-4.2)}. Reading {@code dL/dy_hat} as one symbol
 *       but {@code 1/y} as a division is a tokenizer decision no library lets us make; rewriting
 *       the text before handing it over would move every error position.
 *   <li><b>Errors a student can act on.</b> A syntax error must say where (0-based position,
 *       1-based column) and what was expected there: {@code at column 12: expected a number, a
 *       symbol or '(' but found ')'}. The libraries report a position at best (exp4j, for unknown
 *       names) and otherwise a generic message, and none says what was expected.
 *   <li><b>Abstract functions.</b> {@code f}, {@code g}, {@code f'} and {@code g'} have no value;
 *       they are graded by substituting a different random smooth function at every point, and the
 *       tolerance needs the reference's sensitivity to each number it contains, so we need the tree
 *       itself, not only a number out of a compiled expression.
 * </ol>
 *
 * None of them is in the project's dependencies either. The grammar is about 200 lines, so the cost
 * of keeping it is small; its precedence rules and spellings are in {@link
 * org.nngrader.bank.expr.ExprParser}, and property tests check that printing and parsing agree.
 *
 * <h2>Follow-through</h2>
 *
 * An expression answer has no earlier numeric steps to follow through from inside this package; the
 * grader decides follow-through by comparing with a reference rebuilt from the student's earlier
 * answers, using the same {@code compare}.
 */
package org.nngrader.bank.expr;
