package org.nngrader.grader.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nngrader.grader.batch.GradedSubmission;
import org.nngrader.rubric.Reveal;

class ClassReportTest {

  @TempDir
  Path out;

  ClassReport report() {
    return new ClassReport(out, ReportFixtures.T, ReportFixtures.T.asked(), Reveal.ALL);
  }

  static List<CSVRecord> csv(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p = CSVParser.parse(r, CSVFormat.DEFAULT)) {
      return p.getRecords();
    }
  }

  static List<String> cells(CSVRecord r) {
    return new ArrayList<>(r.toList());
  }

  @Test
  void gradesCsvHasOneSortedRowPerSubmission() throws IOException {
    ClassReport c = report();
    List<GradedSubmission> all = new ArrayList<>(ReportFixtures.all());
    java.util.Collections.reverse(all);
    all.forEach(c::add);
    c.finish();
    List<CSVRecord> rows = csv(out.resolve(ClassReport.GRADES_CSV));
    assertThat(cells(rows.get(0))).containsExactlyElementsOf(ClassReport.GRADES_HEADER);
    assertThat(rows.stream().skip(1).map(r -> r.get(0)))
        .containsExactly("s001", "s002", "s003", "s004", "s005", "");
    assertThat(cells(rows.get(2))).containsExactly("s002", "Blaise Pascal", "49", "50", "98.00",
        "graded", "v002", "s002_answers.xlsx", "", "true");
    assertThat(cells(rows.get(5))).containsExactly("s005", "Emmy Noether", "", "", "", "failed",
        "", "s005_answers.csv", "an older submission s005_answers_old.csv was not graded",
        "false");
    assertThat(rows.get(6).get(7)).isEqualTo("uploads/Broken Sheet (1).xlsx");
  }

  @Test
  void flagsAreJoinedWithSemicolons() throws IOException {
    ClassReport c = report();
    GradedSubmission s = ReportFixtures.allCorrect();
    c.add(new GradedSubmission(s.studentId(), s.name(), s.variant(), s.file(), s.status(),
        s.result(), null, s.givens(), List.of("late by 2 days", "possible copying: same as s009"),
        true));
    c.finish();
    assertThat(csv(out.resolve(ClassReport.GRADES_CSV)).get(1).get(8))
        .isEqualTo("late by 2 days; possible copying: same as s009");
  }

  @Test
  void stepsCsvHasAColumnPerAskedStepAndARowPerGradedStudent() throws IOException {
    ClassReport c = report();
    ReportFixtures.all().forEach(c::add);
    c.finish();
    List<CSVRecord> rows = csv(out.resolve(ClassReport.STEPS_CSV));
    List<String> header = new ArrayList<>(List.of("student_id"));
    header.addAll(ReportFixtures.T.asked());
    assertThat(cells(rows.get(0))).containsExactlyElementsOf(header);
    assertThat(rows).hasSize(5);
    CSVRecord s002 = rows.get(2);
    assertThat(s002.get(0)).isEqualTo("s002");
    assertThat(s002.get(header.indexOf("net_h1"))).isEqualTo("incorrect");
    assertThat(s002.get(header.indexOf("out_h1"))).isEqualTo("follow-through");
    CSVRecord s004 = rows.get(4);
    assertThat(s004.get(header.indexOf("net_h1"))).isEqualTo("missing");
    assertThat(s004.get(header.indexOf("out_h1"))).isEqualTo("unreadable");
  }

  @Test
  void stepsCsvFollowsTheAskedOrderGivenToTheConstructor() throws IOException {
    List<String> asked = List.of("E_total", "net_h1", "not_asked_by_the_engine");
    ClassReport c = new ClassReport(out, ReportFixtures.T, asked, Reveal.ALL);
    c.add(ReportFixtures.slip());
    c.finish();
    List<CSVRecord> rows = csv(out.resolve(ClassReport.STEPS_CSV));
    assertThat(cells(rows.get(0))).containsExactly("student_id", "E_total", "net_h1",
        "not_asked_by_the_engine");
    assertThat(cells(rows.get(1))).containsExactly("s002", "follow-through", "incorrect", "");
  }

  @Test
  void eachStudentGetsAFolderWithBothReports() {
    ClassReport c = report();
    assertThat(c.add(ReportFixtures.allCorrect())).isEqualTo("s001");
    String failed = c.add(ReportFixtures.failedUnknown());
    assertThat(failed).matches("uploads_Broken_Sheet__1_\\.xlsx-[0-9a-f]{8}");
    assertThat(out.resolve("s001/report.html")).exists();
    assertThat(out.resolve("s001/report.json")).exists();
    assertThat(out.resolve(failed).resolve("report.html")).exists();
  }

  @Test
  void summaryListsCountsMisconceptionsFailuresFlagsAndLinks() throws IOException {
    ClassReport c = report();
    ReportFixtures.all().forEach(c::add);
    c.finish();
    String html = Files.readString(out.resolve(ClassReport.SUMMARY_HTML));
    assertThat(html)
        .contains("<dt>Submissions</dt><dd>6</dd>")
        .contains("<dt>Graded</dt><dd>4</dd>")
        .contains("<dt>Could not be graded</dt><dd>2</dd>")
        .contains("<td>" + org.nngrader.bank.math.MathProse.html(
            "sign of dE/dout reversed (target - out instead of out - target)", Set.of(),
            StudentReport.CATALOGUE) + "</td>"
            + "<td class=\"id\">error-derivative-sign</td><td class=\"num\">1</td>")
        .contains("reversed <span style=\"white-space:nowrap\">(<math>")
        .contains("the zip archive is truncated")
        .contains("possible copying: the sheet carries variant v002 of s002")
        .contains("<a href=\"s001/report.html\">report</a>")
        .contains("<a href=\"" + ClassReport.folderName(ReportFixtures.failedUnknown())
            + "/report.html\">uploads/Broken Sheet (1).xlsx</a>")
        .contains("<svg id='chart-histogram'").contains("<svg id='chart-steps'");
  }

  @Test
  void meanAndMedianComeFromTheGradedScores() throws IOException {
    ClassReport c = report();
    ReportFixtures.all().forEach(c::add);
    c.finish();
    double[] scores = ReportFixtures.all().stream().filter(s -> s.result() != null)
        .mapToDouble(s -> s.result().score()).sorted().toArray();
    double mean = java.util.Arrays.stream(scores).average().orElseThrow();
    double median = (scores[1] + scores[2]) / 2;
    String html = Files.readString(out.resolve(ClassReport.SUMMARY_HTML));
    assertThat(html).contains("<dt>Mean score</dt><dd>" + Decimals.average(mean) + " / 50")
        .contains("<dt>Median score</dt><dd>" + Decimals.average(median) + " / 50");
  }

  @Test
  void aClassWithNothingGradedStillGetsItsSummary() throws IOException {
    ClassReport c = report();
    c.add(ReportFixtures.failedUnknown());
    c.finish();
    String html = Files.readString(out.resolve(ClassReport.SUMMARY_HTML));
    assertThat(html).contains("No submission was graded").doesNotContain("<svg id='chart");
    assertThat(csv(out.resolve(ClassReport.STEPS_CSV))).hasSize(1);
  }

  @Test
  void theSameStudentTwiceIsRefused() {
    ClassReport c = report();
    c.add(ReportFixtures.allCorrect());
    assertThatThrownBy(() -> c.add(ReportFixtures.allCorrect()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("two submissions for report folder 's001': s001_answers.xlsx and "
            + "s001_answers.xlsx; pass one submission per student");
  }

  @Test
  void addAfterFinishAndFinishTwiceAreRefused() {
    ClassReport c = report();
    c.finish();
    assertThatThrownBy(() -> c.add(ReportFixtures.allCorrect()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("s001_answers.xlsx");
    assertThatThrownBy(c::finish).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void askedStepsMustNotRepeat() {
    assertThatThrownBy(() -> new ClassReport(out, ReportFixtures.T, List.of("net_h1", "net_h1"),
        Reveal.ALL)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("net_h1");
  }
}
