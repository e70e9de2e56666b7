package org.nngrader.grader.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nngrader.bank.graph.Derivation;
import org.nngrader.bank.graph.Quantity;
import org.nngrader.bank.graph.QuantityGraph;
import org.nngrader.bank.graph.QuantityKind;
import org.nngrader.bank.graph.Values;
import org.nngrader.bank.mistake.Misconception;
import org.nngrader.bank.mistake.Misconceptions;
import org.nngrader.bank.model.Numbers;
import org.nngrader.bank.symbolic.SymbolicSolver;
import org.nngrader.bank.symbolic.SymbolicStep;
import org.nngrader.bank.template.Template;
import org.nngrader.grader.read.WrittenPrecision;
import org.nngrader.rubric.FollowThroughPolicy;
import org.nngrader.rubric.Guessable;
import org.nngrader.rubric.PrecisionPolicy;
import org.nngrader.rubric.Rubric;
import org.nngrader.rubric.Tolerance;

/**
 * Grades the numeric steps of one submission against one variant of a template.
 *
 * <p>Every answer carries its written precision ({@link WrittenPrecision}: half a unit in the
 * last place written, and the significant figures), the same for the same digits in any form.
 * For each asked step, in the order of the quantity graph:
 *
 * <ol>
 *   <li>{@code correct} when within the rubric's tolerance of the reference;
 *   <li>{@code imprecise} when it is the reference rounded at the precision written (or inside
 *       the tolerance with fewer figures than the rubric's {@link PrecisionPolicy} asks, and
 *       not the exact value): no credit below the minimum figures, else the policy's credit;
 *   <li>right from the student's own earlier answers: the graph re-evaluated with every
 *       answered step pinned to the student's value (intermediates the exercise does not ask
 *       are carried along), within the <em>propagated precision</em>: the step's own half-unit
 *       plus, to first order, what the written half-units of the student's earlier answers and
 *       the rounding of unasked intermediates (at the student's rounding habit) move the step
 *       by. When every earlier answer is right at its precision this is {@code correct} with a
 *       rounding note; otherwise {@code follow-through}, unless it rests on an unexplained
 *       trivial value (the rubric's anti-gaming rule, with values within a fiftieth of the
 *       way from the trivial value to the right one counted as that trivial value);
 *   <li>{@code follow-through} of a misconception named at an earlier step, when the mistaken
 *       graph, pinned to the student's answers, gives this answer: a mistake costs points once;
 *   <li>{@code misconception} when a catalogued mistake explains the answer and rounding does
 *       not (the mistaken value lies outside the rounding interval of the right and of the
 *       follow-through value);
 *   <li>else {@code incorrect}.
 * </ol>
 *
 * <p>A student's rounding habit is the most common half-unit among their rounded answers of
 * two or more figures. An answer with too few figures and coarser than that habit ("0" for a
 * gradient of 0.08 on a sheet written to 4 decimals) widens no allowance, and the steps built
 * on it are follow-through of a wrong value under the anti-gaming rule, never "right from
 * rounding"; "0" for a non-zero value is a rounding only within the habit.
 *
 * <p>An answer that can be guessed from the givens (0, 1, -1, a target or another given value)
 * while the right value is not exactly that (0 for the error after 10000 updates, the target
 * for the output) is credited only when the student's own earlier work supports it (at least
 * half of the earlier asked steps right), or never under {@code guessable: no-credit}.
 *
 * <p>A symbolic template (exercise family 5) is graded by {@link ExpressionGrading}: its
 * expression steps are parsed and compared with the reference at random points, its number
 * steps within the tolerance; see {@link #expressionSteps()}.
 *
 * <p>Immutable and thread-safe: one engine grades a whole class in parallel.
 */
public final class GradingEngine {

  /** A wrong value this much closer to a trivial value than the right one is counts as it. */
  static final double NEAR_TRIVIAL = 0.02;

  private final Template template;
  private final Rubric rubric;
  private final List<Mistaken> mistaken = new ArrayList<>();
  private final Map<String, List<String>> askedAncestors = new HashMap<>();
  private final List<String> askedInOrder;
  /** Computed quantities that are ancestors of an asked step and may be rounded by a student. */
  private final List<String> roundable;
  /**
   * For each roundable quantity, the asked steps computed from it (through any derivation), in
   * asked order: moving it moves no other step.
   */
  private final Map<String, List<String>> askedDependents = new HashMap<>();
  /** The grading of a symbolic template; null for a numeric one. */
  private final ExpressionGrading expressions;
  private final Set<String> expressionSteps;

  /** The template's graph by position. */
  private final IndexedGraph indexed;
  /** By asked position (the order of {@link #askedInOrder}): the step's quantity. */
  private final Quantity[] askedQuantity;
  /** By asked position: the step's derivations in the graph. */
  private final IndexedGraph.Route[][] askedRoutes;
  /** By asked position: the rubric's points and tolerance, and the formula in symbols. */
  private final double[] askedPoints;
  private final Tolerance[] askedTolerance;
  private final String[] askedFormula;
  /** By roundable quantity (the order of {@link #roundable}): its position in the graph. */
  private final int[] roundableAt;
  /** By roundable quantity: the asked positions of {@link #askedDependents}. */
  private final int[][] roundableDependents;

  /**
   * A mistaken graph, by position: for each asked position, where the step is in it (-1 when
   * it names no such quantity) and its derivations there (null then).
   */
  private record Mistaken(Misconception misconception, QuantityGraph graph, IndexedGraph indexed,
      int[] stepAt, IndexedGraph.Route[][] stepRoutes, int[] fromMain, boolean mainGivens) {

    /**
     * @param main the template's graph; {@code fromMain} is where each of its quantities, by
     *     id, is in the mistaken graph (-1 where it names none), and {@code mainGivens} whether
     *     the two have the same given ids in the same order
     */
    Mistaken(Misconception misconception, QuantityGraph graph, List<String> asked,
        QuantityGraph main) {
      this(misconception, graph, new IndexedGraph(graph), new int[asked.size()],
          new IndexedGraph.Route[asked.size()][], new int[main.quantities().size()],
          graph.givenIds().equals(main.givenIds()));
      for (int k = 0; k < stepAt.length; k++) {
        stepAt[k] = graph.indexOf(asked.get(k));
        stepRoutes[k] = stepAt[k] < 0 ? null : indexed.routes(stepAt[k]);
      }
      for (int j = 0; j < fromMain.length; j++) {
        fromMain[j] = graph.indexOf(main.quantities().get(j).id());
      }
    }
  }

