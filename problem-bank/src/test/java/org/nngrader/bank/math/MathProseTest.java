package org.nngrader.bank.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nngrader.bank.template.Templates;

class MathProseTest {

  static final Set<String> CLASSIC = MathProse.names(Templates.builtin("sigmoid-2-2-2"));
  static final Set<String> SYMBOLIC = MathProse.names(Templates.builtin("symbolic-3-2-1"));

  static final String KEPT = "<span style=\"white-space:nowrap\">";

  /** A sentence as HTML, without the spans that keep punctuation with its formula. */
  static String html(String text) {
    return unkept(MathProse.html(text, CLASSIC));
  }

  static String unkept(String html) {
    return html.replaceAll(KEPT.replace("\"", "\\\"") + "(.*?</math>[^<\\s]*)</span>", "$1");
  }

  @Test
  void theExercisesNamesAreKnown() {
    assertThat(CLASSIC).contains("net_h1", "out_o2", "w5", "E_total", "E_o1", "eta", "h1", "o2",
        "target_o1", "b1", "i2").doesNotContain("dE_total/dw5", "w5+", "E_total@10000");
    assertThat(SYMBOLIC).contains("f", "f'", "g'", "y_hat", "L");
  }

  @Test
  void aFormulaInFeedbackIsMathAndTheWordsAroundItText() {
    assertThat(html("Incorrect: check out_o1*(1 - out_o1)."))
        .isEqualTo("Incorrect: check " + MathMl.inline("out_o1*(1 - out_o1)") + ".");
    assertThat(html("It follows from your answers to dout_o1/dnet_o1, dE_o1/dnet_o1 (expected"
        + " 0.05904538).")).isEqualTo("It follows from your answers to "
        + MathMl.inline("dout_o1/dnet_o1") + ", " + MathMl.inline("dE_o1/dnet_o1")
        + " (expected 0.05904538).");
  }

  @Test
  void namesAloneAreMathAndEnglishStaysText() {
    assertThat(html("w5 after one update")).isEqualTo(MathMl.inline("w5") + " after one update");
    assertThat(html("E_total after 10000 updates, E_total@10000"))
        .isEqualTo(MathMl.inline("E_total") + " after 10000 updates, "
            + MathMl.inline("E_total@10000"));
    assertThat(html("a leaky_relu(0.01) or 25 later steps; the follow-through credit"))
        .isEqualTo("a leaky_relu(0.01) or 25 later steps; the follow-through credit");
    assertThat(html("How the error of o1 changes with out_h1's value"))
        .isEqualTo("How the error of " + MathMl.inline("o1") + " changes with "
            + MathMl.inline("out_h1") + "&#39;s value");
  }

  @Test
  void parenthesesThatOpenProseStayText() {
    assertThat(html("It is dout_o1/dnet_o1 = out_o1*(1 - out_o1) (derivative of o1's"
        + " activation (sigmoid))."))
        .isEqualTo("It is " + MathMl.inline("dout_o1/dnet_o1 = out_o1*(1 - out_o1)")
            + " (derivative of " + MathMl.inline("o1") + "&#39;s activation (sigmoid)).");
    assertThat(html("(w3 by each output's error, dE_o1/dnet_o1, ...)"))
        .isEqualTo("(" + MathMl.inline("w3") + " by each output&#39;s error, "
            + MathMl.inline("dE_o1/dnet_o1") + ", ...)");
  }

  @Test
  void sumsUpdatesAndAbstractFunctions() {
    assertThat(html("net input of o1, w5 * out_h1 + w6 * out_h2 + b2; then w5+ = w5 - eta * x"))
        .isEqualTo("net input of " + MathMl.inline("o1") + ", "
            + MathMl.inline("w5 * out_h1 + w6 * out_h2 + b2") + "; then "
            + MathMl.inline("w5+ = w5 - eta") + " * x");
    assertThat(unkept(MathProse.html("using dL/dy_hat, g'(z_out), f and f' (f'(-4.2) is the"
        + " derivative of f at -4.2)", SYMBOLIC)))
        .isEqualTo("using " + MathMl.inline("dL/dy_hat") + ", " + MathMl.inline("g'(z_out)")
            + ", " + MathMl.inline("f") + " and " + MathMl.inline("f'") + " ("
            + MathMl.inline("f'(-4.2)") + " is the derivative of " + MathMl.inline("f")
            + " at -4.2)");
  }

  @Test
  void genericNamesAreMathOnlyInAFormula() {
    Set<String> generic = Set.of("target", "out", "net", "E", "w");
    assertThat(unkept(MathProse.html("Sign of dE/dout reversed (target - out instead of"
        + " out - target), left out", CLASSIC, generic))).isEqualTo("Sign of " + MathMl.inline("dE/dout")
        + " reversed (" + MathMl.inline("target - out") + " instead of "
        + MathMl.inline("out - target") + "), left out");
    assertThat(html("left out")).isEqualTo("left out");
  }

