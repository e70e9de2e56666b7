package org.nngrader.grader.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.nngrader.bank.sheet.SpreadsheetText;
import org.nngrader.bank.graph.Quantity;
import org.nngrader.bank.math.MathMl;
import org.nngrader.bank.math.MathProse;
import org.nngrader.bank.template.Template;
import org.nngrader.grader.batch.GradedSubmission;
import org.nngrader.grader.engine.GradeResult;
import org.nngrader.grader.engine.StepResult;
import org.nngrader.grader.engine.Verdict;
import org.nngrader.rubric.Reveal;

/**
 * The reports of a whole class, written as the graded submissions arrive. {@link #add} writes
 * the student's {@code report.html} and {@code report.json} into the student's folder at once
 * and keeps only small strings and counts: never the grade results, so a class of 20,000
 * students fits in a few megabytes. {@link #finish} writes the class files:
 * <ul>
 *   <li>{@code grades.csv}: student_id, name, score, max, percent, status, variant, file,
 *       flags (joined with "; "), late; one row per submission, failed ones included;</li>
 *   <li>{@code steps.csv}: student_id and one column per asked step (in the order given to the
 *       constructor) holding the verdict label; one row per graded submission (a cell is empty
 *       when the result has no such step);</li>
 *   <li>{@code summary.html}: counts, mean and median score, the score histogram and the
 *       per-step success chart (JFreeChart, inline SVG), the per-step verdict table, the most
 *       frequent misconceptions, the files that could not be graded and why, the flags, and a
 *       link to every student's report.</li>
 * </ul>
 *
 * <p><b>Order.</b> Rows come out sorted by student id (plain string order; submissions without
 * a student id last, by file), whatever order the submissions were added in, so a parallel
 * grading run gives the same files as a sequential one.
 *
 * <p><b>Threads.</b> {@link #add} is thread-safe and may be called from the grading threads
 * directly: the student's files are rendered and written outside the lock, only the tallying
 * is serialized. {@link #finish} must be called once, after every {@code add} has returned;
 * {@code add} after {@code finish} is an error.
 *
 * <p><b>Folders.</b> A submission's folder is its student id when that is a safe file name,
 * else a safe form of it (or of the file name, for a failed submission without student id)
 * with a short hash; see {@link #folderName}. Two submissions with the same folder (the same
 * student twice, or ids differing only in case) are refused: the caller passes one
 * submission per student.
 */
public final class ClassReport {

  public static final String GRADES_CSV = "grades.csv";
  public static final String STEPS_CSV = "steps.csv";
  public static final String SUMMARY_HTML = "summary.html";

  /** The columns of {@code grades.csv}, in order. */
  public static final List<String> GRADES_HEADER = List.of("student_id", "name", "score", "max",
      "percent", "status", "variant", "file", "flags", "late");

