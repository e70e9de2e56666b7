package org.nngrader.bank.mistake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nngrader.bank.graph.Derivation;
import org.nngrader.bank.graph.Quantity;
import org.nngrader.bank.graph.QuantityGraph;
import org.nngrader.bank.graph.QuantityKind;
import org.nngrader.bank.model.Network;

/**
 * Weights numbered by the neuron they come from instead of the one they go into: in a layer
 * of two neurons fed by two, w2 read as the weight from the first input into the second
 * neuron (it goes from the second input into the first), so w2 and w3 trade places (and w6,
 * w7 in the next 2-2 layer). The student's world is the graph with the weight names of every
 * square layer transposed, in every quantity id that names them: their "dE/dw2" is the
 * gradient of the edge w3 sits on, computed with the value given for w2.
 *
 * <p>Only square layers (as many neurons as sources, at least two) have a transposed
 * numbering with the same names; a network without one gets no mistaken graph. Immutable.
 */
final class SourceNumberedWeights implements Misconception {

  @Override
  public String id() {
    return "weights-numbered-by-source";
  }

  @Override
  public String title() {
    return "weights numbered by source instead of destination";
  }

  @Override
  public String feedback() {
    return "The weights are numbered by the neuron they lead into: first every weight into the "
        + "first neuron of a layer, then every weight into the second. You numbered them by the "
        + "neuron they come from, which swaps weights between the neurons of a layer (w2 and w3 "
        + "in a layer of two fed by two). Read each weight's number off its edge in the diagram.";
  }

  @Override
  public List<QuantityGraph> apply(Network network, QuantityGraph graph) {
    Map<String, String> swap = transposedNames(graph);
    if (swap.isEmpty()) {
      return List.of();
    }
    List<String> names = new ArrayList<>(swap.keySet());
    names.sort(Comparator.comparingInt(String::length).reversed());
    StringBuilder alternation = new StringBuilder();
    for (String n : names) {
      alternation.append(alternation.length() == 0 ? "" : "|").append(Pattern.quote(n));
    }
    // A name is not part of a longer one: w1 is not the start of w12.
    Pattern token = Pattern.compile("(?:" + alternation + ")(?![0-9])");
    List<Quantity> renamed = new ArrayList<>();
    for (Quantity q : graph.quantities()) {
      List<Derivation> ds = new ArrayList<>();
      for (Derivation d : q.derivations()) {
        List<String> ps = new ArrayList<>();
        for (String p : d.parents()) {
          ps.add(rename(p, token, swap));
        }
        ds.add(new Derivation(ps, d.formula()));
      }
      renamed.add(new Quantity(rename(q.id(), token, swap), q.kind(), q.section(), q.layer(),
          q.description(), ds));
    }
    return List.of(QuantityGraph.of(renamed));
  }

  private static String rename(String id, Pattern token, Map<String, String> swap) {
    Matcher m = token.matcher(id);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(swap.get(m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * Each weight of a square layer and the weight at the transposed position, read off the
   * forward pass: the weight parents of each neuron's net input, in order, are a row.
   */
  static Map<String, String> transposedNames(QuantityGraph graph) {
    Map<Integer, List<List<String>>> rows = new LinkedHashMap<>();
    for (Quantity q : graph.quantities()) {
      if (q.kind() != QuantityKind.NET || q.section() != QuantityKind.Section.FORWARD) {
        continue;
      }
      List<String> row = new ArrayList<>();
      for (String p : q.parents()) {
        if (graph.quantity(p).kind() == QuantityKind.WEIGHT) {
          row.add(p);
        }
      }
      List<List<String>> layer = rows.computeIfAbsent(q.layer(), k -> new ArrayList<>());
      if (!layer.contains(row)) {
        layer.add(row); // several examples share the weights
      }
    }
    Map<String, String> swap = new LinkedHashMap<>();
    for (List<List<String>> layer : rows.values()) {
      int n = layer.size();
      if (n < 2 || layer.stream().anyMatch(r -> r.size() != n)) {
        continue;
      }
      for (int j = 0; j < n; j++) {
        for (int k = 0; k < n; k++) {
          if (j != k) {
            swap.put(layer.get(j).get(k), layer.get(k).get(j));
          }
        }
      }
    }
    return swap;
  }
}
