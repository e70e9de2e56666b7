package org.nngrader.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nngrader.e2e.LmsRoundTripTest.records;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nngrader.cli.CliRun;
import org.nngrader.grader.export.LmsImporters;
import org.nngrader.grader.export.LmsImporters.MoodleUser;
import org.nngrader.grader.export.LmsImporters.WorksheetGrade;

/**
 * Zips named exactly as Canvas and Moodle name them grade to the right students with the right
 * late flags; every export is re-read by a model of the LMS's own importer (LmsImporters) against
 * a gradebook that already holds grades, and only the grades nngrader gave change.
 */
class LmsFidelityTest {

  @TempDir static Path dir;
  static Path set;
  static Path subs;
  static Path results;
  static Map<String, CSVRecord> graded;
  static final int CLASS = 12;

  @BeforeAll
  static void gradeACanvasZipNamedBothWays() throws IOException {
    StringBuilder roster = new StringBuilder(
        "student_id,name,email,canvas_id,sis_user_id,section,username,moodle_idnumber\n");
    for (int i = 1; i <= CLASS; i++) {
      String name = i == 9 ? "Zoë Müller" : "Student " + i;
      roster.append(String.format("s%03d,%s,s%03d@example.edu,%d,SIS%03d,A,user%d,M%03d%n", i, name, i,
          5000 + i, i, i, i));
    }
    Files.writeString(dir.resolve("roster.csv"), roster);
    set = dir.resolve("set");
    subs = dir.resolve("subs");
    assertThat(CliRun.run("generate", "--template", "sigmoid-2-2-2", "--roster",
        dir.resolve("roster.csv").toString(), "--seed", "5", "--out", set.toString()).code()).isZero();
    assertThat(CliRun.run("simulate", "--set", set.toString(), "--out", subs.toString(), "--profile",
        "correct").code()).isZero();

    Map<String, byte[]> e = new LinkedHashMap<>();
    e.put("student1_5001_900001_s001.xlsx", sheet(1));
    e.put("student2_LATE_5002_900002_s002.xlsx", sheet(2)); // current Canvas
    e.put("student3_late_5003_900003_s003.xlsx", sheet(3)); // older Canvas: all lower case
    e.put("5004_900004_s004.xlsx", sheet(4)); // older anonymous: no name
    e.put("late_5005_900005_s005.xlsx", sheet(5)); // older anonymous, late
    e.put("student6_5006_text.html", "<html><body>see attached</body></html>".getBytes(StandardCharsets.UTF_8));
    e.put("student6_5006_900006_s006.xlsx", sheet(6));
    e.put("student7_5007_900007_s007.xlsx", sheet(7)); // two attachments
    e.put("student7_5007_900017_notes.txt", "my notes".getBytes(StandardCharsets.UTF_8));
    e.put("anon_Xy7Qz_900010_s010.xlsx", sheet(10)); // current anonymous: the sheet says whose
    Path zip = dir.resolve("canvas.zip");
    zip(zip, e, Map.of());
    results = dir.resolve("results");
    CliRun r = CliRun.run("grade", "--set", set.toString(), "--submissions", zip.toString(), "--out",
        results.toString());
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    graded = byId(results);
  }

  static byte[] sheet(int n) throws IOException {
    return Files.readAllBytes(subs.resolve(String.format("s%03d.xlsx", n)));
  }

