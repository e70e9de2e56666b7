package org.nngrader.grader.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The part of a results folder exports read: {@code students.json} (every student of the set,
 * in roster order, with LMS ids and a one-line feedback summary) and {@code grades.csv}.
 */
public final class ResultsFolder {

  /** The roster of a graded set, beside grades.csv. */
  public static final String STUDENTS_JSON = "students.json";

  /**
   * The file that marks a folder as nngrader's own results: written first into every results
   * folder, so that {@code --force} replaces only such a folder and a later run may remove the
   * half-written folders a killed run left behind.
   */
  public static final String MARKER = ".nngrader-results";

  private static final String MARKER_TEXT = "This folder holds results written by 'nngrader"
      + " grade'. 'nngrader grade --force' may replace it.\n";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ResultsFolder() {}

  /** One roster entry as the grade command records it. */
  public record Entry(String id, String name, String email, Map<String, String> lmsIds, String feedback) {}

  /** Marks {@code folder} as a results folder of nngrader. */
  public static Path mark(Path folder) throws IOException {
    return Files.writeString(folder.resolve(MARKER), MARKER_TEXT, StandardCharsets.UTF_8);
  }

  /**
   * Whether {@code folder} is a real folder (not a link) that nngrader marked as its results;
   * a folder that merely holds a {@code grades.csv} or {@code students.json} is not.
   */
  public static boolean isMarked(Path folder) {
    return Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)
        && Files.isRegularFile(folder.resolve(MARKER), java.nio.file.LinkOption.NOFOLLOW_LINKS);
  }

  public static void writeStudents(Path folder, List<Entry> entries) throws IOException {
    ArrayNode array = JSON.createArrayNode();
    for (Entry e : entries) {
      ObjectNode o = array.addObject();
      o.put("id", e.id());
      o.put("name", e.name());
      o.put("email", e.email());
      ObjectNode lms = o.putObject("lms");
      new java.util.TreeMap<>(e.lmsIds()).forEach(lms::put);
      o.put("feedback", e.feedback());
    }
    Files.writeString(folder.resolve(STUDENTS_JSON), JSON.writeValueAsString(array) + "\n",
        StandardCharsets.UTF_8);
  }

  /**
   * Reads a results folder into export rows, in roster order; students without a graded
   * submission get a null score.
   *
   * @throws IllegalArgumentException naming the file and what to do when the folder is not a
   *     results folder
   */
  public static List<GradeRow> read(Path folder) throws IOException {
    Path students = folder.resolve(STUDENTS_JSON);
    Path grades = folder.resolve("grades.csv");
    if (!Files.isRegularFile(students) || !Files.isRegularFile(grades)) {
      throw new IllegalArgumentException(folder + ": not a results folder (no " + STUDENTS_JSON
          + " or grades.csv); pass the --out folder of 'nngrader grade'");
    }
    Map<String, CSVRecord> byId = new HashMap<>();
    java.util.Set<String> failedIds = new java.util.HashSet<>();
    try (Reader r = Files.newBufferedReader(grades, StandardCharsets.UTF_8);
        CSVParser p = CSVParser.parse(r, CSVFormat.DEFAULT.builder().setHeader()
            .setSkipHeaderRecord(true).get())) {
      for (String col : List.of("student_id", "score", "max", "status")) {
        if (!p.getHeaderMap().containsKey(col)) {
          throw new IllegalArgumentException(grades + ": column '" + col + "' is missing; "
              + "grade the class again with this version of nngrader");
        }
      }
      for (CSVRecord rec : p) {
        if ("graded".equals(rec.get("status"))) {
          byId.put(rec.get("student_id"), rec);
        } else if ("failed".equals(rec.get("status"))) {
          failedIds.add(rec.get("student_id"));
        }
      }
    }
    JsonNode root = JSON.readTree(students.toFile());
    List<GradeRow> rows = new ArrayList<>();
    for (JsonNode s : root) {
      Map<String, String> lms = new LinkedHashMap<>();
      s.path("lms").fields().forEachRemaining(f -> lms.put(f.getKey(), f.getValue().asText()));
      String id = s.path("id").asText();
      CSVRecord g = byId.get(id);
      if (g != null && g.isMapped("file") && !lms.containsKey("moodle_participant")
          && !(g.isMapped("flags") && g.get("flags").contains("group submission"))) {
        // A Moodle zip's folder names the participant, also under blind marking.
        org.nngrader.grader.read.LmsName name = org.nngrader.grader.read.LmsName.parse(g.get("file"));
        if (name.kind() == org.nngrader.grader.read.LmsKind.MOODLE && name.userId() != null) {
          lms.put("moodle_participant", name.userId());
        }
      }
      Double score = g == null ? null : Double.valueOf(g.get("score"));
      double max = g == null ? 0 : Double.parseDouble(g.get("max"));
      rows.add(new GradeRow(id, text(s, "name"), text(s, "email"), lms, score, max,
          g != null ? "graded" : failedIds.contains(id) ? "failed" : "no-submission",
          text(s, "feedback")));
    }
    double max = rows.stream().mapToDouble(GradeRow::max).max().orElse(0);
    List<GradeRow> out = new ArrayList<>();
    for (GradeRow r : rows) {
      out.add(r.max() > 0 ? r : new GradeRow(r.studentId(), r.name(), r.email(), r.lmsIds(),
          r.score(), max, r.status(), r.feedback()));
    }
    return out;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
