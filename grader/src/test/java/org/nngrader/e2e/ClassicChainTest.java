package org.nngrader.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nngrader.cli.CliRun;

/**
 * The classic example's hidden-layer chain for w3, asked by each output's error (dE_o1/dnet_o1,
 * dE_o2/dout_o2, dE_o2/dnet_o2, ...): a template asking it generates a key with the published
 * values and grades the published values correct at a strict tolerance (published/README.txt),
 * whether a sheet writes the per-output ids or the total's ids they are aliases of.
 */
class ClassicChainTest {

  /** Strict: the published 8-9 significant figures pass, a slip in the 8th figure does not. */
  static final String STRICT = "name: strict\ntolerance: {absolute: 0.0000000001, relative: 0.0000001}\n";

  @TempDir Path dir;

  @Test
  void theChainForW3IsGeneratedAndGradedAtThePublishedValues() throws IOException {
    Path set = generate();
    Map<String, String> published = published();

    // The key has every step of the chain, at the published values.
    Map<String, String> key = new LinkedHashMap<>();
    for (CSVRecord r : csv(set.resolve("key/s1/key.csv"))) {
      key.put(r.get("step"), r.get("value"));
    }
    assertThat(key.keySet()).containsAll(published.keySet());
    published.forEach((step, value) -> {
      double v = Double.parseDouble(value);
      assertThat(Double.parseDouble(key.get(step))).as(step).isCloseTo(v, within(Math.abs(v) * 1e-7));
    });

    // The published sheet under the per-output ids, and again under the total's ids.
    Path subs = Files.createDirectories(dir.resolve("subs"));
    Files.writeString(subs.resolve("s1.csv"), sheet(published, Map.of()));
    Files.writeString(subs.resolve("s2.csv"), sheet(published, Map.of(
        "dE_o1/dout_o1", "dE_total/dout_o1", "dE_o1/dnet_o1", "∂E_total/∂net_o1",
        "dE_o2/dout_o2", "dE_total/dout_o2", "dE_o2/dnet_o2", "dE_total/dnet_o2")));
    CliRun grade = CliRun.run("grade", "--set", set.toString(), "--submissions", subs.toString(),
        "--out", dir.resolve("results").toString());
    assertThat(grade.code()).as(grade.err()).isZero();
    for (String student : List.of("s1", "s2")) {
      JsonNode report = new ObjectMapper().readTree(
          dir.resolve("results").resolve(student).resolve("report.json").toFile());
      Map<String, String> verdicts = new LinkedHashMap<>();
      report.get("steps").forEach(s -> verdicts.put(s.get("step").asText(), s.get("verdict").asText()));
      assertThat(verdicts.keySet()).as(student).containsExactlyInAnyOrderElementsOf(published.keySet());
      assertThat(verdicts).as(student).allSatisfy((step, verdict) ->
          assertThat(verdict).as(student + " " + step).isEqualTo("correct"));
    }
  }

  @Test
  void aSlipInTheEighthFigureOfAPerOutputStepIsNotCredited() throws IOException {
    Path set = generate();
    Map<String, String> published = new LinkedHashMap<>(published());
    published.put("dE_o2/dnet_o2", "-0.0380982465");
    Path subs = Files.createDirectories(dir.resolve("subs"));
    Files.writeString(subs.resolve("s1.csv"), sheet(published, Map.of()));
    CliRun grade = CliRun.run("grade", "--set", set.toString(), "--submissions", subs.toString(),
        "--out", dir.resolve("results").toString());
    assertThat(grade.code()).as(grade.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(
        dir.resolve("results/s1/report.json").toFile());
    Map<String, String> verdicts = new LinkedHashMap<>();
    report.get("steps").forEach(s -> verdicts.put(s.get("step").asText(), s.get("verdict").asText()));
    assertThat(verdicts.get("dE_o2/dnet_o2")).isEqualTo("incorrect");
    assertThat(verdicts.get("dE_o1/dnet_o1")).isEqualTo("correct");
  }

  private Path generate() throws IOException {
    Path template = dir.resolve("classic-w3-chain.yaml");
    Files.write(template, resource("/published/classic-w3-chain.yaml"));
    Path rubric = dir.resolve("strict.yaml");
    Files.writeString(rubric, STRICT);
    Path roster = dir.resolve("roster.csv");
    Files.writeString(roster, "student_id\ns1\ns2\n");
    Path set = dir.resolve("set");
    CliRun gen = CliRun.run("generate", "--template", template.toString(), "--roster",
        roster.toString(), "--seed", "3", "--out", set.toString(), "--rubric", rubric.toString());
    assertThat(gen.code()).as(gen.err()).isZero();
    return set;
  }

  /** The published answers, step to value as written. */
  private Map<String, String> published() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (CSVParser p = CSVParser.parse(new String(resource("/published/classic-w3-chain.csv"),
        StandardCharsets.UTF_8), CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
      for (CSVRecord r : p) {
        out.put(r.get("step"), r.get("answer"));
      }
    }
    return out;
  }

  private static String sheet(Map<String, String> answers, Map<String, String> rename) {
    StringBuilder b = new StringBuilder("step,question,answer\n");
    answers.forEach((step, value) ->
        b.append(rename.getOrDefault(step, step)).append(",,").append(value).append('\n'));
    return b.toString();
  }

  private static List<CSVRecord> csv(Path file) throws IOException {
    try (CSVParser p = CSVParser.parse(file, StandardCharsets.UTF_8,
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
      return p.getRecords();
    }
  }

  private byte[] resource(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }
}
