package org.nngrader.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nngrader.cli.Main;
import org.springframework.security.crypto.bcrypt.BCrypt;

/** {@code nngrader invite}, {@code staff add} and {@code serve}'s options, run in-process. */
class PortalCommandsTest {

  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  static Run runWithInput(String input, String... args) {
    InputStream old = System.in;
    System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    try {
      return run(args);
    } finally {
      System.setIn(old);
    }
  }

  private List<CSVRecord> links(Path csv) throws Exception {
    try (CSVParser p = CSVParser.parse(csv, StandardCharsets.UTF_8,
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
      return p.getRecords();
    }
  }

  @Test
  void inviteWritesOneLinkPerStudentStoredOnlyAsHashes() throws Exception {
    ClassFixture fx = ClassFixture.get();
    Path data = tmp.resolve("data");
    Path csv = tmp.resolve("links.csv");
    Run r = run("invite", "--set", fx.set.toString(), "--base-url", "https://grader.example.edu/",
        "--out", csv.toString(), "--data", data.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Wrote 100 sign-in links");
    assertThat(Files.readAllLines(csv).get(0)).isEqualTo("student_id,name,email,url");
    List<CSVRecord> rows = links(csv);
    assertThat(rows).hasSize(100);
    CSVRecord first = rows.get(0);
    assertThat(first.get("student_id")).isEqualTo("p001");
    assertThat(first.get("email")).isEqualTo("p001@example.edu");
    assertThat(first.get("url")).matches("https://grader\\.example\\.edu/s/[A-Za-z0-9_-]{43}");
    String token = first.get("url").substring(first.get("url").lastIndexOf('/') + 1);

    try (Database db = Database.open(Database.h2Url(data), 2)) {
      Store store = new Store(db);
      assertThat(store.inviteStudent(token)).contains("p001");
    }
    // Re-issue for one student: their old link stops working, the others' do not.
    Path again = tmp.resolve("again.csv");
    Run one = run("invite", "--set", fx.set.toString(), "--base-url", "https://grader.example.edu",
        "--out", again.toString(), "--data", data.toString(), "--student", "p001");
    assertThat(one.code()).isZero();
    assertThat(links(again)).hasSize(1);
    String second = rows.get(1).get("url").substring(rows.get(1).get("url").lastIndexOf('/') + 1);
    try (Database db = Database.open(Database.h2Url(data), 2)) {
      Store store = new Store(db);
      assertThat(store.inviteStudent(token)).isEmpty();
      assertThat(store.inviteStudent(second)).contains("p002");
    }
    Run revoke = run("invite", "--set", fx.set.toString(), "--data", data.toString(), "--student", "p002", "--revoke");
    assertThat(revoke.code()).isZero();
    assertThat(revoke.out()).contains("Revoked 1 link of 1 student.");
    try (Database db = Database.open(Database.h2Url(data), 2)) {
      assertThat(new Store(db).inviteStudent(second)).isEmpty();
    }
  }

  @Test
  void inviteUsageErrorsExitTwoAndSayWhatToDo() {
    ClassFixture fx = ClassFixture.get();
    String data = tmp.resolve("d").toString();
    Run noUrl = run("invite", "--set", fx.set.toString(), "--out", "x.csv", "--data", data);
    assertThat(noUrl.code()).isEqualTo(2);
    assertThat(noUrl.err()).contains("--base-url");
    Run badUrl = run("invite", "--set", fx.set.toString(), "--base-url", "grader.example.edu", "--out", "x.csv", "--data", data);
    assertThat(badUrl.code()).isEqualTo(2);
    assertThat(badUrl.err()).contains("must start with https://");
    Run unknown = run("invite", "--set", fx.set.toString(), "--base-url", "https://g", "--out", "x.csv",
        "--data", data, "--student", "zz9");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("--student zz9: not a student");
    Run revokeAll = run("invite", "--set", fx.set.toString(), "--data", data, "--revoke");
    assertThat(revokeAll.code()).isEqualTo(2);
    Run notASet = run("invite", "--set", tmp.toString(), "--base-url", "https://g", "--out", "x.csv", "--data", data);
    assertThat(notASet.code()).isEqualTo(2);
    assertThat(notASet.err()).contains("is not a problem set");
    Run badDb = run("invite", "--set", fx.set.toString(), "--base-url", "https://g", "--out", "x.csv",
        "--db", "jdbc:sqlite:x.db");
    assertThat(badDb.code()).isEqualTo(2);
    assertThat(badDb.err()).contains("not a database nngrader supports");
  }

  @Test
  void staffAddStoresABcryptHashAndNeverPrintsThePassword() {
    Path data = tmp.resolve("data");
    Run r = runWithInput("a long enough secret\n", "staff", "add", "--email", "Prof@Example.edu",
        "--role", "instructor", "--data", data.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out() + r.err()).doesNotContain("a long enough secret");
    try (Database db = Database.open(Database.h2Url(data), 2)) {
      Store.StaffRow row = new Store(db).staff("prof@example.edu").orElseThrow();
      assertThat(row.role()).isEqualTo("instructor");
      assertThat(row.passwordHash()).startsWith("$2a$12$").doesNotContain("secret");
      assertThat(BCrypt.checkpw("a long enough secret", row.passwordHash())).isTrue();
    }
    Run ta = runWithInput("another long secret\n", "staff", "add", "--email", "prof@example.edu",
        "--role", "ta", "--data", data.toString());
    assertThat(ta.code()).isZero();
    try (Database db = Database.open(Database.h2Url(data), 2)) {
      assertThat(new Store(db).staff("prof@example.edu").orElseThrow().role()).isEqualTo("ta");
      assertThat(new Store(db).auditTrail(10)).anyMatch(a -> a.action().equals("staff-added"));
    }
  }

  @Test
  void staffAddRefusesBadRolesEmailsAndShortPasswords() {
    String data = tmp.resolve("data").toString();
    assertThat(runWithInput("long enough pw\n", "staff", "add", "--email", "a@b", "--role", "admin", "--data", data).err())
        .contains("--role admin: must be instructor or ta");
    assertThat(runWithInput("long enough pw\n", "staff", "add", "--email", "nobody", "--role", "ta", "--data", data).code())
        .isEqualTo(2);
    Run shortPw = runWithInput("short\n", "staff", "add", "--email", "a@b", "--role", "ta", "--data", data);
    assertThat(shortPw.code()).isEqualTo(2);
    assertThat(shortPw.err()).contains("at least 10");
    Run none = runWithInput("", "staff", "add", "--email", "a@b", "--role", "ta", "--data", data);
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("no password");
    assertThat(run("staff").out()).contains("add");
  }

  @Test
  void serveChecksItsOptionsBeforeStarting() {
    ClassFixture fx = ClassFixture.get();
    String set = fx.set.toString();
    String data = tmp.resolve("data").toString();
    assertThat(run("serve", "--set", set, "--data", data, "--deadline", "tomorrow").err())
        .contains("--deadline tomorrow: not a time");
    assertThat(run("serve", "--set", set, "--data", data, "--late", "maybe").err()).contains("--late maybe");
    assertThat(run("serve", "--set", set, "--data", data, "--counts", "first").err()).contains("--counts first");
    assertThat(run("serve", "--set", set, "--data", data, "--attempts", "-1").err()).contains("--attempts is -1");
    assertThat(run("serve", "--set", set, "--data", data, "--uploads-per-minute", "0").code()).isEqualTo(2);
    assertThat(run("serve", "--set", tmp.toString(), "--data", data).err()).contains("is not a problem set");

    ServeCommand serve = new ServeCommand();
    serve.attempts = 2;
    serve.deadline = "2026-12-15T23:59:00Z";
    serve.late = "refuse";
    serve.counts = "best";
    serve.maxUploadKb = 100;
    serve.uploadsPerMinute = 3;
    serve.baseUrl = "https://grader.example.edu";
    assertThat(serve.settings()).isEqualTo(new PortalSettings(2, Instant.parse("2026-12-15T23:59:00Z"),
        true, PortalSettings.Counts.BEST, false, 100 * 1024, 3, true));
  }
}
