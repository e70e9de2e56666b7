package org.nngrader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.nngrader.grader.read.SheetReaders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nngrader bench}: measures grading speed on a generated, simulated class (reading only,
 * then the whole grade command with reports). Speed is measured here, never asserted in tests.
 */
@Command(mixinStandardHelpOptions = true, name = "bench", description = "Measure grading speed on a synthetic class.")
final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--students", defaultValue = "1000", paramLabel = "N", description = "Class size (default: ${DEFAULT-VALUE}).")
  int students;

  @Option(names = "--template", defaultValue = "sigmoid-2-2-2", paramLabel = "T", description = "Template (default: ${DEFAULT-VALUE}).")
  String template;

  @Option(names = "--rounds", defaultValue = "3", paramLabel = "R", description = "Timed rounds after one warm-up (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--dir", paramLabel = "DIR", description = "Work folder (default: a temporary folder, deleted afterwards).")
  Path dir;

  @Option(names = "--reports", defaultValue = "html,json", paramLabel = "html,json|json|none",
      description = "Per-student report files the timed grade writes (default: ${DEFAULT-VALUE}).")
  String reports;

  @Option(names = "--threads", paramLabel = "N", description = "Grading threads (default: all cores).")
  Integer threads;

  @Override
  public Integer call() throws IOException {
    if (students < 1 || rounds < 1) {
      throw new UsageException("--students and --rounds must be at least 1");
    }
    PrintWriter w = spec.commandLine().getOut();
    Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("nngrader-bench");
    try {
      StringBuilder roster = new StringBuilder("student_id,name,email\n");
      for (int i = 1; i <= students; i++) {
        roster.append(String.format(Locale.ROOT, "b%06d,Student %d,%n", i, i));
      }
      Files.writeString(work.resolve("roster.csv"), roster);
      quiet("generate", "--template", template, "--roster", work.resolve("roster.csv").toString(),
          "--seed", "1", "--out", work.resolve("set").toString());
      quiet("simulate", "--set", work.resolve("set").toString(), "--out", work.resolve("subs").toString(),
          "--profile", "mixed");
      w.printf(Locale.ROOT, "%d students of %s on %d cores%n", students, template,
          Runtime.getRuntime().availableProcessors());
      for (int r = 0; r <= rounds; r++) {
        long t0 = System.nanoTime();
        int sheets = readAll(work.resolve("subs"));
        long t1 = System.nanoTime();
        Path results = work.resolve("results-" + r);
        List<String> grade = new ArrayList<>(List.of("grade", "--set", work.resolve("set").toString(),
            "--submissions", work.resolve("subs").toString(), "--out", results.toString(),
            "--reports", reports));
        if (threads != null) {
          grade.addAll(List.of("--threads", threads.toString()));
        }
        quiet(grade.toArray(String[]::new));
        long t2 = System.nanoTime();
        GradeCommand.deleteTree(results);
        if (r > 0) {
          w.printf(Locale.ROOT, "round %d: reading alone %d sheets at %.0f sheets/s (%.0f us each, "
                  + "one thread); end to end (read, grade, reports %s) %.0f sheets/s%n", r, sheets,
              sheets / ((t1 - t0) / 1e9), (t1 - t0) / 1e3 / sheets, reports,
              sheets / ((t2 - t1) / 1e9));
        }
      }
    } finally {
      if (dir == null) {
        GradeCommand.deleteTree(work);
      }
    }
    return Main.EXIT_OK;
  }

  private static int readAll(Path folder) throws IOException {
    int n = 0;
    try (Stream<Path> files = Files.list(folder)) {
      for (Path p : files.sorted().toList()) {
        String name = p.getFileName().toString();
        if (name.endsWith(".xlsx") || name.endsWith(".csv")) {
          try {
            SheetReaders.read(name, Files.readAllBytes(p));
            n++;
          } catch (org.nngrader.grader.read.SheetReadException e) {
            // the simulated class has corrupt files on purpose
          }
        }
      }
    }
    return n;
  }

  private static void quiet(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = Main.run(new PrintWriter(o), new PrintWriter(e), args);
    if (code == Main.EXIT_USAGE) {
      throw new UsageException("bench: '" + args[0] + "' failed: " + e.toString().strip());
    }
  }
}
