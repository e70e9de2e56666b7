package org.nngrader.bank.expr;

import java.util.function.DoubleUnaryOperator;

/**
 * The size against which a deviation from the reference is judged at one point.
 *
 * <p>Relative to the reference value {@code r} alone, a tolerance fails exactly where it matters
 * least: near a zero of the reference. {@code -0.2484*y + 0.07006} against {@code -0.248442*y +
 * 0.070060644} differs by about {@code 4e-5 |y|}, which is a huge fraction of {@code r} when {@code
 * y} is near 0.282. So the scale is the largest of three sizes:
 *
 * <ol>
 *   <li>{@code |r|}, the value itself;
 *   <li>the <em>term magnitude</em>: the reference evaluated with every sum and difference taken
 *       over absolute values ({@code |a| + |b|} for {@code a - b}, products of those for products),
 *       the size of the numbers that cancel; it also covers floating-point noise;
 *   <li>the <em>number sensitivity</em>: {@code Σ |c · ∂r/∂c|} over the reference's numeric
 *       literals {@code c}, the first-order change of {@code r} when every number in it moves by
 *       the relative tolerance. It covers numbers inside functions and exponents, where the term
 *       magnitude does not see them ({@code f'(-4.2)} written {@code f'(-4.19)} at 1%).
 * </ol>
 *
 * A student value {@code s} passes at a point when {@code |s - r| <= relative * scale}, or when
 * {@code |s - r|} is at most the absolute floor (for references that are zero).
 */
final class ToleranceScale {

  private ToleranceScale() {}

  static double of(Expr reference, Environment env) {
    double value = Math.abs(reference.evaluate(env));
    double scale = value;
    double magnitude = magnitude(reference, env);
    if (Double.isFinite(magnitude)) {
      scale = Math.max(scale, magnitude);
    }
    double sensitivity = sensitivity(reference, env).bound();
    if (Double.isFinite(sensitivity)) {
      scale = Math.max(scale, sensitivity);
    }
    return scale;
  }

  /** The reference's size with every sum taken over absolute values. */
  static double magnitude(Expr e, Environment env) {
    if (e instanceof Expr.Negation) {
      return magnitude(((Expr.Negation) e).operand(), env);
    }
    if (e instanceof Expr.Binary) {
      Expr.Binary b = (Expr.Binary) e;
      switch (b.operator()) {
        case ADD:
        case SUBTRACT:
          return magnitude(b.left(), env) + magnitude(b.right(), env);
        case MULTIPLY:
          return magnitude(b.left(), env) * magnitude(b.right(), env);
        case DIVIDE:
          return magnitude(b.left(), env) / Math.abs(b.right().evaluate(env));
        default:
          return Math.abs(e.evaluate(env));
      }
    }
    return Math.abs(e.evaluate(env));
  }

  /** A value with the first-order bound on how much it moves when every literal moves by 100%. */
  record Sensitive(double value, double bound) {}

  static Sensitive sensitivity(Expr e, Environment env) {
    if (e instanceof Expr.Literal) {
      double v = ((Expr.Literal) e).value();
      return new Sensitive(v, Math.abs(v));
    }
    if (e instanceof Expr.Symbol) {
      return new Sensitive(e.evaluate(env), 0);
    }
    if (e instanceof Expr.Negation) {
      Sensitive inner = sensitivity(((Expr.Negation) e).operand(), env);
      return new Sensitive(-inner.value(), inner.bound());
    }
    if (e instanceof Expr.Call) {
      return call((Expr.Call) e, env);
    }
    return binary((Expr.Binary) e, env);
  }

  private static Sensitive call(Expr.Call call, Environment env) {
    Sensitive x = sensitivity(call.argument(), env);
    double value = call.evaluate(env);
    if (x.bound() == 0) {
      return new Sensitive(value, 0);
    }
    double slope =
        call.isAbstract()
            ? slope(env.function(call.function()), x.value())
            : Builtins.derivative(call.function(), x.value());
    return new Sensitive(value, finiteOrZero(Math.abs(slope) * x.bound()));
  }

  /** Central difference: the abstract functions are opaque operators. */
  private static double slope(DoubleUnaryOperator f, double x) {
    double h = 1e-5 * Math.max(1.0, Math.abs(x));
    return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
  }

  private static Sensitive binary(Expr.Binary e, Environment env) {
    Sensitive a = sensitivity(e.left(), env);
    Sensitive b = sensitivity(e.right(), env);
    double va = a.value();
    double vb = b.value();
    switch (e.operator()) {
      case ADD:
        return new Sensitive(va + vb, a.bound() + b.bound());
      case SUBTRACT:
        return new Sensitive(va - vb, a.bound() + b.bound());
      case MULTIPLY:
        return new Sensitive(va * vb, Math.abs(vb) * a.bound() + Math.abs(va) * b.bound());
      case DIVIDE:
        double quotient = va / vb;
        return new Sensitive(
            quotient, finiteOrZero(a.bound() / Math.abs(vb) + Math.abs(quotient / vb) * b.bound()));
      default:
        double power = Math.pow(va, vb);
        double bound = 0;
        if (a.bound() > 0) {
          bound += finiteOrZero(Math.abs(vb * Math.pow(va, vb - 1)) * a.bound());
        }
        if (b.bound() > 0) {
          bound += finiteOrZero(Math.abs(power * Math.log(Math.abs(va))) * b.bound());
        }
        return new Sensitive(power, bound);
    }
  }

  private static double finiteOrZero(double x) {
    return Double.isFinite(x) ? x : 0;
  }
}
