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
    String format = formatString == null || formatString.isEmpty() ? "General" : formatString;
    if (format.equals("General") || format.equals("@")) {
      String general = general(value);
      if (general != null) {
        return general;
      }
    }
    return FORMATTER.get().formatRawCellContents(value, formatIndex, format);
  }

  /**
   * General's text for the numbers answers are made of, without a formatter: the shortest
   * decimal, which is what General shows for up to ten significant figures and ten decimals
   * between 0.0001 and 10^10 (a property test holds it to {@link DataFormatter}); {@code null}
   * for any other number.
   */
  static String general(double value) {
    if (Double.doubleToRawLongBits(value) == 0) {
      return "0";
    }
    double magnitude = Math.abs(value);
    if (!(magnitude >= 1e-4 && magnitude < 1e10)) {
      return null;
    }
    java.math.BigDecimal shortest = WrittenPrecision.shortestDecimal(value);
    return shortest.precision() <= 10 && shortest.scale() <= 10 ? shortest.toPlainString() : null;
  }

  /** Whether the number format shows a date or time (e.g. {@code d-mmm}, {@code m/d/yy}). */
  static boolean isDate(int formatIndex, String formatString) {
    return formatString != null && DateUtil.isADateFormat(formatIndex, formatString);
  }

  static String bool(boolean value) {
    return value ? "TRUE" : "FALSE";
  }
}
