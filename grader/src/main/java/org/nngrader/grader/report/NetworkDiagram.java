package org.nngrader.grader.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nngrader.bank.model.Network;
import org.nngrader.bank.model.Notation;
import org.nngrader.bank.template.Template;
import org.nngrader.grader.engine.Verdict;

/**
 * The network of a template as an inline SVG with the student's wrong quantities marked: a
 * neuron when one of its net or out steps (first pass or after updates) is wrong, an edge when
 * its weight's gradient or update is wrong. Marks never rely on colour alone: a wrong item is
 * red, thick and tagged "✗"; an item that is only off through follow-through is blue, dashed and
 * tagged "↪". Layers are drawn left to right, neurons spaced evenly and centred, so any layer
 * sizes work; edge labels are written for every edge when no layer has more than three neurons
 * and only for marked edges otherwise (every edge keeps a tooltip), to stay legible.
 */
final class NetworkDiagram {

  /** How a neuron or weight is marked. */
  enum Mark {
    NONE,
    FOLLOW_THROUGH,
    WRONG;

    Mark worst(Mark other) {
      return compareTo(other) >= 0 ? this : other;
    }

    static Mark of(Verdict v) {
      if (v.isWrong()) {
        return WRONG;
      }
      return v == Verdict.FOLLOW_THROUGH ? FOLLOW_THROUGH : NONE;
    }
  }

  /** One marked quantity: a neuron (its out id) or a weight, and how it is marked. */
  record Marked(String id, Mark mark) {}

  private static final int LAYER_GAP = 170;
  private static final int ROW_GAP = 80;
  private static final int MARGIN_X = 70;
  private static final int MARGIN_Y = 40;
  private static final int RADIUS = 24;
  private static final String RED = "#c62828";
  private static final String BLUE = "#1f5fa8";
  private static final String GREY = "#7a7a7a";
  /** Narrow enough to stay legible on a 390 px phone screen. */
  private static final int MIN_WIDTH = 420;

  private final Template template;
  private final Map<String, Verdict> verdicts;

  /**
   * @param verdicts the student's verdict per step id
   */
  NetworkDiagram(Template template, Map<String, Verdict> verdicts) {
    this.template = template;
    this.verdicts = verdicts;
  }

  /** The label of a neuron: its out id (input id for the input layer), without example suffix. */
  String label(int l, int j) {
    Notation n = template.notation();
    return plain(l == 0 ? n.input(j, 0) : n.out(l, j, 0));
  }

  Mark neuron(int l, int j) {
    if (l == 0) {
      return Mark.NONE;
    }
    Notation n = template.notation();
    Mark m = Mark.NONE;
    for (int e = 0; e < template.network().examples(); e++) {
      m = m.worst(stepsOf(n.net(l, j, e))).worst(stepsOf(n.out(l, j, e)));
    }
    return m;
  }

  Mark weight(int l, int j, int k) {
    Notation n = template.notation();
    String w = n.weight(l, j, k);
    Mark m = mark(Notation.derivative(n.total(), w)).worst(mark(Notation.updated(w)));
    for (int e = 0; e < template.network().examples(); e++) {
      m = m.worst(mark(Notation.derivative(n.total(e), w)));
    }
    return m;
  }

  /** The neurons marked, in layer order. */
  List<Marked> markedNeurons() {
    List<Marked> out = new ArrayList<>();
    Network net = template.network();
    for (int l = 1; l < net.depth(); l++) {
      for (int j = 0; j < net.size(l); j++) {
        Mark m = neuron(l, j);
        if (m != Mark.NONE) {
          out.add(new Marked(label(l, j), m));
        }
      }
    }
    return out;
  }

  /** The weights marked, in notation order. */
  List<Marked> markedWeights() {
    List<Marked> out = new ArrayList<>();
    Network net = template.network();
    for (int l = 1; l < net.depth(); l++) {
      for (int j = 0; j < net.size(l); j++) {
        for (int k = 0; k < net.size(l - 1); k++) {
          Mark m = weight(l, j, k);
          if (m != Mark.NONE) {
            out.add(new Marked(template.notation().weight(l, j, k), m));
          }
        }
      }
    }
    return out;
  }

