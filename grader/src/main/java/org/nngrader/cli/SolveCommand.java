package org.nngrader.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nngrader.bank.solution.SolutionFormat;
import org.nngrader.bank.solution.WorkedSolution;
import org.nngrader.bank.symbolic.SymbolicSolver;
import org.nngrader.bank.template.Template;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nngrader solve}: the reference solution of a template, as a worked solution or JSON. */
@Command(mixinStandardHelpOptions = true, name = "solve", description = "Solve a template for its default values or a parameter file.")
final class SolveCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--template", required = true, paramLabel = "T",
      description = "Template id (see 'nngrader templates') or path of a template .yaml file.")
  String template;

  @Option(names = "--params", paramLabel = "P.yaml",
      description = "Flat YAML map from parameter id (i1, w5, b1, target_o1, eta) to number.")
  Path params;

  @Option(names = "--seed", paramLabel = "N",
      description = "Draw a random variant with this seed (the values --params names stay fixed).")
  Long seed;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "text, md, html or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() {
    SolutionFormat f = Cli.attempt(() -> SolutionFormat.parse(format));
    Template t = Cli.template(template);
    Map<String, Double> fixed = params == null ? Map.of() : ParameterFile.read(params, t);
    Map<String, Double> overrides = seed == null ? fixed : Cli.attempt(() ->
        new org.nngrader.bank.generate.VariantDrawer(t, seed, fixed).draw("solve").parameters());
    WorkedSolution solution = t.isSymbolic()
        ? WorkedSolution.of(Cli.attempt(() -> SymbolicSolver.solve(t, overrides)))
        : WorkedSolution.of(t, Cli.attempt(() -> t.solve(overrides)));
    spec.commandLine().getOut().print(f.render(solution, t));
    return Main.EXIT_OK;
  }
}
