package org.nngrader.grader.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nngrader.bank.graph.Derivation;
import org.nngrader.bank.graph.Formula;
import org.nngrader.bank.graph.QuantityGraph;
import org.nngrader.bank.graph.Values;
import org.nngrader.bank.mistake.Misconceptions;
import org.nngrader.bank.template.Template;
import org.nngrader.bank.template.Templates;
import org.nngrader.grader.batch.GradedSubmission;
import org.nngrader.grader.engine.GradeResult;
import org.nngrader.grader.engine.GradingEngine;
import org.nngrader.grader.engine.StudentAnswer;
import org.nngrader.rubric.Rubric;
import org.nngrader.rubric.RubricLoader;

/**
 * A small class graded by the real engine on the classic sigmoid 2-2-2 example (the template's
 * default values): the submissions behind the golden files (see golden/README.txt).
 */
final class ReportFixtures {

  private ReportFixtures() {}

  /** One point a step, |a - b| <= 1e-4 + 1e-3 |b|, full follow-through and rounding credit,
   * half credit for a recognised misconception. */
  static final Rubric RUBRIC = RubricLoader.parse("""
      name: report-test
      points: 1
      tolerance: {absolute: 0.0001, relative: 0.001}
      followThrough: {credit: 1.0, rejectTrivialInputs: true}
      misconceptionCredit: 0.5
      roundingNoteCredit: 1.0
      """, "report-test.yaml");

  static final Template T = Templates.builtin("sigmoid-2-2-2");
  static final GradingEngine ENGINE = new GradingEngine(T, RUBRIC);
  static final Values REF = T.solve(Map.of());
  static final String SCRIPT = "<script>alert('x')</script>";

  /**
   * Every asked step written with a fixed number of decimals, as a student types them; with
   * {@code careful}, values below 0.01 get that many significant figures instead (0.0000351019
   * rather than 0.000035).
   */
  static Map<String, StudentAnswer> written(Values v, int decimals, boolean careful) {
    Map<String, StudentAnswer> out = new LinkedHashMap<>();
    for (String s : T.asked()) {
      BigDecimal d = BigDecimal.valueOf(v.get(s));
      String text = (careful && Math.abs(v.get(s)) < 0.01
          ? d.round(new java.math.MathContext(decimals, RoundingMode.HALF_UP))
          : d.setScale(decimals, RoundingMode.HALF_UP)).toPlainString();
      out.put(s, new StudentAnswer.Numeric(Double.parseDouble(text), text, 0,
          org.nngrader.grader.read.NumberForms.precisionOf(text)));
    }
    return out;
  }

  static GradeResult grade(Map<String, StudentAnswer> answers) {
    return ENGINE.grade(REF.givens(), answers);
  }

  static GradedSubmission graded(String id, String name, String variant, String file,
      GradeResult r, List<String> flags, boolean late) {
    return new GradedSubmission(id, name, variant, file, GradedSubmission.Status.GRADED, r, null,
        REF.givens(), flags, late);
  }

  /** s001: every step right to 6 decimals. */
  static GradedSubmission allCorrect() {
    return graded("s001", "Ada Lovelace", "v001", "s001_answers.xlsx",
        grade(written(REF, 6, true)), List.of(), false);
  }

  /** s002: net_h1 mistyped as 0.4775; everything after it computed from that (late). */
  static GradedSubmission slip() {
    QuantityGraph slipped = T.graph().mutate(q -> q.id().equals("net_h1")
        ? q.withDerivations(List.of(new Derivation(List.of(), new Formula("0.4775", p -> 0.4775))))
        : q);
    return graded("s002", "Blaise Pascal", "v002", "s002_answers.xlsx",
        grade(written(slipped.evaluate(REF.givens()), 6, true)), List.of(), true);
  }

  /** s003: target - out instead of out - target, carried through; flagged. */
  static GradedSubmission misconception() {
    Values v = Misconceptions.ERROR_DERIVATIVE_SIGN.apply(T.network(), T.graph()).get(0)
        .evaluate(REF.givens());
    return graded("s003", "Carl Friedrich Gauss", "v002", "s003_answers.csv",
        grade(written(v, 6, true)), List.of("possible copying: the sheet carries variant v002 of s002"),
        false);
  }

  /**
   * s004: 4 decimals throughout (so the small gradients have one or two significant figures:
   * imprecise), net_h1 blank, out_h1 unreadable markup; the name needs escaping too.
   */
  static GradedSubmission missingAndUnreadable() {
    Map<String, StudentAnswer> a = written(REF, 4, false);
    a.remove("net_h1");
    a.put("out_h1", new StudentAnswer.Unreadable(SCRIPT, "not a number"));
    return graded("s004", "Dana <Scully> & Co", "v004", "s004_answers.xlsx", grade(a),
        List.of(), false);
  }

  /** A corrupt upload whose owner could not be told. */
  static GradedSubmission failedUnknown() {
    return GradedSubmission.failed(null, null, "uploads/Broken Sheet (1).xlsx",
        "uploads/Broken Sheet (1).xlsx: not a readable xlsx or csv file (the zip archive is "
            + "truncated); ask the student to upload the sheet again",
        List.of());
  }

  /** s005: a sheet with no answer rows at all. */
  static GradedSubmission failedKnown() {
    return GradedSubmission.failed("s005", "Emmy Noether", "s005_answers.csv",
        "s005_answers.csv: no row names a step (expected a header step,question,answer); "
            + "fill in the answer template from the problem set",
        List.of("an older submission s005_answers_old.csv was not graded"));
  }

  /**
   * s006: a careful student who rounds every intermediate to 3 significant figures and carries
   * the rounded values on, as by hand: many later steps are right only from those rounded values.
   */
  static GradedSubmission roundedEarly() {
    Map<String, String> sheet = org.nngrader.bank.simulate.RoundAndCarry.written(T, REF.givens(),
        org.nngrader.bank.simulate.RoundAndCarry.Rounding.SIGNIFICANT_3);
    Map<String, StudentAnswer> a = new LinkedHashMap<>();
    for (String step : T.asked()) {
      String text = sheet.get(step);
      if (text != null) {
        a.put(step, new StudentAnswer.Numeric(Double.parseDouble(text), text, 0,
            org.nngrader.grader.read.NumberForms.precisionOf(text)));
      }
    }
    return graded("s006", "Florence Nightingale", "v006", "s006_answers.xlsx", grade(a),
        List.of(), false);
  }

  /** The whole class, in a fixed order. */
  static List<GradedSubmission> all() {
    return List.of(allCorrect(), slip(), misconception(), missingAndUnreadable(),
        failedUnknown(), failedKnown());
  }
}
