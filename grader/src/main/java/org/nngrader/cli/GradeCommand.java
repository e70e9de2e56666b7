package org.nngrader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.nngrader.bank.generate.ProblemSet;
import org.nngrader.bank.generate.ProblemSetException;
import org.nngrader.bank.template.Template;
import org.nngrader.grader.batch.ClassGrader;
import org.nngrader.grader.batch.GradedSubmission;
import org.nngrader.grader.batch.SetStudent;
import org.nngrader.grader.engine.GradingEngine;
import org.nngrader.grader.engine.StepResult;
import org.nngrader.grader.export.ResultsFolder;
import org.nngrader.grader.read.ZipSafetyException;
import org.nngrader.grader.report.ClassReport;
import org.nngrader.rubric.Rubric;
import org.nngrader.rubric.RubricException;
import org.nngrader.rubric.RubricLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nngrader grade}: grades every submission under a path against a problem set and
 * writes the results folder whole, or not at all (it is built beside the target and moved into
 * place at the end).
 */
@Command(mixinStandardHelpOptions = true, name = "grade", description = "Grade a class's submissions against a problem set.")
final class GradeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--set", required = true, paramLabel = "SET", description = "Problem set folder from 'nngrader generate'.")
  Path set;

  @Option(names = "--submissions", required = true, paramLabel = "PATH",
      description = "A submission file, a folder, or an LMS bulk-download zip (Canvas, Moodle).")
  Path submissions;

  @Option(names = "--out", required = true, paramLabel = "RESULTS", description = "Results folder to create.")
  Path out;

  @Option(names = "--rubric", paramLabel = "RUB", description = "Rubric name or .yaml file (default: the set's rubric).")
  String rubric;

  @Option(names = "--threads", paramLabel = "N", description = "Grading threads (default: all cores).")
  Integer threads;

  @Option(names = "--force", description = "Replace RESULTS if it already exists.")
  boolean force;

  @Option(names = "--moodle-worksheet", paramLabel = "WORKSHEET.csv",
      description = "Moodle grading worksheet: maps the participant ids of a Moodle zip to students.")
  Path moodleWorksheet;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    ProblemSet problemSet;
    Template template;
    try {
      problemSet = ProblemSet.read(set);
      template = problemSet.template();
    } catch (ProblemSetException e) {
      throw new UsageException(e.getMessage(), e);
    }
    Rubric r = rubric(problemSet);
    for (org.nngrader.rubric.StepRule rule : r.steps()) {
      if (template.asked().stream().noneMatch(rule::matches)) {
        spec.commandLine().getErr().println("nngrader: warning: rubric " + r.name() + " rule '"
            + rule.match() + "' matches no step of " + template.id() + " (steps are case-sensitive: "
            + String.join(", ", template.asked().subList(0, Math.min(6, template.asked().size()))) + ", ...)");
      }
    }
    if (!Files.exists(submissions)) {
      throw new UsageException(submissions + ": no such file or folder; pass the submissions "
          + "file, folder or LMS zip with --submissions");
    }
    checkOut();
    Path parent = out.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path partial = Files.createTempDirectory(parent, "." + out.getFileName() + ".partial-");
    try {
      Summary summary = gradeInto(partial, problemSet, template, r);
      publish(partial, out.toAbsolutePath());
      summary.print(stdout, out);
      return summary.failed.isEmpty() ? Main.EXIT_OK : Main.EXIT_PARTIAL;
    } catch (ZipSafetyException e) {
      throw new UsageException(e.getMessage() + "; nothing was graded and no results were written", e);
    } finally {
      deleteTree(partial);
    }
  }

  /**
   * The results folder must not be, contain or sit inside the set or the submissions, and
   * --force replaces only a folder that is itself a results folder.
   */
  private void checkOut() throws IOException {
    Path o = out.toAbsolutePath().normalize();
    for (Path input : List.of(set, submissions)) {
      Path i = input.toAbsolutePath().normalize();
      if (o.startsWith(i) || i.startsWith(o)) {
        throw new UsageException(out + ": is or overlaps the input " + input
            + "; write the results to a folder of their own");
      }
    }
    if (Files.exists(out) && !isEmptyFolder(out)) {
      if (!force) {
        throw new UsageException(out + ": already exists; choose a new folder or add --force to replace it");
      }
      if (!Files.isRegularFile(out.resolve(ResultsFolder.STUDENTS_JSON))
          && !Files.isRegularFile(out.resolve(ClassReport.GRADES_CSV))) {
        throw new UsageException(out + ": is not a results folder of nngrader, so --force will "
            + "not replace it; choose a new folder");
      }
    }
  }

  private Rubric rubric(ProblemSet problemSet) {
    if (rubric != null) {
      try {
        return RubricLoader.resolve(rubric);
      } catch (RubricException | IllegalArgumentException e) {
        throw new UsageException(e.getMessage(), e);
      }
    }
    String name = problemSet.rubric();
    try {
      if (name == null) {
        return RubricLoader.loadBuiltin("default");
      }
      Path inSet = set.resolve(name);
      return Files.isRegularFile(inSet) ? RubricLoader.load(inSet) : RubricLoader.resolve(name);
    } catch (RubricException | IllegalArgumentException e) {
      throw new UsageException(set.resolve(ProblemSet.MANIFEST) + ": rubric '" + name
          + "' cannot be used (" + e.getMessage() + "); pass --rubric default or a rubric file", e);
    }
  }

  /** What the command prints at the end. */
  private record Summary(int graded, List<GradedSubmission> failed, int without, double mean, int students) {
    void print(PrintWriter w, Path out) {
      String meanText = graded == 0 ? "" : String.format(Locale.ROOT, " (mean %.1f%%)", mean);
      w.printf(Locale.ROOT, "Graded %d of %d students%s; %d without a gradable submission; %d file%s could not be graded.%n",
          graded, students, meanText, without, failed.size(), failed.size() == 1 ? "" : "s");
      for (GradedSubmission f : failed) {
        w.println("  not graded: " + f.error());
      }
      w.println("Results: " + out);
      w.println("Summary: " + out.resolve(ClassReport.SUMMARY_HTML));
    }
  }

  private Summary gradeInto(Path folder, ProblemSet problemSet, Template template, Rubric r)
      throws IOException {
    GradingEngine engine = new GradingEngine(template, r);
    List<SetStudent> students = new ArrayList<>();
    for (ProblemSet.StudentVariant s : problemSet.students()) {
      students.add(new SetStudent(s.id(), s.name(), s.email(), s.variant(), s.parameters(), s.extra()));
    }
    if (moodleWorksheet != null) {
      students = withParticipants(students);
    }
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (n < 1) {
      throw new UsageException("--threads is " + n + "; it must be at least 1");
    }
    ClassReport report = new ClassReport(folder, template, template.asked(), r.reveal());
    Map<String, String> feedback = new ConcurrentHashMap<>();
    List<GradedSubmission> failed = new ArrayList<>();
    double[] percentSum = {0};
    ClassGrader grader = new ClassGrader(engine, students, n);
    ClassGrader.Outcome outcome = grader.grade(submissions, s -> {
      report.add(s);
      if (s.status() == GradedSubmission.Status.FAILED) {
        failed.add(s);
        if (s.studentId() != null) {
          feedback.put(s.studentId(), "Your submission could not be graded: " + s.error());
        }
      } else {
        feedback.put(s.studentId(), oneLine(s));
        percentSum[0] += s.result().percent();
      }
    });
    if (outcome.graded() == 0 && failed.isEmpty()) {
      throw new UsageException(submissions + ": holds no submissions; pass the file, folder or "
          + "LMS zip the students' sheets are in");
    }
    report.finish();
    List<ResultsFolder.Entry> entries = new ArrayList<>();
    for (SetStudent s : students) {
      entries.add(new ResultsFolder.Entry(s.id(), s.name(), s.email(), s.lmsIds(),
          feedback.getOrDefault(s.id(), "No submission.")));
    }
    ResultsFolder.writeStudents(folder, entries);
    int graded = outcome.graded();
    return new Summary(graded, failed, outcome.studentsWithout().size(),
        graded == 0 ? 0 : percentSum[0] / graded, students.size());
  }

  private List<SetStudent> withParticipants(List<SetStudent> students) throws IOException {
    if (!Files.isRegularFile(moodleWorksheet)) {
      throw new UsageException(moodleWorksheet + ": no such file; download the grading worksheet from Moodle");
    }
    Map<String, String> participants = Cli.attempt(() -> {
      try {
        return org.nngrader.grader.batch.MoodleWorksheet.participants(moodleWorksheet, students);
      } catch (IOException e) {
        throw new IllegalArgumentException(moodleWorksheet + ": cannot be read (" + e.getMessage() + ")");
      }
    });
    Map<String, String> byStudent = new java.util.HashMap<>();
    participants.forEach((participant, student) -> byStudent.put(student, participant));
    List<SetStudent> out = new ArrayList<>();
    for (SetStudent s : students) {
      String participant = byStudent.get(s.id());
      if (participant == null) {
        out.add(s);
      } else {
        Map<String, String> lms = new java.util.LinkedHashMap<>(s.lmsIds());
        lms.put("moodle_participant", participant);
        out.add(new SetStudent(s.id(), s.name(), s.email(), s.variant(), s.givens(), lms));
      }
    }
    return out;
  }

  /** A one-line summary for LMS feedback columns. */
  static String oneLine(GradedSubmission s) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s/%s points (%.0f%%)",
        trim(s.result().score()), trim(s.result().maxScore()), s.result().percent()));
    s.result().firstWrongStep().ifPresent(step -> b.append("; first went wrong at ").append(step));
    List<String> named = s.result().steps().stream().map(StepResult::misconception)
        .filter(m -> m != null && !m.equals("rounded-early")).distinct().toList();
    if (!named.isEmpty()) {
      b.append("; misconceptions: ").append(String.join(", ", named));
    }
    return b.append('.').toString();
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
  }

  private static boolean isEmptyFolder(Path p) throws IOException {
    if (!Files.isDirectory(p)) {
      return false;
    }
    try (Stream<Path> s = Files.list(p)) {
      return s.findAny().isEmpty();
    }
  }

  /** Moves the finished folder into place; an existing one is replaced only after success. */
  private static void publish(Path partial, Path target) throws IOException {
    Path old = null;
    if (Files.exists(target)) {
      old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    if (old != null) {
      deleteTree(old);
    }
  }

  static void deleteTree(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(x);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
