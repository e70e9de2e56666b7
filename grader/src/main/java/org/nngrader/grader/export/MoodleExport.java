package org.nngrader.grader.export;

import static org.nngrader.grader.export.GradeExporter.exported;
import static org.nngrader.grader.export.GradeExporter.leftAlone;
import static org.nngrader.grader.export.GradeExporter.score;

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
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.nngrader.grader.export.GradeExporter.Written;

/**
 * Moodle gradebook CSV import ({@code grade/import/csv}), as its mapping form
 * ({@code grade/import/direct/classes/mapping_form.php}) and loader
 * ({@code grade/import/csv/classes/load_data.php}) read it:
 *
 * <ul>
 *   <li>the identifier is the first of Username, ID number, Email address whose label is a header
 *       (so nngrader writes exactly one of them);
 *   <li>a grade column is mapped only when its header is {@code <item> (Real)} with {@code <item>}
 *       the grade item's display name ({@code Assignment: <name>}); feedback only for
 *       {@code <item> (Feedback)}; anything else defaults to Ignore;
 *   <li>an empty or {@code -} grade clears the grade; a row with an empty identifier is given to
 *       the previous row's student; an unknown identifier aborts the whole import.
 * </ul>
 *
 * So every row carries a grade and a non-empty identifier, and a student nngrader did not grade
 * has no row: Moodle leaves their grade alone.
 */
final class MoodleExport {

  static final String USERNAME = "Username";
  static final String ID_NUMBER = "ID number";
  static final String EMAIL = "Email address";
  static final String LAST_DOWNLOADED = "Last downloaded from this course";

  private MoodleExport() {}

  /** One way to name a student to Moodle: a header label and the roster value for it. */
  record Identifier(String label, String rosterColumn, Function<GradeRow, String> value) {}

  static final List<Identifier> IDENTIFIERS = List.of(
      new Identifier(EMAIL, "email", r -> r.email() == null ? "" : r.email().strip()),
      new Identifier(ID_NUMBER, "moodle_idnumber", r -> r.lms("moodle_idnumber").strip()),
      new Identifier(USERNAME, "username", r -> r.lms("username").strip()));

  /** {@code Assignment: <name>}, the display name Moodle gives an assignment's grade item. */
  static String item(GradeExporter.Options o) {
    String a = o.assignment().strip();
    return a.startsWith("Assignment: ") ? a : "Assignment: " + a;
  }

