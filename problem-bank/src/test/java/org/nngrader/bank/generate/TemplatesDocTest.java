package org.nngrader.bank.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nngrader.bank.template.TemplateLoader;

/** TEMPLATES.md's example is the tested template resource, and it loads. */
class TemplatesDocTest {

  @Test
  void exampleInTheSchemaDocIsTheTestedTemplate() throws IOException {
    String doc = Files.readString(Path.of("TEMPLATES.md"), StandardCharsets.UTF_8);
    int start = doc.indexOf("```yaml\n", doc.indexOf("## Example")) + "```yaml\n".length();
    String example = doc.substring(start, doc.indexOf("```", start));
    try (InputStream in = getClass().getResourceAsStream("tanh-2-3-2-2.yaml")) {
      assertThat(example).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertThat(TemplateLoader.parse("TEMPLATES.md", example).asked()).contains("dE_total/dw1",
        "dE_total/dnet_h5", "w16+", "E_total@1");
  }

  @Test
  void everyTemplateFieldIsDocumented() throws IOException {
    String doc = Files.readString(Path.of("TEMPLATES.md"), StandardCharsets.UTF_8);
    for (String field : new String[] {"`id`", "`title`", "`description`", "`network`",
        "`notation`", "`defaults`", "`randomize`", "`asked`", "`updates`", "`answers`",
        "`layers`", "`activations`", "`loss`", "`bias`", "`train`", "`examples`", "`input`",
        "`weight`", "`target`", "`rate`", "`parameters`", "`fixed`", "`relu_margin`",
        "`min_activation_derivative`", "`min_gradient`", "`require_loss_decrease`",
        "`significant_figures`"}) {
      assertThat(doc).as(field).contains(field);
    }
  }
}
