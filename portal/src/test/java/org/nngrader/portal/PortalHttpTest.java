package org.nngrader.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The portal over HTTP on loopback: every route's access rule for each kind of visitor, CSRF,
 * size and rate limits, security headers, and uploads graded exactly as {@code nngrader grade}
 * grades the same files (same score, byte-identical report).
 */
class PortalHttpTest {

  static ClassFixture fx;
  static TestPortal portal;
  static final int MAX_UPLOAD = 64 * 1024;

  @BeforeAll
  static void start() {
    fx = ClassFixture.get();
    portal = TestPortal.start(TestPortal.memoryH2("http"), fx.set,
        new PortalSettings(3, null, false, PortalSettings.Counts.BEST, false, MAX_UPLOAD, 4, false));
    portal.addStaff("ta@example.edu", "ta", "ta-password-1");
    portal.addStaff("prof@example.edu", "instructor", "prof-password-1");
  }

  @AfterAll
  static void stop() {
    portal.close();
  }

  private static long attemptId(HttpResponse<String> upload) {
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(303);
    String location = upload.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("/student/attempts/");
    return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
  }

  @Test
  void uploadsAreGradedAsTheCommandLineGradesThemWithTheSameReport() throws Exception {
    for (int i = 1; i <= 8; i++) {
      String id = String.format("p%03d", i);
      TestPortal.Signed s = portal.student(id);
      long attempt = attemptId(s.browser().upload(s.csrf(), fx.sheet(id)));
      HttpResponse<String> page = s.browser().get("/student/attempts/" + attempt);
      assertThat(page.statusCode()).isEqualTo(200);
      Store.AttemptRow row = portal.store.attempt(attempt).orElseThrow();
      String expected = fx.expectedScore.get(id);
      if (expected.isEmpty()) {
        assertThat(row.status()).isEqualTo("failed");
      } else {
        assertThat(row.status()).isEqualTo("graded");
        assertThat(row.score()).as(id).isEqualTo(Double.parseDouble(expected));
      }
      String cliReport = Files.readString(fx.results.resolve(id).resolve("report.html"), StandardCharsets.UTF_8);
      assertThat(row.reportHtml()).as("the report of " + id).isEqualTo(cliReport);
      assertThat(page.body()).contains("id=\"back\"");
      assertThat(portal.store.content(attempt)).isEqualTo(Files.readAllBytes(fx.sheet(id)));
    }
  }

  @Test
  void studentPagesOfferTheirOwnSheetAndTemplates() throws Exception {
    TestPortal.Signed s = portal.student("p010");
    HttpResponse<String> home = s.browser().get("/student");
    assertThat(home.body()).contains("p010").contains("upload-form").contains("Attempts: 0 used of 3");
    HttpResponse<byte[]> xlsx = s.browser().getBytes("/student/answers.xlsx");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(xlsx.body()).isEqualTo(Files.readAllBytes(fx.set.resolve("handout/p010/answers.xlsx")));
    assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
    HttpResponse<byte[]> csv = s.browser().getBytes("/student/answers.csv");
    assertThat(csv.body()).isEqualTo(Files.readAllBytes(fx.set.resolve("handout/p010/answers.csv")));
    HttpResponse<String> problem = s.browser().get("/student/problem");
    assertThat(problem.body()).isEqualTo(Files.readString(fx.set.resolve("handout/p010/problem.html")));
  }

  @Test
  void aBadFileIsAnsweredWithItsReasonStoredAsFailedAndUsesNoAttempt() {
    TestPortal.Signed s = portal.student("p011");
    long attempt = attemptId(s.browser().upload(s.csrf(), "notes.csv", "hello,world\n1,2\n".getBytes(StandardCharsets.UTF_8)));
    Store.AttemptRow row = portal.store.attempt(attempt).orElseThrow();
    assertThat(row.status()).isEqualTo("failed");
    assertThat(row.usesAttempt()).isFalse();
    assertThat(row.error()).contains("notes.csv");
    assertThat(s.browser().get("/student/attempts/" + attempt).body()).contains("could not be graded");
    assertThat(s.browser().get("/student").body()).contains("Attempts: 0 used of 3").contains("not graded: notes.csv");
  }