  /** The step itself and the same quantity after k updates ({@code out_o1@10000}). */
  private Mark stepsOf(String id) {
    Mark m = mark(id);
    String after = id + "@";
    for (Map.Entry<String, Verdict> e : verdicts.entrySet()) {
      if (e.getKey().startsWith(after)) {
        m = m.worst(Mark.of(e.getValue()));
      }
    }
    return m;
  }

  private Mark mark(String step) {
    Verdict v = verdicts.get(step);
    return v == null ? Mark.NONE : Mark.of(v);
  }

  /**
   * Drawings made for the template drawn last, by the marks of every edge and neuron: the
   * reports of a class share a few patterns. Only one template is kept, so that a long-running
   * process does not hold on to the templates of earlier classes.
   */
  private static final int DRAWINGS = 2048;
  private static volatile Drawings drawn = new Drawings(null);

  private record Drawings(Template template,
      java.util.concurrent.ConcurrentHashMap<String, String> byMarks) {
    Drawings(Template template) {
      this(template, new java.util.concurrent.ConcurrentHashMap<>());
    }
  }

  /** The diagram as an {@code <svg>} element. */
  String svg() {
    Network net = template.network();
    StringBuilder marks = new StringBuilder();
    for (int l = 1; l < net.depth(); l++) {
      for (int j = 0; j < net.size(l); j++) {
        marks.append((char) ('0' + neuron(l, j).ordinal()));
        for (int k = 0; k < net.size(l - 1); k++) {
          marks.append((char) ('0' + weight(l, j, k).ordinal()));
        }
      }
    }
    Drawings memo = drawn;
    if (memo.template() != template) {
      memo = new Drawings(template);
      drawn = memo;
    }
    String key = marks.toString();
    String svg = memo.byMarks().get(key);
    if (svg == null) {
      svg = draw();
      if (memo.byMarks().size() < DRAWINGS) {
        memo.byMarks().putIfAbsent(key, svg);
      }
    }
    return svg;
  }

