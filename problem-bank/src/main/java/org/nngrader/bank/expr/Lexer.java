package org.nngrader.bank.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an expression answer into tokens, normalising the spellings students use.
 *
 * <p>Never fails: a character it does not know becomes an {@link Token.Kind#UNKNOWN} token, so the
 * parser reports it with its position and what it expected there instead.
 */
final class Lexer {

  /** Unsigned decimal literal; the sign is a unary minus in the tree. */
  static final Pattern NUMBER =
      Pattern.compile("(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

  private static final char PARTIAL = '\u2202'; // ∂
  private static final char Y_HAT = '\u0177'; // ŷ
  private static final char CAPITAL_Y_HAT = '\u0176'; // Ŷ
  private static final char COMBINING_CIRCUMFLEX = '\u0302';

  private final String text;
  private final Matcher number;
  private int index;

  private Lexer(String text) {
    this.text = text;
    this.number = NUMBER.matcher(text);
  }

  /** All tokens of {@code text}, ending with one {@link Token.Kind#END} token. */
  static List<Token> tokenize(String text) {
    Lexer lexer = new Lexer(text);
    List<Token> tokens = new ArrayList<>();
    Token token;
    do {
      token = lexer.next();
      tokens.add(token);
    } while (token.kind() != Token.Kind.END);
    return tokens;
  }

  private Token next() {
    while (index < text.length() && isSpace(text.charAt(index))) {
      index++;
    }
    int start = index;
    if (index >= text.length()) {
      return new Token(Token.Kind.END, "", "", start);
    }
    char c = text.charAt(index);
    if (isDigit(c) || (c == '.' && index + 1 < text.length() && isDigit(text.charAt(index + 1)))) {
      number.region(index, text.length());
      number.lookingAt();
      index = number.end();
      String literal = number.group();
      return new Token(Token.Kind.NUMBER, literal, literal, start);
    }
    if (c == 'd' || c == PARTIAL) {
      Token derivative = derivative(start);
      if (derivative != null) {
        return derivative;
      }
    }
    if (isNameStart(c)) {
      StringBuilder name = new StringBuilder();
      index = readIdentifier(index, name);
      while (index < text.length() && isPrime(text.charAt(index))) {
        name.append('\'');
        index++;
      }
      return new Token(Token.Kind.NAME, text.substring(start, index), name.toString(), start);
    }
    if (c == '*' && index + 1 < text.length() && text.charAt(index + 1) == '*') {
      return symbolToken(Token.Kind.CARET, start, 2);
    }
    Token.Kind kind = operatorKind(c);
    if (kind != null) {
      return symbolToken(kind, start, 1);
    }
    int width = Character.charCount(text.codePointAt(index));
    return symbolToken(Token.Kind.UNKNOWN, start, width);
  }

  private Token symbolToken(Token.Kind kind, int start, int width) {
    index = start + width;
    String written = text.substring(start, index);
    return new Token(kind, written, written, start);
  }

  private static Token.Kind operatorKind(char c) {
    switch (c) {
      case '+':
        return Token.Kind.PLUS;
      case '-':
      case '\u2212': // − minus sign
      case '\u2013': // – en dash, what word processors turn " - " into
        return Token.Kind.MINUS;
      case '*':
      case '\u00D7': // ×
      case '\u00B7': // ·
      case '\u22C5': // ⋅
      case '\u2219': // ∙
        return Token.Kind.STAR;
      case '/':
      case '\u00F7': // ÷
        return Token.Kind.SLASH;
      case '^':
        return Token.Kind.CARET;
      case '(':
        return Token.Kind.LEFT_PAREN;
      case ')':
        return Token.Kind.RIGHT_PAREN;
      default:
        return null;
    }
  }

  /**
   * A derivative symbol {@code d<name>/d<name>} (or with {@code ∂}) written without spaces, read as
   * one symbol; {@code null} (and nothing consumed) when the text at {@code start} is not one.
   */
  private Token derivative(int start) {
    StringBuilder numerator = new StringBuilder();
    int at = start + 1;
    if (at >= text.length() || !isNameStart(text.charAt(at))) {
      return null;
    }
    at = readIdentifier(at, numerator);
    if (at + 1 >= text.length() || text.charAt(at) != '/') {
      return null;
    }
    char d = text.charAt(at + 1);
    if (d != 'd' && d != PARTIAL) {
      return null;
    }
    at += 2;
    if (at >= text.length() || !isNameStart(text.charAt(at))) {
      return null;
    }
    StringBuilder denominator = new StringBuilder();
    at = readIdentifier(at, denominator);
    index = at;
    String name = "d" + numerator + "/d" + denominator;
    return new Token(Token.Kind.NAME, text.substring(start, at), name, start);
  }

  /**
   * Reads identifier characters from {@code from}, appending their normal form; returns the end.
   */
  private int readIdentifier(int from, StringBuilder out) {
    int at = from;
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == Y_HAT || c == CAPITAL_Y_HAT) {
        out.append(c == Y_HAT ? "y_hat" : "Y_hat");
      } else if (c == COMBINING_CIRCUMFLEX && at > from && isHattable(text.charAt(at - 1))) {
        out.append("_hat");
      } else if (isNamePart(c)) {
        out.append(c);
      } else {
        break;
      }
      at++;
    }
    return at;
  }

  private static boolean isHattable(char c) {
    return c == 'y' || c == 'Y';
  }

  static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isNamePart(char c) {
    return Character.isLetter(c) || isDigit(c) || c == '_';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isPrime(char c) {
    return c == '\'' || c == '\u2019' || c == '\u2032'; // ' ’ ′
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }
}
