package org.nngrader.bank.expr;

import static java.util.stream.Collectors.toList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tries the common mistakes one after the other against the random points of one reference: the
 * first that makes the student's expression equivalent is the diagnosis. The order goes from the
 * narrowest explanation to the broadest: the sign, a factor the student did not write, one number,
 * then an extra factor.
 */
final class Diagnoser {

  private final EquivalenceChecker.Sample sample;

  Diagnoser(EquivalenceChecker.Sample sample) {
    this.sample = sample;
  }

  Optional<ExprDiagnosis> diagnose(Expr student, Expr reference, List<Expr> extraFactors) {
    if (sample.agrees(student, new Expr.Negation(reference))) {
      return Optional.of(ExprDiagnosis.signFlipped());
    }
    List<Expr> factors = factors(reference);
    if (factors.size() > 1) {
      List<String> written = factors(student).stream().map(Expr::toString).collect(toList());
      for (Expr factor : factors) {
        // A factor the student did write is not left out, even if the product is short by it:
        // 0.07 written for 0.7 next to a 10 is a wrong number, not a missing 10.
        if (!written.contains(factor.toString())
            && sample.agrees(new Expr.Binary(Expr.Operator.MULTIPLY, student, factor))) {
          return Optional.of(ExprDiagnosis.factorLeftOut(factor));
        }
      }
    }
    // A wrong number is the narrower explanation: 0.7 written for 0.07 is also "an extra factor
    // 10" when the reference has a 10, but only the number is wrong.
    Optional<ExprDiagnosis> wrongNumber = wrongNumber(student, reference);
    if (wrongNumber.isPresent()) {
      return wrongNumber;
    }
    List<Expr> candidates = new ArrayList<>(extraFactors);
    candidates.addAll(factors);
    for (Expr factor : distinct(candidates)) {
      if (sample.agrees(student, new Expr.Binary(Expr.Operator.MULTIPLY, reference, factor))) {
        return Optional.of(ExprDiagnosis.extraFactor(factor));
      }
    }
    return Optional.empty();
  }

  /**
   * The factors of a product, left to right, through unary minus ({@code -(a*b)} has factors {@code
   * a} and {@code b}); a divisor {@code d} counts as the factor {@code 1 / d}.
   */
  static List<Expr> factors(Expr e) {
    List<Expr> factors = new ArrayList<>();
    collectFactors(e, factors);
    return factors;
  }

  private static void collectFactors(Expr e, List<Expr> factors) {
    if (e instanceof Expr.Negation) {
      collectFactors(((Expr.Negation) e).operand(), factors);
      return;
    }
    if (e instanceof Expr.Binary) {
      Expr.Binary b = (Expr.Binary) e;
      if (b.operator() == Expr.Operator.MULTIPLY) {
        collectFactors(b.left(), factors);
        collectFactors(b.right(), factors);
        return;
      }
      if (b.operator() == Expr.Operator.DIVIDE) {
        collectFactors(b.left(), factors);
        factors.add(new Expr.Binary(Expr.Operator.DIVIDE, new Expr.Literal("1"), b.right()));
        return;
      }
    }
    factors.add(e);
  }

  /**
   * One number replaced by another number of the reference, or by itself with the other sign, makes
   * the student's expression right.
   */
  private Optional<ExprDiagnosis> wrongNumber(Expr student, Expr reference) {
    List<Expr> expectedNumbers = distinct(numbers(reference).values());
    for (Map.Entry<Integer, Expr> number : numbers(student).entrySet()) {
      Expr found = number.getValue();
      double foundValue = signedValue(found);
      List<Expr> replacements = new ArrayList<>(expectedNumbers);
      replacements.add(flipSign(found));
      for (Expr replacement : replacements) {
        if (signedValue(replacement) == foundValue) {
          continue;
        }
        if (sample.agrees(Subtrees.replace(student, number.getKey(), replacement))) {
          return Optional.of(ExprDiagnosis.wrongNumber(found, replacement));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The numbers of an expression by pre-order index: literals, and negated literals taken as one
   * number ({@code -4.2} in {@code f'(-4.2)}), so a sign slip is a wrong number too.
   */
  static Map<Integer, Expr> numbers(Expr e) {
    Map<Integer, Expr> numbers = new LinkedHashMap<>();
    List<Expr> nodes = Subtrees.preorder(e);
    for (int i = 0; i < nodes.size(); i++) {
      Expr node = nodes.get(i);
      if (node instanceof Expr.Negation
          && ((Expr.Negation) node).operand() instanceof Expr.Literal) {
        numbers.put(i, node);
        i++; // its literal is part of this number
      } else if (node instanceof Expr.Literal) {
        numbers.put(i, node);
      }
    }
    return numbers;
  }

  private static double signedValue(Expr number) {
    return number instanceof Expr.Negation
        ? -((Expr.Literal) ((Expr.Negation) number).operand()).value()
        : ((Expr.Literal) number).value();
  }

  private static Expr flipSign(Expr number) {
    return number instanceof Expr.Negation
        ? ((Expr.Negation) number).operand()
        : new Expr.Negation(number);
  }

  /** Without repeats (by canonical text), first occurrence first. */
  private static List<Expr> distinct(Iterable<Expr> exprs) {
    Map<String, Expr> byText = new LinkedHashMap<>();
    for (Expr e : exprs) {
      byText.putIfAbsent(e.toString(), e);
    }
    return new ArrayList<>(byText.values());
  }
}
