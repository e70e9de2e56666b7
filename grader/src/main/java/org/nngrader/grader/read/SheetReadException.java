package org.nngrader.grader.read;

import java.util.Objects;

/**
 * A file that cannot be read as an answer sheet at all (wrong format, damaged, password
 * protected). The message names the file, says what is wrong and what to do, e.g. {@code
 * answers.xlsx: not a valid xlsx file (truncated zip?); re-save it from Excel or hand in the csv
 * template}.
 */
public final class SheetReadException extends Exception {

  private final String sourceName;

  SheetReadException(String sourceName, String problem) {
    this(sourceName, problem, null);
  }

  SheetReadException(String sourceName, String problem, Throwable cause) {
    super(Objects.requireNonNull(sourceName, "sourceName") + ": " + problem, cause);
    this.sourceName = sourceName;
  }

  /** The file the reader was given. */
  public String sourceName() {
    return sourceName;
  }
}
