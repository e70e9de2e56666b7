package org.nngrader.grader.read;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * Arithmetic typed as an answer ({@code 0.35*0.8}, {@code =(1-0.25)/2}, {@code 0,35 * 0,8},
 * {@code 50% * 0.8}), evaluated exactly. A small recursive-descent parser over this grammar:
 *
 * <pre>
 *   answer  := ['='] sum
 *   sum     := product (('+' | '-') product)*
 *   product := signed (('*' | '/') signed)*
 *   signed  := ('+' | '-') signed | primary
 *   primary := (number | '(' sum ')') ['%']
 *   number  := digits [('.' | ',') digits] [('e' | 'E') ['+' | '-'] digits]
 * </pre>
 *
 * <p>Numbers only: no cell references, functions, powers or thousands separators (a comma in a
 * number is its decimal comma). Values are exact fractions of big integers; the result is the
 * double nearest the exact value.
 *
 * <p>The written precision comes from the operands. A whole number without a decimal point or
 * exponent ({@code 2} in {@code 0.35*2}, both sides of {@code 1/2}) is exact; any other operand
 * carries half a unit in its last written place. Their half-units are propagated to first
 * order ({@code h(a±b) = h(a)+h(b)}, {@code h(ab) = |b|h(a)+|a|h(b)}, {@code h(a/b) = h(a)/|b| +
 * |a|h(b)/b²}) and the result's relative half-unit is capped at the coarsest relative half-unit
 * of an operand, so a calculation is never taken as coarser than its coarsest number. A lone
 * number ({@code =0.74}) has the precision it has when written plainly. Stateless and
 * thread-safe.
 */
final class Arithmetic {

  /** Deeper nesting is no hand-written answer; the cap also bounds the recursion. */
  private static final int MAX_DEPTH = 50;
  /** Beyond this the value is outside a double anyway; the cap bounds the big integers. */
  private static final int MAX_EXPONENT = 400;
  private static final MathContext DIVISION = new MathContext(40);

  /** The value and written precision of a calculation. */
  record Result(double value, WrittenPrecision precision) {}

  /** Not arithmetic over numbers; the message starts with the column of the problem. */
  static final class Invalid extends Exception {
    Invalid(int index, String reason) {
      super("at column " + (index + 1) + ": " + reason, null, false, false);
    }
  }

  private final String text;
  private int at;
  private int depth;
  private int operations;

  private Arithmetic(String text) {
    this.text = text;
  }

