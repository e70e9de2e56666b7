package org.nngrader.grader.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nngrader.bank.math.MathMl;
import org.nngrader.bank.math.MathProse;
import org.nngrader.bank.math.Memo;
import org.nngrader.bank.model.Numbers;
import org.nngrader.bank.template.Template;
import org.nngrader.grader.batch.GradedSubmission;
import org.nngrader.grader.engine.GradeResult;
import org.nngrader.grader.engine.StepResult;
import org.nngrader.grader.engine.Verdict;
import org.nngrader.rubric.Reveal;

/**
 * One student's feedback report: {@code report.html}, self-contained (inline CSS and SVG, no
 * network access), and {@code report.json} with the same data. Both show the score, every step
 * (question, the answer exactly as written, verdict as a text label, points, feedback), the
 * formula and the expected and follow-through values of steps that are not correct as far as
 * the {@link Reveal} setting allows, the first divergence with what follows from it, the
 * network with the wrong quantities marked, and the misconceptions seen with their feedback.
 * A failed submission gets a report saying why it could not be graded.
 *
 * <p>TA flags (possible copying, older submissions) are not part of the student's report; they
 * are in {@code grades.csv} and {@code summary.html}.
 *
 * <p>Stateless and thread-safe; the same input always gives the same bytes.
 */
public final class StudentReport {

  /** The file names a report is written under, inside the student's folder. */
  public static final String HTML_FILE = "report.html";

  public static final String JSON_FILE = "report.json";

  /**
   * The generic names the misconception catalogue writes its explanations in ({@code 1/2
   * (target - out)^2}, {@code dE/dout}, {@code w+ = w - eta * dE/dw}, {@code 1/n}), which the
   * divergence message and the feedback quote.
   */
  static final Set<String> CATALOGUE = Set.of("target", "out", "net", "E", "w", "n", "eta");

  private static final Mustache HTML = compile("student.mustache");

  /**
   * A template whose names are looked up in the scope's maps directly: the default handler's
   * guarded, reflective look-up is built for scopes of arbitrary objects and cost more than
   * writing the page.
   */
  static Mustache compile(String name) {
    DefaultMustacheFactory factory = new DefaultMustacheFactory("org/nngrader/grader/report");
    factory.setObjectHandler(new com.github.mustachejava.reflect.SimpleObjectHandler());
    return factory.compile(name);
  }
  private static final JsonFactory JSON_FACTORY = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
  private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private StudentReport() {}

  /** The report as a self-contained HTML page. */
  public static String html(GradedSubmission submission, Template template, Reveal reveal) {
    return html(StudentView.of(submission, template, reveal));
  }

  /** The report as JSON (fields in a fixed order, numbers as JSON numbers, verdicts as labels). */
  public static String json(GradedSubmission submission, Template template, Reveal reveal) {
    return json(StudentView.of(submission, template, reveal));
  }

  /**
   * Writes {@code report.html} and {@code report.json} into a folder, creating it if needed.
   *
   * @throws UncheckedIOException when a file cannot be written
   */
  public static void write(Path folder, GradedSubmission submission, Template template,
      Reveal reveal) {
    write(folder, submission, template, reveal, StudentFiles.HTML_AND_JSON);
  }