  @Test
  void theAttemptLimitRefusesTheFourthGradedUploadAndTheBestAttemptCounts() throws Exception {
    TestPortal.Signed s = portal.student("p012");
    byte[] blank = Files.readAllBytes(fx.set.resolve("handout/p012/answers.csv"));
    long good = attemptId(s.browser().upload(s.csrf(), fx.sheet("p012")));
    long empty1 = attemptId(s.browser().upload(s.csrf(), "answers.csv", blank));
    long empty2 = attemptId(s.browser().upload(s.csrf(), "answers.csv", blank));
    assertThat(portal.store.attempt(empty1).orElseThrow().status()).isEqualTo("graded");
    HttpResponse<String> fourth = s.browser().upload(s.csrf(), fx.sheet("p012"));
    assertThat(fourth.statusCode()).isEqualTo(403);
    assertThat(fourth.body()).contains("used all 3 attempts");
    assertThat(portal.store.attempts("p012")).hasSize(3);
    String home = s.browser().get("/student").body();
    assertThat(home).contains("You have used all your attempts").doesNotContain("upload-form");
    List<Store.AttemptRow> mine = portal.store.attempts("p012");
    assertThat(mine.get(0).score()).isGreaterThan(mine.get(2).score());
    assertThat(home).containsPattern("<td>1</td>.*\\(counts\\)");
    assertThat(empty2).isGreaterThan(good);
  }

