package org.nngrader.grader.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nngrader.bank.diagram.Mark;
import org.nngrader.bank.diagram.NetworkDiagram;
import org.nngrader.bank.diagram.Overlay;
import org.nngrader.bank.model.Network;
import org.nngrader.bank.model.Notation;
import org.nngrader.bank.template.Template;
import org.nngrader.grader.engine.Verdict;

/**
 * The student's wrong quantities as marks over the problem sheet's network diagram: a neuron
 * when one of its net or out steps (first pass or after updates) is wrong, an edge when its
 * weight's gradient or update is wrong. Marks never rely on colour alone: a wrong item is red,
 * thick and tagged "✗"; an item that is only off through follow-through is blue, dashed and
 * tagged "↪". The legend is the report's (HTML under the drawing). Immutable.
 */
final class DiagramMarks implements Overlay {

  /** How a neuron or weight is marked. */
  enum Level {
    NONE,
    FOLLOW_THROUGH,
    WRONG;

    Level worst(Level other) {
      return compareTo(other) >= 0 ? this : other;
    }

    static Level of(Verdict v) {
      if (v.isWrong()) {
        return WRONG;
      }
      return v == Verdict.FOLLOW_THROUGH ? FOLLOW_THROUGH : NONE;
    }
  }

  /** One marked quantity: a neuron (its out id) or a weight, and how it is marked. */
  record Marked(String id, Level level) {}

  static final String RED = "#c62828";
  static final String BLUE = "#1f5fa8";

  private final Template template;
  private final Map<String, Verdict> verdicts;

  /**
   * @param verdicts the student's verdict per step id
   */
  DiagramMarks(Template template, Map<String, Verdict> verdicts) {
    this.template = template;
    this.verdicts = Map.copyOf(verdicts);
  }

  /** The drawing with the marks, labelled with the student's given values. */
  String svg(Map<String, Double> givens) {
    return NetworkDiagram.svg(template, givens, this);
  }

  @Override
  public Mark neuron(int l, int j) {
    return mark(neuronLevel(l, j), "its net or out step");
  }

  @Override
  public Mark weight(int l, int j, int k) {
    return mark(weightLevel(l, j, k), "its gradient or update");
  }

  @Override
  public String description() {
    return markedNeurons().isEmpty() && markedWeights().isEmpty() ? ""
        : "the wrong quantities are marked";
  }

  private static Mark mark(Level level, String what) {
    return switch (level) {
      case NONE -> null;
      case WRONG -> new Mark("wrong", RED, false, "\u2717", "wrong: " + what);
      case FOLLOW_THROUGH -> new Mark("follow-through", BLUE, true, "\u21aa",
          "follow-through: " + what);
    };
  }

  /** The label of a neuron: its out id (input id for the input layer), without example suffix. */
  String label(int l, int j) {
    Notation n = template.notation();
    return plain(l == 0 ? n.input(j, 0) : n.out(l, j, 0));
  }

  Level neuronLevel(int l, int j) {
    if (l == 0) {
      return Level.NONE;
    }
    Notation n = template.notation();
    Level m = Level.NONE;
    for (int e = 0; e < template.network().examples(); e++) {
      m = m.worst(stepsOf(n.net(l, j, e))).worst(stepsOf(n.out(l, j, e)));
    }
    return m;
  }

  Level weightLevel(int l, int j, int k) {
    Notation n = template.notation();
    String w = n.weight(l, j, k);
    Level m = level(Notation.derivative(n.total(), w)).worst(level(Notation.updated(w)));
    for (int e = 0; e < template.network().examples(); e++) {
      m = m.worst(level(Notation.derivative(n.total(e), w)));
    }
    return m;
  }

  /** The neurons marked, in layer order. */
  List<Marked> markedNeurons() {
    List<Marked> out = new ArrayList<>();
    Network net = template.network();
    for (int l = 1; l < net.depth(); l++) {
      for (int j = 0; j < net.size(l); j++) {
        Level m = neuronLevel(l, j);
        if (m != Level.NONE) {
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
          Level m = weightLevel(l, j, k);
          if (m != Level.NONE) {
            out.add(new Marked(template.notation().weight(l, j, k), m));
          }
        }
      }
    }
    return out;
  }

  /** The step itself and the same quantity after k updates ({@code out_o1@10000}). */
  private Level stepsOf(String id) {
    Level m = level(id);
    for (Map.Entry<String, Verdict> e : verdicts.entrySet()) {
      if (e.getKey().startsWith(id + "@")) {
        m = m.worst(Level.of(e.getValue()));
      }
    }
    return m;
  }

  private Level level(String step) {
    Verdict v = verdicts.get(step);
    return v == null ? Level.NONE : Level.of(v);
  }

  private static String plain(String id) {
    int h = id.indexOf('#');
    return h < 0 ? id : id.substring(0, h);
  }
}
