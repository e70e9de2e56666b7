package org.nngrader.bank.generate;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.nngrader.bank.diagram.NetworkDiagram;
import org.nngrader.bank.math.MathMl;
import org.nngrader.bank.math.MathProse;
import org.nngrader.bank.model.Activation;
import org.nngrader.bank.model.BiasMode;
import org.nngrader.bank.model.Loss;
import org.nngrader.bank.model.Network;
import org.nngrader.bank.model.Notation;
import org.nngrader.bank.model.Numbers;
import org.nngrader.bank.model.ParameterKind;
import org.nngrader.bank.roster.Student;
import org.nngrader.bank.sheet.AnswerSheet;
import org.nngrader.bank.symbolic.SymbolicSolution;
import org.nngrader.bank.template.SymbolicSpec;
import org.nngrader.bank.template.Template;

/**
 * The problem sheet of one student ({@code problem.html}): the exercise in words, the network
 * with an inline SVG diagram, the given values, the steps to compute and how to write the
 * answers. A symbolic exercise's sheet also lists what is left abstract (the symbols and
 * functions an expression may use) and says how to write an expression. Self-contained (no
 * external resources).
 */
final class ProblemPage {

  private static final Mustache PAGE =
      new DefaultMustacheFactory("org/nngrader/bank/generate").compile("problem.mustache");

  private ProblemPage() {}

  static String render(Template t, Student student, Variant variant) {
    return render(t, student, variant, null);
  }

  /**
   * @param solved the solution of a symbolic exercise for this variant; null for a numeric one
   */
  static String render(Template t, Student student, Variant variant, SymbolicSolution solved) {
    return render(t, student, variant, solved, CreditRule.DEFAULT);
  }

  /**
   * @param solved the solution of a symbolic exercise for this variant; null for a numeric one
   * @param rule the rubric's rule for answers with few figures, stated under "How to answer"
   */
  static String render(Template t, Student student, Variant variant, SymbolicSolution solved,
      CreditRule rule) {
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("creditRule", rule.sentence());
    scope.put("title", t.title());
    scope.put("templateId", t.id());
    Set<String> names = MathProse.names(t);
    scope.put("description", t.description() == null || t.description().isBlank() ? null
        : MathProse.html(t.description(), names));
    scope.put("studentId", student.id());
    scope.put("studentName", student.name().isEmpty() ? student.id() : student.name());
    scope.put("variant", variant.id());
    network(t, scope);
    scope.put("diagram", NetworkDiagram.svg(t, variant.parameters()));
    scope.put("diagramCaption", NetworkDiagram.caption(t));
    scope.put("givens", givens(t, variant, names));
    List<Map<String, Object>> steps = new ArrayList<>();
    AnswerSheet sheet = AnswerSheet.of(t, student.id(), variant.id());
    for (int i = 0; i < sheet.steps().size(); i++) {
      AnswerSheet.Step s = sheet.steps().get(i);
      steps.add(Map.of("number", i + 1, "id", s.id(), "math", MathMl.inline(s.id()), "question",
          MathProse.html(s.expression() ? s.question() + " (an expression)" : s.question(),
              names)));
    }
    scope.put("symbolic", solved != null);
    if (solved != null) {
      List<Map<String, String>> abstractNames = new ArrayList<>();
      solved.symbols().forEach((name, meaning) -> abstractNames.add(Map.of("name", name,
          "math", MathMl.inline(name), "meaning", MathProse.html(meaning, names))));
      solved.functions().forEach((name, meaning) -> abstractNames.add(Map.of("name", name,
          "math", MathMl.inline(name), "meaning", MathProse.html(meaning, names))));
      scope.put("abstractNames", abstractNames);
      scope.put("expressionExample", sheet.expressions().example());
      scope.put("hasFunctions", !solved.functions().isEmpty());
      scope.put("hasNumbers", sheet.steps().stream().anyMatch(s -> !s.expression()));
    }
    scope.put("steps", steps);
    scope.put("stepCount", steps.size());
    scope.put("significantFigures", t.significantFigures());
    scope.put("example", new BigDecimal("0.59326999210718")
        .round(new MathContext(t.significantFigures())).toPlainString());
    scope.put("percent", t.asked().stream().anyMatch(s -> s.contains("_improvement_pct")));
    StringWriter w = new StringWriter();
    PAGE.execute(w, scope);
    return w.toString();
  }

