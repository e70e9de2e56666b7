package org.nngrader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

  @TempDir Path tmp;
  StringWriter out = new StringWriter();
  StringWriter err = new StringWriter();
  Path set;

  int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return Main.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @BeforeEach
  void generate() throws IOException {
    StringBuilder sb = new StringBuilder("student_id\n");
    for (int i = 1; i <= 20; i++) {
      sb.append("s").append(i).append('\n');
    }
    Path roster = tmp.resolve("roster.csv");
    Files.writeString(roster, sb.toString());
    set = tmp.resolve("set");
    assertThat(run("generate", "--template", "sigmoid-2-2-1", "--roster", roster.toString(),
        "--seed", "5", "--out", set.toString())).as(err.toString()).isZero();
  }

  @Test
  void writesOneFilePerStudentAndTheReport() throws IOException {
    Path subs = tmp.resolve("subs");
    int code = run("simulate", "--set", set.toString(), "--out", subs.toString());
    assertThat(err.toString()).isEmpty();
    assertThat(code).isZero();
    assertThat(out.toString()).startsWith("Wrote 20 simulated submissions of sigmoid-2-2-1 to "
        + subs + " (simulated.json)").contains("correct").contains("truncated");
    assertThat(subs.resolve("simulated.json")).isRegularFile();
    try (var files = Files.list(subs)) {
      assertThat(files.count()).isEqualTo(21);
    }
  }

  @Test
  void notAProblemSetIsAUsageError() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    int code = run("simulate", "--set", empty.toString(), "--out", tmp.resolve("subs").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("nngrader: " + empty + ": has no manifest.json, so it is"
        + " not a problem set; give the folder that 'nngrader generate --out' wrote");
  }

  @Test
  void unknownProfileIsAUsageError() {
    int code = run("simulate", "--set", set.toString(), "--out", tmp.resolve("subs").toString(),
        "--profile", "chaos");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("unknown profile 'chaos'; valid: mixed, correct");
  }

  @Test
  void seedChangesTheChoicesButTheSameSeedRepeats() throws IOException {
    run("simulate", "--set", set.toString(), "--out", tmp.resolve("a").toString(), "--seed", "1");
    run("simulate", "--set", set.toString(), "--out", tmp.resolve("b").toString(), "--seed", "1");
    run("simulate", "--set", set.toString(), "--out", tmp.resolve("c").toString(), "--seed", "2");
    String a = Files.readString(tmp.resolve("a/simulated.json"));
    assertThat(Files.readString(tmp.resolve("b/simulated.json"))).isEqualTo(a);
    assertThat(Files.readString(tmp.resolve("c/simulated.json"))).isNotEqualTo(a);
  }
}
