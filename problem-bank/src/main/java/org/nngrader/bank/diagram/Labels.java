package org.nngrader.bank.diagram;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nngrader.bank.model.Network;
import org.nngrader.bank.model.Notation;
import org.nngrader.bank.model.Numbers;
import org.nngrader.bank.template.SymbolicSpec;
import org.nngrader.bank.template.Template;

/**
 * What the diagram writes: each label as its lines ({@code name = value} on one line, or on two
 * when that is long), in the template's notation with one variant's given values.
 */
final class Labels {

  /** Labels wider than this (about 6 characters of the font size) go on two lines. */
  private static final double LONG = 88;

  private final Network net;
  private final Notation n;
  private final Map<String, Double> values;
  /** What a symbolic template leaves abstract; null for a numeric template. */
  private final SymbolicSpec symbolic;

  Labels(Template template, Map<String, Double> values) {
    this.net = template.network();
    this.n = template.notation();
    this.values = values;
    this.symbolic = template.symbolic();
  }

  /** A neuron's name: its out id (input id for the input layer), without example suffix. */
  String neuron(int l, int j) {
    return stripExample(l == 0 ? n.input(j, 0) : n.out(l, j, 0));
  }

  List<String> weight(int l, int j, int k) {
    return named(n.weight(l, j, k));
  }

  /** The value of an input; none with several examples (the table has them). */
  List<String> input(int k) {
    return net.examples() == 1 ? named(n.input(k, 0)) : List.of();
  }

  /** A neuron's bias; a shared bias is written beside each neuron that adds it. */
  List<String> bias(int l, int j) {
    String b = n.bias(l, j);
    return b == null ? List.of() : named(b);
  }

  /**
   * The activation of a layer: its id, or the abstract function of a symbolic template (whose
   * network carries a linear stand-in there).
   */
  String activation(int l) {
    return symbolic == null ? net.activation(l).id()
        : symbolic.activation(l).map(f -> f + " (abstract)").orElse(net.activation(l).id());
  }

  /** The target of an output; none when a symbolic exercise's loss is abstract. */
  List<String> target(int j) {
    String t = n.target(j, 0);
    String name = stripExample(t);
    String label = name.toLowerCase(Locale.ROOT).contains("target") ? name : "target " + name;
    if (symbolic != null && symbolic.abstractLoss()) {
      return List.of();
    } else if (symbolic != null && symbolic.unknowns().contains(t)) {
      return lines(label, "(unknown)");
    } else if (net.examples() == 1) {
      return lines(label, "= " + value(t));
    }
    return List.of(label);
  }

  /** The learning rate under the drawing; empty for a symbolic exercise (no update asked). */
  String footer() {
    return symbolic == null ? "learning rate " + n.rate() + " = " + value(n.rate()) : "";
  }

  private List<String> named(String id) {
    return lines(stripExample(id), "= " + value(id));
  }

  private static List<String> lines(String first, String second) {
    String one = first + " " + second;
    return TextWidth.of(one, NetworkDiagram.FONT, false) <= LONG ? List.of(one)
        : List.of(first, second);
  }

  private String value(String id) {
    Double v = values.get(id);
    return v == null ? "?" : Numbers.given(v);
  }

  private static String stripExample(String id) {
    int h = id.indexOf('#');
    return h < 0 ? id : id.substring(0, h);
  }
}
