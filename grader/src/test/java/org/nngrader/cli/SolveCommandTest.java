package org.nngrader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SolveCommandTest {

  @Test
  void jsonGivesThePublishedNumbersOfTheClassicExample() throws Exception {
    CliRun r = CliRun.run("solve", "--template", "sigmoid-2-2-2", "--format", "json");
    assertThat(r.code()).isZero();
    JsonNode q = new ObjectMapper().readTree(r.out()).get("quantities");
    assertThat(q.get("net_h1").asDouble()).isEqualTo(0.3775);
    assertThat(q.get("out_o1").asDouble()).isCloseTo(0.751365069552, org.assertj.core.api.Assertions.within(1e-11));
    assertThat(q.get("E_total@10000").asDouble()).isCloseTo(3.51018778298e-5, org.assertj.core.api.Assertions.within(1e-15));
  }

  @Test
  void paramsOverrideDefaults(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("p.yaml");
    Files.writeString(p, "w5: 0.5\neta: 1.0\n");
    CliRun r = CliRun.run("solve", "--template", "sigmoid-2-2-2", "--params", p.toString(), "--format", "json");
    assertThat(r.code()).isZero();
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.get("parameters").get("w5").asDouble()).isEqualTo(0.5);
    assertThat(root.get("parameters").get("eta").asDouble()).isEqualTo(1.0);
  }

  @Test
  void typoInParameterIdNamesItAndTheValidIds(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("p.yaml");
    Files.writeString(p, "w55: 0.5\n");
    CliRun r = CliRun.run("solve", "--template", "sigmoid-2-2-2", "--params", p.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown parameter 'w55'").contains("valid parameters: i1, i2, w1")
        .contains(p.toString());
  }

  @Test
  void seedDrawsAReproducibleVariant() throws Exception {
    CliRun a = CliRun.run("solve", "--template", "relu-2-1-1", "--seed", "5", "--format", "json");
    CliRun b = CliRun.run("solve", "--template", "relu-2-1-1", "--seed", "5", "--format", "json");
    CliRun c = CliRun.run("solve", "--template", "relu-2-1-1", "--seed", "6", "--format", "json");
    CliRun defaults = CliRun.run("solve", "--template", "relu-2-1-1", "--format", "json");
    assertThat(a.code()).as(a.err()).isZero();
    assertThat(a.out()).isEqualTo(b.out()).isNotEqualTo(c.out()).isNotEqualTo(defaults.out());
  }

  @Test
  void unknownTemplateListsTheValidOnes() {
    CliRun r = CliRun.run("solve", "--template", "sigmoid-9-9-9");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown template 'sigmoid-9-9-9'").contains("relu-2-1-1, sigmoid-2-2-1");
  }

  @Test
  void unknownFormatIsAUsageError() {
    CliRun r = CliRun.run("solve", "--template", "perceptron", "--format", "pdf");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown format 'pdf'; valid: text, md, html, json");
  }

  @Test
  void htmlIsOneSelfContainedDocumentInTextbookOrder() {
    CliRun r = CliRun.run("solve", "--template", "sigmoid-2-2-2", "--format", "html");
    assertThat(r.code()).isZero();
    String html = r.out();
    // The network drawing names its XML namespace; nothing is fetched.
    assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).startsWith("<!DOCTYPE html>")
        .doesNotContain("http://").doesNotContain("https://").doesNotContain("<script");
    assertThat(html).contains("<svg ").contains(">w5 = 0.4</text>");
    int forward = html.indexOf("<h2>Forward pass</h2>");
    int loss = html.indexOf("<h2>Loss</h2>");
    int output = html.indexOf("<h2>Output layer</h2>");
    int hidden = html.indexOf("<h2>Hidden layer</h2>");
    int updates = html.indexOf("<h2>Updates</h2>");
    int after = html.indexOf("<h2>After the update</h2>");
    assertThat(forward).isPositive().isLessThan(loss);
    assertThat(loss).isLessThan(output);
    assertThat(output).isLessThan(hidden);
    assertThat(hidden).isLessThan(updates);
    assertThat(updates).isLessThan(after);
    // The chain as MathML, one element per term (so that a phone wraps it), each with its text.
    assertThat(html).contains(">dE_total/dw5 =</annotation>", ">dE_total/dout_o1 *</annotation>",
        ">dout_o1/dnet_o1 *</annotation>", ">dnet_o1/dw5</annotation>");
  }

  @Test
  void aSymbolicTemplateSolvesToChainRuleExpressions() {
    CliRun r = CliRun.run("solve", "--template", "symbolic-3-2-1");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("Left as symbols\n  dL/dy_hat: how the loss L changes with y_hat")
        .contains("* dL/dw2 = dL/dy_hat * dy_hat/dz_out * dz_out/dh1 * dh1/dz_h1 * dz_h1/dw2\n"
            + "         = dL/dy_hat * g'(z_out) * 0.7 * f'(-4.2) * 10\n"
            + "         = 7 * dL/dy_hat * g'(z_out) * f'(-4.2)\n");
  }

  @Test
  void jsonOfASymbolicTemplateHasNumbersAndExpressions() throws Exception {
    CliRun r = CliRun.run("solve", "--template", "exp-output-2-2-1", "--format", "json");
    assertThat(r.code()).isZero();
    JsonNode root = new ObjectMapper().readTree(r.out());
    JsonNode q = root.get("quantities");
    assertThat(q.get("p").isNumber()).isTrue();
    assertThat(q.get("p").asDouble()).isCloseTo(1.0868938147, org.assertj.core.api.Assertions.within(1e-10));
    assertThat(q.get("dJ/dw5").asText()).isEqualTo("-0.559745425 * y + 0.608383841");
    assertThat(root.get("parameters").has("y")).isFalse();
    assertThat(root.get("symbols").get("y").asText()).isEqualTo("the target, left unknown");
  }

  @Test
  void paramsOfASymbolicTemplateAreItsGivensOnly(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("p.yaml");
    Files.writeString(p, "x2: 5\n");
    CliRun r = CliRun.run("solve", "--template", "symbolic-3-2-1", "--params", p.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("= dL/dy_hat * g'(z_out) * 0.7 * f'(-1.7) * 5\n");

    Files.writeString(p, "y: 0.5\n");
    CliRun unknown = CliRun.run("solve", "--template", "exp-output-2-2-1", "--params", p.toString());
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown parameter 'y' for template exp-output-2-2-1;"
        + " valid parameters: x1, x2, w1, w2, w3, w4, w5, w6, b1, b2, b3");
  }

  @Test
  void templatesListsEveryBuiltinWithADescription() {
    CliRun r = CliRun.run("templates");
    assertThat(r.code()).isZero();
    assertThat(r.out().lines()).hasSizeGreaterThanOrEqualTo(4)
        .anyMatch(l -> l.startsWith("sigmoid-2-2-2") && l.contains("shared layer biases"));
  }
}
