package org.nngrader.bank.generate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nngrader.bank.template.Templates;

/** ProblemSet.read refuses what is not a problem set, naming the file, the field and the fix. */
class ProblemSetReadTest {

  @TempDir static Path tmp;
  static Path set;
  static String manifest;

  @BeforeAll
  static void generate() throws IOException {
    set = tmp.resolve("set");
    ProblemSetWriter.write(new GenerationRequest(Templates.builtin("perceptron"),
        Templates.text("perceptron"), ProblemSetWriterTest.roster(2), 1, null, Map.of()), set);
    manifest = Files.readString(set.resolve("manifest.json"));
  }

  private static Path copyWith(String name, String manifestText) throws IOException {
    return copyWith(set, tmp.resolve(name), manifestText);
  }

  /** A copy of the set folder {@code set} (manifest and template) with another manifest. */
  static Path copyWith(Path set, Path dir, String manifestText) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(ProblemSet.MANIFEST), manifestText);
    Files.copy(set.resolve(ProblemSet.TEMPLATE_FILE), dir.resolve(ProblemSet.TEMPLATE_FILE));
    return dir;
  }

  @Test
  void missingFolderOrManifest() throws IOException {
    Path none = tmp.resolve("none");
    assertThatThrownBy(() -> ProblemSet.read(none)).isInstanceOf(ProblemSetException.class)
        .hasMessage(none + ": does not exist; give the folder that 'nngrader generate --out' wrote");
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertThatThrownBy(() -> ProblemSet.read(empty))
        .hasMessage(empty + ": has no manifest.json, so it is not a problem set; give the folder"
            + " that 'nngrader generate --out' wrote");
    assertThatThrownBy(() -> ProblemSet.read(set.resolve("manifest.json")))
        .hasMessageContaining("is not a folder");
  }

  @Test
  void damagedManifestNamesTheField() throws IOException {
    Path broken = copyWith("broken", "{ \"format\": ");
    assertThatThrownBy(() -> ProblemSet.read(broken))
        .hasMessageStartingWith(broken.resolve("manifest.json") + ": is not valid JSON (line ")
        .hasMessageEndingWith("restore it or generate the set again");
    Path other = copyWith("other", manifest.replace("nngrader-problem-set/1", "something/9"));
    assertThatThrownBy(() -> ProblemSet.read(other))
        .hasMessage(other.resolve("manifest.json") + ": format is 'something/9'; this version"
            + " reads nngrader-problem-set/1; generate the set again with this version");
    Path noVariant = copyWith("novariant", manifest.replaceFirst("\"variant\" : \"v[0-9a-f]+\",", ""));
    assertThatThrownBy(() -> ProblemSet.read(noVariant))
        .hasMessage(noVariant.resolve("manifest.json") + ": students[0].variant is missing; the"
            + " manifest is damaged: restore it or generate the set again");
    Path badParam = copyWith("badparam", manifest.replaceFirst("\"x1\" : [-0-9.]+", "\"x1\" : \"one\""));
    assertThatThrownBy(() -> ProblemSet.read(badParam))
        .hasMessageContaining("students[0].parameters.x1 is 'one'; it must be a number");
  }

  @Test
  void templateThatDoesNotMatchTheManifestIsReported() throws IOException {
    Path wrong = copyWith("wrong", manifest.replace("\"template\" : \"perceptron\"",
        "\"template\" : \"relu-2-1-1\""));
    assertThatThrownBy(() -> ProblemSet.read(wrong).template())
        .hasMessage(wrong.resolve("template.yaml") + ": id is 'perceptron' but the manifest says"
            + " template 'relu-2-1-1'; generate the set again");
    Path missing = copyWith("missingparam", manifest.replaceFirst("\"w1\" : [-0-9.]+,", ""));
    assertThatThrownBy(() -> ProblemSet.read(missing).template())
        .hasMessageContaining("students[0].parameters of student s001 are b, eta, w2, w3, x1, x2,"
            + " x3, y but template perceptron needs b, eta, w1, w2");
  }
}
