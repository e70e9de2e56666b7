package org.nngrader.bank.expr;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads an expression answer as students write it.
 *
 * <p>Grammar, from loosest to tightest binding:
 *
 * <pre>
 * sum     = product { ("+" | "-") product }
 * product = unary { ("*" | "/") unary | power }     juxtaposition: 2y, 0.5 y, 2(y+1), (a)(b)
 * unary   = ("-" | "+") unary | power               -y^2 is -(y^2)
 * power   = primary [ ("^" | "**") unary ]          right-associative: 2^3^2 is 2^(3^2)
 * primary = number | function "(" sum ")" | "e" | symbol | "(" sum ")"
 * </pre>
 *
 * <p>Juxtaposition binds like {@code *} and {@code /}, left to right ({@code 1/2y} is {@code
 * (1/2)*y}); the factor after it must start with a name or {@code (}, never a number or a sign, so
 * {@code 2 3} and {@code y 2} are errors and {@code 2 -y} is a difference. Spellings: {@code −} and
 * {@code –} for minus, {@code × · ⋅ ∙} for times, {@code ÷} for divide, {@code ŷ} for {@code
 * y_hat}, {@code ∂} for {@code d} in derivative symbols ({@code ∂L/∂ŷ} is the symbol {@code
 * dL/dy_hat} when written without spaces), {@code f'}, {@code f’}, {@code f_prime} and {@code
 * fprime} for {@code f'}, {@code log} for {@code ln} (natural), {@code σ} for {@code sigmoid};
 * {@code e} is Euler's number.
 *
 * <p>Stateless and thread-safe.
 */
public final class ExprParser {

  /** Deeper nesting than this is refused rather than risking the stack on hostile input. */
  static final int MAX_DEPTH = 200;

  private static final String OPERAND = "a number, a symbol or '('";

  private final List<Token> tokens;
  private int next;
  private int depth;

  private ExprParser(String text) {
    this.tokens = Lexer.tokenize(text);
  }

  /**
   * The expression tree of {@code text}.
   *
   * @throws ExprSyntaxException at the first place where the text stops being an expression, with
   *     the 0-based position and what was expected there
   */
  public static Expr parse(String text) throws ExprSyntaxException {
    Objects.requireNonNull(text, "text");
    ExprParser parser = new ExprParser(text);
    if (parser.peek().kind() == Token.Kind.END) {
      throw parser.error("an expression");
    }
    Expr e = parser.sum();
    if (parser.peek().kind() != Token.Kind.END) {
      throw parser.error("an operator or the end of the expression");
    }
    return e;
  }

  private Expr sum() throws ExprSyntaxException {
    Expr e = product();
    while (true) {
      Token.Kind kind = peek().kind();
      if (kind == Token.Kind.PLUS || kind == Token.Kind.MINUS) {
        advance();
        Expr right = product();
        Expr.Operator op = kind == Token.Kind.PLUS ? Expr.Operator.ADD : Expr.Operator.SUBTRACT;
        e = new Expr.Binary(op, e, right);
      } else {
        return e;
      }
    }
  }

  private Expr product() throws ExprSyntaxException {
    Expr e = unary();
    while (true) {
      Token.Kind kind = peek().kind();
      if (kind == Token.Kind.STAR || kind == Token.Kind.SLASH) {
        advance();
        Expr right = unary();
        Expr.Operator op = kind == Token.Kind.STAR ? Expr.Operator.MULTIPLY : Expr.Operator.DIVIDE;
        e = new Expr.Binary(op, e, right);
      } else if (kind == Token.Kind.NAME || kind == Token.Kind.LEFT_PAREN) {
        e = new Expr.Binary(Expr.Operator.MULTIPLY, e, nested(this::power));
      } else {
        return e;
      }
    }
  }

  private Expr unary() throws ExprSyntaxException {
    return nested(
        () -> {
          Token.Kind kind = peek().kind();
          if (kind == Token.Kind.MINUS) {
            advance();
            return new Expr.Negation(unary());
          }
          if (kind == Token.Kind.PLUS) {
            advance();
            return unary();
          }
          return power();
        });
  }

  private Expr power() throws ExprSyntaxException {
    Expr base = primary();
    if (peek().kind() == Token.Kind.CARET) {
      advance();
      return new Expr.Binary(Expr.Operator.POWER, base, unary());
    }
    return base;
  }

  private Expr primary() throws ExprSyntaxException {
    Token token = peek();
    switch (token.kind()) {
      case NUMBER:
        return number(token);
      case LEFT_PAREN:
        advance();
        Expr inner = sum();
        expectClosing("an operator or ')' to close the '(' at column " + (token.start() + 1));
        return inner;
      case NAME:
        return name(token);
      default:
        throw error(OPERAND);
    }
  }

  private Expr number(Token token) throws ExprSyntaxException {
    double value = Double.parseDouble(token.name());
    if (!Double.isFinite(value)) {
      throw error("a number below 1.8e308");
    }
    advance();
    return new Expr.Literal(token.name(), value);
  }

  private Expr name(Token token) throws ExprSyntaxException {
    advance();
    Optional<String> function = Names.function(token.name());
    if (function.isPresent()) {
      if (peek().kind() != Token.Kind.LEFT_PAREN) {
        throw error("'(' after the function " + token.text());
      }
      Token open = advance();
      Expr argument = sum();
      expectClosing(
          "an operator or ')' to close " + token.text() + "( at column " + (open.start() + 1));
      return new Expr.Call(function.get(), argument);
    }
    if (token.name().equals(Names.EULER)) {
      return new Expr.Literal(Names.EULER, Math.E);
    }
    return new Expr.Symbol(token.name());
  }

  private void expectClosing(String expected) throws ExprSyntaxException {
    if (peek().kind() != Token.Kind.RIGHT_PAREN) {
      throw error(expected);
    }
    advance();
  }

  private interface Rule {
    Expr parse() throws ExprSyntaxException;
  }

  /**
   * Runs {@code rule} one nesting level deeper, refusing input nested beyond {@link #MAX_DEPTH}.
   */
  private Expr nested(Rule rule) throws ExprSyntaxException {
    if (depth >= MAX_DEPTH) {
      throw error("an expression nested at most " + MAX_DEPTH + " levels deep");
    }
    depth++;
    try {
      return rule.parse();
    } finally {
      depth--;
    }
  }

  private Token peek() {
    return tokens.get(next);
  }

  private Token advance() {
    Token token = tokens.get(next);
    if (token.kind() != Token.Kind.END) {
      next++;
    }
    return token;
  }

  private ExprSyntaxException error(String expected) {
    Token token = peek();
    return new ExprSyntaxException(token.start(), expected, token.describe());
  }
}
