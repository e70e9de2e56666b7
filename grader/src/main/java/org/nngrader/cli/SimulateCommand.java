package org.nngrader.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nngrader.bank.generate.ProblemSet;
import org.nngrader.bank.generate.ProblemSetException;
import org.nngrader.bank.simulate.ClassSimulator;
import org.nngrader.bank.simulate.Profile;
import org.nngrader.bank.simulate.SimulationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nngrader simulate}: a synthetic class of filled answer sheets for a problem set. */
@Command(mixinStandardHelpOptions = true, name = "simulate",
    description = "Write filled answer sheets for a problem set's students (demos, grader tests).")
final class SimulateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--set", required = true, paramLabel = "SET",
      description = "Problem set folder written by 'nngrader generate'.")
  Path set;

  @Option(names = "--out", required = true, paramLabel = "SUBS",
      description = "New (or empty) folder for the submissions and simulated.json.")
  Path out;

  @Option(names = "--profile", defaultValue = "mixed", paramLabel = "PROFILE",
      description = "mixed (one behaviour per student, cycling) or correct (default: ${DEFAULT-VALUE}).")
  String profile;

  @Option(names = "--seed", defaultValue = "0", paramLabel = "N",
      description = "Seed for the choices within behaviours (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    Profile p = Cli.attempt(() -> Profile.parse(profile));
    SimulationReport report;
    try {
      ProblemSet problems = ProblemSet.read(set);
      report = Cli.attempt(() -> simulate(problems, p));
    } catch (ProblemSetException e) {
      throw new UsageException(e.getMessage(), e);
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    report.students().forEach(s -> counts.merge(s.behaviour(), 1, Integer::sum));
    var w = spec.commandLine().getOut();
    w.printf("Wrote %d simulated submission%s of %s to %s (%s)%n", report.students().size(),
        report.students().size() == 1 ? "" : "s", report.templateId(), out,
        SimulationReport.FILE);
    counts.forEach((b, n) -> w.printf("  %3d  %s%n", n, b));
    return Main.EXIT_OK;
  }

  private SimulationReport simulate(ProblemSet problems, Profile p) {
    try {
      return ClassSimulator.simulate(problems, p, seed, out);
    } catch (IOException e) {
      throw new UsageException(out + ": cannot write the submissions (" + e
          + "); check that the folder can be created and written", e);
    }
  }
}
