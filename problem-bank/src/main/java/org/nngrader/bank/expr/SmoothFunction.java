package org.nngrader.bank.expr;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * A random smooth stand-in for an abstract function: {@code a + b sin(c x + d) + q x^2}.
 *
 * <p>The constant {@code a} is well away from zero, so values are rarely near zero and relative
 * comparison is meaningful; the sine makes the value at {@code -x} differ from the value at {@code
 * x} (so {@code f'(4.2)} is told apart from {@code f'(-4.2)}); the small quadratic term keeps the
 * function from being periodic.
 */
record SmoothFunction(double a, double b, double c, double d, double q)
    implements DoubleUnaryOperator {

  static SmoothFunction random(SplittableRandom random) {
    double a = signed(random, 0.5, 2.0);
    double b = signed(random, 0.2, 1.0);
    double c = random.nextDouble(0.5, 2.0);
    double d = random.nextDouble(0.0, 2.0 * Math.PI);
    double q = random.nextDouble(-0.1, 0.1);
    return new SmoothFunction(a, b, c, d, q);
  }

  /** A value of magnitude in {@code [low, high)} and random sign. */
  static double signed(SplittableRandom random, double low, double high) {
    double magnitude = random.nextDouble(low, high);
    return random.nextBoolean() ? magnitude : -magnitude;
  }

  @Override
  public double applyAsDouble(double x) {
    return a + b * Math.sin(c * x + d) + q * x * x;
  }
}
