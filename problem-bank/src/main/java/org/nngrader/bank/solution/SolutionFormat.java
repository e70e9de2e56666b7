package org.nngrader.bank.solution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.nngrader.bank.diagram.NetworkDiagram;
import org.nngrader.bank.math.MathMl;
import org.nngrader.bank.math.MathProse;
import org.nngrader.bank.template.Template;
import org.nngrader.bank.model.Numbers;

/**
 * Renders a {@link WorkedSolution} as plain text, Markdown, self-contained HTML or JSON. A symbolic
 * solution also lists what is left as a symbol, and its plain text shows each step's meaning and
 * puts each {@code =} of a step on its own line.
 */
public enum SolutionFormat {
  TEXT,
  MD,
  HTML,
  JSON;

  /** The JSON writer, made on first use: text and Markdown need neither it nor the page. */
  private static final class Json {
    static final ObjectMapper MAPPER =
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  /** The HTML page's template, compiled on first use. */
  private static final class Page {
    static final Mustache TEMPLATE =
        new DefaultMustacheFactory("org/nngrader/bank/solution").compile("solution.mustache");
  }

  /** Parses a format name; the message lists the valid ones. */
  public static SolutionFormat parse(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown format '" + name + "'; valid: text, md, html, json");
    }
  }

  public String render(WorkedSolution s) {
    return render(s, null);
  }

  /**
   * The solution in this format; the HTML page draws the template's network with the given
   * values (as the problem sheet does).
   *
   * @param template the solution's template, or null for a page without the drawing
   */
  public String render(WorkedSolution s, Template template) {
    return switch (this) {
      case TEXT -> text(s);
      case MD -> markdown(s);
      case HTML -> page(s, template, null, null, List.copyOf(s.answers().keySet()));
      case JSON -> json(s);
    };
  }

  /**
   * The HTML worked solution of one student's variant: marked with the student and the variant
   * (so that printouts can be told apart), each asked step numbered as on that student's problem
   * sheet and answer sheet.
   *
   * @param sheetSteps the answer sheet's step ids in sheet order (step 1 first)
   */
  public static String html(WorkedSolution s, Template template, String studentId,
      String variant, List<String> sheetSteps) {
    return page(s, template, studentId, variant, sheetSteps);
  }

  private static final java.util.regex.Pattern WORD =
      java.util.regex.Pattern.compile("(?<![A-Za-z0-9_'])[a-z]{3,}(?![A-Za-z0-9_'(\\[])");
  private static final Set<String> FUNCTIONS =
      Set.of("exp", "max", "min", "tanh", "sigmoid", "relu", "softmax", "else");

  /** Whether a part of a chain is written in words: a word that is no name of the exercise. */
  static boolean words(String part, Set<String> names) {
    java.util.regex.Matcher m = WORD.matcher(part);
    while (m.find()) {
      if (!names.contains(m.group()) && !FUNCTIONS.contains(m.group())) {
        return true;
      }
    }
    return false;
  }

  /** {@code id = symbolic = numeric = result}, skipping parts that repeat. */
  static String line(WorkedSolution.Step step) {
    StringBuilder sb = new StringBuilder(step.id());
    for (String part : parts(step)) {
      sb.append(" = ").append(part);
    }
    return sb.toString();
  }

  /**
   * What follows the id: the symbolic form (unless it is the id itself, as for a quantity left as
   * a symbol), the numbers substituted (when there are any), the result (unless it repeats one of
   * those or the id).
   */
  private static List<String> parts(WorkedSolution.Step step) {
    List<String> parts = new ArrayList<>();
    if (!step.symbolic().equals(step.id())) {
      parts.add(step.symbolic());
    }
    if (!step.numeric().isEmpty()) {
      parts.add(step.numeric());
    }
    String result = step.result();
    if (!result.equals(step.numeric()) && !result.equals(step.symbolic())
        && !result.equals(step.id())) {
      parts.add(result);
    }
    return parts;
  }

  /** A step over several lines, the {@code =} signs aligned, then its meaning. */
  private static void symbolicStep(WorkedSolution.Step step, StringBuilder sb) {
    String mark = step.asked() ? "* " : "  ";
    sb.append(mark).append(step.id());
    String indent = " ".repeat(mark.length() + step.id().length());
    boolean first = true;
    for (String part : parts(step)) {
      sb.append(first ? "" : "\n" + indent).append(" = ").append(part);
      first = false;
    }
    sb.append("\n      ").append(step.description()).append('\n');
  }

  private static String text(WorkedSolution s) {
    StringBuilder sb = new StringBuilder();
    sb.append(s.title()).append(" (").append(s.templateId()).append(")\n\n");
    sb.append("Given values\n");
    s.givens().forEach((k, v) -> sb.append("  ").append(k).append(" = ").append(Numbers.given(v)).append('\n'));
    if (!s.symbols().isEmpty()) {
      sb.append("\nLeft as symbols\n");
      s.symbols().forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
    }
    for (WorkedSolution.Section sec : s.sections()) {
      sb.append('\n').append(sec.title()).append('\n');
      for (WorkedSolution.Step st : sec.steps()) {
        if (s.isSymbolic()) {
          symbolicStep(st, sb);
        } else {
          sb.append(st.asked() ? "* " : "  ").append(line(st)).append('\n');
        }
      }
    }
    sb.append("\n* = asked in the exercise\n");
    return sb.toString();
  }

