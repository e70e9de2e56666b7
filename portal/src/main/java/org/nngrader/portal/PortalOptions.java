package org.nngrader.portal;

import java.nio.file.Path;
import org.nngrader.cli.UsageException;
import picocli.CommandLine.Option;

/** The database options every portal command shares: {@code --db} and {@code --data}. */
final class PortalOptions {

  @Option(names = "--db", paramLabel = "JDBC_URL",
      description = "PostgreSQL database, e.g. jdbc:postgresql://HOST/DB?user=U&password=P "
          + "(default: the embedded H2 database in --data).")
  String db;

  @Option(names = "--data", paramLabel = "DIR", defaultValue = "nngrader-portal",
      description = "Folder of the embedded database (default: ${DEFAULT-VALUE}).")
  Path data;

  String url() {
    return db != null ? db : Database.h2Url(data);
  }

  /** Opens and migrates the database; a failure is the user's to fix (exit code 2). */
  Database open(int poolSize) {
    try {
      return Database.open(url(), poolSize);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  static PortalSet set(Path folder) {
    try {
      return PortalSet.read(folder);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  /** The base URL without a trailing slash, checked. */
  static String baseUrl(String url) {
    if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
      throw new UsageException("--base-url " + url + ": must start with https:// (or http:// "
          + "for a test on this machine), e.g. https://grader.example.edu");
    }
    return url.replaceAll("/+$", "");
  }
}
