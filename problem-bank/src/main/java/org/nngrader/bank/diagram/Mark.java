package org.nngrader.bank.diagram;

import java.util.Objects;

/**
 * How a page marks one neuron or edge of the network diagram: drawn thick in a colour, solid or
 * dashed, with a symbol beside it (so the mark does not rely on colour alone) and a note in its
 * tooltip.
 *
 * @param cssClass the class the element gets, for the page's own styling
 * @param colour a CSS colour for the stroke and the label
 * @param dashed whether the stroke is dashed
 * @param symbol one character put before an edge's label and beside a neuron
 * @param note what the mark means, added to the tooltip in parentheses
 */
public record Mark(String cssClass, String colour, boolean dashed, String symbol, String note) {

  public Mark {
    Objects.requireNonNull(colour, "colour");
    Objects.requireNonNull(note, "note");
    if (cssClass == null || !cssClass.matches("[a-z][a-z-]*")) {
      throw new IllegalArgumentException("mark class '" + cssClass
          + "' must be lower-case letters and hyphens");
    }
    if (symbol == null || symbol.isBlank()) {
      throw new IllegalArgumentException("mark '" + cssClass + "' needs a symbol");
    }
  }
}