  static Written write(List<GradeRow> rows, GradeExporter.Options o, Path out) throws IOException {
    List<GradeRow> exported = rows.stream().filter(r -> exported(r, o)).toList();
    Identifier id = choose(exported);
    List<String> unmatched = new ArrayList<>();
    int written = 0;
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
      p.printRecord(id.label(), item(o) + " (Real)", item(o) + " (Feedback)");
      for (GradeRow r : exported) {
        String value = id.value().apply(r);
        if (value.isEmpty()) {
          unmatched.add(r.studentId());
          continue;
        }
        p.printRecord(SafeText.of(value), score(r, o, 2), SafeText.of(r.feedback()));
        written++;
      }
    }
    List<String> notes = new ArrayList<>();
    notes.add("identifier: " + id.label() + " (the roster's " + id.rosterColumn() + " column"
        + (unmatched.isEmpty() ? ", which every exported student has)" : "; students without one are left out)"));
    notes.add("grade column '" + item(o) + " (Real)': Moodle maps it to the grade item '" + item(o)
        + "' by itself; if the item has another name, map the column by hand in the import preview");
    return new Written(written, unmatched, leftAlone(rows, o), notes);
  }

  /**
   * The identifier that names the most exported students (all of them when possible), preferring
   * email, then ID number, then username.
   *
   * @throws IllegalArgumentException when the roster has none of them for anyone
   */
  static Identifier choose(List<GradeRow> rows) {
    Identifier best = null;
    long bestCount = 0;
    for (Identifier id : IDENTIFIERS) {
      long count = rows.stream().filter(r -> !id.value().apply(r).isEmpty()).count();
      if (count > bestCount) {
        best = id;
        bestCount = count;
      }
    }
    if (best == null) {
      if (rows.isEmpty()) {
        return IDENTIFIERS.get(0);
      }
      throw new IllegalArgumentException("the roster gives Moodle no way to find these students: "
          + "no email, moodle_idnumber or username; add one of those columns to the roster and "
          + "generate the set again, or fill in Moodle's own export with --gradebook");
    }
    return best;
  }

  /**
   * Fills a Moodle gradebook export (Grades > Export > Plain text file): the rows of the students
   * nngrader graded, with Moodle's own identity columns (only one identifier column that every row
   * has, so Moodle's default mapping picks it), the grade item's column and its feedback column,
   * and Moodle's "Last downloaded" column, which makes Moodle refuse the file when a grade was
   * changed in Moodle after the export. Other grade items and other students are left out, so
   * Moodle leaves them alone.
   */
  static Written fill(List<GradeRow> rows, GradeExporter.Options o, Path out) throws IOException {
    Path book = o.gradebook();
    LmsTable table = LmsTable.read(book, "the gradebook from Moodle (Grades > Export > Plain text file)");
    List<String> header = table.header();
    String real = item(o) + " (Real)";
    int col = header.indexOf(real);
    if (col < 0) {
      col = header.indexOf(o.assignment().strip() + " (Real)");
    }
    if (col < 0) {
      List<String> items = header.stream().filter(h -> h.endsWith("(Real)")).toList();
      throw new IllegalArgumentException(book + " line 1: no column '" + real + "'; the export has "
          + (items.isEmpty() ? "no grade columns in points (export with the grade display type Real)"
              : String.join(", ", items)) + "; pass that item's name with --assignment");
    }
    int email = header.indexOf(EMAIL);
    int idNumber = header.indexOf(ID_NUMBER);
    int username = header.indexOf(USERNAME);
    if (email < 0 && idNumber < 0 && username < 0) {
      throw new IllegalArgumentException(book + " line 1: no Email address, ID number or Username "
          + "column; export the gradebook from Moodle with those user fields");
    }
    int downloaded = header.indexOf(LAST_DOWNLOADED);
    Map<String, GradeRow> byEmail = new HashMap<>();
    Map<String, GradeRow> byIdNumber = new HashMap<>();
    Map<String, GradeRow> byUsername = new HashMap<>();
    for (GradeRow g : rows) {
      put(byEmail, g.email() == null ? "" : g.email().toLowerCase(Locale.ROOT), g);
      put(byIdNumber, g.lms("moodle_idnumber"), g);
      put(byUsername, g.lms("username"), g);
    }
    List<List<String>> matched = new ArrayList<>();
    List<GradeRow> whose = new ArrayList<>();
    List<String> leftAlone = new ArrayList<>(leftAlone(rows, o));
    for (int r = 1; r < table.rows.size(); r++) {
      List<String> row = table.rows.get(r);
      GradeRow g = email < 0 ? null : byEmail.get(LmsTable.cell(row, email).strip().toLowerCase(Locale.ROOT));
      if (g == null && idNumber >= 0) {
        g = byIdNumber.get(LmsTable.cell(row, idNumber).strip());
      }
      if (g == null && username >= 0) {
        g = byUsername.get(LmsTable.cell(row, username).strip());
      }
      if (g != null && exported(g, o) && !whose.contains(g)) {
        matched.add(row);
        whose.add(g);
      }
    }
    // One identifier column, one that every written row has: Moodle picks the first label it
    // knows (Username, ID number, Email address), and a blank one gives the row to the previous student.
    int idCol = -1;
    for (int c : new int[] {email, idNumber, username}) {
      final int cc = c;
      if (c >= 0 && matched.stream().allMatch(row -> !LmsTable.cell(row, cc).isBlank())) {
        idCol = c;
        break;
      }
    }
    if (idCol < 0) {
      throw new IllegalArgumentException(book + ": no identifier column (Email address, ID number, "
          + "Username) is filled in for every student to export; export the gradebook from Moodle "
          + "with the email address");
    }
    List<Integer> keep = new ArrayList<>();
    for (int c = 0; c < header.size(); c++) {
      String h = header.get(c);
      boolean identifier = h.equals(EMAIL) || h.equals(ID_NUMBER) || h.equals(USERNAME);
      boolean gradeItem = h.endsWith("(Real)") || h.endsWith("(Percentage)") || h.endsWith("(Letter)")
          || h.endsWith("(Feedback)") || h.equals(LAST_DOWNLOADED);
      if ((identifier && c == idCol) || (!identifier && !gradeItem)) {
        keep.add(c);
      }
    }
    List<List<String>> body = new ArrayList<>();
    List<String> head = new ArrayList<>();
    keep.forEach(c -> head.add(header.get(c)));
    head.add(header.get(col));
    head.add(item(o) + " (Feedback)");
    if (downloaded >= 0) {
      head.add(LAST_DOWNLOADED);
    }
    body.add(head);
    for (int i = 0; i < matched.size(); i++) {
      List<String> row = matched.get(i);
      GradeRow g = whose.get(i);
      List<String> line = new ArrayList<>();
      keep.forEach(c -> line.add(LmsTable.cell(row, c)));
      line.add(score(g, o, 2));
      line.add(SafeText.of(g.feedback()));
      if (downloaded >= 0) {
        line.add(LmsTable.cell(row, downloaded));
      }
      body.add(line);
    }
    long dropped = header.stream().filter(h -> h.endsWith("(Real)") || h.endsWith("(Percentage)")
        || h.endsWith("(Letter)") || h.endsWith("(Feedback)")).count() - 1;
    table.write(out, body, false);
    List<String> unmatched = rows.stream().filter(g -> exported(g, o) && !whose.contains(g))
        .map(GradeRow::studentId).toList();
    List<String> notes = new ArrayList<>();
    notes.add("identifier: " + header.get(idCol) + " (Moodle's own, filled in for every row)");
    notes.add("filled column '" + header.get(col) + "'; " + Math.max(0, dropped) + " other grade "
        + "column(s) and the rows of students not graded were left out, so Moodle keeps them");
    return new Written(matched.size(), unmatched, leftAlone, notes);
  }

  private static void put(Map<String, GradeRow> m, String key, GradeRow g) {
    if (key != null && !key.isBlank()) {
      m.putIfAbsent(key.strip(), g);
    }
  }
}
