package org.nngrader.grader.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nngrader.bank.expr.Equivalence;
import org.nngrader.bank.expr.EquivalenceChecker;
import org.nngrader.bank.expr.Expr;
import org.nngrader.bank.expr.ExprDiagnosis;
import org.nngrader.bank.expr.ExprParser;
import org.nngrader.bank.expr.ExprSyntaxException;
import org.nngrader.bank.model.Numbers;
import org.nngrader.bank.symbolic.Chain;
import org.nngrader.bank.symbolic.Factor;
import org.nngrader.bank.symbolic.NetworkTerms;
import org.nngrader.bank.symbolic.SymbolicSolution;
import org.nngrader.bank.symbolic.SymbolicSolver;
import org.nngrader.bank.symbolic.SymbolicStep;
import org.nngrader.bank.template.Template;
import org.nngrader.rubric.Rubric;

/**
 * Grades one submission of a symbolic exercise (family 5) against one variant, step by step in
 * the order of the quantity graph.
 *
 * <p>An expression step is read with {@link ExprParser} ({@code unreadable} with the column
 * and what was expected there when it cannot be), compared with the reference at random points
 * by {@link EquivalenceChecker} within the rubric's tolerance ({@link ExpressionTolerance}):
 * {@code correct} when equivalent; {@code incorrect} naming the symbol or function when it uses
 * one the exercise does not have; else {@code misconception} when a common mistake explains it
 * ({@link ExpressionMistake}), else {@code incorrect}. A number step (such as {@code p}) is
 * {@code correct} within the rubric's tolerance, else {@code incorrect}. There is no
 * follow-through: an expression is written from the givens, not from earlier answers.
 *
 * <p>Immutable and thread-safe.
 */
final class ExpressionGrading {

  private final Template template;
  private final Rubric rubric;
  private final List<String> order;

  ExpressionGrading(Template template, Rubric rubric, List<String> order) {
    this.template = template;
    this.rubric = rubric;
    this.order = List.copyOf(order);
  }

  GradeResult grade(Map<String, Double> givens, Map<String, StudentAnswer> answers) {
    SymbolicSolution solution = SymbolicSolver.solve(template, givens);
    NetworkTerms terms = SymbolicSolver.terms(template, givens);
    List<StepResult> results = new ArrayList<>();
    double score = 0;
    double max = 0;
    String firstDivergence = null;
    for (String id : order) {
      SymbolicStep step = solution.step(id);
      double points = rubric.pointsFor(id);
      max += points;
      StudentAnswer answer = answers.getOrDefault(id, new StudentAnswer.Missing());
      StepResult r = step.isExpression() ? expression(step, answer, points, solution, terms)
          : number(step, answer, points);
      if (r.verdict().isWrong() && firstDivergence == null) {
        firstDivergence = id;
      }
      score += r.points();
      results.add(r);
    }
    return new GradeResult(results, score, max, firstDivergence);
  }

  // ---- number steps

  private StepResult number(SymbolicStep step, StudentAnswer answer, double points) {
    String formula = template.graph().quantity(step.id()).primary().symbolic();
    double expected = step.number();
    if (answer instanceof StudentAnswer.Missing) {
      return numberResult(step, "", null, Verdict.MISSING, 0, points, "No answer was given.",
          formula);
    }
    if (!(answer instanceof StudentAnswer.Numeric n)) {
      String reason = answer instanceof StudentAnswer.Unreadable u ? u.reason()
          : "it is not a number";
      return numberResult(step, answer.written(), null, Verdict.UNREADABLE, 0, points,
          "Could not read '" + answer.written() + "' as a number: "
              + GradingEngine.unreadableAdvice(reason), formula);
    }
    if (rubric.toleranceFor(step.id()).accepts(n.value(), expected)) {
      return numberResult(step, n.written(), n.value(), Verdict.CORRECT, points, points,
          "Correct.", formula);
    }
    return numberResult(step, n.written(), n.value(), Verdict.INCORRECT, 0, points,
        "Incorrect: check " + formula + " (expected " + Numbers.computed(expected) + ").",
        formula);
  }

  private static StepResult numberResult(SymbolicStep step, String written, Double value,
      Verdict verdict, double points, double max, String feedback, String formula) {
    return new StepResult(step.id(), step.description(), written, value, step.number(), verdict,
        points, max, feedback, null, List.of(), Double.NaN, formula, null);
  }

  // ---- expression steps

