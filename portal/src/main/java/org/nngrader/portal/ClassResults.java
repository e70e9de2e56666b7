package org.nngrader.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.nngrader.grader.batch.GradedSubmission;
import org.nngrader.grader.batch.SetStudent;
import org.nngrader.grader.export.ExportFormat;
import org.nngrader.grader.export.GradeExporter;
import org.nngrader.grader.export.ResultsFolder;
import org.nngrader.grader.report.ClassReport;

/**
 * The class's counting attempts as a results folder of {@code nngrader grade} (the same
 * summary page, grades.csv, steps.csv and students.json), written into a temporary folder, so
 * the dashboard and the exports are exactly what the command line gives for the same sheets.
 */
final class ClassResults {

  private ClassResults() {}

  /** Writes the results folder of the counting attempts into {@code folder}. */
  static void write(Path folder, PortalSet set, List<GradedSubmission> counting) throws IOException {
    ClassReport report = new ClassReport(folder, set.template(), set.template().asked(), set.rubric().reveal());
    Map<String, String> feedback = new HashMap<>();
    for (GradedSubmission g : counting) {
      report.add(g);
      feedback.put(g.studentId(), g.status() == GradedSubmission.Status.GRADED
          ? org.nngrader.grader.report.FeedbackLine.of(g)
          : "Your submission could not be graded: " + g.error());
    }
    report.finish();
    List<ResultsFolder.Entry> entries = new ArrayList<>();
    for (SetStudent s : set.students()) {
      entries.add(new ResultsFolder.Entry(s.id(), s.name(), s.email(), s.lmsIds(),
          feedback.getOrDefault(s.id(), "No submission.")));
    }
    ResultsFolder.writeStudents(folder, entries);
  }

  /** The summary page of the counting attempts. */
  static String summary(PortalSet set, List<GradedSubmission> counting) throws IOException {
    return inTemp(dir -> {
      write(dir, set, counting);
      return Files.readString(dir.resolve(ClassReport.SUMMARY_HTML), StandardCharsets.UTF_8);
    });
  }

  /** One export of {@code nngrader export}, as bytes. */
  static byte[] export(PortalSet set, List<GradedSubmission> counting, ExportFormat format,
      GradeExporter.Options options) throws IOException {
    return inTemp(dir -> {
      Path results = dir.resolve("results");
      write(results, set, counting);
      Path out = dir.resolve("export.csv");
      GradeExporter.write(format, ResultsFolder.read(results), options, out);
      return Files.readAllBytes(out);
    });
  }

  /** A results-folder file (grades.csv, steps.csv) of the counting attempts. */
  static byte[] file(PortalSet set, List<GradedSubmission> counting, String name) throws IOException {
    return inTemp(dir -> {
      write(dir, set, counting);
      return Files.readAllBytes(dir.resolve(name));
    });
  }

  static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
  }

  private interface InFolder<T> {
    T apply(Path dir) throws IOException;
  }

  private static <T> T inTemp(InFolder<T> work) throws IOException {
    Path dir = Files.createTempDirectory("nngrader-portal-");
    try {
      return work.apply(dir);
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
