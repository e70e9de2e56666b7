package org.nngrader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nngrader.grader.export.ResultsFolder;

/**
 * The user's environment failing under {@code grade} (issue 12 items 6-9, 15 and the stale
 * staging folders): a truncated zip, a parent of {@code --out} that cannot be written, a disk
 * that fills up while the results are written, a {@code --force} onto a folder that is not
 * nngrader's. Each is exit 2 with a message that names the file and what to do, never 3, and
 * leaves nothing half-written behind. The faults are injected through a file system wrapper,
 * so the tests do not depend on running as root or on a real full disk.
 */
class GradeFailuresTest {

  @TempDir static Path dir;
  static Path set;
  static Path subs;

  @BeforeAll
  static void aClassOfTwo() throws IOException {
    Files.writeString(dir.resolve("roster.csv"), "student_id,name\na1,Ann\na2,Ben\n");
    set = dir.resolve("set");
    assertThat(CliRun.run("generate", "--template", "relu-2-1-1", "--roster",
        dir.resolve("roster.csv").toString(), "--seed", "3", "--out", set.toString()).code())
        .isZero();
    subs = dir.resolve("subs");
    Files.createDirectories(subs);
    Files.copy(set.resolve("handout/a1/answers.csv"), subs.resolve("a1.csv"));
    Files.copy(set.resolve("handout/a2/answers.csv"), subs.resolve("a2.csv"));
  }

  private static CliRun grade(FaultyFileSystem fs, Path out, String... more) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    String[] args = Stream.concat(Stream.of("grade", "--set", set.toString(), "--submissions",
        subs.toString(), "--out", out.toString()), Arrays.stream(more)).toArray(String[]::new);
    int code = fs == null ? Main.run(new PrintWriter(o), new PrintWriter(e), args)
        : Main.run(fs, new PrintWriter(o), new PrintWriter(e), args);
    return new CliRun(code, o.toString(), e.toString());
  }

  private static List<String> namesIn(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aReadOnlyParentOfOutIsExit2NamingTheFolder() throws IOException {
    Path parent = Files.createDirectories(dir.resolve("read-only"));
    CliRun r = grade(new FaultyFileSystem().readOnly(parent), parent.resolve("results"));
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).startsWith("nngrader: " + parent.resolve("results")
        + ": the results could not be written (" + parent.resolve(".results.partial-"))
        .contains(": permission denied); check that the folder above it exists and is"
            + " writable and that the disk has free space, or pass another --out")
        .doesNotContain("internal error");
    assertThat(namesIn(parent)).isEmpty();
  }

  @Test
  void aFullDiskWhileWritingIsExit2AndLeavesNothingBehind() throws IOException {
    Path parent = Files.createDirectories(dir.resolve("full"));
    CliRun r = grade(new FaultyFileSystem().fullAfter(20_000), parent.resolve("results"));
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).startsWith("nngrader: " + parent.resolve("results")
        + ": the results could not be written (")
        .contains("No space left on device); check that")
        .endsWith("no results were written" + System.lineSeparator());
    assertThat(namesIn(parent)).isEmpty();
    // With space again, the same command succeeds.
    assertThat(grade(new FaultyFileSystem(), parent.resolve("results")).code()).isZero();
  }

  @Test
  void aTruncatedZipIsExit2NamingTheZip() throws IOException {
    Path zip = dir.resolve("download.zip");
    byte[] whole;
    try (java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(b)) {
      z.putNextEntry(new java.util.zip.ZipEntry("a1.csv"));
      z.write(Files.readAllBytes(subs.resolve("a1.csv")));
      z.closeEntry();
      z.finish();
      whole = b.toByteArray();
    }
    Files.write(zip, Arrays.copyOf(whole, whole.length - 30));
    CliRun r = CliRun.run("grade", "--set", set.toString(), "--submissions", zip.toString(),
        "--out", dir.resolve("trunc-r").toString());
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).startsWith("nngrader: download.zip: not a readable zip file (")
        .contains("download it again from the LMS; nothing was graded");
    assertThat(dir.resolve("trunc-r")).doesNotExist();
  }

  @Test
  void forceReplacesOnlyAFolderNngraderMarked() throws IOException {
    Path other = Files.createDirectories(dir.resolve("thesis"));
    Files.writeString(other.resolve("students.json"), "[]");
    Files.writeString(other.resolve("grades.csv"), "student_id\n");
    Files.writeString(other.resolve("thesis.tex"), "precious");
    CliRun refused = grade(null, other, "--force");
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).contains("is not a results folder that nngrader marked as its own"
        + " (it has no .nngrader-results file), so --force will not replace it");
    assertThat(other.resolve("thesis.tex")).hasContent("precious");

    Path results = dir.resolve("marked");
    assertThat(grade(null, results).code()).isZero();
    assertThat(ResultsFolder.isMarked(results)).isTrue();
    Files.writeString(results.resolve("stale.txt"), "from before");
    assertThat(grade(null, results, "--force").code()).isZero();
    assertThat(results.resolve("stale.txt")).doesNotExist();
    assertThat(results.resolve("grades.csv")).exists();
  }

  @Test
  void stagingFoldersOfAKilledRunAreRemovedButNoOtherFolder() throws IOException {
    Path parent = Files.createDirectories(dir.resolve("staging"));
    Path killed = Files.createDirectories(parent.resolve(".out.partial-123"));
    ResultsFolder.mark(killed);
    Files.write(killed.resolve("big.bin"), new byte[4096]);
    Path oldOne = Files.createDirectories(parent.resolve(".out.old-77"));
    ResultsFolder.mark(oldOne);
    Path unmarked = Files.createDirectories(parent.resolve(".out.partial-456"));
    Files.writeString(unmarked.resolve("notes.txt"), "not nngrader's");
    Path running = Files.createDirectories(parent.resolve(".out.partial-789"));
    Path marker = ResultsFolder.mark(running);
    Path otherTarget = Files.createDirectories(parent.resolve(".other.partial-1"));
    ResultsFolder.mark(otherTarget);
    try (FileChannel c = FileChannel.open(marker, StandardOpenOption.WRITE);
        FileLock lock = c.lock()) {
      assertThat(grade(null, parent.resolve("out")).code()).isZero();
    }
    assertThat(namesIn(parent)).containsExactly(".other.partial-1", ".out.partial-456",
        ".out.partial-789", "out");
  }
}
