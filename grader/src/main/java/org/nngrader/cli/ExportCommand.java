package org.nngrader.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.nngrader.grader.export.ExportFormat;
import org.nngrader.grader.export.GradeExporter;
import org.nngrader.grader.export.GradeRow;
import org.nngrader.grader.export.ResultsFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nngrader export}: grades in the upload format of Canvas, Moodle (gradebook import or the
 * assignment's grading worksheet), Blackboard or D2L Brightspace; the summary says which
 * identifier and column were used and which students the file leaves alone.
 */
@Command(mixinStandardHelpOptions = true, name = "export", description = "Export grades for an LMS (generic, canvas, moodle, "
    + "moodle-worksheet, blackboard, brightspace).")
final class ExportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--results", required = true, paramLabel = "RESULTS", description = "Results folder from 'nngrader grade'.")
  Path results;

  @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "generic, canvas, moodle, moodle-worksheet, blackboard or brightspace (d2l).")
  String format;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The csv file to write.")
  Path out;

  @Option(names = "--gradebook", paramLabel = "LMS_EXPORT.csv",
      description = "Fill in the LMS's own export: a Canvas or Moodle gradebook export, a Blackboard "
          + "Grade Center download, or a Moodle grading worksheet (moodle-worksheet).")
  Path gradebook;

  @Option(names = "--assignment", defaultValue = "nngrader", paramLabel = "NAME",
      description = "Assignment (column) name (default: ${DEFAULT-VALUE}).")
  String assignment;

  @Option(names = "--points", paramLabel = "N", description = "Scale scores to N points (default: the rubric's maximum).")
  Double points;

  @Option(names = "--column-id", paramLabel = "ID", description = "The LMS column id: Canvas assignment id (the number in 'Title (id)'), Blackboard column id.")
  String columnId;

  @Option(names = "--missing-as-zero", description = "Write 0 (not an empty cell) for students without a submission.")
  boolean missingAsZero;

  @Override
  public Integer call() throws IOException {
    ExportFormat f = Cli.attempt(() -> ExportFormat.parse(format));
    if (gradebook != null && (f == ExportFormat.GENERIC || f == ExportFormat.BRIGHTSPACE)) {
      throw new UsageException("--gradebook is for --format canvas, moodle, moodle-worksheet or "
          + "blackboard (the LMS's own export to fill in)");
    }
    if (gradebook != null && !Files.isRegularFile(gradebook)) {
      throw new UsageException(gradebook + ": no such file; export the gradebook from the LMS first");
    }
    List<GradeRow> rows = Cli.attempt(() -> {
      try {
        return ResultsFolder.read(results);
      } catch (IOException e) {
        throw new IllegalArgumentException(results + ": cannot be read (" + e.getMessage() + ")");
      }
    });
    GradeExporter.Options options = Cli.attempt(() ->
        new GradeExporter.Options(assignment, points, missingAsZero, gradebook, columnId));
    GradeExporter.Written written = Cli.attempt(() -> {
      try {
        return GradeExporter.write(f, rows, options, out);
      } catch (IOException e) {
        throw new IllegalArgumentException(out + ": cannot be written (" + e.getMessage() + ")");
      }
    });
    var w = spec.commandLine().getOut();
    w.printf("Wrote %s (%s, %d students).%n", out, f.id(), written.rows());
    for (String note : written.notes()) {
      w.println("  " + note);
    }
    if (!written.unmatched().isEmpty()) {
      w.println("Graded but not exported (not in the LMS file, or no identifier the LMS knows): "
          + String.join(", ", written.unmatched()));
    }
    if (!written.leftAlone().isEmpty()) {
      w.println("Left alone (not graded by nngrader; their grades in the LMS stay as they are): "
          + String.join(", ", written.leftAlone()));
    }
    return Main.EXIT_OK;
  }
}
