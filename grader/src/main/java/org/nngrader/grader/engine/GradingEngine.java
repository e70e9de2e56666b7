package org.nngrader.grader.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nngrader.bank.graph.Derivation;
import org.nngrader.bank.graph.Quantity;
import org.nngrader.bank.graph.QuantityGraph;
import org.nngrader.bank.graph.Values;
import org.nngrader.bank.mistake.Misconception;
import org.nngrader.bank.mistake.Misconceptions;
import org.nngrader.bank.model.Numbers;
import org.nngrader.bank.symbolic.SymbolicSolver;
import org.nngrader.bank.symbolic.SymbolicStep;
import org.nngrader.bank.template.Template;
import org.nngrader.rubric.FollowThroughPolicy;
import org.nngrader.rubric.Rubric;

/**
 * Grades the numeric steps of one submission against one variant of a template.
 *
 * <p>For each asked step, in the order of the quantity graph: {@code correct} when within the
 * rubric's tolerance of the reference; else {@code follow-through} when it matches the value
 * the student's own answers lead to (the graph re-evaluated with every answered step pinned to
 * the student's value, so intermediates the exercise does not ask are carried along); else
 * {@code misconception} when it matches what a catalogued mistake gives (from the givens, or
 * from the student's own answers); else {@code incorrect}. A follow-through whose only cause is
 * the student's rounding of earlier correct answers is marked correct with a rounding note.
 *
 * <p>A symbolic template (exercise family 5) is graded by {@link ExpressionGrading}: its
 * expression steps are parsed and compared with the reference at random points, its number
 * steps within the tolerance; see {@link #expressionSteps()}.
 *
 * <p>Immutable and thread-safe: one engine grades a whole class in parallel.
 */
public final class GradingEngine {

  private final Template template;
  private final Rubric rubric;
  private final List<Mistaken> mistaken = new ArrayList<>();
  private final Map<String, List<String>> askedAncestors = new HashMap<>();
  private final Map<String, List<String>> hiddenAncestors = new HashMap<>();
  private final List<String> askedInOrder;
  /** The grading of a symbolic template; null for a numeric one. */
  private final ExpressionGrading expressions;
  private final Set<String> expressionSteps;

  private record Mistaken(Misconception misconception, QuantityGraph graph) {}

  public GradingEngine(Template template, Rubric rubric) {
    this.template = template;
    this.rubric = rubric;
    QuantityGraph graph = template.graph();
    // The catalogue rewrites numeric graphs; a symbolic template's graph has linear stand-ins.
    if (!template.isSymbolic()) {
      for (Misconception m : Misconceptions.catalogue()) {
        for (QuantityGraph g : m.apply(template.network(), graph)) {
          mistaken.add(new Mistaken(m, g));
        }
      }
    }
    Set<String> asked = new LinkedHashSet<>(template.asked());
    List<String> ordered = new ArrayList<>();
    for (Quantity q : graph.quantities()) {
      if (asked.contains(q.id())) {
        ordered.add(q.id());
        List<String> anc = new ArrayList<>();
        List<String> hidden = new ArrayList<>();
        for (Quantity a : graph.ancestorsOf(List.of(q.id()))) {
          if (a.id().equals(q.id()) || a.isGiven()
              || a.kind() == org.nngrader.bank.graph.QuantityKind.AFTER_TRAINING) {
            continue;
          }
          (asked.contains(a.id()) ? anc : hidden).add(a.id());
        }
        askedAncestors.put(q.id(), anc);
        hiddenAncestors.put(q.id(), hidden);
      }
    }
    this.askedInOrder = List.copyOf(ordered);
    if (template.isSymbolic()) {
      this.expressions = new ExpressionGrading(template, rubric, askedInOrder);
      Set<String> steps = new LinkedHashSet<>();
      // Which steps are expressions is structural: the defaults tell it for every variant.
      for (SymbolicStep s : SymbolicSolver.solve(template, Map.of()).steps()) {
        if (s.isExpression()) {
          steps.add(s.id());
        }
      }
      this.expressionSteps = Collections.unmodifiableSet(steps);
    } else {
      this.expressions = null;
      this.expressionSteps = Set.of();
    }
  }

