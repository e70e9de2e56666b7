package org.nngrader.bank.expr;

import java.util.Locale;
import java.util.Objects;

/**
 * An expression answer that cannot be read, with where and why: the message reads like {@code at
 * column 12: expected a number, a symbol or '(' but found ')'}.
 */
public final class ExprSyntaxException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int position;
  private final String expected;
  private final String found;

  ExprSyntaxException(int position, String expected, String found) {
    super(
        String.format(
            Locale.ROOT,
            "at column %d: expected %s but found %s",
            position + 1,
            Objects.requireNonNull(expected, "expected"),
            Objects.requireNonNull(found, "found")));
    if (position < 0) {
      throw new IllegalArgumentException("position is " + position + "; it must be >= 0");
    }
    this.position = position;
    this.expected = expected;
    this.found = found;
  }

  /** 0-based index in the original text of the character where reading failed. */
  public int position() {
    return position;
  }

  /** 1-based column of {@link #position()}, as the message says it. */
  public int column() {
    return position + 1;
  }

  /** What would have been readable at that position, e.g. {@code a number, a symbol or '('}. */
  public String expected() {
    return expected;
  }

  /** What was there instead, quoted as written, or {@code the end of the expression}. */
  public String found() {
    return found;
  }
}
