package org.nngrader.grader.read;

import java.util.List;
import java.util.Objects;

/**
 * One student's answer sheet as read from a file: who and which variant it says it is, and every
 * step row in sheet order (the header row and the {@code student_id} and {@code variant} rows left
 * out). Immutable.
 *
 * @param sourceName the file name as given to the reader (e.g. the zip entry name)
 * @param format the format detected from the content
 * @param studentId the {@code student_id} written in the sheet; {@code null} when absent or blank
 * @param variant the variant id from the sheet (visible {@code variant} row, else a hidden sheet);
 *     {@code null} when absent
 * @param cells the step rows in sheet order
 * @param problems odd rows and other things worth telling the student or TA, in row order
 */
public record AnswerSheet(String sourceName, SheetFormat format, String studentId, String variant,
    List<AnswerCell> cells, List<ReadProblem> problems) {

  public AnswerSheet {
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(format, "format");
    cells = List.copyOf(cells);
    problems = List.copyOf(problems);
  }
}
