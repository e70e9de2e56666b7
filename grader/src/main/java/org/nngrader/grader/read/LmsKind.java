package org.nngrader.grader.read;

/** Which learning-management system named a submission file, as recognised from its name. */
public enum LmsKind {
  /**
   * Canvas "Download Submissions": {@code {sortable name}[_LATE]_{user id}_{attachment id}_{file}},
   * or {@code anon_{id}_...} under anonymous grading.
   */
  CANVAS,
  /**
   * Moodle "Download all submissions": {@code {Full Name}_{participant id}_assignsubmission_file}
   * as a folder or as a file-name prefix.
   */
  MOODLE,
  /** Any other name: the student is known from the sheet only. */
  PLAIN
}
