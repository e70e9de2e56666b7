package org.nngrader.bank.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.nngrader.bank.model.Numbers;
import org.nngrader.bank.template.Template;
import org.nngrader.bank.template.Templates;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class NetworkDiagramTest {

  static final List<String> IDS = Templates.BUILTIN;

  /** The width a phone of 390 px leaves a page's drawing (its body has .6rem padding). */
  static final double PHONE = 390 - 2 * 9.6;

  static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  static List<Element> all(Document d, String tag) {
    NodeList nodes = d.getElementsByTagName(tag);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }

  static double attr(Element e, String name) {
    return Double.parseDouble(e.getAttribute(name));
  }

  /** Every label's lines, one label a string (the lines of a label joined by spaces). */
  static String labels(Document d) {
    StringBuilder b = new StringBuilder();
    for (Element t : all(d, "text")) {
      b.append(t.getTextContent()).append(' ');
    }
    return b.toString();
  }

  @ParameterizedTest
  @FieldSource("IDS")
  void everyBuiltinDrawsWellFormedSvgWithEveryGivenValue(String id) throws Exception {
    Template t = Templates.builtin(id);
    String svg = NetworkDiagram.svg(t, t.defaults());
    Document doc = parse(svg);
    int neurons = t.network().sizes().stream().mapToInt(Integer::intValue).sum();
    assertThat(all(doc, "circle")).hasSize(neurons);
    int edges = 0;
    for (int l = 1; l < t.network().depth(); l++) {
      edges += t.network().size(l) * t.network().size(l - 1);
    }
    assertThat(all(doc, "line")).hasSize(edges);
    String text = labels(doc);
    t.defaults().forEach((p, v) ->
        assertThat(text).as(p).contains(p + " = " + Numbers.given(v) + " "));
    assertThat(NetworkDiagram.svg(t, t.defaults())).isEqualTo(svg);
  }

  @ParameterizedTest
  @FieldSource("IDS")
  void labelsStayLegibleWhenAPhoneShrinksTheDrawing(String id) throws Exception {
    Template t = Templates.builtin(id);
    Element svg = parse(NetworkDiagram.svg(t, t.defaults())).getDocumentElement();
    double width = Double.parseDouble(svg.getAttribute("viewBox").split(" ")[2]);
    assertThat(svg.getAttribute("width")).isEqualTo(svg.getAttribute("viewBox").split(" ")[2]);
    double px = NetworkDiagram.FONT * Math.min(1, PHONE / width);
    assertThat(px).as("label size in CSS px at 390 px").isGreaterThanOrEqualTo(10);
    // No label sets a smaller size of its own.
    assertThat(NetworkDiagram.svg(t, t.defaults())).doesNotContainPattern("font-size=\"(?!14\")")
        .contains("font-size=\"14\"");
  }

  @ParameterizedTest
  @FieldSource("IDS")
  void labelBoxesCoverNoOtherLabelAndNoNeuron(String id) throws Exception {
    Template t = Templates.builtin(id);
    assertNoLabelCoversAnother(id, parse(NetworkDiagram.svg(t, t.defaults())), t);
  }

  /**
   * A report marks every weight of a student who got them all wrong: each edge label then
   * carries its mark's symbol and fills the room kept for it, with values as wide as a variant
   * draws them ({@code -0.88}); the bias above a centred layer's neuron, which edges reach from
   * above, must still leave them room.
   */
  @ParameterizedTest
  @FieldSource("IDS")
  void markedLabelsOfTheWidestValuesCoverNoOtherLabelAndNoNeuron(String id) throws Exception {
    Template t = Templates.builtin(id);
    Map<String, Double> wide = new java.util.TreeMap<>();
    t.defaults().forEach((k, v) -> wide.put(k, -0.88));
    Mark wrong = new Mark("wrong", "#c62828", false, "\u2717", "wrong: a test");
    Overlay everything = new Overlay() {
      @Override
      public Mark neuron(int layer, int j) {
        return wrong;
      }

      @Override
      public Mark weight(int layer, int j, int k) {
        return wrong;
      }
    };
    assertNoLabelCoversAnother(id, parse(NetworkDiagram.svg(t, wide, everything)), t);
  }

  private static void assertNoLabelCoversAnother(String id, Document doc, Template t) {
    List<double[]> boxes = new ArrayList<>();
    for (Element r : all(doc, "rect")) {
      if (r.hasAttribute("x")) {
        boxes.add(new double[] {attr(r, "x"), attr(r, "y"), attr(r, "width"), attr(r, "height")});
      }
    }
    assertThat(boxes).hasSizeGreaterThan(t.network().inputs());
    double width = Double.parseDouble(doc.getDocumentElement().getAttribute("width"));
    for (double[] p : boxes) {
      assertThat(p[0]).as(id + ": a label box left of the drawing").isNotNegative();
      assertThat(p[0] + p[2]).as(id + ": a label box right of the drawing")
          .isLessThanOrEqualTo(width);
    }
    for (int a = 0; a < boxes.size(); a++) {
      for (int b = a + 1; b < boxes.size(); b++) {
        double[] p = boxes.get(a);
        double[] q = boxes.get(b);
        boolean overlap = p[0] < q[0] + q[2] && q[0] < p[0] + p[2] && p[1] < q[1] + q[3]
            && q[1] < p[1] + p[3];
        assertThat(overlap).as(id + ": label boxes %s and %s", a, b).isFalse();
      }
    }
    for (Element c : all(doc, "circle")) {
      double cx = attr(c, "cx");
      double cy = attr(c, "cy");
      for (double[] p : boxes) {
        double dx = Math.max(p[0] - cx, Math.max(0, cx - p[0] - p[2]));
        double dy = Math.max(p[1] - cy, Math.max(0, cy - p[1] - p[3]));
        assertThat(Math.hypot(dx, dy)).as(id + ": a label box on a neuron")
            .isGreaterThan(attr(c, "r"));
      }
    }
  }

  @Test
  void classicExampleLabelsEdgesBiasesAndTargets() {
    Template t = Templates.builtin("sigmoid-2-2-2");
    String svg = NetworkDiagram.svg(t, t.defaults());
    assertThat(svg).contains(">w5 = 0.4</text>").contains(">i2 = 0.1</text>")
        .contains(">target_o1</text>").contains(">= 0.01</text>")
        .contains(">learning rate eta = 0.5</text>").contains(">sigmoid</text>");
    // The bias a layer shares is written beside each of its neurons.
    assertThat(svg.split(">b1 = 0.35</text>", -1)).hasSize(3);
    assertThat(NetworkDiagram.caption(t)).isEqualTo("Each edge is labelled with its weight;"
        + " the bias a layer shares is written beside each of its neurons; input values are"
        + " beside the inputs, targets right of the outputs.");
  }

  @Test
  void longNamesGoOnTwoLines() {
    Template t = Templates.builtin("sigmoid-2-2-1");
    String svg = NetworkDiagram.svg(t, t.defaults());
    assertThat(svg).containsPattern(">w11\\^\\[1\\]</text><text [^>]*>= -?[0-9.]+</text>");
  }

  @Test
  void anOverlayMarksWithoutMovingAnything() throws Exception {
    Template t = Templates.builtin("sigmoid-2-2-2");
    Mark wrong = new Mark("wrong", "#c62828", false, "\u2717", "wrong: a test");
    Mark ft = new Mark("follow-through", "#1f5fa8", true, "\u21aa", "follow-through: a test");
    String marked = NetworkDiagram.svg(t, t.defaults(), new Overlay() {
      @Override
      public Mark neuron(int layer, int j) {
        return layer == 1 && j == 1 ? wrong : null;
      }

      @Override
      public Mark weight(int layer, int j, int k) {
        return layer == 2 && j == 0 ? ft : null;
      }

      @Override
      public String description() {
        return "marked";
      }
    });
    assertThat(marked).contains("<g class=\"neuron wrong\"><title>out_h2 (wrong: a test)")
        .contains("<g class=\"edge follow-through\"><title>w5 = 0.4: out_h1 \u2192 out_o1"
            + " (follow-through: a test)")
        .contains(">\u21aa w5 = 0.4</text>").contains("stroke-dasharray")
        .contains("layers [2, 2, 2]; marked</title>");
    Document plain = parse(NetworkDiagram.svg(t, t.defaults()));
    Document over = parse(marked);
    for (String tag : List.of("line", "text")) {
      List<String> a = new ArrayList<>();
      List<String> b = new ArrayList<>();
      all(plain, tag).forEach(e -> a.add(e.getAttribute("x") + e.getAttribute("x1") + ","
          + e.getAttribute("y") + e.getAttribute("y1")));
      all(over, tag).stream().filter(e -> !e.getTextContent().matches("[\u2717\u21aa]"))
          .forEach(e -> b.add(e.getAttribute("x") + e.getAttribute("x1") + ","
              + e.getAttribute("y") + e.getAttribute("y1")));
      assertThat(b).as(tag).containsExactlyInAnyOrderElementsOf(a);
    }
  }

  @Test
  void namesAreEscaped() {
    assertThat(NetworkDiagram.esc("a<b & \"c\">")).isEqualTo("a&lt;b &amp; &quot;c&quot;&gt;");
    Template t = Templates.builtin("relu-2-1-1");
    assertThat(NetworkDiagram.svg(t, Map.of())).contains(">w1 = ?</text>");
  }
}
