package org.nngrader.bank.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;
import org.nngrader.bank.template.Template;
import org.nngrader.bank.template.Templates;
import org.w3c.dom.Document;

class NetworkDiagramTest {

  static final java.util.List<String> IDS = Templates.BUILTIN;

  static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest
  @FieldSource("IDS")
  void everyBuiltinDrawsWellFormedSvgWithEveryGivenValue(String id) throws Exception {
    Template t = Templates.builtin(id);
    String svg = NetworkDiagram.svg(t, t.defaults());
    Document doc = parse(svg);
    int neurons = t.network().sizes().stream().mapToInt(Integer::intValue).sum();
    assertThat(doc.getElementsByTagName("circle").getLength()).isEqualTo(neurons);
    int edges = 0;
    for (int l = 1; l < t.network().depth(); l++) {
      edges += t.network().size(l) * t.network().size(l - 1);
    }
    assertThat(doc.getElementsByTagName("line").getLength()).isEqualTo(edges);
    String text = doc.getDocumentElement().getTextContent();
    t.defaults().forEach((p, v) ->
        assertThat(text).as(p).contains(p + " = " + org.nngrader.bank.model.Numbers.given(v)));
    assertThat(NetworkDiagram.svg(t, t.defaults())).isEqualTo(svg);
  }

  @Test
  void classicExampleLabelsEdgesBiasesAndTargets() {
    Template t = Templates.builtin("sigmoid-2-2-2");
    String svg = NetworkDiagram.svg(t, t.defaults());
    assertThat(svg).contains(">w5 = 0.4</text>").contains(">b1 = 0.35 (shared by the layer)</text>")
        .contains(">target_o1 = 0.01</text>").contains(">i2 = 0.1</text>")
        .contains(">learning rate eta = 0.5</text>").contains(">sigmoid</text>");
  }

  @Test
  void namesAreEscaped() {
    assertThat(NetworkDiagram.esc("a<b & \"c\">")).isEqualTo("a&lt;b &amp; &quot;c&quot;&gt;");
    Template t = Templates.builtin("relu-2-1-1");
    assertThat(NetworkDiagram.svg(t, Map.of())).contains(">w1 = ?</text>");
  }
}
