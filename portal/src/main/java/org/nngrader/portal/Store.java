package org.nngrader.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Every read and write of the portal's state, in SQL that H2 and PostgreSQL both run. All state
 * lives here, none in the server's memory, so several servers can share one database. Each
 * method is one transaction. Thread-safe.
 */
public final class Store {

  /** A student of the set as the portal knows them. */
  public record StudentRow(String id, String name, String email) {}

  /** A staff account; {@code passwordHash} is a BCrypt hash. */
  public record StaffRow(String email, String role, String passwordHash) {}

  /** A signed-in session: {@code kind} is student or staff, {@code subject} the id or email. */
  public record SessionRow(String kind, String subject, String csrf) {}

  /** A new session: the secret for the cookie and the CSRF token of its forms. */
  public record NewSession(String token, String csrf) {}

  /** One upload (without its bytes). {@code status} is stored, graded or failed. */
  public record AttemptRow(long id, String studentId, String fileName, Instant uploadedAt,
      boolean late, String status, boolean usesAttempt, Double score, Double maxScore,
      String error, String flags, String reportHtml, String reportJson) {}

  /** What happened to an upload: stored (with its id) or refused with the reason. */
  public record Stored(long id, String refusal) {
    boolean accepted() {
      return refusal == null;
    }
  }

  /** One row of the audit trail. */
  public record AuditRow(Instant at, String actor, String action, String detail) {}

  private final Jdbi jdbi;

  public Store(Database db) {
    this.jdbi = db.jdbi();
  }

