package org.nngrader.bank.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.nngrader.bank.generate.GenerationRequest;
import org.nngrader.bank.generate.ProblemSet;
import org.nngrader.bank.generate.ProblemSetWriter;
import org.nngrader.bank.graph.Derivation;
import org.nngrader.bank.graph.Formula;
import org.nngrader.bank.graph.QuantityGraph;
import org.nngrader.bank.graph.Values;
import org.nngrader.bank.mistake.Misconceptions;
import org.nngrader.bank.roster.Roster;
import org.nngrader.bank.roster.RosterReader;
import org.nngrader.bank.sheet.AnswerSheetXlsx;
import org.nngrader.bank.template.Template;
import org.nngrader.bank.template.Templates;

/** A simulated class shows every behaviour, and simulated.json says exactly what was written. */
class ClassSimulatorTest {

  static final List<String> IDS = List.of("sigmoid-2-2-2", "relu-2-1-1", "perceptron");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  static final Map<String, ProblemSet> SETS = new HashMap<>();
  static final Map<String, Path> SUBS = new HashMap<>();

  @BeforeAll
  static void generateAndSimulate() throws IOException {
    StringBuilder sb = new StringBuilder("student_id,name\n");
    for (int i = 1; i <= 40; i++) {
      sb.append(String.format("u%02d,Student %d%n", i, i));
    }
    Roster roster = RosterReader.parse("r.csv", sb.toString());
    for (String id : IDS) {
      ProblemSet set = ProblemSetWriter.write(new GenerationRequest(Templates.builtin(id),
          Templates.text(id), roster, 11, null, Map.of()), tmp.resolve("set-" + id));
      SETS.put(id, set);
      Path out = tmp.resolve("subs-" + id);
      ClassSimulator.simulate(ProblemSet.read(set.folder()), Profile.MIXED, 3, out);
      SUBS.put(id, out);
    }
  }

  static JsonNode report(String id) throws IOException {
    return JSON.readTree(SUBS.get(id).resolve("simulated.json").toFile());
  }

