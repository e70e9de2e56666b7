package org.nngrader.rubric;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the diagnostics of one file, so loading reports all of them at once. */
final class Problems {
  private final String file;
  private final List<RubricDiagnostic> found = new ArrayList<>();

  Problems(String file) {
    this.file = file;
  }

  String file() {
    return file;
  }

  void add(int line, int column, String field, String message) {
    found.add(new RubricDiagnostic(file, line, column, field, message));
  }

  void add(YamlNode at, String field, String message) {
    add(at.line(), at.column(), field, message);
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  /** Throws the collected problems, in file order, if there are any. */
  void throwIfAny() {
    if (!found.isEmpty()) {
      List<RubricDiagnostic> sorted = new ArrayList<>(found);
      sorted.sort(
          Comparator.comparingInt(RubricDiagnostic::line)
              .thenComparingInt(RubricDiagnostic::column));
      throw new RubricException(sorted);
    }
  }
}
