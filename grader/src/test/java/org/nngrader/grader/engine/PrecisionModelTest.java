package org.nngrader.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nngrader.grader.engine.GradingEngineTest.numeric;
import static org.nngrader.grader.engine.GradingEngineTest.result;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nngrader.bank.graph.Values;
import org.nngrader.bank.mistake.Misconception;
import org.nngrader.bank.mistake.Misconceptions;
import org.nngrader.bank.simulate.RoundAndCarry;
import org.nngrader.bank.generate.VariantDrawer;
import org.nngrader.bank.template.Template;
import org.nngrader.bank.template.Templates;
import org.nngrader.rubric.Rubric;
import org.nngrader.rubric.RubricLoader;

/** The precision model of issue 9: written precision, imprecise, rounding versus mistakes. */
class PrecisionModelTest {

  static final Template T = Templates.builtin("sigmoid-2-2-2");
  static final Rubric BUILTIN = RubricLoader.loadBuiltin("sigmoid-2-2-2");
  static final GradingEngine ENGINE = new GradingEngine(T, BUILTIN);
  static final Values REF = T.solve(Map.of());

  static Map<String, StudentAnswer> exact(Values v) {
    Map<String, StudentAnswer> out = new LinkedHashMap<>();
    for (String s : T.asked()) {
      // A step a mistaken graph names no quantity for (weights numbered by source) is the key's.
      double x = v.graph().contains(s) ? v.get(s) : REF.get(s);
      out.put(s, new StudentAnswer.Numeric(x, Double.toString(x), 0,
          org.nngrader.grader.read.WrittenPrecision.EXACT));
    }
    return out;
  }

  @Test
  void aFirstStepRoundedToTwoDecimalsIsRightAtItsPrecisionNotIncorrect() {
    Map<String, Double> givens = new LinkedHashMap<>(REF.givens());
    Map<String, StudentAnswer> a = exact(REF);
    // net_h1 = 0.3775 in the textbook variant; write it as 0.38 (2 figures) and 0.378 (3).
    a.put("net_h1", numeric("0.38"));
    StepResult two = result(ENGINE.grade(givens, a), "net_h1");
    assertThat(two.verdict()).isEqualTo(Verdict.IMPRECISE);
    assertThat(two.points()).isZero();
    assertThat(two.feedback())
        .isEqualTo("Right value, written with 2 significant figures; this sheet asks for at least 3 significant figures.")
        .doesNotContain("check");
    a.put("net_h1", numeric("0.378"));
    StepResult three = result(ENGINE.grade(givens, a), "net_h1");
    assertThat(three.verdict()).isIn(Verdict.CORRECT, Verdict.IMPRECISE);
    assertThat(three.points()).isEqualTo(three.maxPoints());
  }

  @Test
  void aRoundingAtThreeFiguresOutsideTheToleranceIsImpreciseWithFullCredit() {
    Map<String, StudentAnswer> a = exact(REF);
    double w = REF.get("dE_o2/dout_h1"); // -0.019049...
    a.put("dE_o2/dout_h1", numeric("-0.0190"));
    StepResult r = result(ENGINE.grade(REF.givens(), a), "dE_o2/dout_h1");
    assertThat(w).isBetween(-0.01906, -0.01904);
    assertThat(r.verdict()).isEqualTo(Verdict.IMPRECISE);
    assertThat(r.points()).isEqualTo(r.maxPoints());
    assertThat(r.feedback()).startsWith("Right value at the precision written, but outside the"
        + " tolerance").doesNotContain("check");
  }

