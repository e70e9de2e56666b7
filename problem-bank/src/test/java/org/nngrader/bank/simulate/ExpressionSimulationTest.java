package org.nngrader.bank.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.nngrader.bank.expr.EquivalenceChecker;
import org.nngrader.bank.expr.Expr;
import org.nngrader.bank.expr.ExprDiagnosis;
import org.nngrader.bank.expr.ExprParser;
import org.nngrader.bank.expr.ExprSyntaxException;
import org.nngrader.bank.generate.GenerationRequest;
import org.nngrader.bank.generate.ProblemSet;
import org.nngrader.bank.generate.ProblemSetWriter;
import org.nngrader.bank.roster.Roster;
import org.nngrader.bank.roster.RosterReader;
import org.nngrader.bank.sheet.AnswerSheetXlsx;
import org.nngrader.bank.symbolic.SymbolicSolution;
import org.nngrader.bank.symbolic.SymbolicSolver;
import org.nngrader.bank.template.Template;
import org.nngrader.bank.template.Templates;

/**
 * A simulated class of a symbolic exercise: every expression behaviour appears, simulated.json
 * says what was written, and what was written is what the behaviour promises, judged by the
 * same checker the grader uses.
 */
class ExpressionSimulationTest {

  static final List<String> IDS = List.of("symbolic-3-2-1", "exp-output-2-2-1");
  static final ObjectMapper JSON = new ObjectMapper();
  /** The built-in rubrics of both templates accept 0.1%. */
  static final EquivalenceChecker CHECKER =
      EquivalenceChecker.defaults().withRelativeTolerance(1e-3).withAbsoluteFloor(1e-9);

  @TempDir static Path tmp;
  static final Map<String, ProblemSet> SETS = new HashMap<>();
  static final Map<String, Path> SUBS = new HashMap<>();

  @BeforeAll
  static void generateAndSimulate() throws IOException {
    StringBuilder sb = new StringBuilder("student_id\n");
    for (int i = 1; i <= 24; i++) {
      sb.append(String.format("u%02d%n", i));
    }
    Roster roster = RosterReader.parse("r.csv", sb.toString());
    for (String id : IDS) {
      ProblemSet set = ProblemSetWriter.write(new GenerationRequest(Templates.builtin(id),
          Templates.text(id), roster, 5, null, Map.of()), tmp.resolve("set-" + id));
      SETS.put(id, set);
      Path out = tmp.resolve("subs-" + id);
      ClassSimulator.simulate(ProblemSet.read(set.folder()), Profile.MIXED, 9, out);
      SUBS.put(id, out);
    }
  }

  static JsonNode report(String id) throws IOException {
    return JSON.readTree(SUBS.get(id).resolve("simulated.json").toFile());
  }

  static Expr parse(String text) {
    try {
      return ExprParser.parse(text);
    } catch (ExprSyntaxException e) {
      throw new AssertionError(text + ": " + e.getMessage(), e);
    }
  }

  @ParameterizedTest
  @FieldSource("IDS")
  void everyExpressionBehaviourAppearsInOrder(String id) throws IOException {
    JsonNode r = report(id);
    List<String> cycle = new ArrayList<>();
    r.get("behaviours").forEach(b -> cycle.add(b.get("id").asText()));
    assertThat(cycle).containsExactly("correct", "equivalent-form", "factor-left-out",
        "sign-flipped", "wrong-number", "garbled", "blank", "csv");
    assertThat(r.get("students")).hasSize(24);
    for (int i = 0; i < 24; i++) {
      JsonNode s = r.get("students").get(i);
      assertThat(s.get("behaviour").asText()).isEqualTo(cycle.get(i % cycle.size()));
      assertThat(s.get("file").asText()).endsWith(cycle.get(i % 8).equals("csv") ? ".csv"
          : ".xlsx");
      assertThat(SUBS.get(id).resolve(s.get("file").asText())).isRegularFile();
    }
  }

