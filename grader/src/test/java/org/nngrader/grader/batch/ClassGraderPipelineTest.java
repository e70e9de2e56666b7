package org.nngrader.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nngrader.bank.generate.ProblemSet;
import org.nngrader.cli.CliRun;
import org.nngrader.grader.engine.GradeResult;
import org.nngrader.grader.engine.GradingEngine;
import org.nngrader.grader.engine.StudentAnswer;
import org.nngrader.rubric.RubricLoader;

/**
 * The batch pipeline: each result goes through the caller's function on the thread that graded
 * it, only what that returns reaches the sink, on the calling thread, in roster order, and only a
 * few results per thread are ever in flight (nothing of a student is kept to the end).
 */
class ClassGraderPipelineTest {

  static final int STUDENTS = 48;

  @TempDir static Path dir;
  static ProblemSet set;
  static GradingEngine engine;
  static List<SetStudent> students;

  @BeforeAll
  static void makeClass() throws IOException {
    StringBuilder roster = new StringBuilder("student_id,name,email\n");
    for (int i = 1; i <= STUDENTS; i++) {
      roster.append("p").append(String.format("%03d", i)).append(",Student ").append(i).append(",\n");
    }
    Files.writeString(dir.resolve("roster.csv"), roster);
    assertThat(CliRun.run("generate", "--template", "sigmoid-2-2-1", "--roster",
        dir.resolve("roster.csv").toString(), "--seed", "3", "--out", dir.resolve("set").toString()).code())
        .isZero();
    assertThat(CliRun.run("simulate", "--set", dir.resolve("set").toString(), "--out",
        dir.resolve("subs").toString(), "--profile", "mixed", "--seed", "4").code()).isZero();
    set = ProblemSet.read(dir.resolve("set"));
    engine = new GradingEngine(set.template(), RubricLoader.loadBuiltin("default"));
    students = new ArrayList<>();
    for (ProblemSet.StudentVariant s : set.students()) {
      students.add(new SetStudent(s.id(), s.name(), s.email(), s.variant(), s.parameters(), s.extra()));
    }
  }

  /** What the test's worker function keeps of a result. */
  record Row(String studentId, String file, String thread, double score) {}

  @Test
  void workersWriteTheSinkCollectsInRosterOrderAndFewResultsAreInFlight() throws IOException {
    int threads = 2;
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger mostInFlight = new AtomicInteger();
    Thread caller = Thread.currentThread();
    List<Row> rows = new ArrayList<>();
    List<Thread> sinkThreads = new ArrayList<>();
    ClassGrader.Outcome outcome = new ClassGrader(engine, students, threads).grade(dir.resolve("subs"),
        s -> {
          mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          return new Row(s.studentId(), s.file(), Thread.currentThread().getName(),
              s.status() == GradedSubmission.Status.GRADED ? s.result().score() : Double.NaN);
        },
        r -> {
          inFlight.decrementAndGet();
          sinkThreads.add(Thread.currentThread());
          rows.add(r);
        });

    assertThat(sinkThreads).containsOnly(caller);
    List<Row> graded = rows.subList(0, outcome.graded());
    assertThat(graded).extracting(Row::thread).doesNotContain(caller.getName());
    List<String> rosterOrder = students.stream().map(SetStudent::id)
        .filter(id -> graded.stream().anyMatch(r -> id.equals(r.studentId()))).toList();
    assertThat(graded).extracting(Row::studentId).containsExactlyElementsOf(rosterOrder);
    List<Row> failed = rows.subList(outcome.graded(), rows.size());
    assertThat(failed).hasSize(outcome.failed()).isNotEmpty();
    assertThat(failed).extracting(Row::file).isSorted();
    assertThat(outcome.graded() + outcome.studentsWithout().size()).isEqualTo(STUDENTS);
    // A window of 4 per thread plus the one just submitted: never the whole class.
    assertThat(mostInFlight.get()).isLessThanOrEqualTo(4 * threads + 1).isLessThan(outcome.graded());
  }

