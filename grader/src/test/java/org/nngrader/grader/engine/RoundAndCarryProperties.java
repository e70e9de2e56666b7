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

  /** One round-and-carry student of a random variant of a numeric template. */
  record Student(Template template, Map<String, Double> givens, Map<String, String> written) {

    static Student of(int template, RoundAndCarry.Rounding rounding, int seed) {
      Template t = Templates.builtin(NUMERIC.get(template));
      Variant variant = new VariantDrawer(t, seed, Map.of()).draw("s" + seed);
      Map<String, Double> givens = t.graph().evaluate(
          new LinkedHashMap<>(withDefaults(t, variant.parameters()))).givens();
      return new Student(t, givens, RoundAndCarry.written(t, givens, rounding));
    }

    GradeResult grade(Map<String, StudentAnswer> answers) {
      return new GradingEngine(template, RubricLoader.loadBuiltin(template.id()))
          .grade(givens, answers);
    }
  }

  /** The written texts as text answers (a text cell, a csv field). */
  static Map<String, StudentAnswer> answers(Template t, Map<String, String> written) {
    return typed(t, written, text -> {
      double v = ((ParsedNumber.Value) NumberForms.parse(text)).value();
      return new StudentAnswer.Numeric(v, text, 0, NumberForms.precisionOf(text));
    });
  }

  private static Map<String, StudentAnswer> typed(Template t, Map<String, String> written,
      java.util.function.Function<String, StudentAnswer> form) {
    Map<String, StudentAnswer> out = new LinkedHashMap<>();
    for (String s : t.asked()) {
      if (written.containsKey(s)) {
        out.put(s, form.apply(written.get(s)));
      }
    }
    return out;
  }

  @Property(tries = 500)
  void roundingStudentsAreNeverWrong(
      @ForAll @IntRange(min = 0, max = 3) int template,
      @ForAll RoundAndCarry.Rounding rounding,
      @ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
    Student st = Student.of(template, rounding, seed);
    Template t = st.template();
    Map<String, String> written = st.written();
    GradeResult r = st.grade(answers(t, written));
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
    return typed(t, written, text -> {
      double v = Double.parseDouble(text);
      return new StudentAnswer.Numeric(v, WrittenPrecision.shortestText(v), 0,
          WrittenPrecision.ofCellValue(v));
    });
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
    Student st = Student.of(template, rounding, seed);
    Template t = st.template();
    GradeResult asText = st.grade(answers(t, st.written()));
    GradeResult asCells = st.grade(cells(t, st.written()));
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
