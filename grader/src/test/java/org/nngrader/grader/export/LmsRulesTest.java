package org.nngrader.grader.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nngrader.grader.read.SheetReaders;

/** Each LMS's rules, one by one, on small hand-made rows and files. */
class LmsRulesTest {

  static GradeRow row(String id, String email, Map<String, String> lms, Double score) {
    return new GradeRow(id, "Name " + id, email, lms, score, 10, score == null ? "no-submission" : "graded",
        score == null ? "No submission." : score + "/10 points.");
  }

  static GradeExporter.Options opts(String assignment, Path gradebook, String columnId) {
    return new GradeExporter.Options(assignment, null, false, gradebook, columnId);
  }

  @Test
  void moodleIdentifierIsTheRosterColumnThatNamesMostStudentsAndRowsWithoutItAreLeftOut(@TempDir Path dir)
      throws Exception {
    List<GradeRow> rows = List.of(
        row("s1", "", Map.of("moodle_idnumber", "M1"), 8.0),
        row("s2", "", Map.of("moodle_idnumber", "M2"), 7.0),
        row("s3", "s3@x.edu", Map.of(), 6.0),
        row("s4", "s4@x.edu", Map.of("moodle_idnumber", "M4"), null));
    Path out = dir.resolve("m.csv");
    GradeExporter.Written w = GradeExporter.write(ExportFormat.MOODLE, rows, opts("HW", null, null), out);
    assertThat(Files.readString(out).lines()).containsExactly(
        "ID number,Assignment: HW (Real),Assignment: HW (Feedback)", "M1,8.00,8.0/10 points.", "M2,7.00,7.0/10 points.");
    assertThat(w.unmatched()).containsExactly("s3");
    assertThat(w.leftAlone()).containsExactly("s4");
    assertThat(w.notes().get(0)).contains("identifier: ID number").contains("moodle_idnumber");
  }

  @Test
  void moodleRefusesARosterItCannotNameAnyoneFrom(@TempDir Path dir) {
    List<GradeRow> rows = List.of(row("s1", null, Map.of(), 8.0));
    assertThatThrownBy(() -> GradeExporter.write(ExportFormat.MOODLE, rows, opts("HW", null, null), dir.resolve("m.csv")))
        .hasMessageContaining("no email, moodle_idnumber or username");
  }

  @Test
  void canvasColumnMatchingFollowsTitleAndId(@TempDir Path dir) throws Exception {
    Path book = dir.resolve("b.csv");
    Files.writeString(book, "Student,ID,SIS User ID,SIS Login ID,Section,HW (7),HW (8),Quiz (9)\n"
        + "    Points Possible,,,,,10,10,(read only)\n\"A, B\",1,S1,,X,,,\n");
    List<GradeRow> rows = List.of(row("s1", "", Map.of("canvas_id", "1"), 8.0));
    assertThatThrownBy(() -> GradeExporter.write(ExportFormat.CANVAS, rows, opts("HW", book, null), dir.resolve("o.csv")))
        .hasMessageContaining("2 columns are titled 'HW'").hasMessageContaining("--column-id");
    assertThatThrownBy(() -> GradeExporter.write(ExportFormat.CANVAS, rows, opts("HW", book, "99"), dir.resolve("o.csv")))
        .hasMessageContaining("no assignment column has the id 99");
    assertThatThrownBy(() -> GradeExporter.write(ExportFormat.CANVAS, rows, opts("Quiz", book, null), dir.resolve("o.csv")))
        .hasMessageContaining("read-only");
    GradeExporter.Written w = GradeExporter.write(ExportFormat.CANVAS, rows, opts("HW", book, "8"), dir.resolve("o.csv"));
    assertThat(w.rows()).isEqualTo(1);
    assertThat(Files.readString(dir.resolve("o.csv")).lines().toList().get(2)).isEqualTo("\"A, B\",1,S1,,X,,8.00,");
    GradeExporter.Written added = GradeExporter.write(ExportFormat.CANVAS, rows, opts("New one", book, null), dir.resolve("n.csv"));
    assertThat(added.notes().get(0)).contains("added one");
    assertThat(Files.readString(dir.resolve("n.csv")).lines().findFirst().orElseThrow()).endsWith(",New one");
  }