  @Test
  void theUploadRateIsLimitedPerStudent() {
    TestPortal.Signed s = portal.student("p013");
    byte[] junk = "x\n".getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 4; i++) {
      attemptId(s.browser().upload(s.csrf(), "junk.csv", junk));
    }
    HttpResponse<String> fifth = s.browser().upload(s.csrf(), "junk.csv", junk);
    assertThat(fifth.statusCode()).isEqualTo(429);
    assertThat(fifth.body()).contains("wait a minute");
    assertThat(portal.store.attempts("p013")).hasSize(4);
    // another student is not slowed down
    TestPortal.Signed other = portal.student("p014");
    attemptId(other.browser().upload(other.csrf(), "junk.csv", junk));
  }

  @Test
  void anUploadOverTheSizeLimitIsRefusedAndNotStored() {
    TestPortal.Signed s = portal.student("p015");
    HttpResponse<String> r = s.browser().upload(s.csrf(), "big.csv", new byte[MAX_UPLOAD + 70 * 1024]);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).contains("larger than 64 KB");
    HttpResponse<String> justOver = s.browser().upload(s.csrf(), "big.csv", new byte[MAX_UPLOAD + 10]);
    assertThat(justOver.statusCode()).isEqualTo(413);
    assertThat(portal.store.attempts("p015")).isEmpty();
  }

  @Test
  void everyPostNeedsTheSessionsCsrfToken() throws Exception {
    TestPortal.Signed s = portal.student("p016");
    HttpResponse<String> noToken = s.browser().upload(null, fx.sheet("p016"));
    assertThat(noToken.statusCode()).isEqualTo(403);
    HttpResponse<String> wrong = s.browser().upload("x" + s.csrf(), fx.sheet("p016"));
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(portal.store.attempts("p016")).isEmpty();
    // another student's token is not this session's
    TestPortal.Signed other = portal.student("p017");
    assertThat(s.browser().upload(other.csrf(), fx.sheet("p016")).statusCode()).isEqualTo(403);
    assertThat(s.browser().post("/logout", Map.of()).statusCode()).isEqualTo(403);
    assertThat(s.browser().get("/student").statusCode()).isEqualTo(200);
    assertThat(s.browser().post("/logout", Map.of("csrf", s.csrf())).statusCode()).isEqualTo(200);
    assertThat(s.browser().get("/student").statusCode()).isEqualTo(401);

    Browser prof = portal.browser();
    String dashboard = prof.signInStaff("prof@example.edu", "prof-password-1").body();
    assertThat(prof.post("/staff/regrade", Map.of()).statusCode()).isEqualTo(403);
    assertThat(prof.post("/staff/regrade", Map.of("csrf", Browser.csrf(dashboard))).statusCode()).isEqualTo(200);
    // the sign-in form is tied to the browser that loaded it
    Browser stranger = portal.browser();
    HttpResponse<String> forged = stranger.post("/staff/login",
        Map.of("csrf", "forged", "email", "prof@example.edu", "password", "prof-password-1"));
    assertThat(forged.statusCode()).isEqualTo(403);
  }

  @Test
  void staffSignInRefusesAWrongPasswordAndAnUnknownEmail() {
    assertThat(portal.browser().signInStaff("prof@example.edu", "wrong-password").statusCode()).isEqualTo(401);
    HttpResponse<String> unknown = portal.browser().signInStaff("nobody@example.edu", "prof-password-1");
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(unknown.body()).contains("Wrong email or password");
    assertThat(portal.store.auditTrail(500)).anyMatch(a -> a.action().equals("staff-sign-in-refused"));
  }

  @Test
  void everyRouteChecksWhoIsAsking() throws Exception {
    TestPortal.Signed alice = portal.student("p020");
    TestPortal.Signed bob = portal.student("p021");
    long alicesAttempt = attemptId(alice.browser().upload(alice.csrf(), fx.sheet("p020")));
    Browser anonymous = portal.browser();
    Browser ta = portal.browser();
    assertThat(ta.signInStaff("ta@example.edu", "ta-password-1").statusCode()).isEqualTo(200);
    Browser prof = portal.browser();
    String profCsrf = Browser.csrf(prof.signInStaff("prof@example.edu", "prof-password-1").body());

    for (String path : List.of("/student", "/student/problem", "/student/answers.xlsx",
        "/student/answers.csv", "/student/attempts/" + alicesAttempt)) {
      assertThat(anonymous.get(path).statusCode()).as("anonymous " + path).isEqualTo(401);
      assertThat(ta.get(path).statusCode()).as("ta " + path).isEqualTo(403);
      assertThat(alice.browser().get(path).statusCode()).as("alice " + path).isEqualTo(200);
    }
    // Bob cannot see Alice's attempt: it looks like no attempt at all
    HttpResponse<String> peek = bob.browser().get("/student/attempts/" + alicesAttempt);
    assertThat(peek.statusCode()).isEqualTo(404);
    assertThat(peek.body()).doesNotContain("p020");
    assertThat(bob.browser().get("/student/attempts/999999").statusCode()).isEqualTo(404);
    assertThat(bob.browser().get("/student/attempts/abc").statusCode()).isEqualTo(404);
    assertThat(bob.browser().get("/student").body()).doesNotContain("p020");
    assertThat(anonymous.upload("x", fx.sheet("p020")).statusCode()).isEqualTo(401);

    for (String path : List.of("/staff", "/staff/summary", "/staff/students/p020",
        "/staff/attempts/" + alicesAttempt, "/staff/attempts/" + alicesAttempt + "/file",
        "/staff/export/canvas", "/staff/export/grades.csv")) {
      HttpResponse<String> a = anonymous.get(path);
      assertThat(a.statusCode()).as("anonymous " + path).isEqualTo(303);
      assertThat(a.headers().firstValue("Location")).contains("/staff/login");
      assertThat(alice.browser().get(path).statusCode()).as("student " + path).isEqualTo(403);
      assertThat(ta.get(path).statusCode()).as("ta " + path).isEqualTo(200);
      assertThat(prof.get(path).statusCode()).as("instructor " + path).isEqualTo(200);
    }
    assertThat(anonymous.post("/staff/regrade", Map.of("csrf", "x")).statusCode()).isEqualTo(401);
    assertThat(alice.browser().post("/staff/regrade", Map.of("csrf", alice.csrf())).statusCode()).isEqualTo(403);
    String taCsrf = Browser.csrf(ta.get("/staff").body());
    assertThat(ta.post("/staff/regrade", Map.of("csrf", taCsrf)).statusCode()).isEqualTo(403);
    assertThat(prof.post("/staff/regrade", Map.of("csrf", profCsrf)).statusCode()).isEqualTo(200);
    assertThat(prof.get("/staff/students/nobody").statusCode()).isEqualTo(404);
    assertThat(prof.get("/staff/attempts/999999").statusCode()).isEqualTo(404);
    assertThat(prof.get("/staff/export/excel").statusCode()).isEqualTo(404);
    assertThat(prof.getBytes("/staff/attempts/" + alicesAttempt + "/file").body())
        .isEqualTo(Files.readAllBytes(fx.sheet("p020")));
    assertThat(prof.get("/staff/students/p020").body()).contains("original file");
  }

  @Test
  void aReissuedLinkReplacesTheOldOneAndSignsOutItsSessions() {
    String first = portal.invite("p030");
    Browser b = portal.browser();
    b.signInStudent(first);
    String second = portal.invite("p030");
    assertThat(b.get("/student").statusCode()).isEqualTo(401);
    HttpResponse<String> old = portal.browser().get(first);
    assertThat(old.statusCode()).isEqualTo(404);
    assertThat(old.body()).contains("not valid");
    assertThat(portal.browser().get(second).statusCode()).isEqualTo(303);
    portal.store.revokeInvites("p030", java.time.Instant.now());
    assertThat(portal.browser().get(second).statusCode()).isEqualTo(404);
    assertThat(portal.browser().get("/s/" + "A".repeat(200)).statusCode()).isEqualTo(404);
  }

  @Test
  void everyAnswerCarriesSecurityHeadersAndCookiesAreHttpOnlySameSite() {
    Browser b = portal.browser();
    for (String path : List.of("/healthz", "/staff/login", "/nowhere", "/s/nothing", "/student", "/")) {
      HttpResponse<String> r = b.get(path);
      assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).contains(PortalServer.CSP);
      assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
    }
    HttpResponse<String> link = b.get(portal.invite("p031"));
    String cookie = link.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
    HttpResponse<String> missing = b.get("/nowhere");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).doesNotContain("Exception").doesNotContain("Endpoint");
  }

  @Test
  void healthReportsTheDatabase() {
    HttpResponse<String> r = portal.browser().get("/healthz");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("{\"status\":\"ok\",\"database\":\"h2\",\"database_up\":true}");
  }

  @Test
  void signInsUploadsAndExportsAreAudited() throws Exception {
    TestPortal.Signed s = portal.student("p040");
    attemptId(s.browser().upload(s.csrf(), fx.sheet("p040")));
    Browser prof = portal.browser();
    prof.signInStaff("prof@example.edu", "prof-password-1");
    assertThat(prof.get("/staff/export/moodle").statusCode()).isEqualTo(200);
    List<Store.AuditRow> trail = portal.store.auditTrail(1000);
    assertThat(trail).anyMatch(a -> a.action().equals("sign-in") && "p040".equals(a.actor()));
    assertThat(trail).anyMatch(a -> a.action().equals("upload") && "p040".equals(a.actor())
        && a.detail().contains(fx.sheet("p040").getFileName().toString()));
    assertThat(trail).anyMatch(a -> a.action().equals("staff-sign-in") && "prof@example.edu".equals(a.actor()));
    assertThat(trail).anyMatch(a -> a.action().equals("export") && a.detail().startsWith("moodle"));
  }

  @Test
  void uploadedFileNamesLoseTheirFolders() {
    assertThat(PortalServer.fileName("C:\\Users\\x\\answers.xlsx")).isEqualTo("answers.xlsx");
    assertThat(PortalServer.fileName("../../etc/passwd")).isEqualTo("passwd");
    assertThat(PortalServer.fileName("a\u0000b.csv")).isEqualTo("ab.csv");
    assertThat(PortalServer.fileName("/")).isEqualTo("upload");
    assertThat(PortalServer.fileName("x".repeat(300) + ".csv")).hasSize(200).endsWith(".csv");
  }
}
