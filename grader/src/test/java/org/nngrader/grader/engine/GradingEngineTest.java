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

class GradingEngineTest {

  /** |a - b| <= 1e-4 + 1e-3 |b|, full credit for follow-through, none for misconceptions. */
  static final GradingPolicy POLICY = new GradingPolicy() {
    @Override
    public double points(String step) {
      return 1;
    }

    @Override
    public boolean accepts(String step, double answer, double target) {
      return Math.abs(answer - target) <= 1e-4 + 1e-3 * Math.abs(target);
    }

    @Override
    public double followThroughCredit() {
      return 1;
    }

    @Override
    public double misconceptionCredit() {
      return 0;
    }

    @Override
    public double roundingCredit() {
      return 1;
    }

    @Override
    public boolean rejectTrivialInputs() {
      return true;
    }
  };

  static final Template T = Templates.builtin("sigmoid-2-2-2");
  static final GradingEngine ENGINE = new GradingEngine(T, POLICY);
  static final Values REF = T.solve(Map.of());

  static Map<String, StudentAnswer> answersFrom(Values v, int decimals) {
    Map<String, StudentAnswer> out = new LinkedHashMap<>();
    for (String s : T.asked()) {
      if (decimals < 0) {
        out.put(s, new StudentAnswer.Numeric(v.get(s), Double.toString(v.get(s)), 0));
      } else {
        String text = BigDecimal.valueOf(v.get(s)).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        out.put(s, new StudentAnswer.Numeric(Double.parseDouble(text), text,
            StudentAnswer.Numeric.precisionOf(text)));
      }
    }
    return out;
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
        || s.verdict() == Verdict.FOLLOW_THROUGH);
    assertThat(r.score()).isEqualTo(r.maxScore());
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
    a.put("dE_total/dout_o1", new StudentAnswer.Numeric(0, "0", 0.5));
    a.put("dE_total/dw5", new StudentAnswer.Numeric(0, "0", 0.5));
    GradeResult r = grade(a);
    StepResult g = r.steps().stream().filter(s -> s.step().equals("dE_total/dw5")).findFirst().orElseThrow();
    assertThat(g.verdict()).isEqualTo(Verdict.INCORRECT);
    assertThat(g.feedback()).contains("placeholder");
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
