package org.nngrader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpAndUsageTest {

  @ParameterizedTest
  @ValueSource(strings = {"templates", "solve", "generate", "simulate", "grade", "export",
      "roster", "demo", "bench"})
  void everySubcommandPrintsItsUsageForHelpAndExitsZero(String command) {
    for (String flag : new String[] {"--help", "-h"}) {
      CliRun r = CliRun.run(command, flag);
      assertThat(r.code()).as(command + " " + flag + ": " + r.err()).isZero();
      assertThat(r.out()).startsWith("Usage: nngrader " + command).contains("-h, --help");
      assertThat(r.err()).isEmpty();
    }
  }

  @Test
  void everyCommandIsFoundByItsOwnNameAndHelpIsNot() {
    java.util.List<Object> commands = Main.commands();
    for (Object command : commands) {
      String name = command.getClass().getAnnotation(picocli.CommandLine.Command.class).name();
      Object found = Main.named(commands, name);
      if (command instanceof picocli.CommandLine.HelpCommand) {
        assertThat(found).as(name).isNull();
      } else {
        assertThat(found).as(name).isSameAs(command);
      }
    }
    assertThat(Main.named(commands, "--help")).isNull();
    assertThat(Main.named(commands, "gradee")).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"templates", "solve", "grade", "bench"})
  void aCommandBuiltAloneHelpsAsTheFullCommandLineDoes(String command) {
    CliRun alone = CliRun.run(command, "--help");
    CliRun full = CliRun.run("help", command);
    assertThat(full.code()).isZero();
    assertThat(alone.out()).isEqualTo(full.out());
  }

  @Test
  void helpWinsOverMissingRequiredOptions() {
    CliRun r = CliRun.run("grade", "--set", "x", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("--submissions=PATH");
  }

  @Test
  void noCommandPrintsUsageAndIsAUsageError() {
    CliRun r = CliRun.run();
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("a command is needed").contains("Usage: nngrader")
        .contains("grade");
  }

  @Test
  void aMistypedOptionGetsADidYouMeanEvenWithRequiredOptionsMissing() {
    CliRun r = CliRun.run("grade", "--sett", "x");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option: '--sett'").contains("--set")
        .contains("Run 'nngrader grade --help'");
  }

  @Test
  void aMistypedCommandGetsADidYouMean() {
    CliRun r = CliRun.run("gradee");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("'gradee'").contains("Did you mean: nngrader grade");
  }

  @Test
  void aMissingParameterFileIsNamedAsMissing() {
    CliRun r = CliRun.run("solve", "--template", "relu-2-1-1", "--params", "/nope.yaml");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("/nope.yaml: no such file").doesNotContain("YAML (");
  }

  @Test
  void aFileThatIsNoAnswerSheetIsCalledSo(@TempDir Path dir) throws Exception {
    Path roster = dir.resolve("r.csv");
    Files.writeString(roster, "student_id\ns001\ns002\n");
    Path set = dir.resolve("set");
    assertThat(CliRun.run("generate", "--template", "perceptron", "--roster", roster.toString(),
        "--seed", "1", "--out", set.toString()).code()).isZero();
    Path readme = dir.resolve("README.md");
    Files.writeString(readme, "# Notes\n\nSome text, with a comma.\n");
    CliRun r = CliRun.run("grade", "--set", set.toString(), "--submissions", readme.toString(),
        "--out", dir.resolve("results").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("README.md: is not an answer sheet")
        .doesNotContain("cannot tell whose").doesNotContain("mean 0.0%")
        .contains("Graded 0 of 2 students;");
  }
}
