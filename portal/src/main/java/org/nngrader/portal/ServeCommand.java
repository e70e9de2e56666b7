package org.nngrader.portal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.nngrader.cli.Main;
import org.nngrader.cli.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nngrader serve}: runs the portal until stopped (Ctrl-C or SIGTERM). */
@Command(name = "serve", description = "Run the student portal: upload a sheet, read the report at once.")
final class ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin PortalOptions options = new PortalOptions();

  @Option(names = "--set", required = true, paramLabel = "SET", description = "Problem set folder.")
  Path set;

  @Option(names = "--port", defaultValue = "8080", paramLabel = "P", description = "Port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
      description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 behind a proxy on another machine).")
  String host;

  @Option(names = "--base-url", paramLabel = "URL", description = "The address students reach (https makes cookies Secure).")
  String baseUrl;

  @Option(names = "--attempts", defaultValue = "0", paramLabel = "N", description = "Attempts per student (default: 0, no limit).")
  int attempts;

  @Option(names = "--deadline", paramLabel = "TIME", description = "Deadline, e.g. 2026-12-15T23:59:00Z.")
  String deadline;

  @Option(names = "--late", defaultValue = "accept", paramLabel = "accept|refuse",
      description = "After the deadline: accept (flagged late, scored by the rubric's late policy) or refuse.")
  String late;

  @Option(names = "--counts", defaultValue = "last", paramLabel = "last|best", description = "Which graded attempt counts.")
  String counts;

  @Option(names = "--failed-uses-attempt", description = "A file that cannot be graded uses up an attempt.")
  boolean failedUsesAttempt;

  @Option(names = "--max-upload-kb", defaultValue = "2048", paramLabel = "KB", description = "Largest sheet accepted.")
  int maxUploadKb;

  @Option(names = "--uploads-per-minute", defaultValue = "6", paramLabel = "N", description = "Uploads per student per minute.")
  int uploadsPerMinute;

  @Option(names = "--pool", defaultValue = "10", paramLabel = "N", description = "Database connections.")
  int pool;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PortalSet portalSet = PortalOptions.set(set);
    PortalSettings settings = settings();
    Database db = options.open(pool);
    PortalServer server;
    try {
      server = PortalServer.start(db, portalSet, settings, host, port, Clock.systemUTC());
    } catch (RuntimeException e) {
      db.close();
      throw new UsageException("cannot listen on " + host + ":" + port + " (" + e.getMessage()
          + "); choose another --port", e);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      db.close();
      stopped.countDown();
    }, "nngrader-stop"));
    out.println("nngrader portal for " + portalSet.template().id() + " (" + portalSet.students().size()
        + " students) on http://" + host + ":" + server.port() + "/ ; database " + db.describe());
    out.println("Student links: nngrader invite --set " + set + " --base-url "
        + (baseUrl == null ? "https://YOUR-HOST" : baseUrl) + " --out links.csv"
        + (options.db == null ? " --data " + options.data : " --db JDBC_URL"));
    out.println("Staff accounts: nngrader staff add --email E --role instructor|ta; sign in at /staff/login. Stop with Ctrl-C.");
    out.flush();
    stopped.await();
    return Main.EXIT_OK;
  }

  PortalSettings settings() {
    Instant due = null;
    if (deadline != null) {
      try {
        due = Instant.parse(deadline);
      } catch (DateTimeParseException e) {
        throw new UsageException("--deadline " + deadline + ": not a time; write it like 2026-12-15T23:59:00Z (UTC)");
      }
    }
    String l = late.toLowerCase(Locale.ROOT);
    if (!l.equals("accept") && !l.equals("refuse")) {
      throw new UsageException("--late " + late + ": must be accept or refuse");
    }
    PortalSettings.Counts c;
    try {
      c = PortalSettings.Counts.valueOf(counts.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--counts " + counts + ": must be last or best");
    }
    boolean secure = baseUrl != null && PortalOptions.baseUrl(baseUrl).startsWith("https://");
    try {
      return new PortalSettings(attempts, due, l.equals("refuse"), c, failedUsesAttempt,
          Math.multiplyExact(maxUploadKb, 1024), uploadsPerMinute, secure);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }
}
