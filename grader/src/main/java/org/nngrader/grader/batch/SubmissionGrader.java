package org.nngrader.grader.batch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nngrader.grader.engine.GradeResult;
import org.nngrader.grader.engine.GradingEngine;
import org.nngrader.grader.read.AnswerSheet;
import org.nngrader.grader.read.SheetReadException;
import org.nngrader.grader.read.SheetReaders;
import org.nngrader.grader.read.StepIdMatcher;

/**
 * Grades one sheet whose owner is already known (a signed-in student's upload), the way
 * {@link ClassGrader} grades each student's newest submission: the same reader, the same
 * conversion of answers, the same variant check (a sheet carrying another student's variant is
 * graded against that variant and flagged as possible copying) and the same late policy. A file
 * that cannot be graded comes back as a failed {@link GradedSubmission} with its reason.
 *
 * <p>Immutable and thread-safe: one instance serves every upload of a problem set.
 */
public final class SubmissionGrader {

  private final GradingEngine engine;
  private final Map<String, SetStudent> byVariant = new HashMap<>();
  private final StepIdMatcher matcher;

  public SubmissionGrader(GradingEngine engine, List<SetStudent> students) {
    this.engine = engine;
    for (SetStudent s : students) {
      byVariant.put(s.variant(), s);
    }
    this.matcher = new StepIdMatcher(engine.template().asked());
  }

  /** The engine (template and rubric) this grader grades with. */
  public GradingEngine engine() {
    return engine;
  }

  /**
   * Reads and grades one sheet of {@code student}.
   *
   * @param file the file name as uploaded (decides nothing but the reader's format guess)
   * @param late whether the upload came after the deadline (the rubric's late policy applies)
   * @param submittedAt when it was uploaded (the late policy may depend on it)
   */
  public GradedSubmission grade(SetStudent student, String file, byte[] content, boolean late,
      Instant submittedAt) {
    AnswerSheet sheet;
    try {
      sheet = SheetReaders.read(file, content);
    } catch (SheetReadException e) {
      return GradedSubmission.failed(student.id(), student.name(), file, e.getMessage(), List.of());
    }
    List<String> flags = new ArrayList<>();
    if (sheet.studentId() != null && !sheet.studentId().strip().equalsIgnoreCase(student.id())) {
      flags.add("possible copying: the sheet says " + sheet.studentId().strip() + " but it was "
          + "uploaded by " + student.id());
    }
    SetStudent variantOwner = student;
    if (sheet.variant() != null && !sheet.variant().equals(student.variant())) {
      SetStudent other = byVariant.get(sheet.variant());
      if (other != null) {
        variantOwner = other;
        flags.add("possible copying: the sheet carries variant " + sheet.variant() + " of student "
            + other.id() + "; graded against that variant");
      } else {
        flags.add("the sheet's variant " + sheet.variant() + " is not in this problem set; graded "
            + "against the student's own variant " + student.variant());
      }
    }
    AnswerConversion.Converted converted =
        AnswerConversion.convert(sheet, matcher, engine.expressionSteps());
    if (converted.answers().isEmpty()) {
      return GradedSubmission.failed(student.id(), student.name(), file, file + ": has no step "
          + "of this exercise (not an answer sheet?); upload the answers.xlsx or answers.csv of "
          + "your problem sheet", List.of());
    }
    flags.addAll(converted.remarks());
    GradeResult r = engine.grade(variantOwner.givens(), converted.answers());
    double adjusted = engine.rubric().applyLate(r.score(), r.maxScore(), late, submittedAt);
    if (adjusted != r.score()) {
      flags.add("late: " + engine.rubric().late().describe());
      r = new GradeResult(r.steps(), adjusted, r.maxScore(), r.firstDivergence());
    } else if (late) {
      flags.add("late");
    }
    return new GradedSubmission(student.id(), student.name(), variantOwner.variant(), file,
        GradedSubmission.Status.GRADED, r, null, variantOwner.givens(), flags, late);
  }
}
