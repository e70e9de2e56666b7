package org.nngrader.grader.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * one. The reference values of each variant are computed once and shared with grading.
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
  private final Map<Map<String, Double>, Values> references = new ConcurrentHashMap<>();

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

  /** The reference values of a variant, computed once; null for a symbolic template. */
  Values reference(Map<String, Double> givens) {
    if (engine.template().isSymbolic()) {
      return null;
    }
    return references.computeIfAbsent(Map.copyOf(givens), engine::reference);
  }

  /**
   * Whether the answers match another key better than their own variant's.
   *
   * @param own the givens the sheet is graded against
   */
  Optional<Finding> check(Map<String, Double> own, Map<String, StudentAnswer> answers) {
    if (engine.template().isSymbolic()) {
      return Optional.empty();
    }
    Values mine = reference(own);
    Finding best = null;
    int bestCount = 0;
    for (Key k : keys) {
      if (k.givens().equals(own)) {
        continue;
      }
      Values other = reference(k.givens());
      int forOther = 0;
      int forOwn = 0;
      Set<String> matching = new LinkedHashSet<>();
      for (String step : engine.asked()) {
        if (!(answers.get(step) instanceof StudentAnswer.Numeric n)) {
          continue;
        }
        Tolerance tol = engine.rubric().toleranceFor(step);
        double h = n.writtenPrecision().halfUnit();
        double o = other.get(step);
        double m = mine.get(step);
        boolean matchesOther = matches(n.value(), o, h, tol);
        boolean matchesOwn = matches(n.value(), m, h, tol);
        if (matchesOther) {
          matching.add(step);
        }
        if (matchesOther && !matchesOwn) {
          forOther++;
        } else if (matchesOwn && !matchesOther) {
          forOwn++;
        }
      }
      if (forOther >= MIN_MATCHES && forOther > forOwn && forOther > bestCount) {
        bestCount = forOther;
        best = new Finding("possible-copying: " + forOther + " answers match the key of "
            + k.source() + " rather than this sheet's own variant (" + forOwn + " match only"
            + " its own); no credit for the " + matching.size() + " steps that match it",
            k.toStudent(), matching);
      }
    }
    return Optional.ofNullable(best);
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
