package org.nngrader.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The deadline: late uploads accepted (flagged, scored by the rubric's late policy) or refused. */
class DeadlineTest {

  static final Instant DEADLINE = Instant.parse("2026-12-15T23:59:00Z");

  @Test
  void aLateUploadIsFlaggedAndLosesWhatTheRubricSays() throws Exception {
    ClassFixture fx = ClassFixture.get();
    String id = fx.expectedScore.entrySet().stream().filter(e -> !e.getValue().isEmpty()
        && Double.parseDouble(e.getValue()) > 0).findFirst().orElseThrow().getKey();
    TestPortal.MovableClock clock = new TestPortal.MovableClock(DEADLINE.minusSeconds(3600));
    try (TestPortal portal = TestPortal.start(TestPortal.memoryH2("late"), fx.set,
        new PortalSettings(0, DEADLINE, false, PortalSettings.Counts.LAST, false, 1 << 20, 10, false), clock)) {
      TestPortal.Signed s = portal.student(id);
      assertThat(s.browser().upload(s.csrf(), fx.sheet(id)).statusCode()).isEqualTo(303);
      clock.now.set(DEADLINE.plusSeconds(60));
      assertThat(s.browser().get("/student").body()).contains("passed: uploads are accepted and marked late");
      assertThat(s.browser().upload(s.csrf(), fx.sheet(id)).statusCode()).isEqualTo(303);
      Store.AttemptRow onTime = portal.store.attempts(id).get(0);
      Store.AttemptRow late = portal.store.attempts(id).get(1);
      assertThat(onTime.late()).isFalse();
      assertThat(onTime.score()).isEqualTo(Double.parseDouble(fx.expectedScore.get(id)));
      assertThat(late.late()).isTrue();
      assertThat(late.flags()).contains("late");
      // fraction-off 0.5 of the maximum, never below 0
      assertThat(late.score()).isEqualTo(Math.max(0, onTime.score() - 0.5 * onTime.maxScore()));
      assertThat(s.browser().get("/student").body()).contains("late</span>");
    }
  }

  @Test
  void withRefuseNoUploadIsTakenAfterTheDeadline() throws Exception {
    ClassFixture fx = ClassFixture.get();
    TestPortal.MovableClock clock = new TestPortal.MovableClock(DEADLINE.plusSeconds(1));
    try (TestPortal portal = TestPortal.start(TestPortal.memoryH2("refuse"), fx.set,
        new PortalSettings(0, DEADLINE, true, PortalSettings.Counts.LAST, false, 1 << 20, 10, false), clock)) {
      TestPortal.Signed s = portal.student("p003");
      assertThat(s.browser().get("/student").body()).contains("The deadline has passed").doesNotContain("upload-form");
      HttpResponse<String> r = s.browser().upload(s.csrf(), fx.sheet("p003"));
      assertThat(r.statusCode()).isEqualTo(403);
      assertThat(r.body()).contains("the deadline (2026-12-15T23:59:00Z) has passed");
      assertThat(portal.store.attempts("p003")).isEmpty();
      assertThat(portal.store.auditTrail(10)).anyMatch(a -> a.action().equals("upload-refused"));
    }
  }
}
