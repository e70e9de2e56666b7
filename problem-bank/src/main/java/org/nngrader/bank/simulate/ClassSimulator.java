package org.nngrader.bank.simulate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.nngrader.bank.generate.ProblemSet;
import org.nngrader.bank.graph.QuantityGraph;
import org.nngrader.bank.mistake.Misconception;
import org.nngrader.bank.mistake.Misconceptions;
import org.nngrader.bank.sheet.AnswerSheet;
import org.nngrader.bank.sheet.AnswerSheetCsv;
import org.nngrader.bank.sheet.AnswerSheetXlsx;
import org.nngrader.bank.symbolic.SymbolicSolver;
import org.nngrader.bank.template.Template;

/**
 * Writes a class of filled answer sheets for a problem set ({@code nngrader simulate}), to
 * demo, test and benchmark the grader with realistic input, and {@code simulated.json} saying
 * what was done to each student. Each student's file is named after the student's folder in
 * the set ({@code <id>.xlsx}, or {@code .csv}). A symbolic exercise's class shows the {@link
 * ExpressionBehaviour}s instead. Deterministic: the same set, profile and seed give the same
 * bytes.
 */
public final class ClassSimulator {

  private ClassSimulator() {}

  /**
   * The behaviours a profile cycles through for a template: for {@link Profile#MIXED} every
   * {@link Behaviour.Kind}, with one misconception behaviour per catalogue entry that changes
   * this template's graph.
   */
  public static List<Behaviour> cycle(Template template, Profile profile) {
    if (profile == Profile.CORRECT) {
      return List.of(Behaviour.of(Behaviour.Kind.CORRECT));
    }
    List<Behaviour> out = new ArrayList<>();
    for (Behaviour.Kind k : Behaviour.Kind.values()) {
      if (k != Behaviour.Kind.MISCONCEPTION) {
        out.add(Behaviour.of(k));
        continue;
      }
      for (Misconception m : Misconceptions.catalogue()) {
        if (!mistaken(template, m).isEmpty()) {
          out.add(new Behaviour(k, m));
        }
      }
    }
    return out;
  }

  /** The graphs of a misconception on a template; none when it cannot happen there. */
  static List<QuantityGraph> mistaken(Template template, Misconception m) {
    try {
      return m.apply(template.network(), template.graph());
    } catch (IllegalArgumentException e) {
      // The rewrite needs a quantity this exercise lacks (e.g. w+ when weights are not trained).
      return List.of();
    }
  }

  /**
   * Simulates the class of a set and writes it to {@code out}.
   *
   * @param out a folder that does not exist yet or is empty
   * @throws IllegalArgumentException when {@code out} is a non-empty folder or a file
   * @throws org.nngrader.bank.generate.ProblemSetException when the set cannot be read
   */
  public static SimulationReport simulate(ProblemSet set, Profile profile, long seed, Path out)
      throws IOException {
    checkEmpty(out);
    Template t = set.template();
    if (t.isSymbolic()) {
      return simulateExpressions(set, t, profile, seed, out);
    }
    List<Behaviour> cycle = cycle(t, profile);
    Files.createDirectories(out);
    List<SimulationReport.SimulatedStudent> students = new ArrayList<>();
    for (int i = 0; i < set.students().size(); i++) {
      ProblemSet.StudentVariant s = set.students().get(i);
      Behaviour b = cycle.get(i % cycle.size());
      AnswerSheet sheet = AnswerSheet.of(t, s.id(), s.variant());
      StudentSimulation.Outcome o =
          new StudentSimulation(t, sheet, s.parameters(), random(seed, s.id())).run(b);
      String file = s.folder() + (b.xlsx() ? ".xlsx" : ".csv");
      if (b.xlsx()) {
        byte[] bytes = AnswerSheetXlsx.bytes(sheet, o.answers());
        Files.write(out.resolve(file), b.kind() == Behaviour.Kind.TRUNCATED
            ? Arrays.copyOf(bytes, bytes.length / 2) : bytes);
      } else {
        Files.writeString(out.resolve(file), AnswerSheetCsv.text(sheet, o.answers()),
            StandardCharsets.UTF_8);
      }
      String description = b.description() + (o.note().isEmpty() ? "" : " (" + o.note() + ")");
      students.add(new SimulationReport.SimulatedStudent(s.id(), s.variant(), b.id(),
          description, b.misconception() == null ? null : b.misconception().id(), file,
          b.kind() != Behaviour.Kind.TRUNCATED, o.altered(), o.steps()));
    }
    SimulationReport report = new SimulationReport(t.id(), profile.id(), seed,
        cycle.stream().map(SimulationReport.CycleEntry::of).toList(), students);
    Files.writeString(out.resolve(SimulationReport.FILE), report.json(), StandardCharsets.UTF_8);
    return report;
  }

  /**
   * The behaviours a profile cycles through on a symbolic exercise: for {@link Profile#MIXED}
   * every {@link ExpressionBehaviour}, in declaration order.
   */
  public static List<ExpressionBehaviour> expressionCycle(Profile profile) {
    return profile == Profile.CORRECT ? List.of(ExpressionBehaviour.CORRECT)
        : List.of(ExpressionBehaviour.values());
  }

  private static SimulationReport simulateExpressions(ProblemSet set, Template t,
      Profile profile, long seed, Path out) throws IOException {
    List<ExpressionBehaviour> cycle = expressionCycle(profile);
    Files.createDirectories(out);
    List<SimulationReport.SimulatedStudent> students = new ArrayList<>();
    for (int i = 0; i < set.students().size(); i++) {
      ProblemSet.StudentVariant s = set.students().get(i);
      ExpressionBehaviour b = cycle.get(i % cycle.size());
      AnswerSheet sheet = AnswerSheet.of(t, s.id(), s.variant());
      StudentSimulation.Outcome o = new ExpressionSimulation(sheet,
          SymbolicSolver.solve(t, s.parameters()), random(seed, s.id())).run(b);
      String file = s.folder() + (b.xlsx() ? ".xlsx" : ".csv");
      if (b.xlsx()) {
        Files.write(out.resolve(file), AnswerSheetXlsx.bytes(sheet, o.answers()));
      } else {
        Files.writeString(out.resolve(file), AnswerSheetCsv.text(sheet, o.answers()),
            StandardCharsets.UTF_8);
      }
      String description = b.description() + (o.note().isEmpty() ? "" : " (" + o.note() + ")");
      students.add(new SimulationReport.SimulatedStudent(s.id(), s.variant(), b.id(),
          description, null, file, true, o.altered(), o.steps()));
    }
    SimulationReport report = new SimulationReport(t.id(), profile.id(), seed,
        cycle.stream().map(SimulationReport.CycleEntry::of).toList(), students);
    Files.writeString(out.resolve(SimulationReport.FILE), report.json(), StandardCharsets.UTF_8);
    return report;
  }

  private static SplittableRandom random(long seed, String studentId) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256")
          .digest((seed + ":" + studentId + ":simulate").getBytes(StandardCharsets.UTF_8));
      return new SplittableRandom(ByteBuffer.wrap(h).getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static void checkEmpty(Path out) throws IOException {
    if (Files.isRegularFile(out)) {
      throw new IllegalArgumentException(out + " is a file; give a new folder for the"
          + " simulated submissions");
    }
    if (Files.isDirectory(out)) {
      try (Stream<Path> entries = Files.list(out)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException(out + " is not empty; give a new folder for the"
              + " simulated submissions or remove this one first");
        }
      }
    }
  }
}