  @ParameterizedTest
  @FieldSource("IDS")
  void whatIsWrittenIsWhatTheBehaviourPromises(String id) throws IOException {
    Template t = Templates.builtin(id);
    ProblemSet set = SETS.get(id);
    for (JsonNode s : report(id).get("students")) {
      String behaviour = s.get("behaviour").asText();
      SymbolicSolution solved = SymbolicSolver.solve(t,
          set.student(s.get("id").asText()).orElseThrow().parameters());
      List<String> altered = new ArrayList<>();
      s.get("altered").forEach(a -> altered.add(a.asText()));
      for (JsonNode cell : s.get("steps")) {
        String step = cell.get("step").asText();
        var ref = solved.step(step);
        String as = s.get("id").asText() + " " + behaviour + " " + step;
        String change = cell.get("change").isNull() ? null : cell.get("change").asText();
        assertThat(altered.contains(step)).as(as).isEqualTo(change != null);
        if (!ref.isExpression()) {
          assertThat(cell.get("expected").doubleValue()).isEqualTo(ref.number());
          if (change == null) {
            assertThat(cell.get("value").doubleValue()).as(as).isEqualTo(ref.number());
          }
          continue;
        }
        assertThat(cell.get("expected").asText()).isEqualTo(ref.expression().toString());
        if (change == null) {
          assertThat(cell.get("written").asText()).as(as).isEqualTo(ref.expression().toString());
          continue;
        }
        assertThat(change).as(as).isIn(behaviour, "blank");
        if (change.equals("blank")) {
          assertThat(cell.get("cell").asText()).isEqualTo("blank");
          continue;
        }
        String written = cell.get("written").asText();
        if (change.equals("garbled")) {
          assertThatThrownBy(() -> ExprParser.parse(written)).as(as)
              .isInstanceOf(ExprSyntaxException.class);
          continue;
        }
        Expr e = parse(written);
        boolean equivalent = CHECKER.compare(e, ref.expression(), solved.allowedSymbols(),
            solved.allowedFunctions()).isEquivalent();
        if (change.equals("equivalent-form")) {
          assertThat(written).as(as).isNotEqualTo(ref.expression().toString());
          assertThat(equivalent).as(as + ": " + written).isTrue();
        } else {
          assertThat(equivalent).as(as + ": " + written).isFalse();
          Optional<ExprDiagnosis> d = CHECKER.diagnose(e, ref.expression(),
              solved.allowedSymbols(), solved.allowedFunctions(), List.of());
          if (!change.equals("factor-left-out")) {
            // A negative factor left out is named against the negative (see the grader).
            assertThat(d).as(as + ": " + written).map(x -> x.mistake().id()).contains(change);
          }
        }
      }
    }
  }

  @Test
  void expressionsAreTextCellsAndNumbersNumericCells() throws IOException {
    JsonNode s = report("exp-output-2-2-1").get("students").get(0);
    try (InputStream in = Files.newInputStream(SUBS.get("exp-output-2-2-1")
        .resolve(s.get("file").asText())); XSSFWorkbook wb = new XSSFWorkbook(in)) {
      var sheet = wb.getSheet(AnswerSheetXlsx.SHEET);
      Cell p = sheet.getRow(AnswerSheetXlsx.FIRST_STEP_ROW).getCell(AnswerSheetXlsx.ANSWER_COLUMN);
      Cell dw5 = sheet.getRow(AnswerSheetXlsx.FIRST_STEP_ROW + 1)
          .getCell(AnswerSheetXlsx.ANSWER_COLUMN);
      assertThat(p.getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(dw5.getCellType()).isEqualTo(CellType.STRING);
      assertThat(dw5.getStringCellValue()).startsWith("(").contains(" - y) * ");
    }
  }

  @Test
  void sameSetProfileAndSeedGiveIdenticalBytes() throws IOException {
    Path again = tmp.resolve("again");
    ClassSimulator.simulate(ProblemSet.read(SETS.get("symbolic-3-2-1").folder()), Profile.MIXED,
        9, again);
    Path first = SUBS.get("symbolic-3-2-1");
    try (Stream<Path> files = Files.list(first)) {
      for (Path f : files.toList()) {
        assertThat(Files.readAllBytes(again.resolve(f.getFileName()))).as(f.toString())
            .isEqualTo(Files.readAllBytes(f));
      }
    }
  }

  @Test
  void theCorrectProfileWritesTheKey() throws IOException {
    SimulationReport r = ClassSimulator.simulate(
        ProblemSet.read(SETS.get("exp-output-2-2-1").folder()), Profile.CORRECT, 0,
        tmp.resolve("correct"));
    assertThat(r.cycle()).containsExactly(new SimulationReport.CycleEntry("correct",
        ExpressionBehaviour.CORRECT.description()));
    assertThat(r.students()).allSatisfy(s -> assertThat(s.altered()).isEmpty());
  }
}
