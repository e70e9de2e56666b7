package org.nngrader.bank.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The activation of one layer. Immutable. {@code slope} is used by {@link Kind#LEAKY_RELU} only
 * (the slope on the negative side) and is 0 for every other kind.
 */
public record Activation(Kind kind, double slope) {

  /** The activation functions nngrader supports. */
  public enum Kind {
    SIGMOID("sigmoid"),
    TANH("tanh"),
    RELU("relu"),
    LEAKY_RELU("leaky_relu"),
    LINEAR("linear"),
    EXP("exp"),
    SOFTMAX("softmax");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    /** The name used in template files. */
    public String id() {
      return id;
    }
  }

  /** The slope of the leaky ReLU when a template does not name one. */
  public static final double DEFAULT_LEAKY_SLOPE = 0.01;

  public Activation {
    if (kind == null) {
      throw new IllegalArgumentException("activation kind is missing");
    }
    if (kind == Kind.LEAKY_RELU) {
      if (!(slope > 0 && slope < 1)) {
        throw new IllegalArgumentException(
            "leaky_relu slope is " + slope + "; it must be between 0 and 1 (exclusive)");
      }
    } else if (slope != 0) {
      throw new IllegalArgumentException(kind.id() + " takes no slope (got " + slope + ")");
    }
  }

  public static Activation of(Kind kind) {
    return new Activation(kind, kind == Kind.LEAKY_RELU ? DEFAULT_LEAKY_SLOPE : 0);
  }

  /**
   * Parses {@code sigmoid}, {@code tanh}, {@code relu}, {@code leaky_relu}, {@code
   * leaky_relu(0.1)}, {@code linear}, {@code exp} or {@code softmax}.
   *
   * @throws IllegalArgumentException naming the valid choices
   */
  public static Activation parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    double slope = DEFAULT_LEAKY_SLOPE;
    int open = t.indexOf('(');
    if (open >= 0 && t.endsWith(")")) {
      String arg = t.substring(open + 1, t.length() - 1).trim();
      t = t.substring(0, open).trim();
      try {
        slope = Double.parseDouble(arg);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("activation '" + text + "': slope '" + arg + "' is not a number");
      }
      if (!t.equals(Kind.LEAKY_RELU.id())) {
        throw new IllegalArgumentException("activation '" + text + "': only leaky_relu takes a slope");
      }
    }
    for (Kind k : Kind.values()) {
      if (k.id().equals(t)) {
        return k == Kind.LEAKY_RELU ? new Activation(k, slope) : new Activation(k, 0);
      }
    }
    throw new IllegalArgumentException(
        "unknown activation '" + text + "'; valid: " + validNames());
  }

  /** The valid names, for messages. */
  public static String validNames() {
    return Arrays.stream(Kind.values()).map(Kind::id).collect(Collectors.joining(", "))
        + ", leaky_relu(<slope>)";
  }

  /** The template-file spelling, e.g. {@code leaky_relu(0.01)}. */
  public String id() {
    return kind == Kind.LEAKY_RELU ? "leaky_relu(" + Numbers.given(slope) + ")" : kind.id();
  }

  /**
   * The activation of one neuron. Not defined for softmax, which needs the whole layer.
   */
  public double apply(double net) {
    return switch (kind) {
      case SIGMOID -> 1.0 / (1.0 + Math.exp(-net));
      case TANH -> Math.tanh(net);
      case RELU -> net > 0 ? net : 0.0;
      case LEAKY_RELU -> net > 0 ? net : slope * net;
      case LINEAR -> net;
      case EXP -> Math.exp(net);
      case SOFTMAX -> throw new IllegalStateException("softmax needs the whole layer");
    };
  }

  /**
   * The derivative d out / d net of one neuron, given both its net input and its output (the
   * textbook forms use the output: out (1 - out) for sigmoid). For ReLU at exactly 0 the
   * derivative is taken as 0, the convention of most courses.
   */
  public double derivative(double net, double out) {
    return switch (kind) {
      case SIGMOID -> out * (1.0 - out);
      case TANH -> 1.0 - out * out;
      case RELU -> net > 0 ? 1.0 : 0.0;
      case LEAKY_RELU -> net > 0 ? 1.0 : slope;
      case LINEAR -> 1.0;
      case EXP -> out;
      case SOFTMAX -> out * (1.0 - out);
    };
  }

  /** The formula of the activation in symbols, with {@code net} standing for the net input. */
  public String formula(String net) {
    return switch (kind) {
      case SIGMOID -> "1/(1 + e^(-" + net + "))";
      case TANH -> "tanh(" + net + ")";
      case RELU -> "max(0, " + net + ")";
      case LEAKY_RELU -> "max(" + Numbers.given(slope) + "*" + net + ", " + net + ")";
      case LINEAR -> net;
      case EXP -> "e^(" + net + ")";
      case SOFTMAX -> "softmax(" + net + ")";
    };
  }

  /** The formula of the derivative in symbols. */
  public String derivativeFormula(String net, String out) {
    return switch (kind) {
      case SIGMOID -> out + "*(1 - " + out + ")";
      case TANH -> "1 - " + out + "^2";
      case RELU -> "(1 if " + net + " > 0, else 0)";
      case LEAKY_RELU -> "(1 if " + net + " > 0, else " + Numbers.given(slope) + ")";
      case LINEAR -> "1";
      case EXP -> out;
      case SOFTMAX -> out + "*(1 - " + out + ")";
    };
  }
}
