package org.nngrader.bank.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;

/**
 * Decides whether a student's expression means the same as the reference by evaluating both at
 * random points, the way WeBWorK and STACK grade formulas.
 *
 * <p>At each point every allowed symbol gets a random value of magnitude in {@code [0.5, 2.5)} and
 * random sign (never near 0, where a missing factor of the symbol would go unseen), and every
 * allowed abstract function ({@code f, f', g, g'}) a random smooth function {@code a + b sin(c x +
 * d) + q x^2} of its own, drawn afresh per point: {@code f'(-4.2)} and {@code f'(-4.20)} agree,
 * {@code f'(4.2)} does not. Points where the reference is undefined (say {@code sqrt} of a negative
 * value) are skipped and redrawn.
 *
 * <p><b>Tolerance.</b> At each point the student's value {@code s} passes when {@code |s - r| <=
 * relativeTolerance * scale} or {@code |s - r| <= absoluteFloor}, where {@code r} is the
 * reference's value and {@code scale} is the largest of {@code |r|}, the magnitude of the
 * reference's terms (sums taken over absolute values) and its sensitivity to its own numbers
 * ({@code Σ |c ∂r/∂c|} over its literals {@code c}). So numbers written rounded, {@code -0.2484*y +
 * 0.07006} for {@code -0.248442*y + 0.070060644}, pass at a relative tolerance of 1e-3 and fail at
 * 1e-6, also at points where the terms cancel and {@code r} is near zero. The rubric's tolerance
 * for the step is the relative tolerance to use (significant figures {@code n} correspond to about
 * {@code 5 * 10^-n}). The expression is equivalent when every point passes.
 *
 * <p><b>Determinism.</b> The points depend only on the seed and on the allowed names, never on the
 * student's expression, so the same answer always gets the same verdict.
 *
 * <p>Immutable and thread-safe.
 *
 * @param points random points per comparison
 * @param seed seed of the random points
 * @param relativeTolerance relative tolerance per point, in {@code (0, 1)}
 * @param absoluteFloor deviations up to this are always accepted, {@code >= 0}
 */
