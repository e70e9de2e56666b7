package org.nngrader.bank.solution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nngrader.bank.math.MathProse;
import org.nngrader.bank.symbolic.SymbolicSolver;
import org.nngrader.bank.template.Template;
import org.nngrader.bank.template.TemplateLoader;
import org.nngrader.bank.template.Templates;

class WorkedSolutionTest {

  @Test
  void aNumericSolutionHasNoSymbolsAndAnswersInTheTemplatesOrder() {
    Template t = Templates.builtin("relu-2-1-1");
    WorkedSolution s = WorkedSolution.of(t, t.solve(Map.of()));

    assertThat(s.isSymbolic()).isFalse();
    assertThat(s.symbols()).isEmpty();
    assertThat(s.expressions()).isEmpty();
    assertThat(s.answers()).isEqualTo(s.asked());
    assertThat(s.answers().keySet()).containsExactlyElementsOf(t.asked());
  }

  @Test
  void aPageWritesAPartInWordsAsASentenceAndWrapsFormulasBetweenTerms() {
    Template t = Templates.builtin("sigmoid-2-2-2");
    String html = SolutionFormat.html(WorkedSolution.of(t, t.solve(Map.of())), t, "s1", "v1",
        t.asked());
    // What training gives is said in words beside the math, not drawn as a product of words.
    assertThat(html).contains("</math> after 10000 updates (repeat forward pass, backward pass"
        + " and update 10000 times)</span>")
        .doesNotContain("<mi>after</mi>").doesNotContain("<mi>repeat</mi>");
    // A substituted sum is one element per term: a phone wraps it instead of cutting it off.
    assertThat(html).contains("<annotation encoding=\"text/plain\">= 0.15 * 0.05 +</annotation>");
    assertThat(SolutionFormat.words("w5 - eta * dE_total/dw5", MathProse.names(t))).isFalse();
    assertThat(SolutionFormat.words("1/(1 + exp(-net_h1))", MathProse.names(t))).isFalse();
  }

  @Test
  void aStepWithoutAnExpressionPrintsItsNumber() {
    WorkedSolution.Step step = new WorkedSolution.Step("z1", "net input", "w1 * x1", "", 1.4, true);

    assertThat(step.expression()).isEmpty();
    assertThat(step.result()).isEqualTo("1.4");
    assertThat(SolutionFormat.line(step)).isEqualTo("z1 = w1 * x1 = 1.4");
  }

  @Test
  void aQuantityLeftAsASymbolIsNotEquatedWithItself() {
    WorkedSolution.Step step = new WorkedSolution.Step("dL/dy_hat", "left abstract", "dL/dy_hat",
        "", Double.NaN, false, "dL/dy_hat");

    assertThat(SolutionFormat.line(step)).isEqualTo("dL/dy_hat");
  }

  @Test
  void aSymbolicSolutionAnswersNumbersAsNumbersAndExpressionsAsText() {
    WorkedSolution s = WorkedSolution.of(
        SymbolicSolver.solve(Templates.builtin("exp-output-2-2-1"), Map.of()));

    assertThat(s.isSymbolic()).isTrue();
    assertThat(s.answers().keySet()).containsExactly(
        "p", "dJ/dw5", "dJ/dw6", "dJ/dw1", "dJ/dw2", "dJ/dw3", "dJ/dw4");
    assertThat(s.answers().get("p")).isInstanceOf(Double.class);
    assertThat(s.answers().get("dJ/dw5")).isEqualTo("-0.559745425 * y + 0.608383841");
    assertThat(s.sections()).extracting(WorkedSolution.Section::title).startsWith(
        "Forward pass", "Chain rule for dJ/dw5");
  }

  @Test
  void aGradientWithSeveralPathsShowsEachFactorOnceAndTheSumOfTheProducts() {
    Template t = TemplateLoader.parse("two.yaml", """
        id: two
        title: Two outputs
        network:
          layers: [1, 1, 2]
          activations: [f, g]
          loss: abstract
          bias: none
        defaults: {i1: 2, w1: 0.5, w2: 3, w3: -4}
        asked: [dE_total/dw1]
        """);
    WorkedSolution s = WorkedSolution.of(SymbolicSolver.solve(t, Map.of()));

    WorkedSolution.Section chain = s.sections().get(s.sections().size() - 1);
    List<String> ids = chain.steps().stream().map(WorkedSolution.Step::id).toList();
    assertThat(ids).containsExactly("dE_total/dout_o1", "dout_o1/dnet_o1", "dnet_o1/dout_h1",
        "dout_h1/dnet_h1", "dnet_h1/dw1", "dE_total/dout_o2", "dout_o2/dnet_o2",
        "dnet_o2/dout_h1", "dE_total/dw1");
    WorkedSolution.Step gradient = chain.steps().get(ids.size() - 1);
    assertThat(gradient.symbolic()).isEqualTo(
        "dE_total/dout_o1 * dout_o1/dnet_o1 * dnet_o1/dout_h1 * dout_h1/dnet_h1 * dnet_h1/dw1"
            + " + dE_total/dout_o2 * dout_o2/dnet_o2 * dnet_o2/dout_h1 * dout_h1/dnet_h1"
            + " * dnet_h1/dw1");
    assertThat(gradient.numeric()).isEqualTo(
        "dE_total/dout_o1 * g'(net_o1) * 3 * f'(1) * 2"
            + " + dE_total/dout_o2 * g'(net_o2) * (-4) * f'(1) * 2");
    assertThat(gradient.result()).isEqualTo(
        "6 * dE_total/dout_o1 * g'(net_o1) * f'(1) - 8 * dE_total/dout_o2 * g'(net_o2) * f'(1)");
  }
}
