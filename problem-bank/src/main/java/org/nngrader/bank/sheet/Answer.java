package org.nngrader.bank.sheet;

/**
 * What a filled answer cell holds: a number, text (a number typed as text, or anything else),
 * or a spreadsheet formula with its cached value. A step without an answer is blank.
 */
public sealed interface Answer permits Answer.Number, Answer.Text, Answer.Formula {

  /** A numeric cell. */
  record Number(double value) implements Answer {}

  /** A text cell, written exactly as given. */
  record Text(String text) implements Answer {
    public Text {
      if (text == null) {
        throw new IllegalArgumentException("text answer is null");
      }
    }
  }

  /**
   * A formula cell, e.g. {@code =C5*C6}, with the value a spreadsheet would cache for it.
   * The formula is given with its leading {@code =}.
   */
  record Formula(String formula, double cached) implements Answer {
    public Formula {
      if (formula == null || !formula.startsWith("=") || formula.length() < 2) {
        throw new IllegalArgumentException("formula '" + formula + "' must start with '='");
      }
    }
  }
}
