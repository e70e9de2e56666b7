package org.nngrader.bank.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.nngrader.bank.graph.Values;
import org.nngrader.bank.roster.Roster;
import org.nngrader.bank.roster.RosterReader;
import org.nngrader.bank.sheet.AnswerSheetXlsx;
import org.nngrader.bank.template.Template;
import org.nngrader.bank.template.Templates;

/** The "checked by" of the problem-set issue: 60 students on every built-in template. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProblemSetWriterTest {

  static final List<String> IDS = Templates.numericIds();
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  final Map<String, ProblemSet> first = new HashMap<>();
  final Map<String, ProblemSet> second = new HashMap<>();

  static Roster roster(int n) {
    StringBuilder sb = new StringBuilder("student_id,name,email,section\n");
    for (int i = 1; i <= n; i++) {
      sb.append(String.format("s%03d,Student %d,s%d@example.edu,%s%n", i, i, i, i % 2 == 0 ? "A" : "B"));
    }
    return RosterReader.parse("roster.csv", sb.toString());
  }

  static ProblemSet generate(String template, Roster roster, long seed, Path out)
      throws IOException {
    return ProblemSetWriter.write(new GenerationRequest(Templates.resolve(template),
        Templates.text(template), roster, seed, null, Map.of()), out);
  }

  @BeforeAll
  void generateEveryBuiltinTwice() throws IOException {
    Roster roster = roster(60);
    for (String id : IDS) {
      first.put(id, generate(id, roster, 2026, tmp.resolve("a").resolve(id)));
      second.put(id, generate(id, roster, 2026, tmp.resolve("b").resolve(id)));
    }
  }

  @ParameterizedTest
  @FieldSource("IDS")
  void sameInputsAndSeedGiveIdenticalBytes(String id) throws IOException {
    Path a = first.get(id).folder();
    Path b = second.get(id).folder();
    List<Path> files = files(a);
    assertThat(files).hasSize(2 + 60 * 6);
    assertThat(files).filteredOn(f -> f.getNameCount() > 1)
        .allMatch(f -> f.startsWith("handout") || f.startsWith("key"));
    assertThat(files(b)).isEqualTo(files);
    for (Path f : files) {
      assertThat(Files.readAllBytes(b.resolve(f))).as(f.toString())
          .isEqualTo(Files.readAllBytes(a.resolve(f)));
    }
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }

  @ParameterizedTest
  @FieldSource("IDS")
  void sixtyStudentsGetSixtyDifferentVariants(String id) {
    ProblemSet set = first.get(id);
    assertThat(set.students()).hasSize(60);
    assertThat(set.students().stream().map(ProblemSet.StudentVariant::variant).distinct())
        .hasSize(60);
    assertThat(set.students().stream().map(ProblemSet.StudentVariant::parameters).distinct())
        .hasSize(60);
  }

  @ParameterizedTest
  @FieldSource("IDS")
  void everyKeyIsTheSolverValueOfTheStudentsParameters(String id) throws IOException {
    ProblemSet set = ProblemSet.read(first.get(id).folder());
    Template t = set.template();
    for (ProblemSet.StudentVariant s : set.students()) {
      Values solved = Templates.builtin(id).solve(s.parameters());
      JsonNode key = JSON.readTree(set.file(s, ProblemSet.KEY_JSON).toFile());
      assertThat(key.get("variant").asText()).isEqualTo(s.variant());
      assertThat(key.get("student_id").asText()).isEqualTo(s.id());
      JsonNode steps = key.get("steps");
      assertThat(steps.size()).isEqualTo(t.asked().size());
      for (String step : t.asked()) {
        assertThat(steps.get(step).doubleValue()).as(s.id() + " " + step)
            .isEqualTo(solved.get(step));
      }
      List<String> csv = Files.readAllLines(set.file(s, ProblemSet.KEY_CSV));
      assertThat(csv.get(0)).isEqualTo("step,question,value");
      assertThat(csv).hasSize(t.asked().size() + 1);
      String last = csv.get(csv.size() - 1);
      String lastStep = t.asked().get(t.asked().size() - 1);
      assertThat(Double.parseDouble(last.substring(last.lastIndexOf(',') + 1)))
          .isEqualTo(solved.get(lastStep));
    }
  }

  @ParameterizedTest
  @FieldSource("IDS")
  void everyAnswerSheetHasTheLayoutAndOnlyColumnCOfTheStepsIsUnlocked(String id)
      throws IOException {
    ProblemSet set = first.get(id);
    Template t = Templates.builtin(id);
    for (ProblemSet.StudentVariant s : set.students()) {
      try (InputStream in = Files.newInputStream(set.file(s, ProblemSet.ANSWERS_XLSX));
          XSSFWorkbook wb = new XSSFWorkbook(in)) {
        XSSFSheet sheet = wb.getSheet("Answers");
        assertThat(wb.getSheetIndex(sheet)).isZero();
        assertThat(text(sheet, 0)).containsExactly("step", "question", "answer");
        assertThat(text(sheet, 1)).containsExactly("student_id", "Student ID", s.id());
        assertThat(text(sheet, 2)).containsExactly("variant", "Variant", s.variant());
        int last = AnswerSheetXlsx.FIRST_STEP_ROW + t.asked().size() - 1;
        for (int i = 0; i < t.asked().size(); i++) {
          Row r = sheet.getRow(AnswerSheetXlsx.FIRST_STEP_ROW + i);
          assertThat(r.getCell(0).getStringCellValue()).isEqualTo(t.asked().get(i));
          assertThat(r.getCell(1).getStringCellValue()).isNotBlank();
        }
        assertThat(sheet.getProtect()).isTrue();
        for (Row r : sheet) {
          for (Cell c : r) {
            boolean answer = c.getColumnIndex() == 2 && r.getRowNum() >= 3 && r.getRowNum() <= last;
            assertThat(c.getCellStyle().getLocked()).as(c.getAddress().formatAsString())
                .isEqualTo(!answer);
          }
        }
        List<? extends DataValidation> dvs = sheet.getDataValidations();
        assertThat(dvs).hasSize(1);
        DataValidation dv = dvs.get(0);
        assertThat(dv.getValidationConstraint().getValidationType())
            .isEqualTo(DataValidationConstraint.ValidationType.DECIMAL);
        assertThat(dv.getShowErrorBox()).isTrue();
        assertThat(dv.getRegions().getCellRangeAddresses()[0].formatAsString())
            .isEqualTo("C4:C" + (last + 1));
        XSSFSheet hidden = wb.getSheet(AnswerSheetXlsx.HIDDEN_SHEET);
        assertThat(wb.getSheetVisibility(wb.getSheetIndex(hidden)))
            .isEqualTo(SheetVisibility.VERY_HIDDEN);
        assertThat(text(hidden, 0)).containsExactly("variant", s.variant());
        assertThat(text(hidden, 1)).containsExactly("template", id);
      }
      List<String> csv = Files.readAllLines(set.file(s, ProblemSet.ANSWERS_CSV));
      assertThat(csv.subList(0, 3)).containsExactly("step,question,answer",
          "student_id,Student ID," + s.id(), "variant,Variant," + s.variant());
      assertThat(csv).hasSize(3 + t.asked().size());
      assertThat(csv.get(3)).startsWith(t.asked().get(0) + ",").endsWith(",");
    }
  }

  private static List<String> text(XSSFSheet sheet, int row) {
    Row r = sheet.getRow(row);
    return java.util.stream.IntStream.range(0, Math.min(3, r.getLastCellNum()))
        .mapToObj(i -> r.getCell(i).getStringCellValue()).toList();
  }

  @ParameterizedTest
  @FieldSource("IDS")
  void problemSheetShowsTheDiagramTheGivensAndHowToAnswer(String id) throws IOException {
    ProblemSet set = first.get(id);
    Template t = Templates.builtin(id);
    ProblemSet.StudentVariant s = set.students().get(0);
    String html = Files.readString(set.file(s, ProblemSet.PROBLEM));
    assertThat(html).contains("<svg xmlns=\"http://www.w3.org/2000/svg\"")
        .contains(s.id()).contains(s.variant())
        .contains("at least " + t.significantFigures() + " significant figures")
        .contains("a formula is fine")
        .contains("Do not round intermediate results")
        .doesNotContain("<script", "<link", " src=");
    for (String step : t.asked()) {
      assertThat(html).contains(step.replace("&", "&amp;"));
    }
    String solution = Files.readString(set.file(s, ProblemSet.SOLUTION));
    assertThat(solution).contains("Worked solution").contains(t.title())
        .contains("Student: <strong>" + s.id() + "</strong>")
        .contains("Variant: <strong>" + s.variant() + "</strong>");
    // The asked steps carry the numbers of the problem sheet.
    List<String> sheet = org.nngrader.bank.sheet.AnswerSheet.of(t, s.id(), s.variant()).steps()
        .stream().map(org.nngrader.bank.sheet.AnswerSheet.Step::id).toList();
    for (int i = 0; i < sheet.size(); i++) {
      assertThat(html).contains("<tr><td>" + (i + 1) + "</td><td class=\"id\">");
      assertThat(solution).contains("<span class=\"tag\">step " + (i + 1) + "</span>");
    }
    assertThat(html).contains("<math>").doesNotContain("<mtext>1/(");
  }

  /**
   * What students receive and what only staff see are separate trees: no number of any
   * student's key that is not a given value appears in any hand-out file (the problem sheets and
   * the answer templates, xlsx parts included), of that student or another.
   */
  @ParameterizedTest
  @FieldSource("IDS")
  void handoutTreeHoldsNoKeyValueOfAnyStudent(String id) throws IOException {
    ProblemSet set = first.get(id);
    Path handout = set.folder().resolve(ProblemSetWriter.HANDOUT);
    java.util.Set<Double> givens = new java.util.HashSet<>();
    set.students().forEach(s -> givens.addAll(s.parameters().values()));
    List<Double> shown = new ArrayList<>();
    java.util.regex.Pattern number =
        java.util.regex.Pattern.compile("-?[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?");
    // Numbers on every student's sheet are the template's own (a leaky ReLU's 0.01), not keys.
    java.util.Set<Double> everywhere = null;
    for (Path f : files(handout)) {
      assertThat(f.getFileName().toString()).isIn("problem.html", "answers.xlsx", "answers.csv");
      java.util.Set<Double> inFile = new java.util.HashSet<>();
      for (String text : texts(handout.resolve(f))) {
        java.util.regex.Matcher m = number.matcher(text);
        while (m.find()) {
          inFile.add(Double.parseDouble(m.group()));
        }
      }
      shown.addAll(inFile);
      if (f.getFileName().toString().equals("problem.html")) {
        if (everywhere == null) {
          everywhere = inFile;
        } else {
          everywhere.retainAll(inFile);
        }
      }
    }
    givens.addAll(everywhere);
    double[] sorted = shown.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int checked = 0;
    for (ProblemSet.StudentVariant s : set.students()) {
      assertThat(set.file(s, ProblemSet.KEY_JSON)).startsWith(set.folder().resolve("key"));
      JsonNode steps = JSON.readTree(set.file(s, ProblemSet.KEY_JSON).toFile()).get("steps");
      for (var it = steps.fields(); it.hasNext(); ) {
        double v = it.next().getValue().doubleValue();
        // A computed value that equals a given to the precision compared (0.49 from 1 - 0.51)
        // cannot be told from that given.
        if (givens.stream().anyMatch(g -> Math.abs(g - v) <= Math.abs(v) * 1e-6 + 1e-15)
            || new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().precision() < 5) {
          continue;
        }
        checked++;
        double tol = Math.abs(v) * 1e-6;
        int at = java.util.Arrays.binarySearch(sorted, v - tol);
        int from = at >= 0 ? at : -at - 1;
        assertThat(from < sorted.length && sorted[from] <= v + tol)
            .as("%s: key value %s of %s appears in a hand-out file", id, v, s.id()).isFalse();
      }
    }
    assertThat(checked).isGreaterThan(60 * 5);
  }

  /** A file's text, or the text of every part of an xlsx. */
  private static List<String> texts(Path file) throws IOException {
    if (!file.toString().endsWith(".xlsx")) {
      return List.of(Files.readString(file));
    }
    List<String> parts = new ArrayList<>();
    try (java.util.zip.ZipInputStream z = new java.util.zip.ZipInputStream(Files.newInputStream(file))) {
      while (z.getNextEntry() != null) {
        parts.add(new String(z.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return parts;
  }

  @Test
  void manifestRecordsTheSetAndReadsBack() throws IOException {
    ProblemSet written = first.get("relu-2-1-1");
    ProblemSet read = ProblemSet.read(written.folder());
    assertThat(read).isEqualTo(written);
    assertThat(read.templateId()).isEqualTo("relu-2-1-1");
    assertThat(read.rubric()).isEqualTo("relu-2-1-1");
    assertThat(read.seed()).isEqualTo(2026);
    assertThat(read.toolVersion()).isEqualTo("0.1.0");
    ProblemSet.StudentVariant s = read.student("s002").orElseThrow();
    assertThat(s.name()).isEqualTo("Student 2");
    assertThat(s.email()).isEqualTo("s2@example.edu");
    assertThat(s.extra()).containsEntry("section", "A");
    assertThat(s.files()).containsEntry("answers_xlsx", "handout/s002/answers.xlsx")
        .containsEntry("key_json", "key/s002/key.json");
    assertThat(read.byVariant(s.variant())).contains(s);
    assertThat(Files.readString(written.folder().resolve("template.yaml")))
        .isEqualTo(Templates.text("relu-2-1-1"));
    JsonNode m = JSON.readTree(written.folder().resolve("manifest.json").toFile());
    assertThat(m.get("format").asText()).isEqualTo("nngrader-problem-set/1");
    assertThat(m.get("students").get(1).get("parameters").size())
        .isEqualTo(Templates.builtin("relu-2-1-1").graph().givenIds().size());
  }

  @Test
  void oneVariantCanBeRegeneratedAloneFromItsManifestEntry() throws IOException {
    ProblemSet set = first.get("sigmoid-2-2-1");
    ProblemSet.StudentVariant s = set.students().get(41);
    Template t = set.template();
    Variant alone = new VariantDrawer(t, set.seed(), set.params()).draw(s.id());
    assertThat(alone.id()).isEqualTo(s.variant());
    Path dir = tmp.resolve("regrade");
    ProblemSetWriter.writeStudent(t, s.student(), alone, dir.resolve("handout"),
        dir.resolve("key"));
    ProblemSetWriter.STUDENT_FILES.forEach((key, f) -> {
      Path tree = dir.resolve(ProblemSetWriter.tree(key));
      assertThat(readBytes(tree.resolve(f))).as(f).isEqualTo(readBytes(set.file(s, key)));
    });
  }

  @Test
  void rubricAndParamsAreRecorded() throws IOException {
    Template t = Templates.builtin("sigmoid-2-2-2");
    ProblemSet set = ProblemSetWriter.write(new GenerationRequest(t, Templates.text(t.id()),
        roster(3), 9, "strict.yaml", Map.of("eta", 0.5)), tmp.resolve("params"));
    ProblemSet read = ProblemSet.read(set.folder());
    assertThat(read.rubric()).isEqualTo("strict.yaml");
    assertThat(read.params()).containsExactly(Map.entry("eta", 0.5));
    assertThat(read.students()).allSatisfy(s -> assertThat(s.parameters()).containsEntry("eta", 0.5));
  }

  @Test
  void studentIdsBecomeSafeDistinctFolders() throws IOException {
    Roster r = RosterReader.parse("r.csv",
        "student_id\nA1\na1\nx/y\nx_y\n../up\ncon\nmanifest.json\n");
    ProblemSet set = generate("perceptron", r, 1, tmp.resolve("names"));
    List<String> folders = set.students().stream().map(ProblemSet.StudentVariant::folder).toList();
    assertThat(folders.get(0)).isEqualTo("A1");
    assertThat(folders.get(3)).isEqualTo("x_y");
    assertThat(folders).allMatch(f -> f.matches("[A-Za-z0-9_][A-Za-z0-9._-]*"));
    assertThat(folders.stream().map(f -> f.toLowerCase(java.util.Locale.ROOT)).distinct())
        .hasSize(folders.size());
    assertThat(folders).doesNotContain("con", "manifest.json");
    for (String f : folders) {
      assertThat(set.folder().resolve("handout").resolve(f).resolve("answers.xlsx")).isRegularFile();
    }
  }

  @Test
  void refusesToWriteIntoANonEmptyFolder() throws IOException {
    Path out = tmp.resolve("busy");
    Files.createDirectories(out);
    Files.writeString(out.resolve("notes.txt"), "mine");
    assertThatThrownBy(() -> generate("perceptron", roster(2), 1, out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(out + " is not empty; give a new folder for the problem set or remove this"
            + " one first");
    assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("mine");
  }

  @Test
  void aTemplateThatIsNotBuiltInMakesASet() throws IOException {
    Path yaml = tmp.resolve("tanh-2-3-2-2.yaml");
    try (InputStream in = getClass().getResourceAsStream("tanh-2-3-2-2.yaml")) {
      Files.write(yaml, in.readAllBytes());
    }
    ProblemSet set = generate(yaml.toString(), roster(12), 5, tmp.resolve("custom"));
    ProblemSet read = ProblemSet.read(set.folder());
    Template t = read.template();
    assertThat(t.id()).isEqualTo("tanh-2-3-2-2");
    assertThat(t.network().sizes()).containsExactly(2, 3, 2, 2);
    assertThat(read.students().stream().map(ProblemSet.StudentVariant::variant).distinct())
        .hasSize(12);
    for (ProblemSet.StudentVariant s : read.students()) {
      VariantDrawerTest.assertNice(t, new Variant(s.variant(), s.parameters()));
      VariantDrawerTest.assertNotDegenerate(t, new Variant(s.variant(), s.parameters()));
      JsonNode key = JSON.readTree(read.file(s, ProblemSet.KEY_JSON).toFile());
      Values v = t.solve(s.parameters());
      for (String step : t.asked()) {
        assertThat(key.get("steps").get(step).doubleValue()).isEqualTo(v.get(step));
      }
    }
    assertThat(Files.readString(set.folder().resolve("template.yaml")))
        .isEqualTo(Files.readString(yaml, StandardCharsets.UTF_8));
  }

  private static byte[] readBytes(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
