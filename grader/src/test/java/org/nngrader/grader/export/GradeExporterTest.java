package org.nngrader.grader.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradeExporterTest {

  static final List<GradeRow> ROWS = List.of(
      new GradeRow("s1", "Ada Lovelace", "ada@uni.edu", Map.of("username", "alovelace", "moodle_idnumber", "M1"),
          40.0, 47, "graded", "40/47 points (85%); first went wrong at net_h1."),
      new GradeRow("s2", "=Bob Tables", "bob@uni.edu", Map.of(), null, 47, "no-submission", "No submission."));

  static String export(ExportFormat f, GradeExporter.Options o, Path dir) throws Exception {
    Path out = dir.resolve(f.id() + ".csv");
    GradeExporter.write(f, ROWS, o, out);
    return Files.readString(out);
  }

  @Test
  void moodleUsesEmailAndMoodlesHeadersAndLeavesMissingOut(@TempDir Path dir) throws Exception {
    String csv = export(ExportFormat.MOODLE, new GradeExporter.Options("HW", null, false, null, null), dir);
    assertThat(csv.lines()).containsExactly(
        "Email address,Assignment: HW (Real),Assignment: HW (Feedback)",
        "ada@uni.edu,40.00,40/47 points (85%); first went wrong at net_h1.");
  }

  @Test
  void blackboardHeaderCarriesPointsAndColumnId(@TempDir Path dir) throws Exception {
    String csv = export(ExportFormat.BLACKBOARD, new GradeExporter.Options("HW", 10.0, true, null, "_123_1"), dir);
    assertThat(csv.lines()).containsExactly(
        "\"Last Name\",\"First Name\",\"Username\",\"HW [Total Pts: 10 Score] |_123_1\"",
        "\"Lovelace\",\"Ada\",\"alovelace\",\"8.51\"",
        "\"Tables\",\"'=Bob\",\"s2\",\"0.00\"");
    String withoutZero = export(ExportFormat.BLACKBOARD, new GradeExporter.Options("HW", 10.0, false, null, "_123_1"), dir);
    assertThat(withoutZero.lines()).hasSize(2).noneMatch(l -> l.contains("Tables"));
  }

  @Test
  void namesSplitIntoFirstAndLast() {
    assertThat(GradeExporter.splitName("Lovelace, Ada")).containsExactly("Ada", "Lovelace");
    assertThat(GradeExporter.splitName("Ada King Lovelace")).containsExactly("Ada King", "Lovelace");
  }

  @Test
  void genericKeepsPlainNumbersAndNeutralisesNames(@TempDir Path dir) throws Exception {
    String csv = export(ExportFormat.GENERIC, new GradeExporter.Options("HW", null, false, null, null), dir);
    assertThat(csv.lines()).element(2).asString().startsWith("s2,'=Bob Tables,bob@uni.edu,,47.00,no-submission");
  }
}