  private static void network(Template t, Map<String, Object> scope) {
    Network net = t.network();
    List<String> parts = new ArrayList<>();
    // A symbolic template's network carries linear stand-ins where its spec says abstract.
    SymbolicSpec spec = t.symbolic();
    for (int l = 0; l < net.depth(); l++) {
      int size = net.size(l);
      String what = l == 0 ? "input" : net.isOutput(l) ? "output" : "hidden";
      parts.add(size + " " + what + (size > 1 && !what.equals("hidden") ? "s" : "")
          + (l == 0 ? "" : " (" + activationName(t, l) + ")"));
    }
    scope.put("layers", String.join(" \u2192 ", parts));
    List<Map<String, String>> acts = new ArrayList<>();
    for (int l = 1; l < net.depth(); l++) {
      Activation a = net.activation(l);
      String layer = net.isOutput(l) ? "Output layer" : "Hidden layer " + l;
      Optional<String> f = spec == null ? Optional.empty() : spec.activation(l);
      acts.add(Map.of("layer", layer, "name", activationName(t, l), "formula",
          f.map(name -> MathMl.chain(List.of("out", name + "(net)")) + ", left abstract")
              .orElse(MathMl.chain(List.of("out", a.formula("net"))))));
    }
    scope.put("activations", acts);
    String loss = spec != null && spec.abstractLoss()
        ? MathMl.inline(t.notation().total()) + ", left abstract (its derivatives stay symbols)"
        : switch (net.loss()) {
          case HALF_SSE -> "half squared error, " + MathMl.inline("1/2*(target - out)^2")
              + " summed over the outputs";
          case MSE -> "mean squared error, " + MathMl.inline("1/n*(target - out)^2")
              + " summed over the n outputs";
          default -> net.loss().description();
        };
    if (spec != null && !spec.unknowns().isEmpty()) {
      loss += "; the target " + spec.unknowns().stream().map(MathMl::inline)
          .collect(Collectors.joining(", ")) + " is unknown";
    }
    scope.put("loss", loss
        + (net.examples() > 1 ? "; " + MathMl.inline(t.notation().total()) + " is the mean over the "
            + net.examples() + " examples" : ""));
    scope.put("biases", switch (net.biasMode()) {
      case PER_NEURON -> "one per neuron.";
      case SHARED -> "one per layer, shared by its neurons.";
      case NONE -> "none.";
    });
    String trained = net.trainWeights() && net.trainBiases() ? "the weights and the biases"
        : net.trainWeights() ? "the weights (biases are not updated)" : "the biases";
    if (spec != null) {
      scope.put("training", "none: the exercise asks for derivatives, not an update.");
      scope.put("conventions", List.of());
      return;
    }
    String rate = t.notation().rate();
    scope.put("training", "one gradient-descent update of " + trained + " with learning rate "
        + MathMl.inline(rate) + ": " + MathMl.chain(List.of("p+", "p - " + rate + " * dE/dp"))
        + (t.updates().isEmpty() ? "." : "; then the quantities after "
            + t.updates().stream().map(k -> k == 1 ? "one update" : k + " updates")
                .collect(Collectors.joining(" and ")) + "."));
    List<String> conventions = new ArrayList<>();
    if (net.activations().stream().anyMatch(a -> a.kind() == Activation.Kind.RELU
        || a.kind() == Activation.Kind.LEAKY_RELU)) {
      conventions.add("The derivative of ReLU at net = 0 is taken as 0 (the slope for a leaky ReLU).");
    }
    if (net.loss() == Loss.BCE || net.loss() == Loss.SOFTMAX_CCE) {
      conventions.add("ln is the natural logarithm.");
    }
    scope.put("conventions", conventions);
  }

  private static List<Map<String, String>> givens(Template t, Variant variant,
      Set<String> names) {
    Notation n = t.notation();
    Network net = t.network();
    Map<String, String> meaning = new LinkedHashMap<>();
    for (int l = 1; l < net.depth(); l++) {
      for (int j = 0; j < net.size(l); j++) {
        String to = strip(n.out(l, j, 0));
        for (int k = 0; k < net.size(l - 1); k++) {
          String from = strip(l == 1 ? n.input(k, 0) : n.out(l - 1, k, 0));
          meaning.put(n.weight(l, j, k), "weight from " + from + " to " + to);
        }
        String b = n.bias(l, j);
        if (b != null) {
          meaning.put(b, net.biasMode() == BiasMode.SHARED
              ? "bias of layer " + l + " (shared)" : "bias of " + to);
        }
      }
    }
    List<Map<String, String>> rows = new ArrayList<>();
    Map<String, ParameterKind> kinds = n.givens();
    variant.parameters().forEach((id, v) -> {
      String what = meaning.getOrDefault(id, switch (kinds.get(id)) {
        case INPUT -> "input";
        case TARGET -> "target";
        case RATE -> "learning rate";
        default -> kinds.get(id).id();
      });
      rows.add(Map.of("id", id, "math", MathMl.inline(id), "meaning", MathProse.html(what, names),
          "value", Numbers.given(v)));
    });
    return rows;
  }

  /** The activation of a layer as the exercise names it: {@code f} where it is abstract. */
  private static String activationName(Template t, int l) {
    Optional<String> f = t.isSymbolic() ? t.symbolic().activation(l) : Optional.empty();
    return f.orElse(t.network().activation(l).id());
  }

  private static String strip(String id) {
    int h = id.indexOf('#');
    return h < 0 ? id : id.substring(0, h);
  }
}
