package org.nngrader.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nngrader.bank.generate.GenerationException;
import org.nngrader.bank.generate.GenerationRequest;
import org.nngrader.bank.generate.ProblemSet;
import org.nngrader.bank.generate.ProblemSetWriter;
import org.nngrader.bank.roster.Roster;
import org.nngrader.bank.roster.RosterException;
import org.nngrader.bank.roster.RosterReader;
import org.nngrader.bank.template.Template;
import org.nngrader.bank.template.Templates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nngrader generate}: one randomized variant per student, as a problem set folder. */
@Command(mixinStandardHelpOptions = true, name = "generate",
    description = "Generate a problem set: one randomized variant of a template per student.")
final class GenerateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--template", required = true, paramLabel = "T",
      description = "Template id (see 'nngrader templates') or path of a template .yaml file.")
  String template;

  @Option(names = "--roster", required = true, paramLabel = "R.csv",
      description = "Roster csv with a header: student_id (required), name, email, other columns.")
  Path roster;

  @Option(names = "--seed", required = true, paramLabel = "N",
      description = "Assignment seed: the same seed and roster give the same set.")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "SET",
      description = "New (or empty) folder for the problem set.")
  Path out;

  /** The copy of a rubric file inside the set. */
  static final String RUBRIC_COPY = "rubric.yaml";

  @Option(names = "--rubric", paramLabel = "RUB",
      description = "Rubric name or file to record for grading (default: the template's own).")
  String rubric;

  @Option(names = "--params", paramLabel = "P.yaml",
      description = "Values fixed for every student: a flat YAML map from parameter id to number.")
  Path params;

  @Override
  public Integer call() throws java.io.IOException {
    Template t = Cli.template(template);
    String text = Cli.attempt(() -> Templates.text(template));
    Map<String, Double> fixed = params == null ? Map.of() : ParameterFile.read(params, t);
    Roster students;
    try {
      students = RosterReader.read(roster);
    } catch (RosterException e) {
      throw new UsageException(e.getMessage() + "\n(the roster is a csv with a header line:"
          + " student_id,name,email)", e);
    }
    // The rubric is checked now, not at grading time; a rubric file is copied into the set.
    java.nio.file.Path rubricFile = null;
    String rubricName;
    org.nngrader.rubric.Rubric chosen;
    if (rubric == null || rubric.isBlank()) {
      rubricName = org.nngrader.rubric.RubricLoader.builtinNames().contains(t.id()) ? t.id() : "default";
      chosen = org.nngrader.rubric.RubricLoader.loadBuiltin(rubricName);
    } else {
      try {
        chosen = org.nngrader.rubric.RubricLoader.resolve(rubric);
      } catch (org.nngrader.rubric.RubricException | IllegalArgumentException e) {
        throw new UsageException(e.getMessage(), e);
      }
      boolean builtin = org.nngrader.rubric.RubricLoader.builtinNames().contains(rubric);
      rubricFile = builtin ? null : java.nio.file.Path.of(rubric);
      rubricName = builtin ? rubric : RUBRIC_COPY;
    }
    ProblemSet set;
    try {
      set = Cli.attempt(() -> write(new GenerationRequest(t, text, students, seed, rubricName, fixed,
          new org.nngrader.bank.generate.CreditRule(chosen.precision().minimumFigures(),
              chosen.precision().credit()))));
      if (rubricFile != null) {
        java.nio.file.Files.copy(rubricFile, out.resolve(RUBRIC_COPY));
      }
    } catch (GenerationException e) {
      throw new UsageException(e.getMessage(), e);
    }
    long distinct = set.students().stream().map(ProblemSet.StudentVariant::variant).distinct()
        .count();
    spec.commandLine().getOut().printf("Wrote %d variant%s of %s for %d student%s to %s%n",
        distinct, distinct == 1 ? "" : "s", t.id(), set.students().size(),
        set.students().size() == 1 ? "" : "s", out);
    spec.commandLine().getOut().printf("  %s and %s; hand out %s/<student>/ (problem.html,"
        + " answers.xlsx, answers.csv); keep %s/<student>/ (key.csv, key.json, solution.html)"
        + " for staff%n", ProblemSet.MANIFEST, ProblemSet.TEMPLATE_FILE,
        out.resolve(org.nngrader.bank.generate.ProblemSetWriter.HANDOUT),
        out.resolve(org.nngrader.bank.generate.ProblemSetWriter.KEY));
    return Main.EXIT_OK;
  }

  private ProblemSet write(GenerationRequest request) {
    try {
      return ProblemSetWriter.write(request, out);
    } catch (IOException e) {
      throw new UsageException(out + ": cannot write the problem set (" + e
          + "); check that the folder can be created and written", e);
    }
  }
}
