package org.nngrader.grader.batch;

import java.util.Map;

/**
 * A student of a problem set as the grader needs them: identity, LMS identifiers, and the
 * variant (id and given values) generated for them. Immutable.
 *
 * @param lmsIds roster columns beyond id/name/email (canvas_id, sis_user_id, section, ...)
 */
public record SetStudent(
    String id, String name, String email, String variant, Map<String, Double> givens,
    Map<String, String> lmsIds) {

  public SetStudent {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a student needs an id");
    }
    givens = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(givens));
    lmsIds = Map.copyOf(lmsIds);
  }
}
