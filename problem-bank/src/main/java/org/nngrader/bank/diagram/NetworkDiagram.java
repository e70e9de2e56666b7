package org.nngrader.bank.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nngrader.bank.math.MathMl;
import org.nngrader.bank.model.Network;
import org.nngrader.bank.template.Template;

/**
 * The one SVG drawing of a template's network, for every page that shows it: the problem
 * sheet, the worked solution and (with the student's marks as an {@link Overlay}) the report.
 * A column of circles per layer; every edge labelled with its weight's name and value (only
 * marked edges when a layer has more than three neurons; every edge keeps a tooltip); each
 * neuron's bias and each input's value beside it, on the side away from the edges (above in
 * the upper half of a column, below in the lower half), targets right of the outputs, each
 * layer's activation under its column and the learning rate underneath. With several training
 * examples the inputs and targets are named only (their values are in the table of given
 * values).
 *
 * <p>The drawing scales with its {@code viewBox}; every label is {@value #FONT} units high and
 * the layout is kept narrow (a network of three layers of two is about 35 font sizes wide), so
 * that labels stay at least 10 CSS px when a page shrinks it to a 390 px phone. Marks change
 * colours and strokes and add symbols in places kept for them; they never move anything, so a
 * report's drawing is the problem sheet's. Label widths come from {@link TextWidth}, so the
 * output is the same on every machine. Pure function of its inputs.
 */
public final class NetworkDiagram {

  /** The size of every label, in drawing units. */
  static final double FONT = 14;
  private static final double LINE = 19;
  private static final double STEP = 17;
  private static final double PAD = 5;
  private static final String INK = "#111";
  private static final String EDGE = "#555";
  /** Room kept before every edge label for a mark's symbol, so that marks move nothing. */
  private static final double TAG = TextWidth.of("\u2717", FONT, true) + 3;

  private final Template template;
  private final Network net;
  private final Labels labels;
  private final Overlay overlay;
  private final int rows;
  private final boolean labelAll;
  private final double radius;
  private final double column;
  private final double row;
  private final double left;
  private final double top;
  private final StringBuilder svg = new StringBuilder();

  private NetworkDiagram(Template template, Map<String, Double> values, Overlay overlay) {
    this.template = template;
    this.net = template.network();
    this.labels = new Labels(template, values);
    this.overlay = overlay;
    this.rows = net.sizes().stream().mapToInt(Integer::intValue).max().orElse(1);
    this.labelAll = labelsEveryEdge(template);
    double name = 0;
    for (int l = 0; l < net.depth(); l++) {
      for (int j = 0; j < net.size(l); j++) {
        name = Math.max(name, TextWidth.of(labels.neuron(l, j), FONT, false));
      }
    }
    this.radius = Math.max(20, Math.min(34, Math.ceil(name / 2 + 5)));
    double weight = 0;
    int lines = 1;
    boolean crossing = false;
    for (int l = 1; l < net.depth(); l++) {
      crossing |= net.size(l - 1) > 1 && net.size(l) > 1;
      for (int j = 0; j < net.size(l); j++) {
        for (int k = 0; k < net.size(l - 1); k++) {
          weight = Math.max(weight, width(labels.weight(l, j, k)));
          lines = Math.max(lines, labels.weight(l, j, k).size());
        }
      }
    }
    this.column = Math.max(130, Math.ceil(2 * radius + (labelAll ? weight + 2 * PAD + TAG : 60)
        + 14));
    // Room between rows for the labels of crossing edges, clear of each other and the circles.
    this.row = 2 * radius + (crossing ? 90 : 50) + 2 * STEP * (lines - 1);
    double input = 0;
    for (int k = 0; k < net.inputs(); k++) {
      input = Math.max(input, width(labels.input(k)) + 2 * PAD);
    }
    this.left = Math.ceil(Math.max(radius, input / 2) + 4);
    int above = 1;
    for (int l = 0; l < net.depth(); l++) {
      above = Math.max(above, (l == 0 ? labels.input(0) : labels.bias(l, 0)).size());
    }
    this.top = 6 + height(above) + 6 + radius;
  }

  /**
   * The diagram as an {@code <svg>} element (no XML declaration), for inlining in HTML.
   *
   * @param values the given values (inputs, weights, biases, targets, rate) by id
   */
  public static String svg(Template template, Map<String, Double> values) {
    return svg(template, values, Overlay.NONE);
  }

  /** The diagram with a page's marks; the same drawing as without them but for the marks. */
  public static String svg(Template template, Map<String, Double> values, Overlay overlay) {
    return new NetworkDiagram(template, values, overlay).draw();
  }

