package org.nngrader.rubric;

import java.util.Objects;

/**
 * One problem found in a rubric file.
 *
 * @param file the file as the user named it (or {@code builtin/NAME.yaml})
 * @param line 1-based line of the problem, or 0 when it concerns the whole file
 * @param column 1-based column, or 0 when unknown
 * @param field the field path, such as {@code steps[2].tolerance.relative}; empty for
 *     problems that belong to no field (syntax errors, unreadable files)
 * @param message a sentence naming the field, the bad value and what would be valid
 */
public record RubricDiagnostic(String file, int line, int column, String field, String message) {

  public RubricDiagnostic {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column are 1-based, or 0 when unknown");
    }
  }

  /** {@code rubric.yaml line 12: tolerance.relative is -0.1; it must be between 0 and 1}. */
  public String format() {
    return line > 0 ? file + " line " + line + ": " + message : file + ": " + message;
  }
}