  @Test
  void punctuationWrittenAgainstAFormulaStaysOnItsLine() {
    // A browser may break a line on either side of a <math>: ")" must not start a line.
    assertThat(MathProse.html("an expression in w5). Then (h1 and o1's", CLASSIC))
        .isEqualTo("an expression in " + KEPT + MathMl.inline("w5") + ").</span> Then " + KEPT
            + "(" + MathMl.inline("h1") + "</span> and " + KEPT + MathMl.inline("o1")
            + "&#39;s</span>");
    assertThat(MathProse.html("with w5 and h1", CLASSIC)).doesNotContain("<span");
  }

  static final Set<String> GENERIC = Set.of("target", "out", "net", "E", "w", "n", "eta");

  static String generic(String text, Set<String> names) {
    return unkept(MathProse.html(text, names, GENERIC));
  }

  @Test
  void aGenericNameBesideANameWithoutAnOperatorIsAWord() {
    Set<String> exp = MathProse.names(Templates.builtin("exp-output-2-2-1"));
    assertThat(generic("p; the target y is unknown, so this is an expression in y)", exp))
        .isEqualTo(MathMl.inline("p") + "; the target " + MathMl.inline("y")
            + " is unknown, so this is an expression in " + MathMl.inline("y") + ")");
  }

  @Test
  void theDerivativeOfAnExpressionIsOneFormula() {
    String m = generic("the inner derivative d(target - out)/dout = -1. Using", CLASSIC);
    assertThat(m).isEqualTo("the inner derivative "
        + MathMl.inline("d(target - out)/dout = -1") + ". Using");
    assertThat(MathMl.body("d(target - out)/dout")).isEqualTo("<mrow><mfrac><mrow><mo>\u2202</mo>"
        + "<mrow><mo>(</mo><mi>target</mi><mo>\u2212</mo><mi>out</mi><mo>)</mo></mrow></mrow>"
        + "<mrow><mo>\u2202</mo><mi>out</mi></mrow></mfrac></mrow>");
    // d followed by parentheses and no derivative stays what it was.
    assertThat(generic("a d(x) here", CLASSIC)).isEqualTo("a d(x) here");
  }

  @Test
  void theCataloguesFormulasAreWholeInEveryBuiltinTemplate() {
    for (String t : new String[] {"sigmoid-2-2-2", "relu-2-1-1", "symbolic-3-2-1"}) {
      Set<String> names = MathProse.names(Templates.builtin(t));
      assertThat(generic("so dE_total/dout_h is the sum (dE_o1/dout_h + dE_o2/dout_h + ...).",
          names)).as(t).isEqualTo("so " + MathMl.inline("dE_total/dout_h") + " is the sum ("
          + MathMl.inline("dE_o1/dout_h + dE_o2/dout_h + ...") + ").");
      assertThat(generic("moves against it: w+ = w - eta * dE/dw. You", names)).as(t)
          .isEqualTo("moves against it: " + MathMl.inline("w+ = w - eta * dE/dw") + ". You");
      assertThat(generic("weights (w+) for dnet/dout_h.", names)).as(t)
          .isEqualTo("weights (" + MathMl.inline("w+") + ") for "
              + MathMl.inline("dnet/dout_h") + ".");
      assertThat(generic("Use out (or, equivalently, sigma(net)(1 - sigma(net))).", names))
          .as(t).isEqualTo("Use out (or, equivalently, "
              + MathMl.inline("sigma(net)(1 - sigma(net))") + ").");
      assertThat(generic("the loss (1/n instead of 1/2)", names)).as(t)
          .isEqualTo("the loss (" + MathMl.inline("1/n") + " instead of 1/2)");
    }
    assertThat(MathMl.body("sigma(net)")).contains("<mi>\u03c3</mi><mo>&#x2061;</mo>");
    assertThat(MathMl.body("a + ...")).endsWith("<mo>+</mo><mo>\u2026</mo></mrow>");
  }

  @Test
  void textIsEscaped() {
    assertThat(html("<b>&\"x\"</b> w1")).isEqualTo("&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt; "
        + MathMl.inline("w1"));
    assertThat(MathProse.html(null, CLASSIC)).isEmpty();
  }

  @Test
  void aWordThatStartsWithALetterBeyondAsciiIsTextNotAnError() {
    assertThat(html("\u03b7 = 0.5 for w5")).isEqualTo("\u03b7 = 0.5 for " + MathMl.inline("w5"));
    assertThat(html("\u00e9t\u00e9 w5")).isEqualTo("\u00e9t\u00e9 " + MathMl.inline("w5"));
  }
}
