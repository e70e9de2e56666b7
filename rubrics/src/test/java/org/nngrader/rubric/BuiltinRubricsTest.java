package org.nngrader.rubric;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BuiltinRubricsTest {
  /** The built-in folder in the source tree (tests run with the module as working directory). */
  private static final Path SOURCES = Path.of("src/main/resources/org/nngrader/rubric/builtin");

  static List<String> names() {
    return RubricLoader.builtinNames();
  }

  @Test
  void defaultComesFirstThenOnePerTemplate() {
    assertThat(RubricLoader.builtinNames())
        .containsExactly(
            "default", "relu-2-1-1", "sigmoid-2-2-1", "sigmoid-2-2-2", "perceptron",
            "symbolic-3-2-1", "exp-output-2-2-1");
  }

  @Test
  void theIndexListsEveryRubricFileAndNothingElse() throws IOException {
    try (Stream<Path> files = Files.list(SOURCES)) {
      List<String> onDisk =
          files.map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".yaml"))
              .map(n -> n.substring(0, n.length() - ".yaml".length()))
              .sorted()
              .toList();
      assertThat(onDisk).containsExactlyInAnyOrderElementsOf(RubricLoader.builtinNames());
    }
  }

  @ParameterizedTest
  @MethodSource("names")
  void loadsAndIsNamedAfterItsFile(String name) {
    Rubric rubric = RubricLoader.loadBuiltin(name);
    assertThat(rubric.name()).isEqualTo(name);
    assertThat(rubric.description()).isNotBlank();
  }

  @Test
  void defaultIsTheRecordDefaults() {
    Rubric rubric = RubricLoader.loadBuiltin("default");
    Rubric defaults = Rubric.defaults("default");
    assertThat(rubric).usingRecursiveComparison().ignoringFields("description").isEqualTo(defaults);
  }

  @Test
  void reluGivesTwoPointsPerWeightGradientAndTightUpdates() {
    Rubric relu = RubricLoader.loadBuiltin("relu-2-1-1");
    for (String step : List.of("dL/dw1", "dL/dw2", "dL/dw3")) {
      assertThat(relu.pointsFor(step)).as(step).isEqualTo(2);
      assertThat(relu.toleranceFor(step).mode()).isEqualTo(Tolerance.Mode.COMBINED);
      assertThat(relu.toleranceFor(step).relative()).isEqualTo(0.001);
    }
    for (String step : List.of("z1", "h1", "z2", "y_hat", "L", "dh1/dz1", "w1+", "L@1")) {
      assertThat(relu.pointsFor(step)).as(step).isEqualTo(1);
    }
    assertThat(relu.toleranceFor("dh1/dz1").absolute()).isEqualTo(1e-7);
    assertThat(relu.toleranceFor("w3+")).isEqualTo(Tolerance.combined(1e-6, 1e-4));
    assertThat(relu.toleranceFor("L_improvement_pct@1")).isEqualTo(Tolerance.combined(0.01, 0.001));
    assertThat(relu.toleranceFor("L_decrease@1")).isEqualTo(Tolerance.combined(1e-7, 0.001));
    assertThat(relu.toleranceFor("z1@1")).isEqualTo(Tolerance.DEFAULT);
  }

  @Test
  void sigmoid221CoversEveryGradientInMatrixNotation() {
    Rubric rubric = RubricLoader.loadBuiltin("sigmoid-2-2-1");
    for (String step :
        List.of("dL/dw11^[1]", "dL/dw12^[1]", "dL/dw21^[1]", "dL/dw22^[1]", "dL/dw11^[2]",
            "dL/dw12^[2]", "dL/db1^[1]", "dL/db2^[1]", "dL/db1^[2]")) {
      assertThat(rubric.pointsFor(step)).as(step).isEqualTo(2);
    }
    assertThat(rubric.pointsFor("dL/dz1^[2]")).isEqualTo(1);
    assertThat(rubric.pointsFor("a1^[2]")).isEqualTo(1);
    assertThat(rubric.toleranceFor("da1^[2]/dz1^[2]").absolute()).isEqualTo(1e-7);
    assertThat(rubric.toleranceFor("w11^[1]+")).isEqualTo(Tolerance.combined(1e-6, 1e-4));
    assertThat(rubric.toleranceFor("b1^[2]+")).isEqualTo(Tolerance.combined(1e-6, 1e-4));
    assertThat(rubric.toleranceFor("z1^[1]")).isEqualTo(Tolerance.DEFAULT);
  }

  /** The published answers of the classic example, and mistakes its tolerances must catch. */
  @Test
  void sigmoid222AcceptsTheWorkedExampleAndRejectsANonUpdate() {
    Rubric rubric = RubricLoader.loadBuiltin("sigmoid-2-2-2");
    assertThat(rubric.pointsFor("dE_total/dw5")).isEqualTo(2);
    assertThat(rubric.pointsFor("dE_total/dw1")).isEqualTo(2);
    assertThat(rubric.pointsFor("dE_total/dout_o1")).isEqualTo(1);
    assertThat(rubric.pointsFor("w1+")).isEqualTo(1);
    assertThat(rubric.toleranceFor("dE_total/dw1").accepts(0.000438568, 0.00043856773447))
        .isTrue();
    assertThat(rubric.toleranceFor("dE_total/dw1").accepts(0.00044, 0.00043856773447)).isFalse();
    // w1 moves from 0.15 to 0.149780716: leaving it at 0.15 is wrong.
    assertThat(rubric.toleranceFor("w1+").accepts(0.149780716, 0.14978071613)).isTrue();
    assertThat(rubric.toleranceFor("w1+").accepts(0.15, 0.14978071613)).isFalse();
    // After 10000 updates the error is 0.0000351085; 0 must not pass.
    assertThat(rubric.toleranceFor("E_total@10000").accepts(0.0000351085, 0.000035108))
        .isTrue();
    assertThat(rubric.toleranceFor("E_total@10000").accepts(0, 0.000035108)).isFalse();
    assertThat(rubric.toleranceFor("out_o1@10000")).isEqualTo(Tolerance.DEFAULT);
  }

  @Test
  void perceptronGradientsAndUpdates() {
    Rubric rubric = RubricLoader.loadBuiltin("perceptron");
    assertThat(rubric.pointsFor("dL/dw3")).isEqualTo(2);
    assertThat(rubric.pointsFor("dL/db")).isEqualTo(2);
    assertThat(rubric.pointsFor("dL/dz")).isEqualTo(1);
    assertThat(rubric.toleranceFor("dy_hat/dz").accepts(0, 0)).isTrue();
    assertThat(rubric.toleranceFor("b+")).isEqualTo(Tolerance.combined(1e-6, 1e-4));
  }

  @Test
  void symbolicRubricsCompareCoefficientsToATenthOfAPercent() {
    Rubric threeTwoOne = RubricLoader.loadBuiltin("symbolic-3-2-1");
    for (String step : List.of("dL/dw7", "dL/dw2", "dL/dw6")) {
      assertThat(threeTwoOne.pointsFor(step)).isEqualTo(2);
      assertThat(threeTwoOne.toleranceFor(step).relative()).isEqualTo(0.001);
    }
    Rubric exp = RubricLoader.loadBuiltin("exp-output-2-2-1");
    assertThat(exp.pointsFor("p")).isEqualTo(1);
    assertThat(exp.pointsFor("dJ/dp")).isEqualTo(1);
    assertThat(exp.pointsFor("dJ/dw5")).isEqualTo(2);
    assertThat(exp.toleranceFor("dJ/dw5").relative()).isEqualTo(0.001);
    // -0.248442*y + 0.070060644 evaluated at y = 2: a coefficient off by 1% is caught.
    double reference = -0.248442 * 2 + 0.070060644;
    assertThat(exp.toleranceFor("dJ/dw1").accepts(-0.2484 * 2 + 0.07006, reference)).isTrue();
    assertThat(exp.toleranceFor("dJ/dw1").accepts(-0.251 * 2 + 0.070060644, reference)).isFalse();
  }

  @Test
  void resolveTakesANameOrAPath(@TempDir Path dir) throws IOException {
    assertThat(RubricLoader.resolve("perceptron").name()).isEqualTo("perceptron");
    Path file = dir.resolve("mine.yaml");
    Files.writeString(file, "points: 3\n");
    assertThat(RubricLoader.resolve(file.toString()).pointsFor("x")).isEqualTo(3);
  }

  @Test
  void anUnknownBuiltinNameSuggestsTheClosest() {
    try {
      RubricLoader.loadBuiltin("sigmoid-222");
      throw new AssertionError("expected a RubricException");
    } catch (RubricException e) {
      assertThat(e.getMessage())
          .isEqualTo("built-in rubrics: there is no built-in rubric 'sigmoid-222'; built-in"
              + " rubrics: default, relu-2-1-1, sigmoid-2-2-1, sigmoid-2-2-2, perceptron,"
              + " symbolic-3-2-1, exp-output-2-2-1 (did you mean sigmoid-2-2-2?)");
    }
  }

  @Test
  void builtinNamesCannotReachOtherResources() {
    try {
      RubricLoader.loadBuiltin("../builtin/default");
      throw new AssertionError("expected a RubricException");
    } catch (RubricException e) {
      assertThat(e.getMessage()).contains("there is no built-in rubric '../builtin/default'");
    }
  }
}
