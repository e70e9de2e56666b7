package org.nngrader.bank.expr;

import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;

/**
 * An expression answer as an immutable syntax tree: numbers, symbols (such as {@code y} or {@code
 * dL/dy_hat}), unary minus, the binary operators {@code + - * / ^} and applications of one-argument
 * functions.
 *
 * <p>Equality is structural: two trees are equal when they have the same shape, the same names and
 * the same literals as written ({@code 0.70} and {@code 0.7} are different literals). For equality
 * of meaning use {@link EquivalenceChecker}. {@link #toString()} prints a canonical form that
 * {@link ExprParser#parse(String)} reads back into an equal tree.
 *
 * <p>All implementations are immutable records and safe to share between threads.
 */
public sealed interface Expr
    permits Expr.Literal, Expr.Symbol, Expr.Negation, Expr.Binary, Expr.Call {

  /**
   * The value of this expression with the symbols and abstract functions of {@code env}.
   *
   * @throws IllegalArgumentException when a symbol or abstract function has no value in {@code
   *     env}; the message names it
   */
  double evaluate(Environment env);

  /** The names of the symbols this expression uses, sorted. */
  default SortedSet<String> symbols() {
    return Subtrees.symbols(this);
  }

  /**
   * The canonical names of the functions this expression applies (abstract and built-in), sorted.
   */
  default SortedSet<String> functions() {
    return Subtrees.functions(this);
  }

  /**
   * A number as written, without sign: {@code 0.7}, {@code .5}, {@code 5e-3}, or {@code e} (Euler's
   * number).
   *
   * @param text the literal as written; an unsigned decimal literal or {@code e}
   * @param value the value of {@code text}, exactly as {@link Double#parseDouble(String)} reads it
   */
  record Literal(String text, double value) implements Expr {

    public Literal {
      Objects.requireNonNull(text, "text");
      double expected;
      if (text.equals(Names.EULER)) {
        expected = Math.E;
      } else if (Lexer.NUMBER.matcher(text).matches()) {
        expected = Double.parseDouble(text);
      } else {
        throw new IllegalArgumentException(
            "literal text '" + text + "' is not an unsigned number such as 0.7, .5 or 5e-3");
      }
      if (!Double.isFinite(expected)) {
        throw new IllegalArgumentException(
            "literal text '" + text + "' is too large for a double; write a smaller number");
      }
      if (Double.compare(expected, value) != 0) {
        throw new IllegalArgumentException(
            "literal '" + text + "' has value " + value + " but its text reads " + expected);
      }
    }

    /** The literal as written, with its value read from the text. */
    public Literal(String text) {
      this(text, readValue(text));
    }

    /** A literal for a non-negative finite value, written in the shortest form that reads back. */
    public static Literal of(double value) {
      if (!Double.isFinite(value) || value < 0) {
        throw new IllegalArgumentException(
            "literal value is " + value + "; it must be finite and >= 0 (use Negation for a sign)");
      }
      double positive = value == 0 ? 0.0 : value; // -0.0 prints as "-0.0"
      String text = Double.toString(positive);
      if (text.endsWith(".0")) {
        text = text.substring(0, text.length() - 2);
      }
      return new Literal(text, positive);
    }

    private static double readValue(String text) {
      Objects.requireNonNull(text, "text");
      if (text.equals(Names.EULER)) {
        return Math.E;
      }
      return Lexer.NUMBER.matcher(text).matches() ? Double.parseDouble(text) : Double.NaN;
    }

    @Override
    public double evaluate(Environment env) {
      return value;
    }

    @Override
    public String toString() {
      return Printer.print(this);
    }
  }

  /**
   * A free symbol of the exercise, in normal form: {@code y}, {@code y_hat}, {@code z_out}, {@code
   * dL/dy_hat}.
   *
   * @param name letters, digits and {@code _} starting with a letter (optionally followed by
   *     primes), or {@code d<name>/d<name>}; not a function name and not {@code e}
   */
  record Symbol(String name) implements Expr {

    public Symbol {
      Objects.requireNonNull(name, "name");
      Names.symbolNameProblem(name)
          .ifPresent(
              problem -> {
                throw new IllegalArgumentException(problem);
              });
    }

    @Override
    public double evaluate(Environment env) {
      return env.valueOf(name);
    }

    @Override
    public String toString() {
      return Printer.print(this);
    }
  }

  /** Unary minus. */
  record Negation(Expr operand) implements Expr {

    public Negation {
      Objects.requireNonNull(operand, "operand");
    }

    @Override
    public double evaluate(Environment env) {
      return -operand.evaluate(env);
    }

    @Override
    public String toString() {
      return Printer.print(this);
    }
  }

  /** The binary operators, with the symbol the canonical form prints. */
  enum Operator {
    ADD("+"),
    SUBTRACT("-"),
    MULTIPLY("*"),
    DIVIDE("/"),
    POWER("^");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    /** The operator as the canonical form prints it. */
    public String symbol() {
      return symbol;
    }
  }

  /** {@code left operator right}. */
  record Binary(Operator operator, Expr left, Expr right) implements Expr {

    public Binary {
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    @Override
    public double evaluate(Environment env) {
      double a = left.evaluate(env);
      double b = right.evaluate(env);
      switch (operator) {
        case ADD:
          return a + b;
        case SUBTRACT:
          return a - b;
        case MULTIPLY:
          return a * b;
        case DIVIDE:
          return a / b;
        case POWER:
          return Math.pow(a, b);
        default:
          throw new AssertionError(operator);
      }
    }

    @Override
    public String toString() {
      return Printer.print(this);
    }
  }

  /**
   * A one-argument function applied to an expression: an abstract function ({@code f}, {@code g},
   * {@code f'}, {@code g'}) or a built-in one ({@code exp}, {@code ln}, {@code sigmoid}, {@code
   * sqrt}, {@code tanh}).
   *
   * @param function the canonical function name
   * @param argument the argument
   */
  record Call(String function, Expr argument) implements Expr {

    /** Abstract functions: {@code f, f', g, g'}, sorted. */
    public static final Set<String> ABSTRACT_FUNCTIONS = Names.ABSTRACT_FUNCTIONS;

    /** Built-in functions: {@code exp, ln, sigmoid, sqrt, tanh}, sorted. */
    public static final Set<String> BUILTIN_FUNCTIONS = Names.BUILTIN_FUNCTIONS;

    public Call {
      Objects.requireNonNull(function, "function");
      Objects.requireNonNull(argument, "argument");
      if (!Names.isFunction(function)) {
        throw new IllegalArgumentException(
            "'"
                + function
                + "' is not a canonical function name; use one of "
                + String.join(", ", Names.ABSTRACT_FUNCTIONS)
                + ", "
                + String.join(", ", Names.BUILTIN_FUNCTIONS));
      }
    }

    /** Whether the function is left abstract by the exercise ({@code f, f', g, g'}). */
    public boolean isAbstract() {
      return Names.ABSTRACT_FUNCTIONS.contains(function);
    }

    @Override
    public double evaluate(Environment env) {
      double x = argument.evaluate(env);
      return isAbstract() ? env.function(function).applyAsDouble(x) : Builtins.apply(function, x);
    }

    @Override
    public String toString() {
      return Printer.print(this);
    }
  }
}
