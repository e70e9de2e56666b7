package org.nngrader.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nngrader.cli.CliRun;

/**
 * The LMS round trip: submissions zipped the way Canvas and Moodle name them grade to the same
 * scores as the plain folder; the Canvas export is what Canvas reads back; unsafe zips are
 * refused before anything is written.
 */
class LmsRoundTripTest {

  @TempDir static Path dir;
  static Path set;
  static Path subs;
  static Map<String, String> plainScores;

  @BeforeAll
  static void gradeAPlainClass() throws IOException {
    StringBuilder roster = new StringBuilder("student_id,name,email,canvas_id,sis_user_id,section\n");
    for (int i = 1; i <= 20; i++) {
      String name = i == 3 ? "\"=cmd|' /C calc'!A0, Mallory\"" : "Student " + i;
      roster.append(String.format("s%03d,%s,s%03d@example.edu,%d,SIS%03d,Section %s%n", i, name, i,
          5000 + i, i, i % 2 == 0 ? "A" : "B"));
    }
    Files.writeString(dir.resolve("roster.csv"), roster);
    set = dir.resolve("set");
    subs = dir.resolve("subs");
    assertThat(CliRun.run("generate", "--template", "sigmoid-2-2-2", "--roster",
        dir.resolve("roster.csv").toString(), "--seed", "3", "--out", set.toString()).code()).isZero();
    assertThat(CliRun.run("simulate", "--set", set.toString(), "--out", subs.toString()).code()).isZero();
    assertThat(CliRun.run("grade", "--set", set.toString(), "--submissions", subs.toString(), "--out",
        dir.resolve("plain").toString()).code()).isEqualTo(1);
    plainScores = scores(dir.resolve("plain"));
  }

  static Map<String, String> scores(Path results) throws IOException {
    Map<String, String> m = new HashMap<>();
    for (CSVRecord r : records(results.resolve("grades.csv"), true)) {
      m.put(r.get("student_id") + "|" + r.get("status"), r.get("score"));
    }
    return m;
  }

  static List<CSVRecord> records(Path csv, boolean header) throws IOException {
    CSVFormat f = header ? CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        : CSVFormat.DEFAULT;
    try (CSVParser p = CSVParser.parse(csv, StandardCharsets.UTF_8, f)) {
      return p.getRecords();
    }
  }

  static List<Path> submissionFiles() throws IOException {
    try (Stream<Path> s = Files.list(subs)) {
      return s.filter(p -> !p.getFileName().toString().equals("simulated.json")).sorted().toList();
    }
  }