  @Test
  void canvasRefusesAFileThatIsNotAGradebook(@TempDir Path dir) throws Exception {
    Path book = dir.resolve("b.csv");
    Files.writeString(book, "name,score\nAda,3\n");
    assertThatThrownBy(() -> GradeExporter.write(ExportFormat.CANVAS, List.of(), opts("HW", book, null), dir.resolve("o.csv")))
        .hasMessageContaining("b.csv line 1: not a Canvas gradebook export");
    Files.writeString(book, "Student,ID,SIS User ID,Foo,Bar\n");
    assertThatThrownBy(() -> GradeExporter.write(ExportFormat.CANVAS, List.of(), opts("HW", book, null), dir.resolve("o.csv")))
        .hasMessageContaining("no 'Section' column");
    Files.writeString(book, "");
    assertThatThrownBy(() -> GradeExporter.write(ExportFormat.CANVAS, List.of(), opts("HW", book, null), dir.resolve("o.csv")))
        .hasMessageContaining("is empty");
  }

  @Test
  void plainCanvasExportNamesItsColumnAndWarnsOfMissingCanvasIds(@TempDir Path dir) throws Exception {
    List<GradeRow> rows = List.of(row("s1", "", Map.of(), 8.0), row("s2", "", Map.of("canvas_id", "2"), null));
    Path out = dir.resolve("c.csv");
    GradeExporter.Written w = GradeExporter.write(ExportFormat.CANVAS, rows, opts("HW", null, "12"), out);
    assertThat(Files.readString(out).lines()).containsExactly("Student,ID,SIS User ID,SIS Login ID,Section,HW (12)",
        "\"    Points Possible\",,,,,10.00", "Name s1,,s1,,,8.00");
    assertThat(w.notes()).anyMatch(n -> n.contains("no canvas_id"));
    assertThat(w.leftAlone()).containsExactly("s2");
  }

  @Test
  void delimiterIsTheOneThatSplitsLinesEquallyIntoMostFields() {
    assertThat(LmsTable.delimiter("a;b;c\n1;2,5;3\n")).isEqualTo(';');
    assertThat(LmsTable.delimiter("a,b,c\n1,\"2;5\",3\n")).isEqualTo(',');
    assertThat(LmsTable.delimiter("a\tb\tc\n1\t2\t3\n")).isEqualTo('\t');
  }

  @Test
  void brightspaceUsesTheOrgDefinedIdOrSaysItTookTheStudentId(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("d.csv");
    GradeExporter.Written w = GradeExporter.write(ExportFormat.BRIGHTSPACE,
        List.of(row("s1", "", Map.of(), 8.0), row("s2", "", Map.of(), null)), opts("HW", null, null), out);
    assertThat(Files.readString(out).lines()).containsExactly(
        "OrgDefinedId,HW Points Grade,End-of-Line Indicator", "s1,8.00,\"#\"");
    assertThat(w.notes().get(0)).contains("OrgDefinedId = student_id");
    GradeExporter.write(ExportFormat.BRIGHTSPACE, List.of(row("s1", "", Map.of("org_defined_id", "900", "username", "ada"), 8.0)),
        opts("HW", null, null), out);
    assertThat(Files.readString(out).lines()).containsExactly(
        "OrgDefinedId,Username,HW Points Grade,End-of-Line Indicator", "900,ada,8.00,\"#\"");
    assertThatThrownBy(() -> GradeExporter.write(ExportFormat.BRIGHTSPACE, List.of(), opts("HW", out, null), out))
        .hasMessageContaining("--gradebook is not used with --format brightspace");
  }

  @Test
  void formatsParseByTheirCommandLineNames() {
    assertThat(ExportFormat.parse("moodle-worksheet")).isEqualTo(ExportFormat.MOODLE_WORKSHEET);
    assertThat(ExportFormat.parse("D2L")).isEqualTo(ExportFormat.BRIGHTSPACE);
    assertThat(ExportFormat.BRIGHTSPACE.id()).isEqualTo("brightspace");
  }

