package org.nngrader.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nngrader.bank.graph.Derivation;
import org.nngrader.bank.graph.Formula;
import org.nngrader.bank.graph.QuantityGraph;
import org.nngrader.bank.graph.Values;
import org.nngrader.bank.mistake.Misconception;
import org.nngrader.bank.mistake.Misconceptions;
import org.nngrader.bank.template.Template;
import org.nngrader.bank.template.Templates;
import org.nngrader.rubric.Rubric;
import org.nngrader.rubric.RubricLoader;

class GradingEngineTest {

  /** |a - b| <= 1e-4 + 1e-3 |b|, full credit for follow-through, none for misconceptions. */
  static final Rubric RUBRIC = RubricLoader.parse("""
      name: test
      points: 1
      tolerance: {absolute: 0.0001, relative: 0.001}
      followThrough: {credit: 1.0, rejectTrivialInputs: true}
      misconceptionCredit: 0.0
      roundingNoteCredit: 1.0
      """, "test.yaml");

  static final Template T = Templates.builtin("sigmoid-2-2-2");
  static final GradingEngine ENGINE = new GradingEngine(T, RUBRIC);
  static final Values REF = T.solve(Map.of());

  static Map<String, StudentAnswer> answersFrom(Values v, int decimals) {
    Map<String, StudentAnswer> out = new LinkedHashMap<>();
    for (String s : T.asked()) {
      if (decimals < 0) {
        out.put(s, new StudentAnswer.Numeric(v.get(s), Double.toString(v.get(s)), 0));
      } else {
        String text = BigDecimal.valueOf(v.get(s)).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        out.put(s, numeric(text));
      }
    }
    return out;
  }

  /** An answer as the reader gives it: its written precision from the digits. */
  static StudentAnswer.Numeric numeric(String text) {
    return new StudentAnswer.Numeric(Double.parseDouble(text), text, 0,
        org.nngrader.grader.read.NumberForms.precisionOf(text));
  }

  static StepResult result(GradeResult r, String step) {
    return r.steps().stream().filter(s -> s.step().equals(step)).findFirst().orElseThrow();
  }

  static GradeResult grade(Map<String, StudentAnswer> answers) {
    return ENGINE.grade(REF.givens(), answers);
  }

  static Verdict verdict(GradeResult r, String step) {
    return r.steps().stream().filter(s -> s.step().equals(step)).findFirst().orElseThrow().verdict();
  }

  @Test
  void fullPrecisionAnswersAreAllCorrect() {
    GradeResult r = grade(answersFrom(REF, -1));
    assertThat(r.steps()).allMatch(s -> s.verdict() == Verdict.CORRECT);
    assertThat(r.score()).isEqualTo(r.maxScore());
    assertThat(r.firstWrongStep()).isEmpty();
  }

