package org.nngrader.portal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the repository tests run on: H2 in memory, and a real PostgreSQL named by
 * {@code NNGRADER_TEST_PG_URL} (.ci/run starts one). Without that variable the PostgreSQL tests
 * are skipped on a developer's machine, and fail when {@code CI=true}.
 */
final class TestDatabases {

  static final String PG_ENV = "NNGRADER_TEST_PG_URL";

  private TestDatabases() {}

  static String url(String kind) {
    return switch (kind) {
      case "h2" -> TestPortal.memoryH2("store");
      case "postgresql" -> freshPostgres();
      default -> throw new IllegalArgumentException(kind);
    };
  }

  /** A new, empty PostgreSQL database on the server of {@code NNGRADER_TEST_PG_URL}. */
  static String freshPostgres() {
    String admin = System.getenv(PG_ENV);
    if (admin == null || admin.isBlank()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(PG_ENV + " is not set but CI=true: the PostgreSQL tests must run "
            + "in CI; run them through .ci/run, which starts PostgreSQL");
      }
      Assumptions.abort(PG_ENV + " is not set: PostgreSQL tests skipped (.ci/run starts a server)");
    }
    String name = "nngrader_test_" + System.nanoTime();
    try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database on " + Database.redact(admin), e);
    }
    int q = admin.indexOf('?');
    String base = q < 0 ? admin : admin.substring(0, q);
    String params = q < 0 ? "" : admin.substring(q);
    return base.substring(0, base.lastIndexOf('/') + 1) + name + params;
  }
}
