package org.nngrader.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nngrader.cli.CliRun;

/** Regression tests for batch-grading defects found in review, each named after what broke. */
class BatchRegressionsTest {

  @TempDir static Path dir;
  static Path set;
  static String sheetA1;
  static String sheetA2;

  @BeforeAll
  static void threeStudents() throws IOException {
    Files.writeString(dir.resolve("roster.csv"), "student_id,name,email\na1,Ann,a1@x.edu\na2,Ben,a2@x.edu\na3,Cy,a3@x.edu\n");
    set = dir.resolve("set");
    assertThat(CliRun.run("generate", "--template", "relu-2-1-1", "--roster",
        dir.resolve("roster.csv").toString(), "--seed", "7", "--out", set.toString()).code()).isZero();
    Path subs = dir.resolve("sim");
    assertThat(CliRun.run("simulate", "--set", set.toString(), "--out", subs.toString(), "--profile", "correct").code()).isZero();
    sheetA1 = csvOf(subs, "a1");
    sheetA2 = csvOf(subs, "a2");
  }

  /** The simulated class of profile 'correct' writes xlsx; take the set's csv template filled from the key. */
  static String csvOf(Path subs, String id) throws IOException {
    return filledFrom(set, id);
  }

  /** The csv template of student {@code id} of {@code set}, filled from the answer key. */
  static String filledFrom(Path set, String id) throws IOException {
    String template = Files.readString(set.resolve("handout/" + id + "/answers.csv"));
    List<CSVRecord> key = records(set.resolve("key/" + id + "/key.csv"));
    StringBuilder b = new StringBuilder();
    for (String line : template.lines().toList()) {
      String step = line.split(",")[0];
      String value = key.stream().filter(k -> k.get("step").equals(step)).map(k -> k.get("value")).findFirst().orElse(null);
      b.append(value == null ? line : line.replaceAll(",$", "," + value)).append('\n');
    }
    return b.toString();
  }

  static List<CSVRecord> records(Path csv) throws IOException {
    try (CSVParser p = CSVParser.parse(csv, StandardCharsets.UTF_8,
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
      return p.getRecords();
    }
  }

  static Path folder(String name, String... filesAndContents) throws IOException {
    Path f = dir.resolve(name);
    Files.createDirectories(f);
    for (int i = 0; i < filesAndContents.length; i += 2) {
      Files.writeString(f.resolve(filesAndContents[i]), filesAndContents[i + 1]);
    }
    return f;
  }

  static CSVRecord row(Path results, String id) throws IOException {
    return records(results.resolve("grades.csv")).stream().filter(r -> r.get("student_id").equals(id))
        .findFirst().orElseThrow();
  }

  @Test
  void sheetFilledInCorrectlyIsFullMarks() throws IOException {
    Path subs = folder("ok", "a1.csv", sheetA1);
    CliRun r = CliRun.run("grade", "--set", set.toString(), "--submissions", subs.toString(), "--out", dir.resolve("ok-r").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(row(dir.resolve("ok-r"), "a1").get("score")).isEqualTo(row(dir.resolve("ok-r"), "a1").get("max"));
  }

  @Test
  void aNoteBesideTheSheetDoesNotReplaceIt() throws IOException {
    Path subs = folder("note", "a1.csv", sheetA1, "a1.txt", "hello, this is my homework\n");
    Path out = dir.resolve("note-r");
    CliRun r = CliRun.run("grade", "--set", set.toString(), "--submissions", subs.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    CSVRecord a1 = row(out, "a1");
    assertThat(a1.get("file")).isEqualTo("a1.csv");
    assertThat(a1.get("score")).isEqualTo(a1.get("max"));
    assertThat(a1.get("flags")).contains("a1.txt").contains("no step of this exercise");
  }

  @Test
  void aBrokenDuplicateFileDoesNotStopTheBatch() throws IOException {
    Path subs = folder("dup", "a1.csv", sheetA1, "a1.xlsx", "PK\u0003\u0004junk", "a2.xlsx", "PK\u0003\u0004junk",
        "a2-again.xlsx", "also junk");
    Path out = dir.resolve("dup-r");
    CliRun r = CliRun.run("grade", "--set", set.toString(), "--submissions", subs.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(row(out, "a1").get("status")).isEqualTo("graded");
    assertThat(row(out, "a2").get("status")).isEqualTo("failed");
  }

  @Test
  void anUploadUnderOneNameIsGradedForThatStudentAndFlagged() throws IOException {
    // a1 hands in a copy of a2's filled sheet (student_id a2 inside).
    Path subs = folder("copy", "a1.csv", sheetA2, "a2.csv", sheetA2);
    Path out = dir.resolve("copy-r");
    CliRun r = CliRun.run("grade", "--set", set.toString(), "--submissions", subs.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(row(out, "a1").get("file")).isEqualTo("a1.csv");
    assertThat(row(out, "a1").get("flags")).contains("possible copying");
    assertThat(row(out, "a2").get("file")).isEqualTo("a2.csv");
  }

  @Test
  void forceNeverReplacesTheSetOrTheSubmissions() throws IOException {
    Path subs = folder("force", "a1.csv", sheetA1);
    CliRun intoSubs = CliRun.run("grade", "--set", set.toString(), "--submissions", subs.toString(), "--out", subs.toString(), "--force");
    assertThat(intoSubs.code()).isEqualTo(2);
    assertThat(intoSubs.err()).contains("overlaps the input");
    assertThat(subs.resolve("a1.csv")).exists();
    Path other = folder("not-results", "thesis.tex", "precious");
    CliRun intoOther = CliRun.run("grade", "--set", set.toString(), "--submissions", subs.toString(), "--out", other.toString(), "--force");
    assertThat(intoOther.code()).isEqualTo(2);
    assertThat(other.resolve("thesis.tex")).hasContent("precious");
  }

  @Test
  void anEmptySubmissionsFolderIsAUsageError() throws IOException {
    Path subs = folder("empty");
    CliRun r = CliRun.run("grade", "--set", set.toString(), "--submissions", subs.toString(), "--out", dir.resolve("empty-r").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("holds no submissions");
    assertThat(dir.resolve("empty-r")).doesNotExist();
  }

  @Test
  void aFailedSubmissionIsExportedAsFailedWithItsReason() throws IOException {
    Path subs = folder("failed", "a1.csv", sheetA1, "a2.xlsx", "PK\u0003\u0004junk");
    Path out = dir.resolve("failed-r");
    CliRun.run("grade", "--set", set.toString(), "--submissions", subs.toString(), "--out", out.toString());
    Path csv = dir.resolve("failed-export.csv");
    assertThat(CliRun.run("export", "--results", out.toString(), "--format", "generic", "--out", csv.toString()).code()).isZero();
    assertThat(Files.readString(csv)).contains("a2@x.edu,,21.00,failed,Your submission could not be graded: a2.xlsx")
        .contains("a3@x.edu,,21.00,no-submission,No submission.");
    // An LMS upload never blanks the grade of a student nngrader did not grade: it leaves them out.
    CliRun moodle = CliRun.run("export", "--results", out.toString(), "--format", "moodle", "--out", csv.toString());
    assertThat(moodle.code()).isZero();
    assertThat(Files.readString(csv)).doesNotContain("a2@x.edu").doesNotContain("a3@x.edu");
    assertThat(moodle.out()).contains("Left alone (not graded by nngrader").contains("a2").contains("a3");
  }
}
