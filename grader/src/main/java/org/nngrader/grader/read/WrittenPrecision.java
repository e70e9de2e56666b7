package org.nngrader.grader.read;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.nngrader.bank.math.Memo;

/**
 * The precision a student wrote a number at: half a unit in the last place written and the
 * number of significant figures, the facts the grading engine judges rounding by. The same
 * digits give the same precision whatever form they came in (number cell, text, csv field,
 * decimal comma, percent, scientific, {@code × 10^}).
 *
 * <p>Where each answer's precision comes from:
 *
 * <ul>
 *   <li>a written decimal (text cell, csv field): its last written place and its digits, trailing
 *       zeros included ({@code "0.740"} has 3 figures);
 *   <li>a number cell: its shortest decimal form ({@code 0.74} stored as the double nearest 0.74
 *       has 2 figures), or what its number format shows when that is coarser ({@code 0.7369159}
 *       shown with {@code 0.00} has 2 figures and a half-unit of 0.005). A cell cannot keep
 *       trailing zeros, so {@code 0.740} typed into a cell has 2 figures;
 *   <li>a formula cell and a fraction of whole numbers ({@code 3/4}): {@link #EXACT};
 *   <li>arithmetic written as text ({@code 0.35*0.8}): see {@link #ofCalculation(double,
 *       double)}.
 * </ul>
 *
 * @param halfUnit half a unit in the last place written, in the units of the value read (0.005
 *     for "0.74", 0.00005 for "75.13%" read as 0.7513, 0.5 for "12"); 0 when the value is exact
 *     or carries full precision (a fraction of whole numbers, a formula's value)
 * @param figures significant figures written (2 for "0.74", 3 for "0.0259", 1 for "0");
 *     {@link #FULL} when the value carries full precision
 */
public record WrittenPrecision(double halfUnit, int figures) {

  /** The figures of a value that carries full precision (a double has at most 17). */
  public static final int FULL = 17;

  /** A value with full precision: a formula's result, an exact fraction. */
  public static final WrittenPrecision EXACT = new WrittenPrecision(0, FULL);

  public WrittenPrecision {
    if (!(halfUnit >= 0) || Double.isInfinite(halfUnit)) {
      throw new IllegalArgumentException("halfUnit must be finite and not negative: " + halfUnit);
    }
    if (figures < 1 || figures > FULL) {
      throw new IllegalArgumentException("figures must be 1.." + FULL + ": " + figures);
    }
  }

  /** Whether the value carries full precision (nothing to allow for). */
  public boolean isExact() {
    return halfUnit == 0;
  }

  /** Whether this precision is coarser than {@code other} (a larger half-unit, or fewer figures). */
  boolean coarserThan(WrittenPrecision other) {
    return halfUnit > other.halfUnit || (halfUnit == other.halfUnit && figures < other.figures);
  }

  /**
   * The precision of a plain decimal (digits, at most one '.', an optional exponent), scaled
   * by {@code 10^shift} (-2 for a percent).
   */
  public static WrittenPrecision ofDecimal(String plainDecimal, int shift) {
    return ofDecimal(new BigDecimal(plainDecimal), shift);
  }

  static WrittenPrecision ofDecimal(BigDecimal d, int shift) {
    int figures = d.signum() == 0 ? 1 : d.precision();
    if (figures >= FULL) {
      return EXACT;
    }
    int scale = d.scale() - shift;
    return new WrittenPrecision(halfUnitAt(scale), figures);
  }

  /** 0.5 × 10^-scale, exactly rounded. */
  private static double halfUnitAt(int scale) {
    return new BigDecimal(5).scaleByPowerOfTen(-scale - 1).doubleValue();
  }

  /** The precision of a number cell: that of its shortest decimal form. */
  public static WrittenPrecision ofCellValue(double value) {
    return ofDecimal(shortestDecimal(value), 0);
  }

  /**
   * The precision of a number cell shown with the number format {@code formatCode}: that of its
   * shortest decimal form, or what the format shows when that is coarser.
   *
   * @param formatCode the cell's number format code ({@code 0.00}, {@code 0.0%}, {@code
   *     0.00E+00}, {@code General}); {@code null} for General
   */
  public static WrittenPrecision ofCell(double value, String formatCode) {
    return ofCell(value, formatCode, shortestDecimal(value));
  }

  /** {@link #ofCell(double, String)} with the value's {@link #shortestDecimal} at hand. */
  static WrittenPrecision ofCell(double value, String formatCode, BigDecimal shortest) {
    WrittenPrecision typed = ofDecimal(shortest, 0);
    WrittenPrecision shown = NumberFormatCode.of(formatCode).shownPrecision(value);
    return shown != null && shown.coarserThan(typed) ? shown : typed;
  }

  /**
   * The precision of a calculated value whose uncertainty, propagated from the written
   * precision of its operands, is {@code halfUnit}: that half-unit, and the significant figures
   * it leaves ({@code floor(log10(|value| / (2 halfUnit))) + 1}, at least 1).
   */
  public static WrittenPrecision ofCalculation(double value, double halfUnit) {
    if (!(halfUnit > 0) || Double.isInfinite(halfUnit)) {
      return EXACT;
    }
    if (value == 0) {
      return new WrittenPrecision(halfUnit, 1);
    }
    double ratio = Math.abs(value) / (2 * halfUnit);
    int figures = ratio < 1 ? 1 : (int) Math.floor(Math.log10(ratio) + 1e-9) + 1;
    if (figures >= FULL) {
      return EXACT;
    }
    return new WrittenPrecision(halfUnit, Math.max(1, figures));
  }

