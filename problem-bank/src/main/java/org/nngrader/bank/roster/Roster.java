package org.nngrader.bank.roster;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The students of a class, in roster order, with unique ids. Immutable.
 *
 * @param source where the roster came from (a file name), for messages
 */
public record Roster(String source, List<Student> students) {

  public Roster {
    students = List.copyOf(students);
    if (students.isEmpty()) {
      throw new IllegalArgumentException(source + ": the roster has no students");
    }
    Set<String> ids = new HashSet<>();
    for (Student s : students) {
      if (!ids.add(s.id())) {
        throw new IllegalArgumentException(source + ": student id '" + s.id() + "' appears twice");
      }
    }
  }

  public int size() {
    return students.size();
  }
}
