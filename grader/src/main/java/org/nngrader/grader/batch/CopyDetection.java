package org.nngrader.grader.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nngrader.bank.graph.Values;
import org.nngrader.grader.engine.GradeResult;
import org.nngrader.grader.engine.GradingEngine;
import org.nngrader.grader.engine.StepResult;
import org.nngrader.grader.engine.StudentAnswer;
import org.nngrader.grader.engine.Verdict;
import org.nngrader.rubric.Tolerance;

/**
 * Possible copying: a sheet is compared with the key of its own variant, the key of every other
 * variant of the set, and the key of the template's default values (the textbook example). A
 * step <em>matches</em> a key when the answer is that key's value within the step's tolerance or
 * at the precision the answer was written; only steps where the two keys differ count. A sheet
 * that matches some other key at three or more such steps, and at more of them than its own, is
 * flagged {@code possible-copying}, naming the other student (or the template's default values),
 * and every step matching that key earns nothing: a copied sheet scores no more than a blank
 * one. Each variant is trained once; its reference values are taken at every asked step for
 * the comparison.
 *
 * <p>Thread-safe.
 */
final class CopyDetection {

  /** Fewer distinguishing matches than this are coincidence. */
  static final int MIN_MATCHES = 3;

  /** What the detection found for one sheet. */
  record Finding(String flag, String toStudent, Set<String> steps) {}

  /** A key: whose it is (for the TA), what the student's feedback may say, its givens. */
  private record Key(String source, String toStudent, Map<String, Double> givens) {}

  private final GradingEngine engine;
  private final List<Key> keys = new ArrayList<>();

  CopyDetection(GradingEngine engine, List<SetStudent> students) {
    this.engine = engine;
    Set<Map<String, Double>> seen = new LinkedHashSet<>();
    for (SetStudent s : students) {
      if (seen.add(s.givens())) {
        keys.add(new Key("student " + s.id(), "another student's variant", s.givens()));
      }
    }
    if (!engine.template().isSymbolic()) {
      Map<String, Double> defaults = new LinkedHashMap<>();
      for (String g : engine.template().graph().givenIds()) {
        Double v = engine.template().defaults().get(g);
        if (v == null) {
          return; // a template without complete defaults has no textbook example
        }
        defaults.put(g, v);
      }
      if (seen.add(defaults)) {
        keys.add(new Key("the template's default values", "the template's default values (the"
            + " textbook example)", defaults));
      }
    }
  }

  /**
   * The reference values of a variant; null for a symbolic template. Not kept: each variant
   * is trained once (the trainer keeps what training reached), and its other values take one
   * evaluation, far less than keeping every variant's values for a class of 20,000.
   */
  Values reference(Map<String, Double> givens) {
    if (engine.template().isSymbolic()) {
      return null;
    }
    return engine.reference(givens);
  }

  /** A variant's reference value at every asked step, in the order of {@code steps}. */
  private double[] row(Map<String, Double> givens, String[] steps) {
    Values v = engine.reference(givens);
    double[] row = new double[steps.length];
    for (int j = 0; j < steps.length; j++) {
      row[j] = v.get(steps[j]);
    }
    return row;
  }