  @Test
  void oneFigureInsideAnAbsoluteToleranceIsNotCreditedAsThreeFigureWork() {
    Rubric loose = RubricLoader.parse("name: loose\ntolerance: {absolute: 0.0001, relative: 0.001}\n",
        "loose.yaml");
    GradingEngine e = new GradingEngine(T, loose);
    Map<String, StudentAnswer> a = exact(REF);
    a.put("dE_total/dw1", numeric("0.0004")); // 0.000438568: inside 0.0001, one figure
    StepResult r = result(e.grade(REF.givens(), a), "dE_total/dw1");
    assertThat(r.verdict()).isEqualTo(Verdict.IMPRECISE);
    assertThat(r.points()).isZero();
    a.put("dE_total/dw1", numeric("0.000439"));
    assertThat(result(e.grade(REF.givens(), a), "dE_total/dw1").verdict())
        .isEqualTo(Verdict.CORRECT);
  }

  @Test
  void zeroForANonZeroValueIsNotARoundingOnASheetWrittenPrecisely() {
    Map<String, StudentAnswer> a = exact(REF);
    a.put("net_h1", numeric("0"));
    StepResult r = result(ENGINE.grade(REF.givens(), a), "net_h1");
    assertThat(r.verdict()).isEqualTo(Verdict.INCORRECT);
  }

  @Test
  void theRubricDecidesTheFiguresAndTheCredit() {
    Rubric r = RubricLoader.parse("name: r\nprecision: {minimumFigures: 2, credit: 0.5}\n",
        "r.yaml");
    GradingEngine e = new GradingEngine(T, r);
    Map<String, StudentAnswer> a = exact(REF);
    a.put("out_h1", numeric("0.59")); // 0.593269992
    StepResult s = result(e.grade(REF.givens(), a), "out_h1");
    assertThat(s.verdict()).isEqualTo(Verdict.IMPRECISE);
    assertThat(s.points()).isEqualTo(0.5);
    a.put("out_h1", numeric("0.6"));
    s = result(e.grade(REF.givens(), a), "out_h1");
    assertThat(s.points()).isZero();
    assertThat(s.feedback()).contains("1 significant figure; this sheet asks for at least 2 significant figures");
  }

  @Test
  void aRoundedValueThatEqualsAGivenIsNotAPlaceholder() {
    // The textbook's dout_h1/dnet_h1 is 0.241300709; w3 is 0.25. Written to 2 decimals as
    // 0.24 it is imprecise, and the later steps computed from it are right, not refused.
    Map<String, Double> written = new LinkedHashMap<>();
    RoundAndCarry.written(T, REF.givens(), RoundAndCarry.Rounding.DECIMALS_2)
        .forEach((k, v) -> written.put(k, Double.parseDouble(v)));
    Map<String, StudentAnswer> a = new LinkedHashMap<>();
    RoundAndCarry.written(T, REF.givens(), RoundAndCarry.Rounding.DECIMALS_2)
        .forEach((k, v) -> { if (T.asked().contains(k)) { a.put(k, numeric(v)); } });
    GradeResult g = ENGINE.grade(REF.givens(), a);
    assertThat(g.steps()).noneMatch(s -> s.feedback().contains("No follow-through credit"));
    assertThat(g.steps()).noneMatch(s -> s.verdict() == Verdict.MISCONCEPTION
        || s.verdict() == Verdict.INCORRECT);
    assertThat(written).isNotEmpty();
  }

  /** A variant whose error after training is numerically 0 (below 1e-20). */
  static Values nearZeroVariant() {
    for (int seed = 0; seed < 2000; seed++) {
      Map<String, Double> p = new LinkedHashMap<>(T.defaults());
      p.putAll(new VariantDrawer(T, seed, Map.of()).draw("s").parameters());
      Values v = T.solve(p);
      if (Math.abs(v.get("E_total@10000")) < 1e-20) {
        return v;
      }
    }
    throw new AssertionError("no variant of sigmoid-2-2-2 trains to an error below 1e-20");
  }

  @Test
  void aKeyTheToleranceCannotTellFromZeroAsksNoFigures() {
    Values v = nearZeroVariant();
    Map<String, StudentAnswer> a = exact(v);
    for (String zero : List.of("0", "0.00", "1e-30")) {
      a.put("E_total@10000", numeric(zero));
      StepResult r = result(ENGINE.grade(v.givens(), a), "E_total@10000");
      assertThat(r.verdict()).as(zero).isEqualTo(Verdict.CORRECT);
      assertThat(r.points()).as(zero).isEqualTo(r.maxPoints());
    }
  }

