package org.nngrader.bank.template;

import java.util.Map;
import java.util.Set;
import org.nngrader.bank.model.ParameterKind;

/**
 * How a template's given values are drawn for each student, and which draws are rejected as
 * degenerate. Immutable.
 *
 * @param byKind the range of each kind of given value
 * @param byParameter ranges for single parameters, overriding their kind's
 * @param fixed parameters never drawn (they keep the template's default)
 * @param reluMargin a ReLU/leaky-ReLU pre-activation closer than this to 0 is rejected
 * @param minActivationDerivative a sigmoid/tanh derivative below this is rejected (saturation)
 * @param minGradient an asked gradient smaller than this in magnitude is rejected
 * @param requireLossDecrease reject draws whose loss does not go down after the update
 */
public record Randomization(
    Map<ParameterKind, Range> byKind,
    Map<String, Range> byParameter,
    Set<String> fixed,
    double reluMargin,
    double minActivationDerivative,
    double minGradient,
    boolean requireLossDecrease) {

  public Randomization {
    byKind = Map.copyOf(byKind);
    byParameter = Map.copyOf(byParameter);
    fixed = Set.copyOf(fixed);
    if (reluMargin < 0 || minActivationDerivative < 0 || minGradient < 0) {
      throw new IllegalArgumentException("degeneracy thresholds must not be negative");
    }
  }

  /** The range a parameter is drawn from. */
  public Range rangeOf(String parameter, ParameterKind kind) {
    Range r = byParameter.get(parameter);
    return r != null ? r : byKind.get(kind);
  }
}
