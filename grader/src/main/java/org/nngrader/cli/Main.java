package org.nngrader.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code nngrader} command line. Output streams are injected so that tests run it in-process;
 * only {@link #main(String[])} calls {@link System#exit(int)}.
 */
@Command(
    name = "nngrader",
    mixinStandardHelpOptions = true,
    version = "nngrader 0.1.0",
    description = "Auto-grader for neural-network homework.",
    subcommands = {
      CommandLine.HelpCommand.class,
      TemplatesCommand.class,
      SolveCommand.class,
      GenerateCommand.class,
      SimulateCommand.class,
      GradeCommand.class,
      ExportCommand.class,
      DemoCommand.class,
      RosterCommand.class,
      BenchCommand.class,
    })
public final class Main implements Runnable {

  /** Everything done. */
  public static final int EXIT_OK = 0;
  /** Some inputs could not be graded; every other input was, and each failure is listed. */
  public static final int EXIT_PARTIAL = 1;
  /** Usage or configuration error. */
  public static final int EXIT_USAGE = 2;
  /** A defect of nngrader itself (an internal error); the message asks for a report. */
  public static final int EXIT_INTERNAL = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command line with the given streams and returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main());
    for (CommandProvider provider : java.util.ServiceLoader.load(CommandProvider.class)) {
      for (Object command : provider.commands()) {
        cli.addSubcommand(command);
      }
    }
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof UsageException) {
        err.println("nngrader: " + e.getMessage());
        return EXIT_USAGE;
      }
      err.println("nngrader: internal error (a defect of nngrader, please report it with the "
          + "command and its input): " + e);
      e.printStackTrace(err);
      return EXIT_INTERNAL;
    });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
    System.exit(run(out, err, args));
  }
}
