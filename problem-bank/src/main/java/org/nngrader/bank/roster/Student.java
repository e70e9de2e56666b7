package org.nngrader.bank.roster;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One student of a roster. Immutable.
 *
 * @param id the student id (never blank; trimmed)
 * @param name the display name, or "" when the roster has none
 * @param email the e-mail address, or "" when the roster has none
 * @param extra every other roster column (canvas_id, sis_user_id, section, ...), by normalized
 *     column name in roster order, kept for LMS exports
 */
public record Student(String id, String name, String email, Map<String, String> extra) {

  public Student {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("student id is blank");
    }
    id = id.strip();
    name = name == null ? "" : name.strip();
    email = email == null ? "" : email.strip();
    extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra == null ? Map.of() : extra));
  }

  /** A student with only an id. */
  public static Student of(String id) {
    return new Student(id, "", "", Map.of());
  }
}
