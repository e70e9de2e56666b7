package org.nngrader.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nngrader.grader.export.CanvasRoster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nngrader roster --from-canvas}: a roster csv from a Canvas gradebook export. */
@Command(mixinStandardHelpOptions = true, name = "roster", description = "Make a roster csv from a Canvas gradebook export.")
final class RosterCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--from-canvas", required = true, paramLabel = "gradebook.csv",
      description = "The gradebook Canvas exports (Grades > Export > CSV).")
  Path gradebook;

  @Option(names = "--out", paramLabel = "R.csv", description = "Where to write the roster (default: print it).")
  Path out;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(gradebook)) {
      throw new UsageException(gradebook + ": no such file; export the gradebook from Canvas first");
    }
    String roster = Cli.attempt(() -> {
      try {
        return CanvasRoster.fromGradebook(gradebook);
      } catch (IOException e) {
        throw new IllegalArgumentException(gradebook + ": cannot be read (" + e.getMessage() + ")");
      }
    });
    if (out == null) {
      spec.commandLine().getOut().print(roster);
    } else {
      Files.writeString(out, roster, StandardCharsets.UTF_8);
      spec.commandLine().getOut().println("Wrote " + out + " (" + (roster.lines().count() - 1) + " students).");
    }
    return Main.EXIT_OK;
  }
}
