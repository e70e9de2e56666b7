package org.nngrader.bank.symbolic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.nngrader.bank.expr.Environment;
import org.nngrader.bank.expr.EquivalenceChecker;
import org.nngrader.bank.expr.Expr;
import org.nngrader.bank.expr.ExprParser;
import org.nngrader.bank.expr.ExprSyntaxException;
import org.nngrader.bank.graph.GraphCompiler;
import org.nngrader.bank.graph.QuantityGraph;
import org.nngrader.bank.graph.Values;
import org.nngrader.bank.model.Activation;
import org.nngrader.bank.model.BiasMode;
import org.nngrader.bank.model.Loss;
import org.nngrader.bank.model.Network;
import org.nngrader.bank.model.Notation;
import org.nngrader.bank.template.Template;
import org.nngrader.bank.template.Templates;

/**
 * The symbolic references against the numeric solver: substitute concrete functions and values for
 * what the exercise leaves open, and the expression must give the gradient of the concrete network.
 */
class SymbolicAgainstNumericProperties {

  private static final Template ABSTRACT = Templates.builtin("symbolic-3-2-1");
  private static final Template EXP = Templates.builtin("exp-output-2-2-1");

  /**
   * Numbers in a reference have 9 significant digits, and a rounded argument moves f'(z) by at
   * most |z| times that (sigmoid and tanh derivatives change by at most a factor e^|dz|).
   */
  private static final double RELATIVE = 1e-6;

  private static final DoubleUnaryOperator SIGMOID = x -> 1 / (1 + Math.exp(-x));
  private static final DoubleUnaryOperator SIGMOID_PRIME =
      x -> SIGMOID.applyAsDouble(x) * (1 - SIGMOID.applyAsDouble(x));
  private static final DoubleUnaryOperator TANH = Math::tanh;
  private static final DoubleUnaryOperator TANH_PRIME = x -> 1 - Math.tanh(x) * Math.tanh(x);

  /** Within {@link #RELATIVE} of {@code scale}, the size of the terms that make the value. */
  private static void assertClose(double actual, double expected, double scale, String what) {
    assertThat(Math.abs(actual - expected))
        .as("%s: %s against %s", what, actual, expected)
        .isLessThanOrEqualTo(RELATIVE * scale);
  }

  // ---- exp-output-2-2-1: the target y left unknown

  @Provide
  Arbitrary<Map<String, Double>> expGivens() {
    Arbitrary<Double> unit = Arbitraries.doubles().between(-1, 1).ofScale(2);
    Arbitrary<Double> bias = Arbitraries.doubles().between(-0.5, 0.5).ofScale(2);
    return Combinators.combine(unit.list().ofSize(8), bias.list().ofSize(3)).as((u, b) -> {
      Map<String, Double> givens = new LinkedHashMap<>();
      List<String> ids = EXP.givenIds();
      for (int i = 0; i < 8; i++) {
        givens.put(ids.get(i), u.get(i));
      }
      for (int i = 0; i < 3; i++) {
        givens.put(ids.get(8 + i), b.get(i));
      }
      return givens;
    });
  }

  @Property(tries = 200)
  void expressionsInYGiveTheGradientsOfTheNetworkWithThatTarget(
      @ForAll("expGivens") Map<String, Double> givens,
      @ForAll @DoubleRange(min = -3, max = 3) double y) {
    SymbolicSolution s = SymbolicSolver.solve(EXP, givens);
    Map<String, Double> all = new LinkedHashMap<>(givens);
    all.put("y", y);
    all.put("eta", 0.5);
    Values v = EXP.graph().evaluate(all);
    all.put("y", 0.0);
    Values atZero = EXP.graph().evaluate(all);
    Environment at = Environment.of(Map.of("y", y), Map.of());

    assertThat(s.step("p").number()).isEqualTo(v.get("p"));
    for (SymbolicStep step : s.steps()) {
      if (step.isExpression()) {
        // a*y + b nearly cancels for y near p: judge against |a y| + |b|, not the value.
        double b = atZero.get(step.id());
        double a = (v.get(step.id()) - b) / y;
        double scale = Double.isFinite(a) ? Math.abs(a * y) + Math.abs(b) : Math.abs(b);
        assertClose(step.expression().evaluate(at), v.get(step.id()), scale, step.id());
        assertClose(step.simplified().evaluate(at), v.get(step.id()), scale,
            step.id() + " simplified");
      }
    }
  }

  @Property(tries = 200)
  void theGraphsGradientsAreAffineInTheTarget(
      @ForAll("expGivens") Map<String, Double> givens,
      @ForAll @DoubleRange(min = -3, max = 3) double y) {
    Map<String, Double> all = new LinkedHashMap<>(givens);
    all.put("eta", 0.5);
    all.put("y", 0.0);
    Values atZero = EXP.graph().evaluate(all);
    all.put("y", 1.0);
    Values atOne = EXP.graph().evaluate(all);
    all.put("y", y);
    Values atY = EXP.graph().evaluate(all);

    for (String id : EXP.asked()) {
      if (id.startsWith("dJ/")) {
        double b = atZero.get(id);
        double a = atOne.get(id) - b;
        assertThat(atY.get(id)).as(id).isCloseTo(a * y + b,
            org.assertj.core.api.Assertions.within(1e-12 * (Math.abs(a) + Math.abs(b) + 1e-300)));
      }
    }
  }

