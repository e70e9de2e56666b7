package org.nngrader.bank.symbolic;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.nngrader.bank.expr.Expr;

/**
 * A sum of terms {@code c * a1^k1 * a2^k2 ...} over opaque atoms (symbols such as {@code y} or
 * {@code dL/dy_hat}, calls such as {@code f'(-4.2)}), with exact double coefficients: the normal
 * form that the simplified answer prints. Atoms are told apart by their canonical text; within a
 * term they keep the order in which they were multiplied in, so each term reads in chain-rule order.
 *
 * <p>Immutable.
 */
final class Polynomial {

  /** Atoms by canonical text, in order of first appearance. */
  private final Map<String, Expr> atoms;
  /** Monomial (atom text to power, sorted) to coefficient; no zero coefficients. */
  private final Map<SortedMap<String, Integer>, Double> terms;
  /** The atoms of each monomial in the order they were multiplied in. */
  private final Map<SortedMap<String, Integer>, List<String>> orders;

  private Polynomial(
      Map<String, Expr> atoms,
      Map<SortedMap<String, Integer>, Double> terms,
      Map<SortedMap<String, Integer>, List<String>> orders) {
    this.atoms = Collections.unmodifiableMap(atoms);
    this.terms = Collections.unmodifiableMap(terms);
    orders.keySet().retainAll(terms.keySet());
    this.orders = Collections.unmodifiableMap(orders);
  }

  static Polynomial constant(double c) {
    Map<SortedMap<String, Integer>, Double> terms = new LinkedHashMap<>();
    Map<SortedMap<String, Integer>, List<String>> orders = new LinkedHashMap<>();
    if (c != 0) {
      SortedMap<String, Integer> one = Collections.unmodifiableSortedMap(new TreeMap<>());
      terms.put(one, c);
      orders.put(one, List.of());
    }
    return new Polynomial(new LinkedHashMap<>(), terms, orders);
  }

  /** The atom itself, with coefficient 1. */
  static Polynomial atom(Expr atom) {
    Map<String, Expr> atoms = new LinkedHashMap<>();
    atoms.put(atom.toString(), atom);
    SortedMap<String, Integer> monomial = new TreeMap<>();
    monomial.put(atom.toString(), 1);
    SortedMap<String, Integer> key = Collections.unmodifiableSortedMap(monomial);
    Map<SortedMap<String, Integer>, Double> terms = new LinkedHashMap<>();
    terms.put(key, 1.0);
    Map<SortedMap<String, Integer>, List<String>> orders = new LinkedHashMap<>();
    orders.put(key, List.of(atom.toString()));
    return new Polynomial(atoms, terms, orders);
  }

  Polynomial plus(Polynomial other) {
    Map<SortedMap<String, Integer>, Double> sum = new LinkedHashMap<>(terms);
    other.terms.forEach((monomial, c) -> sum.merge(monomial, c, Double::sum));
    sum.values().removeIf(c -> c == 0);
    Map<SortedMap<String, Integer>, List<String>> order = new LinkedHashMap<>(orders);
    other.orders.forEach(order::putIfAbsent);
    return new Polynomial(mergedAtoms(other), sum, order);
  }

  Polynomial times(Polynomial other) {
    Map<SortedMap<String, Integer>, Double> product = new LinkedHashMap<>();
    Map<SortedMap<String, Integer>, List<String>> order = new LinkedHashMap<>();
    terms.forEach(
        (m1, c1) ->
            other.terms.forEach(
                (m2, c2) -> {
                  SortedMap<String, Integer> monomial = new TreeMap<>(m1);
                  m2.forEach((atom, power) -> monomial.merge(atom, power, Integer::sum));
                  SortedMap<String, Integer> key = Collections.unmodifiableSortedMap(monomial);
                  product.merge(key, c1 * c2, Double::sum);
                  List<String> atomsInOrder = new ArrayList<>(orders.get(m1));
                  for (String atom : other.orders.get(m2)) {
                    if (!atomsInOrder.contains(atom)) {
                      atomsInOrder.add(atom);
                    }
                  }
                  order.putIfAbsent(key, List.copyOf(atomsInOrder));
                }));
    product.values().removeIf(c -> c == 0);
    return new Polynomial(mergedAtoms(other), product, order);
  }

