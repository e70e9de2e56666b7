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
    return FORMATTER.get().formatRawCellContents(value, formatIndex, format);
  }

  /** Whether the number format shows a date or time (e.g. {@code d-mmm}, {@code m/d/yy}). */
  static boolean isDate(int formatIndex, String formatString) {
    return formatString != null && DateUtil.isADateFormat(formatIndex, formatString);
  }

  static String bool(boolean value) {
    return value ? "TRUE" : "FALSE";
  }
}
