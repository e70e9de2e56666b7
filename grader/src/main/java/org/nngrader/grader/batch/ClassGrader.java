package org.nngrader.grader.batch;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.nngrader.bank.graph.Values;
import org.nngrader.grader.engine.GradeResult;
import org.nngrader.grader.engine.GradingEngine;
import org.nngrader.grader.engine.StudentAnswer;
import org.nngrader.grader.read.AnswerSheet;
import org.nngrader.grader.read.SheetReadException;
import org.nngrader.grader.read.SheetReaders;
import org.nngrader.grader.read.StepIdMatcher;
import org.nngrader.grader.read.Submission;
import org.nngrader.grader.read.SubmissionEntry;
import org.nngrader.grader.read.SubmissionProblem;
import org.nngrader.grader.read.Submissions;

/**
 * Grades a class: every submission under a path (file, folder or LMS zip) is read, matched to
 * its student, and graded against the variant its sheet names, on all cores. One bad file never
 * stops the batch: it comes out as a failed {@link GradedSubmission} with its reason. A student
 * with several submissions is graded on the newest; the others are named in its flags.
 *
 * <p>Each variant's reference values are computed once, on all cores before pass two, its
 * training taken from the problem set's record where it has one (else trained once), and every
 * sheet is checked for possible copying ({@link CopyDetection}): one that matches another
 * variant's key, or the template's defaults, better than its own is flagged and earns nothing
 * on the matching steps.
 *
 * <p>Submissions are read in two passes so that only the small parsed answers, never the
 * files, are held in memory: pass one reads and converts each file as it streams by and keeps
 * its answers packed ({@link PackedAnswers}), pass two grades the newest submission of each
 * student.
 */
public final class ClassGrader {

  private final GradingEngine engine;
  private final List<SetStudent> students;
  private final Map<String, SetStudent> byId = new HashMap<>();
  private final Map<String, SetStudent> byVariant = new HashMap<>();
  private final Map<String, SetStudent> byLmsId = new HashMap<>();
  private final StepIdMatcher matcher;
  private final int threads;
  private final CopyDetection copies;
  private GroupMembership groups;

  /** What pass one keeps of a readable submission. */
  private record Prepared(
      SetStudent student, SetStudent variantOwner, String file, Instant modified, boolean late,
      PackedAnswers answers, List<String> flags) {}

  public ClassGrader(GradingEngine engine, List<SetStudent> students, int threads) {
    this.engine = engine;
    this.students = List.copyOf(students);
    for (SetStudent s : students) {
      byId.put(s.id(), s);
      byId.putIfAbsent(s.id().toLowerCase(Locale.ROOT), s);
      byVariant.put(s.variant(), s);
      for (String key : List.of("canvas_id", "moodle_participant", "username", "sis_user_id",
          "sis_login_id", "moodle_idnumber")) {
        String v = s.lmsIds().get(key);
        if (v != null && !v.isBlank()) {
          byLmsId.put(v, s);
        }
      }
    }
    this.matcher = new StepIdMatcher(engine.template().asked(), engine.template().stepAliases());
    this.threads = Math.max(1, threads);
    this.copies = new CopyDetection(engine, students);
  }

  /**
   * Grades group submissions: a file an LMS named after a group is the group's, and every member
   * without a submission of their own gets its grade.
   */
  public ClassGrader withGroups(GroupMembership membership) {
    this.groups = membership;
    return this;
  }

  /**
   * Grades everything under {@code path} and hands each result to {@code sink}, in roster order
   * (failed files, which may belong to nobody, after the roster, by file name). Students of the
   * roster without any submission are not passed to the sink: {@link Outcome#studentsWithout()} lists them.
   *
   * @return how many submissions could not be graded
   * @throws IOException when the path itself cannot be read (a missing folder, an unsafe zip)
   */
  public Outcome grade(java.nio.file.Path path, Consumer<GradedSubmission> sink) throws IOException {
    return grade(path, Function.identity(), sink);
  }

