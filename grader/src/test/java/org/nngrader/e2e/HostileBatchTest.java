package org.nngrader.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nngrader.cli.CliRun;

/**
 * One class zip with one of each hostile file of issue 12 among good ones: every good file is
 * graded, every bad one is listed under its student with its reason, the exit code is 1 (never 3),
 * and every csv written is safe to open in a spreadsheet. Tagged {@code small-heap}: the build runs
 * it in a JVM of 256 MiB (see the grader pom), where the 19-million-character answer used to run
 * out of memory; at any thread count the batch must get through.
 */
@Tag("small-heap")
class HostileBatchTest {

  @TempDir static Path dir;
  static Path set;
  static Path zip;

  /** Student to what their file is. */
  static final Map<String, String> HOSTILE = Map.of(
      "s05", "sep=\" hint", "s06", "19,000,000-character answer", "s07", "duplicate name",
      "s08", "encrypted entry", "s09", "21 MB file", "s10", "truncated xlsx",
      "s12", "NUL and lone surrogate", "s13", "20,000-character cell");

  @BeforeAll
  static void aHostileClass() throws IOException {
    StringBuilder roster = new StringBuilder("student_id,name,email\n");
    for (int i = 1; i <= 14; i++) {
      String id = String.format("s%02d", i);
      String name = i == 11 ? "\"=cmd|' /C calc'!A0\"" : "Student " + i;
      roster.append(id).append(',').append(name).append(',').append(id).append("@x.edu\n");
    }
    Files.writeString(dir.resolve("roster.csv"), roster);
    set = dir.resolve("set");
    CliRun g = CliRun.run("generate", "--template", "relu-2-1-1", "--roster",
        dir.resolve("roster.csv").toString(), "--seed", "11", "--out", set.toString());
    assertThat(g.code()).as(g.err()).isZero();
    zip = dir.resolve("canvas.zip");
    writeZip();
  }

  static String filled(String id) throws IOException {
    return BatchRegressionsTest.filledFrom(set, id);
  }

  private static void writeZip() throws IOException {
    Random random = new Random(12);
    try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(Files.newOutputStream(zip))) {
      for (String id : List.of("s01", "s02", "s03", "s11")) {
        entry(out, id + ".csv", filled(id).getBytes(StandardCharsets.UTF_8));
      }
      entry(out, "[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8));
      entry(out, "s05.csv", ("sep=\"\n" + filled("s05")).getBytes(StandardCharsets.UTF_8));
      out.putArchiveEntry(new ZipArchiveEntry("s06.csv"));
      out.write(("step,question,answer\nstudent_id,Student ID,s06\nw5+,Updated w5,")
          .getBytes(StandardCharsets.US_ASCII));
      digits(out, 19_000_000, random);
      out.closeArchiveEntry();
      entry(out, "s07.csv", filled("s07").getBytes(StandardCharsets.UTF_8));
      entry(out, "s07.csv", "PK\u0003\u0004garbage".getBytes(StandardCharsets.UTF_8));
      entry(out, "s08.csv", filled("s08").getBytes(StandardCharsets.UTF_8));
      out.putArchiveEntry(new ZipArchiveEntry("s09.xlsx"));
      byte[] noise = new byte[1 << 20];
      for (int i = 0; i < 21; i++) {
        random.nextBytes(noise);
        out.write(noise);
      }
      out.closeArchiveEntry();
      byte[] template = Files.readAllBytes(set.resolve("handout/s10/answers.xlsx"));
      entry(out, "s10.xlsx", Arrays.copyOf(template, template.length / 2));
      entry(out, "s12.xlsx", xlsx("s12", "_xD800_", "bad_x0000_row"));
      entry(out, "s13.xlsx", xlsx("s13", "1".repeat(20_000), null));
    }
    byte[] bytes = Files.readAllBytes(zip);
    Files.write(zip, markEncrypted(bytes, "s08.csv"));
  }

  private static void entry(ZipArchiveOutputStream out, String name, byte[] content)
      throws IOException {
    out.putArchiveEntry(new ZipArchiveEntry(name));
    out.write(content);
    out.closeArchiveEntry();
  }

  private static void digits(OutputStream out, int count, Random random) throws IOException {
    byte[] chunk = new byte[1 << 16];
    for (int left = count; left > 0; left -= chunk.length) {
      for (int i = 0; i < chunk.length; i++) {
        chunk[i] = (byte) ('0' + random.nextInt(10));
      }
      out.write(chunk, 0, Math.min(left, chunk.length));
    }
  }