  public GradingEngine(Template template, Rubric rubric) {
    this.template = template;
    this.rubric = rubric;
    QuantityGraph graph = template.graph();
    Set<String> asked = new LinkedHashSet<>(template.asked());
    List<String> ordered = new ArrayList<>();
    Set<String> rounded = new LinkedHashSet<>();
    for (Quantity q : graph.quantities()) {
      if (asked.contains(q.id())) {
        ordered.add(q.id());
        List<String> anc = new ArrayList<>();
        for (Quantity a : graph.ancestorsOf(List.of(q.id()))) {
          if (a.id().equals(q.id()) || a.isGiven() || a.kind() == QuantityKind.AFTER_TRAINING) {
            continue;
          }
          rounded.add(a.id());
          if (asked.contains(a.id())) {
            anc.add(a.id());
          }
        }
        askedAncestors.put(q.id(), anc);
      }
    }
    this.askedInOrder = List.copyOf(ordered);
    List<String> inOrder = new ArrayList<>();
    for (Quantity q : graph.quantities()) {
      if (rounded.contains(q.id())) {
        inOrder.add(q.id());
      }
    }
    this.roundable = List.copyOf(inOrder);
    for (String step : askedInOrder) {
      // Every derivation counts (follow-through takes the best), each parent as it is computed.
      Set<String> from = new HashSet<>();
      for (Derivation d : graph.quantity(step).derivations()) {
        graph.ancestorsOf(d.parents()).forEach(a -> from.add(a.id()));
      }
      for (String p : roundable) {
        if (from.contains(p) && !p.equals(step)) {
          askedDependents.computeIfAbsent(p, k -> new ArrayList<>()).add(step);
        }
      }
    }
    // The catalogue rewrites numeric graphs; a symbolic template's graph has linear stand-ins.
    if (!template.isSymbolic()) {
      for (Misconception m : Misconceptions.catalogue()) {
        for (QuantityGraph g : m.apply(template.network(), graph)) {
          mistaken.add(new Mistaken(m, g, askedInOrder, graph));
        }
      }
    }
    this.indexed = new IndexedGraph(graph);
    int n = askedInOrder.size();
    this.askedQuantity = new Quantity[n];
    this.askedRoutes = new IndexedGraph.Route[n][];
    this.askedPoints = new double[n];
    this.askedTolerance = new Tolerance[n];
    this.askedFormula = new String[n];
    Map<String, Integer> position = new HashMap<>();
    for (int k = 0; k < n; k++) {
      String step = askedInOrder.get(k);
      position.put(step, k);
      askedQuantity[k] = graph.quantity(step);
      askedRoutes[k] = indexed.routes(graph.indexOf(step));
      askedPoints[k] = rubric.pointsFor(step);
      askedTolerance[k] = rubric.toleranceFor(step);
      askedFormula[k] = askedQuantity[k].primary().symbolic();
    }
    this.roundableAt = new int[roundable.size()];
    this.roundableDependents = new int[roundable.size()][];
    for (int r = 0; r < roundableAt.length; r++) {
      roundableAt[r] = graph.indexOf(roundable.get(r));
      roundableDependents[r] = askedDependents.getOrDefault(roundable.get(r), List.of()).stream()
          .mapToInt(position::get).toArray();
    }
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

  /** The asked steps in grading order. */
  public List<String> asked() {
    return askedInOrder;
  }

  /**
   * The reference values of one variant: compute them once per variant and pass them to
   * {@link #grade(Map, Values, Map)} for each of its submissions, so that quantities after
   * many updates are not recomputed per submission. Null for a symbolic template.
   */
  public Values reference(Map<String, Double> givens) {
    return expressions != null ? null : template.graph().evaluate(givens);
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
   * Grades one submission against reference values from {@link #reference(Map)} of the same
   * givens.
   */
  public GradeResult grade(Map<String, Double> givens, Values ref,
      Map<String, StudentAnswer> answers) {
    if (expressions != null) {
      return expressions.grade(givens, answers);
    }
    Sheet sheet = new Sheet(givens, ref, answers);
    List<Double> givenValues = new ArrayList<>(ref.givens().values());

    Map<String, StepResult> results = new LinkedHashMap<>();
    Map<String, String> firstStepOfMisconception = new LinkedHashMap<>();
    double score = 0;
    double max = 0;
    String firstDivergence = null;
    int rightSoFar = 0;
    int stepsSoFar = 0;
    for (int k = 0; k < askedInOrder.size(); k++) {
      String step = askedInOrder.get(k);
      Quantity q = askedQuantity[k];
      double expected = ref.get(step);
      double points = askedPoints[k];
      max += points;
      StudentAnswer answer = answers.getOrDefault(step, new StudentAnswer.Missing());
      String formula = askedFormula[k];
      StepResult r;
      if (answer instanceof StudentAnswer.Missing) {
        r = new StepResult(step, q.description(), "", null, expected, Verdict.MISSING, 0, points,
            "No answer was given.", null, List.of(), Double.NaN, formula, null);
      } else if (answer instanceof StudentAnswer.Unreadable u) {
        r = new StepResult(step, q.description(), u.written(), null, expected, Verdict.UNREADABLE,
            0, points, "Could not read '" + u.written() + "' as a number: "
                + unreadableAdvice(u.reason()), null, List.of(), Double.NaN, formula, null);
      } else if (answer instanceof StudentAnswer.Text t) {
        // Text is for expression steps; a number step cannot read it.
        r = new StepResult(step, q.description(), t.written(), null, expected, Verdict.UNREADABLE,
            0, points, "Could not read '" + t.written() + "' as a number. Write a decimal number"
                + " such as 0.25 or 1.5e-3.", null, List.of(), Double.NaN, formula, null);
      } else {
        StudentAnswer.Numeric n = (StudentAnswer.Numeric) answer;
        r = gradeNumeric(k, q, n, sheet.read(step), expected, points, formula, ref, sheet,
            results, givenValues, firstStepOfMisconception);
        WrittenPrecision other = sheet.alternative(step);
        if (other != null && !(r.verdict() == Verdict.CORRECT && r.points() == points)) {
          // A number cell that may have been typed either way: the better reading counts.
          Map<String, String> named = new LinkedHashMap<>(firstStepOfMisconception);
          StepResult r2 = gradeNumeric(k, q, n, other, expected, points, formula, ref, sheet,
              results, givenValues, named);
          if (r2.points() > r.points()
              || (r2.points() == r.points() && rank(r2.verdict()) < rank(r.verdict()))) {
            r = r2;
            firstStepOfMisconception.clear();
            firstStepOfMisconception.putAll(named);
          }
        }
        r = guessed(r, n, givenValues, rightSoFar, stepsSoFar);
      }
      if (r.verdict().isWrong() && firstDivergence == null) {
        firstDivergence = step;
      }
      if (isRight(r.verdict())) {
        rightSoFar++;
      }
      stepsSoFar++;
      score += r.points();
      results.put(step, r);
    }
    return new GradeResult(new ArrayList<>(results.values()), score, max, firstDivergence);
  }

  /** Verdicts from the best to the worst, for two readings of one answer. */
  private static int rank(Verdict v) {
    return switch (v) {
      case CORRECT -> 0;
      case IMPRECISE -> 1;
      case FOLLOW_THROUGH -> 2;
      case MISCONCEPTION -> 3;
      default -> 4;
    };
  }

  private static boolean isRight(Verdict v) {
    return v == Verdict.CORRECT || v == Verdict.IMPRECISE || v == Verdict.FOLLOW_THROUGH;
  }

  /**
   * An answer that can be guessed from the givens keeps its credit only when the student's
   * earlier work supports it: at least half of the earlier asked steps right.
   */
  private StepResult guessed(StepResult r, StudentAnswer.Numeric n, List<Double> givenValues,
      int rightSoFar, int stepsSoFar) {
    // When the right value is itself a given or 0, 1, -1 (dnet/dw is an input, a ReLU
    // derivative is 1), writing it is the exercise, not a guess.
    if (r.points() == 0 || !guessable(n.value(), givenValues)
        || complete(n.value(), r.expected())) {
      return r;
    }
    boolean supported = stepsSoFar == 0 || 2 * rightSoFar >= stepsSoFar;
    if (rubric.guessable() == Guessable.SUPPORTED && supported) {
      return r;
    }
    String why = rubric.guessable() == Guessable.NO_CREDIT
        ? "this sheet gives no credit for answers that can be guessed from the given values"
        : "it can be guessed from the given values, and your earlier steps do not lead to it";
    return new StepResult(r.step(), r.question(), r.written(), r.value(), r.expected(),
        Verdict.INCORRECT, 0, r.maxPoints(), "No credit for " + r.written() + ": " + why
            + ". Show the work that leads to it.", null, r.followsFrom(),
        r.followThroughValue(), r.formula(), null);
  }

  /** 0, 1, -1 or (to one part in 10^12) a given value. */
  static boolean guessable(double v, List<Double> givenValues) {
    if (v == 0 || v == 1 || v == -1) {
      return true;
    }
    for (double g : givenValues) {
      if (Math.abs(v - g) <= 1e-12 * Math.max(Math.abs(v), Math.abs(g))) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param k the step's asked position
   * @param wp the precision the answer is read at: as written, or a number cell's at the
   *     student's habit (a cell drops trailing zeros)
   */
  private StepResult gradeNumeric(int k,
      Quantity q, StudentAnswer.Numeric n, WrittenPrecision wp, double expected, double points,
      String formula, Values ref, Sheet sheet, Map<String, StepResult> earlier,
      List<Double> givenValues, Map<String, String> firstStepOfMisconception) {
    String step = q.id();
    double v = n.value();
    WrittenPrecision typed = n.writtenPrecision();
    Tolerance tol = askedTolerance[k];
    PrecisionPolicy policy = rubric.precision();
    boolean digitsAsked = tol.mode() == Tolerance.Mode.SIGNIFICANT_FIGURES
        || tol.mode() == Tolerance.Mode.DECIMAL_PLACES;
    // A key the tolerance cannot tell from 0 has no figures to ask for: 0, 0.00, 1e-30 are it.
    boolean tooFew = !policy.enough(wp.figures()) && !digitsAsked && !tol.accepts(0, expected);
    int asked = policy.minimumFigures();
    if (tol.accepts(v, expected)) {
      if (tooFew && !agreesToFigures(v, expected, asked)) {
        return imprecise(q, n, wp, expected, points, formula, false, Double.NaN, List.of());
      }
      return new StepResult(step, q.description(), n.written(), v, expected, Verdict.CORRECT,
          points, points, "Correct.", null, List.of(), Double.NaN, formula, null);
    }
    // "0" is the rounding of anything below 0.5, but only a rounding habit makes it one: on a
    // sheet written to 2 decimals "0.00" for 0.0004 is, "0" for 0.3775 elsewhere is not.
    boolean roundedToZero = v == 0 && sheet.beyondHabit(step);
    StepResult coarse = null;
    if (!roundedToZero && Math.abs(v - expected) <= halfUnitSlack(wp.halfUnit(), expected)) {
      // The right value at the precision written; but when it is also what the student's
      // own rounded values give (-0.36 * 0.250 = -0.09), that explanation comes first.
      coarse = imprecise(q, n, wp, expected, points, formula, false, Double.NaN, List.of());
    }
    // Right from the student's own earlier answers, within the propagated precision.
    List<String> wrongAncestors = new ArrayList<>();
    for (String a : askedAncestors.get(step)) {
      StepResult ar = earlier.get(a);
      if (ar != null && ar.value() != null && (!(ar.verdict() == Verdict.CORRECT
          || ar.verdict() == Verdict.IMPRECISE) || unexplainedCoarse(ar, sheet))) {
        wrongAncestors.add(a);
      }
    }
    double ft = sheet.followThrough(k);
    // What the earlier roundings alone move the step by: an answer inside that, written to
    // the figures the sheet asks, has enough figures ("0.5" from 1.25 * 0.4 is 0.500).
    double carried = Math.max(0, sheet.allowance(k) - sheet.ownAllowance(step));
    double allowance = carried + sheet.ownAllowance(wp);
    boolean tooFewForOwn = tooFew && !tol.accepts(0, ft);
    if (within(v, ft, allowance, tol)) {
      if (wrongAncestors.isEmpty()) {
        if (tooFewForOwn && !agreesToFigures(v, ft, carried, asked)) {
          return coarse != null ? coarse
              : imprecise(q, n, wp, expected, points, formula, true, ft, List.of());
        }
        if (coarse != null && coarse.points() > 0 && carried <= 0.1 * sheet.ownAllowance(wp)) {
          return coarse; // nothing rounded before it: simply the right value, imprecisely
        }
        double credit = points * rubric.roundingNoteCredit();
        return new StepResult(step, q.description(), n.written(), v, expected, Verdict.CORRECT,
            credit, points, "Correct from your own (rounded) earlier values.",
            Misconceptions.ROUNDED_EARLY.id(), List.of(), ft, formula,
            Misconceptions.ROUNDED_EARLY.feedback());
      }
      if (coarse != null && coarse.points() > 0) {
        return coarse; // the right value comes before a value right from wrong ones
      }
      Map<String, Double> studentInputs = new LinkedHashMap<>();
      Map<String, Double> referenceInputs = new LinkedHashMap<>();
      Map<String, String> standsFor = new LinkedHashMap<>();
      for (String a : wrongAncestors) {
        // Only unexplained wrong values can be placeholders: one that follows from the
        // student's own work, or that a named misconception explains, is their reasoning.
        if (earlier.get(a).verdict() == Verdict.INCORRECT
            || unexplainedCoarse(earlier.get(a), sheet)) {
          double value = earlier.get(a).value();
          double trivial = nearTrivial(value, ref.get(a), givenValues);
          studentInputs.put(a, trivial);
          referenceInputs.put(a, ref.get(a));
          if (trivial != value) {
            standsFor.put(a, earlier.get(a).written().strip());
          }
        }
      }
      FollowThroughPolicy.Check check =
          rubric.checkFollowThrough(studentInputs, referenceInputs, givenValues, standsFor);
      if (!check.allowed()) {
        return new StepResult(step, q.description(), n.written(), v, expected, Verdict.INCORRECT,
            0, points, check.reason(), null, wrongAncestors, ft, formula, null);
      }
      if (tooFewForOwn && !agreesToFigures(v, ft, carried, asked)) {
        return coarse != null ? coarse
            : imprecise(q, n, wp, expected, points, formula, true, ft, wrongAncestors);
      }
      return new StepResult(step, q.description(), n.written(), v, expected,
          Verdict.FOLLOW_THROUGH, points * rubric.followThrough().credit(), points,
          "Not the expected value, but it follows correctly from your answer"
              + (wrongAncestors.size() > 1 ? "s to " : " to ") + String.join(", ", wrongAncestors)
              + " (expected " + Numbers.computed(expected) + ").",
          null, wrongAncestors, ft, formula, null);
    }
    if (coarse != null) {
      return coarse;
    }
    // A number cell read at the habit is still the right value at the digits it shows: 0.3
    // typed for 0.2996 by a student who writes 4 decimals is right, with too few figures.
    if (v != 0 && typed.halfUnit() > wp.halfUnit()
        && Math.abs(v - expected) <= halfUnitSlack(typed.halfUnit(), expected)) {
      return imprecise(q, n, typed, expected, points, formula, false, Double.NaN, List.of());
    }
    // A misconception already named: this step carries it on, and it is counted once.
    for (Map.Entry<String, String> named : firstStepOfMisconception.entrySet()) {
      for (int i = 0; i < mistaken.size(); i++) {
        Mistaken m = mistaken.get(i);
        if (!m.misconception().id().equals(named.getKey())) {
          continue;
        }
        if (within(v, sheet.mistakenLocal(i, k, v), allowance, tol)
            || within(v, sheet.mistakenPure(i, k), allowance, tol)) {
          return new StepResult(step, q.description(), n.written(), v, expected,
              Verdict.FOLLOW_THROUGH, points * rubric.followThrough().credit(), points,
              "Follows from your misconception at step " + named.getValue() + " ("
                  + m.misconception().title() + "); it is counted there, not again.",
              null, List.of(named.getValue()), ft, formula, null);
        }
      }
    }
    // New misconceptions: first the mistake made at this very step, from the student's own
    // earlier answers (so "gradient added" is named where the gradients were right); then the
    // mistake carried from the givens through steps the exercise does not ask. A mistake is
    // named only when rounding cannot explain the answer.
    double ownWidth = halfUnitSlack(typed.halfUnit(), expected) + tol.width(expected);
    for (boolean local : new boolean[] {true, false}) {
      for (int i = 0; i < mistaken.size(); i++) {
        Mistaken m = mistaken.get(i);
        double candidate = local ? sheet.mistakenLocal(i, k, v) : sheet.mistakenPure(i, k);
        if (within(v, candidate, allowance, tol)
            && Math.abs(candidate - expected) > ownWidth
            && !within(candidate, ft, allowance, tol)) {
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

  /**
   * An imprecise answer written more coarsely than the student's habit ("0" for a gradient of
   * 0.08 on a sheet written to 4 decimals): it earns nothing, and later steps built on it are
   * follow-through of a wrong value, under the anti-gaming rule, not "right from rounding".
   */
  private boolean unexplainedCoarse(StepResult r, Sheet sheet) {
    return r.verdict() == Verdict.IMPRECISE && r.points() == 0 && sheet.beyondHabit(r.step());
  }

  /** The right value (or right from the student's own answers) at the precision written. */
  private StepResult imprecise(Quantity q, StudentAnswer.Numeric n, WrittenPrecision read,
      double expected, double points, String formula, boolean fromOwn, double ft,
      List<String> followsFrom) {
    PrecisionPolicy policy = rubric.precision();
    int figures = read.figures();
    // "0.25" for 0.249751 is right to 3 figures: the trailing zero a number cell drops counts.
    boolean enough = policy.enough(figures)
        || agreesToFigures(n.value(), fromOwn ? ft : expected, policy.minimumFigures());
    String what = fromOwn
        ? (followsFrom.isEmpty() ? "Right from your own (rounded) earlier values"
            : "Right from your own earlier answers to " + String.join(", ", followsFrom))
        : "Right value";
    String feedback;
    double credit;
    if (enough) {
      credit = points * policy.credit();
      feedback = what + " at the precision written, but outside the tolerance ("
          + rubric.toleranceFor(q.id()).describe() + "); write more significant figures.";
    } else {
      credit = 0;
      String shown = n.value() == 0
          ? "written as " + n.written().strip() + ", which shows no significant figure of it"
          : "written with " + figuresText(figures);
      feedback = what + ", " + shown + "; this sheet asks for at least "
          + figuresText(policy.minimumFigures()) + ".";
    }
    return new StepResult(q.id(), q.description(), n.written(), n.value(), expected,
        Verdict.IMPRECISE, credit, points, feedback, null, followsFrom, ft, formula, null);
  }

  private static String figuresText(int figures) {
    return figures + (figures == 1 ? " significant figure" : " significant figures");
  }

  /**
   * Whether the answer is the value to {@code figures} significant figures (or closer), however
   * many digits it shows: "0.25" agrees with 0.249751 to 3 figures, "-0.0001" with -0.000117
   * to none.
   */
  static boolean agreesToFigures(double answer, double value, int figures) {
    if (value == 0 || !Double.isFinite(value)) {
      return answer == value;
    }
    double half = 0.5 * Math.pow(10, Math.floor(Math.log10(Math.abs(value))) - figures + 1);
    return Math.abs(answer - value) <= half * (1 + 1e-9) + 4 * Math.ulp(Math.abs(value));
  }

  /** {@link #agreesToFigures(double, double, int)}, with the value known only to {@code carried}. */
  static boolean agreesToFigures(double answer, double value, double carried, int figures) {
    if (Math.abs(answer - value) <= carried) {
      return true;
    }
    double nearest = answer > value ? value + carried : value - carried;
    return agreesToFigures(answer, nearest, figures);
  }

  /** Whether the answer is the value itself, not a rounding of it. */
  static boolean complete(double answer, double value) {
    return Math.abs(answer - value) <= 1e-6 * Math.max(Math.abs(answer), Math.abs(value)) + 1e-12;
  }

  /** Half a unit in the last written place, widened for binary rounding of the decimal. */
  private static double halfUnitSlack(double halfUnit, double value) {
    return halfUnit * (1 + 1e-9) + 4 * Math.ulp(Math.abs(value)) + 1e-15;
  }

  private static boolean within(double answer, double target, double allowance, Tolerance tol) {
    if (Double.isNaN(target) || !Double.isFinite(target)) {
      return false;
    }
    return Math.abs(answer - target) <= allowance * (1 + 1e-9) + tol.width(target);
  }

  /**
   * A wrong value that is much closer to a trivial value (0, 1, -1, a given) than the right
   * value is, as that trivial value: 0.0001 written for a gradient of 0.08 is a placeholder for
   * 0. Values not that close are returned unchanged.
   */
  static double nearTrivial(double value, double reference, List<Double> givenValues) {
    List<Double> trivial = new ArrayList<>(List.of(0.0, 1.0, -1.0));
    trivial.addAll(givenValues);
    for (double t : trivial) {
      if (Math.abs(value - t) <= NEAR_TRIVIAL * Math.abs(reference - t)) {
        return t;
      }
    }
    return value;
  }

  /**
   * One written answer, for the rounding habit.
   *
   * @param owns the step's value from the student's own earlier answers, by each derivation
   */
  private record Written(double value, WrittenPrecision precision, double[] owns) {

    /**
     * Whether a number cell read at {@code p} can be the rounding of the student's own value:
     * within one and a half units in its last place (the intermediates they rounded and did
     * not write move it a little).
     */
    boolean roundsOwnAt(WrittenPrecision p) {
      return roundsOwnAt(p.halfUnit());
    }

    private boolean roundsOwnAt(double halfUnit) {
      for (double own : owns) {
        if (Math.abs(value - own) <= halfUnitSlack(3 * halfUnit, own)) {
          return true;
        }
      }
      return false;
    }

    /**
     * False only when the cell read with trailing zeros at half-unit {@code h} ({@link
     * WrittenPrecision#withTrailingZeros}) cannot be the rounding of the student's own value:
     * that reading is never coarser than {@link #trailingZerosBound}, and a finer one rounds
     * fewer values. Spares reading the cell's digits where the answer is far from its own value.
     */
    boolean mayRoundOwnWithZerosAt(double h) {
      double bound = trailingZerosBound(h);
      return !(bound > 0) || !Double.isFinite(value) || roundsOwnAt(bound);
    }
  }

  /**
   * At least the half-unit of {@link WrittenPrecision#withTrailingZeros} of any value at
   * half-unit {@code h}: that reading is to {@code round(-log10(2h))} decimals or more; NaN
   * where that many decimals are beyond a double's reach.
   */
  static double trailingZerosBound(double h) {
    if (!(h > 0) || !Double.isFinite(h)) {
      return Double.NaN;
    }
    int scale = (int) Math.round(-Math.log10(2 * h));
    if (scale < -280 || scale > 280) {
      return Double.NaN;
    }
    return 0.5 * Math.pow(10, -scale) * (1 + 1e-9);
  }

  /**
   * A student's rounding habit, read off their rounded answers: the most common half-unit among
   * those of two or more significant figures (0.005 for 2 decimals), the most common number of
   * significant figures, and how many of the answers each of the two explains. A number cell
   * that shows fewer digits is explained by a habit when, read with the trailing zeros it
   * dropped, it is the rounding of the student's own value (0.0009 is 0.00090 of a student who
   * writes 2 significant figures only when their own value is 0.000900 to 2 figures more).
   *
   * @param count the rounded answers the habit is read from
   */
  private record Habit(double halfUnit, int figures, int byHalf, int byFigures, int count,
      double finest) {

    static Habit of(List<Written> written) {
      List<Double> halves = new ArrayList<>();
      List<Integer> figures = new ArrayList<>();
      int count = 0;
      for (Written w : written) {
        WrittenPrecision p = w.precision();
        if (p.isExact()) {
          continue;
        }
        count++;
        if (w.value() != 0 && !halves.contains(p.halfUnit())) {
          halves.add(p.halfUnit());
        }
        if (w.value() != 0 && !figures.contains(p.figures())) {
          figures.add(p.figures());
        }
      }
      // The habit that explains the most answers; ties: the coarser half-unit, fewer figures.
      double half = 0;
      int byHalf = 0;
      for (double h : halves) {
        int n = explainedByHalf(written, h);
        if (n > byHalf || (n == byHalf && h > half)) {
          half = h;
          byHalf = n;
        }
      }
      int fig = 0;
      int byFig = 0;
      for (int f : figures) {
        int n = explainedByFigures(written, f);
        if (n > byFig || (n == byFig && f < fig)) {
          fig = f;
          byFig = n;
        }
      }
      double finest = halves.stream().mapToDouble(Double::doubleValue).min().orElse(0);
      return new Habit(half, fig, byHalf, byFig, count, finest);
    }

    /** The answers written at half-unit {@code h}, or that fit it with trailing zeros. */
    private static int explainedByHalf(List<Written> written, double h) {
      int n = 0;
      for (Written w : written) {
        WrittenPrecision p = w.precision();
        if (p.isExact() || w.value() == 0) {
          continue;
        }
        double ratio = p.halfUnit() / h;
        if (Math.abs(ratio - 1) < 1e-6 || (ratio > 1 && w.mayRoundOwnWithZerosAt(h)
            && w.roundsOwnAt(WrittenPrecision.withTrailingZeros(w.value(), h)))) {
          n++;
        }
      }
      return n;
    }

    /** The answers written with {@code f} significant figures, or that fit with zeros. */
    private static int explainedByFigures(List<Written> written, int f) {
      int n = 0;
      for (Written w : written) {
        WrittenPrecision p = w.precision();
        if (p.isExact() || w.value() == 0) {
          continue;
        }
        if (p.figures() == f || (p.figures() < f
            && w.roundsOwnAt(WrittenPrecision.withFigures(w.value(), f)))) {
          n++;
        }
      }
      return n;
    }

    /**
     * A number cell's value as this student would have typed it, trailing zeros included: at
     * the habit that explains more of their answers, or, when their answers cannot tell 3
     * decimals from 3 significant figures, at the coarser of the two readings (what it carries
     * into later steps is then never underestimated) unless that one would be a coarse one-off
     * (fewer than {@code minimumFigures} and coarser than the decimal habit: 1.1 of a student
     * who writes 0.74 and 0.03 is 1.10); {@link #alternative} is the other reading. 0 is read
     * at the finest half-unit the student writes (it has no figure to pad). A reading is taken
     * only when the value, so read, can be the rounding of the student's own value.
     */
    WrittenPrecision read(Written cell, int minimumFigures) {
      WrittenPrecision read = habitual(cell, minimumFigures);
      // Trailing zeros are read only into a value they fit: "0.3" for 0.2984 stays one figure.
      return cell.roundsOwnAt(read) ? read : cell.precision();
    }

    private WrittenPrecision habitual(Written cell, int minimumFigures) {
      double value = cell.value();
      if (value == 0) {
        // "0" of a student who writes 0.74 and 0.0259 is their 0.00 or 0.0000: the finest.
        return WrittenPrecision.withTrailingZeros(0, finest);
      }
      WrittenPrecision decimals = WrittenPrecision.withTrailingZeros(value, halfUnit);
      if (byFigures == 0) {
        return decimals;
      }
      WrittenPrecision figured = WrittenPrecision.withFigures(value, figures);
      if (byFigures != byHalf) {
        return byFigures > byHalf ? figured : decimals;
      }
      boolean oneOff = figured.figures() < minimumFigures
          && figured.halfUnit() > halfUnit * (1 + 1e-9);
      return figured.halfUnit() > decimals.halfUnit() && !oneOff ? figured : decimals;
    }

    /**
     * The other reading of a cell whose answers explain both habits equally, when the two
     * differ and the cell so
     * read is also the rounding of the student's own value; else null. The step is graded
     * under both and the student gets the better: the digits typed may have been either.
     *
     * @param read the cell's {@link #read}
     */
    WrittenPrecision alternative(Written cell, WrittenPrecision read) {
      double value = cell.value();
      if (value == 0 || byFigures == 0 || byFigures != byHalf) {
        return null;
      }
      WrittenPrecision figured = WrittenPrecision.withFigures(value, figures);
      WrittenPrecision decimals = WrittenPrecision.withTrailingZeros(value, halfUnit);
      if (figured.equals(decimals) || !cell.roundsOwnAt(figured) || !cell.roundsOwnAt(decimals)) {
        return null;
      }
      return read.equals(figured) ? decimals : figured;
    }
  }

  /**
   * One submission: its answers, the student's world (the graph pinned to their answers), the
   * propagated precision of each step, and the mistaken graphs, evaluated on first need.
   */
  private final class Sheet {
    private final Map<String, Double> givens;
    private final Map<String, Double> pinned = new LinkedHashMap<>();
    private final Map<String, WrittenPrecision> precision = new HashMap<>();
    private final Map<String, Double> answered = new HashMap<>();
    /** Which quantities the student's answers pin, by position. */
    private final boolean[] isPinned;
    /** The student's world: the graph pinned to their answers, computed as far as it is read. */
    private final IndexedGraph.World world;
    /** Whether every pinned answer is named by its quantity's id (no alias, no other name). */
    private final boolean pinnedByIds;
    /** The pinned answers in their order: the position of each and its value. */
    private final int[] pinnedAt;
    private final double[] pinnedValue;
    /**
     * The student's usual half-unit: the most common among their rounded answers of two or
     * more significant figures (0.005 for a student who writes 2 decimals); 0 if none.
     */
    private final double habit;
    /** By asked position: the follow-through value (NaN when not answered) and allowance. */
    private double[] ft;
    private double[] allowance;
    private IndexedGraph.World[] pure;
    private IndexedGraph.World[] mistakenWorld;

    /** The other reading of number cells that their answers cannot tell from the first. */
    private final Map<String, WrittenPrecision> alternative = new HashMap<>();

    Sheet(Map<String, Double> givens, Values ref, Map<String, StudentAnswer> answers) {
      this.givens = givens;
      QuantityGraph graph = template.graph();
      answers.forEach((id, a) -> {
        if (a instanceof StudentAnswer.Numeric n && graph.contains(id)
            && !graph.quantity(id).isGiven()) {
          pinned.put(id, n.value());
          precision.put(id, n.writtenPrecision());
          answered.put(id, n.value());
        }
      });
      double[] given = graph.givenArray(givens);
      this.isPinned = new boolean[indexed.size];
      double[] pins = new double[indexed.size];
      indexed.pin(pinned, isPinned, pins);
      this.world = indexed.new Pinned(given, isPinned, pins);
      boolean byIds = true;
      this.pinnedAt = new int[pinned.size()];
      this.pinnedValue = new double[pinned.size()];
      int j = 0;
      for (Map.Entry<String, Double> e : pinned.entrySet()) {
        pinnedAt[j] = graph.indexOf(e.getKey());
        pinnedValue[j++] = e.getValue();
        byIds &= graph.quantities().get(pinnedAt[j - 1]).id().equals(e.getKey());
      }
      this.pinnedByIds = byIds;
      Map<String, Written> typed = new LinkedHashMap<>();
      for (int k = 0; k < askedInOrder.size(); k++) {
        String id = askedInOrder.get(k);
        if (precision.containsKey(id)) {
          IndexedGraph.Route[] ds = askedRoutes[k];
          double[] owns = new double[ds.length];
          for (int d = 0; d < owns.length; d++) {
            owns[d] = ds[d].apply(world);
          }
          typed.put(id, new Written(answered.get(id), precision.get(id), owns));
        }
      }
      // A number cell drops trailing zeros: read it at the habit the other answers show.
      Habit seen = Habit.of(List.copyOf(typed.values()));
      int minimum = rubric.precision().minimumFigures();
      typed.forEach((id, w) -> {
        if (!w.precision().isExact() && (w.value() == 0 || seen.count() >= 3)) {
          WrittenPrecision read = seen.read(w, minimum);
          if (read.halfUnit() < w.precision().halfUnit()) {
            precision.put(id, read);
          }
          WrittenPrecision other = seen.alternative(w, read);
          if (other != null && !other.equals(precision.get(id))) {
            alternative.put(id, other);
          }
        }
      });
      // The usual half-unit, from the answers of two or more figures as read: one-figure
      // answers ("0.4" on a sheet otherwise exact) are no habit.
      Map<Double, Integer> counts = new java.util.TreeMap<>();
      for (WrittenPrecision w : precision.values()) {
        if (!w.isExact() && w.figures() >= 2) {
          counts.merge(w.halfUnit(), 1, Integer::sum);
        }
      }
      double mode = 0;
      int most = 0;
      for (Map.Entry<Double, Integer> e : counts.entrySet()) {
        if (e.getValue() >= most) { // ties: the coarser
          mode = e.getKey();
          most = e.getValue();
        }
      }
      this.habit = mode;
    }

    /** The other reading of the step's number cell, or null. */
    WrittenPrecision alternative(String step) {
      return alternative.get(step);
    }

    /** The own half-unit of an answer read at {@code w} (0 for a coarse one-off). */
    double ownAllowance(WrittenPrecision w) {
      return !rubric.precision().enough(w.figures()) && w.halfUnit() > habit * (1 + 1e-9)
          ? 0 : w.halfUnit();
    }

    /** The precision the step's answer is read at: as written, or a cell's at the habit. */
    WrittenPrecision read(String step) {
      return precision.get(step);
    }

    /** Whether the step's answer has too few figures and is coarser than the habit. */
    boolean beyondHabit(String step) {
      WrittenPrecision w = precision.get(step);
      return w != null && !rubric.precision().enough(w.figures())
          && w.halfUnit() > habit * (1 + 1e-9);
    }

    /** The step's own half-unit in its allowance (0 for a coarse answer beyond the habit). */
    double ownAllowance(String step) {
      WrittenPrecision w = precision.get(step);
      return w == null || beyondHabit(step) ? 0 : w.halfUnit();
    }

    /** The follow-through value of the step at asked position {@code k}. */
    double followThrough(int k) {
      propagate();
      return ft[k];
    }

    /** The propagated allowance of the step at asked position {@code k}. */
    double allowance(int k) {
      propagate();
      return allowance[k];
    }

    /**
     * The value of each answered step from the student's world and the propagated precision
     * around it: the step's own half-unit, plus what moving each earlier answer by its
     * half-unit, and each intermediate the student did not write (or the exercise does not ask)
     * by the student's rounding habit, moves it by. Each derivation of a step (the chain through
     * unasked intermediates, or the delta route) has its own value and allowance; the one that
     * explains the answer best (the smallest distance beyond its allowance) is kept. One world
     * per moved quantity, in which only what is computed from it is computed again.
     */
    private void propagate() {
      if (ft != null) {
        return;
      }
      int n = askedInOrder.size();
      ft = new double[n];
      java.util.Arrays.fill(ft, Double.NaN);
      allowance = new double[n];
      double[][] values = new double[n][];
      double[][] widths = new double[n][];
      for (int k = 0; k < n; k++) {
        String s = askedInOrder.get(k);
        if (answered.get(s) == null) {
          continue;
        }
        IndexedGraph.Route[] ds = askedRoutes[k];
        double[] x = new double[ds.length];
        double[] w = new double[ds.length];
        // A coarse answer beyond the habit widens nothing, not even around itself.
        double own = beyondHabit(s) ? 0 : precision.get(s).halfUnit();
        for (int d = 0; d < x.length; d++) {
          x[d] = ds[d].apply(world);
          w[d] = own;
        }
        values[k] = x;
        widths[k] = w;
      }
      Map<String, WrittenPrecision> byId = roundingsById();
      List<WrittenPrecision> roundings = new ArrayList<>(byId.values());
      double habit = roundings.stream().mapToDouble(WrittenPrecision::halfUnit).min().orElse(0);
      // How the student rounds numbers of each size (4 decimals above 0.01, 4 figures below).
      Map<Integer, Double> byDecade = new HashMap<>();
      for (Map.Entry<String, WrittenPrecision> e : byId.entrySet()) {
        byDecade.merge(decade(answered.get(e.getKey())), e.getValue().halfUnit(), Math::max);
      }
      double habitMax = roundings.stream().mapToDouble(WrittenPrecision::halfUnit).max().orElse(0);
      int[] figures = roundings.stream().mapToInt(WrittenPrecision::figures).sorted().toArray();
      int habitFigures = figures.length == 0 ? WrittenPrecision.FULL : figures[figures.length / 2];
      for (int r = 0; r < roundableAt.length; r++) {
        String p = roundable.get(r);
        int at = roundableAt[r];
        double move;
        if (pinned.containsKey(p)) {
          // An answer with too few figures is not credited and widens nothing: "0" for 0.38
          // must not make every later answer "right from your own values".
          WrittenPrecision w = precision.get(p);
          move = rubric.precision().enough(w.figures()) ? w.halfUnit() : 0;
        } else {
          Double same = byDecade.get(decade(world.get(at)));
          move = same != null ? same : rounding(world.get(at), habit, habitMax, habitFigures);
        }
        if (move == 0) {
          continue;
        }
        IndexedGraph.World w = moved(p, at, world.get(at) + move);
        for (int s : roundableDependents[r]) {
          double[] x = values[s];
          if (x == null) {
            continue; // not answered
          }
          IndexedGraph.Route[] ds = askedRoutes[s];
          double[] width = widths[s];
          for (int d = 0; d < x.length; d++) {
            double delta = Math.abs(ds[d].apply(w) - x[d]);
            if (delta > 0 && Double.isFinite(delta)) {
              width[d] += delta;
            }
          }
        }
      }
      for (int k = 0; k < n; k++) {
        double[] x = values[k];
        if (x == null) {
          continue;
        }
        double v = answered.get(askedInOrder.get(k));
        double[] width = widths[k];
        int best = 0;
        for (int d = 1; d < x.length; d++) {
          if (Math.abs(v - x[d]) - width[d] < Math.abs(v - x[best]) - width[best]) {
            best = d;
          }
        }
        ft[k] = x[best];
        allowance[k] = width[best];
      }
    }

    /**
     * The student's world with the quantity {@code p} (at position {@code at}) pinned to
     * {@code value}. Answers named otherwise than by ids (an alias beside its quantity's id)
     * are pinned as {@link QuantityGraph#evaluatePinned} reads a hash map of them.
     */
    private IndexedGraph.World moved(String p, int at, double value) {
      if (pinnedByIds) {
        return indexed.new Moved(world, isPinned, at, value);
      }
      Map<String, Double> moved = new HashMap<>(pinned);
      moved.put(p, value);
      return indexed.new Evaluated(template.graph().evaluatePinned(givens, moved));
    }

    private static int decade(double value) {
      return value == 0 || !Double.isFinite(value) ? Integer.MIN_VALUE
          : (int) Math.floor(Math.log10(Math.abs(value)));
    }

    /** The written answers that are roundings (not exact values), for the rounding habit. */
    private Map<String, WrittenPrecision> roundingsById() {
      Map<String, WrittenPrecision> out = new LinkedHashMap<>();
      for (Map.Entry<String, WrittenPrecision> e : precision.entrySet()) {
        WrittenPrecision w = e.getValue();
        if (w.isExact() || beyondHabit(e.getKey())) {
          continue; // a coarse one-off is no habit
        }
        double v = answered.get(e.getKey());
        double own = indexed.primary(indexed.indexOf(e.getKey())).apply(world);
        if (complete(v, own)) {
          continue; // written exactly as it comes out (a copied input, a 0 derivative)
        }
        out.put(e.getKey(), w);
      }
      return out;
    }

    /** How much a student of this habit moves a value they round but do not write. */
    private static double rounding(double value, double minHalf, double maxHalf, int figures) {
      if (maxHalf == 0 || !Double.isFinite(value)) {
        return 0;
      }
      double byFigures = value == 0 ? minHalf
          : 0.5 * Math.pow(10, Math.floor(Math.log10(Math.abs(value))) - figures + 1);
      return Math.min(maxHalf, Math.max(minHalf, byFigures));
    }

    /** The step at asked position {@code k} in mistaken graph {@code i} from the givens. */
    double mistakenPure(int i, int k) {
      evaluateMistakes();
      // A mistaken graph may name quantities differently (weights numbered by source).
      int at = mistaken.get(i).stepAt()[k];
      return at >= 0 ? pure[i].get(at) : Double.NaN;
    }

    /** The step through the mistaken graph's derivation nearest the answer, in its world. */
    double mistakenLocal(int i, int k, double answer) {
      evaluateMistakes();
      IndexedGraph.Route[] routes = mistaken.get(i).stepRoutes()[k];
      if (routes == null) {
        return Double.NaN;
      }
      IndexedGraph.World w = mistakenWorld[i];
      double best = Double.NaN;
      for (IndexedGraph.Route d : routes) {
        double x = d.apply(w);
        if (Double.isNaN(best) || Math.abs(x - answer) < Math.abs(best - answer)) {
          best = x;
        }
      }
      return best;
    }

    /** The mistaken graphs from the givens and pinned to the answers, read as far as needed. */
    private void evaluateMistakes() {
      if (pure != null) {
        return;
      }
      IndexedGraph.World[] pures = new IndexedGraph.World[mistaken.size()];
      IndexedGraph.World[] worlds = new IndexedGraph.World[mistaken.size()];
      double[] mainGiven = null;
      for (int i = 0; i < pures.length; i++) {
        Mistaken m = mistaken.get(i);
        // Checked as evaluating the mistaken graph checks them: once for the graphs whose given
        // ids are the template's, which check them alike.
        double[] given;
        if (m.mainGivens()) {
          if (mainGiven == null) {
            mainGiven = template.graph().checkedGivenArray(givens);
          }
          given = mainGiven;
        } else {
          given = m.graph().checkedGivenArray(givens);
        }
        IndexedGraph g = m.indexed();
        pures[i] = g.new Pinned(given, null, null);
        boolean[] pinnedThere = new boolean[g.size];
        double[] pins = new double[g.size];
        if (pinnedByIds) {
          // As pin(pinned) reads them: each id where the mistaken graph has it, in order.
          for (int j = 0; j < pinnedAt.length; j++) {
            int at = m.fromMain()[pinnedAt[j]];
            if (at >= 0 && !g.isGiven(at)) {
              pins[at] = pinnedValue[j];
              pinnedThere[at] = true;
            }
          }
        } else {
          g.pin(pinned, pinnedThere, pins);
        }
        worlds[i] = g.new Pinned(given, pinnedThere, pins);
      }
      pure = pures;
      mistakenWorld = worlds;
    }
  }

  /** The reader's reason, with advice on how to write a number unless it already gives some. */
  static String unreadableAdvice(String reason) {
    return reason + (reason.contains("write") ? "." : ". Write a decimal number such as 0.25 or 1.5e-3.");
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
