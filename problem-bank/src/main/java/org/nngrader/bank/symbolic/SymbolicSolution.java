package org.nngrader.bank.symbolic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The reference solution of a symbolic exercise for one set of given values: every asked step
 * ({@link SymbolicStep}: a number or an expression with its chain-rule factors), the names a
 * student may use in an expression, the numeric intermediates a worked solution shows, and the
 * reasons the draw is degenerate, if any. Immutable.
 *
 * @param templateId the template's id
 * @param title the template's title
 * @param description the template's description
 * @param givens the exercise's given values, in graph order
 * @param symbols each free symbol a student may use (e.g. {@code dL/dy_hat}, {@code z_out},
 *     {@code y}) with what it stands for
 * @param functions each abstract function a student may use ({@code f}, {@code f'}, {@code g},
 *     {@code g'}) with what it stands for; built-in functions are always allowed
 * @param intermediates the forward quantities with numbers that the answers use (net inputs and
 *     outputs), in graph order
 * @param steps the asked steps, in the template's order
 * @param degeneracies why these givens make a poor exercise (a factor that is 0, a saturated
 *     activation, a vanishing gradient), judged by the template's randomization thresholds; empty
 *     when they are fine. A generator draws again when it is not empty
 */
public record SymbolicSolution(
    String templateId,
    String title,
    String description,
    Map<String, Double> givens,
    SortedMap<String, String> symbols,
    SortedMap<String, String> functions,
    List<Intermediate> intermediates,
    List<SymbolicStep> steps,
    List<String> degeneracies) {

  /**
   * A forward quantity with a number, as a worked solution shows it: {@code z_h1 = w1 * x1 + w2 *
   * x2 + w3 * x3 + b1 = 0.4 * 2 + ... = -4.2}.
   *
   * @param symbolic the formula in the exercise's names
   * @param numeric the formula with numbers, or empty when it would repeat {@code symbolic}
   * @param asked whether the exercise asks it
   */
  public record Intermediate(
      String id, String description, String symbolic, String numeric, double value,
      boolean asked) {

    public Intermediate {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(symbolic, "symbolic");
      Objects.requireNonNull(numeric, "numeric");
    }
  }

  public SymbolicSolution {
    Objects.requireNonNull(templateId, "templateId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    givens = Collections.unmodifiableMap(new LinkedHashMap<>(givens));
    symbols = Collections.unmodifiableSortedMap(new TreeMap<>(symbols));
    functions = Collections.unmodifiableSortedMap(new TreeMap<>(functions));
    intermediates = List.copyOf(intermediates);
    steps = List.copyOf(steps);
    degeneracies = List.copyOf(degeneracies);
  }

  /** The free symbols a student may use, for {@link org.nngrader.bank.expr.EquivalenceChecker}. */
  public SortedSet<String> allowedSymbols() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(symbols.keySet()));
  }

  /** The abstract functions a student may use, for the equivalence checker. */
  public SortedSet<String> allowedFunctions() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(functions.keySet()));
  }

  /**
   * The asked step with this id.
   *
   * @throws IllegalArgumentException naming the id and the asked steps
   */
  public SymbolicStep step(String id) {
    for (SymbolicStep s : steps) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "template " + templateId + " does not ask " + id + "; it asks "
            + String.join(", ", steps.stream().map(SymbolicStep::id).toList()));
  }

  /** Each asked step's answer as an answer key prints it, in the template's order. */
  public Map<String, String> answers() {
    Map<String, String> answers = new LinkedHashMap<>();
    for (SymbolicStep s : steps) {
      answers.put(s.id(), s.answer());
    }
    return Collections.unmodifiableMap(answers);
  }
}