  /**
   * The student's own xlsx template with its answer sheet replaced by inline strings: the
   * student's id and variant, the first step answered with {@code answer}, and an extra row.
   */
  private static byte[] xlsx(String id, String answer, String extraRow) throws IOException {
    List<CSVRecord> rows = BatchRegressionsTest.records(set.resolve("handout/" + id + "/answers.csv"));
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        + "<sheetData>" + row(1, "step", "answer"));
    int r = 2;
    for (CSVRecord rec : rows) {
      boolean first = r == 4;
      String value = rec.get("step").equals("student_id") || rec.get("step").equals("variant")
          ? rec.get("answer") : first ? answer : "";
      xml.append(row(r++, rec.get("step"), value));
    }
    if (extraRow != null) {
      xml.append(row(r, extraRow, "1"));
    }
    xml.append("</sheetData></worksheet>");
    Map<String, byte[]> parts = new java.util.LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(
        Files.readAllBytes(set.resolve("handout/" + id + "/answers.xlsx"))))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        parts.put(e.getName(), in.readAllBytes());
      }
    }
    parts.put("xl/worksheets/sheet1.xml", xml.toString().getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> p : parts.entrySet()) {
        entry(out, p.getKey(), p.getValue());
      }
    }
    return bytes.toByteArray();
  }

  private static String row(int r, String step, String answer) {
    return "<row r=\"" + r + "\">" + "<c r=\"A" + r + "\" t=\"inlineStr\"><is><t>" + step
        + "</t></is></c>" + (answer.isEmpty() ? "" : "<c r=\"C" + r
        + "\" t=\"inlineStr\"><is><t>" + answer + "</t></is></c>") + "</row>";
  }

  /** Sets the "encrypted" flag of the named entry in its local and central headers. */
  static byte[] markEncrypted(byte[] zip, String name) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    for (int at = 0; at + 46 < zip.length; at++) {
      int sig = (zip[at] & 0xFF) | (zip[at + 1] & 0xFF) << 8 | (zip[at + 2] & 0xFF) << 16
          | (zip[at + 3] & 0xFF) << 24;
      int nameAt = sig == 0x04034b50 ? at + 30 : sig == 0x02014b50 ? at + 46 : -1;
      if (nameAt > 0 && nameAt + n.length <= zip.length
          && Arrays.equals(Arrays.copyOfRange(zip, nameAt, nameAt + n.length), n)) {
        zip[sig == 0x04034b50 ? at + 6 : at + 8] |= 1;
      }
    }
    return zip;
  }

  @Test
  void runsInTheHeapTheBuildGivesIt() {
    String mib = System.getProperty("nngrader.test.maxHeapMiB");
    if (mib != null) {
      assertThat(Runtime.getRuntime().maxMemory()).isLessThanOrEqualTo(Long.parseLong(mib) << 20);
    }
  }

  @ParameterizedTest(name = "--threads {0}")
  @ValueSource(ints = {1, 4})
  void everyGoodFileIsGradedAndEveryBadOneListedWithItsStudent(int threads) throws IOException {
    Path out = dir.resolve("results-" + threads);
    CliRun r = CliRun.run("grade", "--set", set.toString(), "--submissions", zip.toString(),
        "--out", out.toString(), "--threads", Integer.toString(threads));
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).doesNotContain("internal error");

    Map<String, CSVRecord> grades = new HashMap<>();
    for (CSVRecord rec : BatchRegressionsTest.records(out.resolve("grades.csv"))) {
      grades.put(rec.get("student_id").isEmpty() ? rec.get("file") : rec.get("student_id"), rec);
    }
    for (String id : List.of("s01", "s02", "s03", "s05", "s07", "s11")) {
      assertThat(grades.get(id).get("status")).as(id).isEqualTo("graded");
      assertThat(grades.get(id).get("score")).as(id).isEqualTo(grades.get(id).get("max"));
    }
    assertThat(grades.get("s05").get("flags")).contains("names the quote as the separator");
    assertThat(grades.get("s07").get("flags")).contains("also handed in s07.csv (copy 2 of this"
        + " name in the zip), which could not be graded");
    assertThat(grades.get("s11").get("name")).isEqualTo("'=cmd|' /C calc'!A0");
    assertThat(grades.get("s12").get("status")).isEqualTo("graded");
    assertThat(grades.get("s12").get("flags")).contains("badrow").doesNotContain("\u0000");
    assertThat(grades.get("[Content_Types].xml").get("status")).isEqualTo("failed");

    Map<String, String> reasons = Map.of(
        "s06", "refused: the file is 19000",
        "s08", "is encrypted (password-protected)",
        "s09", "the file inflates to more than 20 MiB (limit ZipLimits.maxEntryBytes)",
        "s10", "not a valid xlsx file",
        "s13", "refused: the cell in row 4, column C holds 20000 characters");
    JsonNode students = new ObjectMapper().readTree(out.resolve("students.json").toFile());
    Map<String, String> feedback = new HashMap<>();
    students.forEach(s -> feedback.put(s.get("id").asText(), s.get("feedback").asText()));
    reasons.forEach((id, reason) -> {
      assertThat(grades.get(id).get("status")).as(id).isEqualTo("failed");
      assertThat(feedback.get(id)).as(id).startsWith("Your submission could not be graded: ")
          .contains(reason);
      assertThat(r.out()).as(id).contains("  not graded: " + id);
    });
    assertThat(feedback.get("s14")).isEqualTo("No submission.");
    // No student folder is named after a file of a known student.
    try (Stream<Path> folders = Files.list(out)) {
      List<String> names = folders.map(p -> p.getFileName().toString()).toList();
      assertThat(names).contains("s06", "s08", "s09", "s10", "s13")
          .noneMatch(n -> n.matches("s\\d\\d[._-].*"));
    }
    for (String csv : List.of("grades.csv", "steps.csv")) {
      String text = Files.readString(out.resolve(csv));
      assertThat(text).as(csv).doesNotContain("\u0000").doesNotContain("\uFFFE");
      for (CSVRecord rec : BatchRegressionsTest.records(out.resolve(csv))) {
        for (String cell : rec) {
          assertThat(cell.isEmpty() || cell.matches("[-+]?[0-9.]+(E-?[0-9]+)?")
              || "=+-@\t\r".indexOf(cell.charAt(0)) < 0).as(csv + ": " + cell).isTrue();
        }
      }
    }
  }
}
