package org.nngrader.portal;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nngrader.cli.Main;
import org.nngrader.cli.UsageException;
import org.springframework.security.crypto.bcrypt.BCrypt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nngrader staff}: staff accounts of the portal. */
@Command(name = "staff", description = "Manage the portal's staff accounts.",
    subcommands = StaffCommand.Add.class)
final class StaffCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The shortest password accepted. */
  static final int MIN_PASSWORD = 10;

  /**
   * {@code nngrader staff add}: creates an account (or sets a new password and role). The
   * password is asked on the terminal, or read as the first line of standard input, and stored
   * only as a BCrypt hash; it is never printed or logged.
   */
  @Command(name = "add", description = "Add a staff account, or set its role and password.")
  static final class Add implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin PortalOptions options = new PortalOptions();

    @Option(names = "--email", required = true, paramLabel = "E", description = "The staff member's email (their sign-in name).")
    String email;

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "instructor or ta.")
    String role;

    @Override
    public Integer call() throws IOException {
      String e = email.strip().toLowerCase(Locale.ROOT);
      if (!e.matches("[^@\\s]+@[^@\\s]+")) {
        throw new UsageException("--email " + email + ": not an email address");
      }
      String r = role.strip().toLowerCase(Locale.ROOT);
      if (!r.equals("instructor") && !r.equals("ta")) {
        throw new UsageException("--role " + role + ": must be instructor or ta");
      }
      char[] password = password();
      try {
        if (password.length < MIN_PASSWORD) {
          throw new UsageException("the password is " + password.length + " characters; use at least "
              + MIN_PASSWORD);
        }
        String hash = BCrypt.hashpw(new String(password), BCrypt.gensalt(12));
        try (Database db = options.open(2)) {
          Store store = new Store(db);
          store.putStaff(e, r, hash, Instant.now());
          store.audit(null, "staff-added", e + " as " + r, "cli", Instant.now());
        }
      } finally {
        Arrays.fill(password, '\0');
      }
      spec.commandLine().getOut().println("Staff account " + e + " (" + r + ") is ready; sign in at /staff/login.");
      return Main.EXIT_OK;
    }

    private char[] password() throws IOException {
      Console console = System.console();
      if (console != null) {
        char[] a = console.readPassword("Password for %s: ", email);
        char[] b = console.readPassword("Repeat it: ");
        if (a == null || b == null || !Arrays.equals(a, b)) {
          throw new UsageException("the two passwords differ; run 'nngrader staff add' again");
        }
        Arrays.fill(b, '\0');
        return a;
      }
      String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if (line == null) {
        throw new UsageException("no password: type it when asked, or pass it as the first line "
            + "of standard input");
      }
      return line.toCharArray();
    }
  }
}