  /**
   * Writes the report files {@code files} names into a folder, creating it if needed (nothing,
   * not even the folder, for {@link StudentFiles#NONE}).
   *
   * @throws UncheckedIOException when a file cannot be written
   */
  public static void write(Path folder, GradedSubmission submission, Template template,
      Reveal reveal, StudentFiles files) {
    if (files == StudentFiles.NONE) {
      return;
    }
    StudentView v = StudentView.of(submission, template, reveal);
    try {
      Files.createDirectories(folder);
      // Each file is rendered in memory and written in one go.
      TextBuffer text = BUFFER.get();
      text.clear();
      if (files == StudentFiles.HTML_AND_JSON) {
        HTML.execute(text, htmlScope(v));
        text.writeTo(folder.resolve(HTML_FILE));
        text.clear();
      }
      Bytes json = JSON_BYTES.get();
      json.reset();
      try (JsonGenerator g = JSON_FACTORY.createGenerator(json,
          com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
        g.setPrettyPrinter(PRETTY.createInstance());
        writeJson(v, g);
      }
      json.write('\n');
      json.writeTo(folder.resolve(JSON_FILE));
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the report of " + submission.file()
          + " into " + folder + ": " + e.getMessage(), e);
    } catch (MustacheException e) {
      // Mustache wraps the writer's IOException
      IOException io = e.getCause() instanceof IOException c ? c : new IOException(e.getMessage(), e);
      throw new UncheckedIOException("could not write the report of " + submission.file()
          + " into " + folder + ": " + io.getMessage(), io);
    }
  }


  /**
   * A writer into memory, not synchronized (unlike {@link StringWriter}), whose text is encoded
   * as {@link Files#newBufferedWriter} encodes it (an unpaired surrogate is an error, not a
   * question mark) and written to a file at once.
   */
  static final class TextBuffer extends Writer {
    private char[] chars;
    private int length;

    TextBuffer(int capacity) {
      chars = new char[capacity];
    }

    private void room(int more) {
      if (length + more > chars.length) {
        chars = java.util.Arrays.copyOf(chars, Math.max(chars.length * 2, length + more));
      }
    }

    @Override
    public void write(int c) {
      room(1);
      chars[length++] = (char) c;
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
      room(len);
      System.arraycopy(cbuf, off, chars, length, len);
      length += len;
    }

    @Override
    public void write(String str, int off, int len) {
      room(len);
      str.getChars(off, off + len, chars, length);
      length += len;
    }

    @Override
    public void write(String str) {
      write(str, 0, str.length());
    }

    @Override
    public Writer append(CharSequence csq) {
      String s = String.valueOf(csq);
      write(s, 0, s.length());
      return this;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    void clear() {
      length = 0;
    }

    void writeTo(Path file) throws IOException {
      int n = encode();
      try (java.io.OutputStream out = Files.newOutputStream(file)) {
        out.write(bytes, 0, n);
      }
    }

    /** The UTF-8 bytes of the text, kept for the next text (three bytes at most per char). */
    private byte[] bytes = new byte[0];

    /** The text in UTF-8. */
    byte[] utf8() throws java.nio.charset.CharacterCodingException {
      int n = encode(); // may replace the array
      return java.util.Arrays.copyOf(bytes, n);
    }

    /**
     * Encodes the text into {@link #bytes}, in one pass (the JDK's encoder re-encodes on
     * overflow, and checks for room at every char); returns the length. A report is nearly all
     * ASCII: a run of it is copied in a loop of its own, where a byte's place follows from its
     * char's (about twice as fast as deciding char by char).
     */
    private int encode() throws java.nio.charset.CharacterCodingException {
      char[] c = chars;
      int len = length;
      if (bytes.length < 3 * len) {
        bytes = new byte[3 * len];
      }
      byte[] out = bytes;
      int n = 0;
      for (int i = 0; i < len; i++) {
        int shift = n - i;
        while (i < len && c[i] < 0x80) {
          out[i + shift] = (byte) c[i];
          i++;
        }
        n = i + shift;
        if (i == len) {
          break;
        }
        char ch = c[i];
        if (ch < 0x800) {
          out[n++] = (byte) (0xc0 | ch >> 6);
          out[n++] = (byte) (0x80 | ch & 0x3f);
        } else if (ch < Character.MIN_SURROGATE || ch > Character.MAX_SURROGATE) {
          out[n++] = (byte) (0xe0 | ch >> 12);
          out[n++] = (byte) (0x80 | ch >> 6 & 0x3f);
          out[n++] = (byte) (0x80 | ch & 0x3f);
        } else {
          if (!Character.isHighSurrogate(ch) || i + 1 == len
              || !Character.isLowSurrogate(c[i + 1])) {
            throw new java.nio.charset.MalformedInputException(1);
          }
          int cp = Character.toCodePoint(ch, c[++i]);
          out[n++] = (byte) (0xf0 | cp >> 18);
          out[n++] = (byte) (0x80 | cp >> 12 & 0x3f);
          out[n++] = (byte) (0x80 | cp >> 6 & 0x3f);
          out[n++] = (byte) (0x80 | cp & 0x3f);
        }
      }
      return n;
    }
  }

