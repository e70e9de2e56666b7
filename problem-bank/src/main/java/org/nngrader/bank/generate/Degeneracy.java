package org.nngrader.bank.generate;

/**
 * Why a draw was rejected. Each names the template setting that would let more draws through,
 * for the message of an impossible template.
 */
public enum Degeneracy {
  ZERO_VALUE("a weight or input drawn as exactly 0",
      "widen randomize.weight / randomize.input so that nonzero values are likely"),
  RELU_MARGIN("a ReLU pre-activation within relu_margin of 0",
      "lower randomize.relu_margin or change the ranges"),
  SATURATED("a sigmoid/tanh derivative below min_activation_derivative (saturated neuron)",
      "narrow the ranges of weights and inputs or lower randomize.min_activation_derivative"),
  SMALL_GRADIENT("an asked gradient smaller than min_gradient in magnitude (or zero)",
      "lower randomize.min_gradient or change the ranges"),
  LOSS_NOT_DECREASING("the loss does not decrease after the update",
      "lower the learning rate range (randomize.rate) or set randomize.require_loss_decrease: false"),
  NOT_FINITE("an asked value is not a finite number",
      "narrow the ranges so that logarithms and exponentials stay finite"),
  DEGENERATE_EXPRESSION("an asked expression with a factor of 0 or 1, a saturated neuron, a ReLU"
      + " input near 0 or coefficients below min_gradient",
      "widen the ranges of weights and inputs so that 0 and 1 are rare, or lower"
          + " randomize.min_gradient / min_activation_derivative"),
  DUPLICATE("the same values as an earlier student",
      "widen the ranges or give more decimals: the template has too few distinct variants");

  private final String description;
  private final String remedy;

  Degeneracy(String description, String remedy) {
    this.description = description;
    this.remedy = remedy;
  }

  public String description() {
    return description;
  }

  /** The template change that lets more draws through. */
  public String remedy() {
    return remedy;
  }
}
