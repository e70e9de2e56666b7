package org.nngrader.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nngrader.bank.math.MathMl;
import org.nngrader.bank.model.Numbers;
import org.nngrader.grader.batch.GradedSubmission;
import org.nngrader.grader.engine.StepResult;
import org.nngrader.grader.engine.Verdict;
import org.nngrader.rubric.Reveal;

class StudentReportTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static String html(GradedSubmission s, Reveal r) {
    return StudentReport.html(s, ReportFixtures.T, r);
  }

  static JsonNode json(GradedSubmission s, Reveal r) throws Exception {
    return JSON.readTree(StudentReport.json(s, ReportFixtures.T, r));
  }

  @Test
  void studentMarkupIsShownAsTextNeverAsMarkup() throws Exception {
    GradedSubmission s = ReportFixtures.missingAndUnreadable();
    String html = html(s, Reveal.ALL);
    assertThat(html).doesNotContain("<script").doesNotContain("Dana <Scully>")
        .contains("<code>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</code>")
        .contains("Dana &lt;Scully&gt; &amp; Co");
    JsonNode step = stepNode(json(s, Reveal.ALL), "out_h1");
    assertThat(step.get("answer").asText()).isEqualTo(ReportFixtures.SCRIPT);
    assertThat(step.get("verdict").asText()).isEqualTo("unreadable");
  }

  @Test
  void answerIsShownExactlyAsWritten() {
    String html = html(ReportFixtures.slip(), Reveal.ALL);
    assertThat(html).contains("<code>0.477500</code>");
  }

  @Test
  void everyVerdictHasATextLabelBesideItsColour() {
    String html = html(ReportFixtures.misconception(), Reveal.ALL);
    for (String label : List.of("correct", "follow-through", "misconception")) {
      assertThat(html).contains("<span class=\"badge\">" + label + "</span>");
    }
  }

  @Test
  void firstDivergenceIsNamedWithTheStepsThatFollowFromIt() throws Exception {
    GradedSubmission s = ReportFixtures.slip();
    long followThrough = s.result().steps().stream()
        .filter(r -> r.verdict() == Verdict.FOLLOW_THROUGH && r.followsFrom().contains("net_h1"))
        .count();
    assertThat(followThrough).isGreaterThan(1);
    String expected = "You first went wrong at net_h1 (net input of h1). " + followThrough
        + " later steps follow from it and got follow-through credit.";
    // The page writes the step's id as math, the JSON as text.
    assertThat(html(s, Reveal.ALL)).contains(org.nngrader.bank.math.MathProse.html(expected,
            org.nngrader.bank.math.MathProse.names(ReportFixtures.T)))
        .contains("You first went wrong at <math>")
        .contains("<tr id=\"step-0\" class=\"v-incorrect first\">");
    JsonNode fd = json(s, Reveal.ALL).get("firstDivergence");
    assertThat(fd.get("step").asText()).isEqualTo("net_h1");
    assertThat(fd.get("message").asText()).isEqualTo(expected);
    assertThat(fd.get("followThroughSteps")).hasSize((int) followThrough);
  }

  @Test
  void aRepeatedMisconceptionIsNamedOnceAndItsRepeatsListed() throws Exception {
    JsonNode root = json(ReportFixtures.misconception(), Reveal.ALL);
    JsonNode fd = root.get("firstDivergence");
    assertThat(fd.get("misconception").asText()).isEqualTo("error-derivative-sign");
    assertThat(fd.get("message").asText())
        .contains("It matches a known mistake: sign of dE/dout reversed");
    assertThat(root.get("misconceptions")).hasSize(1);
    JsonNode m = root.get("misconceptions").get(0);
    assertThat(m.get("id").asText()).isEqualTo("error-derivative-sign");
    assertThat(m.get("feedback").asText()).contains("out - target");
    assertThat(m.get("steps").get(0).asText()).isEqualTo("dE_total/dout_o1");
  }

  @Test
  void theCataloguesExplanationShowsEachOfItsFormulasWholeAsMath() {
    String html = html(ReportFixtures.misconception(), Reveal.ALL);
    String section = html.substring(html.indexOf("<h2>Misconceptions</h2>"));
    section = section.substring(0, section.indexOf("</section>"));
    assertThat(section).contains(MathMl.inline("d(target - out)/dout = -1"))
        .contains(MathMl.inline("1/2 (target - out)^2"))
        .contains(MathMl.inline("-(target - out) = out - target"));
    // Outside the math only words are left: no piece of a formula as text.
    String words = section.replaceAll("<math>.*?</math>", "").replaceAll("<[^>]*>", "");
    assertThat(words).doesNotContain("/d").doesNotContain("d(").doesNotContain(" - ")
        .doesNotContain("^").contains("with respect to out is");
  }

  @Test
  void cleanSheetSaysSoAndMarksNothing() throws Exception {
    String html = html(ReportFixtures.allCorrect(), Reveal.ALL);
    assertThat(html).contains("<div class=\"clean\" role=\"note\">No step went wrong.</div>")
        .doesNotContain("class=\"divergence\"")
        // Nothing to mark: no legend, and no sentence saying so.
        .doesNotContain("No neuron or weight is marked").doesNotContain("class=\"legend\"");
    JsonNode root = json(ReportFixtures.allCorrect(), Reveal.ALL);
    assertThat(root.get("firstDivergence").isNull()).isTrue();
    assertThat(root.get("score").asDouble()).isEqualTo(50.0);
    assertThat(root.get("percent").isNumber()).isTrue();
  }

  @Test
  void revealAllShowsFormulaExpectedAndFollowThroughValues() throws Exception {
    JsonNode step = stepNode(json(ReportFixtures.slip(), Reveal.ALL), "out_h1");
    StepResult r = result(ReportFixtures.slip(), "out_h1");
    assertThat(step.get("formula").asText()).isEqualTo(r.formula());
    assertThat(step.get("expected").asDouble()).isEqualTo(r.expected());
    assertThat(step.get("followThroughValue").asDouble()).isEqualTo(r.followThroughValue());
    assertThat(html(ReportFixtures.slip(), Reveal.ALL))
        .contains("<dt>Expected</dt><dd>" + Numbers.computed(r.expected()) + "</dd>");
  }

  @Test
  void revealNothingHidesValuesAndFormulasEvenInsideTheFeedback() throws Exception {
    for (GradedSubmission s : List.of(ReportFixtures.slip(), ReportFixtures.misconception(),
        ReportFixtures.missingAndUnreadable())) {
      String html = html(s, Reveal.NOTHING);
      String json = StudentReport.json(s, ReportFixtures.T, Reveal.NOTHING);
      for (StepResult r : s.result().steps()) {
        if (r.verdict() == Verdict.CORRECT) {
          continue;
        }
        String expected = Numbers.computed(r.expected());
        assertThat(numbersIn(html)).as(r.step()).doesNotContain(expected);
        assertThat(numbersIn(json)).as(r.step()).doesNotContain(expected);
        assertThat(html).as(r.step()).doesNotContain("check " + r.formula());
      }
      assertThat(html).contains("Expected values and formulas are not shown in this report.")
          .doesNotContain("<dl class=\"details\">");
      JsonNode root = JSON.readTree(json);
      for (JsonNode step : root.get("steps")) {
        assertThat(step.get("expected").isNull()).isTrue();
        assertThat(step.get("followThroughValue").isNull()).isTrue();
        assertThat(step.get("formula").isNull()).isTrue();
      }
    }
  }

  @Test
  void revealFormulasOnlyKeepsTheFormulaButNotTheValue() throws Exception {
    Reveal formulas = new Reveal(false, true);
    JsonNode step = stepNode(json(ReportFixtures.slip(), formulas), "net_h1");
    assertThat(step.get("formula").asText()).isEqualTo("w1 * i1 + w2 * i2 + b1");
    assertThat(step.get("expected").isNull()).isTrue();
    assertThat(step.get("feedback").asText()).isEqualTo("Incorrect: check w1 * i1 + w2 * i2 + b1.");
  }

  @Test
  void stepsComeInTheOrderOfTheAnswerSheet() throws Exception {
    List<String> order = new ArrayList<>();
    json(ReportFixtures.slip(), Reveal.ALL).get("steps").forEach(n -> order.add(n.get("step").asText()));
    assertThat(order).containsExactlyElementsOf(ReportFixtures.T.asked());
  }

  @Test
  void failedSubmissionExplainsWhy() throws Exception {
    GradedSubmission s = ReportFixtures.failedUnknown();
    String html = html(s, Reveal.ALL);
    assertThat(html).contains("This file could not be graded")
        .contains("the zip archive is truncated").doesNotContain("<table");
    JsonNode root = json(s, Reveal.ALL);
    assertThat(root.get("status").asText()).isEqualTo("failed");
    assertThat(root.get("score").isNull()).isTrue();
    assertThat(root.get("steps")).isEmpty();
  }

  @Test
  void taFlagsStayOutOfTheStudentsReport() {
    GradedSubmission s = ReportFixtures.misconception();
    assertThat(s.flags()).isNotEmpty();
    assertThat(html(s, Reveal.ALL)).doesNotContain("copying");
    assertThat(StudentReport.json(s, ReportFixtures.T, Reveal.ALL)).doesNotContain("copying");
  }

  @Test
  void jsonKeepsItsFieldOrder() throws Exception {
    List<String> fields = new ArrayList<>();
    json(ReportFixtures.slip(), Reveal.ALL).fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("studentId", "name", "variant", "file", "status", "error",
        "late", "template", "reveal", "score", "max", "percent", "counts", "firstDivergence",
        "steps", "misconceptions", "diagram");
  }

  @Test
  void questionsStartWithACapitalOnlyWhenTheyStartWithAWord() {
    assertThat(StudentReport.sentenceCase("net input of h1")).isEqualTo("Net input of h1");
    assertThat(StudentReport.sentenceCase("w5 after one update")).isEqualTo("w5 after one update");
    assertThat(StudentReport.sentenceCase("dE_total/dw5")).isEqualTo("dE_total/dw5");
  }

  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?(e-?[0-9]+)?");

  /** Every number written in a text, whole (so 0.5 is not found inside 0.5933). */
  static List<String> numbersIn(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  static JsonNode stepNode(JsonNode root, String step) {
    for (JsonNode n : root.get("steps")) {
      if (n.get("step").asText().equals(step)) {
        return n;
      }
    }
    throw new AssertionError("no step " + step);
  }

  static StepResult result(GradedSubmission s, String step) {
    return s.result().steps().stream().filter(r -> r.step().equals(step)).findFirst().orElseThrow();
  }

  @Test
  void sentenceCaseCapitalizesExactlyWhatItsPatternDescribes() {
    for (String q : List.of("net input of h1", "w5 after one update", "dE_total/dw5", "a b",
        "ab", "ab ", "abc def", "ab\ncd", "ab c\nd", "ab c\u2028d", "Ab c", "ab-c", "",
        "out of h1 \u2192 o1", "e", "ab\tc")) {
      String expected = q.matches("[a-z]{2,}( .*)?")
          ? Character.toUpperCase(q.charAt(0)) + q.substring(1) : q;
      assertThat(StudentReport.sentenceCase(q)).as(q).isEqualTo(expected);
    }
  }

  @Test
  void theReportBufferEncodesUtf8AsTheJdkDoesAndRefusesAnUnpairedSurrogate() throws Exception {
    String text = "plain ascii, caf\u00e9, \u2717 wrong \u21aa, math \ud835\udc64, end";
    StudentReport.TextBuffer b = new StudentReport.TextBuffer(4);
    for (int i = 0; i < 300; i++) {
      b.write(text);
      b.write('\n');
    }
    byte[] bytes = b.utf8();
    String all = (text + "\n").repeat(300);
    assertThat(bytes).isEqualTo(all.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    b.clear();
    b.write("again");
    assertThat(b.utf8()).isEqualTo("again".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    for (String bad : List.of("a\ud800", "a\ud800b", "\udc00a")) {
      StudentReport.TextBuffer lone = new StudentReport.TextBuffer(16);
      lone.write(bad);
      org.assertj.core.api.Assertions.assertThatThrownBy(lone::utf8)
          .isInstanceOf(java.nio.charset.CharacterCodingException.class);
    }
  }
}
