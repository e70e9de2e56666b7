package org.nngrader.grader.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.nngrader.bank.mistake.Misconception;
import org.nngrader.bank.mistake.Misconceptions;
import org.nngrader.grader.batch.GradedSubmission;
import org.nngrader.grader.engine.GradeResult;
import org.nngrader.grader.engine.StepResult;
import org.nngrader.grader.engine.Verdict;

/**
 * The class-wide counts behind the summary, accumulated one submission at a time: counts,
 * every score (two doubles per student, for the exact mean and median), the score bands,
 * verdict counts per asked step, misconception counts, failures and flags. Holds no grade
 * result. Not thread-safe: {@link ClassReport} serializes the calls.
 */
final class ClassTally {

  /** Score bands of the histogram, 10 percentage points each. */
  static final int BANDS = 10;

  /** A misconception: how many students made it, and how often at each step. */
  static final class MisconceptionCount {
    final String id;
    int students;
    final Map<String, Long> steps = new HashMap<>();

    MisconceptionCount(String id) {
      this.id = id;
    }

    String title() {
      return MistakeNames.title(id);
    }
  }

  /** A file that could not be graded. */
  record Failure(String studentId, String file, String folder, String error) {}

  /** A submission with remarks for the TA. */
  record Flagged(String studentId, String name, String file, String folder, List<String> flags) {}

  final List<String> asked;
  private final Map<String, Integer> index = new HashMap<>();
  int graded;
  int failed;
  int late;
  private double[] scores = new double[64];
  private double[] percents = new double[64];
  private double commonMax = Double.NaN;
  private boolean maxVaries;
  final long[] bands = new long[BANDS];
  final long[][] stepVerdicts;
  private final Map<String, MisconceptionCount> misconceptions = new HashMap<>();
  final List<Failure> failures = new ArrayList<>();
  final List<Flagged> flagged = new ArrayList<>();

  ClassTally(List<String> asked) {
    this.asked = List.copyOf(asked);
    for (int i = 0; i < this.asked.size(); i++) {
      index.put(this.asked.get(i), i);
    }
    stepVerdicts = new long[this.asked.size()][Verdict.values().length];
  }

  /** The column of a step in {@link #asked}, or -1. */
  int indexOf(String step) {
    return index.getOrDefault(step, -1);
  }

  /**
   * What the tally needs of one submission, taken from it on the thread that graded it:
   * verdict ordinals per asked step (-1 for none, null for a failed submission) and the
   * (misconception, step) pairs in step order.
   */
  record Counted(String studentId, String name, String file, String error, boolean failed,
      boolean late, List<String> flags, double score, double percent, double max,
      byte[] verdicts, List<String[]> misconceptionSteps) {}

  /** The tally's view of a submission; thread-safe (touches no state of the tally). */
  Counted count(GradedSubmission s) {
    if (s.status() == GradedSubmission.Status.FAILED) {
      return new Counted(s.studentId(), s.name(), s.file(), s.error(), true, s.late(),
          s.flags(), Double.NaN, Double.NaN, Double.NaN, null, List.of());
    }
    GradeResult r = s.result();
    byte[] verdicts = new byte[asked.size()];
    Arrays.fill(verdicts, (byte) -1);
    List<String[]> mistakes = new ArrayList<>();
    for (StepResult sr : r.steps()) {
      int i = indexOf(sr.step());
      if (i >= 0) {
        verdicts[i] = (byte) sr.verdict().ordinal();
      }
      if (sr.misconception() != null) {
        mistakes.add(new String[] {sr.misconception(), sr.step()});
      }
    }
    return new Counted(s.studentId(), s.name(), s.file(), s.error(), false, s.late(),
        s.flags(), r.score(), r.percent(), r.maxScore(), verdicts, mistakes);
  }

  void add(GradedSubmission s, String folder) {
    add(count(s), folder);
  }

  void add(Counted s, String folder) {
    if (s.late()) {
      late++;
    }
    if (!s.flags().isEmpty()) {
      flagged.add(new Flagged(s.studentId(), s.name(), s.file(), folder, s.flags()));
    }
    if (s.failed()) {
      failed++;
      failures.add(new Failure(s.studentId(), s.file(), folder, s.error()));
      return;
    }
    if (graded == scores.length) {
      scores = Arrays.copyOf(scores, graded * 2);
      percents = Arrays.copyOf(percents, graded * 2);
    }
    scores[graded] = s.score();
    percents[graded] = s.percent();
    graded++;
    if (graded == 1) {
      commonMax = s.max();
    } else if (s.max() != commonMax) {
      maxVaries = true;
    }
    bands[band(s.percent())]++;
    byte[] v = s.verdicts();
    for (int i = 0; i < v.length; i++) {
      if (v[i] >= 0) {
        stepVerdicts[i][v[i]]++;
      }
    }
    Set<String> seen = new LinkedHashSet<>();
    for (String[] m : s.misconceptionSteps()) {
      MisconceptionCount c = misconceptions.computeIfAbsent(m[0], MisconceptionCount::new);
      c.steps.merge(m[1], 1L, Long::sum);
      if (seen.add(m[0])) {
        c.students++;
      }
    }
  }

  static int band(double percent) {
    int b = (int) Math.floor(percent / (100.0 / BANDS));
    return Math.max(0, Math.min(BANDS - 1, b));
  }

  /** The maximum score when every graded student had the same, else NaN. */
  double commonMax() {
    return maxVaries ? Double.NaN : commonMax;
  }

  double meanScore() {
    return mean(scores);
  }

  double medianScore() {
    return median(scores);
  }

  double meanPercent() {
    return mean(percents);
  }

  double medianPercent() {
    return median(percents);
  }

  private double mean(double[] xs) {
    double sum = 0;
    for (int i = 0; i < graded; i++) {
      sum += xs[i];
    }
    return graded == 0 ? Double.NaN : sum / graded;
  }

  private double median(double[] xs) {
    if (graded == 0) {
      return Double.NaN;
    }
    double[] sorted = Arrays.copyOf(xs, graded);
    Arrays.sort(sorted);
    int m = graded / 2;
    return graded % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
  }

  /** Correct or follow-through, as a percentage of the students graded on the step. */
  double successPercent(int step) {
    long[] c = stepVerdicts[step];
    long total = Arrays.stream(c).sum();
    return total == 0 ? 0
        : 100.0 * (c[Verdict.CORRECT.ordinal()] + c[Verdict.IMPRECISE.ordinal()]
            + c[Verdict.FOLLOW_THROUGH.ordinal()]) / total;
  }

  /** Misconceptions, most students first, then by catalogue order, then by id. */
  List<MisconceptionCount> misconceptions() {
    List<String> catalogue = Misconceptions.catalogue().stream().map(Misconception::id).toList();
    Comparator<MisconceptionCount> order = Comparator
        .comparingInt((MisconceptionCount m) -> -m.students)
        .thenComparingInt(m -> catalogue.contains(m.id) ? catalogue.indexOf(m.id) : catalogue.size())
        .thenComparing(m -> m.id);
    return misconceptions.values().stream().sorted(order).toList();
  }

  /** The steps of a misconception in asked order (others after, by id), with their counts. */
  List<Map.Entry<String, Long>> stepsOf(MisconceptionCount m) {
    Comparator<Map.Entry<String, Long>> order = Comparator
        .comparingInt((Map.Entry<String, Long> e) -> {
          int i = indexOf(e.getKey());
          return i < 0 ? Integer.MAX_VALUE : i;
        })
        .thenComparing(Map.Entry::getKey);
    return new TreeMap<>(m.steps).entrySet().stream().sorted(order).toList();
  }
}
