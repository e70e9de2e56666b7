package org.nngrader.grader.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nngrader.bank.template.Template;
import org.nngrader.grader.batch.GradedSubmission;
import org.nngrader.grader.engine.GradeResult;
import org.nngrader.grader.engine.StepResult;
import org.nngrader.grader.engine.Verdict;
import org.nngrader.rubric.Reveal;

/**
 * What one student's report says, worked out once from a graded submission and shared by the
 * HTML and the JSON writer so that both always carry the same data: the steps with the reveal
 * setting applied, the first divergence and what follows from it, the misconceptions seen and
 * the network marks. Immutable.
 */
final class StudentView {

  /**
   * One step as the report shows it.
   *
   * @param feedback the engine's feedback with hidden details taken out
   * @param formula the formula, or null when not shown
   * @param expected the reference value, or null when not shown
   * @param expectedExpression the reference expression of an expression step, or null when not
   *     shown (or a number step)
   * @param followThroughValue the value from the student's own answers, or null when not shown
   */
  record Step(int index, StepResult result, String feedback, String formula, Double expected,
      Double followThroughValue, boolean firstDivergence, String expectedExpression) {}

  /**
   * The first step where the student went wrong.
   *
   * @param followThrough later steps that follow from it with follow-through credit
   * @param sameMistake later steps where the same catalogued mistake was made again
   * @param otherWrong the other wrong steps (misconception, incorrect, unreadable)
   */
  record Divergence(Step step, String misconceptionTitle, List<String> followThrough,
      List<String> sameMistake, List<String> otherWrong, String message) {}

  /** A catalogued misconception and the steps where the student made it. */
  record MisconceptionSeen(String id, String title, String feedback, List<String> steps) {}

  private static final int LISTED = 6;

  final GradedSubmission submission;
  final Template template;
  final Reveal reveal;
  final List<Step> steps;
  final Divergence divergence;
  /** A sentence for the top of the report when there is no divergence. */
  final String cleanMessage;
  final List<MisconceptionSeen> misconceptions;
  final DiagramMarks diagram;

  private StudentView(GradedSubmission submission, Template template, Reveal reveal,
      List<Step> steps, Divergence divergence, String cleanMessage,
      List<MisconceptionSeen> misconceptions, DiagramMarks diagram) {
    this.submission = submission;
    this.template = template;
    this.reveal = reveal;
    this.steps = List.copyOf(steps);
    this.divergence = divergence;
    this.cleanMessage = cleanMessage;
    this.misconceptions = List.copyOf(misconceptions);
    this.diagram = diagram;
  }

  boolean graded() {
    return submission.status() == GradedSubmission.Status.GRADED;
  }

  GradeResult result() {
    return submission.result();
  }

  static StudentView of(GradedSubmission s, Template template, Reveal reveal) {
    if (s.status() != GradedSubmission.Status.GRADED) {
      return new StudentView(s, template, reveal, List.of(), null, null, List.of(),
          new DiagramMarks(template, Map.of()));
    }
    GradeResult r = s.result();
    Disclosure d = new Disclosure(reveal);
    String first = r.firstWrongStep().orElse(null);
    List<Step> steps = new ArrayList<>();
    Map<String, Verdict> verdicts = new LinkedHashMap<>();
    int i = 0;
    for (StepResult sr : sheetOrder(r.steps(), template.asked())) {
      steps.add(new Step(i++, sr, d.feedback(sr), d.formula(sr), d.expected(sr),
          d.followThroughValue(sr), sr.step().equals(first), d.expectedExpression(sr)));
      verdicts.put(sr.step(), sr.verdict());
    }
    Divergence divergence = null;
    String clean = null;
    Optional<Step> firstStep = steps.stream().filter(Step::firstDivergence).findFirst();
    if (firstStep.isPresent()) {
      divergence = divergence(firstStep.get(), steps);
    } else {
      long missing = r.count(Verdict.MISSING);
      clean = missing == 0 ? "No step went wrong."
          : "No answered step went wrong; " + count(missing, "step was", "steps were")
              + " left blank.";
    }
    return new StudentView(s, template, reveal, steps, divergence, clean, misconceptions(steps),
        new DiagramMarks(template, verdicts));
  }

