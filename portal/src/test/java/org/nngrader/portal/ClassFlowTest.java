package org.nngrader.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole class through the portal on a database file: 100 students sign in and upload at once;
 * every upload is stored and graded against its own student, none lost or mixed up; the staff
 * exports are byte-identical to {@code nngrader export} of {@code nngrader grade} on the same
 * files; a restart loses nothing and grades what was stored but not graded; a regrade after a
 * rubric change rescores every attempt.
 */
class ClassFlowTest {

  @TempDir Path tmp;

  @Test
  void aWholeClassUploadsAtOnceAndTheResultsMatchTheCommandLine() throws Exception {
    ClassFixture fx = ClassFixture.get();
    Path set = fx.copyOfSet(tmp.resolve("set"));
    String url = Database.h2Url(tmp.resolve("data"));
    PortalSettings settings = PortalSettings.defaults();
    List<String> ids = new ArrayList<>(fx.expectedScore.keySet());
    assertThat(ids).hasSize(ClassFixture.STUDENTS);

    try (TestPortal portal = TestPortal.start(url, set, settings)) {
      Map<String, String> links = new java.util.HashMap<>();
      ids.forEach(id -> links.put(id, portal.invite(id)));
      ExecutorService pool = Executors.newFixedThreadPool(25);
      try {
        List<Future<HttpResponse<String>>> uploads = new ArrayList<>();
        for (String id : ids) {
          uploads.add(pool.submit(() -> {
            Browser b = portal.browser();
            String csrf = Browser.csrf(b.signInStudent(links.get(id)));
            return b.upload(csrf, fx.sheet(id));
          }));
        }
        for (Future<HttpResponse<String>> f : uploads) {
          assertThat(f.get().statusCode()).as(f.get().body()).isEqualTo(303);
        }
      } finally {
        pool.shutdownNow();
      }
      checkEveryStudentOnce(portal.store, fx, ids);

      Browser ta = portal.browser();
      portal.addStaff("ta@example.edu", "ta", "ta-password-1");
      String dashboard = ta.signInStaff("ta@example.edu", "ta-password-1").body();
      assertThat(dashboard).contains("100 students; 100 have handed in").contains("Not handed in (0)");
      Path cliExports = tmp.resolve("cli");
      Files.createDirectories(cliExports);
      for (String format : List.of("canvas", "moodle", "blackboard", "generic")) {
        Path out = cliExports.resolve(format + ".csv");
        ClassFixture.cli("export", "--results", fx.results.toString(), "--format", format, "--out", out.toString());
        HttpResponse<byte[]> download = ta.getBytes("/staff/export/" + format);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(new String(download.body(), StandardCharsets.UTF_8)).as(format)
            .isEqualTo(Files.readString(out, StandardCharsets.UTF_8));
      }
      for (String file : List.of("grades.csv", "steps.csv")) {
        assertThat(new String(ta.getBytes("/staff/export/" + file).body(), StandardCharsets.UTF_8)).as(file)
            .isEqualTo(Files.readString(fx.results.resolve(file), StandardCharsets.UTF_8));
      }
      assertThat(ta.get("/staff/summary").body()).contains("<svg");
    }

    // A stop between storing and grading: the attempt is stored, not graded.
    long pending;
    try (Database db = Database.open(url, 2)) {
      Store store = new Store(db);
      pending = store.storeAttempt("p001", "again.csv", Files.readAllBytes(fx.set.resolve("handout/p001/answers.csv")),
          Instant.now(), false, 0, 10).id();
      assertThat(store.attempt(pending).orElseThrow().status()).isEqualTo("stored");
    }
    try (TestPortal again = TestPortal.start(url, set, settings)) {
      Store.AttemptRow recovered = again.store.attempt(pending).orElseThrow();
      assertThat(recovered.status()).isEqualTo("graded");
      assertThat(recovered.score()).isEqualTo(0.0);
      assertThat(again.store.allAttempts()).hasSize(ClassFixture.STUDENTS + 1);

      // The instructor doubles every step's points and regrades.
      Files.writeString(set.resolve("rubric.yaml"), ClassFixture.rubricYaml(2));
      again.addStaff("prof@example.edu", "instructor", "prof-password-1");
      Browser prof = again.browser();
      String csrf = Browser.csrf(prof.signInStaff("prof@example.edu", "prof-password-1").body());
      HttpResponse<String> regrade = prof.post("/staff/regrade", Map.of("csrf", csrf));
      assertThat(regrade.body()).contains("Regraded " + (ClassFixture.STUDENTS + 1) + " attempts");
      for (String id : ids) {
        String expected = fx.expectedScore.get(id);
        Store.AttemptRow first = again.store.attempts(id).get(0);
        if (!expected.isEmpty()) {
          assertThat(first.score()).as(id).isEqualTo(2 * Double.parseDouble(expected));
        }
      }
    }
  }

  private static void checkEveryStudentOnce(Store store, ClassFixture fx, List<String> ids) throws Exception {
    for (String id : ids) {
      List<Store.AttemptRow> mine = store.attempts(id);
      assertThat(mine).as(id).hasSize(1);
      Store.AttemptRow a = mine.get(0);
      assertThat(a.fileName()).isEqualTo(fx.sheet(id).getFileName().toString());
      assertThat(store.content(a.id())).isEqualTo(Files.readAllBytes(fx.sheet(id)));
      String expected = fx.expectedScore.get(id);
      if (expected.isEmpty()) {
        assertThat(a.status()).as(id).isEqualTo("failed");
      } else {
        assertThat(a.status()).as(id).isEqualTo("graded");
        assertThat(a.score()).as(id).isEqualTo(Double.parseDouble(expected));
      }
      assertThat(a.reportHtml()).isEqualTo(Files.readString(fx.results.resolve(id).resolve("report.html")));
    }
  }
}
