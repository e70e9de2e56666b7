package org.nngrader.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nngrader.bank.graph.Values;
import org.nngrader.bank.template.Template;
import org.nngrader.bank.template.Templates;
import org.nngrader.grader.engine.GradingEngine;
import org.nngrader.grader.engine.StudentAnswer;
import org.nngrader.grader.read.WrittenPrecision;
import org.nngrader.rubric.Rubric;
import org.nngrader.rubric.RubricLoader;
import org.nngrader.rubric.Tolerance;

/**
 * The indexed search of copy detection finds what comparing every sheet with every key finds:
 * the same flag, the same key, the same steps, for sheets copied whole or in part, rounded,
 * written coarsely, or of nobody, under every kind of tolerance.
 */
class CopyDetectionIndexTest {

  private static final Template T = Templates.builtin("sigmoid-2-2-2");

  @ParameterizedTest
  @ValueSource(strings = {
      "tolerance: {absolute: 0.0001, relative: 0.001}",
      "tolerance: {significantFigures: 1}",
      "tolerance: {significantFigures: 3}",
      "tolerance: {decimalPlaces: 2}",
      "tolerance: {relative: 1.0}",
      "tolerance: {absolute: 0.0}\nsteps:\n  - match: \"d*\"\n    tolerance: {significantFigures: 2}"})
  void theIndexFindsWhatComparingWithEveryKeyFinds(String tolerance) {
    Rubric rubric = RubricLoader.parse("name: t\npoints: 1\n" + tolerance + "\n", "test");
    GradingEngine engine = new GradingEngine(T, rubric);
    Random random = new Random(tolerance.hashCode());
    List<SetStudent> students = new ArrayList<>();
    for (int s = 0; s < 40; s++) {
      Map<String, Double> g = new LinkedHashMap<>(T.defaults());
      for (String id : List.of("w1", "w2", "w5", "w8", "i1", "target_o1")) {
        // a few variants share values, so keys agree at some steps
        g.put(id, Math.round((0.05 + 0.9 * random.nextDouble()) * (s % 3 == 0 ? 10 : 100))
            / (s % 3 == 0 ? 10.0 : 100.0));
      }
      students.add(new SetStudent("s" + s, "S " + s, "", "v" + s, g, Map.of()));
    }
    CopyDetection copies = new CopyDetection(engine, students);
    int flagged = 0;
    for (int sheet = 0; sheet < 120; sheet++) {
      SetStudent own = students.get(random.nextInt(students.size()));
      Map<String, Double> from = random.nextInt(4) == 0 ? T.defaults()
          : students.get(random.nextInt(students.size())).givens();
      Values copied = engine.reference(from);
      Values mine = engine.reference(own.givens());
      Map<String, StudentAnswer> answers = new LinkedHashMap<>();
      for (String step : engine.asked()) {
        double v = switch (random.nextInt(6)) {
          case 0, 1 -> copied.get(step);
          case 2 -> mine.get(step);
          case 3 -> copied.get(step) * (1 + 1e-3 * random.nextGaussian());
          case 4 -> Double.NaN; // missing
          default -> random.nextGaussian();
        };
        if (Double.isNaN(v) || !Double.isFinite(v)) {
          answers.put(step, new StudentAnswer.Missing());
          continue;
        }
        int decimals = random.nextInt(8);
        boolean rounded = random.nextBoolean();
        double written = rounded ? Math.round(v * Math.pow(10, decimals)) / Math.pow(10, decimals)
            : v;
        WrittenPrecision p = rounded
            ? new WrittenPrecision(0.5 * Math.pow(10, -decimals), Math.max(1, decimals))
            : WrittenPrecision.EXACT;
        answers.put(step, new StudentAnswer.Numeric(written, Double.toString(written), 0, p));
      }
      Optional<CopyDetection.Finding> indexed = copies.check(own.givens(), answers);
      Optional<CopyDetection.Finding> direct = direct(engine, students, own.givens(), answers);
      assertThat(indexed).as("sheet %d", sheet).isEqualTo(direct);
      if (indexed.isPresent()) {
        assertThat(new ArrayList<>(indexed.get().steps()))
            .isEqualTo(new ArrayList<>(direct.get().steps()));
        flagged++;
      }
    }
    // the sheets are a mixture: copied ones flagged, others not
    assertThat(flagged).isBetween(1, 119);
  }

  /** The comparison with every key in turn, as the detection is defined. */
  private static Optional<CopyDetection.Finding> direct(GradingEngine engine,
      List<SetStudent> students, Map<String, Double> own, Map<String, StudentAnswer> answers) {
    record Key(String source, String toStudent, Map<String, Double> givens) {}
    List<Key> keys = new ArrayList<>();
    Set<Map<String, Double>> seen = new LinkedHashSet<>();
    for (SetStudent s : students) {
      if (seen.add(s.givens())) {
        keys.add(new Key("student " + s.id(), "another student's variant", s.givens()));
      }
    }
    Map<String, Double> defaults = new LinkedHashMap<>();
    for (String g : T.graph().givenIds()) {
      defaults.put(g, T.defaults().get(g));
    }
    if (seen.add(defaults)) {
      keys.add(new Key("the template's default values", "the template's default values (the"
          + " textbook example)", defaults));
    }
    Values mine = engine.reference(own);
    CopyDetection.Finding best = null;
    int bestCount = 0;
    for (Key k : keys) {
      if (k.givens().equals(own)) {
        continue;
      }
      Values other = engine.reference(k.givens());
      int forOther = 0;
      int forOwn = 0;
      Set<String> matching = new LinkedHashSet<>();
      for (String step : engine.asked()) {
        if (!(answers.get(step) instanceof StudentAnswer.Numeric n)) {
          continue;
        }
        Tolerance tol = engine.rubric().toleranceFor(step);
        double h = n.writtenPrecision().halfUnit();
        boolean matchesOther = matches(n.value(), other.get(step), h, tol);
        boolean matchesOwn = matches(n.value(), mine.get(step), h, tol);
        if (matchesOther) {
          matching.add(step);
        }
        if (matchesOther && !matchesOwn) {
          forOther++;
        } else if (matchesOwn && !matchesOther) {
          forOwn++;
        }
      }
      if (forOther >= CopyDetection.MIN_MATCHES && forOther > forOwn && forOther > bestCount) {
        bestCount = forOther;
        best = new CopyDetection.Finding("possible-copying: " + forOther + " answers match the key"
            + " of " + k.source() + " rather than this sheet's own variant (" + forOwn + " match"
            + " only its own); no credit for the " + matching.size() + " steps that match it",
            k.toStudent(), matching);
      }
    }
    return Optional.ofNullable(best);
  }

  private static boolean matches(double answer, double key, double halfUnit, Tolerance tol) {
    return Double.isFinite(key) && (tol.accepts(answer, key)
        || Math.abs(answer - key) <= halfUnit * (1 + 1e-9) + 4 * Math.ulp(Math.abs(key)));
  }
}
