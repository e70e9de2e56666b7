package org.nngrader.bank.diagram;

/**
 * Marks a page adds to the network diagram (a report marks the student's wrong quantities); the
 * layout is the same with or without them. Positions are a layer (0 for the inputs), a neuron
 * of that layer and, for an edge, the neuron of the layer before it feeds from.
 */
public interface Overlay {

  /** No marks: the problem sheet's and the solution's drawing. */
  Overlay NONE = new Overlay() {};

  /** The mark of a neuron, or null. */
  default Mark neuron(int layer, int j) {
    return null;
  }

  /** The mark of the edge into neuron j of a layer from neuron k of the layer before, or null. */
  default Mark weight(int layer, int j, int k) {
    return null;
  }

  /** A sentence added to the drawing's accessible title, or the empty string. */
  default String description() {
    return "";
  }
}
