package org.nngrader.grader.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression tests for submissions zips and folders that used to stop a batch, lose a good file
 * or let a file from elsewhere in (issue 12). Every archive is built in the test.
 */
class HostileSubmissionsTest {

  @TempDir Path dir;

  private static final byte[] GOOD =
      "step,question,answer\nw5+,Updated w5,0.35891648\n".getBytes(StandardCharsets.UTF_8);
  private static final byte[] GARBAGE = "PK\u0003\u0004garbage".getBytes(StandardCharsets.UTF_8);

  /** A zip with the entries in order; names may repeat, as no zip tool forbids. */
  static byte[] zip(List<Map.Entry<String, byte[]>> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> e : entries) {
        out.putArchiveEntry(new ZipArchiveEntry(e.getKey()));
        out.write(e.getValue());
        out.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** Sets the "encrypted" flag of the named entry in its local and central headers. */
  static byte[] markEncrypted(byte[] zip, String name) {
    byte[] out = zip.clone();
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    for (int at = 0; at + 46 < out.length; at++) {
      int sig = (out[at] & 0xFF) | (out[at + 1] & 0xFF) << 8 | (out[at + 2] & 0xFF) << 16
          | (out[at + 3] & 0xFF) << 24;
      int nameAt = sig == 0x04034b50 ? at + 30 : sig == 0x02014b50 ? at + 46 : -1;
      int flagAt = sig == 0x04034b50 ? at + 6 : at + 8;
      if (nameAt > 0 && nameAt + n.length <= out.length
          && Arrays.equals(Arrays.copyOfRange(out, nameAt, nameAt + n.length), n)) {
        out[flagAt] |= 1;
      }
    }
    return out;
  }

  private Path write(String file, byte[] content) throws IOException {
    Path p = dir.resolve(file);
    Files.write(p, content);
    return p;
  }

  private static List<SubmissionEntry> all(Path path) throws IOException {
    try (Stream<SubmissionEntry> entries = Submissions.open(path)) {
      return entries.toList();
    }
  }

  @Test
  void twoEntriesOfTheSameNameAreTwoSubmissionsAndTheGoodOneIsKept() throws Exception {
    Path zip = write("dup.zip", zip(List.of(Map.entry("s1.csv", GOOD),
        Map.entry("s1.csv", GARBAGE), Map.entry("s2.csv", GOOD))));
    try (Stream<SubmissionEntry> entries = Submissions.open(zip)) {
      List<SubmissionEntry> list = entries.toList();
      assertThat(list).extracting(SubmissionEntry::entryName).containsExactly("s1.csv",
          "s1.csv (copy 2 of this name in the zip)", "s2.csv");
      assertThat(((Submission) list.get(0)).content()).isEqualTo(GOOD);
      assertThat(((Submission) list.get(1)).content()).isEqualTo(GARBAGE);
      assertThat(((Submission) list.get(1)).fileName()).isEqualTo("s1.csv");
    }
  }

  @Test
  void anEncryptedEntryIsRefusedAloneAndTheRestAreRead() throws Exception {
    byte[] plain = zip(List.of(Map.entry("smithjohn_123456_7890123_answers.csv", GOOD),
        Map.entry("doejane_222222_7890124_answers.csv", GOOD)));
    Path zip = write("canvas.zip", markEncrypted(plain, "doejane_222222_7890124_answers.csv"));
    List<SubmissionEntry> list = all(zip);
    assertThat(list).hasSize(2);
    SubmissionProblem locked = (SubmissionProblem) list.get(0);
    assertThat(locked.describe()).isEqualTo("doejane_222222_7890124_answers.csv: the zip entry"
        + " is encrypted (password-protected), so it cannot be read; ask the student to upload"
        + " the answer sheet without a password");
    assertThat(locked.lmsUserId()).isEqualTo("222222");
    assertThat(locked.displayName()).isEqualTo("doejane");
    assertThat(list.get(1)).isInstanceOf(Submission.class);
  }

  @Test
  void aTruncatedLmsZipIsExplainedNamingTheFile() throws Exception {
    byte[] whole = zip(List.of(Map.entry("s1.csv", GOOD), Map.entry("s2.csv", GOOD)));
    Path zip = write("download.zip", Arrays.copyOf(whole, whole.length / 2));
    assertThatThrownBy(() -> Submissions.open(zip))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("download.zip: not a readable zip file (")
        .hasMessageEndingWith("an interrupted download?); download it again from the LMS");
  }

  @Test
  void aBulkZipWithATopLevelContentTypesFileIsStillABulkZip() throws Exception {
    List<Map.Entry<String, byte[]>> entries = new ArrayList<>();
    entries.add(Map.entry("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8)));
    for (int i = 1; i <= 30; i++) {
      entries.add(Map.entry("student" + i + "_" + (1000 + i) + "_" + (5000 + i)
          + "_answers.csv", GOOD));
    }
    Path zip = write("submissions.zip", zip(entries));
    List<SubmissionEntry> list = all(zip);
    assertThat(list).hasSize(31);
    assertThat(list.stream().filter(e -> e instanceof Submission)).hasSize(31);

    Map<String, byte[]> workbook = new LinkedHashMap<>();
    workbook.put("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8));
    workbook.put("xl/workbook.xml", "<workbook/>".getBytes(StandardCharsets.UTF_8));
    Path xlsx = write("answers.zip", zip(List.copyOf(workbook.entrySet())));
    assertThat(all(xlsx)).singleElement().extracting(SubmissionEntry::entryName)
        .isEqualTo("answers.zip");
  }

  @Test
  void aFolderNeverFollowsALinkOutOfItself() throws Exception {
    Path secret = write("secret.txt", "the outside file".getBytes(StandardCharsets.UTF_8));
    Path subs = Files.createDirectories(dir.resolve("subs"));
    Files.write(subs.resolve("s1.csv"), GOOD);
    Files.createSymbolicLink(subs.resolve("s5.csv"), secret);
    Files.createSymbolicLink(subs.resolve("s6.csv"), subs.resolve("s1.csv"));
    Files.createSymbolicLink(subs.resolve("s7.csv"), dir.resolve("gone.csv"));
    Files.createSymbolicLink(subs.resolve("up"), dir);
    try (Stream<SubmissionEntry> entries = Submissions.open(subs)) {
      List<SubmissionEntry> list = entries.toList();
      assertThat(list).extracting(SubmissionEntry::entryName)
          .containsExactly("s1.csv", "s5.csv", "s6.csv", "s7.csv");
      assertThat(((SubmissionProblem) list.get(1)).message()).isEqualTo("is a symbolic link to"
          + " a file outside the submissions folder, so it was not read; copy the student's file"
          + " itself into the folder");
      assertThat(((Submission) list.get(2)).content()).isEqualTo(GOOD);
      assertThat(((SubmissionProblem) list.get(3)).message()).startsWith("is a symbolic link to"
          + " a file that does not exist");
    }
  }
}
