package org.nngrader.rubric;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The YAML in rubrics/README.md is what instructors copy: every block must load. */
class ReadmeExamplesTest {
  private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

  static List<String> yamlBlocks() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    List<String> blocks = new ArrayList<>();
    Matcher m = YAML_BLOCK.matcher(readme);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  @Test
  void everyYamlBlockInTheReadmeLoads() throws IOException {
    List<String> blocks = yamlBlocks();
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(3);
    for (String block : blocks) {
      assertThat(RubricLoader.parse(block, "README.md")).isNotNull();
    }
  }

  @Test
  void theMainExampleMeansWhatItsCommentsSay() throws IOException {
    Rubric rubric = RubricLoader.parse(yamlBlocks().get(0), "README.md");
    assertThat(rubric.name()).isEqualTo("strict-2-2-2");
    assertThat(rubric.pointsFor("dE_total/dw5")).isEqualTo(2);
    assertThat(rubric.toleranceFor("dE_total/dw5")).isEqualTo(Tolerance.combined(1e-7, 1e-3));
    assertThat(rubric.toleranceFor("w5+")).isEqualTo(Tolerance.significantFigures(5));
    assertThat(rubric.pointsFor("E_total@10000")).isEqualTo(0.5);
    assertThat(rubric.followThrough().credit()).isEqualTo(0.5);
    assertThat(rubric.late().kind()).isEqualTo(LatePolicy.Kind.ZERO_AFTER);
  }
}
