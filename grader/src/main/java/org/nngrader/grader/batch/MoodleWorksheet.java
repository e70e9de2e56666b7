package org.nngrader.grader.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Moodle's grading worksheet (Assignment, "Download grading worksheet"): maps the per-assignment
 * participant ids that name the folders of a "Download all submissions" zip to students, through
 * the worksheet's {@code Identifier} ("Participant 12345"), {@code Email address} and
 * {@code ID number} columns.
 */
public final class MoodleWorksheet {

  private static final Pattern PARTICIPANT = Pattern.compile("(\\d+)");

  private MoodleWorksheet() {}

  /**
   * Participant id to student id, for the students of the set that the worksheet's email or
   * ID number identifies.
   *
   * @throws IllegalArgumentException naming the file when it is not a grading worksheet
   */
  public static Map<String, String> participants(Path worksheet, Iterable<SetStudent> students)
      throws IOException {
    Map<String, String> byEmail = new HashMap<>();
    Map<String, String> byIdNumber = new HashMap<>();
    for (SetStudent s : students) {
      if (s.email() != null && !s.email().isBlank()) {
        byEmail.put(s.email().toLowerCase(Locale.ROOT), s.id());
      }
      byIdNumber.put(s.lmsIds().getOrDefault("moodle_idnumber", s.id()), s.id());
    }
    Map<String, String> out = new HashMap<>();
    try (CSVParser p = CSVParser.parse(worksheet, StandardCharsets.UTF_8,
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
      Map<String, Integer> header = new HashMap<>();
      p.getHeaderMap().forEach((k, v) -> header.put(k.replace("\uFEFF", "").strip(), v));
      Integer identifier = header.get("Identifier");
      if (identifier == null) {
        throw new IllegalArgumentException(worksheet + " line 1: no 'Identifier' column; pass the "
            + "grading worksheet Moodle downloads (Assignment > View all submissions > Download grading worksheet)");
      }
      Integer email = header.get("Email address");
      Integer idNumber = header.get("ID number");
      for (CSVRecord r : p) {
        Matcher m = PARTICIPANT.matcher(r.get(identifier));
        if (!m.find()) {
          continue;
        }
        String student = null;
        if (email != null && email < r.size()) {
          student = byEmail.get(r.get(email).strip().toLowerCase(Locale.ROOT));
        }
        if (student == null && idNumber != null && idNumber < r.size()) {
          student = byIdNumber.get(r.get(idNumber).strip());
        }
        if (student != null) {
          out.put(m.group(1), student);
        }
      }
    }
    return out;
  }
}
