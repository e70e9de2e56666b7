package org.nngrader.bank.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.nngrader.bank.graph.Quantity;
import org.nngrader.bank.graph.QuantityGraph;
import org.nngrader.bank.model.Activation;
import org.nngrader.bank.model.BiasMode;
import org.nngrader.bank.model.Loss;
import org.nngrader.bank.model.Network;
import org.nngrader.bank.model.Notation;
import org.nngrader.bank.model.ParameterKind;

/**
 * Loads exercise templates from YAML (the schema is documented in
 * {@code problem-bank/TEMPLATES.md}). Every problem found is reported with the file, the line,
 * the field and the valid choices; loading never half-succeeds.
 *
 * <p>Symbolic templates (answers that are expressions) use the same schema with three additions:
 * an entry of {@code network.activations} may be {@code f} or {@code g} (an abstract function);
 * {@code network.loss} may be {@code abstract}; and an optional top-level section
 * {@code symbolic: {unknowns: [y]}} lists the targets left unknown. Any of the three makes the
 * template symbolic ({@link SymbolicSpec}). A symbolic template's {@code defaults} give exactly
 * {@link Template#givenIds()}: no value for an unknown target, nor for a given no answer depends
 * on (the learning rate, targets under an abstract loss, biases of net inputs that stay symbols).
 * It asks gradients and the forward quantities that are numbers, has one example and no
 * {@code updates}, and every layer after an abstract one is abstract too.
 */
public final class TemplateLoader {

  private static final Set<String> TOP =
      Set.of("id", "title", "description", "network", "notation", "defaults", "randomize",
          "asked", "updates", "answers", "symbolic");
  private static final Set<String> NETWORK =
      Set.of("layers", "activations", "loss", "bias", "train", "examples");
  private static final Set<String> RANDOMIZE =
      Set.of("input", "weight", "bias", "target", "rate", "parameters", "fixed",
          "relu_margin", "min_activation_derivative", "min_gradient", "require_loss_decrease");
  private static final Set<String> RANGE = Set.of("min", "max", "decimals");
  private static final Set<String> ANSWERS = Set.of("significant_figures");
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

  private final String file;
  private final YamlDocument doc;
  private final List<TemplateDiagnostic> problems = new ArrayList<>();
  /** Layers whose activation the file names f or g; the network has linear stand-ins there. */
  private final java.util.SortedMap<Integer, String> abstractActivations = new java.util.TreeMap<>();
  /** Whether the file's loss is {@code abstract}; the network has half_sse as a stand-in. */
  private boolean abstractLoss;

  private TemplateLoader(String file, YamlDocument doc) {
    this.file = file;
    this.doc = doc;
  }

