package org.nngrader.bank.solution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nngrader.bank.symbolic.SymbolicSolver;
import org.nngrader.bank.template.Template;
import org.nngrader.bank.template.Templates;

/** Every built-in template's worked solution, in every format, against its golden file. */
class WorkedSolutionGoldenTest {

  private static final String GOLDEN = "/org/nngrader/bank/solution/golden/";

  record Case(String template, SolutionFormat format) {
    String file() {
      return template + "." + format.name().toLowerCase(Locale.ROOT) + ".expected";
    }

    @Override
    public String toString() {
      return file();
    }
  }

  static Stream<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (String id : Templates.BUILTIN) {
      for (SolutionFormat f : SolutionFormat.values()) {
        cases.add(new Case(id, f));
      }
    }
    return cases.stream();
  }

  static String render(Case c) {
    Template t = Templates.builtin(c.template());
    WorkedSolution s = t.isSymbolic()
        ? WorkedSolution.of(SymbolicSolver.solve(t, Map.of()))
        : WorkedSolution.of(t, t.solve(Map.of()));
    return c.format().render(s, t);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rendersAsItsGoldenFile(Case c) throws IOException {
    if (Boolean.getBoolean("golden.update")) {
      // Regenerate: mvn -pl problem-bank test -Dgolden.update=true, then review the diff.
      Path source = Path.of("src/test/resources" + GOLDEN + c.file());
      Files.createDirectories(source.getParent());
      Files.writeString(source, render(c), StandardCharsets.UTF_8);
      return;
    }
    try (InputStream in = WorkedSolutionGoldenTest.class.getResourceAsStream(GOLDEN + c.file())) {
      assertThat(in).as("golden file %s%s is missing", GOLDEN, c.file()).isNotNull();
      assertThat(render(c)).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rendersTheSameBytesTwice(Case c) {
    assertThat(render(c)).isEqualTo(render(c));
  }

  @Test
  void everyGoldenFileHasATemplateAndAFormat() throws IOException, URISyntaxException {
    Path dir = Path.of(WorkedSolutionGoldenTest.class.getResource(GOLDEN).toURI());
    List<String> expected = cases().map(Case::file).toList();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())
              .filter(name -> !name.equals("README.txt")))
          .as("golden files without a built-in template and format")
          .allMatch(expected::contains);
    }
  }
}
