package org.nngrader.grader.export;

import static org.nngrader.grader.export.GradeExporter.exported;
import static org.nngrader.grader.export.GradeExporter.format;
import static org.nngrader.grader.export.GradeExporter.leftAlone;
import static org.nngrader.grader.export.GradeExporter.maxPoints;
import static org.nngrader.grader.export.GradeExporter.score;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.nngrader.grader.export.GradeExporter.Written;

/**
 * Canvas gradebook import, as {@code app/models/gradebook_importer.rb} reads it: a header
 * {@code Student,ID[,SIS User ID,SIS Login ID[,Integration ID]],Section,...}, a
 * {@code Points Possible} row, assignment columns named {@code title (id)} (parsed with
 * {@code /\A(.*)\s\((\d+)\)\z/}, else matched by the whole header as a title, else a new
 * assignment), students found by the ID column, else SIS User ID, else SIS Login ID, else name.
 * A blank cell over an existing score is a change (it clears the grade), so a student nngrader did
 * not grade is left out of a new file and keeps the exported cell in a filled-in gradebook.
 * Semicolon-delimited exports and decimal commas are read as Canvas reads them.
 */
final class CanvasExport {

  /** {@code Assignment.title_and_id}. */
  static final Pattern TITLE_AND_ID = Pattern.compile("\\A(.*)\\s\\((\\d+)\\)\\z", Pattern.DOTALL);

  /** Columns Canvas strips before matching assignments ({@code NON_ASSIGNMENT_COLUMN_HEADERS}). */
  static final Pattern NON_ASSIGNMENT = Pattern.compile(
      "Current Score|Current Points|Current Grade|Final Score|Final Points|Final Grade"
          + "|Override Score|Override Grade|Override Status");

  private CanvasExport() {}