  private Map<String, Expr> mergedAtoms(Polynomial other) {
    Map<String, Expr> merged = new LinkedHashMap<>(atoms);
    other.atoms.forEach(merged::putIfAbsent);
    return merged;
  }

  /** The coefficients, one per term. */
  Collection<Double> coefficients() {
    return terms.values();
  }

  /**
   * The expression of this normal form, coefficients rounded to {@code digits} significant digits:
   * terms of higher degree first ({@code -0.248442 * y + 0.070060644}), then in order of their
   * atoms' first appearance; atoms in the order they were multiplied in ({@code 7 * dL/dy_hat *
   * g'(z_out) * f'(-4.2)}); a coefficient of 1 left out.
   */
  Expr toExpr(int digits) {
    List<String> order = new ArrayList<>(atoms.keySet());
    List<Map.Entry<SortedMap<String, Integer>, Double>> sorted = new ArrayList<>(terms.entrySet());
    Comparator<SortedMap<String, Integer>> byDegree =
        Comparator.comparingInt(m -> -m.values().stream().mapToInt(Integer::intValue).sum());
    Comparator<SortedMap<String, Integer>> byAtoms =
        (a, b) -> compareIndices(indices(a, order), indices(b, order));
    sorted.sort(Map.Entry.comparingByKey(byDegree.thenComparing(byAtoms)));
    Expr sum = null;
    for (Map.Entry<SortedMap<String, Integer>, Double> term : sorted) {
      boolean negative = term.getValue() < 0;
      if (sum == null) {
        sum = term(term.getKey(), Math.abs(term.getValue()), negative, digits);
      } else {
        Expr.Operator op = negative ? Expr.Operator.SUBTRACT : Expr.Operator.ADD;
        sum =
            new Expr.Binary(
                op, sum, term(term.getKey(), Math.abs(term.getValue()), false, digits));
      }
    }
    return sum == null ? new Expr.Literal("0") : sum;
  }

  private static List<Integer> indices(SortedMap<String, Integer> monomial, List<String> order) {
    List<Integer> indices = new ArrayList<>();
    for (String atom : monomial.keySet()) {
      indices.add(order.indexOf(atom));
    }
    Collections.sort(indices);
    return indices;
  }

  private static int compareIndices(List<Integer> a, List<Integer> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = Integer.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /** One term, its sign on the leftmost factor so that it prints as {@code -0.25 * y}. */
  private Expr term(
      SortedMap<String, Integer> monomial, double magnitude, boolean negative, int digits) {
    List<String> names = orders.get(monomial);
    List<Expr> factors = new ArrayList<>();
    Expr coefficient = number(magnitude, digits);
    if (names.isEmpty() || !coefficient.equals(new Expr.Literal("1"))) {
      factors.add(coefficient);
    }
    for (String name : names) {
      Expr atom = atoms.get(name);
      int power = monomial.get(name);
      factors.add(
          power == 1
              ? atom
              : new Expr.Binary(Expr.Operator.POWER, atom, new Expr.Literal(Integer.toString(power))));
    }
    if (negative) {
      factors.set(0, new Expr.Negation(factors.get(0)));
    }
    Expr product = factors.get(0);
    for (int i = 1; i < factors.size(); i++) {
      product = new Expr.Binary(Expr.Operator.MULTIPLY, product, factors.get(i));
    }
    return product;
  }

  /**
   * A number as the answers print it: rounded to {@code digits} significant digits (half even),
   * without trailing zeros or exponent, the sign as a unary minus ({@code 0.7}, {@code 10}, {@code
   * -4.2}).
   *
   * @throws IllegalArgumentException when {@code x} is not finite
   */
  static Expr number(double x, int digits) {
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException("the number " + x + " has no expression");
    }
    if (x == 0) {
      return new Expr.Literal("0");
    }
    BigDecimal rounded =
        new BigDecimal(Math.abs(x))
            .round(new MathContext(digits, RoundingMode.HALF_EVEN))
            .stripTrailingZeros();
    Expr.Literal literal = new Expr.Literal(rounded.toPlainString());
    return x < 0 ? new Expr.Negation(literal) : literal;
  }
}
