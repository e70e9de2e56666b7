package org.nngrader.grader.batch;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Who is in which group, for group assignments: Canvas and Moodle hand in one submission per
 * group (Canvas names it after the group and one member, {@code <group>_<uid>_<attid>_<file>};
 * Moodle after the group, {@code <group>_<groupid>_assignsubmission_file/}), and every member gets
 * the group's grade. Read from a csv in one of three forms:
 *
 * <ul>
 *   <li>nngrader's own: {@code group,student_id} (optional {@code group_id});
 *   <li>Canvas's group-set csv (People > Groups > Import / the group set's csv):
 *       {@code group_name}, {@code canvas_group_id}, {@code canvas_user_id}, {@code user_id}
 *       (SIS), {@code login_id};
 *   <li>a Moodle participants download with a {@code Groups} column (names separated by commas)
 *       and {@code Email address}, {@code ID number} or {@code Username}.
 * </ul>
 */
public final class GroupMembership {

  /** A group: its name, its LMS id (may be null), its members of the problem set. */
  public record Group(String name, String id, List<SetStudent> members) {}

  private final Map<String, Group> byName = new HashMap<>();
  private final Map<String, Group> byId = new HashMap<>();
  private final Map<String, Group> byStudent = new HashMap<>();
  private final List<String> unknown;

  private GroupMembership(List<Group> groups, List<String> unknown) {
    for (Group g : groups) {
      byName.putIfAbsent(key(g.name()), g);
      if (g.id() != null && !g.id().isBlank()) {
        byId.putIfAbsent(g.id().strip(), g);
      }
      for (SetStudent s : g.members()) {
        byStudent.putIfAbsent(s.id(), g);
      }
    }
    this.unknown = List.copyOf(unknown);
  }

  /** Rows naming a student who is not in the problem set ("line N: ..."). */
  public List<String> unknownMembers() {
    return unknown;
  }

  /** The group a student is in, or null. */
  public Group groupOf(SetStudent s) {
    return byStudent.get(s.id());
  }

  /**
   * The group an LMS name points to: by id (Moodle's group id), else by name as the LMS wrote it
   * into the zip (compared without case, spaces and punctuation, as Canvas and Moodle strip them).
   */
  public Group find(String displayName, String lmsId) {
    Group g = lmsId == null ? null : byId.get(lmsId.strip());
    if (g == null && displayName != null) {
      g = byName.get(key(displayName));
    }
    return g;
  }

  static String key(String name) {
    return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC)
        .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  /**
   * @throws IllegalArgumentException naming the file and line when it is none of the forms
   */
  public static GroupMembership read(Path file, List<SetStudent> students) throws IOException {
    Map<String, SetStudent> index = new HashMap<>();
    for (SetStudent s : students) {
      index.putIfAbsent("id:" + s.id(), s);
      if (s.email() != null && !s.email().isBlank()) {
        index.putIfAbsent("email:" + s.email().strip().toLowerCase(Locale.ROOT), s);
      }
      s.lmsIds().forEach((k, v) -> {
        if (v != null && !v.isBlank()) {
          index.putIfAbsent(k + ":" + v.strip(), s);
        }
      });
    }
    Map<String, String[]> idOf = new LinkedHashMap<>();
    Map<String, List<SetStudent>> members = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    String text = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
    try (Reader r = new java.io.StringReader(text);
        CSVParser p = CSVParser.parse(r, CSVFormat.DEFAULT.builder().setHeader()
            .setSkipHeaderRecord(true).setIgnoreHeaderCase(true).setTrim(true).get())) {
      Map<String, Integer> h = p.getHeaderMap();
      boolean nngrader = h.containsKey("group") && h.containsKey("student_id");
      boolean canvas = h.containsKey("group_name") && (h.containsKey("canvas_user_id")
          || h.containsKey("user_id") || h.containsKey("login_id"));
      boolean moodle = h.containsKey("groups");
      if (!nngrader && !canvas && !moodle) {
        throw new IllegalArgumentException(file + " line 1: not a group membership file; give it the "
            + "columns group,student_id (or pass Canvas's group-set csv, or Moodle's participants "
            + "download with its Groups column)");
      }
      for (CSVRecord rec : p) {
        SetStudent s = null;
        List<String> groups = new ArrayList<>();
        String groupId = null;
        if (nngrader) {
          s = index.get("id:" + get(rec, "student_id"));
          groups.add(get(rec, "group"));
          groupId = get(rec, "group_id");
        } else if (canvas) {
          s = first(index, "canvas_id:" + get(rec, "canvas_user_id"), "sis_user_id:" + get(rec, "user_id"),
              "id:" + get(rec, "user_id"), "sis_login_id:" + get(rec, "login_id"));
          groups.add(get(rec, "group_name"));
          groupId = get(rec, "canvas_group_id");
        } else {
          s = first(index, "email:" + get(rec, "email address").toLowerCase(Locale.ROOT),
              "moodle_idnumber:" + get(rec, "id number"), "id:" + get(rec, "id number"),
              "username:" + get(rec, "username"));
          for (String g : get(rec, "groups").split(",")) {
            groups.add(g.strip());
          }
        }
        groups.removeIf(String::isBlank);
        if (groups.isEmpty()) {
          continue;
        }
        if (s == null) {
          unknown.add("line " + (rec.getRecordNumber() + 1) + ": " + String.join(",", rec.toList()));
          continue;
        }
        for (String g : groups) {
          members.computeIfAbsent(g, k -> new ArrayList<>()).add(s);
          if (groupId != null && !groupId.isBlank()) {
            idOf.putIfAbsent(g, new String[] {groupId});
          }
        }
      }
    } catch (java.io.UncheckedIOException | IllegalStateException e) {
      throw new IllegalArgumentException(file + ": is not a readable csv (" + e.getMessage() + ")");
    }
    List<Group> groups = new ArrayList<>();
    members.forEach((name, list) -> groups.add(new Group(name,
        idOf.containsKey(name) ? idOf.get(name)[0] : null, List.copyOf(list))));
    return new GroupMembership(groups, unknown);
  }

  private static String get(CSVRecord r, String column) {
    return r.isMapped(column) && r.isSet(column) ? r.get(column).strip() : "";
  }

  private static SetStudent first(Map<String, SetStudent> index, String... keys) {
    for (String k : keys) {
      if (!k.endsWith(":")) {
        SetStudent s = index.get(k);
        if (s != null) {
          return s;
        }
      }
    }
    return null;
  }
}
