package org.nngrader.bank.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nngrader.bank.model.BiasMode;
import org.nngrader.bank.model.Network;
import org.nngrader.bank.model.Notation;
import org.nngrader.bank.model.Numbers;
import org.nngrader.bank.template.SymbolicSpec;
import org.nngrader.bank.template.Template;

/**
 * An SVG drawing of a template's network with one student's values: a column of circles per
 * layer, every edge labelled with its weight's name and value, biases above the neurons,
 * input values on the left, targets on the right, the activation under each neuron and the
 * learning rate and loss underneath. Black on white with a white halo behind labels, so it
 * reads on screen and on paper. With several training examples the inputs and targets are
 * named only (their values are in the table of given values). Pure function of its inputs.
 */
public final class NetworkDiagram {

  private static final int RADIUS = 26;
  private static final int COLUMN = 230;
  private static final int ROW = 120;
  private static final int LEFT = 130;
  private static final int TOP = 40;
  private static final int BOTTOM = 70;
  /** Where along an edge (0 at the source) its label may go, in order of preference. */
  private static final double[] LABEL_POSITIONS =
      {0.3, 0.22, 0.38, 0.16, 0.46, 0.54, 0.62, 0.7, 0.78};
  /** Approximate width of a character at the 13px font size, for layout. */
  private static final double CHAR = 7.4;

  private final Template template;
  private final Network net;
  private final Notation n;
  private final Map<String, Double> values;
  private final StringBuilder svg = new StringBuilder();
  private final int rows;
  /** What a symbolic template leaves abstract; null for a numeric template. */
  private final SymbolicSpec symbolic;

  private NetworkDiagram(Template template, Map<String, Double> values) {
    this.template = template;
    this.net = template.network();
    this.n = template.notation();
    this.values = values;
    this.rows = net.sizes().stream().mapToInt(Integer::intValue).max().orElse(1);
    this.symbolic = template.symbolic();
  }

  /**
   * The diagram as an {@code <svg>} element (no XML declaration), for inlining in HTML.
   *
   * @param values the given values (inputs, weights, biases, targets, rate) by id
   */
  public static String svg(Template template, Map<String, Double> values) {
    return new NetworkDiagram(template, values).draw();
  }

