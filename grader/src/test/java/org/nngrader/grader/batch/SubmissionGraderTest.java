package org.nngrader.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nngrader.bank.generate.ProblemSet;
import org.nngrader.cli.CliRun;
import org.nngrader.grader.engine.GradingEngine;
import org.nngrader.rubric.RubricLoader;

/** One known student's sheet graded as ClassGrader grades the same file. */
class SubmissionGraderTest {

  @TempDir static Path dir;
  static ProblemSet set;
  static List<SetStudent> students;
  static GradingEngine engine;
  static Path subs;

  @BeforeAll
  static void aClass() throws IOException {
    Files.writeString(dir.resolve("roster.csv"), "student_id,name,email\na1,Ann,a1@x.edu\na2,Ben,a2@x.edu\na3,Cy,a3@x.edu\n");
    Path folder = dir.resolve("set");
    assertThat(CliRun.run("generate", "--template", "relu-2-1-1", "--roster",
        dir.resolve("roster.csv").toString(), "--seed", "7", "--out", folder.toString()).code()).isZero();
    subs = dir.resolve("sim");
    assertThat(CliRun.run("simulate", "--set", folder.toString(), "--out", subs.toString(), "--profile", "mixed",
        "--seed", "3").code()).isZero();
    set = ProblemSet.read(folder);
    students = new ArrayList<>();
    for (ProblemSet.StudentVariant s : set.students()) {
      students.add(new SetStudent(s.id(), s.name(), s.email(), s.variant(), s.parameters(), s.extra()));
    }
    engine = new GradingEngine(set.template(), RubricLoader.resolve("relu-2-1-1"));
  }

  private static Path sheet(String id) throws IOException {
    try (var files = Files.list(subs)) {
      return files.filter(p -> p.getFileName().toString().startsWith(id + ".")).findFirst().orElseThrow();
    }
  }

  @Test
  void scoresAndStepsEqualTheBatchGradersForTheSameFile() throws IOException {
    SubmissionGrader one = new SubmissionGrader(engine, students);
    Map<String, GradedSubmission> batch = new java.util.HashMap<>();
    new ClassGrader(engine, students, 1).grade(subs, g -> batch.put(g.studentId(), g));
    for (SetStudent s : students) {
      Path file = sheet(s.id());
      GradedSubmission g = one.grade(s, file.getFileName().toString(), Files.readAllBytes(file), false, null);
      GradedSubmission b = batch.get(s.id());
      assertThat(g.status()).isEqualTo(b.status());
      if (g.status() == GradedSubmission.Status.GRADED) {
        assertThat(g.result()).as(s.id()).isEqualTo(b.result());
        assertThat(g.variant()).isEqualTo(s.variant());
      }
    }
    assertThat(one.engine()).isSameAs(engine);
  }

  @Test
  void anotherStudentsSheetIsGradedAgainstItsVariantAndFlagged() throws IOException {
    SubmissionGrader one = new SubmissionGrader(engine, students);
    byte[] bens = Files.readAllBytes(set.folder().resolve("handout/a2/answers.csv"));
    GradedSubmission g = one.grade(students.get(0), "answers.csv", bens, false, null);
    assertThat(g.variant()).isEqualTo(students.get(1).variant());
    assertThat(g.flags()).anyMatch(f -> f.contains("possible copying: the sheet carries variant"));
    assertThat(g.flags()).anyMatch(f -> f.contains("the sheet says a2 but it was uploaded by a1"));
  }

  @Test
  void aSheetOfAnUnknownVariantIsGradedAgainstTheStudentsOwn() {
    SubmissionGrader one = new SubmissionGrader(engine, students);
    String csv = "step,question,answer\nvariant,,vdeadbeef\n" + engine.template().asked().get(0) + ",,0.5\n";
    GradedSubmission g = one.grade(students.get(0), "a.csv", csv.getBytes(StandardCharsets.UTF_8), false, null);
    assertThat(g.status()).isEqualTo(GradedSubmission.Status.GRADED);
    assertThat(g.flags()).anyMatch(f -> f.contains("is not in this problem set; graded against the student's own variant"));
  }

  @Test
  void aFileThatIsNoSheetFailsWithItsReason() {
    SubmissionGrader one = new SubmissionGrader(engine, students);
    GradedSubmission notes = one.grade(students.get(0), "notes.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), false, null);
    assertThat(notes.status()).isEqualTo(GradedSubmission.Status.FAILED);
    assertThat(notes.error()).contains("notes.csv").contains("has no step");
    GradedSubmission pdf = one.grade(students.get(0), "x.pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8), false, null);
    assertThat(pdf.status()).isEqualTo(GradedSubmission.Status.FAILED);
    assertThat(pdf.studentId()).isEqualTo("a1");
  }

  @Test
  void aLateSheetIsFlaggedAndScoredByTheLatePolicy() throws IOException {
    GradingEngine late = new GradingEngine(set.template(), RubricLoader.resolve("relu-2-1-1"));
    SubmissionGrader one = new SubmissionGrader(late, students);
    Path file = sheet("a1");
    GradedSubmission g = one.grade(students.get(0), file.getFileName().toString(), Files.readAllBytes(file), true,
        Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(g.late()).isTrue();
    assertThat(g.flags()).anyMatch(f -> f.startsWith("late"));
  }
}
