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
import org.nngrader.bank.diagram.NetworkDiagram;
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

class DiagramMarksTest {

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

  /** Where every line, neuron circle and label of a drawing is, sorted. */
  static List<String> positions(String svg) throws Exception {
    Document d = parse(svg);
    List<String> out = new java.util.ArrayList<>();
    for (String tag : List.of("line", "circle", "text")) {
      org.w3c.dom.NodeList nodes = d.getElementsByTagName(tag);
      for (int i = 0; i < nodes.getLength(); i++) {
        org.w3c.dom.Element e = (org.w3c.dom.Element) nodes.item(i);
        if (e.getAttribute("r").equals("10") || e.getTextContent().matches("[\u2717\u21aa]")) {
          continue; // a mark's symbol
        }
        StringBuilder b = new StringBuilder(tag);
        for (String a : List.of("x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r")) {
          b.append(' ').append(a).append('=').append(e.getAttribute(a));
        }
        out.add(b.toString());
      }
    }
    return out.stream().sorted().toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"relu-2-1-1", "sigmoid-2-2-1", "sigmoid-2-2-2", "perceptron"})
  void everyBuiltinTemplateDrawsAsWellFormedSvgWithOneCirclePerNeuron(String id) throws Exception {
    Template t = Templates.builtin(id);
    Document d = parse(new DiagramMarks(t, Map.of()).svg(t.defaults()));
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
  void withoutMarksTheReportDrawsTheProblemSheetsDiagram() {
    Template t = Templates.builtin("sigmoid-2-2-2");
    assertThat(new DiagramMarks(t, Map.of("net_h1", Verdict.CORRECT)).svg(t.defaults()))
        .isEqualTo(NetworkDiagram.svg(t, t.defaults()));
  }

  @Test
  void marksChangeColoursAndSymbolsButMoveNothing() throws Exception {
    Template t = Templates.builtin("sigmoid-2-2-2");
    String marked = new DiagramMarks(t, Map.of("out_h2", Verdict.INCORRECT,
        "net_o1", Verdict.FOLLOW_THROUGH, "dE_total/dw6", Verdict.MISCONCEPTION,
        "dE_total/dw1", Verdict.FOLLOW_THROUGH)).svg(t.defaults());
    assertThat(marked).contains("neuron wrong").contains("edge follow-through");
    assertThat(positions(marked)).isEqualTo(positions(NetworkDiagram.svg(t, t.defaults())));
  }

  @Test
  void neuronsAreLabelledWithTheTemplatesNotation() {
    Template t = Templates.builtin("perceptron");
    String svg = new DiagramMarks(t, Map.of()).svg(t.defaults());
    assertThat(svg).contains(">x1</text>").contains(">y_hat</text>").contains(">w1 = ");
  }

  @Test
  void wrongNetOrOutStepMarksTheNeuronAndWrongGradientMarksTheEdge() {
    Template t = Templates.builtin("sigmoid-2-2-2");
    DiagramMarks d = new DiagramMarks(t, Map.of(
        "out_h2", Verdict.INCORRECT,
        "net_o1", Verdict.FOLLOW_THROUGH,
        "dE_total/dw6", Verdict.MISCONCEPTION,
        "w1+", Verdict.UNREADABLE,
        "w2+", Verdict.MISSING,
        "dE_total/dw3", Verdict.CORRECT));
    assertThat(d.markedNeurons()).containsExactly(
        new DiagramMarks.Marked("out_h2", DiagramMarks.Level.WRONG),
        new DiagramMarks.Marked("out_o1", DiagramMarks.Level.FOLLOW_THROUGH));
    assertThat(d.markedWeights()).containsExactly(
        new DiagramMarks.Marked("w1", DiagramMarks.Level.WRONG),
        new DiagramMarks.Marked("w6", DiagramMarks.Level.WRONG));
    String svg = d.svg(t.defaults());
    assertThat(svg).contains("<g class=\"edge wrong\"><title>w6 = 0.45: out_h2 \u2192 out_o1 (wrong")
        .contains(">\u2717 w6 = 0.45</text>")
        .contains("<g class=\"neuron wrong\"><title>out_h2 (wrong")
        .contains("<g class=\"neuron follow-through\"><title>out_o1 (follow-through")
        .contains("stroke-dasharray")
        .contains("the wrong quantities are marked</title>");
  }

  @Test
  void aWrongValueAfterTrainingMarksItsNeuron() {
    DiagramMarks d = new DiagramMarks(Templates.builtin("sigmoid-2-2-2"),
        Map.of("out_o2@10000", Verdict.INCORRECT));
    assertThat(d.markedNeurons()).containsExactly(
        new DiagramMarks.Marked("out_o2", DiagramMarks.Level.WRONG));
  }

  @Test
  void wideLayersLabelOnlyMarkedEdgesAndStillFit() throws Exception {
    Template t = wide();
    DiagramMarks d = new DiagramMarks(t, Map.of("dE_total/dw40", Verdict.INCORRECT));
    Document doc = parse(d.svg(Map.of()));
    assertThat(count(doc, "circle")).isEqualTo(18);
    assertThat(count(doc, "line")).isEqualTo(72);
    // Neuron names (18), input values (6), biases (12), activations (2), targets (6, on two
    // lines each), the learning rate and the marked edge's label.
    assertThat(count(doc, "text")).isEqualTo(18 + 6 + 12 + 2 + 2 * 6 + 1 + 1);
    // The drawing's title, a tooltip per neuron and per edge.
    assertThat(count(doc, "title")).isEqualTo(1 + 18 + 72);
    assertThat(d.svg(Map.of())).contains(">\u2717 w40 = ?</text>").doesNotContain(">w1 = ?</text>");
    String height = doc.getDocumentElement().getAttribute("height");
    assertThat(Integer.parseInt(height)).isGreaterThan(6 * 80);
  }

  @Test
  void drawingIsTheSameForTheSameMarks() {
    Template t = Templates.builtin("sigmoid-2-2-2");
    assertThat(new DiagramMarks(t, Map.of("net_h1", Verdict.INCORRECT)).svg(t.defaults()))
        .isEqualTo(new DiagramMarks(t, Collections.singletonMap("net_h1", Verdict.INCORRECT))
            .svg(t.defaults()));
  }
}
