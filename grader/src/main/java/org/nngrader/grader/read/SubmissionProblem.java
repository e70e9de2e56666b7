package org.nngrader.grader.read;

import java.util.Objects;

/**
 * An entry under a submissions path that was not taken (a nested archive, a file beyond the size
 * limit, a damaged zip entry). Diagnostics as data; the rest of the submissions are still read.
 *
 * @param entryName the entry as in the archive or relative to the folder
 * @param message what is wrong and what to do, without the entry name
 */
public record SubmissionProblem(String entryName, String message) implements SubmissionEntry {

  public SubmissionProblem {
    Objects.requireNonNull(entryName, "entryName");
    Objects.requireNonNull(message, "message");
  }

  /** The problem as one line of text: {@code entry: message}. */
  public String describe() {
    return entryName + ": " + message;
  }
}