  static byte[] csvWithoutStudentId(int n) throws IOException {
    return Files.readString(set.resolve(String.format("handout/s%03d/answers.csv", n))).lines()
        .filter(l -> !l.startsWith("student_id")).reduce("", (a, b) -> a + b + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  static void zip(Path zip, Map<String, byte[]> entries, Map<String, LocalDateTime> times) throws IOException {
    try (OutputStream o = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(o)) {
      for (Map.Entry<String, byte[]> en : entries.entrySet()) {
        ZipEntry ze = new ZipEntry(en.getKey());
        if (times.containsKey(en.getKey())) {
          ze.setTimeLocal(times.get(en.getKey()));
        }
        z.putNextEntry(ze);
        z.write(en.getValue());
        z.closeEntry();
      }
    }
  }

  static Map<String, CSVRecord> byId(Path results) throws IOException {
    Map<String, CSVRecord> m = new HashMap<>();
    for (CSVRecord r : records(results.resolve("grades.csv"), true)) {
      m.put(r.get("student_id"), r);
    }
    return m;
  }

  static double max() {
    return Double.parseDouble(graded.get("s001").get("max"));
  }

  @Test
  void canvasNamesOfBothGenerationsReachTheRightStudentsWithTheRightLateFlags() {
    for (int i : new int[] {1, 2, 3, 4, 5, 6, 7, 10}) {
      CSVRecord r = graded.get(String.format("s%03d", i));
      assertThat(r).as("s%03d", i).isNotNull();
      assertThat(r.get("status")).isEqualTo("graded");
      assertThat(Double.parseDouble(r.get("score"))).as("s%03d", i).isEqualTo(max());
    }
    assertThat(graded.get("s002").get("late")).isEqualTo("true");
    assertThat(graded.get("s003").get("late")).isEqualTo("true");
    assertThat(graded.get("s005").get("late")).isEqualTo("true");
    for (String onTime : List.of("s001", "s004", "s006", "s007", "s010")) {
      assertThat(graded.get(onTime).get("late")).as(onTime).isEqualTo("false");
    }
    // The text entry and the second attachment belong to their students, as remarks.
    assertThat(graded.get("s006").get("flags")).contains("student6_5006_text.html");
    assertThat(graded.get("s007").get("flags")).contains("student7_5007_900017_notes.txt");
    assertThat(graded).doesNotContainKeys("s008", "s009", "s011", "s012");
  }

  @Test
  void resubmissionsInLowerCaseOlderNamesGradeTheNewest() throws IOException {
    Path zip = dir.resolve("resub.zip");
    Map<String, byte[]> e = new LinkedHashMap<>();
    e.put("student8_late_5008_800001_answers.xlsx", Files.readAllBytes(set.resolve("handout/s008/answers.xlsx")));
    e.put("student8_5008_800002_answers-1.xlsx", sheet(8));
    zip(zip, e, Map.of("student8_late_5008_800001_answers.xlsx", LocalDateTime.of(2026, 11, 1, 9, 0),
        "student8_5008_800002_answers-1.xlsx", LocalDateTime.of(2026, 11, 2, 9, 0)));
    Path out = dir.resolve("resub");
    assertThat(CliRun.run("grade", "--set", set.toString(), "--submissions", zip.toString(), "--out",
        out.toString()).code()).isZero();
    CSVRecord r = byId(out).get("s008");
    assertThat(r.get("file")).isEqualTo("student8_5008_800002_answers-1.xlsx");
    assertThat(r.get("late")).isEqualTo("false");
    assertThat(Double.parseDouble(r.get("score"))).isEqualTo(max());
  }

  @Test
  void aMoodleFolderReZippedOnMacOsInNfdIsMatchedByName() throws IOException {
    Path zip = dir.resolve("moodle-nfd.zip");
    zip(zip, Map.of("Zoe\u0308 Mu\u0308ller_70009_assignsubmission_file/answers.csv", csvWithoutStudentId(9)), Map.of());
    Path out = dir.resolve("nfd");
    CliRun r = CliRun.run("grade", "--set", set.toString(), "--submissions", zip.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.out()).isZero();
    assertThat(byId(out)).containsKey("s009");
  }

  @Test
  void canvasGroupSubmissionGradesEveryMemberWithTheGroupsFile() throws IOException {
    Path zip = dir.resolve("canvas-groups.zip");
    Map<String, byte[]> e = new LinkedHashMap<>();
    e.put("teamalpha_5001_900001_s001.xlsx", sheet(1));
    e.put("teambeta_LATE_5003_900003_s003.xlsx", sheet(3));
    zip(zip, e, Map.of());
    Path groups = dir.resolve("canvas-groups.csv");
    Files.writeString(groups, "name,canvas_user_id,user_id,login_id,sections,group_name,canvas_group_id,group_id\n"
        + "Student 1,5001,SIS001,,A,Team Alpha,301,\nStudent 2,5002,SIS002,,A,Team Alpha,301,\n"
        + "Student 3,5003,SIS003,,A,Team Beta,302,\nStudent 4,5004,SIS004,,A,Team Beta,302,\n");
    CliRun without = CliRun.run("grade", "--set", set.toString(), "--submissions", zip.toString(), "--out",
        dir.resolve("groups-no").toString());
    assertThat(without.out()).contains("without a submission: s002, s004");
    Path out = dir.resolve("groups");
    CliRun with = CliRun.run("grade", "--set", set.toString(), "--submissions", zip.toString(), "--out",
        out.toString(), "--groups", groups.toString());
    assertThat(with.code()).as(with.out() + with.err()).isZero();
    Map<String, CSVRecord> g = byId(out);
    assertThat(g.get("s002").get("score")).isEqualTo(g.get("s001").get("score"));
    assertThat(g.get("s002").get("flags")).contains("group submission of Team Alpha, handed in by s001");
    assertThat(g.get("s004").get("score")).isEqualTo(g.get("s003").get("score"));
    assertThat(g.get("s004").get("late")).isEqualTo("true");
    assertThat(with.out()).doesNotContain("s002,").contains("Graded 4 of 12");
  }

  @Test
  void moodleGroupFolderGradesEveryMember() throws IOException {
    Path zip = dir.resolve("moodle-groups.zip");
    zip(zip, Map.of("Team Alpha_42_assignsubmission_file/answers.csv", csvWithoutStudentId(1)), Map.of());
    Path groups = dir.resolve("groups.csv");
    Files.writeString(groups, "group,group_id,student_id\nTeam Alpha,42,s001\nTeam Alpha,42,s002\n");
    Path out = dir.resolve("moodle-groups");
    CliRun r = CliRun.run("grade", "--set", set.toString(), "--submissions", zip.toString(), "--out",
        out.toString(), "--groups", groups.toString());
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(byId(out)).containsKeys("s001", "s002");
    // A group id is not a participant id: no worksheet row is made from it.
    Path ws = dir.resolve("groups-ws.csv");
    CliRun x = CliRun.run("export", "--results", out.toString(), "--format", "moodle-worksheet", "--out", ws.toString());
    assertThat(Files.readString(ws)).doesNotContain("Participant 42");
    assertThat(x.out()).contains("Graded but not exported");
  }

  /** A Canvas gradebook that already holds a score for everyone. */
  static Path canvasBook(String name, char sep, String three) throws IOException {
    StringBuilder b = new StringBuilder(String.join(String.valueOf(sep), "Student", "ID", "SIS User ID",
        "SIS Login ID", "Section", "Backprop HW (bonus) (5552)", "Backprop HW (5551)", "Current Score") + "\n");
    b.append(String.join(String.valueOf(sep), "    Points Possible", "", "", "", "", "5", "100", "(read only)")).append('\n');
    for (int i = 1; i <= CLASS; i++) {
      b.append(String.join(String.valueOf(sep), "\"Student, " + i + "\"", String.valueOf(5000 + i),
          String.format("SIS%03d", i), "", "A", three, three, "80")).append('\n');
    }
    Path p = dir.resolve(name);
    Files.writeString(p, b);
    return p;
  }

  static LmsImporters.CanvasCourse canvasCourse() {
    Map<String, Map<String, String>> scores = new HashMap<>();
    for (int i = 1; i <= CLASS; i++) {
      scores.put(String.valueOf(5000 + i), Map.of("5551", "3.00", "5552", "3.00"));
    }
    return new LmsImporters.CanvasCourse(Map.of("5551", "Backprop HW", "5552", "Backprop HW (bonus)"), scores);
  }

  @Test
  void canvasFillTakesTheTitledColumnNotTheFirstThatStartsWithItAndLeavesOthersAlone() throws IOException {
    for (String[] args : List.of(new String[] {"--assignment", "Backprop HW"}, new String[] {"--column-id", "5551"})) {
      Path out = dir.resolve("filled-" + args[0].substring(2) + ".csv");
      List<String> cmd = new ArrayList<>(List.of("export", "--results", results.toString(), "--format", "canvas",
          "--gradebook", canvasBook("book.csv", ',', "3.00").toString(), "--out", out.toString()));
      cmd.addAll(List.of(args));
      CliRun r = CliRun.run(cmd.toArray(String[]::new));
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).contains("filled column 'Backprop HW (5551)'").contains("Left alone")
          .contains("s008").contains("s011");
      Map<String, Map<String, String>> changes = LmsImporters.canvasImport(out, canvasCourse());
      assertThat(changes.keySet()).containsExactlyInAnyOrder("5001", "5002", "5003", "5004", "5005",
          "5006", "5007", "5010");
      changes.values().forEach(c -> assertThat(c).containsOnlyKeys("5551"));
    }
  }

  @Test
  void canvasSemicolonExportWithDecimalCommasIsFilledAndReadBack() throws IOException {
    Path out = dir.resolve("filled-semicolon.csv");
    CliRun r = CliRun.run("export", "--results", results.toString(), "--format", "canvas", "--gradebook",
        canvasBook("book-semicolon.csv", ';', "3,00").toString(), "--assignment", "Backprop HW", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(out).lines().findFirst().orElseThrow()).contains(";Backprop HW (5551);");
    Map<String, Map<String, String>> changes = LmsImporters.canvasImport(out, canvasCourse());
    assertThat(changes).hasSize(8).doesNotContainKeys("5008", "5009", "5011", "5012");
    assertThat(changes.get("5001")).containsOnlyKeys("5551");
  }

  static List<MoodleUser> moodleUsers() {
    List<MoodleUser> users = new ArrayList<>();
    for (int i = 1; i <= CLASS; i++) {
      users.add(new MoodleUser(100 + i, "user" + i, String.format("M%03d", i), String.format("s%03d@example.edu", i)));
    }
    return users;
  }

  static Map<Integer, Double> ones() {
    Map<Integer, Double> m = new HashMap<>();
    for (int i = 1; i <= CLASS; i++) {
      m.put(100 + i, 1.0);
    }
    return m;
  }

  @Test
  void moodleImportMapsTheIdentifierAndColumnsByItselfAndLeavesUngradedStudentsAlone() throws IOException {
    Path out = dir.resolve("moodle.csv");
    CliRun r = CliRun.run("export", "--results", results.toString(), "--format", "moodle", "--assignment",
        "Backprop HW", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("identifier: Email address");
    LmsImporters.MoodleResult m = LmsImporters.moodleImport(out, moodleUsers(), "Backprop HW", ones());
    assertThat(m.identifier()).isEqualTo("useremail");
    assertThat(m.grades().get(101)).isEqualTo(max());
    assertThat(m.grades().get(108)).isEqualTo(1.0);
    assertThat(m.grades().get(112)).isEqualTo(1.0);
    assertThat(m.feedback()).containsKey(101).doesNotContainKey(108);
  }

  @Test
  void moodleGradebookFillKeepsOnlyAnIdentifierEveryRowHas() throws IOException {
    StringBuilder b = new StringBuilder("First name,Last name,ID number,Institution,Department,Email address,"
        + "Assignment: Backprop HW (Real),Assignment: Quiz (Real),Course total (Real),Last downloaded from this course\n");
    for (int i = 1; i <= CLASS; i++) {
      b.append(String.format("Student,%d,,Uni,,s%03d@example.edu,-,7.00,7.00,1764680000%n", i, i));
    }
    Path book = dir.resolve("moodle-book.csv");
    Files.writeString(book, b);
    Path out = dir.resolve("moodle-filled.csv");
    CliRun r = CliRun.run("export", "--results", results.toString(), "--format", "moodle", "--gradebook",
        book.toString(), "--assignment", "Backprop HW", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("identifier: Email address");
    String header = Files.readString(out).lines().findFirst().orElseThrow();
    assertThat(header).doesNotContain("ID number").doesNotContain("Quiz").contains("Last downloaded");
    LmsImporters.MoodleResult m = LmsImporters.moodleImport(out, moodleUsers(), "Backprop HW", ones());
    assertThat(m.identifier()).isEqualTo("useremail");
    assertThat(m.grades().get(101)).isEqualTo(max());
    assertThat(m.grades().get(111)).isEqualTo(1.0);
  }

  @Test
  void moodleWorksheetFillLeavesOtherStudentsFeedbackAlone() throws IOException {
    StringBuilder b = new StringBuilder("Identifier,Full name,Email address,Status,Grade,Maximum Grade,"
        + "Grade can be changed,Last modified (submission),Last modified (grade),Feedback comments\n");
    for (int i = 1; i <= CLASS; i++) {
      b.append(String.format("Participant %d,Student %d,s%03d@example.edu,Submitted,,%s,Yes,-,-,%s%n",
          70000 + i, i, i, String.valueOf(max()), i == 12 ? "old note" : ""));
    }
    Path ws = dir.resolve("worksheet.csv");
    Files.writeString(ws, b);
    Path out = dir.resolve("worksheet-filled.csv");
    CliRun r = CliRun.run("export", "--results", results.toString(), "--format", "moodle-worksheet",
        "--gradebook", ws.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    Map<String, Integer> participants = new HashMap<>();
    Map<Integer, WorksheetGrade> current = new HashMap<>();
    for (int i = 1; i <= CLASS; i++) {
      participants.put(String.valueOf(70000 + i), 100 + i);
    }
    current.put(112, new WorksheetGrade(5.0, "old note", 100));
    Map<Integer, WorksheetGrade> after = LmsImporters.worksheetImport(out, participants, current, max());
    assertThat(after.get(112)).isEqualTo(new WorksheetGrade(5.0, "old note", 100));
    assertThat(after.get(101).grade()).isEqualTo(max());
    assertThat(after.get(101).feedback()).startsWith(GradeFeedback.prefix());
    assertThat(after).doesNotContainKey(108);
  }

  @Test
  void moodleWorksheetFromABlindMarkingZipNamesParticipantsOnly() throws IOException {
    Path zip = dir.resolve("moodle-blind.zip");
    zip(zip, Map.of("Participant_70001_assignsubmission_file/s001.xlsx", sheet(1)), Map.of());
    Path out = dir.resolve("blind");
    assertThat(CliRun.run("grade", "--set", set.toString(), "--submissions", zip.toString(), "--out",
        out.toString()).code()).isZero();
    Path ws = dir.resolve("blind-ws.csv");
    CliRun r = CliRun.run("export", "--results", out.toString(), "--format", "moodle-worksheet", "--out", ws.toString());
    assertThat(r.code()).as(r.err()).isZero();
    String text = Files.readString(ws);
    assertThat(text).doesNotContain("Student 1").doesNotContain("example.edu");
    Map<Integer, WorksheetGrade> after = LmsImporters.worksheetImport(ws, Map.of("70001", 101), Map.of(), max());
    assertThat(after.get(101).grade()).isEqualTo(max());
  }

  @Test
  void blackboardTabDownloadInUtf16IsFilledInTheSameForm() throws IOException {
    StringBuilder b = new StringBuilder("Last Name\tFirst Name\tUsername\tStudent ID\t"
        + "Backprop HW [Total Pts: 100 Score] |_5551_1\tQuiz [Total Pts: 10 Score] |_5552_1\n");
    for (int i = 1; i <= CLASS; i++) {
      b.append(String.format("%d\tStudent\tuser%d\t\t4\t6%n", i, i));
    }
    Path book = dir.resolve("bb.xls");
    Files.write(book, ("\uFEFF" + b).getBytes(StandardCharsets.UTF_16LE));
    Path out = dir.resolve("bb-filled.xls");
    CliRun r = CliRun.run("export", "--results", results.toString(), "--format", "blackboard", "--gradebook",
        book.toString(), "--column-id", "_5551_1", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    byte[] bytes = Files.readAllBytes(out);
    assertThat(bytes[0] & 0xFF).isEqualTo(0xFF);
    assertThat(bytes[1] & 0xFF).isEqualTo(0xFE);
    Map<String, String> hw = LmsImporters.blackboardImport(out, "_5551_1", null);
    assertThat(Double.parseDouble(hw.get("user1"))).isEqualTo(max());
    assertThat(hw.get("user11")).isEqualTo("4");
    assertThat(LmsImporters.blackboardImport(out, "_5552_1", null)).containsEntry("user1", "6");
  }

  @Test
  void brightspaceImportFindsUsersAndTheItem() throws IOException {
    Path out = dir.resolve("d2l.csv");
    CliRun r = CliRun.run("export", "--results", results.toString(), "--format", "brightspace",
        "--assignment", "Backprop HW", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    Map<String, String> g = LmsImporters.brightspaceImport(out, "Backprop HW");
    assertThat(g).hasSize(8).containsKey("user1").doesNotContainKey("user11");
    assertThat(Double.parseDouble(g.get("user1"))).isEqualTo(max());
  }

  /** The feedback nngrader writes starts with the points. */
  static final class GradeFeedback {
    static String prefix() {
      return String.valueOf((long) max());
    }
  }
}
