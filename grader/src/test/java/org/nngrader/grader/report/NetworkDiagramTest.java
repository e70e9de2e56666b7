package org.nngrader.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nngrader.bank.graph.GraphCompiler;
import org.nngrader.bank.model.Activation;
import org.nngrader.bank.model.BiasMode;
import org.nngrader.bank.model.Loss;
import org.nngrader.bank.model.Network;
import org.nngrader.bank.model.Notation;
import org.nngrader.bank.template.Template;
import org.nngrader.bank.template.Templates;
import org.nngrader.grader.engine.Verdict;
import org.w3c.dom.Document;

class NetworkDiagramTest {

  static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  static int count(Document d, String tag) {
    return d.getElementsByTagName(tag).getLength();
  }

  /** A 6-6-6 sigmoid network in the default notation, one update. */
  static Template wide() {
    Network net = new Network(List.of(6, 6, 6),
        List.of(Activation.parse("sigmoid"), Activation.parse("sigmoid")), Loss.HALF_SSE,
        BiasMode.SHARED, true, false, 1);
    Notation n = Notation.standard(net);
    return new Template("wide-6-6-6", "Wide", "", net, n, Map.of(), null, List.of(), List.of(1),
        6, GraphCompiler.compile(n, List.of(1)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"relu-2-1-1", "sigmoid-2-2-1", "sigmoid-2-2-2", "perceptron"})
  void everyBuiltinTemplateDrawsAsWellFormedSvgWithOneCirclePerNeuron(String id) throws Exception {
    Template t = Templates.builtin(id);
    Document d = parse(new NetworkDiagram(t, Map.of()).svg());
    int neurons = t.network().sizes().stream().mapToInt(Integer::intValue).sum();
    int edges = 0;
    for (int l = 1; l < t.network().depth(); l++) {
      edges += t.network().size(l) * t.network().size(l - 1);
    }
    assertThat(count(d, "circle")).isEqualTo(neurons);
    // One line per edge: the legend is HTML beside the drawing, not part of it.
    assertThat(count(d, "line")).isEqualTo(edges);
  }

  @Test
  void neuronsAreLabelledWithTheTemplatesNotation() {
    String svg = new NetworkDiagram(Templates.builtin("perceptron"), Map.of()).svg();
    assertThat(svg).contains(">x1</text>").contains(">y_hat</text>").contains(">w1</text>");
  }

  @Test
  void wrongNetOrOutStepMarksTheNeuronAndWrongGradientMarksTheEdge() {
    Template t = Templates.builtin("sigmoid-2-2-2");
    NetworkDiagram d = new NetworkDiagram(t, Map.of(
        "out_h2", Verdict.INCORRECT,
        "net_o1", Verdict.FOLLOW_THROUGH,
        "dE_total/dw6", Verdict.MISCONCEPTION,
        "w1+", Verdict.UNREADABLE,
        "w2+", Verdict.MISSING,
        "dE_total/dw3", Verdict.CORRECT));
    assertThat(d.markedNeurons()).containsExactly(
        new NetworkDiagram.Marked("out_h2", NetworkDiagram.Mark.WRONG),
        new NetworkDiagram.Marked("out_o1", NetworkDiagram.Mark.FOLLOW_THROUGH));
    assertThat(d.markedWeights()).containsExactly(
        new NetworkDiagram.Marked("w1", NetworkDiagram.Mark.WRONG),
        new NetworkDiagram.Marked("w6", NetworkDiagram.Mark.WRONG));
    String svg = d.svg();
    assertThat(svg).contains("<g class=\"edge wrong\"><title>w6: out_h2 \u2192 out_o1 (wrong")
        .contains(">\u2717 w6</text>")
        .contains("<g class=\"neuron wrong\"><title>out_h2 (wrong")
        .contains("<g class=\"neuron follow-through\"><title>out_o1 (follow-through")
        .contains("stroke-dasharray");
  }

  @Test
  void aWrongValueAfterTrainingMarksItsNeuron() {
    NetworkDiagram d = new NetworkDiagram(Templates.builtin("sigmoid-2-2-2"),
        Map.of("out_o2@10000", Verdict.INCORRECT));
    assertThat(d.markedNeurons()).containsExactly(
        new NetworkDiagram.Marked("out_o2", NetworkDiagram.Mark.WRONG));
  }

  @Test
  void wideLayersLabelOnlyMarkedEdgesAndStillFit() throws Exception {
    Template t = wide();
    NetworkDiagram d = new NetworkDiagram(t, Map.of("dE_total/dw40", Verdict.INCORRECT));
    Document doc = parse(d.svg());
    assertThat(count(doc, "circle")).isEqualTo(18);
    assertThat(count(doc, "line")).isEqualTo(72);
    // Neuron labels (18), the marked edge's label, its mark under no neuron.
    assertThat(count(doc, "text")).isEqualTo(18 + 1);
    assertThat(count(doc, "title")).isEqualTo(18 + 72);
    assertThat(d.svg()).contains(">\u2717 w40</text>").doesNotContain(">w1</text>");
    String height = doc.getDocumentElement().getAttribute("height");
    assertThat(Integer.parseInt(height)).isGreaterThan(6 * 80);
  }

  @Test
  void drawingIsTheSameForTheSameMarks() {
    Template t = Templates.builtin("sigmoid-2-2-2");
    assertThat(new NetworkDiagram(t, Map.of("net_h1", Verdict.INCORRECT)).svg())
        .isEqualTo(new NetworkDiagram(t, Collections.singletonMap("net_h1", Verdict.INCORRECT)).svg());
  }
}
