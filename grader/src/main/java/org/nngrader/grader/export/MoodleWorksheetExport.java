package org.nngrader.grader.export;

import static org.nngrader.grader.export.GradeExporter.exported;
import static org.nngrader.grader.export.GradeExporter.format;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.nngrader.grader.export.GradeExporter.Written;

/**
 * Moodle's offline grading worksheet (Assignment > "Upload grading worksheet",
 * {@code mod/assign/feedback/offline}), as {@code importgradeslib.php} reads it: the columns are
 * found by their exact names {@code Identifier}, {@code Grade} and {@code Last modified (grade)}
 * (all three required) and the feedback plugins' names ({@code Feedback comments}); a row's student
 * is the number after {@code Participant } in Identifier, which also holds under blind marking. On
 * upload Moodle skips a blank grade, but a feedback cell different from the stored feedback
 * replaces it, even when blank; and a grade changed in Moodle after the worksheet's
 * {@code Last modified (grade)} is skipped. So only students nngrader graded get a row.
 */
final class MoodleWorksheetExport {

  static final String IDENTIFIER = "Identifier";
  static final String GRADE = "Grade";
  static final String MAXIMUM = "Maximum Grade";
  static final String MODIFIED = "Last modified (grade)";
  static final String FEEDBACK = "Feedback comments";
  static final String PARTICIPANT = "Participant ";
  private static final Pattern NUMBER = Pattern.compile("(\\d+)\\s*$");

  private MoodleWorksheetExport() {}

  static Written write(List<GradeRow> rows, GradeExporter.Options o, Path out) throws IOException {
    return o.gradebook() != null ? fill(rows, o, out) : standalone(rows, o, out);
  }

  /**
   * A worksheet from the participant ids nngrader saw (Moodle zip folders, or
   * {@code grade --moodle-worksheet}); no names or emails, so it is safe under blind marking.
   */
  private static Written standalone(List<GradeRow> rows, GradeExporter.Options o, Path out)
      throws IOException {
    List<String> unmatched = new ArrayList<>();
    int written = 0;
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
      p.printRecord(IDENTIFIER, GRADE, MAXIMUM, MODIFIED, FEEDBACK);
      for (GradeRow r : rows) {
        if (!exported(r, o)) {
          continue;
        }
        String participant = r.lms("moodle_participant").strip();
        if (!participant.matches("\\d+")) {
          unmatched.add(r.studentId());
          continue;
        }
        // "-" is what Moodle writes for a grade never given; Moodle reads it as time 0.
        p.printRecord(PARTICIPANT + participant, score(r, o, 2),
            format(GradeExporter.maxPoints(rows, o), 2), "-", SafeText.of(r.feedback()));
        written++;
      }
    }
    List<String> notes = new ArrayList<>();
    notes.add("identifier: Participant N, from the Moodle zip's folders or --moodle-worksheet at grading"
        + (unmatched.isEmpty() ? "" : "; students without one are left out (grade from Moodle's zip, "
            + "or pass its grading worksheet with --gradebook)"));
    notes.add("Moodle skips a student it already holds a grade for unless 'Allow updating records "
        + "that have been modified more recently in Moodle than in the spreadsheet' is ticked; "
        + "filling in Moodle's own worksheet (--gradebook) avoids that");
    return new Written(written, unmatched, leftAlone(rows, o), notes);
  }

  /**
   * Fills Moodle's downloaded worksheet: Grade and Feedback comments of the rows of students
   * nngrader graded, every other column as Moodle wrote it (its Last modified (grade) guards
   * grades changed in Moodle since); the other rows are left out.
   */
  private static Written fill(List<GradeRow> rows, GradeExporter.Options o, Path out) throws IOException {
    Path sheet = o.gradebook();
    LmsTable table = LmsTable.read(sheet, "the grading worksheet from Moodle "
        + "(Assignment > View all submissions > Download grading worksheet)");
    List<String> header = table.header();
    int id = header.indexOf(IDENTIFIER);
    int grade = header.indexOf(GRADE);
    int modified = header.indexOf(MODIFIED);
    if (id < 0 || grade < 0 || modified < 0) {
      throw new IllegalArgumentException(sheet + " line 1: a Moodle grading worksheet has the columns "
          + "Identifier, Grade and Last modified (grade); this has " + String.join(", ", header)
          + "; download the grading worksheet from the assignment in Moodle");
    }
    int feedback = header.indexOf(FEEDBACK);
    int email = header.indexOf("Email address");
    int idNumber = header.indexOf("ID number");
    int maximum = header.indexOf(MAXIMUM);
    Map<String, GradeRow> byParticipant = new HashMap<>();
    Map<String, GradeRow> byEmail = new HashMap<>();
    Map<String, GradeRow> byIdNumber = new HashMap<>();
    for (GradeRow g : rows) {
      put(byParticipant, g.lms("moodle_participant"), g);
      put(byEmail, g.email() == null ? "" : g.email().toLowerCase(Locale.ROOT), g);
      put(byIdNumber, g.lms("moodle_idnumber"), g);
    }
    List<List<String>> body = new ArrayList<>();
    List<String> head = new ArrayList<>(table.rows.get(0));
    if (feedback < 0) {
      feedback = head.size();
      head.add(FEEDBACK);
    }
    body.add(head);
    List<GradeRow> placed = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (int r = 1; r < table.rows.size(); r++) {
      List<String> row = new ArrayList<>(table.rows.get(r));
      Matcher m = NUMBER.matcher(LmsTable.cell(row, id));
      GradeRow g = m.find() ? byParticipant.get(m.group(1)) : null;
      if (g == null && email >= 0) {
        g = byEmail.get(LmsTable.cell(row, email).strip().toLowerCase(Locale.ROOT));
      }
      if (g == null && idNumber >= 0) {
        g = byIdNumber.get(LmsTable.cell(row, idNumber).strip());
      }
      if (g == null || !exported(g, o) || placed.contains(g)) {
        continue;
      }
      GradeExporter.Options scaled = o;
      Double max = maximum < 0 ? null : number(LmsTable.cell(row, maximum));
      if (o.points() == null && max != null && max > 0 && Math.abs(max - g.max()) > 1e-9) {
        scaled = new GradeExporter.Options(o.assignment(), max, o.missingAsZero(), o.gradebook(), o.columnId());
        if (notes.isEmpty()) {
          notes.add("scores scaled to the worksheet's Maximum Grade " + GradeExporter.trim(max)
              + " (Moodle skips a grade above it)");
        }
      }
      LmsTable.set(row, grade, score(g, scaled, 2));
      LmsTable.set(row, feedback, SafeText.of(g.feedback()));
      body.add(row);
      placed.add(g);
    }
    table.write(out, body, false);
    List<String> unmatched = rows.stream().filter(g -> exported(g, o) && !placed.contains(g))
        .map(GradeRow::studentId).toList();
    notes.add(0, "identifier: the worksheet's own Participant N (matched by participant id, email "
        + "or ID number); rows of students not graded were left out, so Moodle keeps their grades");
    return new Written(placed.size(), unmatched, leftAlone(rows, o), notes);
  }

  private static Double number(String text) {
    try {
      return Double.valueOf(text.strip().replace(',', '.'));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static void put(Map<String, GradeRow> m, String key, GradeRow g) {
    if (key != null && !key.isBlank()) {
      m.putIfAbsent(key.strip(), g);
    }
  }
}
