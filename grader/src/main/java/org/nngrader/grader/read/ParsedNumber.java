package org.nngrader.grader.read;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What a written answer means as a number: a {@link Value}, {@link Missing} (nothing written) or
 * {@link Unreadable} (something written that is not a number; kept as written so the student sees
 * their own text). Produced by {@link NumberForms#parse(String)}. Immutable.
 */
public sealed interface ParsedNumber
    permits ParsedNumber.Value, ParsedNumber.Missing, ParsedNumber.Unreadable {

  /** The number, when this is a {@link Value}; empty otherwise. */
  default OptionalDouble asDouble() {
    return this instanceof Value v ? OptionalDouble.of(v.value()) : OptionalDouble.empty();
  }

  /** A finite number. */
  record Value(double value) implements ParsedNumber {
    public Value {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("an answer value must be finite, got " + value);
      }
    }
  }

  /** Nothing was written (blank or whitespace only); never the same as zero. */
  record Missing() implements ParsedNumber {}

  /**
   * Something was written that is not a number.
   *
   * @param written the text exactly as the student wrote it
   * @param reason why it is not a number and what to write instead, as a sentence
   */
  record Unreadable(String written, String reason) implements ParsedNumber {
    public Unreadable {
      Objects.requireNonNull(written, "written");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