  private static OffsetDateTime t(Instant i) {
    return i == null ? null : OffsetDateTime.ofInstant(i.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime o = rs.getObject(column, OffsetDateTime.class);
    return o == null ? null : o.toInstant();
  }

  /** Whether the database answers. */
  public boolean ping() {
    return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
  }

  /** Adds the set's students that are new and updates names and emails of the others. */
  public void syncStudents(List<StudentRow> students) {
    jdbi.useTransaction(h -> {
      for (StudentRow s : students) {
        int n = h.createUpdate("UPDATE student SET name = :name, email = :email WHERE id = :id")
            .bind("id", s.id()).bind("name", s.name()).bind("email", s.email()).execute();
        if (n == 0) {
          h.createUpdate("INSERT INTO student (id, name, email) VALUES (:id, :name, :email)")
              .bind("id", s.id()).bind("name", s.name()).bind("email", s.email()).execute();
        }
      }
    });
  }

  public List<StudentRow> students() {
    return jdbi.withHandle(h -> h.createQuery("SELECT id, name, email FROM student ORDER BY id")
        .map((rs, c) -> new StudentRow(rs.getString("id"), rs.getString("name"), rs.getString("email")))
        .list());
  }

  public Optional<StudentRow> student(String id) {
    return jdbi.withHandle(h -> h.createQuery("SELECT id, name, email FROM student WHERE id = :id")
        .bind("id", id)
        .map((rs, c) -> new StudentRow(rs.getString("id"), rs.getString("name"), rs.getString("email")))
        .findOne());
  }

  /** A new sign-in link token for the student; every earlier link (and its sessions) stops working. */
  public String issueInvite(String studentId, Instant now) {
    String token = Tokens.newToken();
    jdbi.useTransaction(h -> {
      revoke(h, studentId, now);
      h.createUpdate("INSERT INTO invite (token_hash, student_id, created_at) VALUES (:h, :s, :t)")
          .bind("h", Tokens.hash(token)).bind("s", studentId).bind("t", t(now)).execute();
    });
    return token;
  }

  /** Revokes every link of the student; returns how many were live. */
  public int revokeInvites(String studentId, Instant now) {
    return jdbi.inTransaction(h -> revoke(h, studentId, now));
  }

  /** Revoking a student's links also signs out the sessions those links opened. */
  private static int revoke(Handle h, String studentId, Instant now) {
    h.createUpdate("DELETE FROM web_session WHERE kind = 'student' AND subject = :s")
        .bind("s", studentId).execute();
    return h.createUpdate("UPDATE invite SET revoked_at = :t WHERE student_id = :s AND revoked_at IS NULL")
        .bind("t", t(now)).bind("s", studentId).execute();
  }

  /** The student a live invite token belongs to. */
  public Optional<String> inviteStudent(String token) {
    return jdbi.withHandle(h -> h.createQuery(
            "SELECT student_id FROM invite WHERE token_hash = :h AND revoked_at IS NULL")
        .bind("h", Tokens.hash(token)).mapTo(String.class).findOne());
  }

  /** Creates the account, or sets the role and password of an existing one. */
  public void putStaff(String email, String role, String passwordHash, Instant now) {
    jdbi.useTransaction(h -> {
      int n = h.createUpdate("UPDATE staff SET role = :r, password_hash = :p WHERE email = :e")
          .bind("e", email).bind("r", role).bind("p", passwordHash).execute();
      if (n == 0) {
        h.createUpdate("INSERT INTO staff (email, role, password_hash, created_at) VALUES (:e, :r, :p, :t)")
            .bind("e", email).bind("r", role).bind("p", passwordHash).bind("t", t(now)).execute();
      }
    });
  }

  public Optional<StaffRow> staff(String email) {
    return jdbi.withHandle(h -> h.createQuery("SELECT email, role, password_hash FROM staff WHERE email = :e")
        .bind("e", email)
        .map((rs, c) -> new StaffRow(rs.getString("email"), rs.getString("role"), rs.getString("password_hash")))
        .findOne());
  }

  public NewSession newSession(String kind, String subject, Instant now, Duration ttl) {
    String token = Tokens.newToken();
    String csrf = Tokens.newToken();
    jdbi.useHandle(h -> h.createUpdate("INSERT INTO web_session (id_hash, kind, subject, csrf, "
            + "created_at, expires_at) VALUES (:h, :k, :s, :c, :t, :x)")
        .bind("h", Tokens.hash(token)).bind("k", kind).bind("s", subject).bind("c", csrf)
        .bind("t", t(now)).bind("x", t(now.plus(ttl))).execute());
    return new NewSession(token, csrf);
  }

  public Optional<SessionRow> session(String token, Instant now) {
    return jdbi.withHandle(h -> h.createQuery("SELECT kind, subject, csrf FROM web_session "
            + "WHERE id_hash = :h AND expires_at > :t")
        .bind("h", Tokens.hash(token)).bind("t", t(now))
        .map((rs, c) -> new SessionRow(rs.getString("kind"), rs.getString("subject"), rs.getString("csrf")))
        .findOne());
  }

  public void endSession(String token) {
    jdbi.useHandle(h -> h.createUpdate("DELETE FROM web_session WHERE id_hash = :h")
        .bind("h", Tokens.hash(token)).execute());
  }

  /**
   * Stores an upload's original bytes before anything reads them, in one transaction that also
   * checks the attempt limit and the upload rate (the student's row is locked, so two uploads
   * of one student, on any server, are counted one after the other).
   *
   * @param limit attempts a student may use (0: no limit)
   * @param perMinute uploads a student may make in a minute
   */
  public Stored storeAttempt(String studentId, String fileName, byte[] content, Instant now,
      boolean late, int limit, int perMinute) {
    return jdbi.inTransaction(h -> {
      h.createQuery("SELECT id FROM student WHERE id = :s FOR UPDATE").bind("s", studentId)
          .mapTo(String.class).one();
      int recent = h.createQuery("SELECT COUNT(*) FROM attempt WHERE student_id = :s AND uploaded_at > :t")
          .bind("s", studentId).bind("t", t(now.minusSeconds(60))).mapTo(Integer.class).one();
      if (recent >= perMinute) {
        return new Stored(-1, "you have uploaded " + recent + " sheets in the last minute; wait a "
            + "minute and upload again");
      }
      if (limit > 0) {
        int used = h.createQuery("SELECT COUNT(*) FROM attempt WHERE student_id = :s AND uses_attempt")
            .bind("s", studentId).mapTo(Integer.class).one();
        if (used >= limit) {
          return new Stored(-1, "you have used all " + limit + " attempt" + (limit == 1 ? "" : "s")
              + "; your earlier reports are below");
        }
      }
      long id = h.createUpdate("INSERT INTO attempt (student_id, file_name, content, uploaded_at, "
              + "late, status, uses_attempt) VALUES (:s, :f, :c, :t, :l, 'stored', TRUE)")
          .bind("s", studentId).bind("f", fileName).bind("c", content).bind("t", t(now))
          .bind("l", late).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
      return new Stored(id, null);
    });
  }

  /** Records the outcome of grading an attempt (also after a regrade). */
  public void saveGrade(long id, String status, boolean usesAttempt, Double score, Double max,
      String error, String flags, String html, String json, Instant now) {
    jdbi.useHandle(h -> h.createUpdate("UPDATE attempt SET status = :st, uses_attempt = :u, "
            + "score = :sc, max_score = :mx, error = :e, flags = :fl, report_html = :html, "
            + "report_json = :json, graded_at = :t WHERE id = :id")
        .bind("id", id).bind("st", status).bind("u", usesAttempt).bind("sc", score)
        .bind("mx", max).bind("e", error).bind("fl", flags).bind("html", html)
        .bind("json", json).bind("t", t(now)).execute());
  }

  private static final String ATTEMPT_COLUMNS = "id, student_id, file_name, uploaded_at, late, "
      + "status, uses_attempt, score, max_score, error, flags, report_html, report_json";

  private static AttemptRow attempt(ResultSet rs) throws SQLException {
    double score = rs.getDouble("score");
    Double s = rs.wasNull() ? null : score;
    double max = rs.getDouble("max_score");
    Double m = rs.wasNull() ? null : max;
    return new AttemptRow(rs.getLong("id"), rs.getString("student_id"), rs.getString("file_name"),
        instant(rs, "uploaded_at"), rs.getBoolean("late"), rs.getString("status"),
        rs.getBoolean("uses_attempt"), s, m, rs.getString("error"), rs.getString("flags"),
        rs.getString("report_html"), rs.getString("report_json"));
  }

  /** A student's attempts, oldest first. */
  public List<AttemptRow> attempts(String studentId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + ATTEMPT_COLUMNS
            + " FROM attempt WHERE student_id = :s ORDER BY uploaded_at, id")
        .bind("s", studentId).map((rs, c) -> attempt(rs)).list());
  }

  /** Every attempt, by student then time. */
  public List<AttemptRow> allAttempts() {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + ATTEMPT_COLUMNS
            + " FROM attempt ORDER BY student_id, uploaded_at, id")
        .map((rs, c) -> attempt(rs)).list());
  }

  public Optional<AttemptRow> attempt(long id) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + ATTEMPT_COLUMNS + " FROM attempt WHERE id = :id")
        .bind("id", id).map((rs, c) -> attempt(rs)).findOne());
  }

  /** The original bytes of an attempt. */
  public byte[] content(long id) {
    return jdbi.withHandle(h -> h.createQuery("SELECT content FROM attempt WHERE id = :id")
        .bind("id", id).map((rs, c) -> rs.getBytes("content")).one());
  }

  /** Attempts stored but not graded (the server stopped in between): graded on start. */
  public List<Long> ungraded() {
    return jdbi.withHandle(h -> h.createQuery("SELECT id FROM attempt WHERE status = 'stored' ORDER BY id")
        .mapTo(Long.class).list());
  }

  /** Changes whenever an attempt is added or graded: the key of views computed from all attempts. */
  public String attemptsVersion() {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) AS n, MAX(id) AS m, MAX(graded_at) AS g FROM attempt")
        .map((rs, c) -> rs.getLong("n") + "/" + rs.getLong("m") + "/" + instant(rs, "g")).one());
  }

  public void audit(String actor, String action, String detail, String remote, Instant now) {
    jdbi.useHandle(h -> h.createUpdate("INSERT INTO audit (at, actor, action, detail, remote) "
            + "VALUES (:t, :a, :ac, :d, :r)")
        .bind("t", t(now)).bind("a", actor).bind("ac", action).bind("d", detail).bind("r", remote)
        .execute());
  }

  /** The newest audit rows first. */
  public List<AuditRow> auditTrail(int limit) {
    return jdbi.withHandle(h -> h.createQuery("SELECT at, actor, action, detail FROM audit ORDER BY id DESC")
        .setMaxRows(limit)
        .map((rs, c) -> new AuditRow(instant(rs, "at"), rs.getString("actor"), rs.getString("action"),
            rs.getString("detail")))
        .list());
  }
}
