package org.nngrader.bank.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.nngrader.bank.graph.Values;
import org.nngrader.bank.roster.Student;
import org.nngrader.bank.template.Template;
import org.nngrader.bank.template.TemplateException;
import org.nngrader.bank.template.TemplateLoader;
import org.nngrader.bank.template.Templates;

/**
 * A generated problem set, as its {@code manifest.json} describes it: the template, rubric,
 * seed and overrides, and for every student the variant id, the full parameter map (so the
 * grader rebuilds the student's graph without drawing again) and the files. Immutable.
 *
 * @param folder the set folder
 * @param templateFile the copy of the template inside the set (relative), or null for a
 *     built-in template referred to by id only
 * @param params values fixed for every student by {@code --params}
 */
public record ProblemSet(
    Path folder,
    String toolVersion,
    String templateId,
    String templateFile,
    String rubric,
    long seed,
    Map<String, Double> params,
    List<StudentVariant> students) {

  /** The manifest's file name in the set folder. */
  public static final String MANIFEST = "manifest.json";
  /** The copy of the template in the set folder. */
  public static final String TEMPLATE_FILE = "template.yaml";
  /** The manifest format this version writes and reads. */
  public static final String FORMAT = "nngrader-problem-set/1";
  public static final String TOOL_VERSION = "0.1.0";

  /** File keys of {@link StudentVariant#files()}. */
  public static final String PROBLEM = "problem";
  public static final String ANSWERS_XLSX = "answers_xlsx";
  public static final String ANSWERS_CSV = "answers_csv";
  public static final String KEY_CSV = "key_csv";
  public static final String KEY_JSON = "key_json";
  public static final String SOLUTION = "solution";

  /**
   * One student's entry.
   *
   * @param folder the student's folder in the set (a file-system-safe form of the id)
   * @param parameters every given value of the template for this student, in given order
   * @param files file key ({@link #PROBLEM}, ...) to path relative to the set folder, with '/'
   * @param trained where gradient descent takes the trained parameters from {@code parameters},
   *     by number of updates ({@link org.nngrader.bank.graph.QuantityGraph#training}), recorded
   *     by generate so that grading does not train every variant again; empty when the template
   *     trains nothing or the set was generated without it
   */
  public record StudentVariant(
      String id, String name, String email, Map<String, String> extra, String variant,
      String folder, Map<String, Double> parameters, Map<String, String> files,
      Map<Integer, Map<String, Double>> trained) {

    public StudentVariant {
      extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
      parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
      files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
      Map<Integer, Map<String, Double>> copy = new TreeMap<>();
      trained.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
      trained = Collections.unmodifiableMap(copy);
    }

    public Student student() {
      return new Student(id, name, email, extra);
    }

    /**
     * The values of every quantity of this student's variant.
     *
     * @throws IllegalStateException for a symbolic template, whose answers are expressions:
     *     solve it with {@code SymbolicSolver.solve(template, parameters())}
     */
    public Values solve(Template template) {
      if (template.isSymbolic()) {
        throw new IllegalStateException("template " + template.id() + " is symbolic; solve"
            + " student " + id + " with SymbolicSolver.solve(template, parameters())");
      }
      return template.graph().evaluate(parameters);
    }
  }

  public ProblemSet {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    students = List.copyOf(students);
  }

  /**
   * Reads the manifest of a set folder.
   *
   * @throws ProblemSetException naming the file and field when the folder is not a problem
   *     set or its manifest is damaged
   */
  public static ProblemSet read(Path folder) {
    return ManifestReader.read(folder);
  }

  /** The student with this id. */
  public Optional<StudentVariant> student(String id) {
    return students.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /** The student whose variant id this is. */
  public Optional<StudentVariant> byVariant(String variant) {
    return students.stream().filter(s -> s.variant().equals(variant)).findFirst();
  }

  /** The absolute path of one of a student's files. */
  public Path file(StudentVariant s, String key) {
    String rel = s.files().get(key);
    if (rel == null) {
      throw new IllegalArgumentException("no file '" + key + "' for student " + s.id()
          + "; keys: " + String.join(", ", s.files().keySet()));
    }
    return folder.resolve(rel);
  }

  /**
   * The template the set was generated from: its copy in the set folder, else the built-in
   * template of that id. Checks that every student's parameters are the template's givens.
   *
   * @throws ProblemSetException when the template is missing, invalid or does not match
   */
  public Template template() {
    Template t = validTemplate();
    rememberTraining(t);
    return t;
  }

  /**
   * Gives the template's graph the training every variant recorded, so that grading evaluates
   * the quantities after training without training again. A variant's record is taken only
   * while its parameters are still those its id was drawn from (not edited since), and only
   * if the first record checked, trained again here, agrees bit for bit: a set from a version
   * whose arithmetic differs is trained afresh, as are sets generated without the record.
   */
  private void rememberTraining(Template t) {
    if (t.isSymbolic()) {
      return;
    }
    boolean checked = false;
    for (StudentVariant s : students) {
      if (s.trained().isEmpty()
          || !Variant.idOf(templateId, s.parameters()).equals(s.variant())) {
        continue;
      }
      try {
        if (!t.graph().rememberTraining(s.parameters(), s.trained(), !checked)) {
          return;
        }
      } catch (IllegalArgumentException e) {
        return; // a record for another form of the template: training gives the values
      }
      checked = true;
    }
  }

  private Template validTemplate() {
    Template t;
    String where = templateFile == null ? MANIFEST : templateFile;
    try {
      t = templateFile == null ? Templates.builtin(templateId)
          : TemplateLoader.load(folder.resolve(templateFile));
    } catch (TemplateException | IllegalArgumentException e) {
      throw new ProblemSetException(folder.resolve(where).toString(), "",
          "does not give a usable template (" + e.getMessage() + "); generate the set again");
    }
    if (!t.id().equals(templateId)) {
      throw new ProblemSetException(folder.resolve(where).toString(), "id",
          "is '" + t.id() + "' but the manifest says template '" + templateId
              + "'; generate the set again");
    }
    Set<String> givens = new TreeSet<>(t.givenIds());
    for (int i = 0; i < students.size(); i++) {
      StudentVariant s = students.get(i);
      if (!new TreeSet<>(s.parameters().keySet()).equals(givens)) {
        throw new ProblemSetException(folder.resolve(MANIFEST).toString(),
            "students[" + i + "].parameters", "of student " + s.id() + " are "
                + String.join(", ", new TreeSet<>(s.parameters().keySet()))
                + " but template " + templateId + " needs " + String.join(", ", givens)
                + "; generate the set again");
      }
    }
    return t;
  }

  /** Reads and validates manifest.json. */
  private static final class ManifestReader {
    /**
     * Reads the manifest's bytes (no decoding to a String first) with Jackson's fast double
     * parser (FastDoubleParser, correctly rounded like {@link Double#parseDouble}): a
     * 2,000-student manifest holds some 50,000 numbers, and reading it is part of the fixed
     * cost of every grading run.
     */
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
        .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build());

    private final String file;

    private ManifestReader(String file) {
      this.file = file;
    }

    static ProblemSet read(Path folder) {
      String hint = "; give the folder that 'nngrader generate --out' wrote";
      if (!Files.exists(folder)) {
        throw new ProblemSetException(folder.toString(), "", "does not exist" + hint);
      }
      if (!Files.isDirectory(folder)) {
        throw new ProblemSetException(folder.toString(), "", "is not a folder" + hint);
      }
      Path manifest = folder.resolve(MANIFEST);
      if (!Files.isRegularFile(manifest)) {
        throw new ProblemSetException(folder.toString(), "",
            "has no " + MANIFEST + ", so it is not a problem set" + hint);
      }
      JsonNode root;
      try {
        root = MAPPER.readTree(Files.readAllBytes(manifest));
      } catch (JsonProcessingException e) {
        throw new ProblemSetException(manifest.toString(), "", "is not valid JSON (line "
            + e.getLocation().getLineNr() + ": " + e.getOriginalMessage()
            + "); restore it or generate the set again");
      } catch (IOException e) {
        throw new ProblemSetException(manifest.toString(), "", "cannot be read ("
            + e.getMessage() + ")");
      }
      return new ManifestReader(manifest.toString()).set(folder, root);
    }

    private ProblemSet set(Path folder, JsonNode root) {
      if (root == null || !root.isObject()) {
        throw bad("", "must be a JSON object");
      }
      String format = text(root, "format");
      if (!FORMAT.equals(format)) {
        throw bad("format", "is '" + format + "'; this version reads " + FORMAT
            + "; generate the set again with this version");
      }
      JsonNode list = root.get("students");
      if (list == null || !list.isArray() || list.isEmpty()) {
        throw bad("students", "must list at least one student");
      }
      List<StudentVariant> students = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        students.add(student(list.get(i), "students[" + i + "]"));
      }
      JsonNode seed = root.get("seed");
      if (seed == null || !seed.canConvertToLong()) {
        throw bad("seed", "is missing or not a whole number");
      }
      JsonNode tf = root.get("template_file");
      return new ProblemSet(folder, text(root, "tool_version"), text(root, "template"),
          tf == null || tf.isNull() ? null : tf.asText(), text(root, "rubric"),
          seed.asLong(), numbers(root.get("params"), "params", false), students);
    }

    private StudentVariant student(JsonNode s, String path) {
      if (!s.isObject()) {
        throw bad(path, "must be a JSON object");
      }
      Map<String, String> extra = new LinkedHashMap<>();
      JsonNode e = s.get("extra");
      if (e != null && e.isObject()) {
        e.fields().forEachRemaining(f -> extra.put(f.getKey(), f.getValue().asText()));
      }
      Map<String, String> files = new LinkedHashMap<>();
      JsonNode f = s.get("files");
      if (f == null || !f.isObject()) {
        throw bad(path + ".files", "is missing");
      }
      f.fields().forEachRemaining(x -> files.put(x.getKey(), x.getValue().asText()));
      return new StudentVariant(text(s, path, "id"), optional(s, "name"), optional(s, "email"),
          extra, text(s, path, "variant"), text(s, path, "folder"),
          numbers(s.get("parameters"), path + ".parameters", true), files,
          trained(s.get("trained"), path + ".trained"));
    }

    private Map<Integer, Map<String, Double>> trained(JsonNode node, String path) {
      Map<Integer, Map<String, Double>> out = new TreeMap<>();
      if (node == null || node.isNull()) {
        return out;
      }
      if (!node.isObject()) {
        throw bad(path, "must map numbers of updates to trained parameters");
      }
      var it = node.fields();
      while (it.hasNext()) {
        var x = it.next();
        int steps;
        try {
          steps = Integer.parseInt(x.getKey());
        } catch (NumberFormatException e) {
          throw bad(path + "." + x.getKey(), "is not a number of updates");
        }
        out.put(steps, numbers(x.getValue(), path + "." + x.getKey(), true));
      }
      return out;
    }

    private Map<String, Double> numbers(JsonNode node, String path, boolean required) {
      Map<String, Double> out = new LinkedHashMap<>();
      if (node == null || node.isNull()) {
        if (required) {
          throw bad(path, "is missing");
        }
        return out;
      }
      if (!node.isObject()) {
        throw bad(path, "must map parameter ids to numbers");
      }
      var it = node.fields();
      while (it.hasNext()) {
        var x = it.next();
        if (!x.getValue().isNumber()) {
          throw bad(path + "." + x.getKey(), "is '" + x.getValue().asText()
              + "'; it must be a number");
        }
        out.put(x.getKey(), x.getValue().asDouble());
      }
      return out;
    }

    private String text(JsonNode node, String field) {
      return text(node, "", field);
    }

    private String text(JsonNode node, String path, String field) {
      JsonNode v = node.get(field);
      String where = path.isEmpty() ? field : path + "." + field;
      if (v == null || !v.isValueNode() || v.isNull() || v.asText().isBlank()) {
        throw bad(where, "is missing");
      }
      return v.asText();
    }

    private static String optional(JsonNode node, String field) {
      JsonNode v = node.get(field);
      return v == null || v.isNull() ? "" : v.asText();
    }

    private ProblemSetException bad(String field, String message) {
      return new ProblemSetException(file, field, message.contains(";") ? message
          : message + "; the manifest is damaged: restore it or generate the set again");
    }
  }
}
