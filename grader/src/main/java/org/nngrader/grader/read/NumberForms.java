package org.nngrader.grader.read;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a written answer as a number, accepting the ways students really write numbers: {@code
 * 0.7513}, {@code  0.7513 }, {@code 0,7513} (decimal comma when it is the only separator), {@code
 * 7.513E-1}, {@code 75.13%} (read as 0.7513), {@code −0.02} (unicode minus and other dashes),
 * {@code +0.5}, {@code .5}, {@code 5.}, simple fractions {@code 1/2} and {@code -3/4}, {@code 7.513
 * × 10^-1}, and thousands separators when they cannot be mistaken for a decimal separator ({@code
 * 1,234.5}, {@code 1.234,5}, {@code 1 234,5} with a non-breaking space, {@code 1,234,567}).
 *
 * <p>Decimal strings are converted with correct rounding, so {@code parse(Double.toString(d))}
 * gives back {@code d} exactly, also in decimal-comma and percent renderings. Stateless and
 * thread-safe.
 */
public final class NumberForms {

  /** Longer texts are not numbers anyone writes; refusing them bounds the work per answer. */
  private static final int MAX_LENGTH = 1000;

  private static final ParsedNumber MISSING = new ParsedNumber.Missing();
  private static final Pattern TIMES_TEN =
      Pattern.compile("(.*?)\\s*[xX×*·]\\s*10\\s*\\^\\s*\\(?\\s*([+-]?\\d+)\\s*\\)?");
  private static final Pattern EXPONENT = Pattern.compile("\\s*[+-]?\\d+");
  private static final String OPERATORS = "+-*/^()=×";

  private NumberForms() {}

  /**
   * Reads {@code written} as a number.
   *
   * @param written the answer as written; {@code null} counts as blank
   * @return a {@link ParsedNumber.Value}, {@link ParsedNumber.Missing} for blank or whitespace-only
   *     text, or {@link ParsedNumber.Unreadable} keeping {@code written} unchanged and saying why
   */
  public static ParsedNumber parse(String written) {
    if (written == null) {
      return MISSING;
    }
    String text = canonicalChars(written).strip();
    if (text.isEmpty()) {
      return MISSING;
    }
    if (text.length() > MAX_LENGTH) {
      return new ParsedNumber.Unreadable(
          written, "it is " + text.length() + " characters long, too long to be a number");
    }
    try {
      return new ParsedNumber.Value(read(text));
    } catch (NotANumber e) {
      return new ParsedNumber.Unreadable(written, e.getMessage());
    }
  }

  /**
   * A written answer read as a number: its value and the precision it was written at.
   *
   * @param parsed the value, {@link ParsedNumber.Missing} or {@link ParsedNumber.Unreadable}
   * @param precision the written precision of a value ({@link WrittenPrecision#EXACT} otherwise)
   * @param calculated whether the answer was arithmetic ({@code 0.35*0.8}) rather than a number
   */
  public record Answer(ParsedNumber parsed, WrittenPrecision precision, boolean calculated) {
    public Answer {
      java.util.Objects.requireNonNull(parsed, "parsed");
      java.util.Objects.requireNonNull(precision, "precision");
    }
  }

  /**
   * Reads a written answer: a number in any of the forms {@link #parse(String)} accepts, or
   * arithmetic over numbers ({@code 0.35*0.8}, {@code =(1-0.25)/2}, {@code 0,35*0,8}, {@code
   * 50%*0.8}) evaluated exactly, with the precision propagated from its operands (see {@link
   * Arithmetic}). Anything else is unreadable, a calculation with the column of its problem.
   */
  public static Answer readAnswer(String written) {
    ParsedNumber parsed = parse(written);
    if (parsed instanceof ParsedNumber.Value) {
      return new Answer(parsed, precisionOf(written), false);
    }
    if (!(parsed instanceof ParsedNumber.Unreadable) || written.length() > MAX_LENGTH) {
      return new Answer(parsed, WrittenPrecision.EXACT, false);
    }
    String canonical = canonicalChars(written);
    if (!Arithmetic.looksLikeCalculation(canonical.strip())) {
      return new Answer(parsed, WrittenPrecision.EXACT, false);
    }
    try {
      // Columns count in the text as written, leading spaces included.
      Arithmetic.Result r = Arithmetic.evaluate(canonical);
      return new Answer(new ParsedNumber.Value(r.value()), r.precision(), true);
    } catch (Arithmetic.Invalid e) {
      return new Answer(new ParsedNumber.Unreadable(written, e.getMessage()),
          WrittenPrecision.EXACT, false);
    }
  }

  /**
   * An answer cell read as a number: a number cell's value with its precision (its shortest
   * decimal form or its number format; exact for a formula), a formula that could not be
   * calculated as unreadable with the reason, and any other cell's text through {@link
   * #readAnswer(String)}. The one way every reader's cells become numbers, so the same digits
   * read the same in every form.
   */
  public static Answer readCell(AnswerCell cell) {
    if (cell.unreadable() != null) {
      return new Answer(new ParsedNumber.Unreadable(cell.written(), cell.unreadable()),
          WrittenPrecision.EXACT, false);
    }
    if (cell.numericValue() != null) {
      return new Answer(new ParsedNumber.Value(cell.numericValue()), cell.precision(), false);
    }
    return readAnswer(cell.written());
  }

