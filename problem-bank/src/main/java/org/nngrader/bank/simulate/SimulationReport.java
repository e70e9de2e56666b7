package org.nngrader.bank.simulate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * What {@code nngrader simulate} did to each student, written as {@code simulated.json} so
 * that tests can check the grader against it. Immutable.
 */
public record SimulationReport(
    String templateId, String profile, long seed, List<CycleEntry> cycle,
    List<SimulatedStudent> students) {

  /** One behaviour of the profile's cycle: {@code slip}, {@code misconception:<id>}, ... */
  public record CycleEntry(String id, String description) {

    public static CycleEntry of(Behaviour b) {
      return new CycleEntry(b.id(), b.description());
    }

    public static CycleEntry of(ExpressionBehaviour b) {
      return new CycleEntry(b.id(), b.description());
    }
  }

  /** The file name in the output folder. */
  public static final String FILE = "simulated.json";
  public static final String FORMAT = "nngrader-simulated-class/1";

  /**
   * One student's simulated submission.
   *
   * @param file the file written, relative to the output folder
   * @param readable false for a deliberately corrupt file
   * @param altered the steps whose cell differs from an all-correct full-precision sheet
   */
  public record SimulatedStudent(
      String id, String variant, String behaviour, String description, String misconception,
      String file, boolean readable, List<String> altered, List<Step> steps) {

    public SimulatedStudent {
      altered = List.copyOf(altered);
      steps = List.copyOf(steps);
    }
  }

  /**
   * One answer cell as written.
   *
   * @param expected the key value; NaN for an expression step
   * @param cell {@code number}, {@code text}, {@code formula} or {@code blank}
   * @param written the cell content as text ({@link Double#toString} for numbers, the text, or
   *     the formula with its '='); null when blank
   * @param value the number the student meant (the cached value of a formula); null when blank
   *     or not a number
   * @param change null when the cell holds the key value as a number, else why not: {@code
   *     rounded}, {@code slip}, {@code follows-slip}, {@code misconception}, {@code
   *     follows-misconception}, {@code blank}, {@code decimal-comma}, {@code not-a-number} or
   *     {@code formula}; on a symbolic exercise also {@code equivalent-form}, {@code
   *     factor-left-out}, {@code sign-flipped}, {@code wrong-number}, {@code garbled} and
   *     {@code rounded} (a number step)
   * @param expectedExpression the key expression of an expression step (then {@code expected}
   *     is NaN and simulated.json writes this as {@code expected}); null for a number step
   */
  public record Step(
      String step, double expected, String cell, String written, Double value, String change,
      String expectedExpression) {

    /** A number step. */
    public Step(
        String step, double expected, String cell, String written, Double value, String change) {
      this(step, expected, cell, written, value, change, null);
    }
  }

  public SimulationReport {
    cycle = List.copyOf(cycle);
    students = List.copyOf(students);
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter JSON = MAPPER.writer(new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  /** The simulated.json text. */
  public String json() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("tool_version", org.nngrader.bank.generate.ProblemSet.TOOL_VERSION);
    root.put("template", templateId);
    root.put("profile", profile);
    root.put("seed", seed);
    ArrayNode behaviours = root.putArray("behaviours");
    for (CycleEntry b : cycle) {
      behaviours.addObject().put("id", b.id()).put("description", b.description());
    }
    ArrayNode list = root.putArray("students");
    for (SimulatedStudent s : students) {
      ObjectNode o = list.addObject();
      o.put("id", s.id());
      o.put("variant", s.variant());
      o.put("behaviour", s.behaviour());
      o.put("description", s.description());
      o.put("misconception", s.misconception());
      o.put("file", s.file());
      o.put("readable", s.readable());
      ArrayNode altered = o.putArray("altered");
      s.altered().forEach(altered::add);
      ArrayNode steps = o.putArray("steps");
      for (Step st : s.steps()) {
        ObjectNode x = steps.addObject();
        x.put("step", st.step());
        if (st.expectedExpression() != null) {
          x.put("expected", st.expectedExpression());
        } else {
          x.put("expected", st.expected());
        }
        x.put("cell", st.cell());
        x.put("written", st.written());
        x.put("value", st.value());
        x.put("change", st.change());
      }
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
