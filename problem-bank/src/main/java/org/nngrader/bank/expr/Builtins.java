package org.nngrader.bank.expr;

/** The built-in functions and their derivatives. */
final class Builtins {

  private Builtins() {}

  static double apply(String function, double x) {
    switch (function) {
      case "exp":
        return Math.exp(x);
      case "ln":
        return Math.log(x);
      case "sigmoid":
        return 1.0 / (1.0 + Math.exp(-x));
      case "sqrt":
        return Math.sqrt(x);
      case "tanh":
        return Math.tanh(x);
      default:
        throw new IllegalArgumentException("'" + function + "' is not a built-in function");
    }
  }

  static double derivative(String function, double x) {
    switch (function) {
      case "exp":
        return Math.exp(x);
      case "ln":
        return 1.0 / x;
      case "sigmoid":
        double s = apply("sigmoid", x);
        return s * (1.0 - s);
      case "sqrt":
        return 0.5 / Math.sqrt(x);
      case "tanh":
        double t = Math.tanh(x);
        return 1.0 - t * t;
      default:
        throw new IllegalArgumentException("'" + function + "' is not a built-in function");
    }
  }
}
