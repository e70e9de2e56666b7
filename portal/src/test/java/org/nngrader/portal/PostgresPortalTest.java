package org.nngrader.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The same portal code on PostgreSQL: sign in, upload, report, another student's 404, restart. */
class PostgresPortalTest {

  @Test
  void theStudentFlowRunsOnPostgresqlAndSurvivesARestart() throws Exception {
    ClassFixture fx = ClassFixture.get();
    String url = TestDatabases.freshPostgres();
    long attempt;
    try (TestPortal portal = TestPortal.start(url, fx.set, PortalSettings.defaults())) {
      assertThat(portal.browser().get("/healthz").body()).contains("\"database\":\"postgresql\"");
      for (String id : java.util.List.of("p001", "p002", "p003", "p004")) {
        TestPortal.Signed s = portal.student(id);
        HttpResponse<String> r = s.browser().upload(s.csrf(), fx.sheet(id));
        assertThat(r.statusCode()).isEqualTo(303);
        Store.AttemptRow row = portal.store.attempts(id).get(0);
        String expected = fx.expectedScore.get(id);
        if (!expected.isEmpty()) {
          assertThat(row.score()).isEqualTo(Double.parseDouble(expected));
        }
        assertThat(row.reportHtml()).isEqualTo(Files.readString(fx.results.resolve(id).resolve("report.html")));
      }
      attempt = portal.store.attempts("p001").get(0).id();
      TestPortal.Signed other = portal.student("p002");
      assertThat(other.browser().get("/student/attempts/" + attempt).statusCode()).isEqualTo(404);
    }
    try (TestPortal again = TestPortal.start(url, fx.set, PortalSettings.defaults())) {
      assertThat(again.store.allAttempts()).hasSize(4);
      TestPortal.Signed s = again.student("p001");
      assertThat(s.browser().get("/student/attempts/" + attempt).statusCode()).isEqualTo(200);
    }
  }
}
