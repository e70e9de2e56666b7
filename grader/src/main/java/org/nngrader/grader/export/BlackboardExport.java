package org.nngrader.grader.export;

import static org.nngrader.grader.export.GradeExporter.exported;
import static org.nngrader.grader.export.GradeExporter.leftAlone;
import static org.nngrader.grader.export.GradeExporter.maxPoints;
import static org.nngrader.grader.export.GradeExporter.score;
import static org.nngrader.grader.export.GradeExporter.splitName;
import static org.nngrader.grader.export.GradeExporter.trim;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.nngrader.grader.export.GradeExporter.Written;

/**
 * Blackboard Learn Grade Center, Work Offline > Upload (Blackboard Help, "Uploading or Downloading
 * Grade Center Items for Working Offline"): students are matched by Username, columns by the
 * column id after {@code |} in {@code Name [Total Pts: N Score] |id} (a column without an id is a
 * new column); comma files have every field quoted; the download is comma csv or tab-delimited
 * UTF-16 ".xls". Only rows of students nngrader graded are written; a filled-in download keeps
 * every other cell as Blackboard wrote it, which Blackboard sees as unchanged.
 */
final class BlackboardExport {

  static final Pattern COLUMN = Pattern.compile("\\A(.*?)\\s*\\[[^\\]]*\\](?:\\s*\\|\\s*(\\S+))?\\s*\\z");

  private BlackboardExport() {}

  static String user(GradeRow r) {
    return r.lms("username").isEmpty() ? r.studentId() : r.lms("username");
  }

  static Written write(List<GradeRow> rows, GradeExporter.Options o, Path out) throws IOException {
    String header = o.assignment() + " [Total Pts: " + trim(maxPoints(rows, o)) + " Score]"
        + (o.columnId() == null ? "" : " |" + o.columnId());
    int written = 0;
    boolean fallback = false;
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.ALL).get())) {
      p.printRecord("Last Name", "First Name", "Username", header);
      for (GradeRow r : rows) {
        if (!exported(r, o)) {
          continue;
        }
        fallback |= r.lms("username").isEmpty();
        String[] names = splitName(r.name());
        p.printRecord(SafeText.of(names[1]), SafeText.of(names[0]), SafeText.of(user(r)), score(r, o, 2));
        written++;
      }
    }
    List<String> notes = new ArrayList<>();
    notes.add("identifier: Username" + (fallback
        ? " (the student_id where the roster has no username column value)" : " (the roster's username column)"));
    if (o.columnId() == null) {
      notes.add("no --column-id: Blackboard makes this a new column; pass the column id to fill an existing one");
    }
    return new Written(written, List.of(), leftAlone(rows, o), notes);
  }

  /** Fills one column of a Grade Center download. */
  static Written fill(List<GradeRow> rows, GradeExporter.Options o, Path out) throws IOException {
    Path book = o.gradebook();
    LmsTable table = LmsTable.read(book, "the Grade Center from Blackboard (Work Offline > Download)");
    List<String> header = table.header();
    int userCol = header.indexOf("Username");
    if (userCol < 0) {
      throw new IllegalArgumentException(book + " line 1: no 'Username' column; Blackboard matches "
          + "students by it; download the Grade Center from Blackboard (Work Offline > Download)");
    }
    int col = -1;
    List<Integer> byName = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      Matcher m = COLUMN.matcher(header.get(i));
      if (!m.matches()) {
        continue;
      }
      if (o.columnId() != null && o.columnId().strip().equals(m.group(2))) {
        col = i;
      } else if (o.columnId() == null && m.group(1).equals(o.assignment().strip())) {
        byName.add(i);
      }
    }
    if (o.columnId() != null && col < 0) {
      throw new IllegalArgumentException(book + " line 1: no column has the id " + o.columnId()
          + " (Blackboard writes 'Name [Total Pts: N Score] |id'); check --column-id");
    }
    if (byName.size() > 1) {
      throw new IllegalArgumentException(book + " line 1: " + byName.size() + " columns are named '"
          + o.assignment() + "'; pass --column-id with the id after '|' of the one to fill");
    }
    List<String> notes = new ArrayList<>();
    if (col < 0 && byName.size() == 1) {
      col = byName.get(0);
    }
    if (col < 0) {
      col = header.size();
      LmsTable.set(table.rows.get(0), col, o.assignment() + " [Total Pts: " + trim(maxPoints(rows, o)) + " Score]");
      notes.add("the download has no column '" + o.assignment() + "': added one, which Blackboard "
          + "uploads as a new column");
    } else {
      notes.add("filled column '" + header.get(col) + "'");
    }
    Map<String, GradeRow> byUser = new HashMap<>();
    for (GradeRow g : rows) {
      byUser.putIfAbsent(user(g).strip(), g);
    }
    List<String> placed = new ArrayList<>();
    List<String> leftAlone = new ArrayList<>();
    for (int r = 1; r < table.rows.size(); r++) {
      List<String> row = table.rows.get(r);
      GradeRow g = byUser.get(LmsTable.cell(row, userCol).strip());
      if (g == null) {
        continue;
      }
      if (exported(g, o)) {
        LmsTable.set(row, col, score(g, o, 2));
        placed.add(g.studentId());
      } else {
        LmsTable.set(row, col, LmsTable.cell(row, col));
        leftAlone.add(g.studentId());
      }
    }
    table.write(out, table.rows, table.delimiter == ',');
    List<String> unmatched = rows.stream().filter(g -> exported(g, o))
        .map(GradeRow::studentId).filter(id -> !placed.contains(id)).toList();
    return new Written(placed.size(), unmatched, leftAlone, notes);
  }
}
