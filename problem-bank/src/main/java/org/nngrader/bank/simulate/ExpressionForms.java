package org.nngrader.bank.simulate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.nngrader.bank.expr.Expr;
import org.nngrader.bank.symbolic.Chain;
import org.nngrader.bank.symbolic.Factor;
import org.nngrader.bank.symbolic.SymbolicStep;

/**
 * Ways a student writes a reference expression: equivalent forms (multiplied out, reordered,
 * rounded, other spellings) and the mistakes the grader's diagnosis names (a factor left out,
 * the sign flipped, one number wrong). Each mistake is built from the chain-rule factors, so it
 * is the expression a student making it would write. Stateless.
 */
final class ExpressionForms {

  /** A changed expression and what was changed, for simulated.json. */
  record Changed(Expr expression, String what) {}

  private ExpressionForms() {}

  /** The factors of a chain with a value in the product (the 1 of a bias left out). */
  static List<Expr> values(Chain chain) {
    List<Expr> values = new ArrayList<>();
    for (Factor f : chain.factors()) {
      if (f.kind() != Factor.Kind.BIAS) {
        values.add(f.value());
      }
    }
    return values;
  }

  private static List<Factor> valued(Chain chain) {
    return chain.factors().stream().filter(f -> f.kind() != Factor.Kind.BIAS).toList();
  }

  static Expr product(List<Expr> factors) {
    Expr p = factors.get(0);
    for (int i = 1; i < factors.size(); i++) {
      p = new Expr.Binary(Expr.Operator.MULTIPLY, p, factors.get(i));
    }
    return p;
  }

  private static Expr sum(List<Expr> terms) {
    Expr s = terms.get(0);
    for (int i = 1; i < terms.size(); i++) {
      s = new Expr.Binary(Expr.Operator.ADD, s, terms.get(i));
    }
    return s;
  }

  /** The chains in reverse order, each with its factors in reverse order. */
  static Expr reordered(SymbolicStep step) {
    List<Expr> terms = new ArrayList<>();
    for (Chain c : step.chains()) {
      List<Expr> factors = new ArrayList<>(values(c));
      java.util.Collections.reverse(factors);
      terms.add(0, product(factors));
    }
    return sum(terms);
  }

  /** Every number rounded half-even to {@code digits} significant digits. */
  static Expr rounded(Expr e, int digits) {
    if (e instanceof Expr.Literal l) {
      if (l.text().equals("e") || l.value() == 0) {
        return l;
      }
      BigDecimal r = new BigDecimal(l.text()).round(new MathContext(digits, RoundingMode.HALF_EVEN))
          .stripTrailingZeros();
      return new Expr.Literal(r.toPlainString());
    }
    if (e instanceof Expr.Negation n) {
      return new Expr.Negation(rounded(n.operand(), digits));
    }
    if (e instanceof Expr.Binary b) {
      return new Expr.Binary(b.operator(), rounded(b.left(), digits), rounded(b.right(), digits));
    }
    if (e instanceof Expr.Call c) {
      return new Expr.Call(c.function(), rounded(c.argument(), digits));
    }
    return e;
  }

  /**
   * Other spellings the grader reads: juxtaposition instead of {@code *} before a name or a
   * parenthesis, {@code f_prime} for {@code f'}, {@code ∂L/∂ŷ} for {@code dL/dy_hat}.
   */
  static String spelled(String text) {
    return text.replaceAll(" \\* (?=[A-Za-z(])", " ")
        .replace("f'(", "f_prime(")
        .replace("g'(", "g_prime(")
        .replace("dL/dy_hat", "\u2202L/\u2202\u0177");
  }

