package org.nngrader.bank.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The loss of a network, written as a sum over the outputs of a per-output error E_k so that
 * every loss has the per-output quantities E_o1, E_o2, ... of the textbook examples.
 */
public enum Loss {
  /** E_total = sum over outputs of 1/2 (target - out)^2. */
  HALF_SSE("half_sse", "1/2 (target - out)^2 summed over the outputs"),
  /** E_total = 1/n sum over outputs of (target - out)^2. */
  MSE("mse", "mean squared error, 1/n sum of (target - out)^2"),
  /** E_total = - sum over outputs of target ln(out) + (1 - target) ln(1 - out). */
  BCE("bce", "binary cross-entropy"),
  /** Softmax output with E_total = - sum over outputs of target ln(out). */
  SOFTMAX_CCE("softmax_cce", "softmax with categorical cross-entropy");

  private final String id;
  private final String description;

  Loss(String id, String description) {
    this.id = id;
    this.description = description;
  }

  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  /** Parses a template name (case and dashes ignored); the message lists the valid names. */
  public static Loss parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    for (Loss l : values()) {
      if (l.id.equals(t)) {
        return l;
      }
    }
    throw new IllegalArgumentException("unknown loss '" + text + "'; valid: " + validNames());
  }

  public static String validNames() {
    return Arrays.stream(values()).map(Loss::id).collect(Collectors.joining(", "));
  }

  /** The error of one output, of {@code n} outputs. */
  public double error(double target, double out, int n) {
    return switch (this) {
      case HALF_SSE -> 0.5 * (target - out) * (target - out);
      case MSE -> (target - out) * (target - out) / n;
      case BCE -> -(xlogy(target, out) + xlogy(1 - target, 1 - out));
      case SOFTMAX_CCE -> -xlogy(target, out);
    };
  }

  /** dE_total/dout for one output. Not used for softmax, whose delta is out - target. */
  public double derivative(double target, double out, int n) {
    return switch (this) {
      case HALF_SSE -> -(target - out);
      case MSE -> -2.0 * (target - out) / n;
      case BCE -> (out - target) / (out * (1 - out));
      case SOFTMAX_CCE -> -target / out;
    };
  }

  /** The formula of one output's error. */
  public String errorFormula(String target, String out, int n) {
    return switch (this) {
      case HALF_SSE -> "1/2*(" + target + " - " + out + ")^2";
      case MSE -> "1/" + n + "*(" + target + " - " + out + ")^2";
      case BCE -> "-(" + target + "*ln(" + out + ") + (1 - " + target + ")*ln(1 - " + out + "))";
      case SOFTMAX_CCE -> "-" + target + "*ln(" + out + ")";
    };
  }

  /** The formula of dE_total/dout for one output. */
  public String derivativeFormula(String target, String out, int n) {
    return switch (this) {
      case HALF_SSE -> "-(" + target + " - " + out + ")";
      case MSE -> "-2/" + n + "*(" + target + " - " + out + ")";
      case BCE -> "(" + out + " - " + target + ")/(" + out + "*(1 - " + out + "))";
      case SOFTMAX_CCE -> "-" + target + "/" + out;
    };
  }

  /** x ln y with the convention 0 ln 0 = 0, so a one-hot target of 0 adds nothing. */
  private static double xlogy(double x, double y) {
    return x == 0 ? 0.0 : x * Math.log(y);
  }
}