  /**
   * Whether every edge carries its weight's label: yes when no layer has more than three
   * neurons; otherwise only marked edges do, and the weights are in the table of given values.
   */
  public static boolean labelsEveryEdge(Template template) {
    return template.network().sizes().stream().allMatch(s -> s <= 3);
  }

  /** A sentence that says how to read the drawing, for its caption. */
  public static String caption(Template template) {
    Network net = template.network();
    String edges = labelsEveryEdge(template) ? "Each edge is labelled with its weight"
        : "Point at an edge for its weight (the values are in the table of given values)";
    String biases = switch (net.biasMode()) {
      case NONE -> "";
      case SHARED -> "; the bias a layer shares is written beside each of its neurons";
      case PER_NEURON -> "; each neuron's bias is written beside it";
    };
    String sides = net.examples() == 1 ? "; input values are beside the inputs, targets right"
        + " of the outputs" : "";
    return edges + biases + sides + ".";
  }

  private String draw() {
    List<double[]> circles = new ArrayList<>();
    for (int l = 0; l < net.depth(); l++) {
      for (int j = 0; j < net.size(l); j++) {
        circles.add(new double[] {x(l), y(l, j), radius});
      }
    }
    List<double[]> edges = new ArrayList<>();
    for (int l = 1; l < net.depth(); l++) {
      for (int j = 0; j < net.size(l); j++) {
        for (int k = 0; k < net.size(l - 1); k++) {
          edges.add(edge(l, j, k));
        }
      }
    }
    LabelPlacer placer = new LabelPlacer(circles, edges);
    StringBuilder text = new StringBuilder();
    fixedLabels(placer, text);
    String lines = edges(placer, edges, text);
    double[] extent = placer.extent();
    String footer = labels.footer();
    int width = (int) Math.ceil(Math.max(extent[0] + 4, 12 + TextWidth.of(footer, FONT, false)));
    int height = (int) Math.ceil(extent[1] + (footer.isEmpty() ? 0 : LINE + 4) + 6);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"network\" width=\"")
        .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ")
        .append(width).append(' ').append(height).append("\" role=\"img\""
            + " aria-labelledby=\"network-title\""
            + " font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\" font-size=\"")
        .append(num(FONT)).append("\" fill=\"").append(INK).append("\">\n");
    String title = "Network of " + template.title() + ": layers " + net.sizes();
    svg.append("<title id=\"network-title\">").append(esc(overlay.description().isEmpty() ? title
        : title + "; " + overlay.description())).append("</title>\n");
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
    svg.append(lines);
    svg.append("<g class=\"labels\">\n").append(text).append("</g>\n<g class=\"neurons\">\n");
    for (int l = 0; l < net.depth(); l++) {
      for (int j = 0; j < net.size(l); j++) {
        neuron(l, j);
      }
    }
    svg.append("</g>\n");
    if (!footer.isEmpty()) {
      text(svg, 8, extent[1] + LINE, "", footer).append('\n');
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  /**
   * Which side of a neuron its own labels (input value or bias, a mark's symbol) go: above in
   * the upper half of a column, below in the lower half, where no edge leaves or arrives.
   */
  private int side(int l, int j) {
    return j > (net.size(l) - 1) / 2.0 ? 1 : -1;
  }

  /** Inputs, biases, targets and activations: placed first, edge labels then avoid them. */
  private void fixedLabels(LabelPlacer placer, StringBuilder out) {
    for (int l = 0; l < net.depth(); l++) {
      double lowest = 0;
      for (int j = 0; j < net.size(l); j++) {
        double cx = x(l);
        double cy = y(l, j);
        // A mark's symbol has its place whether or not there is one, so marks move nothing.
        placer.take(badge(l, j));
        List<String> own = l == 0 ? labels.input(j) : labels.bias(l, j);
        double y = side(l, j) < 0 ? cy - radius - 6 - height(own.size()) : cy + radius + 6;
        if (!own.isEmpty()) {
          double w = width(own) + 2 * PAD;
          // Leaning left stops at the drawing's edge.
          double at = Math.max(cx + hang(l, j) * Math.max(0, w / 2 - radius),
              Math.min(cx, w / 2 + 4));
          placer.take(box(at, y, w, own.size()));
          boxed(out, at, y, own, INK, false);
        }
        lowest = Math.max(lowest, own.isEmpty() || side(l, j) < 0 ? cy + radius
            : y + height(own.size()));
      }
      if (l > 0) {
        String act = labels.activation(l);
        placer.take(box(x(l), lowest + 4, TextWidth.of(act, FONT, false) + PAD, 1));
        text(out, x(l), lowest + 18, "text-anchor=\"middle\" font-style=\"italic\""
            + " fill=\"#333\"", act).append('\n');
      }
    }
    for (int j = 0; j < net.outputs(); j++) {
      List<String> lines = labels.target(j);
      double x = x(net.depth() - 1) + radius + 8;
      double y = y(net.depth() - 1, j) + 5 - (lines.size() - 1) * STEP / 2;
      for (String line : lines) {
        placer.take(new double[] {x - 2, y - 14, TextWidth.of(line, FONT, false) + 4, LINE});
        text(out, x, y, "", line).append('\n');
        y += STEP;
      }
    }
  }

  /**
   * Which way a neuron's own label leans from its centre so that edges meeting the neuron from
   * the label's side stay clear of it: right (+1) when only edges from the layer before come
   * from that side (a layer smaller than the one before is centred, so its top neuron's edges
   * arrive from above), left (-1) when only edges to the next layer leave to that side, else 0.
   */
  private int hang(int l, int j) {
    double cy = y(l, j);
    int s = side(l, j);
    boolean in = false;
    boolean outgoing = false;
    for (int k = 0; l > 0 && k < net.size(l - 1); k++) {
      in |= (y(l - 1, k) - cy) * s > 0;
    }
    for (int m = 0; l + 1 < net.depth() && m < net.size(l + 1); m++) {
      outgoing |= (y(l + 1, m) - cy) * s > 0;
    }
    return in == outgoing ? 0 : in ? 1 : -1;
  }

  /** Where a mark's symbol goes: a circle of radius 10 at the outer corner of the neuron. */
  private double[] badge(int l, int j) {
    double s = radius * 0.72;
    double cy = y(l, j) + side(l, j) * s;
    return new double[] {x(l) + s - 11, cy - 11, 22, 22};
  }

  /** The edge into neuron j of layer l from neuron k of the layer before: {x0, y0, x1, y1}. */
  private double[] edge(int l, int j, int k) {
    return new double[] {x(l - 1) + radius, y(l - 1, k), x(l) - radius, y(l, j)};
  }

  /** The edges (marked ones over the others); their labels go into {@code out}. */
  private String edges(LabelPlacer placer, List<double[]> edges, StringBuilder out) {
    StringBuilder plain = new StringBuilder();
    StringBuilder marked = new StringBuilder();
    int index = 0;
    for (int l = 1; l < net.depth(); l++) {
      for (int j = 0; j < net.size(l); j++) {
        for (int k = 0; k < net.size(l - 1); k++) {
          double[] e = edges.get(index++);
          Mark m = overlay.weight(l, j, k);
          List<String> label = labels.weight(l, j, k);
          String tip = String.join(" ", label) + ": " + labels.neuron(l - 1, k) + " \u2192 "
              + labels.neuron(l, j) + (m == null ? "" : " (" + m.note() + ")");
          (m == null ? plain : marked).append("<g class=\"edge")
              .append(m == null ? "" : " " + m.cssClass()).append("\"><title>").append(esc(tip))
              .append("</title><line x1=\"").append(num(e[0])).append("\" y1=\"")
              .append(num(e[1])).append("\" x2=\"").append(num(e[2])).append("\" y2=\"")
              .append(num(e[3])).append('"').append(stroke(m, EDGE, 1.4, 3)).append("/></g>\n");
          if (labelAll || m != null) {
            double[] b = placer.place(e, width(label) + 2 * PAD + TAG, height(label.size()));
            List<String> shown = new ArrayList<>(label);
            if (m != null) {
              shown.set(0, m.symbol() + " " + shown.get(0));
            }
            out.append("<g class=\"weight").append(m == null ? "" : " " + m.cssClass())
                .append("\" data-weight=\"").append(esc(template.notation().weight(l, j, k)))
                .append("\">");
            boxed(out, b[0] + b[2] / 2, b[1], shown, m == null ? INK : m.colour(), m != null)
                .append("</g>\n");
          }
        }
      }
    }
    return "<g class=\"edges\">\n" + plain + marked + "</g>\n";
  }

  /** The box of a label of some lines whose top middle is at (cx, y). */
  private static double[] box(double cx, double y, double width, int lines) {
    return new double[] {cx - width / 2, y, width, height(lines)};
  }

  /** The height of the box of a label of some lines. */
  private static double height(int lines) {
    return LINE + (lines - 1) * STEP;
  }

  private static double width(List<String> lines) {
    return lines.stream().mapToDouble(t -> TextWidth.of(t, FONT, false)).max().orElse(0);
  }

  /**
   * Appends a label on an opaque box (so it reads where an edge passes under it), centred at
   * cx; returns {@code b}.
   */
  private static StringBuilder boxed(StringBuilder b, double cx, double y, List<String> lines,
      String colour, boolean marked) {
    double w = width(lines) + 2 * PAD;
    b.append("<rect x=\"").append(num(cx - w / 2)).append("\" y=\"").append(num(y))
        .append("\" width=\"").append(num(w)).append("\" height=\"")
        .append(num(height(lines.size()))).append("\" fill=\"#fff\" stroke=\"")
        .append(marked ? colour : "#999").append("\" stroke-width=\"")
        .append(marked ? "2.2" : "0.6").append("\" rx=\"3\"/>");
    String attributes = colour.equals(INK) ? "text-anchor=\"middle\""
        : "text-anchor=\"middle\" fill=\"" + colour + "\"";
    for (int i = 0; i < lines.size(); i++) {
      text(b, cx, y + 14 + i * STEP, attributes, lines.get(i));
    }
    return b;
  }

  private void neuron(int l, int j) {
    double cx = x(l);
    double cy = y(l, j);
    Mark m = overlay.neuron(l, j);
    String name = labels.neuron(l, j);
    svg.append("<g class=\"neuron").append(m == null ? "" : " " + m.cssClass()).append("\">")
        .append("<title>").append(esc(name + (m == null ? "" : " (" + m.note() + ")")))
        .append("</title><circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy))
        .append("\" r=\"").append(num(radius)).append("\" fill=\"")
        .append(l == 0 ? "#eee" : "#fff").append('"').append(stroke(m, "#000", 1.6, 3.5))
        .append("/>");
    text(svg, cx, cy + 5, "text-anchor=\"middle\"", name);
    if (m != null) {
      double[] b = badge(l, j);
      double bx = b[0] + 11;
      double by = b[1] + 11;
      svg.append("<circle cx=\"").append(num(bx)).append("\" cy=\"").append(num(by))
          .append("\" r=\"10\" fill=\"#fff\" stroke=\"").append(m.colour())
          .append("\" stroke-width=\"1.6\"/>");
      text(svg, bx, by + 5, "text-anchor=\"middle\" font-weight=\"bold\" fill=\""
          + m.colour() + "\"", m.symbol());
    }
    svg.append("</g>\n");
  }

  private static String stroke(Mark m, String colour, double width, double marked) {
    if (m == null) {
      return " stroke=\"" + colour + "\" stroke-width=\"" + num(width) + "\"";
    }
    return " stroke=\"" + m.colour() + "\" stroke-width=\"" + num(marked) + "\""
        + (m.dashed() ? " stroke-dasharray=\"7 4\"" : "");
  }

  /** Appends a {@code <text>} element (no line break after it); returns {@code out}. */
  private static StringBuilder text(StringBuilder out, double x, double y, String attributes,
      String content) {
    out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append('"');
    if (!attributes.isEmpty()) {
      out.append(' ').append(attributes);
    }
    return out.append('>').append(esc(content)).append("</text>");
  }

  /**
   * The centre of a layer's column: columns are further apart where more edges cross, so that
   * their labels find room near their own edge.
   */
  private double x(int l) {
    double x = left;
    for (int m = 1; m <= l; m++) {
      x += column + (labelAll ? 28 * Math.max(0, net.size(m - 1) + net.size(m) - 4) : 0);
    }
    return x;
  }

  private double y(int l, int j) {
    return top + (rows - net.size(l)) * row / 2.0 + j * row;
  }

  /**
   * A coordinate or length as {@code String.format(Locale.ROOT, "%.1f", v)} writes it (half up
   * from the decimal digits of v), without a trailing {@code .0}, and without parsing a format
   * for each of the hundred numbers of a drawing. The tenths are counted directly when that
   * cannot differ: v is not negative and below a million (so {@code v * 10} and the digits are
   * both within 1e-8 of the exact value) and is more than 1e-6 tenths from halfway between two
   * tenths (where only the digits decide); the formatter writes every other number.
   */
  static String num(double v) {
    if (Double.compare(v, 0.0) >= 0 && v < 1e6) {
      double tenths = Math.floor(v * 10);
      double rest = v * 10 - tenths;
      if (Math.abs(rest - 0.5) > 1e-6) {
        long t = (long) tenths + (rest > 0.5 ? 1 : 0);
        return t % 10 == 0 ? Long.toString(t / 10) : t / 10 + "." + t % 10;
      }
    }
    String s = String.format(Locale.ROOT, "%.1f", v);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }

  /** Escapes text for XML content and attributes (the text itself when it needs none). */
  static String esc(String s) {
    return MathMl.escape(s);
  }
}
