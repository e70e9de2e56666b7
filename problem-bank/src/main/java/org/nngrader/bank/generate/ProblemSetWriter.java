package org.nngrader.bank.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.nngrader.bank.graph.Values;
import org.nngrader.bank.roster.Student;
import org.nngrader.bank.sheet.AnswerKey;
import org.nngrader.bank.sheet.AnswerKeyWriter;
import org.nngrader.bank.sheet.AnswerSheet;
import org.nngrader.bank.sheet.AnswerSheetCsv;
import org.nngrader.bank.sheet.AnswerSheetXlsx;
import org.nngrader.bank.solution.SolutionFormat;
import org.nngrader.bank.solution.WorkedSolution;
import org.nngrader.bank.symbolic.SymbolicSolution;
import org.nngrader.bank.symbolic.SymbolicSolver;
import org.nngrader.bank.template.Template;

/**
 * Writes a problem set folder: {@code manifest.json}, a copy of the template ({@code
 * template.yaml}) and two trees, one folder per student in each: {@code handout/<student>/}
 * with what the student receives ({@code problem.html}, {@code answers.xlsx}, {@code
 * answers.csv}) and {@code key/<student>/} with what only staff see ({@code key.csv}, {@code
 * key.json}, {@code solution.html}), so that a hand-out folder can be uploaded whole. The same
 * request gives the same bytes. A symbolic template's files come from {@link SymbolicSolver}:
 * keys with expressions, the symbolic worked solution, a problem sheet listing what is left
 * abstract.
 */
public final class ProblemSetWriter {

  /** File names inside a student's folders, by manifest file key. */
  public static final Map<String, String> STUDENT_FILES = orderedFiles();

  /** The tree of what students receive: {@code handout/<student>/}. */
  public static final String HANDOUT = "handout";

  /** The tree of what only staff see: {@code key/<student>/}. */
  public static final String KEY = "key";

