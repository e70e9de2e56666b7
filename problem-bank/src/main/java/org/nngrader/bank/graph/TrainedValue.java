package org.nngrader.bank.graph;

import java.util.function.ToDoubleFunction;

/**
 * The function of a quantity after training: its value after the trainer's updates from the
 * given values. A type of its own, rather than a lambda, so that a graph can find the runs of
 * gradient descent its quantities share ({@link QuantityGraph#training}).
 */
record TrainedValue(Trainer trainer, String id) implements ToDoubleFunction<double[]> {

  @Override
  public double applyAsDouble(double[] givens) {
    return trainer.valueAfter(givens, id);
  }
}
