package org.nngrader.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nngrader.bank.symbolic.SymbolicSolver;
import org.nngrader.bank.template.Template;
import org.nngrader.bank.template.Templates;
import org.nngrader.grader.batch.GradedSubmission;
import org.nngrader.grader.engine.GradingEngine;
import org.nngrader.grader.engine.StudentAnswer;
import org.nngrader.rubric.Reveal;
import org.nngrader.rubric.RubricLoader;

/**
 * Reports of a symbolic exercise: expression answers as typed, expected expressions as text in
 * report.json and as MathML in report.html.
 */
class ExpressionReportTest {

  static final Template T = Templates.builtin("symbolic-3-2-1");
  static final Map<String, Double> GIVENS = SymbolicSolver.solve(T, Map.of()).givens();
  static final ObjectMapper JSON = new ObjectMapper();

  /** dL/dw7 right, dL/dw2 and dL/dw6 each with a different factor left out. */
  static GradedSubmission submission() {
    Map<String, StudentAnswer> answers = new LinkedHashMap<>();
    answers.put("dL/dw7", new StudentAnswer.Text("dL/dy_hat * g'(z_out) * f(-4.2)"));
    answers.put("dL/dw2", new StudentAnswer.Text("dL/dy_hat * g'(z_out) * 0.7 * f'(-4.2)"));
    answers.put("dL/dw6", new StudentAnswer.Text("dL/dy_hat * (-0.3) * f'(3.2) * (-3)"));
    GradingEngine engine = new GradingEngine(T, RubricLoader.loadBuiltin("symbolic-3-2-1"));
    return new GradedSubmission("s1", "Ada", "v1", "s1.xlsx", GradedSubmission.Status.GRADED,
        engine.grade(GIVENS, answers), null, GIVENS, List.of(), false);
  }

  static JsonNode step(JsonNode report, String id) {
    for (JsonNode s : report.get("steps")) {
      if (s.get("step").asText().equals(id)) {
        return s;
      }
    }
    throw new AssertionError(id);
  }

  @Test
  void jsonHasTheExpectedExpressionAsTextAndEachStepsOwnDiagnosis() throws IOException {
    JsonNode r = JSON.readTree(StudentReport.json(submission(), T, Reveal.ALL));
    JsonNode dw2 = step(r, "dL/dw2");
    assertThat(dw2.get("expected").asText())
        .isEqualTo("dL/dy_hat * g'(z_out) * 0.7 * f'(-4.2) * 10");
    assertThat(dw2.get("answer").asText()).isEqualTo("dL/dy_hat * g'(z_out) * 0.7 * f'(-4.2)");
    assertThat(dw2.get("value").isNull()).isTrue();
    assertThat(dw2.get("feedback").asText()).contains("The factor 10 is left out");
    // The same mistake at a later step keeps its own diagnosis: another factor is missing.
    assertThat(step(r, "dL/dw6").get("feedback").asText())
        .contains("The factor g'(z_out) is left out");
    assertThat(step(r, "dL/dw7").get("expected").isNull()).isTrue();
    assertThat(r.get("misconceptions").get(0).get("title").asText())
        .isEqualTo("a factor of the chain rule left out");
    assertThat(r.get("misconceptions").get(0).get("feedback").asText())
        .startsWith("The chain rule multiplies every local derivative");
    assertThat(r.get("firstDivergence").get("message").asText())
        .contains("It matches a known mistake: a factor of the chain rule left out.");
  }

  @Test
  void htmlShowsTheExpectedExpressionAsMathAndTheAnswerAsTyped() {
    String html = StudentReport.html(submission(), T, Reveal.ALL);
    String row = row(html, "dL/dw2");
    // The student's answer is what they typed, escaped text.
    assertThat(row).contains("<code>dL/dy_hat * g&#39;(z_out) * 0.7 * f&#39;(-4.2)</code>");
    String expected = between(row, "<dt>Expected</dt><dd>", "</dd>");
    // The reference is MathML: the derivative a fraction, g' a prime, no plain operator left.
    assertThat(expected).contains("<math>").contains("<mfrac><mrow><mo>\u2202</mo><mi>L</mi>")
        .contains("<msup><mi>g</mi><mo>\u2032</mo></msup>");
    assertThat(withoutAnnotations(expected)).doesNotContain("*").doesNotContain("dL/")
        .doesNotContain("g&#39;");
    // One element per factor, so that a phone can wrap it; their plain texts give it back.
    assertThat(annotations(expected))
        .isEqualTo("dL/dy_hat * g'(z_out) * 0.7 * f'(-4.2) * 10");
    assertThat(html).contains("A factor of the chain rule left out");
  }

  @Test
  void theFormulaOfAWrongExpressionStepIsMathToo() {
    String formula = between(row(StudentReport.html(submission(), T, Reveal.ALL), "dL/dw2"),
        "<dt>Formula</dt><dd>", "</dd>");
    assertThat(formula).contains("<math>");
    assertThat(withoutAnnotations(formula)).doesNotContain("*").doesNotContain("dL/");
    assertThat(annotations(formula))
        .isEqualTo("dL/dw2 = dL/dy_hat * dy_hat/dz_out * dz_out/dh1 * dh1/dz_h1 * dz_h1/dw2");
  }

  /** The table row of a step, found by the sheet's id under its math. */
  static String row(String html, String step) {
    int at = html.indexOf("<code class=\"sheet\">" + step + "</code>");
    assertThat(at).as(step).isPositive();
    return html.substring(html.lastIndexOf("<tr ", at), html.indexOf("</tr>", at));
  }

  static String between(String s, String from, String to) {
    int a = s.indexOf(from);
    assertThat(a).as(from).isNotNegative();
    return s.substring(a + from.length(), s.indexOf(to, a + from.length()));
  }

  static String withoutAnnotations(String html) {
    return html.replaceAll("<annotation[^>]*>[^<]*</annotation>", "");
  }

  /** The plain texts of the MathML elements, joined as one formula. */
  static String annotations(String html) {
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("<annotation encoding=\"text/plain\">([^<]*)</annotation>").matcher(html);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      b.append(b.length() == 0 ? "" : " ").append(m.group(1).replace("&#39;", "'"));
    }
    return b.toString();
  }

  @Test
  void hiddenValuesHideTheExpectedExpression() throws IOException {
    JsonNode r = JSON.readTree(StudentReport.json(submission(), T, Reveal.NOTHING));
    assertThat(step(r, "dL/dw2").get("expected").isNull()).isTrue();
    String row = row(StudentReport.html(submission(), T, Reveal.NOTHING), "dL/dw2");
    assertThat(row).doesNotContain("<dt>Expected</dt>").doesNotContain("<dt>Formula</dt>")
        .doesNotContain("f'(-4.2) * 10");
  }
}
