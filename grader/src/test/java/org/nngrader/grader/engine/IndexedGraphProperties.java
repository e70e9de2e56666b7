package org.nngrader.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.nngrader.bank.generate.Variant;
import org.nngrader.bank.generate.VariantDrawer;
import org.nngrader.bank.graph.Quantity;
import org.nngrader.bank.graph.QuantityGraph;
import org.nngrader.bank.graph.Values;
import org.nngrader.bank.mistake.Misconception;
import org.nngrader.bank.mistake.Misconceptions;
import org.nngrader.bank.template.Template;
import org.nngrader.bank.template.Templates;
import org.nngrader.grader.read.WrittenPrecision;

/**
 * The worlds the engine reads by position, computed only as far as they are read, give the
 * values {@link QuantityGraph#evaluatePinned} gives, bit for bit: pinned to a random part of a
 * random sheet, and with one more quantity moved, on every numeric template and its mistaken
 * graphs. And the bound that spares reading a cell at a finer habit is never below the
 * reading's half-unit.
 */
class IndexedGraphProperties {

  private static final List<String> NUMERIC =
      org.nngrader.grader.batch.AnswerFormsProperties.NUMERIC;

  @Property(tries = 200)
  void pinnedAndMovedWorldsAreTheEvaluatedOnes(
      @ForAll @IntRange(min = 0, max = 3) int template,
      @ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
    Template t = Templates.builtin(NUMERIC.get(template));
    Variant variant = new VariantDrawer(t, seed, Map.of()).draw("s" + seed);
    Map<String, Double> all = new LinkedHashMap<>(t.defaults());
    all.putAll(variant.parameters());
    Map<String, Double> givens = t.graph().evaluate(all).givens();
    Random random = new Random(seed);
    List<QuantityGraph> graphs = new ArrayList<>(List.of(t.graph()));
    for (Misconception m : Misconceptions.catalogue()) {
      graphs.addAll(m.apply(t.network(), t.graph()));
    }
    QuantityGraph graph = graphs.get(random.nextInt(graphs.size()));
    Values right = graph.evaluate(givens);
    // Some computed quantities pinned near their values, as a student's answers are.
    Map<String, Double> pinned = new LinkedHashMap<>();
    List<Quantity> computed = graph.quantities().stream().filter(q -> !q.isGiven()).toList();
    for (Quantity q : computed) {
      if (random.nextInt(3) == 0) {
        pinned.put(q.id(), near(right.get(q.id()), random));
      }
    }
    IndexedGraph indexed = new IndexedGraph(graph);
    boolean[] isPinned = new boolean[indexed.size];
    double[] pins = new double[indexed.size];
    indexed.pin(pinned, isPinned, pins);
    IndexedGraph.World world = indexed.new Pinned(graph.givenArray(givens), isPinned, pins);
    Values expected = graph.evaluatePinned(givens, pinned);
    // Read in a random order: what is read first must not change what is read later.
    List<Integer> order = shuffled(indexed.size, random);
    for (int i : order) {
      String id = graph.quantities().get(i).id();
      assertThat(Double.doubleToRawLongBits(world.get(i)))
          .as("%s %s seed %d: %s", NUMERIC.get(template), graph == t.graph() ? "" : "mistaken",
              seed, id)
          .isEqualTo(Double.doubleToRawLongBits(expected.get(id)));
    }
    // One quantity moved (pinned or not), read in another order.
    Quantity p = computed.get(random.nextInt(computed.size()));
    int at = graph.indexOf(p.id());
    double value = world.get(at) + (random.nextBoolean() ? 5e-5 : -0.005);
    Map<String, Double> moved = new HashMap<>(pinned);
    moved.put(p.id(), value);
    Values movedExpected = graph.evaluatePinned(givens, moved);
    IndexedGraph.World movedWorld = indexed.new Moved(world, isPinned, at, value);
    for (int i : shuffled(indexed.size, random)) {
      String id = graph.quantities().get(i).id();
      assertThat(Double.doubleToRawLongBits(movedWorld.get(i)))
          .as("%s seed %d: %s with %s moved", NUMERIC.get(template), seed, id, p.id())
          .isEqualTo(Double.doubleToRawLongBits(movedExpected.get(id)));
    }
    // And every derivation of every quantity, as the grader recomputes steps.
    for (int i = 0; i < indexed.size; i++) {
      Quantity q = graph.quantities().get(i);
      if (q.isGiven()) {
        continue;
      }
      IndexedGraph.Route[] routes = indexed.routes(i);
      for (int d = 0; d < routes.length; d++) {
        double want = QuantityGraph.recompute(q.derivations().get(d), movedExpected::get);
        assertThat(Double.doubleToRawLongBits(routes[d].apply(movedWorld)))
            .as("%s seed %d: derivation %d of %s", NUMERIC.get(template), seed, d, q.id())
            .isEqualTo(Double.doubleToRawLongBits(want));
      }
    }
  }

  @Property(tries = 2000)
  void noReadingWithTrailingZerosIsCoarserThanTheBound(
      @ForAll @DoubleRange(min = -1e4, max = 1e4) double value,
      @ForAll @IntRange(min = -4, max = 14) int decimals,
      @ForAll @IntRange(min = 0, max = 2) int form) {
    // The half-units of written answers: 0.5e-d, a percent's hundredth of one, an odd one.
    double h = switch (form) {
      case 0 -> new java.math.BigDecimal(5).scaleByPowerOfTen(-decimals - 1).doubleValue();
      case 1 -> new java.math.BigDecimal(5).scaleByPowerOfTen(-decimals - 1).doubleValue() / 100;
      default -> 0.37 * Math.pow(10, -decimals);
    };
    double[] values = {value, Math.round(value * 1000) / 1000.0, value * 1e-6, value * 1e6};
    for (double v : values) {
      double bound = GradingEngine.trailingZerosBound(h);
      assertThat(bound).as("h %s", h).isPositive();
      assertThat(WrittenPrecision.withTrailingZeros(v, h).halfUnit())
          .as("%s at half-unit %s", v, h)
          .isLessThanOrEqualTo(bound);
    }
  }

  private static double near(double x, Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> x;
      case 1 -> Math.round(x * 100) / 100.0;
      case 2 -> Math.round(x * 10000) / 10000.0;
      default -> x * (1 + 0.3 * random.nextGaussian());
    };
  }

  private static List<Integer> shuffled(int n, Random random) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    java.util.Collections.shuffle(order, random);
    return order;
  }
}
