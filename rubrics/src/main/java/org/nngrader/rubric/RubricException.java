package org.nngrader.rubric;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A rubric could not be loaded. Carries every problem found, not only the first, so that an
 * instructor fixes a file in one round; {@link #getMessage()} gives one problem per line.
 */
public final class RubricException extends RuntimeException {
  private final List<RubricDiagnostic> diagnostics;

  public RubricException(List<RubricDiagnostic> diagnostics) {
    super(format(diagnostics));
    if (diagnostics.isEmpty()) {
      throw new IllegalArgumentException("a rubric exception needs at least one diagnostic");
    }
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** The problems, in file order. */
  public List<RubricDiagnostic> diagnostics() {
    return diagnostics;
  }

  private static String format(List<RubricDiagnostic> diagnostics) {
    return diagnostics.stream().map(RubricDiagnostic::format).collect(Collectors.joining("\n"));
  }
}