  private String draw() {
    int longest = 0;
    for (int j = 0; j < net.outputs(); j++) {
      longest = Math.max(longest, targetLabel(j).length());
    }
    int width = LEFT + (net.depth() - 1) * COLUMN + RADIUS + 24 + (int) (longest * CHAR);
    int height = TOP + rows * ROW + BOTTOM;
    svg.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"network\" width=\"%d\" height=\"%d\""
            + " viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"network-title\""
            + " font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"13\">\n",
        width, height, width, height));
    svg.append("<title id=\"network-title\">").append(esc("Network of " + template.title()
        + ": layers " + net.sizes())).append("</title>\n");
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
    svg.append("<g class=\"edges\" stroke=\"#333\" stroke-width=\"1.4\">\n");
    for (int l = 1; l < net.depth(); l++) {
      for (int j = 0; j < net.size(l); j++) {
        for (int k = 0; k < net.size(l - 1); k++) {
          line(x(l - 1) + RADIUS, y(l - 1, k), x(l) - RADIUS, y(l, j));
        }
      }
    }
    svg.append("</g>\n<g class=\"weights\" text-anchor=\"middle\" font-size=\"12\">\n");
    for (int l = 1; l < net.depth(); l++) {
      List<double[]> placed = new ArrayList<>();
      for (int j = 0; j < net.size(l); j++) {
        for (int k = 0; k < net.size(l - 1); k++) {
          weightLabel(l, j, k, placed);
        }
      }
    }
    svg.append("</g>\n<g class=\"neurons\">\n");
    for (int l = 0; l < net.depth(); l++) {
      for (int j = 0; j < net.size(l); j++) {
        neuron(l, j);
      }
    }
    svg.append("</g>\n");
    footer(height);
    svg.append("</svg>\n");
    return svg.toString();
  }

  /**
   * The label of one edge, on the edge, at the first position along it (from a list tried in
   * order) where its box does not cover a label already placed between the same two layers.
   */
  private void weightLabel(int l, int j, int k, List<double[]> placed) {
    double x0 = x(l - 1) + RADIUS;
    double y0 = y(l - 1, k);
    double x1 = x(l) - RADIUS;
    double y1 = y(l, j);
    String w = n.weight(l, j, k);
    String label = w + " = " + value(w);
    double half = label.length() * CHAR * 12 / 13 / 2 + 3;
    double[] box = null;
    for (double t : LABEL_POSITIONS) {
      double[] b = {x0 + (x1 - x0) * t - half, y0 + (y1 - y0) * t - 8, 2 * half, 16};
      if (box == null) {
        box = b;
      }
      if (placed.stream().noneMatch(p -> overlap(p, b))) {
        box = b;
        break;
      }
    }
    placed.add(box);
    // An opaque box, so the label reads even where the edge (or another) passes under it.
    svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\""
        + " height=\"16\" fill=\"#fff\" stroke=\"#999\" stroke-width=\"0.6\" rx=\"3\"/>\n",
        box[0], box[1], box[2]));
    text(box[0] + half, box[1] + 12, "", label);
  }

  private static boolean overlap(double[] a, double[] b) {
    double pad = 2;
    return a[0] < b[0] + b[2] + pad && b[0] < a[0] + a[2] + pad
        && a[1] < b[1] + b[3] + pad && b[1] < a[1] + a[3] + pad;
  }

  private void neuron(int l, int j) {
    double cx = x(l);
    double cy = y(l, j);
    String name = l == 0 ? stripExample(n.input(j, 0)) : stripExample(n.out(l, j, 0));
    svg.append(String.format(Locale.ROOT,
        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" fill=\"%s\" stroke=\"#000\" stroke-width=\"1.6\"/>\n",
        cx, cy, RADIUS, l == 0 ? "#f2f2f2" : "#fff"));
    int size = name.length() > 7 ? 10 : name.length() > 5 ? 11 : 13;
    text(cx, cy + 4, "text-anchor=\"middle\" font-weight=\"bold\" font-size=\"" + size + "\"", name);
    if (l == 0) {
      String x = n.input(j, 0);
      String label = net.examples() == 1 ? x + " = " + value(x) : stripExample(x);
      text(cx - RADIUS - 8, cy + 4, "text-anchor=\"end\"", label);
      return;
    }
    text(cx, cy + RADIUS + 16, "text-anchor=\"middle\" font-style=\"italic\" font-size=\"11\""
        + " fill=\"#333\"", activation(l));
    String b = n.bias(l, j);
    if (b != null && (net.biasMode() == BiasMode.PER_NEURON || j == 0)) {
      String label = b + " = " + value(b)
          + (net.biasMode() == BiasMode.SHARED && net.size(l) > 1 ? " (shared by the layer)" : "");
      text(cx, cy - RADIUS - 8, "text-anchor=\"middle\" font-size=\"12\"", label);
    }
    if (net.isOutput(l) && !targetLabel(j).isEmpty()) {
      text(cx + RADIUS + 8, cy + 4, "text-anchor=\"start\"", targetLabel(j));
    }
  }

  /**
   * The activation under a neuron: its id, or the abstract function of a symbolic template
   * (whose network carries a linear stand-in there).
   */
  private String activation(int l) {
    return symbolic == null ? net.activation(l).id()
        : symbolic.activation(l).map(f -> f + " (abstract)").orElse(net.activation(l).id());
  }

  /** The target beside an output; empty when a symbolic exercise's loss is abstract. */
  private String targetLabel(int j) {
    String t = n.target(j, 0);
    String name = stripExample(t);
    String label = name.toLowerCase(Locale.ROOT).contains("target") ? name : "target " + name;
    if (symbolic != null) {
      if (symbolic.abstractLoss()) {
        return "";
      }
      if (symbolic.unknowns().contains(t)) {
        return label + " (unknown)";
      }
    }
    return net.examples() == 1 ? label + " = " + value(t) : label;
  }

  private void footer(int height) {
    if (symbolic != null) {
      // No update is asked, and an abstract loss has no formula.
      text(12, height - 18, "", "loss: " + (symbolic.abstractLoss()
          ? n.total() + ", left abstract" : net.loss().description()));
      return;
    }
    String rate = n.rate();
    text(12, height - 40, "", "learning rate " + rate + " = " + value(rate));
    text(12, height - 18, "", "loss: " + net.loss().description()
        + (net.examples() > 1 ? ", mean over " + net.examples() + " examples" : ""));
  }

  private void line(double x0, double y0, double x1, double y1) {
    svg.append(String.format(Locale.ROOT,
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", x0, y0, x1, y1));
  }

  private void text(double x, double y, String attributes, String content) {
    svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\"%s>%s</text>\n",
        x, y, attributes.isEmpty() ? "" : " " + attributes, esc(content)));
  }

  private double x(int l) {
    return LEFT + l * COLUMN;
  }

  private double y(int l, int j) {
    return TOP + (rows - net.size(l)) * ROW / 2.0 + j * ROW + ROW / 2.0;
  }

  private String value(String id) {
    Double v = values.get(id);
    return v == null ? "?" : Numbers.given(v);
  }

  private static String stripExample(String id) {
    int h = id.indexOf('#');
    return h < 0 ? id : id.substring(0, h);
  }

  /** Escapes text for XML content and attributes. */
  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
