package org.nngrader.grader.export;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Models of the LMSs' own importers, written from their source (see LMS-RULES.md), independent
 * of the exporters: a file nngrader writes is re-read here the way the LMS would read it, against
 * a gradebook that already holds grades, and the test checks what the LMS would change.
 */
public final class LmsImporters {

  private LmsImporters() {}

  /** A thrown import: the LMS refuses the whole file. */
  public static final class Refused extends RuntimeException {
    Refused(String m) {
      super(m);
    }
  }

  static String text(Path file) throws IOException {
    byte[] b = Files.readAllBytes(file);
    Charset cs = StandardCharsets.UTF_8;
    int skip = 0;
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      cs = StandardCharsets.UTF_16LE;
      skip = 2;
    } else if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      skip = 3;
    }
    return new String(b, skip, b.length - skip, cs);
  }

  static List<List<String>> parse(String text, char delimiter) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (CSVParser p = CSVParser.parse(new StringReader(text),
        CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get())) {
      for (CSVRecord r : p) {
        rows.add(r.toList());
      }
    }
    return rows;
  }

  static String cell(List<String> row, int i) {
    return i >= 0 && i < row.size() ? row.get(i) : null;
  }

  // ------------------------------------------------------------------ Canvas

  /** A Canvas course: assignments by id (title), current scores by user id and assignment id. */
  public record CanvasCourse(Map<String, String> assignments, Map<String, Map<String, String>> scores) {}

  /** What a Canvas import would change: user id to assignment id to new value ("" clears). */
  public static Map<String, Map<String, String>> canvasImport(Path csv, CanvasCourse course) throws IOException {
    String text = text(csv);
    List<String> first = text.lines().limit(3).toList();
    // identify_delimiter: the separator giving a consistent field count, the most fields winning.
    int semi = consistent(first, ';');
    int comma = consistent(first, ',');
    char sep = semi > comma ? ';' : ',';
    List<List<String>> rows = parse(text, sep);
    List<String> header = rows.get(0);
    if (!(header.size() > 3 && header.get(0).contains("Student") && header.get(1).contains("ID"))) {
      throw new Refused("Invalid header row");
    }
    int studentColumns = 3;
    if (header.get(2).matches("SIS\\s+User\\s+ID") && header.get(3).matches("SIS\\s+Login\\s+ID")) {
      studentColumns += 2;
    }
    if (!header.get(studentColumns - 1).contains("Section")) {
      throw new Refused("Invalid header row");
    }
    Pattern nonAssignment = Pattern.compile("Current Score|Current Points|Current Grade|Final Score"
        + "|Final Points|Final Grade|Override Score|Override Grade|Override Status");
    Map<Integer, String> columnToAssignment = new LinkedHashMap<>();
    int newIds = 0;
    for (int i = studentColumns; i < header.size(); i++) {
      String h = header.get(i);
      if (nonAssignment.matcher(h).find()) {
        continue;
      }
      Matcher m = Pattern.compile("\\A(.*)\\s\\((\\d+)\\)\\z").matcher(h);
      String id = m.matches() && course.assignments().containsKey(m.group(2)) ? m.group(2) : null;
      if (id == null) {
        for (Map.Entry<String, String> a : course.assignments().entrySet()) {
          if (a.getValue().equals(h)) {
            id = a.getKey();
            break;
          }
        }
      }
      columnToAssignment.put(i, id == null ? "new" + (--newIds) : id);
    }
    List<String> pp = null;
    Map<String, Map<String, String>> changes = new LinkedHashMap<>();
    for (int r = 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      if (row.get(0) != null && row.get(0).contains("Points Possible")) {
        pp = row;
        continue;
      }
      if (row.stream().allMatch(c -> c == null || c.matches("(?i)^\\s*(Muted|Manual Posting.*)?\\s*$"))) {
        continue;
      }
      String user = row.get(1);
      for (Map.Entry<Integer, String> e : columnToAssignment.entrySet()) {
        String grade = cell(row, e.getKey());
        grade = grade == null ? null : decimalCommaToPeriod(grade.strip());
        if (pp != null && cell(pp, e.getKey()) != null && cell(pp, e.getKey()).matches("(?s).*read\\s+only.*")) {
          continue;
        }
        String current = course.scores().getOrDefault(user, Map.of()).get(e.getValue());
        if (!noChange(grade, current)) {
          changes.computeIfAbsent(user, k -> new LinkedHashMap<>()).put(e.getValue(), grade == null ? "" : grade);
        }
      }
    }
    return changes;
  }

  private static int consistent(List<String> lines, char sep) throws IOException {
    int count = -1;
    for (String line : lines) {
      int n;
      try {
        n = parse(line, sep).get(0).size();
      } catch (java.io.UncheckedIOException | IllegalStateException e) {
        return 0; // CSV::MalformedCSVError is rescued: this separator counts 0
      }
      if (count >= 0 && n != count) {
        return 0;
      }
      count = n;
    }
    return count;
  }

  /** {@code CSV::Converters[:decimal_comma_to_period]}. */
  static String decimalCommaToPeriod(String field) {
    if (field.matches("^-?[0-9.,]+%?$")) {
      String[] parts = field.split("[,.]");
      if (parts.length == 1) {
        return parts[0];
      }
      return String.join("", java.util.Arrays.copyOf(parts, parts.length - 1)) + "." + parts[parts.length - 1];
    }
    return field;
  }

  /** {@code no_change_to_value?}: blank vs blank, or equal at two decimals. */
  static boolean noChange(String next, String current) {
    boolean noNew = next == null || next.isBlank() || next.equals("-");
    boolean noOld = current == null || current.isBlank() || current.equals("-");
    if (noNew && noOld) {
      return true;
    }
    if (noNew || noOld) {
      return false;
    }
    try {
      return String.format(Locale.ROOT, "%.2f", Double.parseDouble(next))
          .equals(String.format(Locale.ROOT, "%.2f", Double.parseDouble(current)));
    } catch (NumberFormatException e) {
      return next.equals(current);
    }
  }

  // ------------------------------------------------------------------ Moodle gradebook import

  /** A Moodle user. */
  public record MoodleUser(int id, String username, String idnumber, String email) {}

  /** What a Moodle csv import leaves: user id to grade (null: cleared), and feedback. */
  public record MoodleResult(Map<Integer, Double> grades, Map<Integer, String> feedback, String identifier) {}

  /**
   * {@code grade/import/direct/classes/mapping_form.php} defaults, then
   * {@code gradeimport_csv_load_data::prepare_import_grade_data}.
   */
  public static MoodleResult moodleImport(Path csv, List<MoodleUser> users, String itemName,
      Map<Integer, Double> current) throws IOException {
    List<List<String>> rows = parse(text(csv), ',');
    List<String> header = rows.get(0).stream().map(String::strip).toList();
    String[][] mapto = {{"userid", "User ID"}, {"username", "Username"}, {"useridnumber", "ID number"},
        {"useremail", "Email address"}};
    String mapping = null;
    int mapfrom = 0;
    outer:
    for (String[] option : mapto) {
      for (int i = 0; i < header.size(); i++) {
        if (option[1].equals(header.get(i))) {
          mapping = option[0];
          mapfrom = i;
          break outer;
        }
      }
    }
    if (mapping == null) {
      throw new Refused("no identifier column: the mapping defaults to the first column as User ID");
    }
    String display = "Assignment: " + itemName;
    int gradeColumn = -1;
    int feedbackColumn = -1;
    for (int i = 0; i < header.size(); i++) {
      String h = header.get(i);
      if (h.contains("(Real)") && h.split("\\(Real\\)")[0].strip().equals(display)) {
        gradeColumn = i;
      }
      if (h.contains("(Feedback)") && h.split("\\(Feedback\\)")[0].strip().equals(display)) {
        feedbackColumn = i;
      }
    }
    Map<Integer, Double> grades = new HashMap<>(current);
    Map<Integer, String> feedback = new HashMap<>();
    Integer student = null;
    for (int r = 1; r < rows.size(); r++) {
      List<String> line = rows.get(r);
      if (line.size() <= 1) {
        continue;
      }
      String value = line.get(mapfrom).strip();
      if (!value.isEmpty()) { // load_data skips a blank identifier: the previous student stays
        final String v = value;
        final String m = mapping;
        student = users.stream().filter(u -> switch (m) {
          case "username" -> v.equals(u.username());
          case "useridnumber" -> v.equals(u.idnumber());
          case "useremail" -> v.equalsIgnoreCase(u.email());
          default -> v.equals(String.valueOf(u.id()));
        }).map(MoodleUser::id).findFirst().orElseThrow(() -> new Refused("usermappingerror: " + v));
      }
      if (student == null) {
        throw new Refused("usermappingerrorusernotfound");
      }
      if (gradeColumn >= 0) {
        String g = cell(line, gradeColumn).strip();
        grades.put(student, g.isEmpty() || g.equals("-") ? null : Double.valueOf(g.replace(',', '.')));
      }
      if (feedbackColumn >= 0) {
        feedback.put(student, cell(line, feedbackColumn));
      }
    }
    return new MoodleResult(grades, feedback, mapping);
  }

  // ------------------------------------------------------------------ Moodle grading worksheet

  /** A stored assignment grade: value, feedback, time modified (epoch seconds). */
  public record WorksheetGrade(Double grade, String feedback, long modified) {}

  /**
   * {@code assignfeedback_offline_grade_importer} and {@code process_import_grades}: participant
   * ids to users, blank grades skipped, stale grades skipped, feedback replaced when different.
   */
  public static Map<Integer, WorksheetGrade> worksheetImport(Path csv, Map<String, Integer> participants,
      Map<Integer, WorksheetGrade> current, double max) throws IOException {
    List<List<String>> rows = parse(text(csv), ',');
    List<String> header = rows.get(0);
    int id = header.indexOf("Identifier");
    int grade = header.indexOf("Grade");
    int modified = header.indexOf("Last modified (grade)");
    int feedback = header.indexOf("Feedback comments");
    if (id < 0 || grade < 0 || modified < 0) {
      throw new Refused("invalidgradeimport");
    }
    Map<Integer, WorksheetGrade> out = new HashMap<>(current);
    for (int r = 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      String idstr = row.get(id);
      if (!idstr.startsWith("Participant ")) {
        continue;
      }
      Integer user = participants.get(idstr.substring("Participant ".length()));
      if (user == null) {
        continue;
      }
      WorksheetGrade old = current.get(user);
      long time = strtotime(row.get(modified));
      boolean stale = old != null && old.modified() > time + 60;
      String g = row.get(grade).strip();
      Double value = g.isEmpty() ? null : Double.valueOf(g);
      Double newGrade = old == null ? null : old.grade();
      boolean skip = (old != null && value != null && value.equals(old.grade())) || value == null
          || value < 0 || stale || value > max;
      if (!skip) {
        newGrade = value;
      }
      String newFeedback = old == null ? null : old.feedback();
      if (!stale && feedback >= 0) {
        String f = cell(row, feedback);
        String was = old == null || old.feedback() == null ? "" : old.feedback();
        if (!f.equals(was)) {
          newFeedback = f;
        }
      }
      out.put(user, new WorksheetGrade(newGrade, newFeedback, old == null ? 0 : old.modified()));
    }
    return out;
  }

  /** PHP strtotime for the forms a worksheet holds: "-" is false (0); digits are taken as seconds. */
  static long strtotime(String s) {
    String t = s.strip();
    if (t.matches("\\d+")) {
      return Long.parseLong(t);
    }
    if (t.equals("-") || t.isEmpty()) {
      return 0;
    }
    return Long.MAX_VALUE / 2;
  }

  // ------------------------------------------------------------------ Blackboard

  /** Blackboard upload: Username to value for the column with this id or name (blank clears). */
  public static Map<String, String> blackboardImport(Path file, String columnId, String name) throws IOException {
    String text = text(file);
    char sep = text.lines().findFirst().orElse("").contains("\t") ? '\t' : ',';
    List<List<String>> rows = parse(text, sep);
    List<String> header = rows.get(0);
    int user = header.indexOf("Username");
    if (user < 0) {
      throw new Refused("The Username column is required");
    }
    int col = -1;
    for (int i = 0; i < header.size(); i++) {
      String h = header.get(i);
      if (columnId != null ? h.endsWith("|" + columnId) : h.startsWith(name + " [")) {
        col = i;
      }
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int r = 1; r < rows.size(); r++) {
      values.put(rows.get(r).get(user), col < 0 ? null : cell(rows.get(r), col));
    }
    return values;
  }

  // ------------------------------------------------------------------ Brightspace

  /** Brightspace import: identifier to points for the item. */
  public static Map<String, String> brightspaceImport(Path file, String item) throws IOException {
    List<List<String>> rows = parse(text(file), ',');
    List<String> header = rows.get(0);
    int org = header.indexOf("OrgDefinedId");
    int user = header.indexOf("Username");
    int col = header.indexOf(item + " Points Grade");
    if ((org < 0 && user < 0) || col < 0 || !header.get(header.size() - 1).equals("End-of-Line Indicator")) {
      throw new Refused("Brightspace needs OrgDefinedId or Username, '<item> Points Grade' and End-of-Line Indicator");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (int r = 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      if (!row.get(row.size() - 1).equals("#")) {
        throw new Refused("row " + (r + 1) + " has no end-of-line indicator");
      }
      String key = org >= 0 && !row.get(org).isBlank() ? row.get(org) : row.get(user);
      out.put(key, row.get(col));
    }
    return out;
  }
}
