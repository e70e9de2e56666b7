package org.nngrader.rubric;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Follow-through credit, and the rule that keeps it from being gamed.
 *
 * <p>A step earns follow-through credit ({@code credit}, a fraction of its points) when its
 * value is wrong but right from the student's own earlier answers. That invites a trick: type
 * a trivial value for a hard early step (0, 1, a copy of an input) so that every later step
 * becomes easy to get "right from your own values". The anti-gaming rule:
 *
 * <blockquote>Follow-through credit for a step is refused when one of the student's values
 * that the step is computed from is <em>wrong</em> (outside the tolerance of its own step) and
 * <em>trivial</em>: exactly 0, 1 or -1, or equal (within one part in 10<sup>12</sup>) to a
 * given value of the exercise (an input, an initial weight or bias, a target, the learning
 * rate). It is not refused when the expected value of that input is itself trivial in the same
 * way: a ReLU derivative is 0 or 1, so writing 0 for it is an honest mistake; dnet/dw is an
 * input, so writing the other input is an honest mistake.</blockquote>
 *
 * <p>"The same way" means the same kind: a student value in {0, 1, -1} is excused when the
 * expected value is also in {0, 1, -1}; a student value equal to a given value is excused
 * when the expected value also equals a given value (not necessarily the same one). A value
 * trivial in both ways (a given value that is 0, say) is excused if either way is shared. A
 * non-finite student value is always refused. Values that agree with their reference are
 * never a reason for refusal: they are right. With {@code rejectTrivialInputs} false the rule
 * is off and follow-through is always allowed.
 *
 * <p>Immutable.
 */
public record FollowThroughPolicy(double credit, boolean rejectTrivialInputs) {

  /** Full follow-through credit, trivial inputs rejected: the default. */
  public static final FollowThroughPolicy DEFAULT = new FollowThroughPolicy(1.0, true);

  /** Relative distance within which a student value counts as a copy of a given value. */
  static final double COPY_TOLERANCE = 1e-12;

  public FollowThroughPolicy {
    if (!(credit >= 0 && credit <= 1)) {
      throw new IllegalArgumentException(
          "follow-through credit is " + Text.number(credit) + "; it must be between 0 and 1");
    }
  }

  /**
   * The verdict of the anti-gaming rule for one step.
   *
   * @param allowed whether follow-through credit may be given
   * @param trivialInputs the ids of the inputs that caused a refusal, sorted; empty if allowed
   * @param reason why it was refused, in words the feedback can show (it names only the
   *     student's own values and given values, never an expected value); empty if allowed
   */
  public record Check(boolean allowed, List<String> trivialInputs, String reason) {
    public Check {
      trivialInputs = List.copyOf(trivialInputs);
      Objects.requireNonNull(reason, "reason");
      if (allowed != trivialInputs.isEmpty()) {
        throw new IllegalArgumentException("a refusal names its inputs, an allowance none");
      }
    }

    static final Check ALLOWED = new Check(true, List.of(), "");
  }

  /**
   * Applies the anti-gaming rule to one step.
   *
   * @param studentInputs the student's values of the step's inputs, by step id
   * @param referenceInputs the expected values of the same inputs; must contain every key of
   *     {@code studentInputs}
   * @param givenValues every given value of the exercise (inputs, initial parameters, targets,
   *     learning rate)
   * @param toleranceOf the tolerance of each input's own step, to decide whether it is wrong
   */
  public Check check(
      Map<String, Double> studentInputs,
      Map<String, Double> referenceInputs,
      Collection<Double> givenValues,
      Function<String, Tolerance> toleranceOf) {
    return check(studentInputs, referenceInputs, givenValues, toleranceOf, Map.of());
  }

  /**
   * {@link #check(Map, Map, Collection, Function)}, where some student inputs stand for a
   * trivial value they are very close to (0.0001 for 0, 0.23160188 for a given 0.23): {@code
   * standsFor} holds what the student wrote for those, which the reason quotes.
   */
  public Check check(
      Map<String, Double> studentInputs,
      Map<String, Double> referenceInputs,
      Collection<Double> givenValues,
      Function<String, Tolerance> toleranceOf,
      Map<String, String> standsFor) {
    Objects.requireNonNull(standsFor, "standsFor");
    Objects.requireNonNull(studentInputs, "studentInputs");
    Objects.requireNonNull(referenceInputs, "referenceInputs");
    Objects.requireNonNull(givenValues, "givenValues");
    Objects.requireNonNull(toleranceOf, "toleranceOf");
    if (!rejectTrivialInputs) {
      return Check.ALLOWED;
    }
    List<String> refused = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    // Sorted so that the same inputs always give the same reason text.
    for (Map.Entry<String, Double> input : new TreeMap<>(studentInputs).entrySet()) {
      String id = input.getKey();
      Double reference = referenceInputs.get(id);
      if (reference == null) {
        throw new IllegalArgumentException(
            "no expected value for input '" + id + "'; expected values are given for "
                + new TreeMap<>(referenceInputs).keySet());
      }
      String why = refusal(id, input.getValue(), reference, givenValues, toleranceOf.apply(id),
          standsFor.get(id));
      if (why != null) {
        refused.add(id);
        reasons.add(why);
      }
    }
    if (refused.isEmpty()) {
      return Check.ALLOWED;
    }
    String reason =
        "No follow-through credit: " + String.join("; ", reasons) + ". Steps worked out from"
            + " a wrong trivial value (0, 1, -1 or a copy of a given value) earn no"
            + " follow-through credit; work that step out and the later ones will count.";
    return new Check(false, refused, reason);
  }

  /**
   * {@link #check} with {@link Tolerance#DEFAULT} deciding whether an input is wrong; prefer
   * {@link Rubric#checkFollowThrough}, which uses each input's own tolerance.
   */
  public boolean allowsFollowThrough(
      Map<String, Double> studentInputs,
      Map<String, Double> referenceInputs,
      Collection<Double> givenValues) {
    return check(studentInputs, referenceInputs, givenValues, id -> Tolerance.DEFAULT).allowed();
  }

  private static String refusal(String id, Double student, double reference,
      Collection<Double> given, Tolerance tolerance, String written) {
    if (student == null || !Double.isFinite(student)) {
      return "your " + id + " is not a finite number";
    }
    if (tolerance.accepts(student, reference)) {
      return null;
    }
    boolean unit = isUnit(student);
    Double copied = copyOfGiven(student, given);
    if (!unit && copied == null) {
      return null;
    }
    // Excused when the expected value is trivial in a way the student's value is too.
    if ((unit && isUnit(reference)) || (copied != null && copyOfGiven(reference, given) != null)) {
      return null;
    }
    if (written != null) {
      return "your " + id + " is " + written + ", which is wrong and so close to "
          + (unit ? Text.number(student) + " that it counts as that value"
              : "the given value " + Text.number(copied) + " that it counts as a copy of it");
    }
    return unit
        ? "your " + id + " is " + Text.number(student) + ", which is wrong and trivial"
        : "your " + id + " is " + Text.number(student)
            + ", which is wrong and a copy of the given value " + Text.number(copied);
  }

  private static boolean isUnit(double value) {
    return value == 0 || value == 1 || value == -1;
  }

  private static Double copyOfGiven(double value, Collection<Double> given) {
    for (Double g : given) {
      double scale = g == null ? 0 : Math.max(Math.abs(value), Math.abs(g));
      if (g != null && Math.abs(value - g) <= COPY_TOLERANCE * scale) {
        return g;
      }
    }
    return null;
  }
}
