package org.nngrader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.nngrader.grader.report.FeedbackLine;
import org.nngrader.grader.report.StudentFiles;
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

  @Option(names = "--reports", paramLabel = "html,json|json|none", defaultValue = "html,json",
      description = "Per-student report files: html,json (default), json, or none (only grades.csv, "
          + "steps.csv and summary.html).")
  String reports;

  @Option(names = "--groups", paramLabel = "GROUPS.csv",
      description = "Group membership (group,student_id; or Canvas's group-set csv; or Moodle's "
          + "participants download): a group's submission grades every member.")
  Path groups;

  @Override
  public Integer call() throws IOException {
    studentFiles(); // a bad --reports is a usage error before anything is read
    ClassReport.prepareCharts(); // on another thread, while the set is read
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
    Path target = out.toAbsolutePath();
    Path partial;
    FileChannel inUse;
    try {
      Files.createDirectories(target.getParent());
      ResultsStaging.removeStale(target);
      partial = Files.createTempDirectory(target.getParent(), ResultsStaging.prefix(target));
      inUse = ResultsStaging.claim(partial);
    } catch (IOException e) {
      throw cannotWrite(e);
    }
    try (inUse) {
      List<SetStudent> students = setStudents(problemSet);
      problemSet = null; // the set's own records (file lists, parameters) are not needed again
      Summary summary = gradeInto(partial, students, template, r);
      publish(partial, target);
      summary.print(stdout, out);
      return summary.failed.isEmpty() ? Main.EXIT_OK : Main.EXIT_PARTIAL;
    } catch (UncheckedIOException e) {
      throw cannotWrite(e.getCause());
    } catch (IOException e) {
      throw cannotWrite(e);
    } finally {
      ResultsStaging.deleteQuietly(partial);
    }
  }

  /** A results file that could not be written: the user's disk or permissions, not a defect. */
  private UsageException cannotWrite(IOException e) {
    // A template engine writing straight into the file wraps the disk's own error: name that.
    for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof IOException io) {
        e = io;
      }
    }
    return new UsageException(out + ": the results could not be written ("
        + Main.describe(e) + "); check that the folder above it exists and is writable and that the disk has free"
        + " space, or pass another --out; no results were written", e);
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
      if (!ResultsFolder.isMarked(out)) {
        throw new UsageException(out + ": is not a results folder that nngrader marked as its"
            + " own (it has no " + ResultsFolder.MARKER + " file), so --force will not replace"
            + " it; choose a new folder, or delete it yourself if it is an old results folder");
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

  /** What the main thread keeps of one graded submission (the failed ones whole). */
  private record Done(ClassReport.Entry entry, String studentId, GradedSubmission failed,
      String feedback, double percent) {}

  private StudentFiles studentFiles() {
    try {
      return StudentFiles.parse(reports);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  /** What the command prints at the end. */
  private record Summary(int graded, List<GradedSubmission> failed, List<String> without, double mean, int students) {
    void print(PrintWriter w, Path out) {
      String meanText = graded == 0 ? "" : String.format(Locale.ROOT, " (mean %.1f%%)", mean);
      w.printf(Locale.ROOT, "Graded %d of %d students%s; %d without a gradable submission; %d file%s could not be graded.%n",
          graded, students, meanText, without.size(), failed.size(), failed.size() == 1 ? "" : "s");
      if (!without.isEmpty()) {
        w.println("  without a submission: " + String.join(", ", without.subList(0, Math.min(30, without.size())))
            + (without.size() > 30 ? ", ... (" + without.size() + " in all)" : ""));
      }
      for (GradedSubmission f : failed) {
        w.println("  not graded: " + f.error());
      }
      w.println("Results: " + out);
      w.println("Summary: " + out.resolve(ClassReport.SUMMARY_HTML));
    }
  }

  private static List<SetStudent> setStudents(ProblemSet problemSet) {
    List<SetStudent> students = new ArrayList<>();
    for (ProblemSet.StudentVariant s : problemSet.students()) {
      students.add(new SetStudent(s.id(), s.name(), s.email(), s.variant(), s.parameters(), s.extra()));
    }
    return students;
  }

  private Summary gradeInto(Path folder, List<SetStudent> students, Template template, Rubric r)
      throws IOException {
    GradingEngine engine = new GradingEngine(template, r);
    if (moodleWorksheet != null) {
      students = withParticipants(students);
    }
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (n < 1) {
      throw new UsageException("--threads is " + n + "; it must be at least 1");
    }
    ClassReport report = new ClassReport(folder, template, template.asked(), r.reveal(),
        studentFiles());
    Map<String, String> feedback = new HashMap<>();
    List<GradedSubmission> failed = new ArrayList<>();
    double[] percentSum = {0};
    ClassGrader grader = new ClassGrader(engine, students, n);
    if (groups != null) {
      grader.withGroups(groupMembership(students));
    }
    // The grading thread writes the student's reports and keeps one small row of it; this
    // thread only collects the rows, in roster order.
    ClassGrader.Outcome outcome = gradeAll(() -> grader.grade(submissions, s -> new Done(report.write(s),
        s.studentId(), s.status() == GradedSubmission.Status.FAILED ? s : null,
        s.status() == GradedSubmission.Status.FAILED ? null : oneLine(s),
        s.status() == GradedSubmission.Status.FAILED ? 0 : s.result().percent()), d -> {
          report.collect(d.entry());
          if (d.failed() != null) {
            failed.add(d.failed());
            if (d.studentId() != null) {
              feedback.put(d.studentId(), "Your submission could not be graded: " + d.failed().error());
            }
          } else {
            feedback.put(d.studentId(), d.feedback());
            percentSum[0] += d.percent();
          }
        }));
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
    return new Summary(graded, failed,
        outcome.studentsWithout().stream().map(SetStudent::id).toList(),
        graded == 0 ? 0 : percentSum[0] / graded, students.size());
  }

  /** A run of the batch over the submissions path. */
  @FunctionalInterface
  private interface Batch {
    ClassGrader.Outcome run() throws IOException;
  }

  /**
   * Runs the batch; a submissions path that cannot be read at all (an unsafe, truncated or
   * unreadable zip, a folder without permission) is the user's input, not a defect.
   */
  private ClassGrader.Outcome gradeAll(Batch batch) {
    try {
      return batch.run();
    } catch (ZipSafetyException e) {
      throw new UsageException(e.getMessage() + "; nothing was graded and no results were"
          + " written", e);
    } catch (IOException e) {
      String message = String.valueOf(e.getMessage());
      throw new UsageException((message.startsWith(String.valueOf(submissions.getFileName()))
          ? message : submissions + ": cannot be read (" + message + ")")
          + "; nothing was graded and no results were written", e);
    }
  }

  private org.nngrader.grader.batch.GroupMembership groupMembership(List<SetStudent> students) {
    if (!Files.isRegularFile(groups)) {
      throw new UsageException(groups + ": no such file; pass the group membership csv with --groups");
    }
    org.nngrader.grader.batch.GroupMembership m = Cli.attempt(() -> {
      try {
        return org.nngrader.grader.batch.GroupMembership.read(groups, students);
      } catch (IOException e) {
        throw new IllegalArgumentException(groups + ": cannot be read (" + e.getMessage() + ")");
      }
    });
    for (String u : m.unknownMembers()) {
      spec.commandLine().getErr().println("nngrader: warning: " + groups + " " + u
          + ": no such student in the problem set; left out of the groups");
    }
    return m;
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
    return FeedbackLine.of(s);
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
      old = target.resolveSibling(ResultsStaging.oldPrefix(target) + System.nanoTime());
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    if (old != null) {
      deleteTree(old);
    }
  }

  /**
   * Deletes a folder and everything in it (links themselves, never what they point to); the
   * entries at its top, one folder per student in a results folder, on all cores.
   */
  static void deleteTree(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try {
      if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        List<Path> top;
        try (Stream<Path> list = Files.list(p)) {
          top = list.toList();
        }
        top.parallelStream().forEach(GradeCommand::deleteSubtree);
      }
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteSubtree(Path p) {
    try {
      Files.walkFileTree(p, new java.nio.file.SimpleFileVisitor<>() {
        @Override
        public java.nio.file.FileVisitResult visitFile(Path file,
            java.nio.file.attribute.BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return java.nio.file.FileVisitResult.CONTINUE;
        }

        @Override
        public java.nio.file.FileVisitResult postVisitDirectory(Path dir, IOException e)
            throws IOException {
          if (e != null) {
            throw e;
          }
          Files.deleteIfExists(dir);
          return java.nio.file.FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