  static Written write(List<GradeRow> rows, GradeExporter.Options o, Path out) throws IOException {
    String title = o.columnId() == null ? o.assignment() : o.assignment() + " (" + o.columnId() + ")";
    int written = 0;
    int noCanvasId = 0;
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
      p.printRecord("Student", "ID", "SIS User ID", "SIS Login ID", "Section", title);
      p.printRecord("    Points Possible", "", "", "", "", format(maxPoints(rows, o), 2));
      for (GradeRow r : rows) {
        if (!exported(r, o)) {
          continue;
        }
        if (r.lms("canvas_id").isEmpty()) {
          noCanvasId++;
        }
        p.printRecord(SafeText.of(r.name() == null ? r.studentId() : r.name()), r.lms("canvas_id"),
            SafeText.of(r.lms("sis_user_id").isEmpty() ? r.studentId() : r.lms("sis_user_id")),
            SafeText.of(r.lms("sis_login_id")), SafeText.of(r.lms("section")), score(r, o, 2));
        written++;
      }
    }
    List<String> notes = new ArrayList<>();
    notes.add("column '" + title + "'" + (o.columnId() == null
        ? " (Canvas matches it by title, or creates a new assignment; --column-id names an existing one)"
        : ""));
    if (noCanvasId > 0) {
      notes.add(noCanvasId + " student(s) have no canvas_id in the roster: Canvas finds them by SIS "
          + "User ID (the student_id when the roster has no sis_user_id) or by name; check the import preview");
    }
    return new Written(written, List.of(), leftAlone(rows, o), notes);
  }

  /** Fills one assignment column of an instructor's Canvas gradebook export. */
  static Written fill(List<GradeRow> rows, GradeExporter.Options o, Path out) throws IOException {
    Path book = o.gradebook();
    LmsTable table = LmsTable.read(book, "the gradebook from Canvas (Grades > Export)");
    List<String> header = table.header();
    boolean lastFirst = header.size() > 4 && header.get(0).contains("LastName")
        && header.get(1).contains("FirstName") && header.get(2).contains("ID");
    if (!lastFirst && !(header.size() > 3 && header.get(0).contains("Student")
        && header.get(1).contains("ID"))) {
      throw new IllegalArgumentException(book + " line 1: not a Canvas gradebook export (it must "
          + "start Student,ID,...); found " + String.join(",", header.subList(0, Math.min(5, header.size())))
          + "; export it from Canvas: Grades > Export > CSV");
    }
    int idCol = lastFirst ? 2 : 1;
    int sisCol = header.indexOf("SIS User ID");
    int loginCol = header.indexOf("SIS Login ID");
    int firstAssignment = header.indexOf("Section") + 1;
    if (firstAssignment <= 0) {
      throw new IllegalArgumentException(book + " line 1: no 'Section' column; Canvas refuses a "
          + "gradebook without it; export the gradebook from Canvas again");
    }
    int pointsRow = -1;
    for (int r = 1; r < table.rows.size(); r++) {
      if (LmsTable.cell(table.rows.get(r), 0).contains("Points Possible")) {
        pointsRow = r;
        break;
      }
    }
    int col = column(header, firstAssignment, o, book);
    String max = format(maxPoints(rows, o), 2);
    List<String> notes = new ArrayList<>();
    if (col < 0) {
      col = header.size();
      String title = o.columnId() == null ? o.assignment() : o.assignment() + " (" + o.columnId() + ")";
      LmsTable.set(table.rows.get(0), col, title);
      if (pointsRow >= 0) {
        LmsTable.set(table.rows.get(pointsRow), col, max);
      }
      notes.add("the gradebook has no column '" + o.assignment() + "': added one, which Canvas "
          + "imports as a new assignment");
    } else {
      if (pointsRow >= 0 && LmsTable.cell(table.rows.get(pointsRow), col).matches("(?s).*read\\s+only.*")) {
        throw new IllegalArgumentException(book + ": column '" + header.get(col)
            + "' is read-only in Canvas; name an assignment column with --assignment or --column-id");
      }
      notes.add("filled column '" + header.get(col) + "'");
    }
    Map<String, GradeRow> byCanvasId = new HashMap<>();
    Map<String, GradeRow> bySis = new HashMap<>();
    Map<String, GradeRow> byLogin = new HashMap<>();
    for (GradeRow g : rows) {
      put(byCanvasId, g.lms("canvas_id"), g);
      put(bySis, g.lms("sis_user_id"), g);
      put(bySis, g.studentId(), g);
      put(byLogin, g.lms("sis_login_id"), g);
    }
    Set<String> placed = new LinkedHashSet<>();
    List<String> leftAlone = new ArrayList<>();
    for (int r = 1; r < table.rows.size(); r++) {
      List<String> row = table.rows.get(r);
      if (r == pointsRow || isNonStudentRow(row)) {
        continue;
      }
      GradeRow g = byCanvasId.get(LmsTable.cell(row, idCol).strip());
      if (g == null && sisCol >= 0) {
        g = bySis.get(LmsTable.cell(row, sisCol).strip());
      }
      if (g == null && loginCol >= 0) {
        g = byLogin.get(LmsTable.cell(row, loginCol).strip());
      }
      if (g == null) {
        continue;
      }
      if (exported(g, o)) {
        LmsTable.set(row, col, score(g, o, 2));
        placed.add(g.studentId());
      } else {
        // Canvas counts a blank over an existing score as a change: keep what Canvas exported.
        LmsTable.set(row, col, LmsTable.cell(row, col));
        leftAlone.add(g.studentId());
      }
    }
    List<String> unmatched = rows.stream().filter(g -> exported(g, o))
        .map(GradeRow::studentId).filter(id -> !placed.contains(id)).toList();
    table.write(out, table.rows, false);
    return new Written(placed.size(), unmatched, leftAlone, notes);
  }

  /**
   * The assignment column: the one whose id is {@code --column-id}, else the one whose title (the
   * part before {@code " (id)"}) or whole header is the assignment name; -1 when none.
   */
  static int column(List<String> header, int firstAssignment, GradeExporter.Options o, Path book) {
    List<Integer> byTitle = new ArrayList<>();
    for (int i = firstAssignment; i < header.size(); i++) {
      String h = header.get(i);
      if (NON_ASSIGNMENT.matcher(h).find()) {
        continue;
      }
      Matcher m = TITLE_AND_ID.matcher(h);
      String title = m.matches() ? m.group(1) : h;
      String id = m.matches() ? m.group(2) : null;
      if (o.columnId() != null) {
        if (o.columnId().strip().equals(id)) {
          return i;
        }
      } else if (title.equals(o.assignment()) || h.equals(o.assignment())) {
        byTitle.add(i);
      }
    }
    if (o.columnId() != null) {
      throw new IllegalArgumentException(book + " line 1: no assignment column has the id "
          + o.columnId() + " (Canvas names columns 'Title (id)'); check --column-id against the export");
    }
    if (byTitle.size() > 1) {
      throw new IllegalArgumentException(book + " line 1: " + byTitle.size() + " columns are titled '"
          + o.assignment() + "' (" + String.join(", ", byTitle.stream().map(header::get).toList())
          + "); pass --column-id with the id in parentheses of the one to fill");
    }
    return byTitle.isEmpty() ? -1 : byTitle.get(0);
  }

  /** Canvas's own skipped rows: Muted and Manual Posting rows, the Test Student. */
  private static boolean isNonStudentRow(List<String> row) {
    boolean allMarks = row.stream().allMatch(c -> c.matches("(?is)^\\s*(Muted|Manual Posting.*)?\\s*$"));
    return allMarks || LmsTable.cell(row, 0).strip().equals("Student, Test");
  }

  private static void put(Map<String, GradeRow> m, String key, GradeRow g) {
    if (key != null && !key.isBlank()) {
      m.putIfAbsent(key.strip(), g);
    }
  }
}
