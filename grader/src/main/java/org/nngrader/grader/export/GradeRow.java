package org.nngrader.grader.export;

import java.util.Map;

/**
 * One student as an export needs them: identity and LMS ids, and the score (null when the
 * student has no graded submission). Immutable.
 */
public record GradeRow(
    String studentId, String name, String email, Map<String, String> lmsIds, Double score,
    double max, String status, String feedback) {

  public GradeRow {
    lmsIds = Map.copyOf(lmsIds);
  }

  /** An LMS id column (canvas_id, sis_user_id, ...), or "" when absent. */
  public String lms(String key) {
    return lmsIds.getOrDefault(key, "");
  }
}
