package org.nngrader.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nngrader.cli.Main;

/**
 * The acceptance check: a class from generate + simulate --profile mixed, graded, gets
 * the verdicts each simulated behaviour should get (simulated.json says what was done to whom).
 */
class SimulatedClassGradingTest {

  static int run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    assertThat(code).as("nngrader %s: %s", args[0], err).isIn(0, 1);
    return code;
  }

  static String roster(int n) {
    StringBuilder b = new StringBuilder("student_id,name,email\n");
    for (int i = 1; i <= n; i++) {
      b.append(String.format("s%03d,Student %d,s%03d@example.edu%n", i, i, i));
    }
    return b.toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sigmoid-2-2-2", "relu-2-1-1", "sigmoid-2-2-1", "perceptron"})
  void everySimulatedBehaviourGetsTheVerdictsItShould(String template, @TempDir Path dir) throws Exception {
    Path roster = dir.resolve("roster.csv");
    Files.writeString(roster, roster(40));
    run("generate", "--template", template, "--roster", roster.toString(), "--seed", "11",
        "--out", dir.resolve("set").toString());
    run("simulate", "--set", dir.resolve("set").toString(), "--out", dir.resolve("subs").toString(),
        "--profile", "mixed", "--seed", "5");
    int code = run("grade", "--set", dir.resolve("set").toString(), "--submissions",
        dir.resolve("subs").toString(), "--out", dir.resolve("results").toString());
    assertThat(code).as("the truncated sheets are listed, so exit 1").isEqualTo(1);

    ObjectMapper json = new ObjectMapper();
    JsonNode sim = json.readTree(dir.resolve("subs/simulated.json").toFile());
    Map<String, CSVRecord> grades = new HashMap<>();
    try (CSVParser p = CSVParser.parse(dir.resolve("results/grades.csv"), java.nio.charset.StandardCharsets.UTF_8,
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
      for (CSVRecord r : p) {
        grades.put(r.get("student_id"), r);
      }
    }
    Set<String> behaviours = new HashSet<>();
    for (JsonNode st : sim.get("students")) {
      String id = st.get("id").asText();
      String behaviour = st.get("behaviour").asText();
      behaviours.add(behaviour.replaceAll(":.*", ""));
      if (!behaviour.equals("truncated")) {
        assertThat(grades.get(id).get("flags")).as(id + " (" + behaviour + ") is no copy")
            .doesNotContain("possible-copying");
      }
      if (behaviour.equals("truncated")) {
        assertThat(grades.get(id).get("status")).as(id).isEqualTo("failed");
        continue;
      }
      JsonNode report = json.readTree(dir.resolve("results").resolve(id).resolve("report.json").toFile());
      Map<String, JsonNode> verdicts = new HashMap<>();
      report.get("steps").forEach(s -> verdicts.put(s.get("step").asText(), s));
      for (JsonNode step : st.get("steps")) {
        String name = step.get("step").asText();
        String change = step.get("change").isNull() ? "none" : step.get("change").asText();
        String verdict = verdicts.get(name).get("verdict").asText();
        String why = id + " (" + behaviour + ") " + name + " [" + change + "]";
        switch (change) {
          case "none", "decimal-comma", "formula" -> assertThat(verdict).as(why).isEqualTo("correct");
          // Rounded to 4 decimals: the right value at the precision written is "imprecise", with
          // full credit (4 significant figures, at least the 3 the default precision policy asks).
          case "rounded" -> assertThat(verdict).as(why).isIn("correct", "imprecise", "follow-through");
          case "blank" -> assertThat(verdict).as(why).isEqualTo("missing");
          case "not-a-number" -> assertThat(verdict).as(why).isEqualTo("unreadable");
          case "slip" -> assertThat(verdict).as(why).isEqualTo("incorrect");
          case "follows-slip" -> assertThat(verdict).as(why).isIn("follow-through", "correct");
          case "misconception", "follows-misconception" ->
              assertThat(verdict).as(why).isIn("misconception", "follow-through", "correct", "imprecise");
          default -> throw new AssertionError("unknown change " + change);
        }
      }
      // Rounding to 3 significant figures and carrying on loses nothing under the default rule.
      if (behaviour.equals("rounded") || behaviour.equals("rounded-3sf")
          || behaviour.equals("correct") || behaviour.equals("csv")) {
        assertThat(grades.get(id).get("score")).as(id + " full marks").isEqualTo(grades.get(id).get("max"));
      }
      if (behaviour.equals("slip")) {
        assertThat(report.get("steps").findValuesAsText("verdict")).as(id).containsOnlyOnce("incorrect");
      }
      JsonNode m = st.get("misconception");
      if (m != null && !m.isNull()) {
        boolean anyWrong = false;
        for (JsonNode s : report.get("steps")) {
          anyWrong |= !s.get("verdict").asText().equals("correct");
        }
        if (anyWrong) {
          assertThat(report.get("steps").findValuesAsText("misconception")).as(id + " names " + m.asText())
              .contains(m.asText());
        }
      }
    }
    assertThat(behaviours).contains("correct", "rounded", "slip", "misconception", "blank",
        "decimal-comma", "not-a-number", "formula", "csv", "truncated", "rounded-3sf",
        "rounded-2dp");
    assertThat(List.of(Files.list(dir.resolve("results")).count())).isNotEmpty();
  }
}
