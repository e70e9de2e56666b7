package org.nngrader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nngrader demo}: the whole flow on a built-in class of 40 students: generate a problem
 * set, simulate a class with every behaviour (including corrupt files, which are listed, not
 * fatal), grade it, and export Canvas grades.
 */
@Command(mixinStandardHelpOptions = true, name = "demo", description = "Run generate, simulate, grade and export on a built-in class of 40.")
final class DemoCommand implements Callable<Integer> {

  /** Marks a folder the demo made, so a second run may replace it. */
  static final String MARKER = ".nngrader-demo";
  static final String TEMPLATE = "sigmoid-2-2-2";
  static final int STUDENTS = 40;

  @Spec CommandSpec spec;

  @Option(names = "--out", defaultValue = "nngrader-demo", paramLabel = "DIR",
      description = "Folder for everything the demo writes (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--template", defaultValue = TEMPLATE, paramLabel = "T",
      description = "Template of the demo class (default: ${DEFAULT-VALUE}).")
  String template;

  @Override
  public Integer call() throws IOException {
    PrintWriter w = spec.commandLine().getOut();
    prepare(out);
    Path roster = out.resolve("roster.csv");
    Files.writeString(roster, roster(), StandardCharsets.UTF_8);
    Path set = out.resolve("set");
    Path subs = out.resolve("submissions");
    Path results = out.resolve("results");
    Path canvas = out.resolve("canvas-grades.csv");
    step(w, "generate", "generate", "--template", template, "--roster", roster.toString(),
        "--seed", "2026", "--out", set.toString());
    step(w, "simulate", "simulate", "--set", set.toString(), "--out", subs.toString(),
        "--profile", "mixed", "--seed", "2026");
    String grade = step(w, "grade", "grade", "--set", set.toString(), "--submissions",
        subs.toString(), "--out", results.toString());
    step(w, "export", "export", "--results", results.toString(), "--format", "canvas",
        "--assignment", "Backprop homework", "--out", canvas.toString());
    w.println();
    grade.lines().filter(l -> !l.startsWith("Results:") && !l.startsWith("Summary:")).forEach(w::println);
    w.println();
    w.println("Problem set:       " + set);
    w.println("Hand-outs:         " + set.resolve(org.nngrader.bank.generate.ProblemSetWriter.HANDOUT)
        + " (keys and solutions: " + set.resolve(org.nngrader.bank.generate.ProblemSetWriter.KEY) + ")");
    w.println("One report:        " + results.resolve("s001").resolve("report.html"));
    w.println("Class summary:     " + results.resolve("summary.html"));
    w.println("Canvas export:     " + canvas);
    return Main.EXIT_OK;
  }

  /** Runs one command; exit 1 (some files not graded) is part of the demo, anything else stops it. */
  private String step(PrintWriter w, String name, String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = Main.run(new PrintWriter(o), new PrintWriter(e), args);
    if (code != Main.EXIT_OK && !(name.equals("grade") && code == Main.EXIT_PARTIAL)) {
      throw new UsageException("demo step '" + name + "' failed (exit " + code + "): " + e.toString().strip());
    }
    w.printf(Locale.ROOT, "%-9s %s%n", name, o.toString().lines().findFirst().orElse("done"));
    return o.toString();
  }

  private static void prepare(Path dir) throws IOException {
    if (Files.exists(dir)) {
      boolean empty;
      try (Stream<Path> s = Files.list(dir)) {
        empty = s.findAny().isEmpty();
      }
      if (!empty && !Files.exists(dir.resolve(MARKER))) {
        throw new UsageException(dir + ": exists and was not made by the demo; pass --out with a new folder");
      }
      GradeCommand.deleteTree(dir);
    }
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(MARKER), "made by nngrader demo; safe to delete\n");
  }

  /** A class of 40 with Canvas columns; one name starts with '=' to show exports neutralise it. */
  static String roster() {
    String[] first = {"Ada", "Alan", "Grace", "John", "Barbara", "Edsger", "Donald", "Frances",
        "Ken", "Margaret"};
    String[] last = {"Lovelace", "Turing", "Hopper", "Backus", "Liskov", "Dijkstra", "Knuth",
        "Allen", "Thompson", "Hamilton"};
    List<String> rows = new ArrayList<>();
    rows.add("student_id,name,email,canvas_id,sis_user_id,section");
    for (int i = 1; i <= STUDENTS; i++) {
      String id = String.format(Locale.ROOT, "s%03d", i);
      String name = i == 7 ? "=HYPERLINK(\"http://x\"),Eve" : first[i % 10] + " " + last[(i * 3) % 10];
      rows.add(String.join(",", id, quote(name), id + "@example.edu", String.valueOf(1000 + i),
          "SIS" + id, i % 2 == 0 ? "Section A" : "Section B"));
    }
    return String.join("\n", rows) + "\n";
  }

  private static String quote(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
