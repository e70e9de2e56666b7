package org.nngrader.grader.engine;

/** A student's answer to one step, as the reader understood it. */
public sealed interface StudentAnswer {

  /** The text as the student wrote it ("" when missing). */
  String written();

  /**
   * A number.
   *
   * @param precision half a unit in the last place the student wrote (0.00005 for "0.5933"),
   *     or 0 when the value came with full precision (a numeric cell); follow-through allows
   *     for this much rounding
   */
  record Numeric(double value, String written, double precision) implements StudentAnswer {
    public Numeric {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("answer value must be finite: " + written);
      }
      if (precision < 0) {
        throw new IllegalArgumentException("precision must not be negative");
      }
    }

    /** Half a unit in the last written decimal place of a decimal text; 0 for whole numbers and exponents. */
    public static double precisionOf(String text) {
      String t = text.strip().replace(',', '.');
      if (t.contains("e") || t.contains("E") || t.contains("/") || t.endsWith("%")) {
        return 0;
      }
      int dot = t.indexOf('.');
      if (dot < 0) {
        return 0; // a whole number ("0", "1") is meant exactly, not as a rounding
      }
      int decimals = t.length() - dot - 1;
      if (decimals >= 12) {
        return 0;
      }
      return 0.5 * Math.pow(10, -decimals);
    }
  }

  /** Left blank. */
  record Missing() implements StudentAnswer {
    @Override
    public String written() {
      return "";
    }
  }

  /** Not understood; kept as written, with the reason. */
  record Unreadable(String written, String reason) implements StudentAnswer {}

  /**
   * The text of an expression answer (a symbolic exercise's expression step), as written; the
   * engine parses it, so that a syntax error is reported with its position. A number typed in
   * a numeric cell arrives here as its decimal text and is read as a constant expression.
   */
  record Text(String written) implements StudentAnswer {
    public Text {
      if (written == null || written.isBlank()) {
        throw new IllegalArgumentException("an expression answer is blank; a blank step is"
            + " Missing");
      }
    }
  }
}