  /** Which tree each file key belongs to: the keys and the worked solution are staff-only. */
  public static String tree(String fileKey) {
    return switch (fileKey) {
      case ProblemSet.KEY_CSV, ProblemSet.KEY_JSON, ProblemSet.SOLUTION -> KEY;
      default -> HANDOUT;
    };
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter JSON = MAPPER.writer(new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private ProblemSetWriter() {}

  private static Map<String, String> orderedFiles() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(ProblemSet.PROBLEM, "problem.html");
    m.put(ProblemSet.ANSWERS_XLSX, "answers.xlsx");
    m.put(ProblemSet.ANSWERS_CSV, "answers.csv");
    m.put(ProblemSet.KEY_CSV, "key.csv");
    m.put(ProblemSet.KEY_JSON, "key.json");
    m.put(ProblemSet.SOLUTION, "solution.html");
    return Collections.unmodifiableMap(m);
  }

  /**
   * Draws every student's variant and writes the set.
   *
   * @param out a folder that does not exist yet or is empty
   * @throws IllegalArgumentException when {@code out} is a non-empty folder or a file, or an
   *     override names an unknown parameter
   * @throws GenerationException when the template cannot give an acceptable variant
   * @throws IOException when a file cannot be written
   */
  public static ProblemSet write(GenerationRequest request, Path out) throws IOException {
    try {
      return writeSet(request, out);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static ProblemSet writeSet(GenerationRequest request, Path out) throws IOException {
    checkEmpty(out);
    Template t = request.template();
    VariantDrawer drawer = new VariantDrawer(t, request.seed(), request.params());
    List<Student> roster = request.roster().students();
    List<Variant> variants = drawer.drawAll(roster.stream().map(Student::id).toList());
    Files.createDirectories(out);
    Files.writeString(out.resolve(ProblemSet.TEMPLATE_FILE), request.templateText(),
        StandardCharsets.UTF_8);
    // The names of the set's own files stay reserved, so that no student folder reads like one.
    FolderNames names = new FolderNames(Set.of(ProblemSet.MANIFEST, ProblemSet.TEMPLATE_FILE,
        HANDOUT, KEY));
    List<String> folders = roster.stream().map(s -> names.of(s.id())).toList();
    // Each student's files depend on that student only, so they are written in parallel; the
    // bytes do not depend on the order. The training the key needed is recorded as it is.
    List<Map<Integer, Map<String, Double>>> trained =
        new ArrayList<>(Collections.nCopies(roster.size(), Map.of()));
    IntStream.range(0, roster.size()).parallel().forEach(i -> {
      try {
        writeStudent(t, roster.get(i), variants.get(i), out.resolve(HANDOUT).resolve(folders.get(i)),
            out.resolve(KEY).resolve(folders.get(i)), request.creditRule());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (!t.isSymbolic()) {
        trained.set(i, t.graph().training(variants.get(i).parameters()));
      }
    });
    List<ProblemSet.StudentVariant> entries = new ArrayList<>();
    for (int i = 0; i < roster.size(); i++) {
      Student s = roster.get(i);
      Variant v = variants.get(i);
      String folder = folders.get(i);
      Map<String, String> relative = new LinkedHashMap<>();
      STUDENT_FILES.forEach((k, f) -> relative.put(k, tree(k) + "/" + folder + "/" + f));
      entries.add(new ProblemSet.StudentVariant(s.id(), s.name(), s.email(), s.extra(), v.id(),
          folder, v.parameters(), relative, trained.get(i)));
    }
    ProblemSet set = new ProblemSet(out, ProblemSet.TOOL_VERSION, t.id(),
        ProblemSet.TEMPLATE_FILE, request.rubric(), request.seed(), request.params(), entries);
    Files.writeString(out.resolve(ProblemSet.MANIFEST), manifest(set), StandardCharsets.UTF_8);
    return set;
  }

  /**
   * Writes one student's files (folders created if needed): the way to regenerate a single
   * variant from its manifest entry.
   *
   * @param handout the student's folder of what students receive
   * @param keyDir the student's folder of what only staff see
   * @return file key to file name inside its folder, in {@link #STUDENT_FILES} order
   */
  public static Map<String, String> writeStudent(Template t, Student s, Variant v, Path handout,
      Path keyDir) throws IOException {
    return writeStudent(t, s, v, handout, keyDir, CreditRule.DEFAULT);
  }

  /**
   * {@link #writeStudent(Template, Student, Variant, Path, Path)} with the rubric's rule for
   * answers with few figures, which the problem sheet states.
   */
  public static Map<String, String> writeStudent(Template t, Student s, Variant v, Path handout,
      Path keyDir, CreditRule rule) throws IOException {
    Files.createDirectories(handout);
    Files.createDirectories(keyDir);
    AnswerSheet sheet = AnswerSheet.of(t, s.id(), v.id());
    AnswerKey key;
    WorkedSolution solution;
    String problem;
    if (t.isSymbolic()) {
      SymbolicSolution solved = SymbolicSolver.solve(t, v.parameters());
      key = AnswerKey.of(t, s.id(), v.id(), solved);
      solution = WorkedSolution.of(solved);
      problem = ProblemPage.render(t, s, v, solved, rule);
    } else {
      Values values = t.graph().evaluate(v.parameters());
      key = AnswerKey.of(t, s.id(), v.id(), values);
      solution = WorkedSolution.of(t, values);
      problem = ProblemPage.render(t, s, v, null, rule);
    }
    Map<String, String> f = STUDENT_FILES;
    text(handout.resolve(f.get(ProblemSet.PROBLEM)), problem);
    Files.write(handout.resolve(f.get(ProblemSet.ANSWERS_XLSX)), AnswerSheetXlsx.bytes(sheet));
    text(handout.resolve(f.get(ProblemSet.ANSWERS_CSV)), AnswerSheetCsv.text(sheet));
    text(keyDir.resolve(f.get(ProblemSet.KEY_CSV)), AnswerKeyWriter.csv(key));
    text(keyDir.resolve(f.get(ProblemSet.KEY_JSON)), AnswerKeyWriter.json(key));
    text(keyDir.resolve(f.get(ProblemSet.SOLUTION)),
        SolutionFormat.html(solution, t, s.id(), v.id(),
            sheet.steps().stream().map(AnswerSheet.Step::id).toList()));
    return f;
  }

  private static void text(Path file, String content) throws IOException {
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  /** The manifest.json text of a set. */
  static String manifest(ProblemSet set) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", ProblemSet.FORMAT);
    root.put("tool_version", set.toolVersion());
    root.put("template", set.templateId());
    root.put("template_file", set.templateFile());
    root.put("rubric", set.rubric());
    root.put("seed", set.seed());
    root.put("handout", HANDOUT + "/");
    root.put("key", KEY + "/");
    root.put("note", "handout/<student>/ holds what the student receives (problem sheet, answer "
        + "templates); key/<student>/ holds the answer key and worked solution, for staff only");
    ObjectNode params = root.putObject("params");
    set.params().forEach(params::put);
    var students = root.putArray("students");
    for (ProblemSet.StudentVariant s : set.students()) {
      ObjectNode o = students.addObject();
      o.put("id", s.id());
      o.put("name", s.name());
      o.put("email", s.email());
      ObjectNode extra = o.putObject("extra");
      s.extra().forEach(extra::put);
      o.put("variant", s.variant());
      o.put("folder", s.folder());
      ObjectNode p = o.putObject("parameters");
      s.parameters().forEach(p::put);
      ObjectNode files = o.putObject("files");
      s.files().forEach(files::put);
      if (!s.trained().isEmpty()) {
        ObjectNode trained = o.putObject("trained");
        s.trained().forEach((steps, values) -> {
          ObjectNode after = trained.putObject(String.valueOf(steps));
          values.forEach(after::put);
        });
      }
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void checkEmpty(Path out) throws IOException {
    if (Files.isRegularFile(out)) {
      throw new IllegalArgumentException(out + " is a file; give a new folder for the problem set");
    }
    if (Files.isDirectory(out)) {
      try (Stream<Path> entries = Files.list(out)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException(out + " is not empty; give a new folder for the"
              + " problem set or remove this one first");
        }
      }
    }
  }
}