  /**
   * Whether {@code text} (canonical characters, stripped) is meant as a calculation: it starts
   * with '=' or '(', or has an operator after its first character ('+' and '-' not in an
   * exponent).
   */
  static boolean looksLikeCalculation(String text) {
    if (text.isEmpty()) {
      return false;
    }
    if (text.charAt(0) == '=' || text.charAt(0) == '(') {
      return true;
    }
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if ("*/()^×÷·".indexOf(c) >= 0) {
        return true;
      }
      if ((c == '+' || c == '-') && "eE".indexOf(text.charAt(i - 1)) < 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Evaluates a calculation.
   *
   * @param text the answer with canonical characters (ASCII signs and digits)
   * @throws Invalid naming the column of the first problem and what to write instead
   */
  static Result evaluate(String text) throws Invalid {
    Arithmetic parser = new Arithmetic(text);
    parser.skipSpaces();
    if (parser.peek() == '=') {
      parser.at++;
    }
    Term result = parser.sum();
    parser.skipSpaces();
    if (parser.at < text.length()) {
      throw parser.unexpected();
    }
    double value = result.doubleValue();
    if (!Double.isFinite(value)) {
      throw new Invalid(0, "its result is too large to be an answer here");
    }
    if (parser.operations == 0) {
      return new Result(value, result.plain);
    }
    double half = result.half;
    if (value != 0 && Double.isFinite(result.coarsestRelative)) {
      half = Math.min(half, Math.abs(value) * result.coarsestRelative);
    }
    return new Result(value, WrittenPrecision.ofCalculation(value, half));
  }

  private Term sum() throws Invalid {
    Term left = product();
    for (skipSpaces(); peek() == '+' || peek() == '-'; skipSpaces()) {
      char op = text.charAt(at++);
      Term right = product();
      operations++;
      left = op == '+' ? left.plus(right) : left.plus(right.negate());
    }
    return left;
  }

  private Term product() throws Invalid {
    Term left = signed();
    for (skipSpaces(); isTimes(peek()) || isDivide(peek()); skipSpaces()) {
      int opAt = at;
      boolean divide = isDivide(text.charAt(at++));
      Term right = signed();
      operations++;
      if (divide && right.num.signum() == 0) {
        throw new Invalid(opAt, "it divides by zero");
      }
      left = divide ? left.divide(right) : left.times(right);
    }
    return left;
  }

  private Term signed() throws Invalid {
    skipSpaces();
    char c = peek();
    if (c == '+' || c == '-') {
      at++;
      nest();
      Term t = signed();
      depth--;
      return c == '-' ? t.negate() : t;
    }
    return primary();
  }

  private Term primary() throws Invalid {
    skipSpaces();
    char c = peek();
    Term t;
    if (c == '(') {
      int open = at++;
      nest();
      t = sum();
      depth--;
      skipSpaces();
      if (peek() != ')') {
        if (at >= text.length()) {
          throw new Invalid(open, "this '(' is never closed; add the ')'");
        }
        throw unexpected();
      }
      at++;
    } else if (isDigit(c) || c == '.' || c == ',') {
      t = number();
    } else if (at >= text.length()) {
      throw new Invalid(at, "a number is missing at the end");
    } else {
      throw unexpected();
    }
    skipSpaces();
    if (peek() == '%') {
      at++;
      t = t.percent();
    }
    return t;
  }

  private Term number() throws Invalid {
    int start = at;
    int digitsBefore = digits();
    boolean point = false;
    int decimals = 0;
    if (peek() == '.' || peek() == ',') {
      point = true;
      at++;
      decimals = digits();
      if (peek() == '.' || peek() == ',') {
        throw new Invalid(at, "a number has a second decimal separator; write each number with"
            + " one decimal point and no thousands separators");
      }
    }
    if (digitsBefore + decimals == 0) {
      throw new Invalid(start, "a number is missing here");
    }
    String mantissa = text.substring(start, at).replace(',', '.');
    int exponent = 0;
    boolean hasExponent = false;
    if ((peek() == 'e' || peek() == 'E') && exponentFollows()) {
      hasExponent = true;
      at++;
      int signAt = at;
      boolean negative = peek() == '-';
      if (peek() == '+' || peek() == '-') {
        at++;
      }
      int from = at;
      digits();
      String e = text.substring(from, at);
      if (e.length() > 4 || Integer.parseInt(e) > MAX_EXPONENT) {
        throw new Invalid(signAt, "the exponent is out of range");
      }
      exponent = negative ? -Integer.parseInt(e) : Integer.parseInt(e);
    }
    BigDecimal d = new BigDecimal(mantissa.startsWith(".") ? "0" + mantissa : mantissa)
        .scaleByPowerOfTen(exponent);
    WrittenPrecision plain = WrittenPrecision.ofDecimal(d, 0);
    boolean exact = !point && !hasExponent;
    return Term.of(d, exact ? 0 : plain.halfUnit(), plain);
  }

  private boolean exponentFollows() {
    int i = at + 1;
    if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      i++;
    }
    return i < text.length() && isDigit(text.charAt(i));
  }

  private int digits() {
    int from = at;
    while (at < text.length() && isDigit(text.charAt(at))) {
      at++;
    }
    return at - from;
  }

  private void nest() throws Invalid {
    if (++depth > MAX_DEPTH) {
      throw new Invalid(at - 1, "parentheses or signs are nested more than " + MAX_DEPTH
          + " deep");
    }
  }

  private Invalid unexpected() {
    char c = text.charAt(at);
    if (Character.isLetter(c)) {
      int end = at;
      while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
        end++;
      }
      String word = text.substring(at, end);
      if (word.matches("[A-Za-z]{1,3}[0-9]+")) {
        return new Invalid(at, "'" + word + "' is a cell reference, which an answer cannot use;"
            + " write the number itself");
      }
      if (end < text.length() && text.charAt(end) == '(') {
        return new Invalid(at, "'" + word + "' is a function; only numbers with + - * / and"
            + " parentheses are calculated, so write the result as a number");
      }
      return new Invalid(at, "'" + word + "' is not a number; only numbers with + - * / and"
          + " parentheses are calculated, so write the result as a number");
    }
    if (c == '^') {
      return new Invalid(at, "powers (^) are not calculated; write the result as a number");
    }
    if (c == ')') {
      return new Invalid(at, "this ')' has no matching '('");
    }
    if (c == '+' || c == '-' || isTimes(c) || isDivide(c)) {
      return new Invalid(at, "a number is missing before '" + c + "'");
    }
    return new Invalid(at, "'" + c + "' cannot be calculated; use numbers with + - * / and"
        + " parentheses only");
  }

