package org.nngrader.bank.mistake;

import java.util.List;
import org.nngrader.bank.graph.QuantityGraph;
import org.nngrader.bank.model.Network;

/**
 * A known mistake of students on these exercises, as a change to the quantity graph: the
 * graph a student who makes the mistake is effectively computing. The grader compares a wrong
 * answer with the mistaken graphs; the simulator uses them to write realistic wrong sheets.
 * Implementations are immutable.
 */
public interface Misconception {

  /** A stable id, e.g. {@code error-derivative-sign}. */
  String id();

  /** A short name for reports, e.g. "sign of dE/dout reversed". */
  String title();

  /** What went wrong and how to fix it, addressed to the student. */
  String feedback();

  /**
   * The mistaken graphs for this network: none when the mistake cannot happen here (or makes
   * no difference), several when it can happen in several places (which output's path was
   * left out).
   */
  List<QuantityGraph> apply(Network network, QuantityGraph graph);
}
