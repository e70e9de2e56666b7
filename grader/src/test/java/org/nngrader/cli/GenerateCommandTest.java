package org.nngrader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nngrader.bank.generate.ProblemSet;

class GenerateCommandTest {

  @TempDir Path tmp;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return Main.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  Path roster(String text) throws IOException {
    Path f = tmp.resolve("roster.csv");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void writesASetAndSaysWhere() throws IOException {
    Path r = roster("student_id,name,email\ns1,Ada,a@x\ns2,Alan,b@x\ns3,Grace,c@x\n");
    Path set = tmp.resolve("set");
    int code = run("generate", "--template", "relu-2-1-1", "--roster", r.toString(), "--seed",
        "42", "--out", set.toString());
    assertThat(err.toString()).isEmpty();
    assertThat(code).isZero();
    assertThat(out.toString()).startsWith("Wrote 3 variants of relu-2-1-1 for 3 students to " + set);
    ProblemSet read = ProblemSet.read(set);
    assertThat(read.students()).hasSize(3);
    assertThat(read.seed()).isEqualTo(42);
    assertThat(set.resolve("handout/s2/answers.xlsx")).isRegularFile();
    assertThat(set.resolve("key/s2/key.json")).isRegularFile();
    assertThat(set.resolve("handout/s2/key.json")).doesNotExist();
    assertThat(out.toString()).contains("hand out " + set.resolve("handout") + "/<student>/");
  }

  @Test
  void theProblemSheetStatesTheRubricsRuleForFewFigures() throws IOException {
    Path r = roster("student_id\ns1\n");
    Path rubric = tmp.resolve("strict.yaml");
    Files.writeString(rubric, "name: strict\nprecision: {minimumFigures: 4, credit: 0.5}\n");
    Path strict = tmp.resolve("strict");
    assertThat(run("generate", "--template", "relu-2-1-1", "--roster", r.toString(), "--seed",
        "1", "--out", strict.toString(), "--rubric", rubric.toString())).as(err.toString()).isZero();
    assertThat(Files.readString(strict.resolve("handout/s1/problem.html"))).contains(
        "A right value rounded to fewer than 4 significant figures earns no credit; rounded to 4"
            + " or more but outside the tolerance, it earns 50% of the points");
    Path builtin = tmp.resolve("builtin");
    assertThat(run("generate", "--template", "relu-2-1-1", "--roster", r.toString(), "--seed",
        "1", "--out", builtin.toString())).as(err.toString()).isZero();
    assertThat(Files.readString(builtin.resolve("handout/s1/problem.html"))).contains(
        "A right value rounded to fewer than 3 significant figures earns no credit; rounded to 3"
            + " or more but outside the tolerance, it earns full credit");
  }

  @Test
  void paramsFixValuesAndRubricIsRecorded() throws IOException {
    Path r = roster("student_id\ns1\ns2\n");
    Path p = tmp.resolve("p.yaml");
    Files.writeString(p, "eta: 0.5\nw5: 0.4\n");
    Path set = tmp.resolve("set");
    Path rubric = tmp.resolve("lenient.yaml");
    Files.writeString(rubric, "name: lenient\ntolerance: {relative: 0.01}\n");
    int code = run("generate", "--template", "sigmoid-2-2-2", "--roster", r.toString(), "--seed",
        "1", "--out", set.toString(), "--params", p.toString(), "--rubric", rubric.toString());
    assertThat(code).as(err.toString()).isZero();
    ProblemSet read = ProblemSet.read(set);
    assertThat(read.rubric()).isEqualTo("rubric.yaml");
    assertThat(set.resolve("rubric.yaml")).hasSameTextualContentAs(rubric);
    assertThat(read.students()).allSatisfy(s ->
        assertThat(s.parameters()).containsEntry("eta", 0.5).containsEntry("w5", 0.4));
  }

  @Test
  void anUnknownRubricIsRefusedAtGenerationTime() throws IOException {
    Path r = roster("student_id\ns1\n");
    int code = run("generate", "--template", "perceptron", "--roster", r.toString(), "--seed",
        "1", "--out", tmp.resolve("set").toString(), "--rubric", "lenient");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("lenient").contains("built-in rubric");
  }

  @Test
  void badRosterIsAUsageErrorNamingFileAndRow() throws IOException {
    Path r = roster("student_id,name\ns1,Ada\n,Alan\n");
    int code = run("generate", "--template", "perceptron", "--roster", r.toString(), "--seed",
        "1", "--out", tmp.resolve("set").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("nngrader: " + r + " row 3: student_id is blank; fill in"
        + " the student's id or delete the row");
    assertThat(tmp.resolve("set")).doesNotExist();
  }

  @Test
  void missingIdColumnIsAUsageError() throws IOException {
    Path r = roster("name,email\nAda,a@x\n");
    int code = run("generate", "--template", "perceptron", "--roster", r.toString(), "--seed",
        "1", "--out", tmp.resolve("set").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains(r + " row 1: has no student_id column (columns: name,"
        + " email)");
  }

  @Test
  void unknownTemplateListsTheValidOnes() throws IOException {
    Path r = roster("student_id\ns1\n");
    int code = run("generate", "--template", "sigmoid-9", "--roster", r.toString(), "--seed", "1",
        "--out", tmp.resolve("set").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("unknown template 'sigmoid-9'; valid templates:"
        + " relu-2-1-1, sigmoid-2-2-1, sigmoid-2-2-2, perceptron");
  }

  @Test
  void impossibleTemplateNamesTheMostFrequentRejection() throws IOException {
    Path r = roster("student_id\ns1\n");
    Path t = tmp.resolve("dead.yaml");
    Files.writeString(t, """
        id: dead-relu
        title: Dead ReLU
        network: {layers: [2, 1, 1], activations: [relu, linear], loss: half_sse, bias: per_neuron}
        defaults: {i1: 1, i2: 1, w1: -1, w2: -1, w3: 1, b1: -1, b2: 0, target_o1: 1, eta: 0.1}
        randomize:
          input: {min: 0.5, max: 2, decimals: 1}
          weight: {min: -1, max: -0.1, decimals: 1}
          bias: {min: -1, max: -0.5, decimals: 1}
        asked: [dE_total/dw1]
        """);
    int code = run("generate", "--template", t.toString(), "--roster", r.toString(), "--seed",
        "1", "--out", tmp.resolve("set").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("template dead-relu: no acceptable draw for student s1 in"
        + " 10000 attempts; most frequent rejection:");
  }

  @Test
  void unknownParameterInParamsFileIsAUsageError() throws IOException {
    Path r = roster("student_id\ns1\n");
    Path p = tmp.resolve("p.yaml");
    Files.writeString(p, "w9: 0.4\n");
    int code = run("generate", "--template", "perceptron", "--roster", r.toString(), "--seed",
        "1", "--out", tmp.resolve("set").toString(), "--params", p.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains(p + ": unknown parameter 'w9' for template perceptron");
  }

  @Test
  void nonEmptyOutputFolderIsAUsageError() throws IOException {
    Path r = roster("student_id\ns1\n");
    Path set = Files.createDirectories(tmp.resolve("set"));
    Files.writeString(set.resolve("keep.txt"), "x");
    int code = run("generate", "--template", "perceptron", "--roster", r.toString(), "--seed",
        "1", "--out", set.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains(set + " is not empty; give a new folder for the problem"
        + " set or remove this one first");
  }

  @Test
  void missingRequiredOptionIsAUsageError() {
    int code = run("generate", "--template", "perceptron");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required options");
  }
}
