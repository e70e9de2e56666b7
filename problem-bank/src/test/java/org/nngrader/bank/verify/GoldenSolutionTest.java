package org.nngrader.bank.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nngrader.bank.solution.SolutionFormat;
import org.nngrader.bank.solution.WorkedSolution;
import org.nngrader.bank.template.Template;
import org.nngrader.bank.template.Templates;

/**
 * The worked solution of every built-in template for its defaults ({@code nngrader solve
 * --template T --format text|json}) against {@code golden/solve/<template>.<format>.expected}.
 * See {@code src/test/resources/golden/README.txt} for where the numbers come from.
 *
 * <p>To regenerate after an intended change, run the test with {@code -Dgolden.update=true}:
 * {@code mvn -B -q -pl problem-bank verify -Dtest=GoldenSolutionTest -Dgolden.update=true
 * -Dsurefire.failIfNoSpecifiedTests=false}, then read the diff before committing it.
 */
class GoldenSolutionTest {

  static final List<SolutionFormat> FORMATS = List.of(SolutionFormat.TEXT, SolutionFormat.JSON);
  static final String SUFFIX = ".expected";

  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  /** The source folder (not target/), so that an update lands where git sees it. */
  static Path goldenDir() {
    String basedir = System.getProperty("basedir", System.getProperty("user.dir"));
    return Path.of(basedir, "src", "test", "resources", "golden", "solve");
  }

  static String fileName(String template, SolutionFormat format) {
    return template + "." + format.name().toLowerCase(Locale.ROOT) + SUFFIX;
  }

  static Stream<Arguments> documents() {
    return Templates.BUILTIN.stream()
        .flatMap(t -> FORMATS.stream().map(f -> Arguments.of(t, f)));
  }

  static String render(String templateId, SolutionFormat format) {
    Template t = Templates.builtin(templateId);
    return format.render(WorkedSolution.of(t, t.solve(Map.of())));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("documents")
  void workedSolutionMatchesItsGoldenFile(String template, SolutionFormat format)
      throws IOException {
    Path file = goldenDir().resolve(fileName(template, format));
    String actual = render(template, format);
    if (UPDATE) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(file)
        .as("golden file %s is missing; run with -Dgolden.update=true to write it", file)
        .exists();
    String expected = Files.readString(file, StandardCharsets.UTF_8);
    Optional<String> difference = GoldenText.firstDifference(expected, actual);
    assertThat(difference)
        .as("%s differs from the rendered solution; if the change is intended, regenerate with"
            + " -Dgolden.update=true and review the diff", file)
        .isEmpty();
  }

  @Test
  void everyGoldenFileBelongsToATemplateAndFormat() throws IOException {
    List<String> expected = documents()
        .map(a -> fileName((String) a.get()[0], (SolutionFormat) a.get()[1]))
        .toList();
    List<String> orphans = new ArrayList<>();
    if (!Files.isDirectory(goldenDir())) {
      return; // nothing to be orphaned; the comparison test reports the missing files
    }
    try (Stream<Path> files = Files.list(goldenDir())) {
      files.map(p -> p.getFileName().toString())
          .filter(name -> !expected.contains(name))
          .sorted()
          .forEach(orphans::add);
    }
    assertThat(orphans)
        .as("files in %s that no built-in template and format (%s) produce; delete or rename them",
            goldenDir(), FORMATS)
        .isEmpty();
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("documents")
  void renderingTwiceGivesTheSameText(String template, SolutionFormat format) {
    assertThat(render(template, format)).isEqualTo(render(template, format));
  }

  @Test
  void aChangedNumberIsADifferenceButFullPrecisionNoiseIsNot() {
    assertThat(GoldenText.firstDifference("x = 0.29837110876000270\n", "x = 0.29837110876000275\n"))
        .isEmpty();
    assertThat(GoldenText.firstDifference("E = 0.29837111\n", "E = 0.29837112\n"))
        .hasValueSatisfying(d -> assertThat(d).startsWith("line 1:"));
    assertThat(GoldenText.firstDifference("x = 0.2983711087600027\n", "x = 0.2983711087700027\n"))
        .isPresent();
    assertThat(GoldenText.firstDifference("w = 0.5\n", "w = 0.50\n")).isPresent();
    assertThat(GoldenText.firstDifference("a\nb\n", "a\n")).isPresent();
    assertThat(GoldenText.firstDifference("a = 1\n", "b = 1\n")).isPresent();
  }
}