  /**
   * The precision {@code written} was written at, when it reads as a number: half a unit in its
   * last written place and its significant figures, in the units of the value read (a percent
   * is a hundredth). A fraction of whole numbers is exact.
   *
   * @return the precision, or {@link WrittenPrecision#EXACT} for text that is not a plain number
   */
  public static WrittenPrecision precisionOf(String written) {
    if (written == null) {
      return WrittenPrecision.EXACT;
    }
    String s = canonicalChars(written).strip();
    if (s.isEmpty() || s.length() > MAX_LENGTH) {
      return WrittenPrecision.EXACT;
    }
    int shift = 0;
    if (s.endsWith("%")) {
      shift = -2;
      s = s.substring(0, s.length() - 1).stripTrailing();
    }
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      s = s.substring(1).stripLeading();
    }
    if (s.isEmpty() || s.indexOf('/') >= 0) {
      return WrittenPrecision.EXACT;
    }
    try {
      return WrittenPrecision.ofDecimal(canonicalDecimal(s), shift);
    } catch (NotANumber | NumberFormatException e) {
      return WrittenPrecision.EXACT;
    }
  }

  private static double read(String text) throws NotANumber {
    if (text.startsWith("=")) {
      throw new NotANumber("it is a formula, not a number; write the value itself");
    }
    String s = text;
    boolean percent = false;
    if (s.endsWith("%")) {
      percent = true;
      s = s.substring(0, s.length() - 1).stripTrailing();
    }
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      s = s.substring(1).stripLeading();
    }
    if (s.isEmpty()) {
      throw new NotANumber("there is no number in it; write a number such as 0.25");
    }
    double magnitude;
    if (s.indexOf('/') >= 0 && !percent) {
      magnitude = fraction(s);
    } else {
      magnitude = decimal(s, percent);
    }
    if (!Double.isFinite(magnitude)) {
      throw new NotANumber("it is too large to be an answer here");
    }
    return negative ? -magnitude : magnitude;
  }

  private static double fraction(String s) throws NotANumber {
    int slash = s.indexOf('/');
    if (s.indexOf('/', slash + 1) >= 0) {
      throw new NotANumber("it has more than one '/'; write a single number or a fraction like 3/4");
    }
    String numerator = s.substring(0, slash).strip();
    String denominator = s.substring(slash + 1).strip();
    if (!isDigits(numerator) || !isDigits(denominator)) {
      throw new NotANumber(
          "it looks like a calculation; write its result as a number, or a fraction of whole"
              + " numbers like 3/4");
    }
    double bottom = Double.parseDouble(denominator);
    if (bottom == 0) {
      throw new NotANumber("it divides by zero");
    }
    // Both sides are exact for up to 15 digits, and one IEEE division rounds correctly.
    return Double.parseDouble(numerator) / bottom;
  }

  private static double decimal(String s, boolean percent) throws NotANumber {
    String canonical = canonicalDecimal(s);
    try {
      if (percent) {
        return new BigDecimal(canonical).scaleByPowerOfTen(-2).doubleValue();
      }
      return Double.parseDouble(canonical);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new NotANumber("its exponent is out of range");
    }
  }

  /** The plain decimal ("7.513E-1", "1234.5") of an unsigned mantissa with its exponent. */
  private static String canonicalDecimal(String s) throws NotANumber {
    String mantissa = s;
    String exponent = null;
    Matcher timesTen = TIMES_TEN.matcher(s);
    if (timesTen.matches() && !timesTen.group(1).isEmpty()) {
      mantissa = timesTen.group(1);
      exponent = timesTen.group(2);
    } else {
      int e = Math.max(s.indexOf('e'), s.indexOf('E'));
      if (e > 0 && EXPONENT.matcher(s.substring(e + 1)).matches()) {
        mantissa = s.substring(0, e).stripTrailing();
        exponent = s.substring(e + 1).strip();
      }
    }
    rejectText(mantissa);
    return plainDecimal(mantissa) + (exponent == null ? "" : "E" + exponent);
  }

  /** Rejects anything but digits and separators, naming the offending text. */
  private static void rejectText(String mantissa) throws NotANumber {
    int first = -1;
    int lastDigit = -1;
    for (int i = 0; i < mantissa.length(); i++) {
      char c = mantissa.charAt(i);
      if (c >= '0' && c <= '9') {
        lastDigit = i;
      } else if (c != '.' && c != ',' && c != ' ' && first < 0) {
        first = i;
      }
    }
    if (first < 0) {
      return;
    }
    if (lastDigit < 0) {
      throw new NotANumber("it is not a number; write a decimal number such as 0.25");
    }
    String text = mantissa.substring(first).strip();
    if (OPERATORS.indexOf(mantissa.charAt(first)) >= 0) {
      throw new NotANumber("it looks like a calculation; write its result as a single number");
    }
    if (first > lastDigit) {
      throw new NotANumber(
          "it has text after the number (\"" + text + "\"); write the number only, without units");
    }
    throw new NotANumber(
        "it has text in it (\"" + mantissa.strip() + "\"); write the number only");
  }

  /**
   * Turns digits with decimal and grouping separators into a plain decimal such as {@code
   * 1234.5}: the decimal separator is the last of '.' and ',' when both occur, the only one when
   * it occurs once, and there is none when one of them repeats (it groups thousands).
   */
  private static String plainDecimal(String m) throws NotANumber {
    int dots = count(m, '.');
    int commas = count(m, ',');
    char decimal = 0;
    char group = 0;
    if (dots > 0 && commas > 0) {
      decimal = m.lastIndexOf('.') > m.lastIndexOf(',') ? '.' : ',';
      group = decimal == '.' ? ',' : '.';
      if (count(m, decimal) > 1) {
        throw new NotANumber("it has more than one decimal separator");
      }
    } else if (dots == 1 || commas == 1) {
      decimal = dots == 1 ? '.' : ',';
    } else if (dots > 1 || commas > 1) {
      group = dots > 1 ? '.' : ',';
    }
    int at = decimal == 0 ? -1 : m.indexOf(decimal);
    String whole = at < 0 ? m : m.substring(0, at);
    String fraction = at < 0 ? "" : m.substring(at + 1);
    if (!fraction.isEmpty() && !isDigits(fraction)) {
      throw new NotANumber("it has a space or separator after the decimal separator");
    }
    String digits = groupedDigits(whole, group, decimal);
    if (digits.isEmpty() && fraction.isEmpty()) {
      throw new NotANumber("there is no number in it; write a number such as 0.25");
    }
    return (digits.isEmpty() ? "0" : digits) + (fraction.isEmpty() ? "" : "." + fraction);
  }

  private static String groupedDigits(String whole, char group, char decimal) throws NotANumber {
    if (isDigits(whole) || whole.isEmpty()) {
      return whole;
    }
    boolean spaces = whole.indexOf(' ') >= 0;
    if (spaces && group != 0) {
      throw new NotANumber("it mixes spaces and '" + group + "' as thousands separators");
    }
    String[] groups = whole.split(spaces ? " +" : Pattern.quote(String.valueOf(group)), -1);
    StringBuilder digits = new StringBuilder(whole.length());
    for (int i = 0; i < groups.length; i++) {
      String g = groups[i];
      boolean ok = isDigits(g) && (i == 0 ? g.length() <= 3 : g.length() == 3);
      if (!ok) {
        throw new NotANumber(groupingReason(group, decimal, spaces));
      }
      digits.append(g);
    }
    return digits.toString();
  }

  private static String groupingReason(char group, char decimal, boolean spaces) {
    if (spaces) {
      return "it has a space inside the number";
    }
    if (decimal == 0) {
      return group == '.'
          ? "it has more than one decimal point"
          : "it has more than one decimal comma";
    }
    return "its thousands separators ('" + group + "') are not in groups of three digits";
  }

  /**
   * Maps what keyboards and spreadsheets produce to plain ASCII: unicode dashes to '-', all kinds
   * of spaces (no-break, thin, narrow) to ' ', fullwidth signs and digits of other scripts to
   * their ASCII forms; drops zero-width characters.
   */
  private static String canonicalChars(String written) {
    StringBuilder b = null;
    for (int i = 0; i < written.length(); i++) {
      char c = written.charAt(i);
      char mapped = canonicalChar(c);
      if (mapped != c && b == null) {
        b = new StringBuilder(written.length()).append(written, 0, i);
      }
      if (b != null && mapped != 0) {
        b.append(mapped);
      }
    }
    return b == null ? written : b.toString();
  }

  /** The ASCII form of {@code c}, or 0 to drop it. */
  private static char canonicalChar(char c) {
    if (c < 128) {
      return c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B ? ' ' : c;
    }
    switch (c) {
      case '\u2010': case '\u2011': case '\u2012': case '\u2013': case '\u2014': case '\u2015':
      case '\u2212': case '\u02D7': case '\u2796': case '\uFE58': case '\uFE63': case '\uFF0D':
        return '-';
      case '\uFF0B': case '\uFE62':
        return '+';
      case '\uFF05': case '\uFE6A': case '\u066A':
        return '%';
      case '\uFF0C': case '\u066C':
        return ',';
      case '\uFF0E': case '\u066B':
        return '.';
      case '\u200B': case '\u200C': case '\u200D': case '\u2060': case '\uFEFF':
        return 0;
      default:
        break;
    }
    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return ' ';
    }
    if (Character.isDigit(c)) {
      return (char) ('0' + Character.digit(c, 10));
    }
    return c;
  }

  private static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  /** Control flow for a rejected answer; carries the reason and no stack trace. */
  private static final class NotANumber extends Exception {
    NotANumber(String reason) {
      super(reason, null, false, false);
    }
  }
}
