package org.nngrader.bank.roster;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.nngrader.bank.sheet.SpreadsheetText;

/**
 * Reads a roster csv: a header line naming the columns ({@code student_id} required, {@code
 * name} and {@code email} optional, in any order and any case; spaces count as underscores),
 * then one student per row. Every other column is kept in {@link Student#extra()} under its
 * normalized name (canvas_id, sis_user_id, sis_login_id, section, username, moodle_idnumber).
 * Blank rows are skipped. Every problem is reported with the file, the row and what to do.
 */
public final class RosterReader {

  static final String ID = "student_id";
  private static final List<String> ID_ALIASES = List.of(ID, "studentid", "id");

  private final String file;
  private final List<RosterDiagnostic> problems = new ArrayList<>();

  private RosterReader(String file) {
    this.file = file;
  }

  /**
   * Reads a roster file (UTF-8, a leading byte-order mark is ignored).
   *
   * @throws RosterException listing every problem found
   */
  public static Roster read(Path path) {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RosterException(List.of(new RosterDiagnostic(path.toString(), 0, "",
          "cannot be read (" + e.getMessage() + "); check the path of the roster csv")));
    }
    return parse(path.toString(), text);
  }

  /**
   * Parses roster text; {@code file} names it in messages.
   *
   * @throws RosterException listing every problem found
   */
  public static Roster parse(String file, String text) {
    return new RosterReader(file).parse(text);
  }

  private Roster parse(String text) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<CSVRecord> records;
    try (Reader in = new StringReader(text);
        CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(in)) {
      records = parser.getRecords();
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
      throw fail(0, "", "is not a valid csv (" + e.getMessage()
          + "); save it as comma-separated values with a header student_id,name,email");
    }
    // Blank lines are kept as records (and skipped below) so that record numbers are the rows
    // a spreadsheet shows.
    if (records.stream().allMatch(RosterReader::isBlank)) {
      throw fail(0, "", "is empty; the first line must be a header such as student_id,name,email");
    }
    if (isBlank(records.get(0))) {
      throw fail(1, "", "is blank; the first line must be a header such as student_id,name,email");
    }
    List<String> header = header(records.get(0));
    int idColumn = -1;
    for (String alias : ID_ALIASES) {
      if (idColumn < 0) {
        idColumn = header.indexOf(alias);
      }
    }
    if (idColumn < 0) {
      throw fail(1, "", "has no student_id column (columns: " + String.join(", ", header)
          + "); the first line must name the columns, e.g. student_id,name,email");
    }
    List<Student> students = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int r = 1; r < records.size(); r++) {
      CSVRecord rec = records.get(r);
      int row = (int) rec.getRecordNumber();
      if (isBlank(rec)) {
        continue;
      }
      if (rec.size() > header.size()) {
        problem(row, "", "has " + rec.size() + " values but the header names " + header.size()
            + " columns; put values that contain commas in double quotes");
        continue;
      }
      String id = value(rec, idColumn).strip();
      if (id.isEmpty()) {
        problem(row, ID, "is blank; fill in the student's id or delete the row");
        continue;
      }
      Integer first = seen.putIfAbsent(id, row);
      if (first != null) {
        problem(row, ID, "'" + id + "' already appears on row " + first
            + "; list each student once");
        continue;
      }
      students.add(student(rec, header, idColumn, id));
    }
    if (problems.isEmpty() && students.isEmpty()) {
      problem(0, "", "has a header but no students; add one row per student under the header");
    }
    if (!problems.isEmpty()) {
      throw new RosterException(problems);
    }
    return new Roster(file, students);
  }

  private List<String> header(CSVRecord rec) {
    List<String> header = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int c = 0; c < rec.size(); c++) {
      String name = normalize(rec.get(c));
      if (name.isEmpty()) {
        name = "column_" + (c + 1);
      }
      Integer first = seen.putIfAbsent(name, c + 1);
      if (first != null) {
        problems.add(new RosterDiagnostic(file, 1, name, "names columns " + first + " and "
            + (c + 1) + "; give every column its own name"));
      }
      header.add(name);
    }
    if (!problems.isEmpty()) {
      throw new RosterException(problems);
    }
    return header;
  }

  private static Student student(CSVRecord rec, List<String> header, int idColumn, String id) {
    String name = "";
    String email = "";
    Map<String, String> extra = new LinkedHashMap<>();
    for (int c = 0; c < header.size(); c++) {
      if (c == idColumn) {
        continue;
      }
      String v = value(rec, c).strip();
      switch (header.get(c)) {
        case "name" -> name = v;
        case "email" -> email = v;
        default -> extra.put(header.get(c), v);
      }
    }
    return new Student(id, name, email, extra);
  }

  /** Lower case, trimmed, spaces and dashes as underscores: "Student ID" is student_id. */
  static String normalize(String column) {
    return column.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
  }

  private static String value(CSVRecord rec, int c) {
    // A roster nngrader wrote (roster --from-canvas) has formula-like names made safe.
    return c < rec.size() ? SpreadsheetText.unescape(rec.get(c)) : "";
  }

  private static boolean isBlank(CSVRecord rec) {
    for (String v : rec) {
      if (!v.isBlank()) {
        return false;
      }
    }
    return true;
  }

  private void problem(int row, String column, String message) {
    problems.add(new RosterDiagnostic(file, row, column, message));
  }

  private RosterException fail(int row, String column, String message) {
    problem(row, column, message);
    return new RosterException(problems);
  }
}
