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
import org.nngrader.bank.model.Numbers;

/** Renders a {@link WorkedSolution} as plain text, Markdown, self-contained HTML or JSON. */
public enum SolutionFormat {
  TEXT,
  MD,
  HTML,
  JSON;

  private static final ObjectMapper JSON_MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Mustache HTML_TEMPLATE =
      new DefaultMustacheFactory("org/nngrader/bank/solution").compile("solution.mustache");

  /** Parses a format name; the message lists the valid ones. */
  public static SolutionFormat parse(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown format '" + name + "'; valid: text, md, html, json");
    }
  }

  public String render(WorkedSolution s) {
    return switch (this) {
      case TEXT -> text(s);
      case MD -> markdown(s);
      case HTML -> html(s);
      case JSON -> json(s);
    };
  }

  /** {@code id = symbolic = numeric = result}, skipping parts that repeat. */
  static String line(WorkedSolution.Step step) {
    StringBuilder sb = new StringBuilder(step.id()).append(" = ").append(step.symbolic());
    if (!step.numeric().isEmpty()) {
      sb.append(" = ").append(step.numeric());
    }
    if (!step.result().equals(step.numeric()) && !step.result().equals(step.symbolic())) {
      sb.append(" = ").append(step.result());
    }
    return sb.toString();
  }

  private static String text(WorkedSolution s) {
    StringBuilder sb = new StringBuilder();
    sb.append(s.title()).append(" (").append(s.templateId()).append(")\n\n");
    sb.append("Given values\n");
    s.givens().forEach((k, v) -> sb.append("  ").append(k).append(" = ").append(Numbers.given(v)).append('\n'));
    for (WorkedSolution.Section sec : s.sections()) {
      sb.append('\n').append(sec.title()).append('\n');
      for (WorkedSolution.Step st : sec.steps()) {
        sb.append(st.asked() ? "* " : "  ").append(line(st)).append('\n');
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

  private static String html(WorkedSolution s) {
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("title", s.title());
    scope.put("templateId", s.templateId());
    scope.put("description", s.description());
    List<Map<String, String>> givens = new ArrayList<>();
    s.givens().forEach((k, v) -> givens.add(Map.of("id", k, "value", Numbers.given(v))));
    scope.put("givens", givens);
    List<Map<String, Object>> sections = new ArrayList<>();
    for (WorkedSolution.Section sec : s.sections()) {
      List<Map<String, Object>> steps = new ArrayList<>();
      for (WorkedSolution.Step st : sec.steps()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", st.id());
        m.put("description", st.description());
        m.put("symbolic", st.symbolic());
        m.put("numeric", st.numeric());
        m.put("result", st.result());
        m.put("asked", st.asked());
        steps.add(m);
      }
      sections.add(Map.of("title", sec.title(), "steps", steps));
    }
    scope.put("sections", sections);
    StringWriter w = new StringWriter();
    HTML_TEMPLATE.execute(w, scope);
    return w.toString();
  }

  private static String json(WorkedSolution s) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("template", s.templateId());
    root.put("parameters", s.givens());
    root.put("quantities", s.asked());
    try {
      return JSON_MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
