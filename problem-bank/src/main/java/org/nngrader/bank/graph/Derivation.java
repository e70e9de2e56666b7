package org.nngrader.bank.graph;

import java.util.List;

/**
 * One way to compute a quantity: its parents and the formula over them. A quantity may have
 * several (a gradient is dE/dout * dout/dnet * dnet/dw, or delta * dnet/dw); the first is the
 * one the solver uses and the worked solution shows, the others let the grader recognise a
 * student who followed the other route.
 */
public record Derivation(List<String> parents, Formula formula) {

  public Derivation {
    parents = List.copyOf(parents);
    if (formula == null) {
      throw new IllegalArgumentException("derivation needs a formula");
    }
  }

  /** The formula in symbols. */
  public String symbolic() {
    return formula.symbolic(parents);
  }
}
