package org.nngrader.grader.read;

import java.util.Locale;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * How a numeric cell reads on screen, the same for the streaming and the workbook xlsx paths:
 * Excel's number format applied with {@link Locale#ROOT} (so {@code 0.00%} shows {@code 75.13%}
 * and General shows {@code 0.7513}). Thread-safe: one formatter per thread, as {@link
 * DataFormatter} is not.
 */
final class CellText {

  private static final ThreadLocal<DataFormatter> FORMATTER =
      ThreadLocal.withInitial(() -> new DataFormatter(Locale.ROOT));

  private CellText() {}

  static String numeric(double value, int formatIndex, String formatString) {
    return numeric(value, formatIndex, formatString, null);
  }

  /**
   * {@link #numeric(double, int, String)} with the value's {@link
   * WrittenPrecision#shortestDecimal} at hand, or {@code null} to compute it when needed.
   */
  static String numeric(double value, int formatIndex, String formatString,
      java.math.BigDecimal shortest) {
    String format = formatString == null || formatString.isEmpty() ? "General" : formatString;
    if (isGeneral(format)) {
      String general = general(value, shortest);
      if (general == null) {
        general = generalRounded(value);
      }
      if (general != null) {
        return general;
      }
    }
    return FORMATTER.get().formatRawCellContents(value, formatIndex, format);
  }

  /** Whether a number shows as in General with this format ({@code null} or empty is General). */
  static boolean isGeneral(String formatString) {
    return formatString == null || formatString.isEmpty() || formatString.equals("General")
        || formatString.equals("@");
  }

  /**
   * General's text for the numbers answers are made of, without a formatter: the shortest
   * decimal, which is what General shows for up to ten significant figures and ten decimals
   * between 0.0001 and 10^10 (a property test holds it to {@link DataFormatter}); {@code null}
   * for any other number.
   */
  static String general(double value) {
    return general(value, null);
  }

  private static String general(double value, java.math.BigDecimal shortestOrNull) {
    if (Double.doubleToRawLongBits(value) == 0) {
      return "0";
    }
    double magnitude = Math.abs(value);
    if (!(magnitude >= 1e-4 && magnitude < 1e10)) {
      return null;
    }
    java.math.BigDecimal shortest = shortestOrNull != null ? shortestOrNull
        : WrittenPrecision.shortestDecimal(value);
    return shortest.precision() <= 10 && shortest.scale() <= 10 ? shortest.toPlainString() : null;
  }

  private static final java.math.MathContext TEN_FIGURES =
      new java.math.MathContext(10, java.math.RoundingMode.HALF_UP);

  /**
   * General's text for a non-integer that General rounds (more than ten significant figures),
   * between 0.0001 and 10^10, without a formatter: the steps of POI's {@code DataFormatter} and
   * {@code ExcelGeneralNumberFormat}, Excel's 15-digit text of the value, rounded half up to
   * ten significant figures, then to at most ten decimals (a property test holds it to
   * {@link DataFormatter}); {@code null} for any other number.
   */
  static String generalRounded(double value) {
    double magnitude = Math.abs(value);
    if (!(magnitude >= 1e-4 && magnitude < 1e10)) {
      return null;
    }
    String excel = org.apache.poi.ss.util.NumberToTextConverter.toText(value);
    if (excel.indexOf('E') >= 0) {
      return null;
    }
    double shown = Double.parseDouble(excel);
    if (Math.floor(shown) == shown || !(Math.abs(shown) < 1e10)) {
      return null;
    }
    java.math.BigDecimal rounded = java.math.BigDecimal.valueOf(shown).round(TEN_FIGURES)
        .stripTrailingZeros();
    if (rounded.scale() <= 10) {
      return rounded.scale() >= 0 ? rounded.toPlainString() : null;
    }
    // More than ten decimals: the format rounds the double once more, half up, to ten. It
    // rounds the double's exact value, except that away from a tie its shortest digits say
    // the same; when the two roundings differ, the formatter decides.
    double again = rounded.doubleValue();
    java.math.BigDecimal exact = new java.math.BigDecimal(again)
        .setScale(10, java.math.RoundingMode.HALF_UP);
    java.math.BigDecimal digits = java.math.BigDecimal.valueOf(again)
        .setScale(10, java.math.RoundingMode.HALF_UP);
    if (exact.compareTo(digits) != 0 || exact.signum() == 0) {
      return null;
    }
    return exact.stripTrailingZeros().toPlainString();
  }

  /** Whether the number format shows a date or time (e.g. {@code d-mmm}, {@code m/d/yy}). */
  static boolean isDate(int formatIndex, String formatString) {
    return formatString != null && DateUtil.isADateFormat(formatIndex, formatString);
  }

  static String bool(boolean value) {
    return value ? "TRUE" : "FALSE";
  }
}