  @Test
  void aNearZeroPlaceholderEarnsNoMoreThanZero() {
    Map<String, StudentAnswer> a = exact(REF);
    // dE_total/dw5 is 0.0822; writing 0 (or 0.0001) makes w5+ = w5, a copy of the given.
    for (String placeholder : List.of("0", "0.0001")) {
      a.put("dE_total/dw5", numeric(placeholder));
      double w5 = REF.get("w5") - REF.get("eta") * Double.parseDouble(placeholder);
      a.put("w5+", new StudentAnswer.Numeric(w5, Double.toString(w5), 0,
          org.nngrader.grader.read.WrittenPrecision.EXACT));
      StepResult r = result(ENGINE.grade(REF.givens(), a), "w5+");
      assertThat(r.verdict()).as(placeholder).isEqualTo(Verdict.INCORRECT);
      assertThat(r.feedback()).as(placeholder).contains("No follow-through credit");
    }
    // The refusal quotes what was written for a value that stands for 0.
    assertThat(result(ENGINE.grade(REF.givens(), a), "w5+").feedback()).contains(
        "your dE_total/dw5 is 0.0001, which is wrong and so close to 0 that it counts as that"
            + " value");
    // An honest wrong value (twice the gradient) keeps its follow-through.
    double wrong = 2 * REF.get("dE_total/dw5");
    a.put("dE_total/dw5", new StudentAnswer.Numeric(wrong, Double.toString(wrong), 0,
        org.nngrader.grader.read.WrittenPrecision.EXACT));
    double w5 = REF.get("w5") - REF.get("eta") * wrong;
    a.put("w5+", new StudentAnswer.Numeric(w5, Double.toString(w5), 0,
        org.nngrader.grader.read.WrittenPrecision.EXACT));
    assertThat(result(ENGINE.grade(REF.givens(), a), "w5+").verdict())
        .isEqualTo(Verdict.FOLLOW_THROUGH);
  }

