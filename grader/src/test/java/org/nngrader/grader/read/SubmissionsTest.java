package org.nngrader.grader.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionsTest {

  @TempDir Path dir;

  private static final byte[] CSV =
      "step,question,answer\nw5+,Updated w5,0.35891648\n".getBytes(StandardCharsets.UTF_8);

  /** Builds a zip file entry by entry. */
  private final class ZipBuilder implements AutoCloseable {
    final Path path;
    final ZipOutputStream out;

    ZipBuilder(String name) throws IOException {
      path = dir.resolve(name);
      out = new ZipOutputStream(Files.newOutputStream(path));
    }

    ZipBuilder add(String name, byte[] content) throws IOException {
      return add(name, content, LocalDateTime.of(2026, 3, 1, 12, 0));
    }

    ZipBuilder add(String name, byte[] content, LocalDateTime time) throws IOException {
      ZipEntry entry = new ZipEntry(name);
      entry.setTimeLocal(time);
      out.putNextEntry(entry);
      out.write(content);
      out.closeEntry();
      return this;
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  private static List<SubmissionEntry> all(Path path, ZipLimits limits) throws IOException {
    try (Stream<SubmissionEntry> entries = Submissions.open(path, limits)) {
      List<SubmissionEntry> list = new ArrayList<>();
      for (SubmissionEntry e : (Iterable<SubmissionEntry>) entries::iterator) {
        list.add(e);
      }
      return list;
    }
  }

  @Test
  void mapsACanvasDownloadToStudents() throws Exception {
    byte[] xlsx = XlsxFixtures.answers().top("s1", "v1").numeric("w5+", 0.35).bytes();
    Path zip;
    try (ZipBuilder z = new ZipBuilder("submissions.zip")) {
      z.add("smithjohn_LATE_123456_7890123_answers.xlsx", xlsx)
          .add("doejane_223344_7890124_answers-1.xlsx", xlsx,
              LocalDateTime.of(2026, 3, 2, 9, 30))
          .add("anon_8hQ2x_7890125_answers.csv", CSV)
          .add("__MACOSX/._smithjohn_LATE_123456_7890123_answers.xlsx", new byte[] {1})
          .add(".DS_Store", new byte[] {0})
          .add("leejin_334455_7890126_answers.zip", new byte[] {'P', 'K', 3, 4});
      z.out.putNextEntry(new ZipEntry("emptyfolder/"));
      z.out.closeEntry();
      zip = z.path;
    }

    try (Stream<SubmissionEntry> entries = Submissions.open(zip)) {
      List<SubmissionEntry> list = entries.toList();
      assertThat(list).extracting(SubmissionEntry::entryName).containsExactly(
          "anon_8hQ2x_7890125_answers.csv",
          "doejane_223344_7890124_answers-1.xlsx",
          "leejin_334455_7890126_answers.zip",
          "smithjohn_LATE_123456_7890123_answers.xlsx");

      Submission anonymous = (Submission) list.get(0);
      assertThat(anonymous.lms()).isEqualTo(LmsKind.CANVAS);
      assertThat(anonymous.lmsUserId()).isEqualTo("anon_8hQ2x");
      assertThat(anonymous.displayName()).isNull();
      assertThat(anonymous.fileName()).isEqualTo("answers.csv");
      assertThat(anonymous.content()).isEqualTo(CSV);

      Submission jane = (Submission) list.get(1);
      assertThat(jane.lmsUserId()).isEqualTo("223344");
      assertThat(jane.displayName()).isEqualTo("doejane");
      assertThat(jane.fileName()).isEqualTo("answers-1.xlsx");
      assertThat(jane.late()).isFalse();
      assertThat(jane.lastModified()).isEqualTo(Instant.parse("2026-03-02T09:30:00Z"));

      assertThat(list.get(2)).isEqualTo(new SubmissionProblem(
          "leejin_334455_7890126_answers.zip", EntryNames.nestedArchiveMessage()));

      Submission john = (Submission) list.get(3);
      assertThat(john.late()).isTrue();
      assertThat(john.lmsUserId()).isEqualTo("123456");
      assertThat(john.content()).isEqualTo(xlsx);
      assertThat(SheetReaders.read(john.entryName(), john.content()).studentId())
          .isEqualTo("s1");
    }
  }

  @Test
  void mapsAMoodleDownloadInBothForms() throws Exception {
    Path zip;
    try (ZipBuilder z = new ZipBuilder("moodle.zip")) {
      z.add("Jane Doe_1234567_assignsubmission_file/answers.xlsx", CSV)
          .add("José Álvarez_88_assignsubmission_file_respuestas.csv", CSV)
          .add("readme.txt", CSV);
      zip = z.path;
    }
    List<SubmissionEntry> list = all(zip, ZipLimits.DEFAULTS);
    assertThat(list).hasSize(3).allMatch(e -> e instanceof Submission);
    Submission jane = (Submission) list.get(0);
    assertThat(jane.lms()).isEqualTo(LmsKind.MOODLE);
    assertThat(jane.lmsUserId()).isEqualTo("1234567");
    assertThat(jane.displayName()).isEqualTo("Jane Doe");
    assertThat(jane.fileName()).isEqualTo("answers.xlsx");
    Submission jose = (Submission) list.get(1);
    assertThat(jose.displayName()).isEqualTo("José Álvarez");
    assertThat(jose.lmsUserId()).isEqualTo("88");
    assertThat(jose.fileName()).isEqualTo("respuestas.csv");
    Submission plain = (Submission) list.get(2);
    assertThat(plain.lms()).isEqualTo(LmsKind.PLAIN);
    assertThat(plain.lmsUserId()).isNull();
  }

  @Test
  void prefersTheZipsUtcTimestampWhenPresent() throws Exception {
    Path zip = dir.resolve("times.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      ZipEntry entry = new ZipEntry("a.csv");
      entry.setLastModifiedTime(FileTime.from(Instant.parse("2026-03-01T12:00:07Z")));
      out.putNextEntry(entry);
      out.write(CSV);
      out.closeEntry();
    }
    Submission s = (Submission) all(zip, ZipLimits.DEFAULTS).get(0);
    assertThat(s.lastModified()).isEqualTo(Instant.parse("2026-03-01T12:00:07Z"));
  }

  @Test
  void refusesPathTraversalAndNamesTheEntry() throws Exception {
    for (String evil : List.of("../evil.csv", "a/../../evil.csv", "/etc/evil.csv",
        "C:\\evil.csv", "a\\..\\..\\evil.csv")) {
      Path zip;
      try (ZipBuilder z = new ZipBuilder("traversal.zip")) {
        z.add("good_1_2_answers.csv", CSV).add(evil, CSV);
        zip = z.path;
      }
      assertThatThrownBy(() -> Submissions.open(zip))
          .isInstanceOf(ZipSafetyException.class)
          .hasMessageStartingWith("traversal.zip: entry '" + evil + "' ")
          .hasMessageContaining("the whole zip was refused and nothing was extracted")
          .satisfies(e -> assertThat(((ZipSafetyException) e).entryName()).isEqualTo(evil))
          .satisfies(e -> assertThat(((ZipSafetyException) e).zipName())
              .isEqualTo("traversal.zip"));
    }
    assertThat(Files.exists(dir.resolve("evil.csv"))).isFalse();
    assertThat(Files.exists(dir.getParent().resolve("evil.csv"))).isFalse();
  }

  @Test
  void refusesAZipBomb() throws Exception {
    Path zip = dir.resolve("bomb.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("smithjohn_1_2_answers.csv"));
      out.write(CSV);
      out.closeEntry();
      out.putNextEntry(new ZipEntry("zeros_3_4_answers.xlsx"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 100; i++) {
        out.write(zeros);
      }
      out.closeEntry();
    }
    assertThat(Files.size(zip)).isLessThan(1 << 20);

    assertThatThrownBy(() -> Submissions.open(zip))
        .isInstanceOf(ZipSafetyException.class)
        .hasMessageStartingWith("bomb.zip: entry 'zeros_3_4_answers.xlsx' inflates more than"
            + " 100 times its compressed size of ")
        .hasMessageContaining("(limit ZipLimits.maxRatio, a zip bomb?)");
  }

  @Test
  void anEntryBeyondTheSizeLimitIsRefusedAloneAndKeepsItsLmsName() throws Exception {
    // A big file at a harmless ratio is one student's problem, not a bomb that stops the class.
    byte[] noise = new byte[5000];
    new Random(1).nextBytes(noise);
    Path zip;
    try (ZipBuilder z = new ZipBuilder("big.zip")) {
      z.add("a_1_2_answers.xlsx", noise).add("b_3_4_answers.csv", CSV);
      zip = z.path;
    }
    ZipLimits limits = new ZipLimits(10, 4000, 1L << 30, 100, 1L << 20);
    List<SubmissionEntry> list = all(zip, limits);
    assertThat(list).hasSize(2);
    SubmissionProblem big = (SubmissionProblem) list.get(0);
    assertThat(big.describe()).isEqualTo("a_1_2_answers.xlsx: the file inflates to more than"
        + " 4000 bytes (limit ZipLimits.maxEntryBytes); an answer sheet is a few kilobytes — ask"
        + " the student for the answer template");
    assertThat(big.lmsUserId()).isEqualTo("1");
    assertThat(big.fileName()).isEqualTo("answers.xlsx");
    assertThat(list.get(1)).isInstanceOf(Submission.class);
  }

  @Test
  void enforcesTheTotalAndTheEntryCount() throws Exception {
    Path zip;
    try (ZipBuilder z = new ZipBuilder("many.zip")) {
      for (int i = 0; i < 4; i++) {
        z.add("s" + i + ".csv", CSV);
      }
      zip = z.path;
    }
    assertThatThrownBy(() -> Submissions.open(zip,
        new ZipLimits(10, 1000, CSV.length * 3L + 1, 100, 1L << 20)))
        .isInstanceOf(ZipSafetyException.class)
        .hasMessageContaining("entry 's3.csv' brings the zip's total inflated size beyond")
        .hasMessageContaining("(limit ZipLimits.maxTotalBytes)");
    assertThatThrownBy(() -> Submissions.open(zip, new ZipLimits(3, 1000, 1L << 30, 100, 1)))
        .isInstanceOf(ZipSafetyException.class)
        .hasMessageStartingWith("many.zip: lists 4 entries, more than 3 (limit"
            + " ZipLimits.maxEntries)");
    assertThat(all(zip, new ZipLimits(4, 1000, CSV.length * 4L, 100, 1L << 20))).hasSize(4);
  }

  @Test
  void aDamagedEntryIsAProblemNotTheEndOfTheClass() throws Exception {
    Path zip;
    try (ZipBuilder z = new ZipBuilder("damaged.zip")) {
      z.add("a_1_2_answers.csv", CSV).add("b_3_4_answers.csv", CSV);
      zip = z.path;
    }
    byte[] bytes = Files.readAllBytes(zip);
    byte[] name = "b_3_4_answers.csv".getBytes(StandardCharsets.US_ASCII);
    int at = indexOf(bytes, name) + name.length;
    for (int i = 0; i < 8; i++) {
      bytes[at + i] = (byte) 0xFF;
    }
    Files.write(zip, bytes);

    List<SubmissionEntry> list = all(zip, ZipLimits.DEFAULTS);
    assertThat(list.get(0)).isInstanceOf(Submission.class);
    assertThat(list.get(1)).isInstanceOf(SubmissionProblem.class);
    assertThat(((SubmissionProblem) list.get(1)).describe())
        .startsWith("b_3_4_answers.csv: the zip entry is damaged (")
        .endsWith("); download the zip again from the LMS");
  }

  @Test
  void walksAFolderSortedSkippingHiddenFilesAndReadsContentOnDemand() throws Exception {
    Path root = dir.resolve("class");
    Files.createDirectories(root.resolve("b/inner"));
    Files.createDirectories(root.resolve(".git"));
    Files.createDirectories(root.resolve("__MACOSX"));
    Files.write(root.resolve("z.csv"), CSV);
    Files.write(root.resolve("a.csv"), CSV);
    Files.write(root.resolve("b/inner/Jane Doe_1234567_assignsubmission_file_answers.csv"), CSV);
    Files.write(root.resolve("b/smithjohn_123456_7890123_answers.csv"), CSV);
    Files.write(root.resolve(".hidden.csv"), CSV);
    Files.write(root.resolve(".git/config"), CSV);
    Files.write(root.resolve("__MACOSX/._a.csv"), CSV);
    Files.write(root.resolve("~$a.xlsx"), CSV);
    Files.write(root.resolve("nested.zip"), CSV);

    List<SubmissionEntry> list = all(root, ZipLimits.DEFAULTS);

    assertThat(list).extracting(SubmissionEntry::entryName).containsExactly(
        "a.csv",
        "b/inner/Jane Doe_1234567_assignsubmission_file_answers.csv",
        "b/smithjohn_123456_7890123_answers.csv",
        "nested.zip",
        "z.csv");
    assertThat(list.get(3)).isInstanceOf(SubmissionProblem.class);
    Submission moodle = (Submission) list.get(1);
    assertThat(moodle.lms()).isEqualTo(LmsKind.MOODLE);
    assertThat(moodle.displayName()).isEqualTo("Jane Doe");
    Submission canvas = (Submission) list.get(2);
    assertThat(canvas.lms()).isEqualTo(LmsKind.CANVAS);
    assertThat(canvas.lastModified()).isEqualTo(
        Files.getLastModifiedTime(root.resolve("b/smithjohn_123456_7890123_answers.csv"))
            .toInstant());

    byte[] changed = "step,question,answer\nw5+,q,0.4\n".getBytes(StandardCharsets.UTF_8);
    Files.write(root.resolve("z.csv"), changed);
    assertThat(((Submission) list.get(4)).content()).isEqualTo(changed);
  }

  @Test
  void aFolderFileBeyondTheLimitIsAProblem() throws Exception {
    Path root = dir.resolve("class");
    Files.createDirectories(root);
    Files.write(root.resolve("big.xlsx"), new byte[2000]);
    Files.write(root.resolve("ok.csv"), CSV);
    List<SubmissionEntry> list = all(root, new ZipLimits(10, 1000, 1L << 30, 100, 1L << 20));
    assertThat(list.get(0)).isInstanceOf(SubmissionProblem.class);
    assertThat(((SubmissionProblem) list.get(0)).message())
        .startsWith("the file is 2000 bytes, more than 1000 bytes (limit"
            + " ZipLimits.maxEntryBytes)");
    assertThat(list.get(1)).isInstanceOf(Submission.class);
  }

  @Test
  void aSingleFileIsOneSubmissionEvenWhenItIsAWorkbook() throws Exception {
    byte[] xlsx = XlsxFixtures.answers().numeric("w5+", 0.35).bytes();
    Path file = dir.resolve("doejane_223344_7890124_answers.xlsx");
    Files.write(file, xlsx);
    List<SubmissionEntry> list = all(file, ZipLimits.DEFAULTS);
    assertThat(list).hasSize(1);
    Submission s = (Submission) list.get(0);
    assertThat(s.entryName()).isEqualTo("doejane_223344_7890124_answers.xlsx");
    assertThat(s.lmsUserId()).isEqualTo("223344");
    assertThat(s.content()).isEqualTo(xlsx);

    Path damaged = dir.resolve("damaged.xlsx");
    Files.write(damaged, java.util.Arrays.copyOf(xlsx, 100));
    assertThat(all(damaged, ZipLimits.DEFAULTS)).singleElement()
        .isInstanceOf(Submission.class);
  }

  @Test
  void contentCannotBeReadAfterTheZipIsClosed() throws Exception {
    Path zip;
    try (ZipBuilder z = new ZipBuilder("closed.zip")) {
      z.add("a.csv", CSV);
      zip = z.path;
    }
    Submission s = (Submission) all(zip, ZipLimits.DEFAULTS).get(0);
    assertThatThrownBy(s::content)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("a.csv: the submissions zip was already closed");
  }

  @Test
  void explainsAMissingPathAndAnUnreadableZip() throws Exception {
    assertThatThrownBy(() -> Submissions.open(dir.resolve("nope.zip")))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("does not exist; pass a submission file, a folder or an LMS zip");
    Path broken = dir.resolve("download.zip");
    try (OutputStream out = Files.newOutputStream(broken)) {
      out.write(new byte[] {'P', 'K', 3, 4, 1, 2, 3});
    }
    assertThatThrownBy(() -> Submissions.open(broken))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("download.zip: not a readable zip file (")
        .hasMessageEndingWith("download it again from the LMS");
  }

  @Test
  void limitsAreValidatedNamingTheField() {
    assertThatThrownBy(() -> new ZipLimits(0, 1, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ZipLimits.maxEntries is 0; it must be positive");
    assertThatThrownBy(() -> new ZipLimits(1, 1L << 40, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("ZipLimits.maxEntryBytes is 1099511627776; entries are read into"
            + " memory");
  }

  @Test
  void unsafeNamesAreRecognised() {
    assertThat(EntryNames.unsafe("a/b/answers.xlsx")).isNull();
    assertThat(EntryNames.unsafe("..answers.xlsx")).isNull();
    assertThat(EntryNames.unsafe("a/../b.xlsx")).contains("path traversal");
    assertThat(EntryNames.unsafe("/abs.xlsx")).contains("absolute");
    assertThat(EntryNames.unsafe("\\\\server\\share\\x.xlsx")).contains("absolute");
    assertThat(EntryNames.unsafe("d:x.xlsx")).contains("drive letter");
    assertThat(EntryNames.unsafe("a\0b")).contains("NUL");
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
