package org.nngrader.portal;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.nngrader.cli.Main;

/**
 * A generated problem set of 100 students with a simulated class (mixed profile: right,
 * wrong, misconceived and unreadable answers) and the results of {@code nngrader grade} on it,
 * built once per test run through the real command line. The portal must give the same scores.
 */
final class ClassFixture {

  static final int STUDENTS = 100;
  private static ClassFixture instance;

  final Path root;
  final Path set;
  final Path submissions;
  final Path results;
  /** student id to the score {@code nngrader grade} gave. */
  final Map<String, String> expectedScore = new LinkedHashMap<>();

  private ClassFixture() throws IOException {
    root = Files.createTempDirectory("nngrader-portal-fixture-");
    Path roster = root.resolve("roster.csv");
    List<String> lines = new ArrayList<>(List.of("student_id,name,email"));
    for (int i = 1; i <= STUDENTS; i++) {
      lines.add(String.format("p%03d,Student %d,p%03d@example.edu", i, i, i));
    }
    Files.write(roster, lines, StandardCharsets.UTF_8);
    Path rubric = root.resolve("rubric.yaml");
    Files.writeString(rubric, rubricYaml(1));
    set = root.resolve("set");
    submissions = root.resolve("subs");
    results = root.resolve("results");
    cli("generate", "--template", "sigmoid-2-2-2", "--roster", roster.toString(), "--seed", "11",
        "--out", set.toString(), "--rubric", rubric.toString());
    cli("simulate", "--set", set.toString(), "--out", submissions.toString(), "--profile", "mixed", "--seed", "5");
    cli("grade", "--set", set.toString(), "--submissions", submissions.toString(), "--out", results.toString());
    try (CSVParser p = CSVParser.parse(results.resolve("grades.csv"), StandardCharsets.UTF_8,
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
      for (CSVRecord r : p) {
        expectedScore.put(r.get("student_id"), r.get("score"));
      }
    }
  }

  static String rubricYaml(int points) {
    return "name: portal-test\npoints: " + points + "\ntolerance:\n  absolute: 0.0001\n  relative: 0.001\n"
        + "followThrough:\n  credit: 1.0\n  rejectTrivialInputs: true\nmisconceptionCredit: 0.0\n"
        + "roundingNoteCredit: 1.0\nreveal: [values, formulas]\nlate: {policy: fraction-off, fraction: 0.5}\n";
  }

  static synchronized ClassFixture get() {
    if (instance == null) {
      try {
        instance = new ClassFixture();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  /** The simulated sheet of a student (xlsx or csv, whichever the simulation wrote). */
  Path sheet(String studentId) {
    try (Stream<Path> s = Files.list(submissions)) {
      return s.filter(p -> p.getFileName().toString().startsWith(studentId + "."))
          .findFirst().orElseThrow(() -> new IllegalStateException("no sheet for " + studentId));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A copy of the set that a test may change (its rubric). */
  Path copyOfSet(Path into) throws IOException {
    try (Stream<Path> walk = Files.walk(set)) {
      for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
        Path target = into.resolve(set.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return into;
  }

  static String cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    if (code != 0 && code != 1) {
      throw new IllegalStateException("nngrader " + String.join(" ", args) + " exited " + code + ": " + err);
    }
    return out.toString();
  }
}
