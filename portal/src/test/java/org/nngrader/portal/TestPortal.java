package org.nngrader.portal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.security.crypto.bcrypt.BCrypt;

/** A portal on a loopback port over one database, for in-process HTTP tests. */
final class TestPortal implements AutoCloseable {

  /** A clock a test moves by hand (deadlines), never by sleeping. */
  static final class MovableClock extends Clock {
    final AtomicReference<Instant> now;

    MovableClock(Instant start) {
      now = new AtomicReference<>(start);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  final Database db;
  final PortalServer server;
  final Store store;
  final Clock clock;

  private TestPortal(Database db, PortalServer server, Clock clock) {
    this.db = db;
    this.server = server;
    this.store = server.store();
    this.clock = clock;
  }

  static TestPortal start(String url, Path set, PortalSettings settings, Clock clock) {
    Database db = Database.open(url, 8);
    return new TestPortal(db, PortalServer.start(db, PortalSet.read(set), settings, "127.0.0.1", 0, clock), clock);
  }

  static TestPortal start(String url, Path set, PortalSettings settings) {
    return start(url, set, settings, Clock.systemUTC());
  }

  static String memoryH2(String name) {
    return "jdbc:h2:mem:" + name + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
  }

  int port() {
    return server.port();
  }

  Browser browser() {
    return new Browser(port());
  }

  /** A fresh invite link path (/s/TOKEN) for a student. */
  String invite(String studentId) {
    return "/s/" + store.issueInvite(studentId, Instant.now());
  }

  void addStaff(String email, String role, String password) {
    store.putStaff(email, role, BCrypt.hashpw(password, BCrypt.gensalt(4)), Instant.now());
  }

  /** A browser signed in as the student; returns it with the home page's CSRF token. */
  Signed student(String id) {
    Browser b = browser();
    String home = b.signInStudent(invite(id));
    return new Signed(b, Browser.csrf(home));
  }

  record Signed(Browser browser, String csrf) {}

  @Override
  public void close() {
    server.close();
    db.close();
  }
}
