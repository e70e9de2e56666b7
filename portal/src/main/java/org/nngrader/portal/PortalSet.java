package org.nngrader.portal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.nngrader.bank.generate.ProblemSet;
import org.nngrader.bank.generate.ProblemSetException;
import org.nngrader.bank.template.Template;
import org.nngrader.grader.batch.SetStudent;
import org.nngrader.grader.batch.SubmissionGrader;
import org.nngrader.grader.engine.GradingEngine;
import org.nngrader.rubric.Rubric;
import org.nngrader.rubric.RubricException;
import org.nngrader.rubric.RubricLoader;

/**
 * A problem set as the portal serves it: the manifest, the template, the set's rubric (read
 * again by {@link #reload()} after an instructor edits it) and a grader for single uploads.
 * Immutable; a reload gives a new instance.
 */
public final class PortalSet {

  private final Path folder;
  private final ProblemSet set;
  private final Template template;
  private final Rubric rubric;
  private final List<SetStudent> students;
  private final Map<String, SetStudent> byId;
  private final SubmissionGrader grader;

  private PortalSet(Path folder) {
    this.folder = folder;
    if (!Files.isRegularFile(folder.resolve(ProblemSet.MANIFEST))) {
      throw new IllegalArgumentException(folder + ": is not a problem set (no " + ProblemSet.MANIFEST
          + "); pass the folder 'nngrader generate' wrote with --set");
    }
    try {
      this.set = ProblemSet.read(folder);
      this.template = set.template();
    } catch (ProblemSetException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    this.rubric = rubric(folder, set);
    List<SetStudent> list = new ArrayList<>();
    for (ProblemSet.StudentVariant s : set.students()) {
      list.add(new SetStudent(s.id(), s.name(), s.email(), s.variant(), s.parameters(), s.extra()));
    }
    this.students = List.copyOf(list);
    this.byId = students.stream().collect(Collectors.toMap(SetStudent::id, Function.identity()));
    this.grader = new SubmissionGrader(new GradingEngine(template, rubric), students);
  }

  /**
   * Reads a set folder.
   *
   * @throws IllegalArgumentException naming the file when it is not a usable problem set
   */
  public static PortalSet read(Path folder) {
    return new PortalSet(folder);
  }

  /** The same folder read again (after the instructor changed the rubric). */
  public PortalSet reload() {
    return new PortalSet(folder);
  }

  private static Rubric rubric(Path folder, ProblemSet set) {
    String name = set.rubric();
    try {
      if (name == null) {
        return RubricLoader.loadBuiltin("default");
      }
      Path inSet = folder.resolve(name);
      return Files.isRegularFile(inSet) ? RubricLoader.load(inSet) : RubricLoader.resolve(name);
    } catch (RubricException | IllegalArgumentException e) {
      throw new IllegalArgumentException(folder.resolve(ProblemSet.MANIFEST) + ": rubric '" + name
          + "' cannot be used (" + e.getMessage() + "); fix the rubric file", e);
    }
  }

  public ProblemSet problemSet() {
    return set;
  }

  public Template template() {
    return template;
  }

  public Rubric rubric() {
    return rubric;
  }

  public List<SetStudent> students() {
    return students;
  }

  public Optional<SetStudent> student(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public SubmissionGrader grader() {
    return grader;
  }

  /** One of a student's hand-out files (problem sheet, answer templates), through the set's API. */
  public Optional<Path> handout(String studentId, String key) {
    return set.student(studentId).flatMap(s -> {
      if (!s.files().containsKey(key)) {
        return Optional.empty();
      }
      Path p = set.file(s, key);
      return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    });
  }

  /** The rows the portal keeps of the set's students. */
  public List<Store.StudentRow> rows() {
    return students.stream().map(s -> new Store.StudentRow(s.id(), s.name(), s.email())).toList();
  }
}
