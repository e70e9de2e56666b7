package org.nngrader.bank.verify;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a rendered document with its golden file, line by line. The text must be identical
 * except for one allowance: a number written with the full precision of a double (15 or more
 * significant digits, as JSON writes them) may differ from the golden one by a relative
 * {@value #FULL_PRECISION_TOLERANCE}. Math.exp and Math.log are only specified to one unit in
 * the last place, and they do differ by that much between JVMs and processors; the last digits
 * of a double printed in full are rounding noise, not content. Numbers printed to 8 decimals,
 * names, formulas and layout must match exactly.
 */
final class GoldenText {

  static final double FULL_PRECISION_TOLERANCE = 1e-12;

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

  private GoldenText() {}

  /** The first difference, as "line N: expected ... but was ...", or empty when they match. */
  static Optional<String> firstDifference(String expected, String actual) {
    List<String> want = expected.lines().toList();
    List<String> got = actual.lines().toList();
    for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
      String w = i < want.size() ? want.get(i) : "<end of file>";
      String g = i < got.size() ? got.get(i) : "<end of file>";
      if (!linesMatch(w, g)) {
        return Optional.of("line " + (i + 1) + ": expected\n  " + w + "\nbut was\n  " + g);
      }
    }
    if (expected.endsWith("\n") != actual.endsWith("\n")) {
      return Optional.of("the last line ends differently (newline at end of file)");
    }
    return Optional.empty();
  }

  static boolean linesMatch(String expected, String actual) {
    if (expected.equals(actual)) {
      return true;
    }
    List<String> wantNumbers = new ArrayList<>();
    List<String> gotNumbers = new ArrayList<>();
    String wantText = skeleton(expected, wantNumbers);
    String gotText = skeleton(actual, gotNumbers);
    if (!wantText.equals(gotText) || wantNumbers.size() != gotNumbers.size()) {
      return false;
    }
    for (int i = 0; i < wantNumbers.size(); i++) {
      if (!numbersMatch(wantNumbers.get(i), gotNumbers.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean numbersMatch(String expected, String actual) {
    if (expected.equals(actual)) {
      return true;
    }
    if (significantDigits(expected) < 15 || significantDigits(actual) < 15) {
      return false;
    }
    BigDecimal w = new BigDecimal(expected);
    BigDecimal g = new BigDecimal(actual);
    double scale = Math.max(Math.abs(w.doubleValue()), Math.abs(g.doubleValue()));
    return w.subtract(g).abs().doubleValue() <= FULL_PRECISION_TOLERANCE * scale;
  }

  private static int significantDigits(String number) {
    return new BigDecimal(number).stripTrailingZeros().precision();
  }

  /** The line with every number replaced by '#', the numbers collected in order. */
  private static String skeleton(String line, List<String> numbers) {
    Matcher m = NUMBER.matcher(line);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      numbers.add(m.group());
      m.appendReplacement(sb, "#");
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
