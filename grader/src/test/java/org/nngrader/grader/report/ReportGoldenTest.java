package org.nngrader.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nngrader.grader.batch.GradedSubmission;
import org.nngrader.rubric.Reveal;

/**
 * Every report file of the fixture class against its golden copy in
 * {@code src/test/resources/org/nngrader/grader/report/golden} (see README.txt there). Run with
 * {@code -Dgolden.update=true} to rewrite the golden files from the current output, then review
 * the diff before committing.
 */
class ReportGoldenTest {

  static final Path GOLDEN = Path.of("src/test/resources/org/nngrader/grader/report/golden");
  static final String README = "README.txt";
  /**
   * JFreeChart lays text out with the machine's font metrics, so chart bytes are compared here
   * only by presence; {@link ReportDeterminismTest} compares them byte for byte between runs.
   */
  private static final Pattern CHART = Pattern.compile("<svg id='(chart-[a-z]+)'[\\s\\S]*?</svg>");

  static Path actual;

  @BeforeAll
  static void render(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
    actual = tmp;
    writeAll(tmp);
    if (Boolean.getBoolean("golden.update")) {
      update(tmp);
    }
  }

  /** The golden tree: the fixture class with everything revealed, and two reports with nothing. */
  static void writeAll(Path root) {
    ClassReport c = new ClassReport(root.resolve("class"), ReportFixtures.T,
        ReportFixtures.T.asked(), Reveal.ALL);
    ReportFixtures.all().forEach(c::add);
    c.finish();
    for (GradedSubmission s : List.of(ReportFixtures.slip(), ReportFixtures.misconception())) {
      StudentReport.write(root.resolve("reveal-nothing").resolve(s.studentId()), s,
          ReportFixtures.T, Reveal.NOTHING);
    }
  }

  private static void update(Path tmp) throws IOException {
    for (String f : files(GOLDEN)) {
      if (!f.equals(README)) {
        Files.delete(GOLDEN.resolve(f));
      }
    }
    for (String f : files(tmp)) {
      Path to = GOLDEN.resolve(f);
      Files.createDirectories(to.getParent());
      Files.copy(tmp.resolve(f), to);
    }
  }

  static Set<String> files(Path root) {
    if (!Files.isDirectory(root)) {
      return new TreeSet<>();
    }
    try (Stream<Path> s = Files.walk(root)) {
      Set<String> out = new TreeSet<>();
      s.filter(Files::isRegularFile)
          .forEach(p -> out.add(root.relativize(p).toString().replace('\\', '/')));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<String> goldenFiles() {
    Set<String> all = files(GOLDEN);
    all.remove(README);
    return all.stream();
  }

  @Test
  void everyProducedFileHasAGoldenPartnerAndViceVersa() {
    Set<String> golden = files(GOLDEN);
    golden.remove(README);
    assertThat(files(actual)).as("run with -Dgolden.update=true and review the diff")
        .containsExactlyElementsOf(golden);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenFiles")
  void matchesGolden(String file) throws IOException {
    Path expected = GOLDEN.resolve(file);
    Path produced = actual.resolve(file);
    assertThat(produced).as("golden file no longer produced (run with -Dgolden.update=true)")
        .exists();
    String want = Files.readString(expected, StandardCharsets.UTF_8);
    String got = Files.readString(produced, StandardCharsets.UTF_8);
    if (file.endsWith("summary.html")) {
      assertThat(charts(got)).containsExactly("chart-histogram", "chart-steps");
      want = CHART.matcher(want).replaceAll("<svg id='$1'/>");
      got = CHART.matcher(got).replaceAll("<svg id='$1'/>");
    }
    assertThat(got).isEqualTo(want);
  }

  @Test
  void goldenFolderHasItsReadme() {
    assertThat(GOLDEN.resolve(README)).exists();
  }

  private static List<String> charts(String html) {
    return CHART.matcher(html).results().map(m -> m.group(1)).toList();
  }
}
