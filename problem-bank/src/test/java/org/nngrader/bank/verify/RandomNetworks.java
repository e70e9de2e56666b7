package org.nngrader.bank.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import org.nngrader.bank.model.Activation;
import org.nngrader.bank.model.BiasMode;
import org.nngrader.bank.model.Loss;
import org.nngrader.bank.model.Network;
import org.nngrader.bank.model.Notation;

/**
 * Random small networks with random givens, for the property tests: every activation (leaky
 * ReLU with a random slope, softmax on the output only, with softmax_cce), every loss (bce with
 * a sigmoid output), every bias layout, 0 to 2 hidden layers of 1 to 3 neurons, 1 to 3 inputs
 * and outputs, 1 or 2 training examples, and any choice of trained parameters.
 *
 * <p>Ranges are those of classroom exercises: inputs in [-1, 1], weights in [-1, 1], biases in
 * [-0.5, 0.5], rate in [0.05, 1]. Targets are in [0, 1] for a sigmoid output, a probability
 * distribution for softmax (categorical cross-entropy takes one), else in [-1, 1]. Weights
 * leaving an exp layer are drawn from [-0.1, 0.1] so that stacked exp layers stay far from
 * overflow (three of them reach outputs of at most about 150).
 */
public final class RandomNetworks {

  private static final List<Activation.Kind> NEURON_KINDS = List.of(
      Activation.Kind.SIGMOID, Activation.Kind.TANH, Activation.Kind.RELU,
      Activation.Kind.LEAKY_RELU, Activation.Kind.LINEAR, Activation.Kind.EXP);

  private RandomNetworks() {}

  /** A network and a value for each of its givens. */
  public static Arbitrary<NetworkCase> cases() {
    return networks().flatMap(RandomNetworks::givens);
  }

  static Arbitrary<Network> networks() {
    Arbitrary<List<Integer>> sizes =
        Arbitraries.integers().between(1, 3).list().ofMinSize(2).ofMaxSize(4);
    Arbitrary<Loss> losses = Arbitraries.of(Loss.class);
    Arbitrary<BiasMode> biases = Arbitraries.of(BiasMode.class);
    Arbitrary<List<Boolean>> trained = Arbitraries.of(true, false).list().ofSize(2);
    Arbitrary<Integer> examples = Arbitraries.integers().between(1, 2);
    return Combinators.combine(sizes, losses, biases, trained, examples)
        .flatAs((s, loss, bias, train, ex) -> activations(s.size() - 1, loss)
            .map(acts -> new Network(s, acts, loss, bias, train.get(0), train.get(1), ex)));
  }

  private static Arbitrary<List<Activation>> activations(int layers, Loss loss) {
    Arbitrary<Activation> output = switch (loss) {
      case SOFTMAX_CCE -> Arbitraries.just(Activation.of(Activation.Kind.SOFTMAX));
      case BCE -> Arbitraries.just(Activation.of(Activation.Kind.SIGMOID));
      case HALF_SSE, MSE -> neuronActivation();
    };
    return Combinators.combine(neuronActivation().list().ofSize(layers - 1), output)
        .as((hidden, out) -> {
          List<Activation> all = new ArrayList<>(hidden);
          all.add(out);
          return all;
        });
  }

  private static Arbitrary<Activation> neuronActivation() {
    return Arbitraries.of(NEURON_KINDS).flatMap(k -> k == Activation.Kind.LEAKY_RELU
        ? Arbitraries.doubles().between(0.01, 0.5).ofScale(3).map(s -> new Activation(k, s))
        : Arbitraries.just(Activation.of(k)));
  }

  private static Arbitrary<NetworkCase> givens(Network network) {
    Notation notation = Notation.standard(network);
    Map<String, Integer> weightLayer = weightLayers(notation);
    List<String> ids = new ArrayList<>(notation.givens().keySet());
    List<Arbitrary<Double>> values = new ArrayList<>();
    for (String id : ids) {
      values.add(switch (notation.givens().get(id)) {
        case INPUT -> between(-1, 1);
        case WEIGHT -> {
          int l = weightLayer.get(id);
          boolean afterExp = l > 1 && network.activation(l - 1).kind() == Activation.Kind.EXP;
          yield afterExp ? between(-0.1, 0.1) : between(-1, 1);
        }
        case BIAS -> between(-0.5, 0.5);
        case TARGET -> target(network);
        case RATE -> between(0.05, 1);
      });
    }
    return Combinators.combine(values).as(drawn -> {
      Map<String, Double> g = new LinkedHashMap<>();
      for (int i = 0; i < ids.size(); i++) {
        g.put(ids.get(i), drawn.get(i));
      }
      // Softmax targets are deliberately not normalised: the delta must be right for any.
      return new NetworkCase(notation, g);
    });
  }

  private static Arbitrary<Double> target(Network network) {
    Activation.Kind out = network.activation(network.depth() - 1).kind();
    return switch (out) {
      case SIGMOID -> between(0, 1);
      case SOFTMAX -> between(0.05, 1);
      default -> between(-1, 1);
    };
  }


  private static Map<String, Integer> weightLayers(Notation notation) {
    Network network = notation.network();
    Map<String, Integer> layers = new HashMap<>();
    for (int l = 1; l < network.depth(); l++) {
      for (int j = 0; j < network.size(l); j++) {
        for (int k = 0; k < network.size(l - 1); k++) {
          layers.put(notation.weight(l, j, k), l);
        }
      }
    }
    return layers;
  }

  private static Arbitrary<Double> between(double min, double max) {
    // Uniform: jqwik's default leans towards the middle of the range, here towards 0, which
    // would draw many ReLU inputs at the kink and many vanishing products.
    return Arbitraries.doubles().between(min, max).ofScale(6)
        .withDistribution(RandomDistribution.uniform());
  }
}
