package org.nngrader.grader.export;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes grades in the upload format of an LMS. Each LMS's rules live in one class
 * ({@link CanvasExport}, {@link MoodleExport}, {@link MoodleWorksheetExport},
 * {@link BlackboardExport}, {@link BrightspaceExport}; sources in {@code LMS-RULES.md}). Scores are
 * plain numbers with two decimals, text fields go through {@link SafeText}, and a student nngrader
 * did not grade is never given a blank score: the LMS uploads either leave their row out or keep
 * the cell the LMS exported, unless {@link Options#missingAsZero()} asks for zero.
 */
public final class GradeExporter {

  /**
   * Export settings.
   *
   * @param assignment the assignment (column) name
   * @param points scale scores to this many points (null: the rubric's maximum)
   * @param missingAsZero write 0 rather than an empty cell for students without a submission
   * @param gradebook an LMS export to fill in (Canvas or Moodle gradebook, Blackboard Grade
   *     Center download, Moodle grading worksheet), or null
   * @param columnId the LMS column id (Canvas assignment id, Blackboard column id), or null
   */
  public record Options(
      String assignment, Double points, boolean missingAsZero, Path gradebook, String columnId) {
    public Options {
      if (assignment == null || assignment.isBlank()) {
        throw new IllegalArgumentException("the assignment name is empty; pass --assignment \"Name\"");
      }
      if (points != null && !(points > 0)) {
        throw new IllegalArgumentException("--points is " + points + "; it must be above 0");
      }
    }
  }

  private GradeExporter() {}

  /**
   * What an export wrote.
   *
   * @param rows students whose grade the file carries
   * @param unmatched graded students the LMS file has no row for (gradebook mode), or who lack
   *     the identifier the LMS needs: not exported
   * @param leftAlone students nngrader did not grade, whose grade in the LMS the file leaves as it is
   * @param notes what the export chose (the identifier, the column) and anything to check
   */
  public record Written(int rows, List<String> unmatched, List<String> leftAlone, List<String> notes) {
    public Written {
      unmatched = List.copyOf(unmatched);
      leftAlone = List.copyOf(leftAlone);
      notes = List.copyOf(notes);
    }
  }

  public static Written write(ExportFormat format, List<GradeRow> rows, Options options, Path out)
      throws IOException {
    return switch (format) {
      case GENERIC -> generic(rows, options, out);
      case CANVAS -> options.gradebook() != null ? CanvasExport.fill(rows, options, out)
          : CanvasExport.write(rows, options, out);
      case MOODLE -> options.gradebook() != null ? MoodleExport.fill(rows, options, out)
          : MoodleExport.write(rows, options, out);
      case MOODLE_WORKSHEET -> MoodleWorksheetExport.write(rows, options, out);
      case BLACKBOARD -> options.gradebook() != null ? BlackboardExport.fill(rows, options, out)
          : BlackboardExport.write(rows, options, out);
      case BRIGHTSPACE -> {
        if (options.gradebook() != null) {
          throw new IllegalArgumentException("--gradebook is not used with --format brightspace; "
              + "its import matches students by OrgDefinedId or Username and leaves out nobody's row");
        }
        yield BrightspaceExport.write(rows, options, out);
      }
    };
  }

  /** Whether the export writes a score for this student: graded, or any with --missing-as-zero. */
  static boolean exported(GradeRow r, Options o) {
    return r.score() != null || o.missingAsZero();
  }

  /** The students an export leaves alone: no score and no --missing-as-zero. */
  static List<String> leftAlone(List<GradeRow> rows, Options o) {
    return rows.stream().filter(r -> !exported(r, o)).map(GradeRow::studentId).toList();
  }

  static double maxPoints(List<GradeRow> rows, Options options) {
    if (options.points() != null) {
      return options.points();
    }
    return rows.stream().mapToDouble(GradeRow::max).filter(m -> m > 0).max().orElse(0);
  }

  /** The score cell: scaled, with the given decimals, or "" for no submission. */
  static String score(GradeRow r, Options options, int decimals) {
    Double s = r.score();
    if (s == null) {
      return options.missingAsZero() ? format(0, decimals) : "";
    }
    double value = options.points() == null || r.max() == 0 ? s : s / r.max() * options.points();
    return format(value, decimals);
  }

  static String format(double v, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  private static Written generic(List<GradeRow> rows, Options o, Path out) throws IOException {
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
        .setHeader("student_id", "name", "email", "score", "max", "status", "feedback").get())) {
      double max = maxPoints(rows, o);
      for (GradeRow r : rows) {
        p.printRecord(SafeText.of(r.studentId()), SafeText.of(r.name()), SafeText.of(r.email()),
            score(r, o, 2), format(max, 2), r.status(), SafeText.of(r.feedback()));
      }
    }
    return new Written(rows.size(), List.of(), List.of(), List.of());
  }

  static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : format(v, 2);
  }

  /** First and last name from a full name ("Last, First" or "First Middle Last"). */
  static String[] splitName(String name) {
    if (name == null || name.isBlank()) {
      return new String[] {"", ""};
    }
    String n = name.strip();
    int comma = n.indexOf(',');
    if (comma > 0) {
      return new String[] {n.substring(comma + 1).strip(), n.substring(0, comma).strip()};
    }
    int space = n.lastIndexOf(' ');
    return space < 0 ? new String[] {"", n} : new String[] {n.substring(0, space), n.substring(space + 1)};
  }
}
