package org.nngrader.grader.export;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.nngrader.bank.sheet.SpreadsheetText;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * Writes grades in the upload format of an LMS. Scores are plain numbers (two decimals for
 * Canvas), text fields go through {@link SafeText}, and students without a graded submission
 * get an empty score unless {@link Options#missingAsZero()} asks for zero.
 */
public final class GradeExporter {

  /**
   * Export settings.
   *
   * @param assignment the assignment (column) name
   * @param points scale scores to this many points (null: the rubric's maximum)
   * @param missingAsZero write 0 rather than an empty cell for students without a submission
   * @param gradebook an LMS gradebook export to fill in (Canvas), or null
   * @param columnId the LMS column id (Blackboard), or null
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

  /** What an export wrote: rows and the students it could not place (gradebook mode). */
  public record Written(int rows, List<String> unmatched) {}

  public static Written write(ExportFormat format, List<GradeRow> rows, Options options, Path out)
      throws IOException {
    if (format == ExportFormat.CANVAS && options.gradebook() != null) {
      return CanvasGradebook.fill(rows, options, out);
    }
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      switch (format) {
        case GENERIC -> generic(rows, options, w);
        case CANVAS -> canvas(rows, options, w);
        case MOODLE -> moodle(rows, options, w);
        case BLACKBOARD -> blackboard(rows, options, w);
      }
    }
    return new Written(rows.size(), List.of());
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

  private static void generic(List<GradeRow> rows, Options o, Writer w) throws IOException {
    try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
        .setHeader("student_id", "name", "email", "score", "max", "status", "feedback").get())) {
      double max = maxPoints(rows, o);
      for (GradeRow r : rows) {
        p.printRecord(SafeText.of(r.studentId()), SafeText.of(r.name()), SafeText.of(r.email()),
            score(r, o, 2), format(max, 2), r.status(), SafeText.of(r.feedback()));
      }
    }
  }

  private static void canvas(List<GradeRow> rows, Options o, Writer w) throws IOException {
    try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
      p.printRecord("Student", "ID", "SIS User ID", "SIS Login ID", "Section", o.assignment());
      p.printRecord("    Points Possible", "", "", "", "", format(maxPoints(rows, o), 2));
      for (GradeRow r : rows) {
        p.printRecord(SafeText.of(r.name() == null ? r.studentId() : r.name()),
            SpreadsheetText.cell(r.lms("canvas_id")),
            SafeText.of(r.lms("sis_user_id").isEmpty() ? r.studentId() : r.lms("sis_user_id")),
            SafeText.of(r.lms("sis_login_id")), SafeText.of(r.lms("section")), score(r, o, 2));
      }
    }
  }

  private static void moodle(List<GradeRow> rows, Options o, Writer w) throws IOException {
    boolean byEmail = rows.stream().allMatch(r -> r.email() != null && !r.email().isBlank());
    try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
      p.printRecord(byEmail ? "Email address" : "ID number", o.assignment(), "Feedback comments");
      for (GradeRow r : rows) {
        String id = byEmail ? r.email()
            : r.lms("moodle_idnumber").isEmpty() ? r.studentId() : r.lms("moodle_idnumber");
        p.printRecord(SafeText.of(id), score(r, o, 2), SafeText.of(r.feedback()));
      }
    }
  }

  private static void blackboard(List<GradeRow> rows, Options o, Writer w) throws IOException {
    String header = o.assignment() + " [Total Pts: " + trim(maxPoints(rows, o)) + " Score]"
        + (o.columnId() == null ? "" : " |" + o.columnId());
    try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.ALL).get())) {
      p.printRecord("Last Name", "First Name", "Username", header);
      for (GradeRow r : rows) {
        String[] names = splitName(r.name());
        String user = r.lms("username").isEmpty() ? r.studentId() : r.lms("username");
        p.printRecord(SafeText.of(names[1]), SafeText.of(names[0]), SafeText.of(user), score(r, o, 2));
      }
    }
  }

  private static String trim(double v) {
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

  /** Fills one assignment column of an instructor's Canvas gradebook export. */
  static final class CanvasGradebook {
    private CanvasGradebook() {}

    static Written fill(List<GradeRow> rows, Options o, Path out) throws IOException {
      Path book = o.gradebook();
      List<List<String>> table = new ArrayList<>();
      try (CSVParser parser = CSVParser.parse(book, StandardCharsets.UTF_8,
          CSVFormat.DEFAULT.builder().get())) {
        for (CSVRecord rec : parser) {
          table.add(new ArrayList<>(rec.toList()));
        }
      }
      if (table.isEmpty() || table.get(0).isEmpty()) {
        throw new IllegalArgumentException(book + ": is empty; export the gradebook from Canvas "
            + "(Grades > Export) and pass that file");
      }
      if (!table.get(0).isEmpty() && table.get(0).get(0).startsWith("\uFEFF")) {
        table.get(0).set(0, table.get(0).get(0).substring(1));
      }
      List<String> header = table.get(0);
      int idCol = header.indexOf("ID");
      int sisCol = header.indexOf("SIS User ID");
      int loginCol = header.indexOf("SIS Login ID");
      if (header.indexOf("Student") != 0 || idCol < 0) {
        throw new IllegalArgumentException(book + " line 1: expected a Canvas gradebook header "
            + "starting Student,ID,...; found " + String.join(",", header.subList(0, Math.min(5, header.size()))));
      }
      int col = -1;
      for (int i = 0; i < header.size(); i++) {
        String h = header.get(i);
        if (h.equals(o.assignment()) || h.startsWith(o.assignment() + " (")) {
          col = i;
          break;
        }
      }
      int pointsRow = -1;
      for (int r = 1; r < table.size(); r++) {
        if (!table.get(r).isEmpty() && table.get(r).get(0).strip().equals("Points Possible")) {
          pointsRow = r;
        }
      }
      if (col >= 0 && pointsRow >= 0 && col < table.get(pointsRow).size()
          && table.get(pointsRow).get(col).contains("read only")) {
        throw new IllegalArgumentException(book + ": column '" + header.get(col)
            + "' is read-only in Canvas; name an assignment column with --assignment");
      }
      String max = format(maxPoints(rows, o), 2);
      if (col < 0) {
        col = header.size();
        for (List<String> row : table) {
          while (row.size() < col) {
            row.add("");
          }
          row.add("");
        }
        header.set(col, o.assignment());
        if (pointsRow >= 0) {
          table.get(pointsRow).set(col, max);
        }
      }
      Map<String, GradeRow> byKey = new HashMap<>();
      for (GradeRow g : rows) {
        for (String k : List.of(g.lms("canvas_id"), g.lms("sis_user_id"), g.lms("sis_login_id"), g.studentId())) {
          if (!k.isEmpty()) {
            byKey.putIfAbsent(k, g);
          }
        }
      }
      List<String> placed = new ArrayList<>();
      for (int r = 1; r < table.size(); r++) {
        if (r == pointsRow) {
          continue;
        }
        List<String> row = table.get(r);
        GradeRow g = null;
        for (int c : new int[] {idCol, sisCol, loginCol}) {
          if (g == null && c >= 0 && c < row.size() && !row.get(c).isBlank()) {
            g = byKey.get(row.get(c).strip());
          }
        }
        if (g != null) {
          while (row.size() <= col) {
            row.add("");
          }
          row.set(col, score(g, o, 2));
          placed.add(g.studentId());
        }
      }
      List<String> unmatched = rows.stream().map(GradeRow::studentId)
          .filter(id -> !placed.contains(id)).toList();
      try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
          CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
        for (List<String> row : table) {
          p.printRecord(row.stream().map(SpreadsheetText::cell).toList());
        }
      }
      return new Written(placed.size(), unmatched);
    }
  }
}