  /**
   * Grades everything under {@code path}; each result goes through {@code inWorker} on the
   * thread that graded it (to write its reports there), and what that returns, typically one
   * small summary row, goes to {@code sink} on the calling thread, in roster order (failed files
   * after the roster, by file name). At most a few results per thread are in flight at any time,
   * so nothing of a student is held once its row has reached the sink. {@code inWorker} must be
   * thread-safe; {@code sink} is called from one thread only.
   *
   * @return how many submissions could not be graded
   * @throws IOException when the path itself cannot be read (a missing folder, an unsafe zip)
   */
  public <T> Outcome grade(java.nio.file.Path path, Function<GradedSubmission, T> inWorker,
      Consumer<T> sink) throws IOException {
    Map<String, List<Prepared>> byStudent = new LinkedHashMap<>();
    java.util.Set<String> viaGroup = new java.util.HashSet<>();
    List<GradedSubmission> failed = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    int gradedStudents;
    List<SetStudent> without;
    try (Stream<SubmissionEntry> entries = Submissions.open(path)) {
      Semaphore inFlight = new Semaphore(threads * 4);
      List<Future<Object>> futures = new ArrayList<>();
      for (SubmissionEntry entry : (Iterable<SubmissionEntry>) entries::iterator) {
        inFlight.acquireUninterruptibly();
        futures.add(pool.submit(() -> {
          try {
            return prepare(entry);
          } finally {
            inFlight.release();
          }
        }));
        drainDone(futures, byStudent, failed, false);
      }
      drainDone(futures, byStudent, failed, true);

      // A file that failed for a student who also handed in a gradable one is a remark on
      // that one; several failed files of one student make one failure.
      Map<String, GradedSubmission> failedByStudent = new LinkedHashMap<>();
      List<GradedSubmission> unowned = new ArrayList<>();
      for (GradedSubmission f : failed) {
        if (f.studentId() == null) {
          unowned.add(f);
        } else if (byStudent.containsKey(f.studentId())) {
          for (Prepared p : byStudent.get(f.studentId())) {
            p.flags().add("also handed in " + f.file() + ", which could not be graded: " + f.error());
          }
        } else {
          failedByStudent.merge(f.studentId(), f, (a, b) -> {
            List<String> flags = new ArrayList<>(a.flags());
            flags.add("also handed in " + b.file() + ", which could not be graded: " + b.error());
            return GradedSubmission.failed(a.studentId(), a.name(), a.file(), a.error(), flags);
          });
        }
      }
      failed.clear();
      failed.addAll(failedByStudent.values());
      failed.addAll(unowned);
      gradedStudents = byStudent.size();
      without = students.stream().filter(s -> !byStudent.containsKey(s.id())).toList();

      if (!byStudent.isEmpty()) {
        copies.prepare(pool, threads);
      }

      // Pass two: the newest submission of each student, graded and handed to inWorker in
      // parallel; a window of a few results per thread, drained in roster order. A group's
      // graded submission is kept (only with a group membership) for its other members.
      Map<String, GradedSubmission> groupGraded = new java.util.concurrent.ConcurrentHashMap<>();
      java.util.Set<String> own = new java.util.HashSet<>(byStudent.keySet());
      Deque<Future<T>> window = new ArrayDeque<>();
      for (SetStudent s : students) {
        List<Prepared> mine = byStudent.remove(s.id());
        if (mine == null) {
          continue;
        }
        boolean inGroup = groups != null && groups.groupOf(s) != null;
        window.add(pool.submit(() -> {
          GradedSubmission g = groupFlag(gradeNewest(mine), s);
          if (inGroup) {
            groupGraded.put(s.id(), g);
          }
          return inWorker.apply(g);
        }));
        while (window.size() > threads * 4 || (!window.isEmpty() && window.peek().isDone())) {
          sink.accept(get(window.poll()));
        }
      }
      while (!window.isEmpty()) {
        sink.accept(get(window.poll()));
      }
      if (groups != null) {
        for (SetStudent s : students) {
          GradedSubmission team = own.contains(s.id()) ? null : teamResult(s, groupGraded);
          if (team != null) {
            sink.accept(inWorker.apply(team));
            viaGroup.add(s.id());
          }
        }
        gradedStudents += viaGroup.size();
        without = without.stream().filter(w -> !viaGroup.contains(w.id())).toList();
      }
    } finally {
      pool.shutdownNow();
      // No worker may still be writing a report once this returns: on a failure the caller
      // deletes the half-written results, and a late write would leave a folder behind.
      try {
        pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    failed.sort(Comparator.comparing(GradedSubmission::file));
    for (GradedSubmission f : failed) {
      sink.accept(inWorker.apply(f));
    }
    return new Outcome(failed.size(), gradedStudents, without);
  }

  /** The flag on a group's own submission, naming the group. */
  private GradedSubmission groupFlag(GradedSubmission g, SetStudent s) {
    GroupMembership.Group group = groups == null ? null : groups.groupOf(s);
    if (group == null || g.status() != GradedSubmission.Status.GRADED || group.members().size() < 2) {
      return g;
    }
    List<String> flags = new ArrayList<>(g.flags());
    flags.add("group submission of " + group.name() + ", graded for every member");
    return new GradedSubmission(g.studentId(), g.name(), g.variant(), g.file(), g.status(),
        g.result(), g.error(), g.givens(), flags, g.late());
  }

  /** A member's copy of their group's graded submission, or null. */
  private GradedSubmission teamResult(SetStudent s, Map<String, GradedSubmission> graded) {
    GroupMembership.Group group = groups == null ? null : groups.groupOf(s);
    if (group == null) {
      return null;
    }
    for (SetStudent m : group.members()) {
      GradedSubmission g = graded.get(m.id());
      if (g != null && g.status() == GradedSubmission.Status.GRADED) {
        List<String> flags = new ArrayList<>(g.flags());
        flags.add("group submission of " + group.name() + ", handed in by " + m.id());
        return new GradedSubmission(s.id(), s.name(), g.variant(), g.file(), g.status(), g.result(),
            null, g.givens(), flags, g.late());
      }
    }
    return null;
  }

  /** What a batch came to. */
  public record Outcome(int failed, int graded, List<SetStudent> studentsWithout) {}

  private void drainDone(List<Future<Object>> futures, Map<String, List<Prepared>> byStudent,
      List<GradedSubmission> failed, boolean all) {
    var it = futures.iterator();
    while (it.hasNext()) {
      Future<Object> f = it.next();
      if (!all && !f.isDone()) {
        continue;
      }
      Object r = get(f);
      if (r instanceof Prepared p) {
        byStudent.computeIfAbsent(p.student().id(), k -> new ArrayList<>()).add(p);
      } else if (r instanceof GradedSubmission g) {
        failed.add(g);
      }
      it.remove();
    }
  }

  private static <T> T get(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("grading was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof java.io.UncheckedIOException io) {
        throw io; // a report that could not be written: its own message names the file
      }
      throw new IllegalStateException("grading failed: " + e.getCause(), e.getCause());
    }
  }

  /** nngrader's own metadata files, which may sit beside submissions and are not answers. */
  private static final java.util.Set<String> OWN_FILES = java.util.Set.of("simulated.json", "manifest.json");

  /** Pass one for one entry: a Prepared, a failed GradedSubmission, or null when skipped. */
  private Object prepare(SubmissionEntry entry) {
    String base = entry.entryName().substring(entry.entryName().lastIndexOf('/') + 1);
    if (OWN_FILES.contains(base)) {
      return null;
    }
    if (entry instanceof SubmissionProblem p) {
      // Refused before it was read (size, damage, encryption): its name may still say whose it is.
      SetStudent owner = fromName(p.lmsUserId(), p.fileName(), p.displayName());
      return GradedSubmission.failed(owner == null ? null : owner.id(),
          owner == null ? null : owner.name(), p.entryName(), p.describe(), List.of());
    }
    Submission sub = (Submission) entry;
    String file = sub.entryName();
    byte[] bytes;
    try {
      bytes = sub.content();
    } catch (IOException e) {
      SetStudent owner = fromName(sub);
      return GradedSubmission.failed(owner == null ? null : owner.id(),
          owner == null ? null : owner.name(), file, file + ": cannot be read (" + e.getMessage()
          + "); ask the student to upload it again", List.of());
    }
    AnswerSheet sheet;
    try {
      sheet = SheetReaders.read(file, bytes);
    } catch (SheetReadException e) {
      SetStudent owner = fromName(sub);
      return GradedSubmission.failed(owner == null ? null : owner.id(),
          owner == null ? null : owner.name(), file, e.getMessage(), List.of());
    }
    List<String> flags = new ArrayList<>();
    SetStudent named = fromName(sub);
    SetStudent fromSheet = sheet.studentId() == null ? null : lookup(sheet.studentId());
    // The LMS (or the file name) knows who uploaded the file; the sheet says only what was typed.
    SetStudent student = named != null ? named : fromSheet;
    if (student == null && sheet.studentId() == null
        && AnswerConversion.convert(sheet, matcher, engine.expressionSteps()).answers().isEmpty()) {
      return GradedSubmission.failed(null, null, file, file + ": is not an answer sheet (no "
          + "student_id row and no step of this exercise); hand in the answers.xlsx or answers.csv "
          + "of the problem set", List.of());
    }
    if (student == null) {
      String said = sheet.studentId() == null ? "the sheet has no student_id"
          : "its student_id '" + sheet.studentId() + "' is not in the problem set";
      return GradedSubmission.failed(null, null, file, file + ": cannot tell whose submission "
          + "this is (" + said + ", and the file name names no student); write the student id in "
          + "the student_id row and grade again", List.of());
    }
    if (fromSheet != null && named != null && fromSheet != named) {
      flags.add("possible copying: the sheet says " + fromSheet.id() + " but the file name says "
          + named.id());
    }
    SetStudent variantOwner = student;
    if (sheet.variant() != null && !sheet.variant().equals(student.variant())) {
      SetStudent other = byVariant.get(sheet.variant());
      if (other != null) {
        variantOwner = other;
        flags.add("possible copying: the sheet carries variant " + sheet.variant() + " of student "
            + other.id() + "; graded against that variant");
      } else {
        flags.add("the sheet's variant " + sheet.variant() + " is not in this problem set; graded "
            + "against the student's own variant " + student.variant());
      }
    }
    AnswerConversion.Converted converted =
        AnswerConversion.convert(sheet, matcher, engine.expressionSteps());
    if (converted.answers().isEmpty()) {
      return GradedSubmission.failed(student.id(), student.name(), file, file + ": has no step "
          + "of this exercise (not an answer sheet?); hand in the answers.xlsx or answers.csv of "
          + "the problem set", List.of());
    }
    flags.addAll(converted.remarks());
    return new Prepared(student, variantOwner, file, sub.lastModified(), sub.late(),
        PackedAnswers.pack(converted.answers()), flags);
  }

  private SetStudent lookup(String id) {
    SetStudent s = byId.get(id.strip());
    return s != null ? s : byId.get(id.strip().toLowerCase(Locale.ROOT));
  }

  /** The student an LMS name or a plain file name points to, or null. */
  private SetStudent fromName(Submission sub) {
    return fromName(sub.lmsUserId(), sub.fileName(), sub.displayName());
  }

  private SetStudent fromName(String lmsUserId, String name, String displayName) {
    if (lmsUserId != null) {
      SetStudent s = byLmsId.get(lmsUserId);
      if (s != null) {
        return s;
      }
    }
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    SetStudent s = lookup(stem);
    if (s == null && groups != null) {
      GroupMembership.Group g = groups.find(displayName, lmsUserId);
      if (g != null && !g.members().isEmpty()) {
        return g.members().get(0);
      }
    }
    if (s == null && displayName != null) {
      for (SetStudent c : students) {
        if (c.name() != null && normalizeName(c.name()).equals(normalizeName(displayName))) {
          return c;
        }
      }
    }
    return s;
  }

  private static String normalizeName(String n) {
    return java.text.Normalizer.normalize(n, java.text.Normalizer.Form.NFC)
        .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  private GradedSubmission gradeNewest(List<Prepared> mine) {
    mine.sort(Comparator.comparing((Prepared p) -> p.modified() == null ? Instant.MIN : p.modified())
        .thenComparing(Prepared::file));
    Prepared newest = mine.get(mine.size() - 1);
    List<String> flags = new ArrayList<>(newest.flags());
    for (Prepared older : mine.subList(0, mine.size() - 1)) {
      flags.add("older submission not graded: " + older.file());
    }
    SetStudent s = newest.student();
    SetStudent v = newest.variantOwner();
    Map<String, StudentAnswer> answers = newest.answers().unpack();
    GradeResult r = engine.grade(v.givens(), copies.reference(v.givens()), answers);
    var copied = copies.check(v.givens(), answers);
    if (copied.isPresent()) {
      flags.add(copied.get().flag());
      r = CopyDetection.withoutCredit(r, copied.get());
    }
    double adjusted = engine.rubric().applyLate(r.score(), r.maxScore(), newest.late(), newest.modified());
    if (adjusted != r.score()) {
      flags.add("late: " + engine.rubric().late().describe());
      r = new GradeResult(r.steps(), adjusted, r.maxScore(), r.firstDivergence());
    } else if (newest.late()) {
      flags.add("late");
    }
    return new GradedSubmission(s.id(), s.name(), v.variant(), newest.file(),
        GradedSubmission.Status.GRADED, r, null, v.givens(), flags, newest.late());
  }
}
