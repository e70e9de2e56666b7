package org.nngrader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.ArrayList;
import java.util.List;
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
    description = "Auto-grader for neural-network homework.")
public final class Main implements java.util.concurrent.Callable<Integer> {

  /** Everything done. */
  public static final int EXIT_OK = 0;
  /** Some inputs could not be graded; every other input was, and each failure is listed. */
  public static final int EXIT_PARTIAL = 1;
  /** Usage or configuration error. */
  public static final int EXIT_USAGE = 2;
  /** A defect of nngrader itself (an internal error); the message asks for a report. */
  public static final int EXIT_INTERNAL = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** {@code nngrader} without a command: the usage, on the error stream, as a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().getErr().println("nngrader: a command is needed");
    spec.commandLine().usage(spec.commandLine().getErr());
    return EXIT_USAGE;
  }

  /** Runs the command line with the given streams and returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(java.nio.file.FileSystems.getDefault(), out, err, args);
  }

  /** {@link #run(PrintWriter, PrintWriter, String...)} with every path taken on {@code files}. */
  static int run(java.nio.file.FileSystem files, PrintWriter out, PrintWriter err,
      String... args) {
    CommandLine cli = new CommandLine(new Main());
    List<Object> commands = commands();
    Object named = args.length == 0 ? null : named(commands, args[0]);
    for (Object command : named == null ? commands : List.of(named)) {
      cli.addSubcommand(command);
    }
    cli.registerConverter(java.nio.file.Path.class, files::getPath);
    cli.setOut(out);
    cli.setErr(err);
    for (CommandLine sub : cli.getSubcommands().values()) {
      sub.getCommandSpec().version(cli.getCommandSpec().version());
    }
    cli.setParameterExceptionHandler(Main::parameterError);
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof UsageException) {
        err.println("nngrader: " + e.getMessage());
        return EXIT_USAGE;
      }
      IOException io = e instanceof IOException x ? x
          : e instanceof UncheckedIOException u ? u.getCause() : null;
      if (io != null) {
        // A file that cannot be read or written is the user's disk or input, not a defect.
        err.println("nngrader: " + describe(io) + "; check the path, its permissions and the"
            + " free disk space, then run the command again");
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

  /**
   * The subcommands, in the order the usage lists them: help, the grader's own, then those of
   * the modules found by {@link java.util.ServiceLoader}.
   */
  static List<Object> commands() {
    List<Object> commands = new ArrayList<>(List.of(new CommandLine.HelpCommand(),
        new TemplatesCommand(), new SolveCommand(), new GenerateCommand(),
        new SimulateCommand(), new GradeCommand(), new ExportCommand(), new DemoCommand(),
        new RosterCommand(), new BenchCommand()));
    for (CommandProvider provider : java.util.ServiceLoader.load(CommandProvider.class)) {
      commands.addAll(provider.commands());
    }
    return commands;
  }

  /**
   * The command a command line starts with, or null when it starts otherwise (an option, a
   * mistyped name) or with {@code help}, which needs every command. Picocli reads a command's
   * options from its annotations, which costs about 10 ms per command before the JIT has run;
   * a run builds only the command it runs, and the whole command line when it must list or
   * suggest commands, so what it prints is the same either way.
   */
  static Object named(List<Object> commands, String first) {
    for (Object command : commands) {
      Command c = command.getClass().getAnnotation(Command.class);
      if (c != null && !(command instanceof CommandLine.HelpCommand)
          && (c.name().equals(first) || List.of(c.aliases()).contains(first))) {
        return command;
      }
    }
    return null;
  }

  /** An I/O failure in words: the file and what went wrong with it. */
  static String describe(IOException e) {
    if (e instanceof FileSystemException f && f.getFile() != null) {
      String reason = f.getReason() != null ? f.getReason()
          : e instanceof AccessDeniedException ? "permission denied"
          : e instanceof NoSuchFileException ? "no such file or folder"
          : e instanceof FileAlreadyExistsException ? "a file of that name is in the way"
          : e instanceof NotDirectoryException ? "not a folder"
          : e.getClass().getSimpleName();
      return f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile()) + ": "
          + reason;
    }
    return String.valueOf(e.getMessage());
  }

  /**
   * A mistyped command line: the message, a did-you-mean for every unknown option or command
   * (even when a missing required option is what picocli noticed first), and where the help is.
   */
  private static int parameterError(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    List<String> unknown = unknownOptions(cmd, args);
    CommandLine.ParameterException shown = ex;
    if (!(ex instanceof CommandLine.UnmatchedArgumentException) && !unknown.isEmpty()) {
      shown = new CommandLine.UnmatchedArgumentException(cmd, unknown);
    }
    err.println("nngrader: " + shown.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(shown, err);
    String name = cmd.getCommandSpec().qualifiedName();
    err.println("Run '" + name + " --help' for the options.");
    err.flush();
    return EXIT_USAGE;
  }

  /** Arguments that look like options but are no option of the command (or its parents). */
  private static List<String> unknownOptions(CommandLine cmd, String[] args) {
    List<String> unknown = new ArrayList<>();
    for (String a : args) {
      if (!a.startsWith("-") || a.equals("-") || a.equals("--") || a.matches("-[0-9.].*")) {
        continue;
      }
      String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      boolean known = false;
      for (CommandLine c = cmd; c != null && !known; c = c.getParent()) {
        known = c.getCommandSpec().findOption(name) != null;
      }
      if (!known) {
        unknown.add(a);
      }
    }
    return unknown;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
    System.exit(run(out, err, args));
  }
}