  private void skipSpaces() {
    while (at < text.length() && text.charAt(at) == ' ') {
      at++;
    }
  }

  private char peek() {
    return at < text.length() ? text.charAt(at) : 0;
  }

  private static boolean isTimes(char c) {
    return c == '*' || c == '×' || c == '·';
  }

  private static boolean isDivide(char c) {
    return c == '/' || c == '÷';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * An exact value {@code num/den} (den > 0), its propagated half-unit, the coarsest relative
   * half-unit of its operands, and for a lone number its plain written precision.
   */
  private record Term(BigInteger num, BigInteger den, double half, double coarsestRelative,
      WrittenPrecision plain) {

    static Term of(BigDecimal d, double half, WrittenPrecision plain) {
      BigInteger num = d.unscaledValue();
      BigInteger den = BigInteger.ONE;
      if (d.scale() > 0) {
        den = BigInteger.TEN.pow(d.scale());
      } else if (d.scale() < 0) {
        num = num.multiply(BigInteger.TEN.pow(-d.scale()));
      }
      double magnitude = Math.abs(d.doubleValue());
      double relative = half == 0 ? 0 : magnitude == 0 ? Double.POSITIVE_INFINITY
          : half / magnitude;
      return reduced(num, den, half, relative, plain);
    }

    static Term reduced(BigInteger num, BigInteger den, double half, double relative,
        WrittenPrecision plain) {
      if (den.signum() < 0) {
        num = num.negate();
        den = den.negate();
      }
      BigInteger g = num.gcd(den);
      if (g.signum() != 0 && !g.equals(BigInteger.ONE)) {
        num = num.divide(g);
        den = den.divide(g);
      }
      return new Term(num, den, half, relative, plain);
    }

    double doubleValue() {
      if (den.equals(BigInteger.ONE)) {
        return new BigDecimal(num).doubleValue();
      }
      return new BigDecimal(num).divide(new BigDecimal(den), DIVISION).doubleValue();
    }

    Term negate() {
      return new Term(num.negate(), den, half, coarsestRelative, plain);
    }

    Term percent() {
      WrittenPrecision p = plain == null ? null : new WrittenPrecision(
          plain.halfUnit() / 100, plain.figures());
      return reduced(num, den.multiply(BigInteger.valueOf(100)), half / 100, coarsestRelative,
          p);
    }

    Term plus(Term o) {
      return reduced(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den),
          half + o.half, Math.max(coarsestRelative, o.coarsestRelative), null);
    }

    Term times(Term o) {
      double h = Math.abs(o.doubleValue()) * half + Math.abs(doubleValue()) * o.half;
      return reduced(num.multiply(o.num), den.multiply(o.den), h,
          Math.max(coarsestRelative, o.coarsestRelative), null);
    }

    Term divide(Term o) {
      double a = Math.abs(doubleValue());
      double b = Math.abs(o.doubleValue());
      double h = half / b + a * o.half / (b * b);
      return reduced(num.multiply(o.den), den.multiply(o.num), h,
          Math.max(coarsestRelative, o.coarsestRelative), null);
    }
  }
}
