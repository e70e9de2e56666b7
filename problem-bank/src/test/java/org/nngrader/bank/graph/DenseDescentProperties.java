package org.nngrader.bank.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import net.jqwik.api.statistics.StatisticsReport.StatisticsReportMode;
import org.nngrader.bank.model.Activation;
import org.nngrader.bank.model.BiasMode;
import org.nngrader.bank.model.Loss;
import org.nngrader.bank.model.Network;
import org.nngrader.bank.verify.NetworkCase;
import org.nngrader.bank.verify.RandomNetworks;

/**
 * Training on plain arrays equals training by iterating the quantity graph, on random networks
 * of every activation, loss, bias layout, choice of trained parameters and number of examples
 * (the draws are checked to reach each of them). The seed is fixed so that a run is
 * reproducible.
 */
class DenseDescentProperties {

  @Provide
  Arbitrary<NetworkCase> cases() {
    return RandomNetworks.cases();
  }

  @Provide
  Arbitrary<Integer> steps() {
    return Arbitraries.of(1, 2, 7, 50);
  }

  @Property(tries = 100, seed = "5150823327741302214")
  @StatisticsReport(StatisticsReportMode.OFF)
  void denseStepsEqualGraphIteration(
      @ForAll("cases") NetworkCase c, @ForAll("steps") int steps) {
    collectCoverage(c.network(), steps);
    TrainerComparison compare = new TrainerComparison(c.notation());
    Trainer dense = compare.dense(steps, c.notation());
    assertThat(dense.isDense()).isTrue();
    double[] givens = compare.givens(c.givens());
    assertThat(compare.mismatches(dense, compare.iterating(steps), givens)).isEmpty();
  }

  private static void collectCoverage(Network net, int steps) {
    for (Activation.Kind k : new TreeSet<>(net.activations().stream().map(Activation::kind).toList())) {
      Statistics.label("activation").collect(k.id());
    }
    Statistics.label("loss").collect(net.loss().id());
    Statistics.label("bias").collect(net.biasMode().id());
    Statistics.label("examples").collect(net.examples());
    Statistics.label("trained").collect(
        (net.trainWeights() ? "weights" : "") + (net.trainBiases() ? "+biases" : ""));
    Statistics.label("steps").collect(steps);
    Statistics.label("activation").coverage(cov -> {
      for (Activation.Kind k : Activation.Kind.values()) {
        cov.check(k.id()).count(count -> count >= 5);
      }
    });
    Statistics.label("loss").coverage(cov -> {
      for (Loss l : Loss.values()) {
        cov.check(l.id()).count(count -> count >= 10);
      }
    });
    Statistics.label("bias").coverage(cov -> {
      for (BiasMode b : BiasMode.values()) {
        cov.check(b.id()).count(count -> count >= 10);
      }
    });
    Statistics.label("examples").coverage(cov -> {
      cov.check(1).count(count -> count >= 20);
      cov.check(2).count(count -> count >= 20);
    });
    Statistics.label("trained").coverage(cov -> {
      cov.check("weights").count(count -> count >= 10);
      cov.check("+biases").count(count -> count >= 10);
      cov.check("weights+biases").count(count -> count >= 10);
    });
    Statistics.label("steps").coverage(cov -> {
      for (int k : new int[] {1, 2, 7, 50}) {
        cov.check(k).count(count -> count >= 10);
      }
    });
  }
}