  /**
   * The asked steps whose answers are expressions (a symbolic template's gradients), to be
   * given to {@link #grade} as {@link StudentAnswer.Text}; empty for a numeric template.
   */
  public Set<String> expressionSteps() {
    return expressionSteps;
  }

  public Template template() {
    return template;
  }

  public Rubric rubric() {
    return rubric;
  }

  /**
   * Grades one submission.
   *
   * @param givens the variant's given values (for a symbolic template, the exercise's givens:
   *     {@link Template#givenIds()})
   * @param answers the student's answers by step id; absent steps are missing
   */
  public GradeResult grade(Map<String, Double> givens, Map<String, StudentAnswer> answers) {
    return grade(givens, reference(givens), answers);
  }

  /**
   * The reference values of a variant: the same for every submission of that variant, so a
   * batch computes them once per variant and passes them to {@link #grade(Map, Values, Map)}.
   * Null for a symbolic template, whose expressions are compared without them.
   */
  public Values reference(Map<String, Double> givens) {
    return expressions != null ? null : template.graph().evaluate(givens);
  }

  /**
   * Grades one submission against reference values computed by {@link #reference} for the
   * same givens.
   */
  public GradeResult grade(Map<String, Double> givens, Values ref,
      Map<String, StudentAnswer> answers) {
    if (expressions != null) {
      return expressions.grade(givens, answers);
    }
    QuantityGraph graph = template.graph();
    Map<String, Double> pinned = new LinkedHashMap<>();
    answers.forEach((id, a) -> {
      if (a instanceof StudentAnswer.Numeric n && graph.contains(id)) {
        pinned.put(id, n.value());
      }
    });
    Values world = graph.evaluatePinned(givens, pinned);
    double habit = 0;
    for (StudentAnswer a : answers.values()) {
      if (a instanceof StudentAnswer.Numeric n) {
        habit = Math.max(habit, n.precision());
      }
    }
    World own = new World(givens, pinned, world, habit);
    // The mistaken graphs are evaluated only when a step is neither correct nor follow-through.
    Mistakes mistakes = new Mistakes(givens, pinned);
    List<Double> givenValues = new ArrayList<>(ref.givens().values());

    Map<String, StepResult> results = new LinkedHashMap<>();
    Map<String, String> firstStepOfMisconception = new HashMap<>();
    double score = 0;
    double max = 0;
    String firstDivergence = null;
    for (String step : askedInOrder) {
      Quantity q = graph.quantity(step);
      double expected = ref.get(step);
      double points = rubric.pointsFor(step);
      max += points;
      StudentAnswer answer = answers.getOrDefault(step, new StudentAnswer.Missing());
      String formula = q.primary().symbolic();
      StepResult r;
      if (answer instanceof StudentAnswer.Missing) {
        r = new StepResult(step, q.description(), "", null, expected, Verdict.MISSING, 0, points,
            "No answer was given.", null, List.of(), Double.NaN, formula, null);
      } else if (answer instanceof StudentAnswer.Unreadable u) {
        r = new StepResult(step, q.description(), u.written(), null, expected, Verdict.UNREADABLE,
            0, points, "Could not read '" + u.written() + "' as a number: " + unreadableAdvice(u.reason()), null, List.of(), Double.NaN, formula,
            null);
      } else if (answer instanceof StudentAnswer.Text t) {
        // Text is for expression steps; a number step cannot read it.
        r = new StepResult(step, q.description(), t.written(), null, expected, Verdict.UNREADABLE,
            0, points, "Could not read '" + t.written() + "' as a number. Write a decimal number"
                + " such as 0.25 or 1.5e-3.", null, List.of(), Double.NaN, formula, null);
      } else {
        StudentAnswer.Numeric n = (StudentAnswer.Numeric) answer;
        r = gradeNumeric(q, n, expected, points, formula, ref, own, mistakes, results,
            givenValues, firstStepOfMisconception);
      }
      if (r.verdict().isWrong() && firstDivergence == null) {
        firstDivergence = step;
      }
      score += r.points();
      results.put(step, r);
    }
    return new GradeResult(new ArrayList<>(results.values()), score, max, firstDivergence);
  }

