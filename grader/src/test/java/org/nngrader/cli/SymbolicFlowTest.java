package org.nngrader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The whole flow on each symbolic template, in-process: generate 20 students, simulate a mixed
 * class, grade it and export the grades; every simulated behaviour gets the verdicts it should,
 * step by step, checked against simulated.json.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SymbolicFlowTest {

  static final List<String> TEMPLATES = List.of("symbolic-3-2-1", "exp-output-2-2-1");
  static final ObjectMapper JSON = new ObjectMapper();
  /** "dL/dw2: f'(1.6) (dh1/dz_h1) left out" in a factor-left-out student's description. */
  static final Pattern LEFT_OUT = Pattern.compile("([^ (;]+): \\S.*? \\(([^()]+)\\) left out");

  @TempDir static Path tmp;
  final Map<String, Path> results = new HashMap<>();
  final Map<String, JsonNode> simulated = new HashMap<>();
  final Map<String, String> gradeOut = new HashMap<>();

  int run(StringWriter out, StringWriter err, String... args) {
    return Main.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @BeforeAll
  void generateSimulateAndGrade() throws IOException {
    StringBuilder roster = new StringBuilder("student_id,name\n");
    for (int i = 1; i <= 20; i++) {
      roster.append(String.format("s%02d,Student %d%n", i, i));
    }
    Path r = tmp.resolve("roster.csv");
    Files.writeString(r, roster.toString());
    for (String t : TEMPLATES) {
      Path set = tmp.resolve("set-" + t);
      Path subs = tmp.resolve("subs-" + t);
      Path res = tmp.resolve("results-" + t);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      assertThat(run(out, err, "generate", "--template", t, "--roster", r.toString(), "--seed",
          "11", "--out", set.toString())).as(err.toString()).isZero();
      assertThat(run(out, err, "simulate", "--set", set.toString(), "--out", subs.toString()))
          .as(err.toString()).isZero();
      StringWriter graded = new StringWriter();
      assertThat(run(graded, err, "grade", "--set", set.toString(), "--submissions",
          subs.toString(), "--out", res.toString(), "--threads", "2")).as(err.toString()).isZero();
      assertThat(err.toString()).isEmpty();
      results.put(t, res);
      simulated.put(t, JSON.readTree(subs.resolve("simulated.json").toFile()));
      gradeOut.put(t, graded.toString());
    }
  }

  JsonNode report(String template, String student) throws IOException {
    return JSON.readTree(results.get(template).resolve(student).resolve("report.json").toFile());
  }

  static JsonNode step(JsonNode report, String id) {
    for (JsonNode s : report.get("steps")) {
      if (s.get("step").asText().equals(id)) {
        return s;
      }
    }
    throw new AssertionError("no step " + id + " in " + report.get("studentId"));
  }

  @ParameterizedTest
  @FieldSource("TEMPLATES")
  void everyStudentIsGradedAndEveryBehaviourAppears(String t) throws IOException {
    assertThat(gradeOut.get(t)).startsWith("Graded 20 of 20 students");
    Set<String> behaviours = new HashSet<>();
    simulated.get(t).get("students").forEach(s -> behaviours.add(s.get("behaviour").asText()));
    assertThat(behaviours).containsExactlyInAnyOrder("correct", "equivalent-form",
        "factor-left-out", "sign-flipped", "wrong-number", "garbled", "blank", "csv");
    assertThat(Files.readAllLines(results.get(t).resolve("grades.csv"))).hasSize(21);
  }

  @ParameterizedTest
  @FieldSource("TEMPLATES")
  void eachBehaviourGetsItsVerdicts(String t) throws IOException {
    for (JsonNode s : simulated.get(t).get("students")) {
      String behaviour = s.get("behaviour").asText();
      JsonNode report = report(t, s.get("id").asText());
      assertThat(report.get("status").asText()).isEqualTo("graded");
      for (JsonNode cell : s.get("steps")) {
        String id = cell.get("step").asText();
        JsonNode graded = step(report, id);
        String verdict = graded.get("verdict").asText();
        String change = cell.get("change").isNull() ? null : cell.get("change").asText();
        String as = s.get("id").asText() + " " + behaviour + " " + id + ": "
            + graded.get("answer").asText() + " -> " + graded.get("feedback").asText();
        if (change == null || change.equals("equivalent-form") || change.equals("rounded")) {
          // Correct answers in any equivalent form, including rounded numbers.
          assertThat(verdict).as(as).isEqualTo("correct");
        } else if (change.equals("blank")) {
          assertThat(verdict).as(as).isEqualTo("missing");
        } else if (change.equals("garbled")) {
          assertThat(verdict).as(as).isEqualTo("unreadable");
          assertThat(graded.get("feedback").asText()).as(as)
              .containsPattern("at column \\d+: expected .+ but found");
        } else {
          // factor-left-out, sign-flipped, wrong-number: not correct, diagnosed by name.
          assertThat(change).isEqualTo(behaviour);
          assertThat(verdict).as(as).isEqualTo("misconception");
          assertThat(graded.get("misconception").asText()).as(as).isEqualTo(behaviour);
          assertThat(graded.get("points").asDouble()).isZero();
          // The expected expression is shown as text.
          assertThat(graded.get("expected").isTextual()).isTrue();
          assertThat(graded.get("expected").asText()).isEqualTo(cell.get("expected").asText());
        }
      }
      if (behaviour.equals("correct") || behaviour.equals("csv")
          || behaviour.equals("equivalent-form")) {
        assertThat(report.get("percent").asDouble()).as(s.get("id").asText()).isEqualTo(100.0);
      }
    }
  }

  @ParameterizedTest
  @FieldSource("TEMPLATES")
  void aFactorLeftOutIsNamedInTheFeedback(String t) throws IOException {
    int named = 0;
    for (JsonNode s : simulated.get(t).get("students")) {
      if (!s.get("behaviour").asText().equals("factor-left-out")) {
        continue;
      }
      JsonNode report = report(t, s.get("id").asText());
      Matcher m = LEFT_OUT.matcher(s.get("description").asText());
      while (m.find()) {
        assertThat(step(report, m.group(1)).get("feedback").asText())
            .contains("is left out").contains("It is " + m.group(2));
        named++;
      }
    }
    assertThat(named).isGreaterThanOrEqualTo(3);
  }

  @ParameterizedTest
  @FieldSource("TEMPLATES")
  void theSummaryNamesTheExpressionMistakesAndExportWorks(String t) throws IOException {
    String summary = Files.readString(results.get(t).resolve("summary.html"));
    assertThat(summary).contains("a factor of the chain rule left out")
        .contains("sign of the expression flipped").contains("a wrong number in the expression");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Path csv = tmp.resolve("export-" + t + ".csv");
    assertThat(run(out, err, "export", "--results", results.get(t).toString(), "--format",
        "canvas", "--out", csv.toString())).as(err.toString()).isZero();
    assertThat(Files.readAllLines(csv)).hasSize(22);
  }

  @ParameterizedTest
  @FieldSource("TEMPLATES")
  void theHtmlReportShowsTheAnswerAndTheExpectedExpression(String t) throws IOException {
    JsonNode wrong = null;
    for (JsonNode s : simulated.get(t).get("students")) {
      if (s.get("behaviour").asText().equals("sign-flipped")) {
        wrong = s;
        break;
      }
    }
    JsonNode cell = wrong.get("steps").get(wrong.get("steps").size() - 1);
    String html = Files.readString(results.get(t).resolve(wrong.get("id").asText())
        .resolve("report.html"));
    // The answer as typed (escaped text); the expected expression as MathML, one element per
    // term, whose plain texts give it back.
    String written = "<code>" + escape(cell.get("written").asText()) + "</code>";
    assertThat(html).contains(written);
    String row = html.substring(html.indexOf(written));
    row = row.substring(0, row.indexOf("</tr>"));
    String expected = row.substring(row.indexOf("<dt>Expected</dt><dd>"));
    expected = expected.substring(0, expected.indexOf("</dd>"));
    assertThat(expected).contains("<math>");
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("<annotation encoding=\"text/plain\">([^<]*)</annotation>").matcher(expected);
    StringBuilder plain = new StringBuilder();
    while (m.find()) {
      plain.append(plain.length() == 0 ? "" : " ").append(m.group(1));
    }
    assertThat(plain.toString().replace("&amp;", "&")).isEqualTo(cell.get("expected").asText());
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("'", "&#39;").replace("\"", "&quot;").replace("=", "&#61;");
  }
}
