package org.nngrader.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nngrader.bank.graph.Values;
import org.nngrader.bank.template.Templates;
import org.nngrader.cli.CliRun;

/**
 * A sheet filled with another variant's key, or with the textbook values of the template's
 * defaults, is flagged possible-copying and scores no more than a blank sheet.
 */
class CopyDetectionTest {

  @TempDir static Path dir;
  static Path set;
  static Path results;

  @BeforeAll
  static void gradeAClassWithTwoCopies() throws IOException {
    Files.writeString(dir.resolve("roster.csv"), "student_id,name,email\n"
        + "a1,Ann,a1@x.edu\na2,Ben,a2@x.edu\na3,Cy,a3@x.edu\na4,Di,a4@x.edu\n");
    set = dir.resolve("set");
    assertThat(CliRun.run("generate", "--template", "sigmoid-2-2-2", "--roster",
        dir.resolve("roster.csv").toString(), "--seed", "3", "--out", set.toString()).code())
        .isZero();
    Values textbook = Templates.builtin("sigmoid-2-2-2").solve(Map.of());
    Path subs = dir.resolve("subs");
    Files.createDirectories(subs);
    Function<String, String> keyOfA2 = step -> key("a2").get(step);
    Files.writeString(subs.resolve("a1.csv"), sheet("a1", keyOfA2));
    Files.writeString(subs.resolve("a2.csv"), sheet("a2", step -> key("a2").get(step)));
    Files.writeString(subs.resolve("a3.csv"),
        sheet("a3", step -> Double.toString(textbook.get(step))));
    Files.writeString(subs.resolve("a4.csv"), sheet("a4", step -> key("a4").get(step)));
    results = dir.resolve("results");
    CliRun r = CliRun.run("grade", "--set", set.toString(), "--submissions", subs.toString(),
        "--out", results.toString());
    assertThat(r.code()).as(r.err()).isZero();
  }

  static Map<String, String> key(String id) {
    try {
      Map<String, String> out = new java.util.LinkedHashMap<>();
      for (CSVRecord k : records(set.resolve("key/" + id + "/key.csv"))) {
        out.put(k.get("step"), k.get("value"));
      }
      return out;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The student's own answers.csv, filled from {@code values}. */
  static String sheet(String id, Function<String, String> values) throws IOException {
    StringBuilder b = new StringBuilder();
    for (String line : Files.readString(set.resolve("handout/" + id + "/answers.csv")).lines().toList()) {
      String step = line.split(",")[0];
      String value = step.equals("student_id") || step.equals("variant") || step.equals("step")
          ? null : values.apply(step);
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

  static CSVRecord row(String id) throws IOException {
    return records(results.resolve("grades.csv")).stream()
        .filter(r -> r.get("student_id").equals(id)).findFirst().orElseThrow();
  }

  @Test
  void aCopyOfAnotherVariantIsFlaggedNamingTheStudentAndScoresNothing() throws IOException {
    CSVRecord a1 = row("a1");
    assertThat(a1.get("flags")).contains("possible-copying").contains("student a2");
    assertThat(Double.parseDouble(a1.get("score"))).isZero();
    String report = Files.readString(results.resolve("a1/report.json"));
    assertThat(report).contains("rather than your own variant (possible copying)")
        .doesNotContain("student a2");
  }

  @Test
  void aCopyOfTheTextbookExampleIsFlaggedAndScoresNothing() throws IOException {
    CSVRecord a3 = row("a3");
    assertThat(a3.get("flags")).contains("possible-copying")
        .contains("the template's default values");
    assertThat(Double.parseDouble(a3.get("score"))).isZero();
  }

  @Test
  void honestSheetsAreNotFlagged() throws IOException {
    for (String id : List.of("a2", "a4")) {
      CSVRecord r = row(id);
      assertThat(r.get("flags")).as(id).doesNotContain("possible-copying");
      assertThat(r.get("score")).as(id).isEqualTo(r.get("max"));
    }
  }

  @Test
  void theSummaryListsTheFlaggedSheets() throws IOException {
    String summary = Files.readString(results.resolve("summary.html"));
    assertThat(summary).contains("possible-copying");
  }
}
