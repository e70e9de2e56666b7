package org.nngrader.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.nngrader.bank.generate.Variant;
import org.nngrader.bank.generate.VariantDrawer;
import org.nngrader.bank.simulate.RoundAndCarry;
import org.nngrader.bank.template.Template;
import org.nngrader.bank.template.Templates;
import org.nngrader.grader.read.NumberForms;
import org.nngrader.grader.read.ParsedNumber;
import org.nngrader.grader.read.WrittenPrecision;
import org.nngrader.rubric.RubricLoader;

/**
 * Students who compute honestly and carry rounded values (2 decimals, 3 or 4 significant
 * figures, 4 decimals) on random variants of every numeric template: never incorrect, never a
 * misconception, never refused as a placeholder.
 */
class RoundAndCarryProperties {

  static final List<String> NUMERIC = List.of("relu-2-1-1", "sigmoid-2-2-1", "sigmoid-2-2-2",
      "perceptron");

  static Map<String, StudentAnswer> answers(Template t, Map<String, String> written) {
    Map<String, StudentAnswer> out = new LinkedHashMap<>();
    for (String s : t.asked()) {
      String text = written.get(s);
      if (text == null) {
        continue;
      }
      double v = ((ParsedNumber.Value) NumberForms.parse(text)).value();
      out.put(s, new StudentAnswer.Numeric(v, text, 0, NumberForms.precisionOf(text)));
    }
    return out;
  }

  @Property(tries = 500)
  void roundingStudentsAreNeverWrong(
      @ForAll @IntRange(min = 0, max = 3) int template,
      @ForAll RoundAndCarry.Rounding rounding,
      @ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
    Template t = Templates.builtin(NUMERIC.get(template));
    Variant variant = new VariantDrawer(t, seed, Map.of()).draw("s" + seed);
    Map<String, Double> givens = t.graph().evaluate(
        new LinkedHashMap<>(withDefaults(t, variant.parameters()))).givens();
    GradingEngine engine = new GradingEngine(t, RubricLoader.loadBuiltin(t.id()));
    Map<String, String> written = RoundAndCarry.written(t, givens, rounding);
    GradeResult r = engine.grade(givens, answers(t, written));
    for (StepResult s : r.steps()) {
      if (!written.containsKey(s.step())) {
        continue;
      }
      assertThat(s.verdict())
          .as("%s %s seed %d: %s = %s (expected %s): %s", t.id(), rounding.description(), seed,
              s.step(), s.written(), s.expected(), s.feedback())
          .isIn(Verdict.CORRECT, Verdict.IMPRECISE, Verdict.FOLLOW_THROUGH);
    }
  }

  /** The same digits typed into number cells: a cell keeps no trailing zeros. */
  static Map<String, StudentAnswer> cells(Template t, Map<String, String> written) {
    Map<String, StudentAnswer> out = new LinkedHashMap<>();
    for (String s : t.asked()) {
      String text = written.get(s);
      if (text == null) {
        continue;
      }
      double v = Double.parseDouble(text);
      out.put(s, new StudentAnswer.Numeric(v, WrittenPrecision.shortestText(v), 0,
          WrittenPrecision.ofCellValue(v)));
    }
    return out;
  }

  /**
   * The same round-and-carry sheet typed as text (trailing zeros kept) and into number cells
   * (trailing zeros dropped): the same points at every step, never right in one and wrong in
   * the other.
   */
  @Property(tries = 400)
  void numberCellsAndTextGetTheSamePoints(
      @ForAll @IntRange(min = 0, max = 3) int template,
      @ForAll RoundAndCarry.Rounding rounding,
      @ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
    Template t = Templates.builtin(NUMERIC.get(template));
    Variant variant = new VariantDrawer(t, seed, Map.of()).draw("s" + seed);
    Map<String, Double> givens = t.graph().evaluate(
        new LinkedHashMap<>(withDefaults(t, variant.parameters()))).givens();
    GradingEngine engine = new GradingEngine(t, RubricLoader.loadBuiltin(t.id()));
    Map<String, String> written = RoundAndCarry.written(t, givens, rounding);
    GradeResult asText = engine.grade(givens, answers(t, written));
    GradeResult asCells = engine.grade(givens, cells(t, written));
    for (int i = 0; i < asText.steps().size(); i++) {
      StepResult a = asText.steps().get(i);
      StepResult b = asCells.steps().get(i);
      assertThat(kind(b.verdict()) + " " + b.points())
          .as("%s %s seed %d: %s = %s (expected %s): text says %s, cell says %s", t.id(),
              rounding.description(), seed, a.step(), a.written(), a.expected(), a.feedback(),
              b.feedback())
          .isEqualTo(kind(a.verdict()) + " " + a.points());
    }
  }

  /**
   * Right (correct, imprecise or follow-through) or the verdict itself: "right from your own
   * rounded values" and "right value, imprecisely" may swap when a cell's dropped zeros are
   * read back, never right and wrong.
   */
  static String kind(Verdict v) {
    return v == Verdict.CORRECT || v == Verdict.IMPRECISE || v == Verdict.FOLLOW_THROUGH
        ? "right" : v.label();
  }

  static Map<String, Double> withDefaults(Template t, Map<String, Double> drawn) {
    Map<String, Double> all = new LinkedHashMap<>(t.defaults());
    all.putAll(drawn);
    return all;
  }
}