  /**
   * The precision of a number cell typed by a student who writes to {@code halfUnit} (0.005
   * for 2 decimals): a cell keeps no trailing zeros, so -0.2 may have been typed as -0.20.
   * The cell's shortest form when that is finer already.
   */
  public static WrittenPrecision withTrailingZeros(double value, double halfUnit) {
    BigDecimal d = shortestDecimal(value);
    if (!(halfUnit > 0) || !Double.isFinite(halfUnit)) {
      return ofDecimal(d, 0);
    }
    int scale = (int) Math.round(-Math.log10(2 * halfUnit));
    return d.scale() >= scale ? ofDecimal(d, 0) : ofDecimal(d.setScale(scale), 0);
  }

  /**
   * The precision of a number cell typed by a student who writes {@code figures} significant
   * figures: 0.25 may have been typed as 0.250. The cell's shortest form when it has as many
   * figures already, and for 0, which has no significant figure to pad.
   */
  public static WrittenPrecision withFigures(double value, int figures) {
    BigDecimal d = shortestDecimal(value);
    if (d.signum() == 0 || d.precision() >= figures || figures >= FULL) {
      return ofDecimal(d, 0);
    }
    return ofDecimal(d.setScale(d.scale() + figures - d.precision()), 0);
  }

  /** The shortest decimal text that reads back as {@code value} ("0.5" for 0.50 in a cell). */
  public static String shortestText(double value) {
    return shortestDecimal(value).toPlainString();
  }

  /**
   * The shortest decimal that reads back as {@code value}, without trailing zeros (scale at
   * least 0). Java 17's {@code Double.toString} is not always the shortest, so the digits are
   * searched: a decimal of up to 15 digits that round-trips is the only one that does.
   *
   * <p>The search needs at most three roundings rather than one per length: two decimals of up
   * to 15 significant digits never read back as the same double (the 15-digit grid is far
   * coarser than the doubles), so when one reads back as {@code value} it is the value rounded
   * to 15 digits, and that rounding, from any decimal within a few units in the last place of
   * the value, finds it; only 16 and 17 digits are then left to try, from the exact value.
   */
  static BigDecimal shortestDecimal(double value) {
    if (value == 0) {
      return BigDecimal.ZERO;
    }
    // Grading asks again for each value of a sheet while it weighs the student's habits.
    return SHORTEST.get(value, WrittenPrecision::searchShortest);
  }

  private static final Memo<Double, BigDecimal> SHORTEST = new Memo<>(1 << 16);

  /**
   * {@link #shortestDecimal(double)} of a value parsed from {@code typed} (a cell's stored
   * text, or null when unknown): read off that text when it is a plain decimal of at most 15
   * significant digits, the one decimal of so few digits that reads back as the value, without
   * a search.
   */
  static BigDecimal shortestDecimal(double value, String typed) {
    if (value == 0 || typed == null || typed.length() > 24 || !plainDecimal(typed)) {
      return shortestDecimal(value);
    }
    return SHORTEST.get(value, v -> {
      BigDecimal d = new BigDecimal(typed).stripTrailingZeros();
      if (d.precision() > 15) {
        return searchShortest(v);
      }
      return d.scale() < 0 ? d.setScale(0) : d;
    });
  }

  /** Whether the text is digits with at most a sign, a point and an exponent (no hex, no suffix). */
  private static boolean plainDecimal(String text) {
    boolean digit = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
        return false;
      }
    }
    return digit;
  }

  private static BigDecimal searchShortest(double value) {
    if (Math.abs(value) >= Double.MIN_NORMAL && Double.isFinite(value)) {
      // Schubfach (Jackson's copy of the algorithm behind Java 19's Double.toString) writes
      // the shortest decimal that reads back, the nearest to the value of those. When that has
      // at most 15 digits it is the only one so short, the decimal the search finds. At 16 or
      // 17 the search takes the value rounded to 16 digits when it reads back, else rounded
      // to 17: the same decimal, since the doubles around a value are equally far on both
      // sides, so a decimal nearer than one that reads back reads back too (ties go to the
      // even digit in both). Only at a power of two (no bits below the leading one) is the
      // double below nearer than the one above; there the two may pick differently (a tie the
      // search rounds down to a decimal that does not read back), so the search decides.
      BigDecimal shortest = new BigDecimal(DoubleToDecimal.toString(value)).stripTrailingZeros();
      if (shortest.precision() <= 15
          || (Double.doubleToRawLongBits(value) & 0x000f_ffff_ffff_ffffL) != 0) {
        return shortest.scale() < 0 ? shortest.setScale(0) : shortest;
      }
    }
    return searched(value);
  }

  /** The search itself, one rounding per length from 15 digits: {@link #shortestDecimal}. */
  static BigDecimal searched(double value) {
    BigDecimal candidate = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    if (candidate.precision() > 15) {
      BigDecimal fifteen = candidate.round(new MathContext(15, RoundingMode.HALF_EVEN));
      if (fifteen.doubleValue() == value) {
        candidate = fifteen.stripTrailingZeros();
      } else {
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 16; digits <= FULL; digits++) {
          BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
          if (rounded.doubleValue() == value) {
            candidate = rounded.stripTrailingZeros();
            break;
          }
        }
      }
    }
    return candidate.scale() < 0 ? candidate.setScale(0) : candidate;
  }
}