  static void zip(Path zip, Map<String, byte[]> entries) throws IOException {
    try (OutputStream o = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(o)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
  }

  @Test
  void canvasZipGradesToTheSameScoresAsThePlainFolder() throws IOException {
    Map<String, byte[]> entries = new java.util.TreeMap<>();
    for (Path p : submissionFiles()) {
      String file = p.getFileName().toString();
      int n = Integer.parseInt(file.substring(1, 4));
      String late = n == 2 ? "_LATE" : "";
      entries.put("student" + n + late + "_" + (5000 + n) + "_" + (900000 + n) + "_" + file, Files.readAllBytes(p));
    }
    Path zip = dir.resolve("canvas.zip");
    zip(zip, entries);
    CliRun r = CliRun.run("grade", "--set", set.toString(), "--submissions", zip.toString(), "--out",
        dir.resolve("canvas").toString());
    assertThat(r.code()).isEqualTo(1);
    Map<String, String> canvas = scores(dir.resolve("canvas"));
    assertThat(canvas.keySet()).containsAll(plainScores.keySet().stream().filter(k -> k.endsWith("|graded")).toList());
    plainScores.forEach((k, v) -> {
      if (k.endsWith("|graded")) {
        assertThat(canvas.get(k)).as(k).isEqualTo(v);
      }
    });
    CSVRecord late = records(dir.resolve("canvas/grades.csv"), true).stream()
        .filter(x -> x.get("student_id").equals("s002")).findFirst().orElseThrow();
    assertThat(late.get("late")).isEqualTo("true");
  }

  @Test
  void moodleZipGradesToTheSameScoresAsThePlainFolder() throws IOException {
    Map<String, byte[]> entries = new java.util.TreeMap<>();
    for (Path p : submissionFiles()) {
      String file = p.getFileName().toString();
      int n = Integer.parseInt(file.substring(1, 4));
      entries.put("Student " + n + "_" + (70000 + n) + "_assignsubmission_file/" + file, Files.readAllBytes(p));
    }
    Path zip = dir.resolve("moodle.zip");
    zip(zip, entries);
    CliRun r = CliRun.run("grade", "--set", set.toString(), "--submissions", zip.toString(), "--out",
        dir.resolve("moodle").toString());
    assertThat(r.code()).isEqualTo(1);
    Map<String, String> moodle = scores(dir.resolve("moodle"));
    plainScores.forEach((k, v) -> {
      if (k.endsWith("|graded")) {
        assertThat(moodle.get(k)).as(k).isEqualTo(v);
      }
    });
  }

  @Test
  void moodleParticipantIdsMapThroughTheGradingWorksheet() throws IOException {
    // A sheet whose student_id row was deleted: only the Moodle folder name says whose it is.
    String sheet = Files.readString(set.resolve("handout/s004/answers.csv")).lines()
        .filter(l -> !l.startsWith("student_id")).reduce("", (a, b) -> a + b + "\n");
    Path zip = dir.resolve("moodle-anon.zip");
    zip(zip, Map.of("Someone Else_777004_assignsubmission_file/answers.csv",
        sheet.getBytes(StandardCharsets.UTF_8)));
    Path worksheet = dir.resolve("worksheet.csv");
    Files.writeString(worksheet, "Identifier,Full name,Email address,Status,Grade\n"
        + "Participant 777004,Student 4,s004@example.edu,Submitted,\n");
    CliRun with = CliRun.run("grade", "--set", set.toString(), "--submissions", zip.toString(), "--out",
        dir.resolve("moodle-ws").toString(), "--moodle-worksheet", worksheet.toString());
    assertThat(with.code()).as(with.err()).isZero();
    assertThat(records(dir.resolve("moodle-ws/grades.csv"), true).get(0).get("student_id")).isEqualTo("s004");
    CliRun without = CliRun.run("grade", "--set", set.toString(), "--submissions", zip.toString(), "--out",
        dir.resolve("moodle-nows").toString());
    assertThat(without.code()).isEqualTo(1);
    assertThat(without.out()).contains("cannot tell whose submission this is");
  }

  @Test
  void lateFlagReachesTheRubricsLatePolicy() throws IOException {
    Path rubric = dir.resolve("late.yaml");
    Files.writeString(rubric, "name: late\nlate: {policy: fraction-off, fraction: 0.1}\n");
    Path s2 = subs.resolve("s002.xlsx");
    Path zip = dir.resolve("canvas-late.zip");
    zip(zip, Map.of("studenttwo_LATE_5002_900002_s002.xlsx", Files.readAllBytes(s2),
        "studentfour_5004_900004_s004.xlsx", Files.readAllBytes(subs.resolve("s004.xlsx"))));
    CliRun r = CliRun.run("grade", "--set", set.toString(), "--submissions", zip.toString(), "--out",
        dir.resolve("late").toString(), "--rubric", rubric.toString());
    assertThat(r.code()).as(r.err()).isZero();
    Map<String, CSVRecord> byId = new HashMap<>();
    records(dir.resolve("late/grades.csv"), true).forEach(x -> byId.put(x.get("student_id"), x));
    CSVRecord late = byId.get("s002");
    CSVRecord onTime = byId.get("s004");
    double max = Double.parseDouble(late.get("max"));
    assertThat(late.get("late")).isEqualTo("true");
    assertThat(late.get("flags")).contains("late");
    // Same sheet graded on time with the same rubric, for comparison.
    Path zip2 = dir.resolve("canvas-ontime.zip");
    zip(zip2, Map.of("studenttwo_5002_900002_s002.xlsx", Files.readAllBytes(s2)));
    CliRun.run("grade", "--set", set.toString(), "--submissions", zip2.toString(), "--out",
        dir.resolve("ontime").toString(), "--rubric", rubric.toString());
    double full = Double.parseDouble(records(dir.resolve("ontime/grades.csv"), true).get(0).get("score"));
    assertThat(Double.parseDouble(late.get("score"))).isCloseTo(Math.max(0, full - 0.1 * max),
        org.assertj.core.api.Assertions.within(1e-9));
    assertThat(onTime.get("late")).isEqualTo("false");
  }

  @Test
  void onlyTheNewestOfSeveralSubmissionsIsGradedAndTheOthersAreListed() throws IOException {
    Path zip = dir.resolve("resubmitted.zip");
    try (OutputStream o = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(o)) {
      ZipEntry old = new ZipEntry("studentone_5001_800001_answers.xlsx");
      old.setTimeLocal(java.time.LocalDateTime.of(2026, 11, 1, 10, 0));
      z.putNextEntry(old);
      z.write(Files.readAllBytes(set.resolve("handout/s001/answers.xlsx"))); // the blank template
      z.closeEntry();
      ZipEntry newer = new ZipEntry("studentone_5001_800002_answers-1.xlsx");
      newer.setTimeLocal(java.time.LocalDateTime.of(2026, 11, 2, 10, 0));
      z.putNextEntry(newer);
      z.write(Files.readAllBytes(subs.resolve("s001.xlsx")));
      z.closeEntry();
    }
    CliRun r = CliRun.run("grade", "--set", set.toString(), "--submissions", zip.toString(), "--out",
        dir.resolve("resubmitted").toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<CSVRecord> rows = records(dir.resolve("resubmitted/grades.csv"), true);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("file")).isEqualTo("studentone_5001_800002_answers-1.xlsx");
    assertThat(rows.get(0).get("score")).isEqualTo(plainScores.get("s001|graded"));
    assertThat(rows.get(0).get("flags")).contains("older submission not graded: studentone_5001_800001_answers.xlsx");
  }

  @Test
  void canvasExportReadsBackAsCanvasReadsIt() throws IOException {
    Path out = dir.resolve("canvas-export.csv");
    CliRun r = CliRun.run("export", "--results", dir.resolve("plain").toString(), "--format", "canvas",
        "--assignment", "Backprop 1", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<CSVRecord> rows = records(out, false);
    assertThat(rows.get(0).toList()).containsExactly("Student", "ID", "SIS User ID", "SIS Login ID", "Section", "Backprop 1");
    assertThat(rows.get(1).get(0)).isEqualTo("    Points Possible");
    long graded = plainScores.keySet().stream().filter(k -> k.endsWith("|graded")).count();
    assertThat(rows).hasSize(2 + (int) graded);
    assertThat(r.out()).contains("Left alone");
    for (int i = 2; i < rows.size(); i++) {
      CSVRecord row = rows.get(i);
      assertThat(row.get(1)).as("Canvas ID of row %d", i).matches("50\\d\\d");
      assertThat(row.get(4)).startsWith("Section ");
      String score = row.get(5);
      assertThat(score).as("plain number").matches("\\d+\\.\\d\\d");
    }
    CSVRecord mallory = rows.stream().filter(x -> x.get(1).equals("5003")).findFirst().orElseThrow();
    assertThat(mallory.get(0)).startsWith("'=cmd");
  }

  @Test
  void canvasGradebookKeepsEveryOtherColumn() throws IOException {
    Path book = dir.resolve("gradebook.csv");
    StringBuilder b = new StringBuilder("Student,ID,SIS User ID,SIS Login ID,Section,Quiz 1 (11),Backprop 1 (12),Current Score\n");
    b.append("    Points Possible,,,,,10.00,50.00,(read only)\n");
    for (int i = 1; i <= 20; i++) {
      b.append(String.format("\"Student, %d\",%d,SIS%03d,login%d,Section A,7.50,,88.1%n", i, 5000 + i, i, i));
    }
    Files.writeString(book, b);
    Path out = dir.resolve("filled.csv");
    CliRun r = CliRun.run("export", "--results", dir.resolve("plain").toString(), "--format", "canvas",
        "--gradebook", book.toString(), "--assignment", "Backprop 1", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<CSVRecord> rows = records(out, false);
    assertThat(rows.get(0).toList()).isEqualTo(records(book, false).get(0).toList());
    for (int i = 2; i < rows.size(); i++) {
      assertThat(rows.get(i).get(5)).isEqualTo("7.50");
      assertThat(rows.get(i).get(7)).isEqualTo("88.1");
    }
    assertThat(rows.get(2).get(6)).matches("\\d+\\.\\d\\d");
  }

  @Test
  void zipWithTraversalIsRefusedAndNothingIsWritten() throws IOException {
    Path zip = dir.resolve("evil.zip");
    zip(zip, Map.of("../../escape.xlsx", "x".getBytes(StandardCharsets.UTF_8)));
    Path out = dir.resolve("evil-results");
    CliRun r = CliRun.run("grade", "--set", set.toString(), "--submissions", zip.toString(), "--out", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("evil.zip").contains("../../escape.xlsx");
    assertThat(out).doesNotExist();
    assertThat(dir.getParent().resolve("escape.xlsx")).doesNotExist();
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("partial"));
    }
  }

  @Test
  void zipBombIsRefused() throws IOException {
    Path zip = dir.resolve("bomb.zip");
    try (OutputStream o = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(o)) {
      z.putNextEntry(new ZipEntry("s001.xlsx"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        z.write(zeros);
      }
      z.closeEntry();
    }
    CliRun r = CliRun.run("grade", "--set", set.toString(), "--submissions", zip.toString(), "--out",
        dir.resolve("bomb-results").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("bomb.zip").containsAnyOf("ratio", "limit", "too large", "compress");
    assertThat(dir.resolve("bomb-results")).doesNotExist();
  }
}