  private static String markdown(WorkedSolution s) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Worked solution: ").append(s.title()).append("\n\n");
    if (!s.description().isEmpty()) {
      sb.append(s.description()).append("\n\n");
    }
    sb.append("## Given values\n\n| quantity | value |\n|---|---|\n");
    s.givens().forEach((k, v) -> sb.append("| `").append(k).append("` | ").append(Numbers.given(v)).append(" |\n"));
    if (!s.symbols().isEmpty()) {
      sb.append("\n## Left as symbols\n\n| symbol | what it stands for |\n|---|---|\n");
      s.symbols().forEach((k, v) -> sb.append("| `").append(k).append("` | ").append(v).append(" |\n"));
    }
    for (WorkedSolution.Section sec : s.sections()) {
      sb.append("\n## ").append(sec.title()).append("\n\n");
      for (WorkedSolution.Step st : sec.steps()) {
        sb.append("- ").append(st.asked() ? "**" : "").append(st.description())
            .append(st.asked() ? "**" : "").append(":  \n  `").append(line(st)).append("`\n");
      }
    }
    sb.append("\nSteps in bold are asked in the exercise; the others are the intermediates they need.\n");
    return sb.toString();
  }

  private static String page(WorkedSolution s, Template template, String studentId,
      String variant, List<String> sheetSteps) {
    Map<String, Object> scope = new LinkedHashMap<>();
    if (template != null) {
      scope.put("diagram", NetworkDiagram.svg(template, s.givens()));
      scope.put("diagramCaption", NetworkDiagram.caption(template));
    }
    scope.put("title", s.title());
    scope.put("studentId", studentId);
    scope.put("variant", variant);
    scope.put("templateId", s.templateId());
    Set<String> names = template == null ? Set.of() : MathProse.names(template);
    scope.put("description", s.description() == null || s.description().isBlank() ? null
        : MathProse.html(s.description(), names));
    List<Map<String, String>> givens = new ArrayList<>();
    s.givens().forEach((k, v) -> givens.add(Map.of("id", MathMl.inline(k), "value",
        MathMl.inline(Numbers.given(v)))));
    scope.put("givens", givens);
    List<Map<String, String>> symbols = new ArrayList<>();
    s.symbols().forEach((k, v) -> symbols.add(Map.of("name", MathMl.inline(k), "meaning",
        MathProse.html(v, names))));
    scope.put("symbols", symbols);
    scope.put("hasSymbols", !symbols.isEmpty());
    scope.put("symbolic", s.isSymbolic());
    // A raw line break: mustache.java drops one typed right after a section tag.
    scope.put("newline", "\n");
    List<Map<String, Object>> sections = new ArrayList<>();
    for (WorkedSolution.Section sec : s.sections()) {
      List<Map<String, Object>> steps = new ArrayList<>();
      for (WorkedSolution.Step st : sec.steps()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", st.id());
        m.put("description", MathProse.html(st.description(), names));
        m.put("symbolic", st.symbolic());
        m.put("numeric", st.numeric());
        m.put("result", st.result());
        m.put("asked", st.asked());
        int number = sheetSteps.indexOf(st.id()) + 1;
        m.put("number", st.asked() && number > 0 ? Integer.valueOf(number) : null);
        // A symbolic solution skips the parts that repeat, as its text does: a factor left as a
        // symbol would otherwise read dL/dy_hat = dL/dy_hat = dL/dy_hat.
        m.put("compact", s.isSymbolic());
        List<Map<String, Object>> lines = new ArrayList<>();
        List<String> parts = s.isSymbolic() ? parts(st) : fullParts(st);
        for (int i = 0; i < parts.size(); i++) {
          // Each line wraps between its terms on a narrow page rather than being cut off; a
          // part in words (what training for 10000 updates gives) is a sentence, not a product
          // of words.
          String part = parts.get(i);
          lines.add(Map.of("math", words(part, names)
              ? (i == 0 ? MathMl.inline(st.id()) + " = " : "= ") + MathProse.html(part, names)
              : i == 0 ? MathMl.breakable(List.of(st.id(), part))
              : MathMl.breakableContinued(part)));
        }
        if (parts.isEmpty()) {
          lines.add(Map.of("math", MathMl.inline(st.id())));
        }
        m.put("lines", lines);
        steps.add(m);
      }
      sections.add(Map.of("title", sec.title(), "steps", steps));
    }
    scope.put("sections", sections);
    StringWriter w = new StringWriter();
    Page.TEMPLATE.execute(w, scope);
    return w.toString();
  }

  /** Symbolic form, numbers substituted (when any), result: the numeric solution's three lines. */
  private static List<String> fullParts(WorkedSolution.Step step) {
    List<String> parts = new ArrayList<>();
    parts.add(step.symbolic());
    if (!step.numeric().isEmpty()) {
      parts.add(step.numeric());
    }
    parts.add(step.result());
    return parts;
  }

  private static String json(WorkedSolution s) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("template", s.templateId());
    root.put("parameters", s.givens());
    root.put("quantities", s.answers());
    if (s.isSymbolic()) {
      root.put("symbols", s.symbols());
    }
    try {
      return Json.MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
