package org.nngrader.bank.graph;

import java.util.List;

/**
 * One named scalar quantity of the graph: its id (the step id of sheets, keys and reports),
 * what it is, the layer it belongs to (0 for inputs and globals), a description in words, and
 * its derivations (none for a given value). Immutable.
 *
 * @param section where the worked solution shows it (a hidden neuron's derivatives belong to
 *     the hidden-layer section even though their kind is shared with the output layer)
 */
public record Quantity(
    String id,
    QuantityKind kind,
    QuantityKind.Section section,
    int layer,
    String description,
    List<Derivation> derivations) {

  public Quantity {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("quantity id is blank");
    }
    derivations = List.copyOf(derivations);
    if (kind.isGiven() != derivations.isEmpty()) {
      throw new IllegalArgumentException(
          "quantity " + id + ": given values have no derivation, computed ones need one");
    }
  }

  public boolean isGiven() {
    return kind.isGiven();
  }

  /** The derivation the solver uses. */
  public Derivation primary() {
    return derivations.get(0);
  }

  /** The parents of the primary derivation. */
  public List<String> parents() {
    return derivations.isEmpty() ? List.of() : primary().parents();
  }

  /** The same quantity computed another way (used by the misconception catalogue). */
  public Quantity withDerivations(List<Derivation> replacement) {
    return new Quantity(id, kind, section, layer, description, replacement);
  }
}
