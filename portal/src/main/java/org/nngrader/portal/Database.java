package org.nngrader.portal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;

/**
 * The portal's database: a HikariCP pool on H2 (a file under the data folder, the default) or
 * PostgreSQL, migrated by Flyway to the newest schema on open (a newer nngrader migrates an
 * older database; migrations never change once released). Thread-safe; close it once.
 */
public final class Database implements AutoCloseable {

  private final HikariDataSource pool;
  private final Jdbi jdbi;
  private final boolean postgres;
  private final String url;

  private Database(String url, HikariDataSource pool) {
    this.url = url;
    this.pool = pool;
    this.postgres = url.startsWith("jdbc:postgresql:");
    this.jdbi = Jdbi.create(pool);
  }

  /** The JDBC URL of the embedded H2 database in {@code data}. */
  public static String h2Url(Path data) {
    // AUTO_SERVER lets 'nngrader invite' and 'staff add' use the file while 'serve' runs.
    return "jdbc:h2:file:" + data.toAbsolutePath().normalize().resolve("portal")
        + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=20000";
  }

  /**
   * Opens (and migrates) the database at {@code url}.
   *
   * @throws IllegalArgumentException when the URL is of an unsupported kind
   * @throws IllegalStateException when the database cannot be reached or migrated, naming the URL
   */
  public static Database open(String url, int poolSize) {
    if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("--db " + url + ": not a database nngrader supports; "
          + "pass jdbc:postgresql://HOST/DB?user=U&password=P, or leave --db out for the embedded H2 database");
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(poolSize);
    config.setPoolName("nngrader");
    config.setInitializationFailTimeout(10_000);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot connect to the database " + redact(url) + " ("
          + rootMessage(e) + "); check --db and that the database server is running", e);
    }
    boolean pg = url.startsWith("jdbc:postgresql:");
    try {
      Flyway.configure()
          .dataSource(pool)
          .locations("classpath:db/migration")
          .placeholders(Map.of("bytes", pg ? "BYTEA" : "BLOB", "text", pg ? "TEXT" : "CLOB"))
          .load()
          .migrate();
    } catch (FlywayException e) {
      pool.close();
      throw new IllegalStateException("cannot migrate the database " + redact(url) + " ("
          + rootMessage(e) + ")", e);
    }
    return new Database(url, pool);
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public boolean postgres() {
    return postgres;
  }

  /** The URL without its password, for messages and the health report. */
  public String describe() {
    return redact(url);
  }

  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  @Override
  public void close() {
    pool.close();
  }
}
