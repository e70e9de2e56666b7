package org.nngrader.bank.generate;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.nngrader.bank.sheet.AnswerSheetXlsx;
import org.nngrader.bank.solution.SolutionFormat;
import org.nngrader.bank.solution.WorkedSolution;
import org.nngrader.bank.symbolic.SymbolicSolution;
import org.nngrader.bank.symbolic.SymbolicSolver;
import org.nngrader.bank.symbolic.SymbolicStep;
import org.nngrader.bank.template.Template;
import org.nngrader.bank.template.Templates;

/** Problem sets of the symbolic templates: like the numeric ones, with expressions as answers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SymbolicProblemSetTest {

  static final List<String> IDS = List.of("symbolic-3-2-1", "exp-output-2-2-1");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  final Map<String, ProblemSet> sets = new HashMap<>();

  @BeforeAll
  void generateEachTwice() throws IOException {
    for (String id : IDS) {
      sets.put(id, ProblemSetWriterTest.generate(id, ProblemSetWriterTest.roster(30), 2026,
          tmp.resolve("a").resolve(id)));
      ProblemSetWriterTest.generate(id, ProblemSetWriterTest.roster(30), 2026,
          tmp.resolve("b").resolve(id));
    }
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }

  @ParameterizedTest
  @FieldSource("IDS")
  void sameSeedSameBytesAndThirtyDifferentNonDegenerateVariants(String id) throws IOException {
    Path a = tmp.resolve("a").resolve(id);
    Path b = tmp.resolve("b").resolve(id);
    List<Path> files = files(a);
    assertThat(files).hasSize(2 + 30 * 6).isEqualTo(files(b));
    for (Path f : files) {
      assertThat(Files.readAllBytes(b.resolve(f))).as(f.toString())
          .isEqualTo(Files.readAllBytes(a.resolve(f)));
    }
    ProblemSet set = ProblemSet.read(a);
    Template t = set.template();
    assertThat(set.students().stream().map(ProblemSet.StudentVariant::variant).distinct())
        .hasSize(30);
    for (ProblemSet.StudentVariant s : set.students()) {
      Variant v = new Variant(s.variant(), s.parameters());
      VariantDrawerTest.assertNice(t, v);
      VariantDrawerTest.assertNotDegenerate(t, v);
    }
  }

  @ParameterizedTest
  @FieldSource("IDS")
  void keysHoldTheProductFormNumbersAndTheSimplifiedForm(String id) throws IOException {
    ProblemSet set = sets.get(id);
    Template t = Templates.builtin(id);
    for (ProblemSet.StudentVariant s : set.students()) {
      SymbolicSolution solved = SymbolicSolver.solve(t, s.parameters());
      JsonNode key = JSON.readTree(set.file(s, ProblemSet.KEY_JSON).toFile());
      List<String> csv = Files.readAllLines(set.file(s, ProblemSet.KEY_CSV));
      assertThat(csv.get(0)).isEqualTo("step,question,value");
      for (int i = 0; i < t.asked().size(); i++) {
        SymbolicStep step = solved.step(t.asked().get(i));
        JsonNode value = key.get("steps").get(step.id());
        String row = csv.get(i + 1);
        if (step.isExpression()) {
          assertThat(value.asText()).isEqualTo(step.expression().toString());
          assertThat(key.get("simplified").get(step.id()).asText())
              .isEqualTo(step.simplified().toString());
          assertThat(row).endsWith("," + step.expression());
        } else {
          assertThat(value.isNumber()).isTrue();
          assertThat(value.doubleValue()).isEqualTo(step.number());
          assertThat(key.get("simplified").has(step.id())).isFalse();
          assertThat(row).endsWith("," + step.number());
        }
      }
    }
  }

  @ParameterizedTest
  @FieldSource("IDS")
  void expressionAnswerCellsAreUnlockedTextWithoutDecimalValidation(String id)
      throws IOException {
    ProblemSet set = sets.get(id);
    Template t = Templates.builtin(id);
    SymbolicSolution defaults = SymbolicSolver.solve(t, Map.of());
    ProblemSet.StudentVariant s = set.students().get(3);
    try (InputStream in = Files.newInputStream(set.file(s, ProblemSet.ANSWERS_XLSX));
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      XSSFSheet sheet = wb.getSheet(AnswerSheetXlsx.SHEET);
      List<String> validated = new ArrayList<>();
      for (DataValidation dv : sheet.getDataValidations()) {
        for (CellRangeAddress r : dv.getRegions().getCellRangeAddresses()) {
          r.forEach(c -> validated.add(c.formatAsString()));
        }
      }
      for (int i = 0; i < t.asked().size(); i++) {
        SymbolicStep step = defaults.step(t.asked().get(i));
        Cell c = sheet.getRow(AnswerSheetXlsx.FIRST_STEP_ROW + i)
            .getCell(AnswerSheetXlsx.ANSWER_COLUMN);
        assertThat(c.getCellStyle().getLocked()).isFalse();
        assertThat(c.getCellStyle().getDataFormatString()).as(step.id())
            .isEqualTo(step.isExpression() ? "@" : "General");
        assertThat(validated.contains(c.getAddress().formatAsString())).as(step.id())
            .isEqualTo(!step.isExpression());
      }
      String notes = notes(sheet);
      assertThat(notes).contains("an expression where the step asks for one")
          .contains("Write expressions like ")
          .contains("Symbols you may use: " + String.join(", ", defaults.allowedSymbols()));
      if (id.equals("symbolic-3-2-1")) {
        assertThat(notes).contains("dL/dy_hat * g'(z_out) * 0.7 * f'(-4.2) * 10")
            .contains("functions: f, f', g, g'");
      } else {
        assertThat(notes).contains("a number where it asks for a value")
            .doesNotContain("functions:");
      }
    }
  }

  private static String notes(XSSFSheet sheet) {
    StringBuilder sb = new StringBuilder();
    for (Row r : sheet) {
      Cell c = r.getCell(4);
      if (c != null) {
        sb.append(c.getStringCellValue()).append('\n');
      }
    }
    return sb.toString();
  }

  @ParameterizedTest
  @FieldSource("IDS")
  void problemSheetListsWhatIsLeftAbstractAndSolutionIsTheSymbolicOne(String id)
      throws IOException {
    ProblemSet set = sets.get(id);
    Template t = Templates.builtin(id);
    ProblemSet.StudentVariant s = set.students().get(0);
    SymbolicSolution solved = SymbolicSolver.solve(t, s.parameters());
    String html = Files.readString(set.file(s, ProblemSet.PROBLEM));
    assertThat(html).contains("<h2>Left abstract</h2>")
        .contains("Write an expression with the numbers substituted")
        .contains("(an expression)")
        .doesNotContain("linear", "learning rate", "a formula is fine", "<script");
    for (String name : solved.symbols().keySet()) {
      assertThat(html).contains("<td class=\"id\">" + org.nngrader.bank.math.MathMl.inline(name)
          + "<code>" + name.replace("'", "&#39;") + "</code></td>");
    }
    for (String given : s.parameters().keySet()) {
      assertThat(html).contains("<td class=\"id\">" + org.nngrader.bank.math.MathMl.inline(given)
          + "</td>");
    }
    List<String> sheet = org.nngrader.bank.sheet.AnswerSheet.of(t, s.id(), s.variant()).steps()
        .stream().map(org.nngrader.bank.sheet.AnswerSheet.Step::id).toList();
    assertThat(Files.readString(set.file(s, ProblemSet.SOLUTION)))
        .isEqualTo(SolutionFormat.html(WorkedSolution.of(solved), t, s.id(), s.variant(), sheet));
  }

  @Test
  void theAbstractActivationsAndTheUnknownTargetAreDrawnAsSuch() throws IOException {
    String abstractSheet = Files.readString(sets.get("symbolic-3-2-1").file(
        sets.get("symbolic-3-2-1").students().get(0), ProblemSet.PROBLEM));
    assertThat(abstractSheet).contains(">f (abstract)</text>").contains(">g (abstract)</text>")
        .contains("Loss: " + org.nngrader.bank.math.MathMl.inline("L") + ", left abstract")
        .doesNotContain("target y");
    String unknownSheet = Files.readString(sets.get("exp-output-2-2-1").file(
        sets.get("exp-output-2-2-1").students().get(0), ProblemSet.PROBLEM));
    assertThat(unknownSheet).contains(">target y</text>").contains(">(unknown)</text>")
        .contains("the target " + org.nngrader.bank.math.MathMl.inline("y") + " is unknown").contains("Hidden layer 1: sigmoid");
  }

  @Test
  void aStudentsFilesCanBeRegeneratedAlone() throws IOException {
    ProblemSet set = sets.get("exp-output-2-2-1");
    ProblemSet.StudentVariant s = set.students().get(17);
    Template t = set.template();
    Variant alone = new VariantDrawer(t, set.seed(), set.params()).draw(s.id());
    assertThat(alone.id()).isEqualTo(s.variant());
    Path dir = tmp.resolve("alone");
    ProblemSetWriter.writeStudent(t, s.student(), alone, dir.resolve("handout"),
        dir.resolve("key"));
    ProblemSetWriter.STUDENT_FILES.forEach((key, f) -> {
      Path tree = dir.resolve(ProblemSetWriter.tree(key));
      assertThat(readBytes(tree.resolve(f))).as(f).isEqualTo(readBytes(set.file(s, key)));
    });
  }

  private static byte[] readBytes(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