  /** An unsynchronized byte buffer, reused from report to report. */
  static final class Bytes extends java.io.OutputStream {
    private byte[] buf = new byte[32 * 1024];
    private int count;

    void reset() {
      count = 0;
    }

    @Override
    public void write(int b) {
      if (count == buf.length) {
        buf = java.util.Arrays.copyOf(buf, buf.length * 2);
      }
      buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (count + len > buf.length) {
        buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, count + len));
      }
      System.arraycopy(b, off, buf, count, len);
      count += len;
    }

    void writeTo(Path file) throws IOException {
      try (java.io.OutputStream out = Files.newOutputStream(file)) {
        out.write(buf, 0, count);
      }
    }
  }

  private static final ThreadLocal<Bytes> JSON_BYTES = ThreadLocal.withInitial(Bytes::new);

  /** Each thread's report buffer, reused from report to report. */
  private static final ThreadLocal<TextBuffer> BUFFER =
      ThreadLocal.withInitial(() -> new TextBuffer(64 * 1024));

  // ---------------------------------------------------------------- HTML

  static String html(StudentView v) {
    StringWriter w = new StringWriter(16384);
    HTML.execute(w, htmlScope(v));
    return w.toString();
  }

  private static Map<String, Object> htmlScope(StudentView v) {
    GradedSubmission s = v.submission;
    Map<String, Object> scope = new LinkedHashMap<>();
    String id = s.studentId() == null ? "(unknown)" : s.studentId();
    scope.put("who", s.name() == null ? id : id + " " + s.name());
    scope.put("studentId", id);
    scope.put("hasName", s.name() != null && !s.name().isBlank());
    scope.put("name", s.name());
    scope.put("templateTitle", v.template.title());
    scope.put("templateId", v.template.id());
    scope.put("hasVariant", s.variant() != null && !s.variant().isBlank());
    scope.put("variant", s.variant());
    scope.put("file", s.file());
    scope.put("late", s.late());
    scope.put("failed", !v.graded());
    scope.put("error", s.error());
    scope.put("graded", v.graded());
    if (v.graded()) {
      GradeResult r = v.result();
      scope.put("score", Decimals.points(r.score()));
      scope.put("max", Decimals.points(r.maxScore()));
      scope.put("percent", Decimals.percent(r.percent(), 1));
      List<Map<String, Object>> counts = new ArrayList<>();
      for (Verdict verdict : Verdict.values()) {
        long n = r.count(verdict);
        if (n > 0) {
          counts.add(Map.of("label", verdict.label(), "count", n));
        }
      }
      scope.put("counts", counts);
      Set<String> names = MathProse.names(v.template);
      if (v.divergence != null) {
        scope.put("divergence", Map.of("message",
            MathProse.html(v.divergence.message(), names, CATALOGUE),
            "index", v.divergence.step().index()));
      }
      scope.put("clean", v.cleanMessage);
      scope.put("diagram", v.diagram.svg(s.givens()));
      List<String> marks = new ArrayList<>();
      v.diagram.markedNeurons().forEach(m -> marks.add(markText(m, "neuron")));
      v.diagram.markedWeights().forEach(m -> marks.add(markText(m, "weight")));
      scope.put("hasMarks", !marks.isEmpty());
      scope.put("marks", MathProse.html(String.join("; ", marks), names));
      Map<String, StudentView.MisconceptionSeen> seen = new LinkedHashMap<>();
      v.misconceptions.forEach(m -> seen.put(m.id(), m));
      // A note that several rows share (rounded earlier answers) is said once, above the
      // table, with links to its rows; each row points to it.
      Map<String, List<StudentView.Step>> byNote = new LinkedHashMap<>();
      for (StudentView.Step st : v.steps) {
        if (st.result().note() != null && !st.result().note().isBlank()) {
          byNote.computeIfAbsent(st.result().note(), k -> new ArrayList<>()).add(st);
        }
      }
      List<Map<String, Object>> notes = new ArrayList<>();
      Map<String, Integer> noteNumber = new LinkedHashMap<>();
      byNote.forEach((text, rows) -> {
        if (rows.size() > 1) {
          noteNumber.put(text, notes.size() + 1);
          List<Map<String, Object>> links = new ArrayList<>();
          for (int k = 0; k < rows.size(); k++) {
            links.add(Map.of("index", rows.get(k).index(), "step",
                inlineMath(rows.get(k).result().step()), "comma", k > 0));
          }
          notes.add(Map.of("number", notes.size() + 1, "text", MathProse.html(text, names),
              "rows", links));
        }
      });
      scope.put("hasNotes", !notes.isEmpty());
      scope.put("notes", notes);
      List<Map<String, Object>> steps = new ArrayList<>();
      for (StudentView.Step st : v.steps) {
        Map<String, Object> row = stepScope(st, seen.get(st.result().misconception()), names);
        Integer shared = noteNumber.get(st.result().note());
        if (shared != null) {
          row.put("note", null);
          row.put("noteRef", shared);
        }
        steps.add(row);
      }
      scope.put("steps", steps);
      List<Map<String, Object>> mcs = new ArrayList<>();
      for (StudentView.MisconceptionSeen m : v.misconceptions) {
        Map<String, Object> mc = new LinkedHashMap<>();
        mc.put("title", MathProse.html(capitalize(m.title()), names, CATALOGUE));
        mc.put("steps", MathProse.html(String.join(", ", m.steps()), names));
        // An explanation that is already a note above the steps is pointed to, not repeated.
        Integer note = noteNumber.get(m.feedback());
        mc.put("feedback", note != null ? null : MathProse.html(m.feedback(), names, CATALOGUE));
        mc.put("noteRef", note);
        mcs.add(mc);
      }
      scope.put("hasMisconceptions", !mcs.isEmpty());
      scope.put("misconceptions", mcs);
      scope.put("hidden", hiddenNotice(v.reveal));
    }
    return scope;
  }

  /**
   * @param mistake the misconception of this step as the report lists it, or null
   */
  private static Map<String, Object> stepScope(StudentView.Step st,
      StudentView.MisconceptionSeen mistake, Set<String> names) {
    StepResult r = st.result();
    String feedback = st.feedback();
    if (r.verdict() == Verdict.MISCONCEPTION && mistake != null
        && !mistake.steps().get(0).equals(r.step())
        && !MistakeNames.isExpressionMistake(mistake.id())) {
      // The explanation is in the table once, at the first step, and in the section below.
      feedback = capitalize(mistake.title()) + ": the same mistake as at "
          + mistake.steps().get(0) + " (see Misconceptions below).";
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("index", st.index());
    m.put("step", r.step());
    m.put("stepMath", inlineMath(r.step()));
    m.put("question", MathProse.html(sentenceCase(r.question()), names));
    m.put("hasAnswer", r.written() != null && !r.written().isEmpty());
    m.put("answer", r.written());
    m.put("label", r.verdict().label());
    m.put("first", st.firstDivergence());
    m.put("points", Decimals.points(r.points()));
    m.put("maxPoints", Decimals.points(r.maxPoints()));
    // An unreadable answer's feedback quotes what the student wrote: it stays as written.
    m.put("feedback", r.verdict() == Verdict.UNREADABLE ? Markup.escape(feedback)
        : MathProse.html(feedback, names, CATALOGUE));
    m.put("note", r.note() == null || r.note().isBlank() ? null : MathProse.html(r.note(), names));
    // Formulas and expected expressions as MathML a narrow page can wrap between terms; the
    // student's own answer stays as typed.
    m.put("formula", st.formula() == null ? null
        : chainMath(r.step(), st.formula()));
    m.put("expected", st.expectedExpression() != null
        ? "<span class=\"formula\">" + MathMl.breakable(List.of(st.expectedExpression()))
            + "</span>"
        : st.expected() == null ? null : Numbers.computed(st.expected()));
    m.put("followThroughValue", st.followThroughValue() == null ? null
        : Numbers.computed(st.followThroughValue()));
    m.put("hasDetails", st.formula() != null || st.expected() != null
        || st.expectedExpression() != null || st.followThroughValue() != null);
    return m;
  }

  /**
   * MathML of step ids and formulas, which every student's report of a class repeats: each
   * text is rendered once ({@link MathMl} is a pure function), up to a bound.
   */
  private static final Memo<String, String> INLINE_MATH = new Memo<>(8192);
  private static final Memo<List<String>, String> CHAIN_MATH = new Memo<>(8192);

  private static String inlineMath(String text) {
    return INLINE_MATH.get(text, MathMl::inline);
  }

  private static String chainMath(String step, String formula) {
    return CHAIN_MATH.get(List.of(step, formula), MathMl::breakable);
  }

  private static String markText(DiagramMarks.Marked m, String what) {
    return (m.level() == DiagramMarks.Level.WRONG ? "\u2717 wrong " : "\u21aa follow-through ")
        + what + " " + m.id();
  }

  private static String hiddenNotice(Reveal r) {
    if (r.expectedValues() && r.formulas()) {
      return null;
    }
    if (!r.expectedValues() && !r.formulas()) {
      return "Expected values and formulas are not shown in this report.";
    }
    return r.expectedValues() ? "Formulas are not shown in this report."
        : "Expected values are not shown in this report.";
  }

  /**
   * A question with its first word capitalized when that word is a plain lower-case word
   * ("net input of h1" becomes "Net input of h1"; "w5 after one update" stays as it is).
   */
  static String sentenceCase(String s) {
    if (s == null) {
      return s;
    }
    // the first word is [a-z]{2,}, and ends the text or is followed by a space
    int i = 0;
    while (i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z') {
      i++;
    }
    if (i < 2 || (i < s.length() && s.charAt(i) != ' ')) {
      return s;
    }
    // "( .*)?": after the space anything but a line break (a question never has one)
    if (s.indexOf('\n', i) >= 0 || s.indexOf('\r', i) >= 0 || s.indexOf('\u0085', i) >= 0
        || s.indexOf('\u2028', i) >= 0 || s.indexOf('\u2029', i) >= 0) {
      return s;
    }
    return capitalize(s);
  }

  private static String capitalize(String s) {
    return s == null || s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  // ---------------------------------------------------------------- JSON

  static String json(StudentView v) {
    StringWriter w = new StringWriter(8192);
    try {
      json(v, w);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return w.toString();
  }

  /**
   * Streams the JSON report (fields in a fixed order, two-space indentation, a final newline)
   * without building a tree.
   */
  static void json(StudentView v, Writer out) throws IOException {
    try (JsonGenerator g = JSON_FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(PRETTY.createInstance());
      writeJson(v, g);
    }
    out.write('\n');
  }

  private static void writeJson(StudentView v, JsonGenerator g) throws IOException {
    GradedSubmission s = v.submission;
    g.writeStartObject();
    g.writeStringField("studentId", s.studentId());
    g.writeStringField("name", s.name());
    g.writeStringField("variant", s.variant());
    g.writeStringField("file", s.file());
    g.writeStringField("status", s.status().label());
    g.writeStringField("error", s.error());
    g.writeBooleanField("late", s.late());
    g.writeObjectFieldStart("template");
    g.writeStringField("id", v.template.id());
    g.writeStringField("title", v.template.title());
    g.writeEndObject();
    g.writeObjectFieldStart("reveal");
    g.writeBooleanField("expectedValues", v.reveal.expectedValues());
    g.writeBooleanField("formulas", v.reveal.formulas());
    g.writeEndObject();
    if (!v.graded()) {
      g.writeNullField("score");
      g.writeNullField("max");
      g.writeNullField("percent");
      g.writeNullField("counts");
      g.writeNullField("firstDivergence");
      g.writeArrayFieldStart("steps");
      g.writeEndArray();
      g.writeArrayFieldStart("misconceptions");
      g.writeEndArray();
      g.writeNullField("diagram");
      g.writeEndObject();
      return;
    }
    GradeResult r = v.result();
    g.writeNumberField("score", r.score());
    g.writeNumberField("max", r.maxScore());
    g.writeNumberField("percent", r.percent());
    g.writeObjectFieldStart("counts");
    for (Verdict verdict : Verdict.values()) {
      g.writeNumberField(verdict.label(), r.count(verdict));
    }
    g.writeEndObject();
    if (v.divergence == null) {
      g.writeNullField("firstDivergence");
    } else {
      StudentView.Divergence d = v.divergence;
      g.writeObjectFieldStart("firstDivergence");
      g.writeStringField("step", d.step().result().step());
      g.writeStringField("question", d.step().result().question());
      g.writeStringField("verdict", d.step().result().verdict().label());
      g.writeStringField("misconception", d.step().result().misconception());
      strings(g, "followThroughSteps", d.followThrough());
      strings(g, "sameMistakeSteps", d.sameMistake());
      strings(g, "otherWrongSteps", d.otherWrong());
      g.writeStringField("message", d.message());
      g.writeEndObject();
    }
    g.writeArrayFieldStart("steps");
    for (StudentView.Step st : v.steps) {
      StepResult sr = st.result();
      g.writeStartObject();
      g.writeStringField("step", sr.step());
      g.writeStringField("question", sr.question());
      g.writeStringField("answer", sr.written());
      number(g, "value", sr.value());
      g.writeStringField("verdict", sr.verdict().label());
      g.writeNumberField("points", sr.points());
      g.writeNumberField("maxPoints", sr.maxPoints());
      g.writeStringField("feedback", st.feedback());
      g.writeStringField("note", sr.note());
      g.writeStringField("misconception", sr.misconception());
      strings(g, "followsFrom", sr.followsFrom());
      g.writeStringField("formula", st.formula());
      if (st.expectedExpression() != null) {
        g.writeStringField("expected", st.expectedExpression());
      } else {
        number(g, "expected", st.expected());
      }
      number(g, "followThroughValue", st.followThroughValue());
      g.writeBooleanField("firstDivergence", st.firstDivergence());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("misconceptions");
    for (StudentView.MisconceptionSeen m : v.misconceptions) {
      g.writeStartObject();
      g.writeStringField("id", m.id());
      g.writeStringField("title", m.title());
      g.writeStringField("feedback", m.feedback());
      strings(g, "steps", m.steps());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectFieldStart("diagram");
    g.writeArrayFieldStart("neurons");
    for (DiagramMarks.Marked m : v.diagram.markedNeurons()) {
      mark(g, m);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("weights");
    for (DiagramMarks.Marked m : v.diagram.markedWeights()) {
      mark(g, m);
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void mark(JsonGenerator g, DiagramMarks.Marked m) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", m.id());
    g.writeStringField("mark", m.level() == DiagramMarks.Level.WRONG ? "wrong" : "follow-through");
    g.writeEndObject();
  }

  private static void number(JsonGenerator g, String field, Double value) throws IOException {
    if (value == null) {
      g.writeNullField(field);
    } else {
      g.writeNumberField(field, value.doubleValue());
    }
  }

  private static void strings(JsonGenerator g, String field, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (String x : values) {
      g.writeString(x);
    }
    g.writeEndArray();
  }

}
