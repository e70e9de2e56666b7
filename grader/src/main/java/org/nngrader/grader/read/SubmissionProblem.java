package org.nngrader.grader.read;

import java.util.Objects;

/**
 * An entry under a submissions path that was not taken (a nested archive, a file beyond the size
 * limit, a damaged or encrypted zip entry). Diagnostics as data; the rest of the submissions are
 * still read. What the entry's LMS name or file name says about its student is kept, so that a
 * refused file is still listed under its student.
 *
 * @param entryName the entry as in the archive or relative to the folder
 * @param message what is wrong and what to do, without the entry name
 * @param path the path the LMS name is read from: the entry name, without the copy number a
 *     repeated name in a zip gets
 */
public record SubmissionProblem(String entryName, String message, String path)
    implements SubmissionEntry {

  public SubmissionProblem {
    Objects.requireNonNull(entryName, "entryName");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(path, "path");
  }

  public SubmissionProblem(String entryName, String message) {
    this(entryName, message, entryName);
  }

  /** The problem as one line of text: {@code entry: message}. */
  public String describe() {
    return entryName + ": " + message;
  }

  /** The file name the student uploaded, with the LMS prefix or folder taken off. */
  public String fileName() {
    return LmsName.parse(path).fileName();
  }

  /** The LMS user or participant id in the entry's name, or null. */
  public String lmsUserId() {
    return LmsName.parse(path).userId();
  }

  /** The student's name in the entry's LMS name, or null. */
  public String displayName() {
    return LmsName.parse(path).displayName();
  }
}