  /**
   * The steps in the order of the answer sheet (the template's asked list), which the student
   * has in front of them; steps the list does not name follow in the engine's order.
   */
  static List<StepResult> sheetOrder(List<StepResult> steps, List<String> asked) {
    Map<String, Integer> position = positions(asked);
    // A stable sort by position: each step into its position's slot, the steps the list does
    // not name after them in their own order; a position taken twice is left to the sort.
    StepResult[] slots = new StepResult[asked.size()];
    List<StepResult> unnamed = new ArrayList<>();
    for (StepResult s : steps) {
      Integer p = position.get(s.step());
      if (p == null) {
        unnamed.add(s);
      } else if (slots[p] == null) {
        slots[p] = s;
      } else {
        List<StepResult> out = new ArrayList<>(steps);
        out.sort(Comparator.comparingInt(r -> position.getOrDefault(r.step(), Integer.MAX_VALUE)));
        return out;
      }
    }
    List<StepResult> out = new ArrayList<>(steps.size());
    for (StepResult s : slots) {
      if (s != null) {
        out.add(s);
      }
    }
    out.addAll(unnamed);
    return out;
  }

  /** The last asked list's positions (every report of a class asks the same list). */
  private static volatile Object[] lastPositions = {null, null};

  @SuppressWarnings("unchecked")
  private static Map<String, Integer> positions(List<String> asked) {
    Object[] last = lastPositions;
    if (asked.equals(last[0])) { // the same strings: one identity check each
      return (Map<String, Integer>) last[1];
    }
    Map<String, Integer> position = new HashMap<>();
    for (int k = 0; k < asked.size(); k++) {
      position.putIfAbsent(asked.get(k), k);
    }
    lastPositions = new Object[] {List.copyOf(asked), position};
    return position;
  }

  private static Divergence divergence(Step first, List<Step> steps) {
    String id = first.result().step();
    String mistake = first.result().misconception();
    List<String> ft = new ArrayList<>();
    List<String> same = new ArrayList<>();
    List<String> other = new ArrayList<>();
    for (Step s : steps) {
      StepResult r = s.result();
      if (r.step().equals(id)) {
        continue;
      }
      if (r.verdict() == Verdict.FOLLOW_THROUGH && r.followsFrom().contains(id)) {
        ft.add(r.step());
      } else if (r.verdict() == Verdict.MISCONCEPTION && mistake != null
          && mistake.equals(r.misconception())) {
        same.add(r.step());
      } else if (r.verdict().isWrong()) {
        other.add(r.step());
      }
    }
    String title = mistake == null ? null : MistakeNames.title(mistake);
    StringBuilder m = new StringBuilder("You first went wrong at ").append(id)
        .append(" (").append(first.result().question()).append(").");
    if (title != null) {
      m.append(" It matches a known mistake: ").append(title).append('.');
    }
    if (!ft.isEmpty()) {
      m.append(' ').append(ft.size() == 1 ? "1 later step follows" : ft.size() + " later steps follow")
          .append(" from it and got follow-through credit.");
    }
    if (!same.isEmpty()) {
      m.append(" The same mistake shows again at ").append(listed(same)).append('.');
    }
    if (!other.isEmpty()) {
      m.append(' ').append(count(other.size(), "other step is", "other steps are"))
          .append(" wrong as well: ").append(listed(other)).append('.');
    }
    return new Divergence(first, title, ft, same, other, m.toString());
  }

  private static List<MisconceptionSeen> misconceptions(List<Step> steps) {
    Map<String, List<String>> seen = new LinkedHashMap<>();
    for (Step s : steps) {
      String id = s.result().misconception();
      if (id != null) {
        seen.computeIfAbsent(id, k -> new ArrayList<>()).add(s.result().step());
      }
    }
    List<MisconceptionSeen> out = new ArrayList<>();
    seen.forEach((id, at) ->
        out.add(new MisconceptionSeen(id, MistakeNames.title(id), MistakeNames.feedback(id), at)));
    return out;
  }

  static String count(long n, String one, String many) {
    return n == 1 ? "1 " + one : n + " " + many;
  }

  /** The first few ids, then how many more. */
  static String listed(List<String> ids) {
    if (ids.size() <= LISTED) {
      return String.join(", ", ids);
    }
    return String.join(", ", ids.subList(0, LISTED)) + " and " + (ids.size() - LISTED) + " more";
  }
}