  @Test
  void gradingFromSharedReferenceValuesIsGradingFromScratch() {
    for (SetStudent s : students) {
      org.nngrader.bank.graph.Values ref = engine.reference(s.givens());
      List<String> asked = set.template().asked();
      Map<String, StudentAnswer> right = new java.util.LinkedHashMap<>();
      asked.forEach(step -> right.put(step,
          new StudentAnswer.Numeric(ref.get(step), Double.toString(ref.get(step)), 0)));
      Map<String, StudentAnswer> slip = new java.util.LinkedHashMap<>(right);
      String first = asked.get(0);
      slip.put(first, new StudentAnswer.Numeric(ref.get(first) * 1.5 + 0.1, "slip", 0));
      // One reference serves both submissions of the variant, and gives what grading alone gives.
      GradeResult a = engine.grade(s.givens(), ref, right);
      GradeResult b = engine.grade(s.givens(), ref, slip);
      assertThat(a).isEqualTo(engine.grade(s.givens(), right));
      assertThat(b).isEqualTo(engine.grade(s.givens(), slip));
      assertThat(a.score()).isEqualTo(a.maxScore());
      assertThat(b.score()).isLessThan(b.maxScore());
    }
  }

  @Test
  void oneThreadOrManyGiveTheSameResults() throws IOException {
    List<GradedSubmission> one = new ArrayList<>();
    List<GradedSubmission> many = new ArrayList<>();
    new ClassGrader(engine, students, 1).grade(dir.resolve("subs"), one::add);
    new ClassGrader(engine, students, 4).grade(dir.resolve("subs"), many::add);
    assertThat(many).isEqualTo(one).hasSizeGreaterThan(STUDENTS / 2);
  }

  @Test
  void reportsOptionChoosesTheStudentFilesAndKeepsTheClassFiles(@TempDir Path out) throws IOException {
    Map<String, CliRun> runs = new java.util.LinkedHashMap<>();
    for (String reports : List.of("html,json", "json", "none")) {
      runs.put(reports, CliRun.run("grade", "--set", dir.resolve("set").toString(), "--submissions",
          dir.resolve("subs").toString(), "--out", out.resolve(reports.replace(',', '-')).toString(),
          "--reports", reports, "--threads", reports.equals("json") ? "1" : "3"));
    }
    runs.values().forEach(r -> assertThat(r.code()).as(r.err()).isEqualTo(1));
    Path all = out.resolve("html-json");
    Path json = out.resolve("json");
    Path none = out.resolve("none");
    String someone = students.get(0).id();
    assertThat(all.resolve(someone).resolve("report.html")).isRegularFile();
    assertThat(json.resolve(someone).resolve("report.html")).doesNotExist();
    assertThat(Files.readString(json.resolve(someone).resolve("report.json")))
        .isEqualTo(Files.readString(all.resolve(someone).resolve("report.json")));
    try (Stream<Path> files = Files.list(none)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("grades.csv", "steps.csv", "summary.html", "students.json",
              ".nngrader-results");
    }
    for (String f : List.of("grades.csv", "steps.csv", "students.json")) {
      assertThat(Files.readString(json.resolve(f))).as(f).isEqualTo(Files.readString(all.resolve(f)));
      assertThat(Files.readString(none.resolve(f))).as(f).isEqualTo(Files.readString(all.resolve(f)));
    }
    assertThat(Files.readString(json.resolve("summary.html"))).contains(someone + "/report.json")
        .doesNotContain("/report.html");
    assertThat(Files.readString(none.resolve("summary.html"))).doesNotContain("/report.");

    CliRun bad = CliRun.run("grade", "--set", dir.resolve("set").toString(), "--submissions",
        dir.resolve("subs").toString(), "--out", out.resolve("bad").toString(), "--reports", "pdf");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--reports 'pdf'").contains("html,json").contains("none");
    assertThat(out.resolve("bad")).doesNotExist();
  }
}
