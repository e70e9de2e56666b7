package org.nngrader.bank.expr;

import java.util.Objects;

/**
 * One lexical unit of an expression answer.
 *
 * @param kind what the token is
 * @param text the characters as the student wrote them (for messages)
 * @param name for {@link Kind#NAME} the normalised name ({@code ŷ} as {@code y_hat}, {@code ∂} as
 *     {@code d}, primes as {@code '}); for {@link Kind#NUMBER} the literal text; otherwise the text
 * @param start 0-based index of the first character in the original text
 */
record Token(Kind kind, String text, String name, int start) {

  enum Kind {
    NUMBER,
    NAME,
    PLUS,
    MINUS,
    STAR,
    SLASH,
    CARET,
    LEFT_PAREN,
    RIGHT_PAREN,
    UNKNOWN,
    END
  }

  Token {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(name, "name");
    if (start < 0) {
      throw new IllegalArgumentException("token start is " + start + "; it must be >= 0");
    }
  }

  /** How the token is named in "but found ..." messages. */
  String describe() {
    return kind == Kind.END ? "the end of the expression" : "'" + text + "'";
  }
}