  /** Loads a template file. */
  public static Template load(Path path) {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new TemplateException(new TemplateDiagnostic(
          path.toString(), 0, "", "cannot be read (" + e.getMessage() + "); check the path"));
    }
    return parse(path.getFileName().toString(), text);
  }

  /** Loads a built-in template from the classpath. */
  static Template loadResource(String resource, String name) {
    try (InputStream in = TemplateLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("built-in template " + resource + " is missing");
      }
      return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("built-in template " + resource + " cannot be read", e);
    }
  }

  /**
   * Parses template text; {@code file} names it in messages.
   *
   * @throws TemplateException listing every problem found
   */
  public static Template parse(String file, String text) {
    YamlDocument doc = YamlDocument.parse(file, text);
    return new TemplateLoader(file, doc).read();
  }

  private void problem(String field, String message) {
    problems.add(new TemplateDiagnostic(file, doc.line(field), field, message));
  }

  private void fail() {
    if (!problems.isEmpty()) {
      throw new TemplateException(problems);
    }
  }

  private Template read() {
    JsonNode root = doc.root();
    if (root == null || !root.isObject()) {
      throw new TemplateException(new TemplateDiagnostic(
          file, 1, "", "must be a YAML mapping with id, title, network, defaults and asked"));
    }
    unknownFields(root, "", TOP);
    String id = text(root, "id", true);
    if (id != null && !ID.matcher(id).matches()) {
      problem("id", "is '" + id + "'; use lower-case letters, digits and dashes");
    }
    String title = text(root, "title", true);
    String description = text(root, "description", false);
    Network network = network(root.get("network"));
    List<Integer> updates = updates(root.get("updates"));
    fail();
    Notation notation = notation(network, root.get("notation"));
    fail();
    SymbolicSpec symbolic = new SymbolicSection(this::problem, abstractActivations, abstractLoss)
        .read(root.get("symbolic"), notation, updates);
    fail();
    QuantityGraph graph = Template.compile(notation, updates);
    Map<String, Double> defaults = symbolic == null
        ? defaults(root.get("defaults"), graph.givenIds(), Map.of())
        : defaults(root.get("defaults"), symbolic.givenIds(notation),
            SymbolicSection.notGiven(symbolic, notation));
    Randomization randomization = randomization(root.get("randomize"), notation);
    List<String> asked = asked(root.get("asked"), graph, symbolic);
    int sigFigs = significantFigures(root.get("answers"));
    fail();
    // A quantity asked by another of its names goes by that name in sheets, keys and formulas.
    graph = graph.preferring(asked);
    return new Template(id, title, description == null ? "" : description, network, notation,
        defaults, randomization, asked, updates, sigFigs, graph, symbolic);
  }

  private void unknownFields(JsonNode node, String path, Set<String> valid) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!valid.contains(name)) {
        problem(join(path, name), "is not a template field; valid fields"
            + (path.isEmpty() ? "" : " of " + path) + ": " + String.join(", ", new TreeSet<>(valid)));
      }
    }
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private String text(JsonNode node, String field, boolean required) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        problem(field, "is missing");
      }
      return null;
    }
    if (!v.isValueNode()) {
      problem(field, "must be a text value");
      return null;
    }
    return v.asText();
  }

  private Network network(JsonNode node) {
    if (node == null || !node.isObject()) {
      problem("network", "is missing; it needs layers, activations and loss");
      return null;
    }
    unknownFields(node, "network", NETWORK);
    List<Integer> sizes = new ArrayList<>();
    JsonNode layers = node.get("layers");
    if (layers == null || !layers.isArray()) {
      problem("network.layers", "must be a list of layer sizes, e.g. [2, 2, 1]");
    } else {
      for (int i = 0; i < layers.size(); i++) {
        JsonNode s = layers.get(i);
        if (!s.isInt() || s.asInt() < 1) {
          problem("network.layers[" + i + "]", "is '" + s.asText() + "'; a layer size is a whole number of at least 1");
        }
        sizes.add(s.asInt());
      }
    }
    List<Activation> activations = new ArrayList<>();
    JsonNode acts = node.get("activations");
    if (acts == null || !acts.isArray()) {
      problem("network.activations", "must list one activation per non-input layer; valid: " + Activation.validNames());
    } else {
      for (int i = 0; i < acts.size(); i++) {
        String name = acts.get(i).asText().trim();
        if (SymbolicSpec.ACTIVATION_FUNCTIONS.contains(name)) {
          abstractActivations.put(i + 1, name);
          activations.add(Activation.of(Activation.Kind.LINEAR)); // stand-in, see SymbolicSpec
          continue;
        }
        try {
          activations.add(Activation.parse(name));
        } catch (IllegalArgumentException e) {
          problem("network.activations[" + i + "]", e.getMessage() + ", or "
              + String.join(" or ", SymbolicSpec.ACTIVATION_FUNCTIONS)
              + " to leave it abstract (a symbolic template)");
        }
      }
    }
    Loss loss = null;
    String lossText = node.path("loss").asText(null);
    if (lossText == null) {
      problem("network.loss", "is missing; valid: " + Loss.validNames());
    } else if (lossText.trim().equals(SymbolicSpec.ABSTRACT_LOSS)) {
      abstractLoss = true;
      loss = Loss.HALF_SSE; // stand-in, see SymbolicSpec
    } else {
      try {
        loss = Loss.parse(lossText);
      } catch (IllegalArgumentException e) {
        problem("network.loss", e.getMessage() + ", or " + SymbolicSpec.ABSTRACT_LOSS
            + " to leave it unknown (a symbolic template)");
      }
      String outFunction = abstractActivations.get(sizes.size() - 1);
      if (outFunction != null) {
        problem("network.loss", "is '" + lossText + "', but the output activation " + outFunction
            + " is abstract, so the output has no number to put in the loss; write loss: "
            + SymbolicSpec.ABSTRACT_LOSS);
      }
    }
    BiasMode bias = BiasMode.SHARED;
    if (node.has("bias")) {
      try {
        bias = BiasMode.parse(node.get("bias").asText());
      } catch (IllegalArgumentException e) {
        problem("network.bias", e.getMessage());
      }
    }
    boolean weights = true;
    boolean biases = false;
    JsonNode train = node.get("train");
    if (train != null) {
      weights = false;
      if (!train.isArray()) {
        problem("network.train", "must be a list of what is trained: [weights], [biases] or [weights, biases]");
      } else {
        for (int i = 0; i < train.size(); i++) {
          String t = train.get(i).asText();
          switch (t) {
            case "weights" -> weights = true;
            case "biases" -> biases = true;
            default -> problem("network.train[" + i + "]", "is '" + t + "'; valid: weights, biases");
          }
        }
      }
    }
    int examples = node.path("examples").asInt(1);
    if (!problems.isEmpty()) {
      return null;
    }
    try {
      return new Network(sizes, activations, loss, bias, weights, biases, examples);
    } catch (IllegalArgumentException e) {
      String msg = e.getMessage();
      String field = msg.startsWith("network.") ? msg.substring(0, Math.max(msg.indexOf(' '), 0)) : "network";
      problem(field, msg.startsWith(field) ? msg.substring(field.length()).trim() : msg);
      return null;
    }
  }

  private List<Integer> updates(JsonNode node) {
    List<Integer> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    if (!node.isArray()) {
      problem("updates", "must be a list of update counts, e.g. [1, 10000]");
      return out;
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode v = node.get(i);
      if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1 || v.asInt() > 1_000_000) {
        problem("updates[" + i + "]", "is '" + v.asText() + "'; an update count is a whole number from 1 to 1000000");
      } else {
        out.add(v.asInt());
      }
    }
    return out;
  }

  private Notation notation(Network network, JsonNode node) {
    if (node == null || network == null) {
      return network == null ? null : Notation.standard(network);
    }
    if (!node.isObject()) {
      problem("notation", "must map default names to this template's names, e.g. {i1: x1, E_total: L}");
      return null;
    }
    Map<String, String> renames = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> renames.put(e.getKey(), e.getValue().asText()));
    try {
      return Notation.withRenames(network, renames);
    } catch (IllegalArgumentException e) {
      String key = renames.keySet().stream().filter(k -> e.getMessage().contains("'" + k + "'"))
          .findFirst().orElse("");
      problem(key.isEmpty() ? "notation" : "notation." + key, e.getMessage());
      return null;
    }
  }

  /**
   * The default values.
   *
   * @param givens the ids that need a value
   * @param notGiven ids of the network that must have no value here, each with the reason
   */
  private Map<String, Double> defaults(
      JsonNode node, List<String> givens, Map<String, String> notGiven) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (node == null || !node.isObject()) {
      problem("defaults", "is missing; it gives a value to every parameter: " + String.join(", ", givens));
      return out;
    }
    node.fields().forEachRemaining(e -> {
      String path = "defaults." + e.getKey();
      if (notGiven.containsKey(e.getKey())) {
        problem(path, notGiven.get(e.getKey()) + "; remove it");
      } else if (!givens.contains(e.getKey())) {
        problem(path, "is not a parameter of this network; valid: " + String.join(", ", givens));
      } else if (!e.getValue().isNumber()) {
        problem(path, "is '" + e.getValue().asText() + "'; it must be a number");
      } else {
        out.put(e.getKey(), e.getValue().asDouble());
      }
    });
    List<String> missing = new ArrayList<>();
    for (String g : givens) {
      if (!out.containsKey(g) && node.has(g) == false) {
        missing.add(g);
      }
    }
    if (!missing.isEmpty()) {
      problem("defaults", "has no value for " + String.join(", ", missing));
    }
    Map<String, Double> ordered = new LinkedHashMap<>();
    for (String g : givens) {
      if (out.containsKey(g)) {
        ordered.put(g, out.get(g));
      }
    }
    return ordered;
  }

  private Randomization randomization(JsonNode node, Notation notation) {
    Map<ParameterKind, Range> byKind = new EnumMap<>(ParameterKind.class);
    byKind.put(ParameterKind.INPUT, new Range(-1, 1, 2));
    byKind.put(ParameterKind.WEIGHT, new Range(-1, 1, 2));
    byKind.put(ParameterKind.BIAS, new Range(-0.5, 0.5, 2));
    byKind.put(ParameterKind.TARGET, new Range(0, 1, 2));
    byKind.put(ParameterKind.RATE, new Range(0.1, 1, 1));
    Map<String, Range> byParameter = new LinkedHashMap<>();
    Set<String> fixed = new LinkedHashSet<>();
    double reluMargin = 0.05;
    double minActDerivative = 0.01;
    double minGradient = 1e-4;
    boolean requireDecrease = true;
    if (node == null) {
      return new Randomization(byKind, byParameter, fixed, reluMargin, minActDerivative,
          minGradient, requireDecrease);
    }
    if (!node.isObject()) {
      problem("randomize", "must be a mapping of ranges");
      return null;
    }
    unknownFields(node, "randomize", RANDOMIZE);
    for (ParameterKind k : ParameterKind.values()) {
      Range r = range(node.get(k.id()), "randomize." + k.id(), byKind.get(k));
      if (r != null) {
        byKind.put(k, r);
      }
    }
    JsonNode params = node.get("parameters");
    if (params != null) {
      params.fields().forEachRemaining(e -> {
        String path = "randomize.parameters." + e.getKey();
        if (!notation.givens().containsKey(e.getKey())) {
          problem(path, "is not a parameter; valid: " + String.join(", ", notation.givens().keySet()));
        } else {
          Range r = range(e.getValue(), path, byKind.get(notation.givens().get(e.getKey())));
          if (r != null) {
            byParameter.put(e.getKey(), r);
          }
        }
      });
    }
    JsonNode f = node.get("fixed");
    if (f != null) {
      for (int i = 0; i < f.size(); i++) {
        String p = f.get(i).asText();
        if (!notation.givens().containsKey(p)) {
          problem("randomize.fixed[" + i + "]", "is '" + p + "', not a parameter; valid: "
              + String.join(", ", notation.givens().keySet()));
        }
        fixed.add(p);
      }
    }
    reluMargin = nonNegative(node, "relu_margin", reluMargin);
    minActDerivative = nonNegative(node, "min_activation_derivative", minActDerivative);
    minGradient = nonNegative(node, "min_gradient", minGradient);
    if (node.has("require_loss_decrease")) {
      JsonNode v = node.get("require_loss_decrease");
      if (!v.isBoolean()) {
        problem("randomize.require_loss_decrease", "is '" + v.asText() + "'; it must be true or false");
      }
      requireDecrease = v.asBoolean();
    }
    return new Randomization(byKind, byParameter, fixed, reluMargin, minActDerivative,
        minGradient, requireDecrease);
  }

  private double nonNegative(JsonNode node, String field, double fallback) {
    JsonNode v = node.get(field);
    if (v == null) {
      return fallback;
    }
    if (!v.isNumber() || v.asDouble() < 0) {
      problem("randomize." + field, "is '" + v.asText() + "'; it must be a number of at least 0");
      return fallback;
    }
    return v.asDouble();
  }

  private Range range(JsonNode node, String path, Range fallback) {
    if (node == null) {
      return null;
    }
    if (!node.isObject()) {
      problem(path, "must be a mapping {min: .., max: .., decimals: ..}");
      return null;
    }
    unknownFields(node, path, RANGE);
    double min = fallback.min();
    double max = fallback.max();
    int decimals = fallback.decimals();
    if (node.has("min")) {
      if (!node.get("min").isNumber()) {
        problem(path + ".min", "is '" + node.get("min").asText() + "'; it must be a number");
      }
      min = node.get("min").asDouble();
    }
    if (node.has("max")) {
      if (!node.get("max").isNumber()) {
        problem(path + ".max", "is '" + node.get("max").asText() + "'; it must be a number");
      }
      max = node.get("max").asDouble();
    }
    if (node.has("decimals")) {
      if (!node.get("decimals").isInt()) {
        problem(path + ".decimals", "is '" + node.get("decimals").asText() + "'; it must be a whole number from 0 to 6");
      }
      decimals = node.get("decimals").asInt();
    }
    try {
      return new Range(min, max, decimals);
    } catch (IllegalArgumentException e) {
      problem(path, e.getMessage());
      return null;
    }
  }

  private List<String> asked(JsonNode node, QuantityGraph graph, SymbolicSpec symbolic) {
    List<String> out = new ArrayList<>();
    if (node == null || !node.isArray() || node.isEmpty()) {
      problem("asked", "must list the step ids the exercise asks (globs like dE_total/dw* allowed)");
      return out;
    }
    Set<String> seen = new LinkedHashSet<>();
    Map<String, String> askedAs = new HashMap<>();
    Map<String, Integer> askedAt = new HashMap<>();
    for (int i = 0; i < node.size(); i++) {
      String pattern = node.get(i).asText();
      List<String> matches = new ArrayList<>();
      List<String> notAskable = new ArrayList<>();
      Pattern p = glob(pattern);
      for (Quantity q : graph.quantities()) {
        if (q.isGiven()) {
          continue;
        }
        // A glob matches ids; a quantity is asked by an alias only when that alias is written out.
        String name = p.matcher(q.id()).matches() ? q.id()
            : graph.aliasesOf(q.id()).contains(pattern) ? pattern : null;
        if (name != null) {
          if (symbolic == null || SymbolicSection.askable(q, symbolic)) {
            String before = askedAs.putIfAbsent(q.id(), name);
            if (before != null && !before.equals(name)) {
              problem("asked[" + i + "]", "is '" + pattern + "', which asks " + name
                  + ", the same quantity as asked[" + askedAt.get(q.id()) + "] '" + before
                  + "' (one value, two names); ask it once");
              continue;
            }
            askedAt.putIfAbsent(q.id(), i);
            matches.add(name);
          } else {
            notAskable.add(name);
          }
        }
      }
      if (matches.isEmpty() && !notAskable.isEmpty()) {
        problem("asked[" + i + "]", "is '" + pattern + "', which a symbolic template cannot ask: "
            + String.join(", ", notAskable) + (notAskable.size() == 1 ? " has" : " have")
            + " no answer as a number or as a chain-rule expression; it can ask: "
            + String.join(", ", graph.quantities().stream()
                .filter(q -> !q.isGiven() && SymbolicSection.askable(q, symbolic))
                .map(Quantity::id).toList()));
      } else if (matches.isEmpty()) {
        problem("asked[" + i + "]", "is '" + pattern + "', which names no computed quantity of this network; "
            + "quantities: " + String.join(", ", graph.quantities().stream()
                .filter(q -> !q.isGiven()).map(Quantity::id).limit(40).toList())
            + (graph.quantities().size() > 40 ? ", ..." : ""));
      }
      seen.addAll(matches);
    }
    out.addAll(seen);
    return out;
  }

  /** A glob where only * and ? are special: step ids are full of regex characters. */
  static Pattern glob(String pattern) {
    StringBuilder re = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      if (c == '*') {
        re.append(".*");
      } else if (c == '?') {
        re.append('.');
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }

  private int significantFigures(JsonNode node) {
    if (node == null) {
      return 4;
    }
    unknownFields(node, "answers", ANSWERS);
    JsonNode v = node.get("significant_figures");
    if (v == null) {
      return 4;
    }
    if (!v.isInt() || v.asInt() < 2 || v.asInt() > 12) {
      problem("answers.significant_figures", "is '" + v.asText() + "'; it must be a whole number from 2 to 12");
      return 4;
    }
    return v.asInt();
  }
}
