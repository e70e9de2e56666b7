package org.nngrader.bank.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nngrader.bank.graph.QuantityGraph;
import org.nngrader.bank.template.Templates;

/**
 * A problem set records where training takes every variant, and grading takes the record back
 * only when it is trustworthy: a value after training is the trained one whatever the record
 * says, unless the record is what training gives.
 */
class RecordedTrainingTest {

  private static final String AFTER = "E_total@10000";

  @TempDir static Path tmp;
  static Path set;
  static String manifest;

  @BeforeAll
  static void generate() throws IOException {
    set = tmp.resolve("set");
    ProblemSetWriterTest.generate("sigmoid-2-2-2", ProblemSetWriterTest.roster(3), 7, set);
    manifest = Files.readString(set.resolve(ProblemSet.MANIFEST));
  }

  private static Path copyWith(String name, String manifestText) throws IOException {
    return ProblemSetReadTest.copyWith(set, tmp.resolve(name), manifestText);
  }

  /** E_total after 10000 updates as training gives it, on a graph that was given no record. */
  private static double trained(Map<String, Double> parameters) {
    return Templates.builtin("sigmoid-2-2-2").graph().evaluate(parameters).get(AFTER);
  }

  @Test
  void everyVariantRecordsTheTrainedWeightsBitForBit() {
    ProblemSet read = ProblemSet.read(set);
    QuantityGraph graph = Templates.builtin("sigmoid-2-2-2").graph();
    for (ProblemSet.StudentVariant s : read.students()) {
      assertThat(s.trained()).containsOnlyKeys(10000);
      assertThat(s.trained().get(10000)).containsOnlyKeys("w1", "w2", "w3", "w4", "w5", "w6",
          "w7", "w8");
      assertThat(s.trained()).isEqualTo(graph.training(s.parameters()));
      assertThat(s.trained().get(10000).get("w1")).isNotEqualTo(s.parameters().get("w1"));
    }
    assertThat(manifest).contains("\"trained\" : {\n        \"10000\" : {\n          \"w1\" : ");
  }

  @Test
  void aTakenRecordGivesTheValuesAfterTrainingOfEveryStudent() {
    ProblemSet read = ProblemSet.read(set);
    QuantityGraph graph = read.template().graph();
    for (ProblemSet.StudentVariant s : read.students()) {
      assertThat(graph.evaluate(s.parameters()).get(AFTER)).isEqualTo(trained(s.parameters()));
    }
  }

  @Test
  void aRecordThatTrainingDoesNotGiveIsNotTaken() throws IOException {
    // Every student's w1 after training moved: the first record is checked and fails, so no
    // record is taken and every value comes from training.
    Path doctored = copyWith("doctored", manifest.replaceAll(
        "(\"10000\" : \\{\\s+\"w1\" : )-?[0-9.E-]+", "$10.5"));
    ProblemSet read = ProblemSet.read(doctored);
    assertThat(read.students()).allSatisfy(s ->
        assertThat(s.trained().get(10000).get("w1")).isEqualTo(0.5));
    QuantityGraph graph = read.template().graph();
    for (ProblemSet.StudentVariant s : read.students()) {
      assertThat(graph.evaluate(s.parameters()).get(AFTER)).isEqualTo(trained(s.parameters()));
    }
  }

  @Test
  void aRecordOfParametersEditedSinceIsNotTaken() throws IOException {
    // The last student's i1 edited by hand (its variant id no longer matches) while its record
    // is the training of another student's parameters.
    ProblemSet original = ProblemSet.read(set);
    ProblemSet.StudentVariant last = original.students().get(2);
    String edited = manifest.replace("\"i1\" : " + last.parameters().get("i1") + ",",
        "\"i1\" : 0.5,");
    assertThat(edited).isNotEqualTo(manifest);
    ProblemSet read = ProblemSet.read(copyWith("edited", edited));
    ProblemSet.StudentVariant changed = read.students().get(2);
    assertThat(changed.parameters().get("i1")).isEqualTo(0.5);
    assertThat(changed.trained()).isEqualTo(last.trained());
    double value = read.template().graph().evaluate(changed.parameters()).get(AFTER);
    assertThat(value).isEqualTo(trained(changed.parameters()));
  }

  @Test
  void aDamagedRecordNamesItsField() throws IOException {
    Path steps = copyWith("steps", manifest.replaceFirst("\"10000\" : \\{", "\"many\" : {"));
    assertThatThrownBy(() -> ProblemSet.read(steps)).isInstanceOf(ProblemSetException.class)
        .hasMessage(steps.resolve(ProblemSet.MANIFEST) + ": students[0].trained.many is not a"
            + " number of updates; the manifest is damaged: restore it or generate the set again");
    Path value = copyWith("value", manifest.replaceFirst(
        "(\"10000\" : \\{\\s+\"w1\" : )-?[0-9.E-]+", "$1\"x\""));
    assertThatThrownBy(() -> ProblemSet.read(value))
        .hasMessageContaining("students[0].trained.10000.w1 is 'x'; it must be a number");
    // A record of other parameters than the graph trains is no record: training gives them.
    Path other = copyWith("other", manifest.replaceAll(
        "\"w8\" : (-?[0-9.E-]+)(\\s+\\}\\s+\\})", "\"w9\" : 0.5$2"));
    ProblemSet read = ProblemSet.read(other);
    ProblemSet.StudentVariant s = read.students().get(0);
    assertThat(s.trained().get(10000)).containsKey("w9");
    assertThat(read.template().graph().evaluate(s.parameters()).get(AFTER))
        .isEqualTo(trained(s.parameters()));
  }

  @Test
  void theGraphTakesARecordUncheckedAndRefusesAWrongOneChecked() {
    ProblemSet.StudentVariant s = ProblemSet.read(set).students().get(0);
    Map<Integer, Map<String, Double>> wrong = Map.of(10000, Map.of("w1", 0.5, "w2", 0.5, "w3",
        0.5, "w4", 0.5, "w5", 0.5, "w6", 0.5, "w7", 0.5, "w8", 0.5));
    QuantityGraph checked = Templates.builtin("sigmoid-2-2-2").graph();
    assertThat(checked.rememberTraining(s.parameters(), wrong, true)).isFalse();
    assertThat(checked.evaluate(s.parameters()).get(AFTER)).isEqualTo(trained(s.parameters()));
    // Unchecked, the record is what the graph evaluates from: the mechanism grading relies on.
    QuantityGraph unchecked = org.nngrader.bank.template.TemplateLoader
        .load(set.resolve(ProblemSet.TEMPLATE_FILE)).graph();
    assertThat(unchecked.rememberTraining(s.parameters(), wrong, false)).isTrue();
    assertThat(unchecked.training(s.parameters())).isEqualTo(wrong);
    assertThat(unchecked.evaluate(s.parameters()).get(AFTER))
        .isNotEqualTo(trained(s.parameters()));
  }
}