  // ---- symbolic-3-2-1: f, g and L left abstract

  /**
   * Inputs from -3 to 3 rather than the template's -10 to 10: beyond |z| of about 10, sigmoid'(z)
   * = s (1 - s) computed in doubles loses the digits this comparison needs, in the numeric graph as
   * much as here.
   */
  @Provide
  Arbitrary<Map<String, Double>> abstractGivens() {
    Arbitrary<Double> input = Arbitraries.integers().between(-3, 3).map(i -> (double) i);
    Arbitrary<Double> unit = Arbitraries.doubles().between(-1, 1).ofScale(1);
    return Combinators.combine(input.list().ofSize(3), unit.list().ofSize(10)).as((x, w) -> {
      Map<String, Double> givens = new LinkedHashMap<>();
      List<String> ids = ABSTRACT.givenIds();
      for (int i = 0; i < 3; i++) {
        givens.put(ids.get(i), x.get(i));
      }
      for (int i = 0; i < 10; i++) {
        givens.put(ids.get(3 + i), w.get(i));
      }
      return givens;
    });
  }

  @Property(tries = 200)
  void withSigmoidForFAndGTheChainGivesTheGradientOfTheSigmoidNetwork(
      @ForAll("abstractGivens") Map<String, Double> givens,
      @ForAll @DoubleRange(min = -1, max = 1) double b3,
      @ForAll @DoubleRange(min = -2, max = 2) double y) {
    assertChainMatchesConcreteNetwork(givens, b3, y, Activation.Kind.SIGMOID, SIGMOID,
        SIGMOID_PRIME, Activation.Kind.SIGMOID, SIGMOID, SIGMOID_PRIME);
  }

  @Property(tries = 200)
  void withTanhForFAndSigmoidForGTheChainGivesThatNetworksGradient(
      @ForAll("abstractGivens") Map<String, Double> givens,
      @ForAll @DoubleRange(min = -1, max = 1) double b3,
      @ForAll @DoubleRange(min = -2, max = 2) double y) {
    assertChainMatchesConcreteNetwork(givens, b3, y, Activation.Kind.TANH, TANH, TANH_PRIME,
        Activation.Kind.SIGMOID, SIGMOID, SIGMOID_PRIME);
  }

  /**
   * Builds the 3-2-1 network with concrete f and g and L = 1/2 (y - y_hat)^2, and evaluates each
   * reference with f, g, dL/dy_hat and z_out taken from that network's forward pass.
   */
  private static void assertChainMatchesConcreteNetwork(
      Map<String, Double> givens, double b3, double y,
      Activation.Kind hidden, DoubleUnaryOperator f, DoubleUnaryOperator fPrime,
      Activation.Kind output, DoubleUnaryOperator g, DoubleUnaryOperator gPrime) {
    Network net = new Network(List.of(3, 2, 1),
        List.of(Activation.of(hidden), Activation.of(output)), Loss.HALF_SSE,
        BiasMode.PER_NEURON, true, false, 1);
    QuantityGraph concrete = GraphCompiler.compile(
        Notation.withRenames(net, ABSTRACT.notation().renames()), List.of());
    Map<String, Double> all = new LinkedHashMap<>(givens);
    all.put("b3", b3);
    all.put("y", y);
    all.put("eta", 0.5);
    Values v = concrete.evaluate(all);
    Environment env = Environment.of(
        Map.of("dL/dy_hat", v.get("dL/dy_hat"), "z_out", v.get("z_out")),
        Map.of("f", f, "f'", fPrime, "g", g, "g'", gPrime));

    SymbolicSolution s = SymbolicSolver.solve(ABSTRACT, givens);
    for (SymbolicStep step : s.steps()) {
      // A product has no cancellation: the value itself is the scale.
      double expected = v.get(step.id());
      assertClose(step.expression().evaluate(env), expected, Math.abs(expected), step.id());
      assertClose(step.simplified().evaluate(env), expected, Math.abs(expected),
          step.id() + " simplified");
    }
  }

  // ---- both: the printed references read back and agree with each other

  @Property(tries = 100)
  void printedReferencesReadBackAndTheSimplifiedFormIsEquivalent(
      @ForAll("abstractGivens") Map<String, Double> abstractGivens,
      @ForAll("expGivens") Map<String, Double> expGivens) throws ExprSyntaxException {
    EquivalenceChecker exact = EquivalenceChecker.defaults();
    for (SymbolicSolution s : List.of(SymbolicSolver.solve(ABSTRACT, abstractGivens),
        SymbolicSolver.solve(EXP, expGivens))) {
      for (SymbolicStep step : s.steps()) {
        Expr expression = ExprParser.parse(step.expression().toString());
        assertThat(expression).isEqualTo(step.expression());
        assertThat(ExprParser.parse(step.simplified().toString())).isEqualTo(step.simplified());
        assertThat(exact.compare(step.simplified(), step.expression(), s.allowedSymbols(),
            s.allowedFunctions()).isEquivalent()).as(step.id()).isTrue();
      }
    }
  }
}
