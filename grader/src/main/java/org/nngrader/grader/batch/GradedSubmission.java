package org.nngrader.grader.batch;

import java.util.List;
import java.util.Map;
import org.nngrader.grader.engine.GradeResult;

/**
 * One submission after grading: who it belongs to, which variant it was graded against, the
 * result (null when the file could not be graded) and what was noticed on the way. Immutable.
 *
 * @param studentId the student, from the sheet, else from the file name or LMS name; may be
 *     null only for a failed file whose owner could not be told
 * @param name the roster name, or null
 * @param variant the variant id graded against (from the sheet when it has one)
 * @param file the submission's name as given (path inside a zip or folder)
 * @param status graded, or failed with {@code error} saying why and what to do
 * @param givens the variant's given values (empty when failed)
 * @param flags remarks for the TA: possible copying, late, unknown rows, older submissions
 * @param late whether the LMS marked the submission late
 */
public record GradedSubmission(
    String studentId,
    String name,
    String variant,
    String file,
    Status status,
    GradeResult result,
    String error,
    Map<String, Double> givens,
    List<String> flags,
    boolean late) {

  /** Whether a submission was graded. */
  public enum Status {
    GRADED("graded"),
    FAILED("failed");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public GradedSubmission {
    givens = givens == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(givens));
    flags = List.copyOf(flags);
    if ((status == Status.GRADED) != (result != null)) {
      throw new IllegalArgumentException("a graded submission has a result, a failed one has none");
    }
    if (status == Status.FAILED && (error == null || error.isBlank())) {
      throw new IllegalArgumentException("a failed submission needs the reason");
    }
  }

  public static GradedSubmission failed(String studentId, String name, String file, String error,
      List<String> flags) {
    return new GradedSubmission(studentId, name, null, file, Status.FAILED, null, error, Map.of(),
        flags, false);
  }
}
