package org.nngrader.grader.read;

import java.util.Objects;

/**
 * Something odd found while reading a sheet that did not stop the reading, e.g. an answer without
 * a step id. Diagnostics as data: formatted with the file name only at the edge.
 *
 * @param row the 1-based row it concerns, or 0 when it concerns the file as a whole
 * @param message what is odd and what to do, without the file name or row
 */
public record ReadProblem(int row, String message) {

  public ReadProblem {
    Objects.requireNonNull(message, "message");
    if (row < 0) {
      throw new IllegalArgumentException("row must be 0 (whole file) or a 1-based row, got " + row);
    }
  }

  /** The problem as one line of text, e.g. {@code answers.xlsx row 12: ...}. */
  public String describe(String sourceName) {
    return row == 0 ? sourceName + ": " + message : sourceName + " row " + row + ": " + message;
  }
}
