package org.nngrader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nngrader.grader.export.SafeText;

class DemoAndExportCommandTest {

  @Test
  void demoRunsTheWholeFlowAndListsItsFiles(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("demo");
    CliRun r = CliRun.run("demo", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Graded 38 of 40 students").contains("could not be graded")
        .contains("Class summary:").contains("Canvas export:");
    assertThat(out.resolve("set/manifest.json")).isRegularFile();
    assertThat(out.resolve("results/s001/report.html")).isRegularFile();
    assertThat(out.resolve("results/summary.html")).isRegularFile();
    assertThat(Files.readString(out.resolve("canvas-grades.csv"))).contains("    Points Possible")
        .contains("'=HYPERLINK");
    // A second run replaces its own folder.
    assertThat(CliRun.run("demo", "--out", out.toString()).code()).isZero();
  }

  @Test
  void demoRefusesAFolderItDidNotMake(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("thesis.tex"), "precious");
    CliRun r = CliRun.run("demo", "--out", dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("was not made by the demo");
    assertThat(dir.resolve("thesis.tex")).hasContent("precious");
  }

  @Test
  void rosterFromCanvasGradebook(@TempDir Path dir) throws Exception {
    Path book = dir.resolve("book.csv");
    Files.writeString(book, """
        Student,ID,SIS User ID,SIS Login ID,Section,HW1 (1)
            Points Possible,,,,,10
        "Lovelace, Ada",101,A1,ada@uni.edu,Sec 1,9
        "Turing, Alan",102,,alan,Sec 2,
        "Student, Test",999,,,,
        """);
    Path roster = dir.resolve("roster.csv");
    CliRun r = CliRun.run("roster", "--from-canvas", book.toString(), "--out", roster.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readAllLines(roster)).containsExactly(
        "student_id,name,email,canvas_id,sis_user_id,sis_login_id,section",
        "A1,\"Lovelace, Ada\",ada@uni.edu,101,A1,ada@uni.edu,Sec 1",
        "alan,\"Turing, Alan\",,102,,alan,Sec 2");
  }

  @Test
  void rosterRejectsAFileThatIsNotAGradebook(@TempDir Path dir) throws Exception {
    Path book = dir.resolve("x.csv");
    Files.writeString(book, "name,score\nAda,3\n");
    CliRun r = CliRun.run("roster", "--from-canvas", book.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("x.csv line 1: not a Canvas gradebook export");
  }

  @Test
  void exportNeedsAResultsFolder(@TempDir Path dir) {
    CliRun r = CliRun.run("export", "--results", dir.toString(), "--format", "moodle", "--out", dir.resolve("m.csv").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("not a results folder");
    CliRun f = CliRun.run("export", "--results", dir.toString(), "--format", "sakai", "--out", dir.resolve("m.csv").toString());
    assertThat(f.err()).contains("unknown export format 'sakai'; valid: generic, canvas, moodle, "
        + "moodle-worksheet, blackboard, brightspace");
  }

  @Test
  void spreadsheetFormulasAreNeutralisedInText() {
    for (String s : List.of("=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx")) {
      assertThat(SafeText.of(s)).startsWith("'");
    }
    assertThat(SafeText.of("Ada Lovelace")).isEqualTo("Ada Lovelace");
  }
}