  @Test
  void aConsistentLossFactorMistakeCostsPointsAtOneStepOnly() {
    Misconception m = Misconceptions.LOSS_FACTOR;
    Values v = m.apply(T.network(), T.graph()).get(0).evaluate(REF.givens());
    GradeResult r = ENGINE.grade(REF.givens(), exact(v));
    List<StepResult> lost = r.steps().stream().filter(s -> s.points() < s.maxPoints()).toList();
    assertThat(lost).extracting(StepResult::step).containsExactly("E_o1");
    assertThat(lost.get(0).verdict()).isEqualTo(Verdict.MISCONCEPTION);
    assertThat(lost.get(0).misconception()).isEqualTo("loss-factor");
    StepResult later = result(r, "dE_total/dout_o1");
    assertThat(later.verdict()).isEqualTo(Verdict.FOLLOW_THROUGH);
    assertThat(later.feedback()).startsWith("Follows from your misconception at step E_o1");
    assertThat(r.steps()).filteredOn(s -> "loss-factor".equals(s.misconception())).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"derivative-at-net", "error-derivative-sign", "gradient-added",
      "weights-numbered-by-source", "learning-rate-omitted", "activation-derivative-omitted"})
  void aConsistentMisconceptionIsNamedOnce(String id) {
    Misconception m = Misconceptions.byId(id).orElseThrow();
    Values v = m.apply(T.network(), T.graph()).get(0).evaluate(REF.givens());
    GradeResult r = ENGINE.grade(REF.givens(), exact(v));
    assertThat(r.steps()).filteredOn(s -> s.verdict() == Verdict.MISCONCEPTION).hasSize(1);
    assertThat(r.steps()).noneMatch(s -> s.verdict() == Verdict.INCORRECT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sigmoid-2-2-1", "relu-2-1-1", "perceptron"})
  void aConsistentLossFactorMistakeCostsPointsOnceOnEveryTemplate(String id) {
    Template t = Templates.builtin(id);
    GradingEngine e = new GradingEngine(t, RubricLoader.loadBuiltin(id));
    Values ref = t.solve(Map.of());
    Values v = Misconceptions.LOSS_FACTOR.apply(t.network(), t.graph()).get(0)
        .evaluate(ref.givens());
    Map<String, StudentAnswer> a = new LinkedHashMap<>();
    for (String s : t.asked()) {
      a.put(s, new StudentAnswer.Numeric(v.get(s), Double.toString(v.get(s)), 0,
          org.nngrader.grader.read.WrittenPrecision.EXACT));
    }
    GradeResult r = e.grade(ref.givens(), a);
    assertThat(r.steps()).as(id).filteredOn(s -> s.points() < s.maxPoints()).hasSize(1)
        .allMatch(s -> "loss-factor".equals(s.misconception()));
  }

  @Test
  void roundingToTwoDecimalsIsNeverNamedAMisconception() {
    // w3+ = 0.639828 written 0.64 was once called "derivative at net".
    for (RoundAndCarry.Rounding rounding : RoundAndCarry.Rounding.values()) {
      Map<String, StudentAnswer> a = new LinkedHashMap<>();
      RoundAndCarry.written(T, REF.givens(), rounding)
          .forEach((k, v) -> { if (T.asked().contains(k)) { a.put(k, numeric(v)); } });
      GradeResult g = ENGINE.grade(REF.givens(), a);
      assertThat(g.steps()).as(rounding.description())
          .allMatch(s -> s.misconception() == null || s.misconception().equals("rounded-early"));
    }
  }

  @Test
  void referenceValuesComputedOnceGradeAlike() {
    Map<String, StudentAnswer> a = exact(REF);
    a.put("net_h1", numeric("0.4775"));
    Values ref = ENGINE.reference(REF.givens());
    assertThat(ENGINE.grade(REF.givens(), ref, a)).isEqualTo(ENGINE.grade(REF.givens(), a));
  }

  @Test
  void guessedValuesAfterManyUpdatesNeedTheWorkBeforeThem() {
    // A sheet with only the "guessable" steps: 0 for the error, the targets for the outputs.
    Map<String, Double> givens = new LinkedHashMap<>(REF.givens());
    double e = REF.get("E_total@10000");
    Map<String, StudentAnswer> a = new LinkedHashMap<>();
    a.put("E_total@10000", numeric("0"));
    a.put("out_o1@10000", numeric(Double.toString(givens.get("target_o1"))));
    a.put("out_o2@10000", numeric(Double.toString(givens.get("target_o2"))));
    Rubric loose = RubricLoader.parse("name: loose\ntolerance: {absolute: 0.01, relative: 0.01}\n"
        + "precision: {minimumFigures: 1, credit: 1}\n", "loose.yaml");
    GradingEngine e1 = new GradingEngine(T, loose);
    GradeResult guessed = e1.grade(givens, a);
    assertThat(guessed.score()).isZero();
    assertThat(result(guessed, "E_total@10000").feedback()).contains("can be guessed");
    // The same values after honest work are credited (the loose tolerance accepts them).
    Map<String, StudentAnswer> worked = exact(REF);
    worked.putAll(a);
    GradeResult honest = e1.grade(givens, worked);
    assertThat(result(honest, "E_total@10000").points()).isEqualTo(1);
    assertThat(e).isLessThan(0.01);
    // guessable: no-credit never credits them.
    Rubric strict = RubricLoader.parse("name: strict\ntolerance: {absolute: 0.01, relative: 0.01}\n"
        + "precision: {minimumFigures: 1, credit: 1}\nguessable: no-credit\n", "strict.yaml");
    assertThat(result(new GradingEngine(T, strict).grade(givens, worked), "E_total@10000")
        .points()).isZero();
  }
}