  /**
   * Whether the answers match another key better than their own variant's.
   *
   * <p>The same answer as comparing the sheet with every key in turn, without doing so: for
   * each step, the keys whose value lies near the answer are found by binary search in the
   * step's sorted key values, and only those are checked exactly, so a class of n sheets costs
   * about n log n rather than n squared comparisons.
   *
   * @param own the givens the sheet is graded against
   */
  Optional<Finding> check(Map<String, Double> own, Map<String, StudentAnswer> answers) {
    if (engine.template().isSymbolic()) {
      return Optional.empty();
    }
    Index index = index();
    Integer ownKey = index.keyOf.get(own);
    int ownIndex = ownKey == null ? -1 : ownKey;
    double[] mine = ownKey != null ? index.byKey[ownKey] : row(own, index.steps);
    int steps = index.steps.length;
    // Pass over the steps: the answers, whether each matches its own key, and for each step the
    // other keys it matches although it does not match its own (the distinguishing matches).
    Scratch scratch = SCRATCH.get().sized(index.keys(), steps);
    int[] counts = scratch.counts;
    double[] value = scratch.value;
    double[] half = scratch.half;
    boolean[] numeric = scratch.numeric;
    boolean[] ownMatch = scratch.ownMatch;
    int touched = 0;
    try {
      for (int j = 0; j < steps; j++) {
        numeric[j] = false;
        if (!(answers.get(index.steps[j]) instanceof StudentAnswer.Numeric n)) {
          continue;
        }
        numeric[j] = true;
        double a = n.value();
        double h = n.writtenPrecision().halfUnit();
        value[j] = a;
        half[j] = h;
        Tolerance tol = index.tolerances[j];
        ownMatch[j] = matches(a, mine[j], h, tol);
        if (ownMatch[j] || !Double.isFinite(a)) {
          continue;
        }
        double[] sorted = index.sorted[j];
        int[] owners = index.owners[j];
        int from;
        int to;
        double w = index.window(j, a, h);
        if (Double.isNaN(w)) {
          from = 0;
          to = sorted.length;
        } else {
          from = lowerBound(sorted, a - w);
          to = lowerBound(sorted, Math.nextUp(a + w));
        }
        for (int i = from; i < to; i++) {
          int k = owners[i];
          if (k != ownIndex && matches(a, sorted[i], h, tol)) {
            if (counts[k]++ == 0) {
              scratch.touch(touched++, k);
            }
          }
        }
      }
      if (touched == 0) {
        return Optional.empty();
      }
      int[] candidates = java.util.Arrays.copyOf(scratch.touchedKeys, touched);
      java.util.Arrays.sort(candidates); // the first key wins a tie, as in key order
      Finding best = null;
      int bestCount = 0;
      for (int k : candidates) {
        int forOther = counts[k];
        if (forOther < MIN_MATCHES || forOther <= bestCount) {
          continue;
        }
        int forOwn = 0;
        Set<String> matching = new LinkedHashSet<>();
        double[] other = index.byKey[k];
        for (int j = 0; j < steps; j++) {
          if (!numeric[j]) {
            continue;
          }
          boolean matchesOther = matches(value[j], other[j], half[j], index.tolerances[j]);
          if (matchesOther) {
            matching.add(index.steps[j]);
          }
          if (ownMatch[j] && !matchesOther) {
            forOwn++;
          }
        }
        if (forOther > forOwn) {
          bestCount = forOther;
          Key key = keys.get(k);
          best = new Finding("possible-copying: " + forOther + " answers match the key of "
              + key.source() + " rather than this sheet's own variant (" + forOwn + " match only"
              + " its own); no credit for the " + matching.size() + " steps that match it",
              key.toStudent(), matching);
        }
      }
      return Optional.ofNullable(best);
    } finally {
      for (int i = 0; i < touched; i++) {
        counts[scratch.touchedKeys[i]] = 0;
      }
    }
  }

  /** The first position whose value is not below {@code x} (NaN never occurs in the array). */
  private static int lowerBound(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private volatile Index index;

  /**
   * Computes every key's reference values on the pool's threads (each variant's training is
   * independent) and builds the index, so that grading finds both ready. Optional: {@link
   * #check} builds the index on first use otherwise.
   */
  void prepare(java.util.concurrent.ExecutorService pool, int threads) {
    if (engine.template().isSymbolic() || index != null) {
      return;
    }
    String[] steps = engine.asked().toArray(String[]::new);
    double[][] rows = new double[keys.size()][];
    int chunks = Math.max(1, Math.min(keys.size(), threads * 8));
    List<java.util.concurrent.Future<?>> done = new ArrayList<>();
    for (int c = 0; c < chunks; c++) {
      int from = (int) ((long) keys.size() * c / chunks);
      int to = (int) ((long) keys.size() * (c + 1) / chunks);
      done.add(pool.submit(() -> {
        for (int k = from; k < to; k++) {
          rows[k] = row(keys.get(k).givens(), steps);
        }
      }));
    }
    for (java.util.concurrent.Future<?> f : done) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("grading was interrupted", e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r ? r
            : new IllegalStateException(e.getCause());
      }
    }
    synchronized (this) {
      if (index == null) {
        index = new Index(rows); // the futures' results are visible after get()
      }
    }
  }

  private Index index() {
    Index i = index;
    if (i == null) {
      synchronized (this) {
        i = index;
        if (i == null) {
          i = new Index(null);
          index = i;
        }
      }
    }
    return i;
  }

  /**
   * Every key's reference value at every asked step, by key and sorted by value per step, with
   * each step's tolerance looked up once.
   */
  private final class Index {
    final String[] steps = engine.asked().toArray(String[]::new);
    final Tolerance[] tolerances = new Tolerance[steps.length];
    /** Per step, the bounds of the tolerance: width(b) at most (absolute + relative |b|). */
    final double[] absolute = new double[steps.length];
    final double[] relative = new double[steps.length];
    final double[][] byKey = new double[keys.size()][];
    final double[][] sorted = new double[steps.length][];
    final int[][] owners = new int[steps.length][];
    final Map<Map<String, Double>, Integer> keyOf = new java.util.HashMap<>();