  static List<JsonNode> students(String id, String behaviourPrefix) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    report(id).get("students").forEach(s -> {
      if (s.get("behaviour").asText().startsWith(behaviourPrefix)) {
        out.add(s);
      }
    });
    return out;
  }

  @ParameterizedTest
  @FieldSource("IDS")
  void everyListedBehaviourAppearsInTheClass(String id) throws IOException {
    JsonNode r = report(id);
    assertThat(r.get("format").asText()).isEqualTo("nngrader-simulated-class/1");
    Set<String> cycle = new java.util.LinkedHashSet<>();
    r.get("behaviours").forEach(b -> cycle.add(b.get("id").asText()));
    Set<String> used = new java.util.HashSet<>();
    r.get("students").forEach(s -> used.add(s.get("behaviour").asText()));
    assertThat(used).isEqualTo(cycle);
    Set<String> kinds = used.stream().map(b -> b.replaceAll(":.*", "")).collect(Collectors.toSet());
    assertThat(kinds).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(Behaviour.Kind.values()).map(Behaviour.Kind::id).toList());
    assertThat(r.get("students")).hasSize(40);
  }

  @Test
  void classicTemplateGetsEveryApplicableMisconception() throws IOException {
    Set<String> used = students("sigmoid-2-2-2", "misconception:").stream()
        .map(s -> s.get("misconception").asText()).collect(Collectors.toSet());
    assertThat(used).contains("error-derivative-sign", "activation-derivative-omitted",
        "derivative-at-net", "path-omitted", "updated-weights-in-backprop", "gradient-added",
        "learning-rate-omitted", "loss-factor", "sigmoid-positive-exponent");
    assertThat(students("relu-2-1-1", "misconception:").stream()
        .map(s -> s.get("misconception").asText())).contains("relu-derivative-negative-side");
  }

  @ParameterizedTest
  @FieldSource("IDS")
  void filesHoldExactlyWhatTheReportSays(String id) throws IOException {
    Path subs = SUBS.get(id);
    for (JsonNode s : report(id).get("students")) {
      Path file = subs.resolve(s.get("file").asText());
      assertThat(file).isRegularFile();
      String behaviour = s.get("behaviour").asText();
      if (behaviour.equals("truncated")) {
        assertThat(s.get("readable").asBoolean()).isFalse();
        assertThatThrownBy(() -> open(file)).isInstanceOf(Exception.class);
        continue;
      }
      if (behaviour.equals("csv")) {
        assertThat(file.toString()).endsWith(".csv");
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(1)).isEqualTo("student_id,Student ID," + s.get("id").asText());
        JsonNode steps = s.get("steps");
        for (int i = 0; i < steps.size(); i++) {
          String line = lines.get(3 + i);
          assertThat(Double.parseDouble(line.substring(line.lastIndexOf(',') + 1)))
              .isEqualTo(steps.get(i).get("expected").doubleValue());
        }
        continue;
      }
      try (XSSFWorkbook wb = open(file)) {
        XSSFSheet sheet = wb.getSheet(AnswerSheetXlsx.SHEET);
        assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo(s.get("id").asText());
        JsonNode steps = s.get("steps");
        for (int i = 0; i < steps.size(); i++) {
          JsonNode st = steps.get(i);
          Cell c = sheet.getRow(AnswerSheetXlsx.FIRST_STEP_ROW + i).getCell(2);
          assertThat(sheet.getRow(AnswerSheetXlsx.FIRST_STEP_ROW + i).getCell(0)
              .getStringCellValue()).isEqualTo(st.get("step").asText());
          switch (st.get("cell").asText()) {
            case "number" -> assertThat(c.getNumericCellValue())
                .isEqualTo(st.get("value").doubleValue());
            case "text" -> assertThat(c.getStringCellValue()).isEqualTo(st.get("written").asText());
            case "formula" -> {
              assertThat(c.getCellType()).isEqualTo(CellType.FORMULA);
              assertThat("=" + c.getCellFormula()).isEqualTo(st.get("written").asText());
              assertThat(c.getNumericCellValue()).isEqualTo(st.get("expected").doubleValue());
            }
            case "blank" -> assertThat(c.getCellType()).isEqualTo(CellType.BLANK);
            default -> throw new AssertionError(st);
          }
        }
      }
    }
  }

  private static XSSFWorkbook open(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new XSSFWorkbook(in);
    }
  }

  @ParameterizedTest
  @FieldSource("IDS")
  void correctStudentsWriteTheKeyAndRoundedOnesFourDecimalsOrFourFiguresWhenSmall(String id) throws IOException {
    for (JsonNode s : students(id, "correct")) {
      assertThat(s.get("altered")).isEmpty();
      s.get("steps").forEach(st -> assertThat(st.get("value").doubleValue())
          .isEqualTo(st.get("expected").doubleValue()));
    }
    for (JsonNode s : students(id, "rounded")) {
      assertThat(s.get("altered")).isNotEmpty();
      s.get("steps").forEach(st -> {
        BigDecimal v = new BigDecimal(st.get("value").asText()).stripTrailingZeros();
        if (v.abs().compareTo(new BigDecimal("0.01")) >= 0) {
          assertThat(v.scale()).as(st.toString()).isLessThanOrEqualTo(4);
        } else {
          assertThat(v.precision()).as("4 significant figures below 0.01: " + st).isLessThanOrEqualTo(4);
        }
        if (!st.get("change").isNull()) {
          assertThat(st.get("change").asText()).isEqualTo("rounded");
        }
      });
    }
  }

  @ParameterizedTest
  @FieldSource("IDS")
  void aSlipIsEarlyAndLaterStepsFollowFromIt(String id) throws IOException {
    Template t = SETS.get(id).template();
    for (JsonNode s : students(id, "slip")) {
      List<JsonNode> slips = new ArrayList<>();
      Map<String, Double> written = new HashMap<>();
      s.get("steps").forEach(st -> {
        written.put(st.get("step").asText(), st.get("value").doubleValue());
        if ("slip".equals(st.get("change").asText())) {
          slips.add(st);
        }
      });
      assertThat(slips).hasSize(1);
      String step = slips.get(0).get("step").asText();
      assertThat(t.asked().indexOf(step)).isLessThan(t.asked().size() / 3);
      double slipped = written.get(step);
      assertThat(slipped).isNotEqualTo(slips.get(0).get("expected").doubleValue());
      assertThat(s.get("altered").size()).isGreaterThan(1);
      // Recompute independently: the graph with the slipped step as a constant.
      QuantityGraph g = t.graph().mutate(q -> q.id().equals(step) ? q.withDerivations(List.of(
          new Derivation(List.of(), new Formula("slip", p -> slipped)))) : q);
      Values v = g.evaluate(SETS.get(id).student(s.get("id").asText()).orElseThrow().parameters());
      t.asked().forEach(a -> assertThat(written.get(a)).as(a).isEqualTo(v.get(a)));
    }
  }

  @ParameterizedTest
  @FieldSource("IDS")
  void aMisconceptionStudentWritesTheMistakenGraphsValues(String id) throws IOException {
    Template t = SETS.get(id).template();
    for (JsonNode s : students(id, "misconception:")) {
      var m = Misconceptions.byId(s.get("misconception").asText()).orElseThrow();
      Map<String, Double> params =
          SETS.get(id).student(s.get("id").asText()).orElseThrow().parameters();
      List<Values> candidates = m.apply(t.network(), t.graph()).stream()
          .map(g -> g.evaluate(params)).toList();
      boolean matches = candidates.stream().anyMatch(v -> {
        for (JsonNode st : s.get("steps")) {
          String step = st.get("step").asText();
          // A step the mistaken graph names no quantity for is written as in the key.
          double meant = v.graph().contains(step) ? v.get(step) : st.get("expected").doubleValue();
          if (st.get("cell").asText().equals("number") && st.get("value").doubleValue() != meant) {
            return false;
          }
        }
        return true;
      });
      boolean unchanged = s.get("altered").isEmpty();
      assertThat(matches || unchanged).as(s.get("id") + " " + m.id()).isTrue();
      if (!unchanged) {
        assertThat(s.get("steps").findValuesAsText("change")).contains("misconception");
      }
    }
  }

  @ParameterizedTest
  @FieldSource("IDS")
  void unreadableAndUnusualCellsAreWhereTheReportSays(String id) throws IOException {
    for (JsonNode s : students(id, "blank")) {
      List<String> changes = s.get("steps").findValuesAsText("change");
      assertThat(changes).contains("blank");
      s.get("steps").forEach(st -> {
        if ("blank".equals(st.get("change").asText())) {
          assertThat(st.get("value").isNull()).isTrue();
          assertThat(st.get("cell").asText()).isEqualTo("blank");
        }
      });
    }
    for (JsonNode s : students(id, "decimal-comma")) {
      JsonNode st = only(s, "decimal-comma");
      String text = st.get("written").asText();
      assertThat(text).contains(",").doesNotContain(".");
      assertThat(Double.parseDouble(text.replace(',', '.')))
          .isCloseTo(st.get("expected").doubleValue(),
              org.assertj.core.api.Assertions.withinPercentage(0.01));
    }
    for (JsonNode s : students(id, "not-a-number")) {
      JsonNode st = only(s, "not-a-number");
      assertThatThrownBy(() -> Double.parseDouble(st.get("written").asText()))
          .isInstanceOf(NumberFormatException.class);
      assertThat(st.get("value").isNull()).isTrue();
    }
    for (JsonNode s : students(id, "formula")) {
      List<String> formulas = new ArrayList<>();
      s.get("steps").forEach(st -> {
        if (st.get("cell").asText().equals("formula")) {
          formulas.add(st.get("written").asText());
          assertThat(st.get("value").doubleValue()).isEqualTo(st.get("expected").doubleValue());
        }
      });
      assertThat(formulas).anyMatch(f -> f.matches("=[0-9.]+")).anyMatch(f -> f.contains("C"));
    }
  }

  private static JsonNode only(JsonNode student, String change) {
    List<JsonNode> out = new ArrayList<>();
    student.get("steps").forEach(st -> {
      if (change.equals(st.get("change").asText())) {
        out.add(st);
      }
    });
    assertThat(out).hasSize(1);
    return out.get(0);
  }

  @Test
  void sameSetProfileAndSeedGiveIdenticalBytes() throws IOException {
    Path again = tmp.resolve("again");
    ClassSimulator.simulate(ProblemSet.read(SETS.get("perceptron").folder()), Profile.MIXED, 3,
        again);
    Path first = SUBS.get("perceptron");
    try (Stream<Path> files = Files.list(first)) {
      for (Path f : files.toList()) {
        assertThat(Files.readAllBytes(again.resolve(f.getFileName()))).as(f.toString())
            .isEqualTo(Files.readAllBytes(f));
      }
    }
  }

  @Test
  void correctProfileAndOutputFolderChecks() throws IOException {
    Path out = tmp.resolve("correct");
    SimulationReport r = ClassSimulator.simulate(ProblemSet.read(SETS.get("relu-2-1-1").folder()),
        Profile.CORRECT, 0, out);
    assertThat(r.students()).allSatisfy(s -> assertThat(s.behaviour()).isEqualTo("correct"));
    assertThatThrownBy(() -> ClassSimulator.simulate(SETS.get("relu-2-1-1"), Profile.CORRECT, 0,
        out)).hasMessageContaining("is not empty; give a new folder for the simulated submissions");
    assertThatThrownBy(() -> Profile.parse("chaos"))
        .hasMessage("unknown profile 'chaos'; valid: mixed, correct");
  }
}
