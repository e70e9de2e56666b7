package org.nngrader.bank.generate;

/**
 * The rubric's rule for answers with few significant figures, as the problem sheet states it
 * to the student: a right value rounded to fewer than {@code minimumFigures} significant figures
 * earns nothing; at or above, a rounding outside the tolerance earns {@code credit} of the
 * step's points. Immutable.
 */
public record CreditRule(int minimumFigures, double credit) {

  /** The default rubric's rule: 3 figures, full credit. */
  public static final CreditRule DEFAULT = new CreditRule(3, 1.0);

  public CreditRule {
    if (minimumFigures < 1 || minimumFigures > 17) {
      throw new IllegalArgumentException("minimumFigures must be 1..17: " + minimumFigures);
    }
    if (!(credit >= 0 && credit <= 1)) {
      throw new IllegalArgumentException("credit must be between 0 and 1: " + credit);
    }
  }

  /** The sentence for the problem sheet's "How to answer" list. */
  public String sentence() {
    String figures = minimumFigures + (minimumFigures == 1 ? " significant figure" : " significant figures");
    String above = credit >= 1 ? "earns full credit"
        : credit == 0 ? "earns no credit either" : "earns " + Math.round(credit * 100) + "% of the points";
    return "A right value rounded to fewer than " + figures + " earns no credit; rounded to "
        + minimumFigures + " or more but outside the tolerance, it " + above
        + ", with a note to write more figures.";
  }
}
