package org.nngrader.portal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.nngrader.grader.batch.GradedSubmission;
import org.nngrader.grader.batch.SetStudent;
import org.nngrader.grader.report.StudentReport;

/**
 * Uploads and their grading: an upload is stored (original bytes, one transaction) before it is
 * read, then graded with the set's rubric and its report saved beside it. Attempts stored but
 * not graded (the server stopped in between) are graded by {@link #recover()}. Thread-safe.
 */
public final class Attempts {

  private final Store store;
  private final AtomicReference<PortalSet> set;
  private final PortalSettings settings;
  private final Clock clock;

  public Attempts(Store store, AtomicReference<PortalSet> set, PortalSettings settings, Clock clock) {
    this.store = store;
    this.set = set;
    this.settings = settings;
    this.clock = clock;
  }

  /** Whether an upload now would be late. */
  public boolean lateNow() {
    return settings.deadline() != null && clock.instant().isAfter(settings.deadline());
  }

  /**
   * Stores and grades one upload of a student.
   *
   * @return the stored attempt's id, or the reason it was refused (limit, rate, deadline)
   */
  public Store.Stored upload(String studentId, String fileName, byte[] content) {
    Instant now = clock.instant();
    boolean late = lateNow();
    if (late && settings.refuseLate()) {
      return new Store.Stored(-1, "the deadline (" + settings.deadline() + ") has passed; uploads "
          + "are no longer accepted");
    }
    Store.Stored stored = store.storeAttempt(studentId, fileName, content, now, late,
        settings.attemptLimit(), settings.uploadsPerMinute());
    if (stored.accepted()) {
      grade(stored.id());
    }
    return stored;
  }

  /** Grades (or regrades) one stored attempt with the current rubric and saves its report. */
  public GradedSubmission grade(long id) {
    Store.AttemptRow a = store.attempt(id).orElseThrow(() -> new IllegalArgumentException("no attempt " + id));
    PortalSet s = set.get();
    SetStudent student = s.student(a.studentId()).orElseThrow(() -> new IllegalStateException(
        "attempt " + id + " belongs to " + a.studentId() + ", who is not in the problem set"));
    GradedSubmission g = s.grader().grade(student, a.fileName(), store.content(id), a.late(), a.uploadedAt());
    boolean graded = g.status() == GradedSubmission.Status.GRADED;
    String html = StudentReport.html(g, s.template(), s.rubric().reveal());
    String json = StudentReport.json(g, s.template(), s.rubric().reveal());
    store.saveGrade(id, graded ? "graded" : "failed", graded || settings.failedUsesAttempt(),
        graded ? g.result().score() : null, graded ? g.result().maxScore() : null,
        g.error(), String.join("\n", g.flags()), html, json, clock.instant());
    return g;
  }

  /** Grades every attempt that was stored but not graded; returns how many. */
  public int recover() {
    List<Long> ids = store.ungraded();
    ids.forEach(this::grade);
    return ids.size();
  }

  /** Regrades every attempt with the set's rubric read again; returns how many. */
  public int regradeAll() {
    set.set(set.get().reload());
    List<Store.AttemptRow> all = store.allAttempts();
    all.forEach(a -> grade(a.id()));
    return all.size();
  }

  /** The attempt that counts for each student who uploaded (graded first; else their last failure). */
  public Map<String, Store.AttemptRow> counting() {
    Map<String, List<Store.AttemptRow>> byStudent = new LinkedHashMap<>();
    for (Store.AttemptRow a : store.allAttempts()) {
      byStudent.computeIfAbsent(a.studentId(), k -> new ArrayList<>()).add(a);
    }
    Map<String, Store.AttemptRow> out = new LinkedHashMap<>();
    byStudent.forEach((student, list) -> counting(list).ifPresent(a -> out.put(student, a)));
    return out;
  }

  /** Of one student's attempts (oldest first), the one that counts. */
  public Optional<Store.AttemptRow> counting(List<Store.AttemptRow> attempts) {
    List<Store.AttemptRow> graded = attempts.stream().filter(a -> "graded".equals(a.status())).toList();
    if (graded.isEmpty()) {
      return attempts.stream().filter(a -> "failed".equals(a.status())).reduce((x, y) -> y);
    }
    if (settings.counts() == PortalSettings.Counts.LAST) {
      return Optional.of(graded.get(graded.size() - 1));
    }
    // Best: the highest score; of equal scores the earliest.
    return graded.stream().max(Comparator.comparingDouble((Store.AttemptRow a) -> a.score())
        .thenComparing(Comparator.comparingLong(Store.AttemptRow::id).reversed()));
  }

  /** The last {@link #countingSubmissions()}, with the database version and set it was made from. */
  private record Cached(String version, PortalSet set, List<GradedSubmission> submissions) {}

  private final AtomicReference<Cached> cached = new AtomicReference<>();

  /**
   * The counting attempts graded again, as the batch grader would give them, in roster order.
   * Kept until an attempt is added or graded (on any server sharing the database).
   */
  public List<GradedSubmission> countingSubmissions() {
    String version = store.attemptsVersion();
    Cached c = cached.get();
    if (c != null && c.version().equals(version) && c.set() == set.get()) {
      return c.submissions();
    }
    List<GradedSubmission> fresh = countingFresh();
    cached.set(new Cached(version, set.get(), fresh));
    return fresh;
  }

  private List<GradedSubmission> countingFresh() {
    Map<String, Store.AttemptRow> counting = counting();
    PortalSet s = set.get();
    List<GradedSubmission> out = new ArrayList<>();
    for (SetStudent student : s.students()) {
      Store.AttemptRow a = counting.get(student.id());
      if (a != null) {
        out.add(s.grader().grade(student, a.fileName(), store.content(a.id()), a.late(), a.uploadedAt()));
      }
    }
    return List.copyOf(out);
  }

  public PortalSettings settings() {
    return settings;
  }
}