public record EquivalenceChecker(
    int points, long seed, double relativeTolerance, double absoluteFloor) {

  /** Default number of random points. */
  public static final int DEFAULT_POINTS = 8;

  /** Default seed: fixed, so verdicts are reproducible. */
  public static final long DEFAULT_SEED = 0x6E6E_6772_6164_6572L;

  /** Default relative tolerance: exact answers, up to floating-point noise. */
  public static final double DEFAULT_RELATIVE_TOLERANCE = 1e-6;

  /** Default absolute floor. */
  public static final double DEFAULT_ABSOLUTE_FLOOR = 1e-12;

  /** Largest number of points accepted in a configuration. */
  public static final int MAX_POINTS = 1000;

  static final double SYMBOL_LOW = 0.5;
  static final double SYMBOL_HIGH = 2.5;

  /** Draws per wanted point before giving up on a reference that is undefined almost everywhere. */
  private static final int DRAWS_PER_POINT = 25;

  public EquivalenceChecker {
    if (points < 1 || points > MAX_POINTS) {
      throw new IllegalArgumentException(
          "points is " + points + "; it must be between 1 and " + MAX_POINTS);
    }
    if (!(relativeTolerance > 0 && relativeTolerance < 1)) {
      throw new IllegalArgumentException(
          "relativeTolerance is " + relativeTolerance + "; it must be greater than 0 and below 1");
    }
    if (!(absoluteFloor >= 0 && Double.isFinite(absoluteFloor))) {
      throw new IllegalArgumentException(
          "absoluteFloor is " + absoluteFloor + "; it must be a finite number >= 0");
    }
  }

  /** The default configuration: 8 points, the fixed seed, relative 1e-6, absolute 1e-12. */
  public static EquivalenceChecker defaults() {
    return new EquivalenceChecker(
        DEFAULT_POINTS, DEFAULT_SEED, DEFAULT_RELATIVE_TOLERANCE, DEFAULT_ABSOLUTE_FLOOR);
  }

  public EquivalenceChecker withPoints(int points) {
    return new EquivalenceChecker(points, seed, relativeTolerance, absoluteFloor);
  }

  public EquivalenceChecker withSeed(long seed) {
    return new EquivalenceChecker(points, seed, relativeTolerance, absoluteFloor);
  }

  /** The same checker judging numbers written rounded to {@code relativeTolerance}. */
  public EquivalenceChecker withRelativeTolerance(double relativeTolerance) {
    return new EquivalenceChecker(points, seed, relativeTolerance, absoluteFloor);
  }

  public EquivalenceChecker withAbsoluteFloor(double absoluteFloor) {
    return new EquivalenceChecker(points, seed, relativeTolerance, absoluteFloor);
  }

  /**
   * Compares a student's expression with the reference.
   *
   * @param allowedSymbols the exercise's symbols; the student may use any of them
   * @param allowedFunctions the exercise's abstract functions (a subset of {@code f, f', g, g'});
   *     built-in functions are always allowed
   * @return {@link Equivalence.Verdict#UNKNOWN_SYMBOL} or {@link
   *     Equivalence.Verdict#UNKNOWN_FUNCTION} naming what the exercise does not have, else the
   *     verdict of the random points
   * @throws IllegalArgumentException when the reference itself uses names outside the allowed sets,
   *     or is undefined at nearly every random point (a fault in the exercise)
   */
  public Equivalence compare(
      Expr student, Expr reference, Set<String> allowedSymbols, Set<String> allowedFunctions) {
    Objects.requireNonNull(student, "student");
    Sample sample = sample(reference, allowedSymbols, allowedFunctions);
    return unknownNames(student, allowedSymbols, allowedFunctions)
        .orElseGet(() -> sample.compare(student, reference));
  }

  /** The unknown-name verdict when the student uses a symbol or function the exercise lacks. */
  private static Optional<Equivalence> unknownNames(
      Expr student, Set<String> allowedSymbols, Set<String> allowedFunctions) {
    SortedSet<String> unknownSymbols = new TreeSet<>(student.symbols());
    unknownSymbols.removeAll(allowedSymbols);
    if (!unknownSymbols.isEmpty()) {
      return Optional.of(
          Equivalence.unknown(
              Equivalence.Verdict.UNKNOWN_SYMBOL, unknownSymbols, new TreeSet<>(allowedSymbols)));
    }
    SortedSet<String> unknownFunctions = new TreeSet<>(student.functions());
    unknownFunctions.removeAll(allowedFunctions);
    unknownFunctions.removeAll(Names.BUILTIN_FUNCTIONS);
    if (!unknownFunctions.isEmpty()) {
      SortedSet<String> known = new TreeSet<>(allowedFunctions);
      known.addAll(Names.BUILTIN_FUNCTIONS);
      return Optional.of(
          Equivalence.unknown(Equivalence.Verdict.UNKNOWN_FUNCTION, unknownFunctions, known));
    }
    return Optional.empty();
  }

  /**
   * Names a common mistake in a student's expression that is not equivalent to the reference,
   * trying in this order: the sign flipped; a factor of the reference's product left out (one the
   * student did not write); one number wrong, in value or sign, with the rest right; an extra
   * factor (one of {@code extraFactors}, or a factor of the reference counted twice). Uses the
   * same random points and tolerance as {@link #compare}.
   *
   * @param extraFactors factors students are known to add by mistake (a learning rate, a 2, an
   *     activation derivative), tried in order
   * @return empty when the student's expression is equivalent, uses unknown names, or matches no
   *     known mistake
   */
  public Optional<ExprDiagnosis> diagnose(
      Expr student,
      Expr reference,
      Set<String> allowedSymbols,
      Set<String> allowedFunctions,
      List<Expr> extraFactors) {
    Objects.requireNonNull(student, "student");
    Objects.requireNonNull(extraFactors, "extraFactors");
    Sample sample = sample(reference, allowedSymbols, allowedFunctions);
    if (unknownNames(student, allowedSymbols, allowedFunctions).isPresent()
        || sample.agrees(student)) {
      return Optional.empty();
    }
    for (Expr factor : extraFactors) {
      if (!sample.canEvaluate(factor)) {
        throw new IllegalArgumentException(
            "the extra factor "
                + factor
                + " uses names outside the allowed symbols "
                + new TreeSet<>(allowedSymbols)
                + " and functions "
                + new TreeSet<>(allowedFunctions));
      }
    }
    return new Diagnoser(sample).diagnose(student, reference, extraFactors);
  }

  /** Checks the reference against the allowed names and draws the random points for it. */
  private Sample sample(Expr reference, Set<String> allowedSymbols, Set<String> allowedFunctions) {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(allowedSymbols, "allowedSymbols");
    Objects.requireNonNull(allowedFunctions, "allowedFunctions");
    SortedSet<String> symbols = new TreeSet<>(allowedSymbols);
    SortedSet<String> functions = new TreeSet<>(allowedFunctions);
    SortedSet<String> notAbstract = new TreeSet<>(functions);
    notAbstract.removeAll(Names.ABSTRACT_FUNCTIONS);
    if (!notAbstract.isEmpty()) {
      throw new IllegalArgumentException(
          "allowed functions "
              + notAbstract
              + " are not abstract functions; list only "
              + String.join(", ", Names.ABSTRACT_FUNCTIONS)
              + " (built-ins are always allowed)");
    }
    SortedSet<String> missing = new TreeSet<>(reference.symbols());
    missing.removeAll(symbols);
    for (String function : reference.functions()) {
      if (Names.ABSTRACT_FUNCTIONS.contains(function) && !functions.contains(function)) {
        missing.add(function);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "the reference "
              + reference
              + " uses "
              + missing
              + ", which are not among the allowed symbols "
              + symbols
              + " and functions "
              + functions
              + "; add them to the exercise's symbols");
    }
    return new Sample(reference, draw(reference, symbols, functions));
  }

  private List<Environment> draw(
      Expr reference, SortedSet<String> symbols, SortedSet<String> functions) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Environment> environments = new ArrayList<>();
    int draws = 0;
    while (environments.size() < points && draws < points * DRAWS_PER_POINT) {
      draws++;
      Map<String, Double> values = new TreeMap<>();
      for (String symbol : symbols) {
        values.put(symbol, SmoothFunction.signed(random, SYMBOL_LOW, SYMBOL_HIGH));
      }
      Map<String, DoubleUnaryOperator> standIns = new TreeMap<>();
      for (String function : functions) {
        standIns.put(function, SmoothFunction.random(random));
      }
      Environment env = Environment.of(values, standIns);
      if (Double.isFinite(reference.evaluate(env))) {
        environments.add(env);
      }
    }
    if (environments.size() < points) {
      throw new IllegalArgumentException(
          "the reference "
              + reference
              + " is defined at only "
              + environments.size()
              + " of "
              + draws
              + " random points; write it so that it is defined for symbols of either"
              + " sign with magnitude between "
              + SYMBOL_LOW
              + " and "
              + SYMBOL_HIGH);
    }
    return environments;
  }

  /**
   * The random points drawn for one reference, with the tolerance of this checker. Any expression
   * over the allowed names can be compared with any other at these points; the diagnosis compares
   * variants of the student's expression with variants of the reference.
   */
  final class Sample {
    private final Expr reference;
    private final List<Environment> environments;

    private Sample(Expr reference, List<Environment> environments) {
      this.reference = reference;
      this.environments = List.copyOf(environments);
    }

    /** Whether {@code candidate} is within tolerance of the reference at every point. */
    boolean agrees(Expr candidate) {
      return agrees(candidate, reference);
    }

    /** Whether {@code candidate} is within tolerance of {@code target} at every point. */
    boolean agrees(Expr candidate, Expr target) {
      return compare(candidate, target).isEquivalent();
    }

    /** Whether the points give a value to every name {@code e} uses. */
    boolean canEvaluate(Expr e) {
      Environment any = environments.get(0);
      SortedSet<String> abstractFunctions = new TreeSet<>(e.functions());
      abstractFunctions.retainAll(Names.ABSTRACT_FUNCTIONS);
      return any.symbols().keySet().containsAll(e.symbols())
          && any.functions().keySet().containsAll(abstractFunctions);
    }

    Equivalence compare(Expr candidate, Expr target) {
      boolean allPass = true;
      double maxDeviation = 0;
      for (Environment env : environments) {
        double deviation = deviation(candidate, target, env);
        allPass &= passes(candidate, target, env);
        maxDeviation = Math.max(maxDeviation, deviation);
      }
      return Equivalence.evaluated(allPass, maxDeviation, environments.size());
    }
  }

  /**
   * {@code |candidate - target| / scale} at one point; +Infinity where the candidate is undefined.
   */
  static double deviation(Expr candidate, Expr target, Environment env) {
    double difference = Math.abs(candidate.evaluate(env) - target.evaluate(env));
    if (!Double.isFinite(difference)) {
      return Double.POSITIVE_INFINITY;
    }
    double scale = ToleranceScale.of(target, env);
    if (scale > 0) {
      return difference / scale;
    }
    return difference == 0 ? 0 : Double.POSITIVE_INFINITY;
  }

  /**
   * Whether {@code candidate} is within this checker's tolerance of {@code target} at one point.
   */
  boolean passes(Expr candidate, Expr target, Environment env) {
    double difference = Math.abs(candidate.evaluate(env) - target.evaluate(env));
    return difference <= absoluteFloor || deviation(candidate, target, env) <= relativeTolerance;
  }
}
