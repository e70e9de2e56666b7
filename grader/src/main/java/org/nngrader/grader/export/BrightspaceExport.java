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
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.nngrader.grader.export.GradeExporter.Written;

/**
 * D2L Brightspace grade import (Grades > Enter Grades > Import; D2L Community "Importing grades"):
 * a user is named by {@code OrgDefinedId} and/or {@code Username} (at least one), a numeric item by
 * the column {@code <item> Points Grade}, and every row ends with the {@code End-of-Line Indicator}
 * column holding {@code #}. Names, emails and other columns are not to be imported. Only students
 * nngrader graded get a row.
 */
final class BrightspaceExport {

  static final String ORG_DEFINED_ID = "OrgDefinedId";
  static final String USERNAME = "Username";
  static final String END_OF_LINE = "End-of-Line Indicator";

  private BrightspaceExport() {}

  static String orgDefinedId(GradeRow r) {
    String v = r.lms("org_defined_id");
    return v.isEmpty() ? r.lms("orgdefinedid") : v;
  }

  static Written write(List<GradeRow> rows, GradeExporter.Options o, Path out) throws IOException {
    List<GradeRow> exported = rows.stream().filter(r -> exported(r, o)).toList();
    boolean hasOrg = exported.stream().anyMatch(r -> !orgDefinedId(r).isEmpty());
    boolean hasUser = exported.stream().anyMatch(r -> !r.lms("username").isEmpty());
    boolean studentIdAsOrg = !hasOrg && !hasUser;
    List<String> header = new ArrayList<>();
    if (hasOrg || studentIdAsOrg) {
      header.add(ORG_DEFINED_ID);
    }
    if (hasUser) {
      header.add(USERNAME);
    }
    header.add(o.assignment().strip() + " Points Grade");
    header.add(END_OF_LINE);
    List<String> unmatched = new ArrayList<>();
    int written = 0;
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
      p.printRecord(header);
      for (GradeRow r : exported) {
        String org = studentIdAsOrg ? r.studentId() : orgDefinedId(r);
        String user = r.lms("username");
        if (org.isEmpty() && user.isEmpty()) {
          unmatched.add(r.studentId());
          continue;
        }
        List<String> line = new ArrayList<>();
        if (hasOrg || studentIdAsOrg) {
          line.add(SafeText.of(org));
        }
        if (hasUser) {
          line.add(SafeText.of(user));
        }
        line.add(score(r, o, 2));
        line.add("#");
        p.printRecord(line);
        written++;
      }
    }
    List<String> notes = new ArrayList<>();
    notes.add("identifier: " + (studentIdAsOrg ? "OrgDefinedId = student_id (the roster has no "
        + "org_defined_id or username column; check that they are Brightspace's Org Defined IDs)"
        : String.join(" and ", header.subList(0, header.size() - 2)) + " from the roster"));
    notes.add("grade column '" + o.assignment().strip() + " Points Grade': Brightspace matches the "
        + "grade item by that name; scores above the item's maximum are capped unless it can exceed");
    return new Written(written, unmatched, leftAlone(rows, o), notes);
  }
}
