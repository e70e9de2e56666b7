package org.nngrader.grader.read;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an Excel number format code shows of a number: how many decimals (or, in scientific
 * notation, how many mantissa digits), percent scaling and thousands scaling. Read from the code
 * itself ({@code 0.00}, {@code #,##0.0}, {@code 0.000%}, {@code 0.00E+00}, {@code General}),
 * skipping quoted text, escaped characters, colours and conditions in brackets, and fill and
 * spacing marks. Formats that show no fixed digits (General, text {@code @}, fractions {@code #
 * ?/?}, dates) set no precision. Immutable; parsed codes are cached, as a workbook uses few.
 */
final class NumberFormatCode {

  private static final NumberFormatCode GENERAL = new NumberFormatCode(false, 0, 0, 0, 0);
  private static final int MAX_CACHED = 1024;
  private static final Map<String, NumberFormatCode> CACHE = new ConcurrentHashMap<>();

  /** Whether the format shows a fixed number of digits at all. */
  private final boolean fixed;
  /** Decimal places shown (in the mantissa for scientific formats). */
  private final int decimals;
  /** Digit places before the decimal point of a scientific mantissa; 0 for other formats. */
  private final int mantissaWholeDigits;
  /** Powers of ten the displayed number is scaled by: +2 per '%', -3 per trailing ','. */
  private final int shift;
  /** 1 for scientific formats, else 0. */
  private final int scientific;

  private NumberFormatCode(boolean fixed, int decimals, int mantissaWholeDigits, int shift,
      int scientific) {
    this.fixed = fixed;
    this.decimals = decimals;
    this.mantissaWholeDigits = mantissaWholeDigits;
    this.shift = shift;
    this.scientific = scientific;
  }

  static NumberFormatCode of(String code) {
    if (code == null || code.isBlank() || code.equalsIgnoreCase("General")) {
      return GENERAL;
    }
    NumberFormatCode cached = CACHE.get(code);
    if (cached != null) {
      return cached;
    }
    NumberFormatCode parsed = parse(code);
    if (CACHE.size() < MAX_CACHED) {
      CACHE.put(code, parsed);
    }
    return parsed;
  }

  /**
   * The precision of {@code value} as this format shows it, in the units of the value; {@code
   * null} when the format shows no fixed digits.
   */
  WrittenPrecision shownPrecision(double value) {
    if (!fixed || !Double.isFinite(value)) {
      return null;
    }
    BigDecimal shown = WrittenPrecision.shortestDecimal(value).scaleByPowerOfTen(shift);
    if (scientific == 1) {
      if (shown.signum() == 0) {
        return WrittenPrecision.ofDecimal(BigDecimal.ZERO.setScale(decimals), -shift);
      }
      int digits = Math.max(1, mantissaWholeDigits) + decimals;
      BigDecimal rounded = shown.round(new MathContext(digits, RoundingMode.HALF_UP));
      // Keep the trailing zeros the format shows: 0.00E+00 shows 2.50E-01 with 3 figures.
      int scale = digits - 1 - (rounded.precision() - rounded.scale() - 1);
      return WrittenPrecision.ofDecimal(rounded.setScale(scale, RoundingMode.HALF_UP), -shift);
    }
    BigDecimal rounded = shown.setScale(decimals, RoundingMode.HALF_UP);
    return WrittenPrecision.ofDecimal(rounded, -shift);
  }

  private static NumberFormatCode parse(String code) {
    String section = firstSection(code);
    StringBuilder placeholders = new StringBuilder();
    int percents = 0;
    boolean inQuote = false;
    for (int i = 0; i < section.length(); i++) {
      char c = section.charAt(i);
      if (inQuote) {
        inQuote = c != '"';
        continue;
      }
      switch (c) {
        case '"':
          inQuote = true;
          break;
        case '\\': case '_': case '*':
          i++; // the next character is literal, a space width or a fill
          break;
        case '[':
          int close = section.indexOf(']', i);
          i = close < 0 ? section.length() : close;
          break;
        case '%':
          percents++;
          break;
        case '0': case '#': case '?': case '.': case ',': case '/': case '@':
        case 'E': case 'e': case '+': case '-':
          placeholders.append(c);
          break;
        default:
          if (Character.isLetter(c)) {
            placeholders.append(Character.toLowerCase(c));
          }
          break;
      }
    }
    String p = placeholders.toString();
    String letters = p.replaceAll("[^a-df-z]", "");
    if (p.indexOf('/') >= 0 || p.indexOf('@') >= 0 || !letters.isEmpty()
        || p.chars().noneMatch(ch -> ch == '0' || ch == '#' || ch == '?')) {
      return GENERAL; // fractions, text, dates and times, or no digits at all
    }
    int e = Math.max(p.indexOf('E'), p.indexOf('e'));
    boolean scientific = e >= 0;
    String mantissa = scientific ? p.substring(0, e) : p;
    int dot = mantissa.indexOf('.');
    String whole = dot < 0 ? mantissa : mantissa.substring(0, dot);
    String fraction = dot < 0 ? "" : mantissa.substring(dot + 1);
    int decimals = countDigits(fraction);
    // Commas right after the last digit placeholder scale by a thousand each ("0.0," shows
    // thousands); so do commas between the whole digits and the decimal point ("0,.0").
    int thousands = trailingCommas(mantissa) + (dot < 0 ? 0 : trailingCommas(whole));
    int shift = 2 * percents - 3 * thousands;
    return new NumberFormatCode(true, decimals, scientific ? countDigits(whole) : 0, shift,
        scientific ? 1 : 0);
  }

  /** The format for positive numbers: the text before the first unquoted ';'. */
  private static String firstSection(String code) {
    boolean inQuote = false;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '"') {
        inQuote = !inQuote;
      } else if (c == '\\' && !inQuote) {
        i++;
      } else if (c == ';' && !inQuote) {
        return code.substring(0, i);
      }
    }
    return code;
  }

  private static int trailingCommas(String s) {
    int n = 0;
    for (int i = s.length() - 1; i >= 0 && s.charAt(i) == ','; i--) {
      n++;
    }
    return n;
  }

  private static int countDigits(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '0' || c == '#' || c == '?') {
        n++;
      }
    }
    return n;
  }
}