  private StepResult expression(SymbolicStep step, StudentAnswer answer, double points,
      SymbolicSolution solution, NetworkTerms terms) {
    if (answer instanceof StudentAnswer.Missing) {
      return result(step, "", Verdict.MISSING, 0, points, "No answer was given.", null);
    }
    if (answer instanceof StudentAnswer.Unreadable u) {
      return result(step, u.written(), Verdict.UNREADABLE, 0, points,
          "Could not read '" + u.written() + "' as an expression: " + u.reason() + ".", null);
    }
    // A number given for an expression is a constant expression.
    String text = answer instanceof StudentAnswer.Numeric n
        ? BigDecimal.valueOf(n.value()).stripTrailingZeros().toPlainString() : answer.written();
    Expr student;
    try {
      student = ExprParser.parse(text);
    } catch (ExprSyntaxException e) {
      return result(step, text, Verdict.UNREADABLE, 0, points,
          "Could not read '" + text + "' as an expression: " + e.getMessage() + ". Write"
              + " products with * (or a space), close every parenthesis and use only the names"
              + " the exercise leaves abstract.", null);
    }
    // A quantity of the exercise's own network stands for its definition (h1 for f(-4.2)).
    String reading = reading(student, terms);
    student = terms.substitute(student);
    Set<String> symbols = solution.allowedSymbols();
    Set<String> functions = solution.allowedFunctions();
    EquivalenceChecker checker = ExpressionTolerance.checker(rubric.toleranceFor(step.id()));
    Equivalence eq = checker.compare(student, step.expression(), symbols, functions);
    switch (eq.verdict()) {
      case EQUIVALENT:
        return result(step, text, Verdict.CORRECT, points, points, "Correct." + reading, null);
      case UNKNOWN_SYMBOL:
        return result(step, text, Verdict.INCORRECT, 0, points,
            unknownSymbols(eq, symbols, terms) + reading, null);
      case UNKNOWN_FUNCTION:
        return result(step, text, Verdict.INCORRECT, 0, points, "Your expression "
            + eq.message() + ". Substitute the number of every quantity that is known." + reading,
            null);
      default:
        break;
    }
    Optional<ExprDiagnosis> d = diagnose(checker, student, step, symbols, functions);
    if (d.isPresent()) {
      ExpressionMistake m = ExpressionMistake.of(d.get().mistake());
      return result(step, text, Verdict.MISCONCEPTION, points * rubric.misconceptionCredit(),
          points, capitalize(d.get().message()) + "." + where(step, d.get()) + " " + m.advice()
              + reading, m.id());
    }
    return result(step, text, Verdict.INCORRECT, 0, points, "Incorrect: "
        + eq.message() + ". Check each factor of the chain " + formula(step) + "." + reading,
        null);
  }

  /**
   * How an answer that names quantities of the network was read: " Read with h1 = f(-4.2):
   * dL/dy_hat * g'(z_out) * f(-4.2)."; empty when it names none.
   */
  private static String reading(Expr student, NetworkTerms terms) {
    Set<String> named = terms.named(student);
    if (named.isEmpty()) {
      return "";
    }
    List<String> each = new ArrayList<>();
    for (String name : named) {
      each.add(name + " = " + terms.definitions().get(name));
    }
    return " Read with " + String.join(", ", each) + ": " + terms.substitute(student) + ".";
  }

  /**
   * The symbols an answer uses that are not the exercise's: a quantity of the network that has
   * no value here is named with the reason; any other is unknown, and the exercise's names are
   * listed.
   */
  private static String unknownSymbols(Equivalence eq, Set<String> symbols, NetworkTerms terms) {
    java.util.SortedSet<String> unknown = new java.util.TreeSet<>();
    List<String> valueless = new ArrayList<>();
    for (String name : eq.unknownNames()) {
      String why = terms.withoutValue().get(name);
      if (why == null) {
        unknown.add(name);
      } else {
        valueless.add(name + " (" + why + ")");
      }
    }
    StringBuilder b = new StringBuilder();
    if (!valueless.isEmpty()) {
      b.append("Your expression uses ").append(String.join(", ", valueless))
          .append(". Write the chain rule with the exercise's symbols instead.");
    }
    if (!unknown.isEmpty()) {
      java.util.SortedSet<String> known = new java.util.TreeSet<>(symbols);
      known.addAll(terms.definitions().keySet());
      b.append(b.length() == 0 ? "" : " ").append("Your expression ")
          .append(Equivalence.unknown(Equivalence.Verdict.UNKNOWN_SYMBOL, unknown, known).message())
          .append(". Substitute the number of every quantity that is known.");
    }
    return b.toString();
  }