  @Test
  void studentWhoRoundsIntermediatesIsNeverMarkedIncorrect() {
    QuantityGraph rounded = T.graph().mutate(q -> q.isGiven() ? q : q.withDerivations(
        q.derivations().stream().map(d -> new Derivation(d.parents(), new Formula(
            d.formula().template(), p -> round4(d.formula().apply(p))))).toList()));
    Values v = rounded.evaluate(REF.givens());
    GradeResult r = grade(answersFrom(v, 4));
    assertThat(r.steps()).allMatch(s -> s.verdict() == Verdict.CORRECT
        || s.verdict() == Verdict.IMPRECISE || s.verdict() == Verdict.FOLLOW_THROUGH);
    // Full credit wherever at least 3 significant figures were written ("0.0004" has one).
    for (StepResult s : r.steps()) {
      if (org.nngrader.grader.read.NumberForms.precisionOf(s.written()).figures() >= 3) {
        assertThat(s.points()).as(s.step() + " = " + s.written()).isEqualTo(s.maxPoints());
      } else {
        assertThat(s.verdict()).as(s.step() + " = " + s.written()).isIn(Verdict.CORRECT,
            Verdict.IMPRECISE);
      }
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {4, 5, 6})
  void roundingStudentGetsFullMarksUnderTheBuiltinRubric(int decimals) {
    GradingEngine strict = new GradingEngine(T, RubricLoader.loadBuiltin("sigmoid-2-2-2"));
    QuantityGraph rounded = T.graph().mutate(q -> q.isGiven() ? q : q.withDerivations(
        q.derivations().stream().map(d -> new Derivation(d.parents(), new Formula(
            d.formula().template(), p -> round(d.formula().apply(p), decimals)))).toList()));
    Values v = rounded.evaluate(REF.givens());
    Map<String, StudentAnswer> answers = new LinkedHashMap<>();
    for (String s : T.asked()) {
      // Rounded to that many decimals and written with all of them, trailing zeros too.
      String text = BigDecimal.valueOf(v.get(s)).setScale(decimals, java.math.RoundingMode.HALF_EVEN)
          .toPlainString();
      answers.put(s, numeric(text));
    }
    GradeResult r = strict.grade(REF.givens(), answers);
    assertThat(r.steps()).as("decimals %d", decimals)
        .allMatch(s -> s.verdict() == Verdict.CORRECT || s.verdict() == Verdict.IMPRECISE
            || s.verdict() == Verdict.FOLLOW_THROUGH, "correct, imprecise or follow-through");
    // Full points wherever the answer has the figures the rubric asks; a small value written to
    // a fixed number of decimals may have too few (imprecise, no credit by the rubric's rule).
    assertThat(r.steps()).as("decimals %d", decimals)
        .filteredOn(s -> s.verdict() != Verdict.IMPRECISE)
        .allMatch(s -> s.points() == s.maxPoints(), "full points");
    assertThat(r.steps()).as("decimals %d", decimals)
        .filteredOn(s -> s.verdict() == Verdict.IMPRECISE && s.points() < s.maxPoints())
        .allMatch(s -> Math.abs(s.expected()) < 0.01, "only small values lack figures");
  }

  /** Regression: a coarse answer after a rounded earlier one was credited as "rounding". */
  @Test
  void tooCoarseAnswersAreNotCreditedAsRounding() {
    GradingEngine strict = new GradingEngine(T, RubricLoader.loadBuiltin("sigmoid-2-2-2"));
    Map<String, StudentAnswer> a = answersFrom(REF, -1);
    for (String[] sw : new String[][] {{"out_h1", "0.593269992"}, {"w5+", "0.4"},
        {"dE_total/dw1", "0.0004"}, {"dE_total/dw5", "0.08"}, {"E_total@1", "0.3"}}) {
      a.put(sw[0], numeric(sw[1]));
    }
    GradeResult r = strict.grade(REF.givens(), a);
    assertThat(verdict(r, "out_h1")).isEqualTo(Verdict.CORRECT);
    for (String step : List.of("w5+", "dE_total/dw1", "dE_total/dw5", "E_total@1")) {
      // Consistent with the truth at one significant figure: imprecise, and no credit.
      assertThat(verdict(r, step)).as(step).isEqualTo(Verdict.IMPRECISE);
      assertThat(result(r, step).points()).as(step).isZero();
      assertThat(result(r, step).feedback()).as(step)
          .matches("Right value, written with 1 significant figure; this sheet asks for at least 3 significant figures\\.");
    }
  }

  @Test
  void precisionComesFromWrittenDecimalsWithEnoughFigures() {
    assertThat(StudentAnswer.Numeric.precisionOf("0.5933")).isEqualTo(0.00005);
    assertThat(StudentAnswer.Numeric.precisionOf("0,5933")).isEqualTo(0.00005);
    assertThat(StudentAnswer.Numeric.precisionOf("1,234.5")).isEqualTo(0.05);
    assertThat(StudentAnswer.Numeric.precisionOf("0.4")).isZero();
    assertThat(StudentAnswer.Numeric.precisionOf("0.0004")).isZero();
    assertThat(StudentAnswer.Numeric.precisionOf("0.000439")).isEqualTo(0.0000005);
    assertThat(StudentAnswer.Numeric.precisionOf("12")).isZero();
    assertThat(StudentAnswer.Numeric.precisionOf("1.2e-3")).isZero();
  }

  @Test
  void roundingSlackDoesNotCreditAnAnswerThatIsOffByMore() {
    GradingEngine strict = new GradingEngine(T, RubricLoader.loadBuiltin("sigmoid-2-2-2"));
    Map<String, StudentAnswer> answers = answersFrom(REF, 4);
    double wrong = REF.get("dE_total/dw3") * 1.05;
    String text = BigDecimal.valueOf(wrong).round(new java.math.MathContext(4)).toPlainString();
    answers.put("dE_total/dw3", numeric(text));
    GradeResult r = strict.grade(REF.givens(), answers);
    assertThat(verdict(r, "dE_total/dw3")).isEqualTo(Verdict.INCORRECT);
  }

  /** Rounds to a number of decimals, or to 4 significant figures below 0.01, as careful students do. */
  static double round(double x, int decimals) {
    BigDecimal d = BigDecimal.valueOf(x);
    if (Math.abs(x) < 0.01) {
      return d.round(new java.math.MathContext(4, RoundingMode.HALF_UP)).doubleValue();
    }
    return d.setScale(decimals, RoundingMode.HALF_UP).doubleValue();
  }

  static double round4(double x) {
    return BigDecimal.valueOf(x).setScale(4, RoundingMode.HALF_UP).doubleValue();
  }

  @Test
  void earlySlipIsIncorrectOnceAndLaterStepsFollowThrough() {
    QuantityGraph slipped = T.graph().mutate(q -> q.id().equals("net_h1")
        ? q.withDerivations(List.of(new Derivation(List.of(), new Formula("0.4775", p -> 0.4775))))
        : q);
    GradeResult r = grade(answersFrom(slipped.evaluate(REF.givens()), -1));
    assertThat(verdict(r, "net_h1")).isEqualTo(Verdict.INCORRECT);
    assertThat(r.firstWrongStep()).contains("net_h1");
    assertThat(verdict(r, "out_h1")).isEqualTo(Verdict.FOLLOW_THROUGH);
    assertThat(verdict(r, "E_total")).isEqualTo(Verdict.FOLLOW_THROUGH);
    assertThat(r.steps()).filteredOn(s -> s.verdict() == Verdict.INCORRECT).hasSize(1);
  }

  @Test
  void signMisconceptionIsNamedAtItsFirstStep() {
    Misconception m = Misconceptions.ERROR_DERIVATIVE_SIGN;
    Values v = m.apply(T.network(), T.graph()).get(0).evaluate(REF.givens());
    GradeResult r = grade(answersFrom(v, -1));
    StepResult first = r.steps().stream().filter(s -> s.step().equals("dE_total/dout_o1")).findFirst().orElseThrow();
    assertThat(first.verdict()).isEqualTo(Verdict.MISCONCEPTION);
    assertThat(first.misconception()).isEqualTo("error-derivative-sign");
    assertThat(first.feedback()).contains("out - target");
    assertThat(r.firstWrongStep()).contains("dE_total/dout_o1");
    assertThat(verdict(r, "dE_total/dw5")).isEqualTo(Verdict.FOLLOW_THROUGH);
    assertThat(r.steps()).noneMatch(s -> s.verdict() == Verdict.INCORRECT);
  }

  @Test
  void trivialPlaceholderEarnsNoFollowThrough() {
    Map<String, StudentAnswer> a = answersFrom(REF, -1);
    a.put("dE_total/dout_o1", new StudentAnswer.Numeric(0, "0", 0));
    a.put("dE_total/dw5", new StudentAnswer.Numeric(0, "0", 0));
    GradeResult r = grade(a);
    StepResult g = r.steps().stream().filter(s -> s.step().equals("dE_total/dw5")).findFirst().orElseThrow();
    assertThat(g.verdict()).isEqualTo(Verdict.INCORRECT);
    assertThat(g.feedback()).contains("No follow-through credit");
  }

  @Test
  void missingAndUnreadableAreReportedAsSuch() {
    Map<String, StudentAnswer> a = answersFrom(REF, -1);
    a.remove("net_h1");
    a.put("out_h1", new StudentAnswer.Unreadable("about 0.6", "not a number"));
    GradeResult r = grade(a);
    assertThat(verdict(r, "net_h1")).isEqualTo(Verdict.MISSING);
    assertThat(verdict(r, "out_h1")).isEqualTo(Verdict.UNREADABLE);
    assertThat(r.firstWrongStep()).contains("out_h1");
    assertThat(r.score()).isEqualTo(r.maxScore() - 2);
  }
}
