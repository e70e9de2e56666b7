package org.nngrader.grader.export;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Makes an nngrader roster from a Canvas gradebook export (Grades, Export): one row per student
 * with {@code student_id} (the SIS User ID, else the SIS Login ID, else the Canvas ID), name,
 * email (the login when it is an address), and the Canvas columns exports need later.
 */
public final class CanvasRoster {

  private CanvasRoster() {}

  /** The roster csv text. */
  public static String fromGradebook(Path gradebook) throws IOException {
    LmsTable table = LmsTable.read(gradebook, "the gradebook from Canvas (Grades > Export)");
    List<List<String>> rows = table.rows;
    List<String> header = table.header();
    int student = header.indexOf("Student");
    int id = header.indexOf("ID");
    int sis = header.indexOf("SIS User ID");
    int login = header.indexOf("SIS Login ID");
    int section = header.indexOf("Section");
    if (student < 0 || id < 0) {
      throw new IllegalArgumentException(gradebook + " line 1: not a Canvas gradebook export "
          + "(no 'Student' and 'ID' columns); export it from Canvas: Grades > Export > CSV");
    }
    StringWriter out = new StringWriter();
    Set<String> seen = new LinkedHashSet<>();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
        .setHeader("student_id", "name", "email", "canvas_id", "sis_user_id", "sis_login_id", "section").get())) {
      for (int r = 1; r < rows.size(); r++) {
        List<String> row = rows.get(r);
        String name = cell(row, student);
        String canvasId = cell(row, id);
        if (name.strip().equals("Points Possible") || canvasId.isBlank() || name.equals("Student, Test")) {
          continue;
        }
        String sisId = cell(row, sis);
        String loginId = cell(row, login);
        String studentId = !sisId.isBlank() ? sisId : !loginId.isBlank() ? loginId : canvasId;
        if (!seen.add(studentId)) {
          throw new IllegalArgumentException(gradebook + " line " + (r + 1) + ": student id '"
              + studentId + "' appears twice; fix the SIS ids in Canvas or edit the export");
        }
        printer.printRecord(studentId, name, loginId.contains("@") ? loginId : "", canvasId,
            sisId, loginId, cell(row, section));
      }
    }
    return out.toString();
  }

  private static String cell(List<String> row, int i) {
    return i >= 0 && i < row.size() ? row.get(i) : "";
  }
}