  private String draw() {
    Network net = template.network();
    int maxSize = net.sizes().stream().mapToInt(Integer::intValue).max().orElse(1);
    int width = Math.max(MIN_WIDTH, 2 * MARGIN_X + (net.depth() - 1) * LAYER_GAP);
    int body = 2 * MARGIN_Y + maxSize * ROW_GAP - (ROW_GAP - 2 * RADIUS);
    // The legend is HTML under the drawing (StudentReport), shown only when something is marked.
    int height = body;
    boolean labelAll = maxSize <= 3;
    StringBuilder sb = new StringBuilder();
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"network\" width=\"").append(width)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
        .append(height).append("\" role=\"img\" aria-label=\"")
        .append(Markup.escape("Network " + template.id() + " with the wrong quantities marked"))
        .append("\" font-family=\"DejaVu Sans, Verdana, sans-serif\">\n");
    sb.append("<g class=\"edges\">\n");
    for (int l = 1; l < net.depth(); l++) {
      for (int j = 0; j < net.size(l); j++) {
        for (int k = 0; k < net.size(l - 1); k++) {
          edge(sb, l, j, k, y(k, net.size(l - 1), maxSize), y(j, net.size(l), maxSize), labelAll);
        }
      }
    }
    sb.append("</g>\n<g class=\"neurons\">\n");
    for (int l = 0; l < net.depth(); l++) {
      for (int j = 0; j < net.size(l); j++) {
        neuron(sb, l, j, x(l), y(j, net.size(l), maxSize));
      }
    }
    sb.append("</g>\n");
    sb.append("</svg>");
    return sb.toString();
  }

  /** Layers are centred horizontally. */
  private int x(int layer) {
    int natural = 2 * MARGIN_X + (template.network().depth() - 1) * LAYER_GAP;
    return MARGIN_X + Math.max(0, MIN_WIDTH - natural) / 2 + layer * LAYER_GAP;
  }

  private static int y(int j, int size, int maxSize) {
    int top = MARGIN_Y + RADIUS + (maxSize - size) * ROW_GAP / 2;
    return top + j * ROW_GAP;
  }

  private void edge(StringBuilder sb, int l, int j, int k, int y0, int y1, boolean labelAll) {
    String w = template.notation().weight(l, j, k);
    Mark m = weight(l, j, k);
    int x0 = x(l - 1);
    int x1 = x(l);
    sb.append("<g class=\"edge ").append(css(m)).append("\"><title>")
        .append(Markup.escape(w + ": " + label(l - 1, k) + " \u2192 " + label(l, j)
            + tooltipSuffix(m, "its gradient or update")))
        .append("</title><line x1=\"").append(x0 + RADIUS).append("\" y1=\"").append(y0)
        .append("\" x2=\"").append(x1 - RADIUS).append("\" y2=\"").append(y1).append('"')
        .append(stroke(m, 1.2, 2.8)).append("/>");
    if (labelAll || m != Mark.NONE) {
      // 30% of the way from the source: edges leaving one neuron fan out there, so labels of
      // crossing edges (w6 and w7 of a 2-2-2 network) do not meet in the middle.
      double t = 0.3;
      double lx = x0 + t * (x1 - x0);
      double ly = y0 + t * (y1 - y0) - 4;
      sb.append("<text x=\"").append(num(lx)).append("\" y=\"").append(num(ly))
          .append("\" text-anchor=\"middle\" font-size=\"15\" paint-order=\"stroke\" stroke=\"#ffffff\""
              + " stroke-width=\"3\" fill=\"").append(colour(m, "#333333")).append('"')
          .append(m == Mark.NONE ? "" : " font-weight=\"bold\"").append('>')
          .append(Markup.escape(tag(m) + w)).append("</text>");
    }
    sb.append("</g>\n");
  }

  private void neuron(StringBuilder sb, int l, int j, int cx, int cy) {
    String label = label(l, j);
    Mark m = neuron(l, j);
    double fontSize = Math.min(15, 80.0 / Math.max(1, label.length()));
    sb.append("<g class=\"neuron ").append(css(m)).append("\"><title>")
        .append(Markup.escape(label + tooltipSuffix(m, "its net or out step")))
        .append("</title><circle cx=\"").append(cx).append("\" cy=\"").append(cy).append("\" r=\"")
        .append(RADIUS).append("\" fill=\"").append(l == 0 ? "#eeeeee" : "#ffffff").append('"')
        .append(stroke(m, 1.5, 3.5)).append("/><text x=\"").append(cx).append("\" y=\"")
        .append(num(cy + fontSize * 0.35)).append("\" text-anchor=\"middle\" font-size=\"")
        .append(num(fontSize)).append("\" fill=\"#222222\">").append(Markup.escape(label))
        .append("</text>");
    if (m != Mark.NONE) {
      sb.append("<text x=\"").append(cx).append("\" y=\"").append(cy + RADIUS + 13)
          .append("\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\" fill=\"")
          .append(colour(m, "")).append("\">")
          .append(m == Mark.WRONG ? "\u2717 wrong" : "\u21aa follow-through").append("</text>");
    }
    sb.append("</g>\n");
  }

  private static String stroke(Mark m, double plain, double marked) {
    return switch (m) {
      case NONE -> " stroke=\"" + GREY + "\" stroke-width=\"" + num(plain) + "\"";
      case WRONG -> " stroke=\"" + RED + "\" stroke-width=\"" + num(marked) + "\"";
      case FOLLOW_THROUGH -> " stroke=\"" + BLUE + "\" stroke-width=\"" + num(marked)
          + "\" stroke-dasharray=\"6 4\"";
    };
  }

  private static String colour(Mark m, String plain) {
    return switch (m) {
      case NONE -> plain;
      case WRONG -> RED;
      case FOLLOW_THROUGH -> BLUE;
    };
  }

  private static String css(Mark m) {
    return switch (m) {
      case NONE -> "ok";
      case WRONG -> "wrong";
      case FOLLOW_THROUGH -> "follow-through";
    };
  }

  private static String tag(Mark m) {
    return switch (m) {
      case NONE -> "";
      case WRONG -> "\u2717 ";
      case FOLLOW_THROUGH -> "\u21aa ";
    };
  }

  private static String tooltipSuffix(Mark m, String what) {
    return switch (m) {
      case NONE -> "";
      case WRONG -> " (wrong: " + what + ")";
      case FOLLOW_THROUGH -> " (follow-through: " + what + ")";
    };
  }

  private static String plain(String id) {
    int h = id.indexOf('#');
    return h < 0 ? id : id.substring(0, h);
  }

  private static String num(double v) {
    String s = String.format(Locale.ROOT, "%.1f", v);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }
}
