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
   * @param written the precision the student wrote the number at (half a unit in the last
   *     place and significant figures), the same for the same digits in any form; see {@link
   *     org.nngrader.grader.read.WrittenPrecision}
   */
  record Numeric(double value, String written, double precision,
      org.nngrader.grader.read.WrittenPrecision writtenPrecision) implements StudentAnswer {

    /** An answer whose written precision is that of its allowance (tests, simple callers). */
    public Numeric(double value, String written, double precision) {
      this(value, written, precision, precision == 0
          ? org.nngrader.grader.read.WrittenPrecision.EXACT
          : new org.nngrader.grader.read.WrittenPrecision(precision,
              Math.max(1, Math.min(org.nngrader.grader.read.WrittenPrecision.FULL,
                  significantFigures(written)))));
    }

    public Numeric {
      java.util.Objects.requireNonNull(writtenPrecision, "writtenPrecision");
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("answer value must be finite: " + written);
      }
      if (precision < 0) {
        throw new IllegalArgumentException("precision must not be negative");
      }
    }

    /** Fewer significant figures than this, and an answer's own rounding earns no allowance. */
    static final int MIN_SIGNIFICANT_FIGURES = 3;

    /**
     * Half a unit in the last written decimal place of a decimal text ("0.5933" gives 0.00005),
     * the rounding the student's own written answer allows for. It is 0 (no allowance) for
     * whole numbers, exponents, fractions and percents, and for answers with fewer than three
     * significant figures: "0.4" for 0.35892 is too coarse, not a rounding.
     */
    public static double precisionOf(String text) {
      String t = text.strip();
      if (t.contains("e") || t.contains("E") || t.contains("/") || t.endsWith("%")) {
        return 0;
      }
      if (t.indexOf('.') < 0 && t.indexOf(',') >= 0 && t.indexOf(',') == t.lastIndexOf(',')) {
        t = t.replace(',', '.'); // a decimal comma
      } else {
        t = t.replace(",", ""); // thousands separators
      }
      int dot = t.indexOf('.');
      if (dot < 0) {
        return 0; // a whole number ("0", "1") is meant exactly, not as a rounding
      }
      int decimals = t.length() - dot - 1;
      if (decimals >= 12 || significantFigures(t) < MIN_SIGNIFICANT_FIGURES) {
        return 0;
      }
      return 0.5 * Math.pow(10, -decimals);
    }

    private static int significantFigures(String decimal) {
      String digits = decimal.replaceAll("[^0-9]", "").replaceFirst("^0+", "");
      return digits.length();
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