  private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();
  private static final Mustache SUMMARY =
      new DefaultMustacheFactory("org/nngrader/grader/report").compile("summary.mustache");
  private static final Comparator<Row> ROW_ORDER = Comparator
      .comparing(Row::studentId, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(Row::file, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(Row::folder);

  /**
   * What is kept of one submission: its csv cells, and its lines of {@code grades.csv} and
   * {@code steps.csv} (null without verdicts), formatted on the thread that graded it.
   */
  private record Row(String studentId, String file, String folder, List<String> grades,
      String gradesLine, String stepsLine) {}

  private final Path folder;
  private final Template template;
  private final Reveal reveal;
  private final StudentFiles files;
  private final Object lock = new Object();
  private final ClassTally tally;
  private final List<Row> rows = new ArrayList<>();
  private final Map<String, String> folders = new HashMap<>();
  private boolean finished;

  /**
   * Starts loading the summary charts' fonts on a background thread, to be called as soon as a
   * grading run starts; the summary then finds them loaded. Safe to call more than once.
   */
  public static void prepareCharts() {
    if (CHARTS_PREPARED.compareAndSet(false, true)) {
      Thread t = new Thread(ClassCharts::loadFonts, "nngrader-chart-fonts");
      t.setDaemon(true);
      t.start();
    }
  }

  private static final java.util.concurrent.atomic.AtomicBoolean CHARTS_PREPARED =
      new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * @param folder the results folder (created when missing)
   * @param template the template every submission was graded against
   * @param askedSteps the asked step ids, in the order {@code steps.csv} and the summary list
   *     them
   * @param reveal what the student reports show
   */
  public ClassReport(Path folder, Template template, List<String> askedSteps, Reveal reveal) {
    this(folder, template, askedSteps, reveal, StudentFiles.HTML_AND_JSON);
  }

  /**
   * @param files which report files each student's folder gets
   */
  public ClassReport(Path folder, Template template, List<String> askedSteps, Reveal reveal,
      StudentFiles files) {
    this.files = Objects.requireNonNull(files, "files");
    this.folder = Objects.requireNonNull(folder, "folder");
    this.template = Objects.requireNonNull(template, "template");
    this.reveal = Objects.requireNonNull(reveal, "reveal");
    if (askedSteps.size() != askedSteps.stream().distinct().count()) {
      throw new IllegalArgumentException("asked steps repeat an id: " + askedSteps);
    }
    this.tally = new ClassTally(askedSteps);
  }

  /** The folder name a submission's report goes in, relative to the results folder. */
  public static String folderName(GradedSubmission submission) {
    return FolderNames.of(submission);
  }

  /**
   * Writes one submission's report files and counts it in the class files: {@link #write}
   * then {@link #collect}.
   *
   * @return the submission's folder, relative to the results folder
   * @throws IllegalArgumentException when another submission already has the same folder
   * @throws IllegalStateException after {@link #finish}
   * @throws UncheckedIOException when a report cannot be written
   */
  public String add(GradedSubmission submission) {
    Entry e = write(submission);
    collect(e);
    return e.row.folder();
  }

  /**
   * Writes one submission's report files (as chosen by {@link StudentFiles}) and returns the
   * small summary row the class files need of it. Thread-safe: meant to run on the thread that
   * graded the submission, so that only the row, never the grade result, travels on.
   *
   * @throws IllegalArgumentException when another submission already has the same folder
   * @throws IllegalStateException after {@link #finish}
   * @throws UncheckedIOException when a report cannot be written
   */
  public Entry write(GradedSubmission submission) {
    String name = FolderNames.of(submission);
    ClassTally.Counted counted = tally.count(submission);
    Row row = row(submission, name, counted.verdicts());
    synchronized (lock) {
      checkOpen(submission.file());
      String other = folders.putIfAbsent(name.toLowerCase(Locale.ROOT), submission.file());
      if (other != null) {
        throw new IllegalArgumentException("two submissions for report folder '" + name + "': "
            + other + " and " + submission.file() + "; pass one submission per student");
      }
    }
    StudentReport.write(folder.resolve(name), submission, template, reveal, files);
    return new Entry(row, counted);
  }

  /**
   * Counts a row from {@link #write} in the class files. Call it for each entry in a fixed order
   * (the order of {@code add} calls decides nothing in the files, but the class mean is summed
   * in it, so one thread collecting in roster order keeps every digit the same).
   *
   * @throws IllegalStateException after {@link #finish}, or for an entry collected twice
   */
  public void collect(Entry entry) {
    synchronized (lock) {
      checkOpen(entry.row.file());
      if (entry.collected) {
        throw new IllegalStateException("the report row of " + entry.row.file()
            + " was collected twice");
      }
      entry.collected = true;
      rows.add(entry.row);
      tally.add(entry.counted, entry.row.folder());
      entry.counted = null;
    }
  }

  private void checkOpen(String file) {
    if (finished) {
      throw new IllegalStateException("the class report is finished; " + file
          + " came too late to be added");
    }
  }

  /**
   * One submission's summary row, from {@link #write} to {@link #collect}: its csv cells, its
   * verdicts and counts, no grade result.
   */
  public static final class Entry {
    private final Row row;
    private ClassTally.Counted counted;
    private boolean collected;

    private Entry(Row row, ClassTally.Counted counted) {
      this.row = row;
      this.counted = counted;
    }

    /** The submission's folder, relative to the results folder. */
    public String folder() {
      return row.folder();
    }
  }

  /**
   * Writes {@code grades.csv}, {@code steps.csv} and {@code summary.html}.
   *
   * @throws IllegalStateException when called twice
   * @throws UncheckedIOException when a file cannot be written
   */
  public void finish() {
    synchronized (lock) {
      if (finished) {
        throw new IllegalStateException("the class report is already finished");
      }
      finished = true;
      rows.sort(ROW_ORDER);
      // The summary page (its charts most of all) is made on a second core while this thread
      // writes the two csv files; the rows are not changed again.
      java.util.concurrent.CompletableFuture<String> page =
          java.util.concurrent.CompletableFuture.supplyAsync(this::summary);
      try {
        Files.createDirectories(folder);
        writeGrades();
        writeSteps();
        Files.writeString(folder.resolve(SUMMARY_HTML), page.join(), StandardCharsets.UTF_8);
      } catch (java.util.concurrent.CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw e;
      } catch (IOException e) {
        throw new UncheckedIOException("could not write the class files into " + folder + ": "
            + e.getMessage(), e);
      }
    }
  }

  private Row row(GradedSubmission s, String name, byte[] verdicts) {
    boolean graded = s.status() == GradedSubmission.Status.GRADED;
    GradeResult r = s.result();
    List<String> cells = List.of(
        nz(s.studentId()),
        nz(s.name()),
        graded ? Decimals.points(r.score()) : "",
        graded ? Decimals.points(r.maxScore()) : "",
        graded ? Decimals.percent(r.percent(), 2) : "",
        s.status().label(),
        nz(s.variant()),
        nz(s.file()),
        String.join("; ", s.flags()),
        Boolean.toString(s.late()));
    return new Row(s.studentId(), s.file(), name, cells,
        csvLine(cells.stream().map(SpreadsheetText::cell).toList()), stepsLine(s, verdicts));
  }

  /** One record as the class files' CSV printer writes it, record separator included. */
  private static String csvLine(List<String> cells) {
    StringBuilder b = new StringBuilder(128);
    try {
      CSV.printRecord(b, cells.toArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not fail
    }
    return b.toString();
  }

  private String stepsLine(GradedSubmission s, byte[] verdicts) {
    if (verdicts == null) {
      return null;
    }
    Verdict[] all = Verdict.values();
    List<String> cells = new ArrayList<>(verdicts.length + 1);
    cells.add(SpreadsheetText.cell(s.studentId()));
    for (byte v : verdicts) {
      cells.add(v < 0 ? "" : all[v].label());
    }
    return csvLine(cells);
  }

  private void writeGrades() throws IOException {
    try (Writer w = Files.newBufferedWriter(folder.resolve(GRADES_CSV), StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, CSV)) {
      p.printRecord(GRADES_HEADER);
      p.flush();
      for (Row r : rows) {
        w.write(r.gradesLine());
      }
    }
  }

  private void writeSteps() throws IOException {
    try (Writer w = Files.newBufferedWriter(folder.resolve(STEPS_CSV), StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, CSV)) {
      List<String> header = new ArrayList<>();
      header.add("student_id");
      header.addAll(tally.asked);
      p.printRecord(header.stream().map(SpreadsheetText::cell).toList());
      p.flush();
      for (Row r : rows) {
        if (r.stepsLine() != null) {
          w.write(r.stepsLine());
        }
      }
    }
  }

  // ---------------------------------------------------------------- summary.html

  private String summary() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("templateTitle", template.title());
    s.put("templateId", template.id());
    s.put("submissions", tally.graded + tally.failed);
    s.put("graded", tally.graded);
    s.put("failed", tally.failed);
    s.put("late", tally.late);
    s.put("flaggedCount", tally.flagged.size());
    s.put("hasGraded", tally.graded > 0);
    if (tally.graded > 0) {
      double max = tally.commonMax();
      String outOf = Double.isNaN(max) ? "" : " / " + Decimals.points(max);
      s.put("meanScore", Decimals.average(tally.meanScore()) + outOf);
      s.put("medianScore", Decimals.average(tally.medianScore()) + outOf);
      s.put("meanPercent", Decimals.percent(tally.meanPercent(), 1));
      s.put("medianPercent", Decimals.percent(tally.medianPercent(), 1));
      s.put("histogram", ClassCharts.histogram(tally.bands));
      double[] success = new double[tally.asked.size()];
      for (int i = 0; i < success.length; i++) {
        success[i] = tally.successPercent(i);
      }
      s.put("stepChart", ClassCharts.stepSuccess(tally.asked, success));
    }
    List<String> labels = new ArrayList<>();
    for (Verdict v : Verdict.values()) {
      labels.add(v.label());
    }
    s.put("verdicts", labels);
    List<Map<String, Object>> steps = new ArrayList<>();
    Set<String> names = MathProse.names(template);
    for (int i = 0; i < tally.asked.size(); i++) {
      String id = tally.asked.get(i);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("step", id);
      m.put("stepMath", MathMl.inline(id));
      m.put("question", MathProse.html(
          template.graph().find(id).map(Quantity::description).orElse(""), names));
      m.put("success", Decimals.percent(tally.successPercent(i), 1));
      List<String> counts = new ArrayList<>();
      for (long c : tally.stepVerdicts[i]) {
        counts.add(Long.toString(c));
      }
      m.put("counts", counts);
      steps.add(m);
    }
    s.put("steps", steps);
    List<Map<String, Object>> mcs = new ArrayList<>();
    for (ClassTally.MisconceptionCount m : tally.misconceptions()) {
      List<String> at = new ArrayList<>();
      for (Map.Entry<String, Long> e : tally.stepsOf(m)) {
        at.add(e.getKey() + " (" + e.getValue() + ")");
      }
      mcs.add(Map.of("id", m.id, "title", MathProse.html(m.title(), names,
              StudentReport.CATALOGUE), "students", m.students,
          "share", Decimals.percent(100.0 * m.students / Math.max(1, tally.graded), 1),
          "steps", MathProse.html(String.join(", ", at), names)));
    }
    s.put("hasMisconceptions", !mcs.isEmpty());
    s.put("misconceptions", mcs);
    List<Map<String, Object>> failures = new ArrayList<>();
    tally.failures.stream()
        .sorted(Comparator.comparing(ClassTally.Failure::file, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ClassTally.Failure::folder))
        .forEach(f -> failures.add(Map.of("file", nz(f.file()), "student", nz(f.studentId()),
            "error", f.error(), "link", link(f.folder()))));
    s.put("hasFailures", !failures.isEmpty());
    s.put("failures", failures);
    List<Map<String, Object>> flags = new ArrayList<>();
    tally.flagged.stream()
        .sorted(Comparator.comparing(ClassTally.Flagged::studentId, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ClassTally.Flagged::folder))
        .forEach(f -> flags.add(Map.of("student", nz(f.studentId()), "name", nz(f.name()),
            "file", nz(f.file()), "flags", String.join("; ", f.flags()),
            "link", link(f.folder()))));
    s.put("hasFlags", !flags.isEmpty());
    s.put("flags", flags);
    List<Map<String, Object>> students = new ArrayList<>();
    for (Row r : rows) {
      List<String> c = r.grades();
      Map<String, Object> m = new LinkedHashMap<>();
      // A failed file without owner is listed by its file name.
      m.put("student", c.get(0).isEmpty() ? "(" + c.get(7) + ")" : c.get(0));
      m.put("name", c.get(1));
      m.put("score", c.get(2));
      m.put("max", c.get(3));
      m.put("percent", c.get(4));
      m.put("status", c.get(5));
      m.put("link", link(r.folder()));
      students.add(m);
    }
    s.put("students", students);
    StringWriter w = new StringWriter();
    SUMMARY.execute(w, s);
    return w.toString();
  }

  /** The summary's link to a student's report: the HTML page, else the JSON, else none. */
  private String link(String studentFolder) {
    return switch (files) {
      case HTML_AND_JSON -> studentFolder + "/" + StudentReport.HTML_FILE;
      case JSON -> studentFolder + "/" + StudentReport.JSON_FILE;
      case NONE -> "";
    };
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