  /**
   * The product with one factor left out, one whose absence the diagnosis can tell: not a
   * number of magnitude 1 (that would read as a sign slip or nothing), not one whose magnitude
   * appears twice in the chain (the one written would hide the one left out). Only for a step
   * with one chain.
   */
  static Optional<Changed> factorLeftOut(SymbolicStep step, SplittableRandom rng) {
    if (step.chains().size() != 1) {
      return Optional.empty();
    }
    List<Factor> factors = valued(step.chains().get(0));
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < factors.size(); i++) {
      Expr v = factors.get(i).value();
      Optional<Double> number = number(v);
      long same = factors.stream().filter(f -> magnitude(f.value()).equals(magnitude(v)))
          .count();
      if (same == 1 && !(number.isPresent() && Math.abs(number.get()) == 1)) {
        candidates.add(i);
      }
    }
    if (factors.size() < 2 || candidates.isEmpty()) {
      return Optional.empty();
    }
    int out = candidates.get(rng.nextInt(candidates.size()));
    List<Expr> kept = new ArrayList<>();
    for (int i = 0; i < factors.size(); i++) {
      if (i != out) {
        kept.add(factors.get(i).value());
      }
    }
    Factor f = factors.get(out);
    return Optional.of(new Changed(product(kept), f.value() + " (" + f.id() + ") left out"));
  }

  /**
   * The expression with its sign flipped where students flip it: {@code y - p} for {@code p -
   * y}, else a minus on (or off) the first factor of each chain.
   */
  static Changed signFlipped(SymbolicStep step) {
    List<Expr> terms = new ArrayList<>();
    for (Chain c : step.chains()) {
      List<Expr> factors = new ArrayList<>(values(c));
      Expr first = factors.get(0);
      if (first instanceof Expr.Binary b && b.operator() == Expr.Operator.SUBTRACT) {
        factors.set(0, new Expr.Binary(Expr.Operator.SUBTRACT, b.right(), b.left()));
      } else if (first instanceof Expr.Negation n) {
        factors.set(0, n.operand());
      } else {
        factors.set(0, new Expr.Negation(first));
      }
      terms.add(product(factors));
    }
    return new Changed(sum(terms), "sign flipped");
  }

  /**
   * One number wrong: the decimal point of a numeric factor moved one place (a factor of ±0.1
   * moves right, so that it does not read as the factor left out), else the sign of a
   * function's numeric argument ({@code f'(4.2)} for {@code f'(-4.2)}). Only for a step with
   * one chain.
   */
  static Optional<Changed> wrongNumber(SymbolicStep step, SplittableRandom rng) {
    if (step.chains().size() != 1) {
      return Optional.empty();
    }
    List<Factor> factors = valued(step.chains().get(0));
    List<Integer> numbers = new ArrayList<>();
    List<Integer> arguments = new ArrayList<>();
    for (int i = 0; i < factors.size(); i++) {
      Expr v = factors.get(i).value();
      if (number(v).filter(x -> x != 0).isPresent()) {
        numbers.add(i);
      } else if (v instanceof Expr.Call c && number(c.argument()).filter(x -> x != 0).isPresent()) {
        arguments.add(i);
      }
    }
    List<Expr> changed = new ArrayList<>();
    factors.forEach(f -> changed.add(f.value()));
    String what;
    if (!numbers.isEmpty()) {
      int i = numbers.get(rng.nextInt(numbers.size()));
      Expr v = changed.get(i);
      Expr slipped = slipped(v);
      changed.set(i, slipped);
      what = v + " written as " + slipped;
    } else if (!arguments.isEmpty()) {
      int i = arguments.get(rng.nextInt(arguments.size()));
      Expr.Call c = (Expr.Call) changed.get(i);
      Expr arg = c.argument() instanceof Expr.Negation n ? n.operand()
          : new Expr.Negation(c.argument());
      Expr.Call wrong = new Expr.Call(c.function(), arg);
      changed.set(i, wrong);
      what = c + " written as " + wrong;
    } else {
      return Optional.empty();
    }
    return Optional.of(new Changed(product(changed), what));
  }

  /** A number with its decimal point one place off. */
  private static Expr slipped(Expr number) {
    if (number instanceof Expr.Negation n) {
      return new Expr.Negation(slipped(n.operand()));
    }
    BigDecimal d = new BigDecimal(((Expr.Literal) number).text());
    BigDecimal moved = d.compareTo(new BigDecimal("0.1")) == 0 ? d.movePointLeft(1)
        : d.movePointRight(1);
    return new Expr.Literal(moved.stripTrailingZeros().toPlainString());
  }

  /** The expression with its last closing parenthesis dropped, or a dangling operator. */
  static String garbled(String text) {
    int close = text.lastIndexOf(')');
    return close < 0 ? text + " *" : text.substring(0, close) + text.substring(close + 1);
  }

  /** A factor without its sign, as printed: {@code 0.15} for {@code -0.15}. */
  private static String magnitude(Expr e) {
    return e instanceof Expr.Negation n ? n.operand().toString() : e.toString();
  }

  /** The value of a number literal, signed or not. */
  static Optional<Double> number(Expr e) {
    if (e instanceof Expr.Literal l) {
      return Optional.of(l.value());
    }
    if (e instanceof Expr.Negation n && n.operand() instanceof Expr.Literal l) {
      return Optional.of(-l.value());
    }
    return Optional.empty();
  }
}