  @Test
  void worksheetAndGradebooksWithoutTheirColumnsAreRefused(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("w.csv");
    Files.writeString(f, "Identifier,Grade\nParticipant 1,\n");
    List<GradeRow> rows = List.of(row("s1", "a@x", Map.of("moodle_participant", "1"), 8.0));
    assertThatThrownBy(() -> GradeExporter.write(ExportFormat.MOODLE_WORKSHEET, rows, opts("HW", f, null), dir.resolve("o.csv")))
        .hasMessageContaining("Identifier, Grade and Last modified (grade)");
    Files.writeString(f, "First name,Email address,Assignment: Quiz (Real)\nA,a@x,1\n");
    assertThatThrownBy(() -> GradeExporter.write(ExportFormat.MOODLE, rows, opts("HW", f, null), dir.resolve("o.csv")))
        .hasMessageContaining("no column 'Assignment: HW (Real)'").hasMessageContaining("Assignment: Quiz (Real)");
    Files.writeString(f, "Last Name,First Name,HW [Total Pts: 10 Score] |_1_1\nA,B,1\n");
    assertThatThrownBy(() -> GradeExporter.write(ExportFormat.BLACKBOARD, rows, opts("HW", f, null), dir.resolve("o.csv")))
        .hasMessageContaining("no 'Username' column");
    Files.writeString(f, "Username,HW [Total Pts: 10 Score] |_1_1\ns1,1\n");
    assertThatThrownBy(() -> GradeExporter.write(ExportFormat.BLACKBOARD, rows, opts("HW", f, "_9_1"), dir.resolve("o.csv")))
        .hasMessageContaining("no column has the id _9_1");
    GradeExporter.Written w = GradeExporter.write(ExportFormat.BLACKBOARD, rows, opts("HW", f, null), dir.resolve("o.csv"));
    assertThat(w.rows()).isEqualTo(1);
    assertThat(Files.readString(dir.resolve("o.csv"))).contains("\"s1\",\"8.00\"");
  }

  @Test
  void worksheetScoresAreScaledToItsMaximumGrade(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("w.csv");
    Files.writeString(f, "Identifier,Status,Grade,Maximum Grade,Last modified (grade)\n"
        + "Participant 1,Submitted,,100.00,-\nParticipant 2,Submitted,,100.00,-\n");
    List<GradeRow> rows = List.of(row("s1", "", Map.of("moodle_participant", "1"), 8.0),
        row("s2", "", Map.of("moodle_participant", "2"), null));
    GradeExporter.Written w = GradeExporter.write(ExportFormat.MOODLE_WORKSHEET, rows, opts("HW", f, null), dir.resolve("o.csv"));
    assertThat(Files.readString(dir.resolve("o.csv")).lines()).containsExactly(
        "Identifier,Status,Grade,Maximum Grade,Last modified (grade),Feedback comments",
        "Participant 1,Submitted,80.00,100.00,-,8.0/10 points.");
    assertThat(w.notes()).anyMatch(n -> n.contains("scaled to the worksheet's Maximum Grade 100"));
    assertThat(w.leftAlone()).containsExactly("s2");
  }

  @Test
  void aRosterComesFromASemicolonCanvasExportToo(@TempDir Path dir) throws Exception {
    Path book = dir.resolve("b.csv");
    Files.writeString(book, "\uFEFFStudent;ID;SIS User ID;SIS Login ID;Section;HW (7)\n"
        + "    Points Possible;;;;;10,00\n\"Lovelace, Ada\";11;S11;ada@x.edu;A;7,50\n");
    assertThat(CanvasRoster.fromGradebook(book).lines()).containsExactly(
        "student_id,name,email,canvas_id,sis_user_id,sis_login_id,section",
        "S11,\"Lovelace, Ada\",ada@x.edu,11,S11,ada@x.edu,A");
  }

  @Test
  void aBlankStudentIdCellIsNotTheLabelBesideIt() throws Exception {
    String csv = "step,question,answer\nstudent_id,Student ID,\nvariant,Variant,\nnet_h1,net of h1,0.5\n";
    assertThat(SheetReaders.read("a.csv", csv.getBytes(StandardCharsets.UTF_8)).studentId()).isNull();
    assertThat(SheetReaders.read("a.csv", csv.getBytes(StandardCharsets.UTF_8)).variant()).isNull();
  }
}
