package org.nngrader.grader.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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

  private static final Mark WRONG_NEURON = mark(Level.WRONG, "its net or out step");
  private static final Mark FOLLOWING_NEURON = mark(Level.FOLLOW_THROUGH, "its net or out step");
  private static final Mark WRONG_WEIGHT = mark(Level.WRONG, "its gradient or update");
  private static final Mark FOLLOWING_WEIGHT = mark(Level.FOLLOW_THROUGH,
      "its gradient or update");

  private final Template template;
  /** The level of each neuron by layer and neuron; of each weight also by the source neuron. */
  private final Level[][] neurons;
  private final Level[][][] weights;
  private final List<Marked> markedNeurons = new ArrayList<>();
  private final List<Marked> markedWeights = new ArrayList<>();

  /**
   * @param verdicts the student's verdict per step id
   */
  DiagramMarks(Template template, Map<String, Verdict> verdicts) {
    this.template = template;
    Map<String, Level> levels = new HashMap<>();
    // The worst level of each step after some number of updates: out_o1 for out_o1@10000.
    Map<String, Level> updated = new HashMap<>();
    verdicts.forEach((id, v) -> {
      Level level = Level.of(v);
      levels.put(id, level);
      for (int at = id.indexOf('@'); at >= 0; at = id.indexOf('@', at + 1)) {
        updated.merge(id.substring(0, at), level, Level::worst);
      }
    });
    Network net = template.network();
    Notation n = template.notation();
    neurons = new Level[net.depth()][];
    weights = new Level[net.depth()][][];
    for (int l = 0; l < net.depth(); l++) {
      neurons[l] = new Level[net.size(l)];
      weights[l] = new Level[net.size(l)][l == 0 ? 0 : net.size(l - 1)];
      for (int j = 0; j < net.size(l); j++) {
        Level m = Level.NONE;
        for (int e = 0; l > 0 && e < net.examples(); e++) {
          m = m.worst(stepsOf(n.net(l, j, e), levels, updated))
              .worst(stepsOf(n.out(l, j, e), levels, updated));
        }
        neurons[l][j] = m;
        if (m != Level.NONE) {
          markedNeurons.add(new Marked(label(l, j), m));
        }
      }
    }
    for (int l = 1; l < net.depth(); l++) {
      for (int j = 0; j < net.size(l); j++) {
        for (int k = 0; k < net.size(l - 1); k++) {
          String w = n.weight(l, j, k);
          Level m = level(Notation.derivative(n.total(), w), levels)
              .worst(level(Notation.updated(w), levels));
          for (int e = 0; e < net.examples(); e++) {
            m = m.worst(level(Notation.derivative(n.total(e), w), levels));
          }
          weights[l][j][k] = m;
          if (m != Level.NONE) {
            markedWeights.add(new Marked(w, m));
          }
        }
      }
    }
  }

  /** The drawing with the marks, labelled with the student's given values. */
  String svg(Map<String, Double> givens) {
    return NetworkDiagram.svg(template, givens, this);
  }

  @Override
  public Mark neuron(int l, int j) {
    return switch (neurons[l][j]) {
      case NONE -> null;
      case WRONG -> WRONG_NEURON;
      case FOLLOW_THROUGH -> FOLLOWING_NEURON;
    };
  }

  @Override
  public Mark weight(int l, int j, int k) {
    return switch (weights[l][j][k]) {
      case NONE -> null;
      case WRONG -> WRONG_WEIGHT;
      case FOLLOW_THROUGH -> FOLLOWING_WEIGHT;
    };
  }

  @Override
  public String description() {
    return markedNeurons.isEmpty() && markedWeights.isEmpty() ? ""
        : "the wrong quantities are marked";
  }

  private static Mark mark(Level level, String what) {
    return level == Level.WRONG ? new Mark("wrong", RED, false, "\u2717", "wrong: " + what)
        : new Mark("follow-through", BLUE, true, "\u21aa", "follow-through: " + what);
  }

  /** The label of a neuron: its out id (input id for the input layer), without example suffix. */
  String label(int l, int j) {
    Notation n = template.notation();
    return plain(l == 0 ? n.input(j, 0) : n.out(l, j, 0));
  }

  /** The neurons marked, in layer order. */
  List<Marked> markedNeurons() {
    return Collections.unmodifiableList(markedNeurons);
  }

  /** The weights marked, in notation order. */
  List<Marked> markedWeights() {
    return Collections.unmodifiableList(markedWeights);
  }

  /** The step itself and the same quantity after k updates ({@code out_o1@10000}). */
  private static Level stepsOf(String id, Map<String, Level> levels, Map<String, Level> updated) {
    return level(id, levels).worst(updated.getOrDefault(id, Level.NONE));
  }

  private static Level level(String step, Map<String, Level> levels) {
    return levels.getOrDefault(step, Level.NONE);
  }

  private static String plain(String id) {
    int h = id.indexOf('#');
    return h < 0 ? id : id.substring(0, h);
  }
}