    /** @param rows each key's {@link #row}, or null to compute them here */
    Index(double[][] rows) {
      for (int j = 0; j < steps.length; j++) {
        Tolerance t = engine.rubric().toleranceFor(steps[j]);
        tolerances[j] = t;
        switch (t.mode()) {
          case ABSOLUTE, RELATIVE, COMBINED -> {
            absolute[j] = t.absolute();
            relative[j] = t.relative();
          }
          // half a unit of the n-th figure of b is at most 0.5 * 10^(1 - n) * |b|; 0.5 * 10^-n at 0
          case SIGNIFICANT_FIGURES -> {
            absolute[j] = 0.5 * Math.pow(10, -t.digits()) * 1.01;
            relative[j] = 0.5 * Math.pow(10, 1 - t.digits()) * 1.01;
          }
          case DECIMAL_PLACES -> absolute[j] = 0.5 * Math.pow(10, -t.digits()) * 1.01;
        }
      }
      for (int k = 0; k < keys.size(); k++) {
        byKey[k] = rows != null ? rows[k] : row(keys.get(k).givens(), steps);
        keyOf.put(keys.get(k).givens(), k);
      }
      for (int j = 0; j < steps.length; j++) {
        int n = 0;
        double[] vals = new double[keys.size()];
        int[] who = new int[keys.size()];
        for (int k = 0; k < keys.size(); k++) {
          double b = byKey[k][j];
          if (Double.isFinite(b)) { // a key that is not finite matches nothing
            vals[n] = b;
            who[n] = k;
            n++;
          }
        }
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
          idx[i] = i;
        }
        final double[] vs = vals;
        java.util.Arrays.sort(idx, (x, y) -> Double.compare(vs[x], vs[y]));
        sorted[j] = new double[n];
        owners[j] = new int[n];
        for (int i = 0; i < n; i++) {
          sorted[j][i] = vals[idx[i]];
          owners[j][i] = who[idx[i]];
        }
      }
    }

    int keys() {
      return byKey.length;
    }

    /**
     * How far from the answer {@code a} a key value can lie and still match it, generously
     * bounded (the candidates are checked exactly); NaN when no useful bound exists.
     */
    double window(int j, double a, double h) {
      double r = relative[j] * (1 + 1e-6);
      if (r >= 0.99) {
        return Double.NaN;
      }
      // |a - b| <= A + R |b| + h with |b| <= |a| + |a - b|
      double w = ((absolute[j] + h) * (1 + 1e-6) + r * Math.abs(a)) / (1 - r);
      double slack = 64 * Math.ulp(Math.abs(a) + 2 * w) + Double.MIN_NORMAL;
      double out = w * 1.01 + slack;
      return Double.isFinite(out) ? out : Double.NaN;
    }
  }

  /** Per-thread working arrays of {@link #check}, so that a sheet allocates next to nothing. */
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private static final class Scratch {
    int[] counts = new int[0];
    int[] touchedKeys = new int[16];
    double[] value = new double[0];
    double[] half = new double[0];
    boolean[] numeric = new boolean[0];
    boolean[] ownMatch = new boolean[0];

    Scratch sized(int keys, int steps) {
      if (counts.length < keys) {
        counts = new int[keys];
      }
      if (value.length < steps) {
        value = new double[steps];
        half = new double[steps];
        numeric = new boolean[steps];
        ownMatch = new boolean[steps];
      }
      return this;
    }

    void touch(int at, int key) {
      if (at == touchedKeys.length) {
        touchedKeys = java.util.Arrays.copyOf(touchedKeys, at * 2);
      }
      touchedKeys[at] = key;
    }
  }

  private static boolean matches(double answer, double key, double halfUnit, Tolerance tol) {
    return Double.isFinite(key) && (tol.accepts(answer, key)
        || Math.abs(answer - key) <= halfUnit * (1 + 1e-9) + 4 * Math.ulp(Math.abs(key)));
  }

  /** The result with no credit for the steps that match the copied key. */
  static GradeResult withoutCredit(GradeResult r, Finding f) {
    List<StepResult> steps = new ArrayList<>();
    double score = 0;
    String first = null;
    for (StepResult s : r.steps()) {
      StepResult out = s;
      if (f.steps().contains(s.step()) && s.points() > 0) {
        out = new StepResult(s.step(), s.question(), s.written(), s.value(), s.expected(),
            Verdict.INCORRECT, 0, s.maxPoints(), "No credit: this answer matches " + f.toStudent()
                + " rather than your own variant (possible copying).", null, List.of(),
            s.followThroughValue(), s.formula(), null);
      }
      score += out.points();
      steps.add(out);
      if (first == null && out.verdict().isWrong()) {
        first = out.step();
      }
    }
    return new GradeResult(steps, score, r.maxScore(), first);
  }
}