  private StepResult gradeNumeric(
      Quantity q, StudentAnswer.Numeric n, double expected, double points, String formula,
      Values ref, World own, Mistakes mistakes,
      Map<String, StepResult> earlier, List<Double> givenValues,
      Map<String, String> firstStepOfMisconception) {
    String step = q.id();
    double v = n.value();
    if (rubric.toleranceFor(step).accepts(v, expected)) {
      return new StepResult(step, q.description(), n.written(), v, expected, Verdict.CORRECT,
          points, points, "Correct.", null, List.of(), Double.NaN, formula, null);
    }
    // Follow-through: the step recomputed from the student's own world.
    List<String> wrongAncestors = new ArrayList<>();
    boolean anyDiffering = false;
    for (String a : askedAncestors.get(step)) {
      StepResult ar = earlier.get(a);
      if (ar == null || ar.value() == null) {
        continue;
      }
      if (ar.value() != ref.get(a)) {
        anyDiffering = true;
      }
      if (ar.verdict() != Verdict.CORRECT) {
        wrongAncestors.add(a);
      }
    }
    double ft = Double.NaN;
    if (anyDiffering) {
      ft = nearest(v, q.derivations(), own.values());
      if (matches(step, v, ft, n.precision())
          || matches(step, v, ft, n.precision() + roundingSlack(step, own))) {
        if (wrongAncestors.isEmpty()) {
          double credit = points * rubric.roundingNoteCredit();
          return new StepResult(step, q.description(), n.written(), v, expected, Verdict.CORRECT,
              credit, points, "Correct from your own (rounded) earlier values.",
              Misconceptions.ROUNDED_EARLY.id(), List.of(), ft, formula,
              Misconceptions.ROUNDED_EARLY.feedback());
        }
        Map<String, Double> studentInputs = new LinkedHashMap<>();
        Map<String, Double> referenceInputs = new LinkedHashMap<>();
        for (String a : wrongAncestors) {
          // Only unexplained wrong values can be placeholders: one that follows from the
          // student's own work, or that a named misconception explains, is their reasoning.
          if (earlier.get(a).verdict() == Verdict.INCORRECT) {
            studentInputs.put(a, earlier.get(a).value());
            referenceInputs.put(a, ref.get(a));
          }
        }
        FollowThroughPolicy.Check check =
            rubric.checkFollowThrough(studentInputs, referenceInputs, givenValues);
        if (check.allowed()) {
          return new StepResult(step, q.description(), n.written(), v, expected,
              Verdict.FOLLOW_THROUGH, points * rubric.followThrough().credit(), points,
              "Not the expected value, but it follows correctly from your answer"
                  + (wrongAncestors.size() > 1 ? "s to " : " to ") + String.join(", ", wrongAncestors)
                  + " (expected " + Numbers.computed(expected) + ").",
              null, wrongAncestors, ft, formula, null);
        }
        return new StepResult(step, q.description(), n.written(), v, expected, Verdict.INCORRECT,
            0, points, check.reason(), null, wrongAncestors, ft, formula, null);
      }
    }
    // Misconceptions: first the mistake made at this very step, from the student's own earlier
    // answers (so "gradient added" is named where the gradients were right); then the mistake
    // carried from the givens through steps the exercise does not ask.
    for (boolean local : new boolean[] {true, false}) {
      for (int i = 0; i < mistaken.size(); i++) {
        Mistaken m = mistaken.get(i);
        double candidate = local
            ? nearest(v, m.graph().quantity(step).derivations(), mistakes.world(i))
            : mistakes.pure(i).get(step);
        if (matches(step, v, candidate, n.precision())
            && !rubric.toleranceFor(step).accepts(candidate, expected)) {
          Misconception mc = m.misconception();
          String first = firstStepOfMisconception.putIfAbsent(mc.id(), step);
          List<String> from = first == null ? wrongAncestors : List.of(first);
          return new StepResult(step, q.description(), n.written(), v, expected,
              Verdict.MISCONCEPTION, points * rubric.misconceptionCredit(), points,
              capitalize(mc.title()) + ". " + mc.feedback(), mc.id(), from, ft, formula, null);
        }
      }
    }
    String hint = Double.isNaN(ft) || wrongAncestors.isEmpty() ? ""
        : " From your own earlier answers this step would be " + Numbers.computed(ft) + ".";
    return new StepResult(step, q.description(), n.written(), v, expected, Verdict.INCORRECT, 0,
        points, "Incorrect: check " + formula + "." + hint, null, wrongAncestors, ft, formula,
        null);
  }

