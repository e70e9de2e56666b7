package org.nngrader.grader.read;

/**
 * One item found under a submissions path: a {@link Submission} to grade or a {@link
 * SubmissionProblem} saying why an entry was not taken.
 */
public sealed interface SubmissionEntry permits Submission, SubmissionProblem {

  /** The entry's path as in the archive, or relative to the folder, with {@code /} separators. */
  String entryName();
}