  /**
   * The mistake that explains the student's expression: the checker's diagnosis against the
   * chain-rule product (the sign, a factor left out, one number, an extra factor), with a
   * factor left out checked again with its sign before a wrong number is accepted; failing
   * those, the diagnosis against the multiplied-out form (a wrong coefficient of an expanded
   * answer).
   *
   * <p>The second look is needed because the checker takes the factors of a product without
   * their sign: a student who leaves out {@code (-0.3)} wrote the reference divided by -0.3,
   * which no unsigned factor explains, and a factor whose magnitude the student wrote elsewhere
   * ({@code (-0.15)} beside {@code 0.15}) counts as written. So each factor of the chain, signed,
   * that the student did not write is tried as the missing one. A factor comes before a wrong
   * number, as in the checker's own order: it is the narrower explanation.
   */
  private static Optional<ExprDiagnosis> diagnose(EquivalenceChecker checker, Expr student,
      SymbolicStep step, Set<String> symbols, Set<String> functions) {
    Optional<ExprDiagnosis> d =
        checker.diagnose(student, step.expression(), symbols, functions, List.of());
    if (d.isPresent() && (d.get().mistake() == ExprDiagnosis.Mistake.SIGN_FLIPPED
        || d.get().mistake() == ExprDiagnosis.Mistake.FACTOR_LEFT_OUT)) {
      return d;
    }
    Optional<ExprDiagnosis> leftOut = signedFactorLeftOut(checker, student, step, symbols,
        functions);
    if (leftOut.isPresent()) {
      return leftOut;
    }
    return d.isPresent() ? d
        : checker.diagnose(student, step.simplified(), symbols, functions, List.of());
  }

  /** A factor of the step's one chain, with its sign, that the student left out. */
  private static Optional<ExprDiagnosis> signedFactorLeftOut(EquivalenceChecker checker,
      Expr student, SymbolicStep step, Set<String> symbols, Set<String> functions) {
    if (step.chains().size() != 1) {
      return Optional.empty();
    }
    List<String> written = new ArrayList<>();
    signedFactors(student, written);
    for (Factor f : step.chains().get(0).factors()) {
      String factor = f.value().toString();
      if (f.kind() == Factor.Kind.BIAS || written.contains(factor)) {
        continue;
      }
      Expr completed = new Expr.Binary(Expr.Operator.MULTIPLY, student, f.value());
      if (checker.compare(completed, step.expression(), symbols, functions).isEquivalent()) {
        return Optional.of(new ExprDiagnosis(ExprDiagnosis.Mistake.FACTOR_LEFT_OUT, factor, "",
            "the factor " + factor + " is left out; with it the expression would be right"));
      }
    }
    return Optional.empty();
  }

  /** The factors of a product as printed, a negative number kept whole ({@code -0.3}). */
  private static void signedFactors(Expr e, List<String> out) {
    if (e instanceof Expr.Binary b && b.operator() == Expr.Operator.MULTIPLY) {
      signedFactors(b.left(), out);
      signedFactors(b.right(), out);
    } else if (e instanceof Expr.Negation n && !(n.operand() instanceof Expr.Literal)) {
      signedFactors(n.operand(), out);
    } else {
      out.add(e.toString());
    }
  }

  /** Which factor of the chain a diagnosis concerns, as a sentence; empty when none. */
  private static String where(SymbolicStep step, ExprDiagnosis d) {
    Optional<Factor> f = switch (d.mistake()) {
      case FACTOR_LEFT_OUT, EXTRA_FACTOR -> step.factor(d.subject());
      case WRONG_NUMBER -> numberOf(step, d.expected());
      default -> Optional.empty();
    };
    return f.map(x -> " It is " + x.id() + (x.symbolic().equals(x.id()) ? "" : " = "
        + x.symbolic()) + " (" + x.meaning() + ").").orElse("");
  }

  /** The factor that is, or whose argument is, this number. */
  private static Optional<Factor> numberOf(SymbolicStep step, String number) {
    Optional<Factor> f = step.factor(number);
    if (f.isPresent()) {
      return f;
    }
    for (Factor x : step.factors()) {
      if (x.value() instanceof Expr.Call c && c.argument().toString().equals(number)) {
        return Optional.of(x);
      }
    }
    return Optional.empty();
  }

  /** The chain rule of a step in the exercise's names, the chains added. */
  private static String formula(SymbolicStep step) {
    return String.join(" + ", step.chains().stream().map(Chain::symbolic).toList());
  }

  private static StepResult result(SymbolicStep step, String written, Verdict verdict,
      double points, double max, String feedback, String misconception) {
    return new StepResult(step.id(), step.description(), written, null, Double.NaN, verdict,
        points, max, feedback, misconception, List.of(), Double.NaN, formula(step), null,
        step.expression().toString());
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
