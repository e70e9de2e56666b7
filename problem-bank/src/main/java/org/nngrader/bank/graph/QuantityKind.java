package org.nngrader.bank.graph;

/**
 * What a quantity is; the grader's misconception catalogue keys on it. The forward pass after
 * one update has the same kinds as the first (NET, OUT, ...) in {@link Section#AFTER}.
 */
public enum QuantityKind {
  INPUT(Section.GIVEN),
  WEIGHT(Section.GIVEN),
  BIAS(Section.GIVEN),
  TARGET(Section.GIVEN),
  RATE(Section.GIVEN),
  /** Net input of a neuron. */
  NET(Section.FORWARD),
  /** Output (activation) of a neuron. */
  OUT(Section.FORWARD),
  /** Error of one output, E_o1. */
  ERROR(Section.LOSS),
  /** E_total. */
  TOTAL_ERROR(Section.LOSS),
  /** dE_total/dout of an output neuron. */
  LOSS_DERIVATIVE(Section.OUTPUT_LAYER),
  /** dout/dnet of a neuron. */
  ACTIVATION_DERIVATIVE(Section.OUTPUT_LAYER),
  /** dnet/dw or dnet/db: the source activation, or 1. */
  NET_PARAM_DERIVATIVE(Section.OUTPUT_LAYER),
  /** dE_total/dnet, the delta of a neuron. */
  DELTA(Section.OUTPUT_LAYER),
  /** dnet_o1/dout_h1: the weight on that edge. */
  NET_OUT_DERIVATIVE(Section.HIDDEN_LAYER),
  /** dE_o1/dout_h1: one path's share. */
  PATH(Section.HIDDEN_LAYER),
  /** dE_total/dout_h1: the sum over paths. */
  PATH_SUM(Section.HIDDEN_LAYER),
  /**
   * dE_o1/dnet_h1 (and, for a softmax output, dE_o1/dnet_o2): one output's share of a delta,
   * the error of that output differentiated along every path to the net input.
   */
  PATH_DELTA(Section.HIDDEN_LAYER),
  /** dE_total/dw, dE_total/db. */
  GRADIENT(Section.OUTPUT_LAYER),
  /** w+ : a parameter after one update. */
  UPDATE(Section.UPDATE),
  /** A quantity after k training steps, computed by iterating. */
  AFTER_TRAINING(Section.AFTER),
  /** Loss decrease and percent improvement. */
  SUMMARY(Section.AFTER);

  /** The part of a worked solution a quantity belongs to, in textbook order. */
  public enum Section {
    GIVEN("Given values"),
    FORWARD("Forward pass"),
    LOSS("Loss"),
    OUTPUT_LAYER("Output layer"),
    HIDDEN_LAYER("Hidden layer"),
    UPDATE("Updates"),
    AFTER("After the update");

    private final String title;

    Section(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }
  }

  private final Section section;

  QuantityKind(Section section) {
    this.section = section;
  }

  public Section section() {
    return section;
  }

  public boolean isGiven() {
    return section == Section.GIVEN;
  }
}
