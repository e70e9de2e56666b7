package org.nngrader.bank.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.nngrader.bank.expr.Expr;
import org.nngrader.bank.graph.Quantity;
import org.nngrader.bank.model.Loss;
import org.nngrader.bank.model.Network;
import org.nngrader.bank.model.Notation;
import org.nngrader.bank.model.ParameterKind;

/**
 * Reads the {@code symbolic} section of a template and checks the rules of symbolic templates
 * (see {@link TemplateLoader}), reporting each problem by field path through the loader.
 */
final class SymbolicSection {

  private static final Set<String> FIELDS = Set.of("unknowns");

  private final BiConsumer<String, String> problems;
  private final SortedMap<Integer, String> abstractActivations;
  private final boolean abstractLoss;
  private boolean found;

  /**
   * @param problems receives (field path, message) for each problem found
   * @param abstractActivations the layers whose activation the file names f or g
   * @param abstractLoss whether the file's loss is abstract
   */
  SymbolicSection(BiConsumer<String, String> problems,
      SortedMap<Integer, String> abstractActivations, boolean abstractLoss) {
    this.problems = problems;
    this.abstractActivations = new TreeMap<>(abstractActivations);
    this.abstractLoss = abstractLoss;
  }

  private void problem(String field, String message) {
    found = true;
    problems.accept(field, message);
  }

  /**
   * Whether a symbolic template can ask a quantity: a gradient (an expression), or a net input or
   * output that is a number.
   */
  static boolean askable(Quantity q, SymbolicSpec symbolic) {
    return switch (q.kind()) {
      case GRADIENT -> true;
      case NET -> symbolic.numericNet(q.layer());
      case OUT -> symbolic.numericOut(q.layer());
      default -> false;
    };
  }

  /**
   * The symbolic section and the rules a symbolic template follows; null for a numeric template.
   */
  SymbolicSpec read(JsonNode node, Notation notation, List<Integer> updates) {
    List<String> unknowns = new ArrayList<>();
    if (node != null) {
      if (!node.isObject()) {
        problem("symbolic", "must be a mapping, e.g. {unknowns: [y]}");
        return null;
      }
      node.fieldNames().forEachRemaining(name -> {
        if (!FIELDS.contains(name)) {
          problem("symbolic." + name, "is not a template field; valid fields of symbolic: "
              + String.join(", ", new TreeSet<>(FIELDS)));
        }
      });
      unknowns = unknowns(node.get("unknowns"), notation);
    }
    if (abstractActivations.isEmpty() && !abstractLoss && unknowns.isEmpty()) {
      if (node != null) {
        problem("symbolic", "leaves nothing without a number; list targets in symbolic.unknowns,"
            + " name an activation f or g, or write loss: " + SymbolicSpec.ABSTRACT_LOSS);
      }
      return null;
    }
    Network net = notation.network();
    if (!abstractActivations.isEmpty()) {
      int first = abstractActivations.firstKey();
      for (int l = first + 1; l < net.depth(); l++) {
        if (!abstractActivations.containsKey(l)) {
          problem("network.activations[" + (l - 1) + "]", "is '" + net.activation(l).id()
              + "', but the net inputs of layer " + l + " depend on the abstract "
              + abstractActivations.get(first) + " of layer " + first
              + ", so they have no number; make this layer abstract too ("
              + String.join(" or ", SymbolicSpec.ACTIVATION_FUNCTIONS) + ")");
        }
      }
    }
    if (net.examples() != 1) {
      problem("network.examples", "is " + net.examples() + "; a symbolic template has one example");
    }
    if (net.loss() == Loss.SOFTMAX_CCE) {
      problem("network.loss", "is softmax_cce; a symbolic template supports half_sse, mse, bce or "
          + SymbolicSpec.ABSTRACT_LOSS);
    }
    if (!updates.isEmpty()) {
      problem("updates", "is " + updates + "; a symbolic template asks no update; remove updates");
    }
    if (found) {
      return null;
    }
    SymbolicSpec spec = new SymbolicSpec(abstractActivations, abstractLoss, unknowns);
    for (String symbol : spec.symbols(notation)) {
      try {
        new Expr.Symbol(symbol);
      } catch (IllegalArgumentException e) {
        problem("notation", "gives the name '" + symbol + "' to a quantity the answers keep as a"
            + " symbol, but " + e.getMessage() + "; rename it in notation (e.g. net_o1: z_out)");
      }
    }
    return spec;
  }

  private List<String> unknowns(JsonNode node, Notation notation) {
    List<String> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    if (!node.isArray()) {
      problem("symbolic.unknowns", "must be a list of target ids, e.g. [y]");
      return out;
    }
    List<String> targets = new ArrayList<>();
    notation.givens().forEach((g, kind) -> {
      if (kind == ParameterKind.TARGET) {
        targets.add(g);
      }
    });
    for (int i = 0; i < node.size(); i++) {
      String id = node.get(i).asText();
      String path = "symbolic.unknowns[" + i + "]";
      if (!targets.contains(id)) {
        problem(path, "is '" + id + "'; only targets can be left unknown; targets: "
            + String.join(", ", targets));
      } else if (abstractLoss) {
        problem(path, "is '" + id + "', but the loss is abstract, so no answer depends on a"
            + " target; remove it");
      } else if (out.contains(id)) {
        problem(path, "names '" + id + "' a second time");
      } else {
        out.add(id);
      }
    }
    return out;
  }

  /** Why each given outside the exercise of a symbolic template must not have a default. */
  static Map<String, String> notGiven(SymbolicSpec spec, Notation notation) {
    Map<String, String> why = new LinkedHashMap<>();
    for (String u : spec.unknowns()) {
      why.put(u, "is left unknown (symbolic.unknowns): the answers are expressions in it");
    }
    for (String g : spec.unusedGivens(notation)) {
      why.put(g, switch (notation.givens().get(g)) {
        case RATE -> "is not used: a symbolic template asks no update";
        case TARGET -> "is not used: the loss is abstract, so no answer depends on a target";
        default -> "is not used: the net input it adds to depends on an abstract activation, so"
            + " it stays a symbol";
      });
    }
    return why;
  }
}
