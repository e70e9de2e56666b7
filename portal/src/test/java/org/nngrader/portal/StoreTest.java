package org.nngrader.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The repository on both databases: the same SQL, the same answers. */
class StoreTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  private static Database open(String kind) {
    return Database.open(TestDatabases.url(kind), 4);
  }

  private static Store withStudents(Database db) {
    Store store = new Store(db);
    store.syncStudents(List.of(new Store.StudentRow("a1", "Ann", "a1@example.edu"),
        new Store.StudentRow("b2", "Bo", null)));
    return store;
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void studentsAreAddedAndUpdatedAndMigrationsRunOnce(String kind) {
    String url = TestDatabases.url(kind);
    try (Database db = Database.open(url, 2)) {
      Store store = withStudents(db);
      store.syncStudents(List.of(new Store.StudentRow("a1", "Ann Lee", "ann@example.edu")));
      assertThat(store.students()).containsExactly(new Store.StudentRow("a1", "Ann Lee", "ann@example.edu"),
          new Store.StudentRow("b2", "Bo", null));
      assertThat(db.postgres()).isEqualTo(kind.equals("postgresql"));
      assertThat(store.ping()).isTrue();
    }
    try (Database again = Database.open(url, 2)) {
      assertThat(new Store(again).student("b2")).isPresent();
      Integer migrations = again.jdbi().withHandle(h -> h.createQuery(
          "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '1' AND \"success\"").mapTo(Integer.class).one());
      assertThat(migrations).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void inviteTokensAreLongRandomStoredHashedRevocableAndReissuable(String kind) {
    try (Database db = open(kind)) {
      Store store = withStudents(db);
      String first = store.issueInvite("a1", T0);
      assertThat(Base64.getUrlDecoder().decode(first)).hasSizeGreaterThanOrEqualTo(16);
      assertThat(store.inviteStudent(first)).contains("a1");
      List<String> stored = db.jdbi().withHandle(h -> h.createQuery("SELECT token_hash FROM invite").mapTo(String.class).list());
      assertThat(stored).containsExactly(Tokens.hash(first)).doesNotContain(first);
      String second = store.issueInvite("a1", T0.plusSeconds(1));
      assertThat(second).isNotEqualTo(first);
      assertThat(store.inviteStudent(first)).isEmpty();
      assertThat(store.inviteStudent(second)).contains("a1");
      assertThat(store.revokeInvites("a1", T0.plusSeconds(2))).isEqualTo(1);
      assertThat(store.inviteStudent(second)).isEmpty();
      assertThat(store.inviteStudent("nonsense")).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void sessionsExpireAndEnd(String kind) {
    try (Database db = open(kind)) {
      Store store = withStudents(db);
      Store.NewSession s = store.newSession("student", "a1", T0, Duration.ofHours(1));
      assertThat(store.session(s.token(), T0.plusSeconds(60)))
          .contains(new Store.SessionRow("student", "a1", s.csrf()));
      assertThat(store.session(s.token(), T0.plusSeconds(3601))).isEmpty();
      store.endSession(s.token());
      assertThat(store.session(s.token(), T0)).isEmpty();
      store.newSession("student", "a1", T0, Duration.ofHours(1));
      Store.NewSession other = store.newSession("student", "a1", T0, Duration.ofHours(1));
      store.issueInvite("a1", T0);
      assertThat(store.session(other.token(), T0)).as("a new link signs out the old sessions").isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void staffAccountsAreCreatedAndUpdated(String kind) {
    try (Database db = open(kind)) {
      Store store = new Store(db);
      store.putStaff("t@example.edu", "ta", "$2a$hash1", T0);
      store.putStaff("t@example.edu", "instructor", "$2a$hash2", T0);
      assertThat(store.staff("t@example.edu")).contains(new Store.StaffRow("t@example.edu", "instructor", "$2a$hash2"));
      assertThat(store.staff("x@example.edu")).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void attemptsKeepTheirBytesAndCountAgainstLimitAndRate(String kind) {
    try (Database db = open(kind)) {
      Store store = withStudents(db);
      byte[] every = new byte[256 * 4];
      for (int i = 0; i < every.length; i++) {
        every[i] = (byte) i;
      }
      String v0 = store.attemptsVersion();
      Store.Stored a = store.storeAttempt("a1", "s.xlsx", every, T0, false, 2, 3);
      assertThat(a.accepted()).isTrue();
      assertThat(store.attemptsVersion()).isNotEqualTo(v0);
      assertThat(store.content(a.id())).isEqualTo(every);
      assertThat(store.ungraded()).containsExactly(a.id());
      store.saveGrade(a.id(), "graded", true, 3.5, 7.0, null, "late", "<html>", "{}", T0.plusSeconds(1));
      Store.AttemptRow row = store.attempt(a.id()).orElseThrow();
      assertThat(row).isEqualTo(new Store.AttemptRow(a.id(), "a1", "s.xlsx", T0, false, "graded", true,
          3.5, 7.0, null, "late", "<html>", "{}"));
      assertThat(store.ungraded()).isEmpty();
      Store.Stored b = store.storeAttempt("a1", "s.csv", new byte[] {1}, T0.plusSeconds(1), true, 2, 3);
      store.saveGrade(b.id(), "failed", false, null, null, "bad", "", "<html>", "{}", T0);
      Store.Stored c = store.storeAttempt("a1", "s.csv", new byte[] {1}, T0.plusSeconds(2), true, 2, 3);
      assertThat(c.accepted()).isTrue();
      Store.Stored limit = store.storeAttempt("a1", "s.csv", new byte[] {1}, T0.plusSeconds(120), true, 2, 3);
      assertThat(limit.refusal()).contains("used all 2 attempts");
      Store.Stored rate = store.storeAttempt("b2", "s.csv", new byte[] {1}, T0.plusSeconds(3), false, 0, 1);
      assertThat(rate.accepted()).isTrue();
      assertThat(store.storeAttempt("b2", "s.csv", new byte[] {1}, T0.plusSeconds(4), false, 0, 1).refusal())
          .contains("last minute");
      assertThat(store.storeAttempt("b2", "s.csv", new byte[] {1}, T0.plusSeconds(64), false, 0, 1).accepted()).isTrue();
      assertThat(store.attempts("a1")).extracting(Store.AttemptRow::id).containsExactly(a.id(), b.id(), c.id());
      assertThat(store.allAttempts()).hasSize(5);
      assertThat(store.attempt(b.id()).orElseThrow().score()).isNull();
      assertThatThrownBy(() -> store.storeAttempt("nobody", "s.csv", new byte[] {1}, T0, false, 0, 5))
          .isInstanceOf(RuntimeException.class);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void theAuditTrailKeepsEveryEventNewestFirst(String kind) {
    try (Database db = open(kind)) {
      Store store = new Store(db);
      store.audit("a1", "sign-in", "invite link", "127.0.0.1", T0);
      store.audit("a1", "upload", "attempt 1", "127.0.0.1", T0.plusSeconds(1));
      assertThat(store.auditTrail(10)).containsExactly(
          new Store.AuditRow(T0.plusSeconds(1), "a1", "upload", "attempt 1"),
          new Store.AuditRow(T0, "a1", "sign-in", "invite link"));
      assertThat(store.auditTrail(1)).hasSize(1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdbc:mysql://localhost/x", "jdbc:postgresql://127.0.0.1:1/none?user=u&password=secret"})
  void anUnusableDatabaseIsAnsweredWithTheUrlButNotItsPassword(String url) {
    assertThatThrownBy(() -> Database.open(url, 1))
        .isInstanceOfAny(IllegalArgumentException.class, IllegalStateException.class)
        .hasMessageContaining(url.startsWith("jdbc:mysql") ? "not a database nngrader supports" : "cannot connect")
        .hasMessageNotContaining("secret");
  }
}