  /** The mistaken graphs evaluated for one submission, on first need (most sheets never need them). */
  private final class Mistakes {
    private final Map<String, Double> givens;
    private final Map<String, Double> pinned;
    private List<Values> pure;
    private List<Values> world;

    Mistakes(Map<String, Double> givens, Map<String, Double> pinned) {
      this.givens = givens;
      this.pinned = pinned;
    }

    Values pure(int i) {
      evaluate();
      return pure.get(i);
    }

    Values world(int i) {
      evaluate();
      return world.get(i);
    }

    private void evaluate() {
      if (pure != null) {
        return;
      }
      pure = new ArrayList<>();
      world = new ArrayList<>();
      for (Mistaken m : mistaken) {
        pure.add(m.graph().evaluate(givens));
        world.add(m.graph().evaluatePinned(givens, pinned));
      }
    }
  }

  /**
   * The student's answers, their world, and their rounding habit (the coarsest half-unit they
   * wrote, e.g. 0.00005 for four decimals; 0 for full-precision cells).
   */
  private record World(
      Map<String, Double> givens, Map<String, Double> pinned, Values values, double habit) {}

  /**
   * How far a step can move when the student rounded, to their habit, the intermediates the
   * exercise does not ask (first order: the sum over those intermediates of the change one
   * rounding step causes). Zero for a student who wrote full precision.
   */
  private double roundingSlack(String step, World own) {
    if (own.habit() == 0) {
      return 0;
    }
    QuantityGraph graph = template.graph();
    // The step itself is pinned to the student's answer in their world: unpin it here.
    Map<String, Double> free = new HashMap<>(own.pinned());
    free.remove(step);
    double base = graph.evaluatePinned(own.givens(), free).get(step);
    double slack = 0;
    for (String u : hiddenAncestors.get(step)) {
      double value = own.values().get(u);
      // The student's habit, but never coarser than 3 significant figures of the value itself.
      double rounding = value == 0 ? own.habit()
          : Math.min(own.habit(), 0.5 * Math.pow(10, Math.floor(Math.log10(Math.abs(value))) - 2));
      Map<String, Double> moved = new HashMap<>(free);
      moved.put(u, value + rounding);
      slack += Math.abs(graph.evaluatePinned(own.givens(), moved).get(step) - base);
    }
    return slack;
  }

  private boolean matches(String step, double answer, double target, double precision) {
    if (Double.isNaN(target)) {
      return false;
    }
    return rubric.toleranceFor(step).accepts(answer, target)
        || Math.abs(answer - target) <= precision + 1e-12 * Math.abs(target);
  }

  /** The value of a quantity through whichever derivation comes closest to the answer. */
  private static double nearest(double answer, List<Derivation> derivations, Values world) {
    double best = Double.NaN;
    for (Derivation d : derivations) {
      double x = QuantityGraph.recompute(d, world::get);
      if (Double.isNaN(best) || Math.abs(x - answer) < Math.abs(best - answer)) {
        best = x;
      }
    }
    return best;
  }

  /** The reader's reason, with advice on how to write a number unless it already gives some. */
  static String unreadableAdvice(String reason) {
    return reason + (reason.contains("write") ? "." : ". Write a decimal number such as 0.25 or 1.5e-3.");
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
