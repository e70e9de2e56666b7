package org.nngrader.bank.math;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Presentation MathML for the formulas and quantity ids of the quantity graph, rendered on the
 * server so that pages need no script and stay self-contained (browsers render MathML Core
 * natively). Reads the plain-text forms the graph prints ({@code 1/(1 + e^(-net_h1))}, {@code
 * dE_total/dout_o1 * dout_o1/dnet_o1}, {@code w11^[2]+}, {@code E_total@10000}, {@code
 * f'(-4.2)}): {@code a/b} becomes a fraction, {@code d.../d...} a partial derivative, {@code
 * ^} a superscript, {@code x_sub} and {@code w5} subscripts, {@code +} after an id the updated
 * value, {@code @k} the value after k updates. Every element carries the plain text as its
 * annotation (for copying and screen readers); a formula this reader does not follow is shown
 * as that text inside {@code <math>}, never dropped. Stateless and thread-safe.
 */
public final class MathMl {

  private static final Map<String, String> GREEK = Map.of(
      "alpha", "\u03b1", "eta", "\u03b7", "delta", "\u03b4", "sigma", "\u03c3",
      "lambda", "\u03bb", "theta", "\u03b8", "mu", "\u03bc");
  private static final Pattern SIMPLE = Pattern.compile("([A-Za-z]+?)([0-9]+)");
  private static final Pattern NUMBER =
      Pattern.compile("([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE]([+-]?[0-9]+))?");

  private MathMl() {}

  /** One formula or id as an inline {@code <math>} element. */
  public static String inline(String formula) {
    return "<math>" + semantics(body(formula), formula) + "</math>";
  }

  /** One formula as an inline {@code <math>} element, or null when this reader cannot parse it. */
  public static String inlineIfFormula(String formula) {
    try {
      Parser p = new Parser(Lexer.tokens(formula));
      String m = p.comparison();
      return p.atEnd() ? "<math>" + semantics("<mrow>" + m + "</mrow>", formula) + "</math>"
          : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The parts of an equation chain joined by {@code =} in one {@code <math>}: {@code
   * chain("w5+", "w5 - eta * dE_total/dw5", "0.35891648")}.
   */
  public static String chain(List<String> parts) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        b.append("<mo>=</mo>");
      }
      b.append(body(parts.get(i)));
    }
    return "<math>" + semantics("<mrow>" + b + "</mrow>", String.join(" = ", parts)) + "</math>";
  }

  /**
   * An equation chain as inline {@code <math>} elements that a narrow page can wrap: browsers
   * do not break a line inside {@code <math>}, so each top-level term ({@code a ⋅}, {@code b
   * +}, {@code lhs =}) is an element of its own with its operator at its end, and a line may
   * break between them. A part is split only where that draws exactly what the whole part
   * would (not inside parentheses, a fraction or a power); a part that cannot be split is one
   * element, and one this reader does not follow is its text inside {@code <math>}.
   */
  public static String breakable(List<String> parts) {
    return breakable(parts, false);
  }

  /** A continuation line of a chain, {@code = part}, as {@link #breakable(List)} writes it. */
  public static String breakableContinued(String part) {
    return breakable(List.of(part), true);
  }

  private static String breakable(List<String> parts, boolean continued) {
    List<String> pieces = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      List<String[]> terms = terms(parts.get(i));
      for (int k = 0; k < terms.size(); k++) {
        String op = k < terms.size() - 1 ? terms.get(k)[1] : i < parts.size() - 1 ? "=" : null;
        String text = terms.get(k)[0];
        boolean equals = continued && pieces.isEmpty();
        String ml = (equals ? "<mo>=</mo>" : "") + body(text) + (op == null ? ""
            : "<mo>" + (op.equals("-") ? "\u2212" : op.equals("*") ? "\u22c5" : op) + "</mo>");
        String plain = (equals ? "= " : "") + text + (op == null ? "" : " " + op);
        pieces.add("<math>" + semantics("<mrow>" + ml + "</mrow>", plain) + "</math>");
      }
    }
    return String.join("<wbr>", pieces);
  }

  /**
   * The top-level terms of a formula, each with the operator after it: split at {@code " + "}
   * and {@code " - "} outside parentheses, or when there are none at {@code " * "}; the split
   * is used when drawing the terms one after the other gives the same MathML as the whole,
   * otherwise the formula is one term.
   */
  private static List<String[]> terms(String formula) {
    List<String[]> terms = split(formula, "+-");
    if (terms.size() == 1) {
      terms = split(formula, "*");
    }
    if (terms.size() == 1) {
      return terms;
    }
    StringBuilder joined = new StringBuilder("<mrow>");
    for (String[] t : terms) {
      String b = body(t[0]);
      if (b.startsWith("<mtext>")) {
        return List.<String[]>of(new String[] {formula, null});
      }
      joined.append(b, "<mrow>".length(), b.length() - "</mrow>".length());
      if (t[1] != null) {
        joined.append(t[1].equals("*") ? "<mo>\u22c5</mo>" : t[1].equals("+") ? "<mo>+</mo>"
            : "<mo>\u2212</mo>");
      }
    }
    joined.append("</mrow>");
    return joined.toString().equals(body(formula)) ? terms
        : List.<String[]>of(new String[] {formula, null});
  }

  private static List<String[]> split(String formula, String operators) {
    List<String[]> terms = new ArrayList<>();
    int depth = 0;
    int from = 0;
    for (int i = 0; i + 2 < formula.length(); i++) {
      char c = formula.charAt(i);
      if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth--;
      } else if (depth == 0 && i > 0 && operators.indexOf(c) >= 0
          && formula.charAt(i - 1) == ' ' && formula.charAt(i + 1) == ' ') {
        terms.add(new String[] {formula.substring(from, i - 1), String.valueOf(c)});
        from = i + 2;
      }
    }
    terms.add(new String[] {formula.substring(from), null});
    return terms;
  }

  private static String semantics(String mrow, String text) {
    return "<semantics>" + mrow + "<annotation encoding=\"text/plain\">" + escape(text)
        + "</annotation></semantics>";
  }

  /** The MathML of a formula without the enclosing {@code <math>}. */
  static String body(String formula) {
    try {
      Parser p = new Parser(Lexer.tokens(formula));
      String m = p.comparison();
      if (!p.atEnd()) {
        throw new IllegalArgumentException("unexpected " + p.peek());
      }
      return "<mrow>" + m + "</mrow>";
    } catch (IllegalArgumentException e) {
      return "<mtext>" + escape(formula) + "</mtext>";
    }
  }

  /**
   * Text for XML content and attributes ({@code &}, {@code <}, {@code >} and {@code "} as
   * entities), in one pass that returns the text itself when it has none of them: prose is
   * escaped token by token.
   */
  public static String escape(String s) {
    int i = 0;
    while (i < s.length() && entity(s.charAt(i)) == null) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
    for (; i < s.length(); i++) {
      String e = entity(s.charAt(i));
      if (e == null) {
        b.append(s.charAt(i));
      } else {
        b.append(e);
      }
    }
    return b.toString();
  }

  private static String entity(char c) {
    return switch (c) {
      case '&' -> "&amp;";
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      case '"' -> "&quot;";
      default -> null;
    };
  }

  /** A quantity id: {@code net_h1}, {@code w11^[2]+}, {@code y_hat@1}, {@code dE_o1/dout_h2}. */
  static String identifier(String id) {
    String s = id;
    String after = null;
    int at = s.lastIndexOf('@');
    if (at > 0 && s.substring(at + 1).matches("[0-9]+")) {
      after = s.substring(at + 1);
      s = s.substring(0, at);
    }
    boolean updated = s.endsWith("+") && s.length() > 1;
    if (updated) {
      s = s.substring(0, s.length() - 1);
    }
    boolean prime = s.endsWith("'") && s.length() > 1;
    if (prime) {
      s = s.substring(0, s.length() - 1);
    }
    String layer = null;
    int caret = s.indexOf("^[");
    if (caret > 0 && s.endsWith("]")) {
      layer = s.substring(caret + 1);
      s = s.substring(0, caret);
    }
    String base;
    String sub = null;
    int u = s.indexOf('_');
    if (u > 0 && u < s.length() - 1) {
      String name = s.substring(0, u);
      String rest = s.substring(u + 1);
      if (rest.equals("hat")) {
        base = "<mover accent=\"true\">" + mi(name) + "<mo>^</mo></mover>";
      } else if (rest.startsWith("hat_") || rest.startsWith("hat")) {
        base = "<mover accent=\"true\">" + mi(name) + "<mo>^</mo></mover>";
        sub = rest.substring(3).replaceFirst("^_", "");
        sub = sub.isEmpty() ? null : sub;
      } else {
        base = mi(name);
        sub = rest;
      }
    } else {
      Matcher m = SIMPLE.matcher(s);
      if (m.matches() && !GREEK.containsKey(s)) {
        base = mi(m.group(1));
        sub = m.group(2);
      } else {
        base = mi(s);
      }
    }
    if (prime) {
      base = "<msup>" + base + "<mo>\u2032</mo></msup>";
    }
    List<String> sups = new ArrayList<>();
    if (layer != null) {
      sups.add("<mo>[</mo>" + subscript(layer.substring(1, layer.length() - 1)) + "<mo>]</mo>");
    }
    if (after != null) {
      sups.add("<mo>(</mo><mn>" + after + "</mn><mo>)</mo>");
    }
    if (updated) {
      sups.add("<mo>+</mo>");
    }
    String subMl = sub == null ? null : subscript(sub);
    String supMl = sups.isEmpty() ? null : "<mrow>" + String.join("", sups) + "</mrow>";
    if (subMl != null && supMl != null) {
      return "<msubsup>" + base + subMl + supMl + "</msubsup>";
    }
    if (subMl != null) {
      return "<msub>" + base + subMl + "</msub>";
    }
    if (supMl != null) {
      return "<msup>" + base + supMl + "</msup>";
    }
    return base;
  }

  private static String subscript(String sub) {
    if (sub.matches("[0-9]+")) {
      return "<mn>" + sub + "</mn>";
    }
    return "<mi>" + escape(GREEK.getOrDefault(sub, sub).replace('_', ' ')) + "</mi>";
  }

  private static String mi(String name) {
    String g = GREEK.get(name);
    return "<mi>" + escape(g != null ? g : name) + "</mi>";
  }

  static String number(String text) {
    Matcher m = NUMBER.matcher(text);
    if (!m.matches()) {
      return "<mn>" + escape(text) + "</mn>";
    }
    if (m.group(2) == null) {
      return "<mn>" + text + "</mn>";
    }
    String exp = m.group(2);
    boolean negative = exp.startsWith("-");
    String digits = exp.replaceFirst("^[+-]", "").replaceFirst("^0+(?=.)", "");
    return "<mrow><mn>" + m.group(1) + "</mn><mo>\u00d7</mo><msup><mn>10</mn><mrow>"
        + (negative ? "<mo>\u2212</mo>" : "") + "<mn>" + digits + "</mn></mrow></msup></mrow>";
  }

  /** Tokens of a formula: ids (derivative ids whole), numbers, operators, words. */
  private static final class Lexer {
    static List<String> tokens(String s) {
      List<String> out = new ArrayList<>();
      int i = 0;
      while (i < s.length()) {
        char c = s.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
        } else if (Character.isDigit(c) || (c == '.' && i + 1 < s.length()
            && Character.isDigit(s.charAt(i + 1)))) {
          Matcher m = NUMBER.matcher(s).region(i, s.length());
          if (!m.lookingAt()) {
            throw new IllegalArgumentException("number at " + i);
          }
          out.add(m.group());
          i = m.end();
        } else if (s.startsWith("...", i)) {
          out.add("...");
          i += 3;
        } else if (Character.isLetter(c)) {
          int end = identifierEnd(s, i);
          // d<id>/d<id> is one partial derivative.
          if (c == 'd' && end < s.length() - 2 && s.charAt(end) == '/' && s.charAt(end + 1) == 'd'
              && Character.isLetter(s.charAt(end + 2)) && end - i > 1) {
            end = identifierEnd(s, end + 1);
          }
          out.add(s.substring(i, end));
          i = end;
        } else if ("+-*/^(),=<>\u2212".indexOf(c) >= 0) {
          out.add(c == '\u2212' ? "-" : String.valueOf(c));
          i++;
        } else {
          throw new IllegalArgumentException("character '" + c + "' at " + i);
        }
      }
      return out;
    }

    private static int identifierEnd(String s, int i) {
      int j = i;
      while (j < s.length()) {
        char c = s.charAt(j);
        if (Character.isLetterOrDigit(c) || c == '_') {
          j++;
        } else if (c == '^' && j + 1 < s.length() && s.charAt(j + 1) == '[') {
          int close = s.indexOf(']', j);
          if (close < 0) {
            throw new IllegalArgumentException("unclosed [ at " + j);
          }
          j = close + 1;
        } else if (c == '@' && j + 1 < s.length() && Character.isDigit(s.charAt(j + 1))) {
          j++;
        } else if (c == '\'') {
          j++;
        } else if (c == '+' && (j + 1 == s.length() || " )*,=".indexOf(s.charAt(j + 1)) >= 0)) {
          j++;
        } else {
          break;
        }
      }
      return j;
    }
  }

  /** Recursive descent over the tokens, writing MathML as it goes. */
  private static final class Parser {
    private static final java.util.Set<String> FUNCTIONS =
        java.util.Set.of("max", "min", "ln", "log", "exp", "tanh", "softmax", "sigmoid", "relu");
    private static final java.util.Set<String> WORDS = java.util.Set.of("if", "else", "for");

    private final List<String> tokens;
    private int pos;

    Parser(List<String> tokens) {
      this.tokens = tokens;
    }

    boolean atEnd() {
      return pos == tokens.size();
    }

    String peek() {
      return atEnd() ? "" : tokens.get(pos);
    }

    private String next() {
      if (atEnd()) {
        throw new IllegalArgumentException("formula ends early");
      }
      return tokens.get(pos++);
    }

    private void expect(String t) {
      if (!next().equals(t)) {
        throw new IllegalArgumentException("expected " + t);
      }
    }

    String comparison() {
      StringBuilder b = new StringBuilder(sum());
      while (peek().equals(">") || peek().equals("<") || peek().equals("=")) {
        b.append("<mo>").append(escape(next())).append("</mo>").append(sum());
      }
      return b.toString();
    }

    private String sum() {
      StringBuilder b = new StringBuilder();
      if (peek().equals("-") || peek().equals("+")) {
        // The sign and its operand in an mrow of their own: first there, the sign is a prefix
        // and sits against its number, "(-0.69)" not "( - 0.69)".
        String sign = next().equals("-") ? "\u2212" : "+";
        b.append("<mrow><mo>").append(sign).append("</mo>").append(product()).append("</mrow>");
      } else {
        b.append(product());
      }
      while (peek().equals("+") || peek().equals("-")) {
        b.append(next().equals("+") ? "<mo>+</mo>" : "<mo>\u2212</mo>").append(product());
      }
      return b.toString();
    }

    private String product() {
      String acc = power();
      while (true) {
        String t = peek();
        if (t.equals("*")) {
          next();
          acc = acc + "<mo>\u22c5</mo>" + power();
        } else if (t.equals("/")) {
          next();
          acc = "<mfrac><mrow>" + unwrap(acc) + "</mrow><mrow>" + unwrap(power()) + "</mrow></mfrac>";
        } else if (!atEnd() && startsFactor(t)) {
          acc = acc + power();
        } else {
          return acc;
        }
      }
    }

    private static boolean startsFactor(String t) {
      char c = t.charAt(0);
      return Character.isLetterOrDigit(c) || c == '(' || c == '.';
    }

    private String power() {
      String base = unary();
      if (peek().equals("^")) {
        next();
        String exponent = peek().equals("-") ? minus() : atom();
        return "<msup><mrow>" + base + "</mrow><mrow>" + unwrap(exponent) + "</mrow></msup>";
      }
      return base;
    }

    private String unary() {
      return peek().equals("-") ? minus() : atom();
    }

    private String minus() {
      expect("-");
      return "<mrow><mo>\u2212</mo>" + power() + "</mrow>";
    }

    private String atom() {
      String t = next();
      char c = t.charAt(0);
      if (t.equals("(")) {
        String inner = list();
        expect(")");
        return group(inner);
      }
      if (t.equals("...")) {
        return "<mo>\u2026</mo>";
      }
      if (Character.isDigit(c) || c == '.') {
        return number(t);
      }
      if (Character.isLetter(c)) {
        if (WORDS.contains(t)) {
          return "<mtext>\u2002" + t + "\u2002</mtext>";
        }
        if (t.equals("d") && peek().equals("(")) {
          // d(expression)/dx: the derivative of an expression, d(target - out)/dout
          int start = pos;
          next();
          String inner = list();
          expect(")");
          if (peek().equals("/") && pos + 1 < tokens.size()
              && tokens.get(pos + 1).matches("d[A-Za-z].*")) {
            next();
            String by = next();
            return "<mfrac><mrow><mo>\u2202</mo>" + group(inner) + "</mrow><mrow><mo>\u2202</mo>"
                + identifier(by.substring(1)) + "</mrow></mfrac>";
          }
          pos = start;
        }
        if (c == 'd' && t.contains("/d")) {
          int slash = t.indexOf("/d");
          return "<mfrac><mrow><mo>\u2202</mo>" + identifier(t.substring(1, slash))
              + "</mrow><mrow><mo>\u2202</mo>" + identifier(t.substring(slash + 2))
              + "</mrow></mfrac>";
        }
        if (peek().equals("(") && (FUNCTIONS.contains(t) || t.endsWith("'")
            || t.length() == 1 || t.equals("sigma"))) {
          next();
          String args = list();
          expect(")");
          String name = FUNCTIONS.contains(t) ? "<mi>" + t + "</mi>" : identifier(t);
          return "<mrow>" + name + "<mo>&#x2061;</mo>" + group(args) + "</mrow>";
        }
        return identifier(t);
      }
      throw new IllegalArgumentException("unexpected " + t);
    }

    private String list() {
      StringBuilder b = new StringBuilder(comparison());
      while (peek().equals(",")) {
        next();
        b.append("<mo separator=\"true\">,</mo>").append(comparison());
      }
      return b.toString();
    }

    private static String group(String inner) {
      return "<mrow><mo>(</mo>" + inner + "<mo>)</mo></mrow>";
    }

    /** A fraction's part or an exponent needs no parentheses of its own. */
    private static String unwrap(String ml) {
      String open = "<mrow><mo>(</mo>";
      String close = "<mo>)</mo></mrow>";
      if (ml.startsWith(open) && ml.endsWith(close)) {
        String inner = ml.substring(open.length(), ml.length() - close.length());
        // Only when the parentheses are one pair around everything.
        if (balanced(inner)) {
          return inner;
        }
      }
      return ml;
    }

    private static boolean balanced(String inner) {
      int depth = 0;
      int i = 0;
      while ((i = inner.indexOf("<mo>", i)) >= 0) {
        i += 4;
        if (inner.startsWith("(</mo>", i)) {
          depth++;
        } else if (inner.startsWith(")</mo>", i)) {
          depth--;
          if (depth < 0) {
            return false;
          }
        }
      }
      return depth == 0;
    }
  }
}
