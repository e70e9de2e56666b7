package org.nngrader.grader.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberFormsTest {

  @ParameterizedTest(name = "[{0}] is {1}")
  @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
    "0.7513|0.7513",
    " 0.7513 |0.7513",
    "0,7513|0.7513",
    "-0,02|-0.02",
    "7.513E-1|0.7513",
    "7.513e-1|0.7513",
    "7.513E+1|75.13",
    "7.513 E-1|0.7513",
    "75.13%|0.7513",
    "75.13 %|0.7513",
    "75,13%|0.7513",
    "−0.02|-0.02",
    "‒0.02|-0.02",
    "–0.02|-0.02",
    "—0.02|-0.02",
    "－0.02|-0.02",
    "7.513E−1|0.7513",
    "- 0.02|-0.02",
    "+0.5|0.5",
    "1/2|0.5",
    "-3/4|-0.75",
    "−3/4|-0.75",
    "3 / 4|0.75",
    "1/3|0.3333333333333333",
    ".5|0.5",
    "-.5|-0.5",
    "5.|5.0",
    "1,234.5|1234.5",
    "1.234,5|1234.5",
    "1,234,567|1234567",
    "1.234.567|1234567",
    "1,234,567.25|1234567.25",
    "1\u00A0234,5|1234.5",
    "1\u202F234.5|1234.5",
    "\u00A00.7513\u00A0|0.7513",
    "1 234 567|1234567",
    "1,234|1.234",
    "7.513 × 10^-1|0.7513",
    "7.513x10^(-1)|0.7513",
    "７５.１３％|0.7513",
    "٠٫٥|0.5",
    "١٬٢٣٤٫٥|1234.5",
    "0.5 kg|NaN",
    "0|0.0",
    "-0|-0.0",
    "1e-400|0.0",
  })
  void readsTheWaysStudentsWriteNumbers(String written, double expected) {
    if (Double.isNaN(expected)) {
      assertThat(NumberForms.parse(written)).isInstanceOf(ParsedNumber.Unreadable.class);
      return;
    }
    assertThat(NumberForms.parse(written)).isEqualTo(new ParsedNumber.Value(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t", "\u00A0", "\u2007\u202F", " \n "})
  void blankIsMissingNotZero(String written) {
    assertThat(NumberForms.parse(written)).isEqualTo(new ParsedNumber.Missing());
    assertThat(NumberForms.parse(written).asDouble()).isEmpty();
  }

  @Test
  void tabsAndLineBreaksAroundANumberAreSpaces() {
    assertThat(NumberForms.parse("\t0.7513\r\n").asDouble()).hasValue(0.7513);
  }

  @Test
  void nullIsMissing() {
    assertThat(NumberForms.parse(null)).isInstanceOf(ParsedNumber.Missing.class);
  }

  @ParameterizedTest(name = "[{0}]: {1}")
  @CsvSource(delimiter = '|', value = {
    "0.5.1|more than one decimal point",
    "0,5,1|more than one decimal comma",
    "abc|not a number",
    "1/0|divides by zero",
    "0.75 m|text after the number (\"m\")",
    "0.75m|text after the number",
    "x = 0.75|text in it",
    "0.5-0.2|calculation",
    "2*0.5|calculation",
    "1/2/3|more than one '/'",
    "0.5/2|calculation",
    "1/2%|calculation",
    "=A1*2|formula",
    "%|no number",
    "-|no number",
    ".|no number",
    "12,34.5|groups of three",
    "1.234,567,8|more than one decimal separator",
    "0.751 3|after the decimal separator",
    "1 2|space inside the number",
    "1e999|too large",
    "NaN|not a number",
    "Infinity|not a number",
    "1E99999999999%|out of range",
  })
  void rejectsWithAReason(String written, String reason) {
    ParsedNumber parsed = NumberForms.parse(written);
    assertThat(parsed).isInstanceOf(ParsedNumber.Unreadable.class);
    ParsedNumber.Unreadable unreadable = (ParsedNumber.Unreadable) parsed;
    assertThat(unreadable.written()).isEqualTo(written);
    assertThat(unreadable.reason()).contains(reason);
    assertThat(parsed.asDouble()).isEmpty();
  }

  @Test
  void unreadableKeepsTheTextExactlyAsWritten() {
    ParsedNumber parsed = NumberForms.parse("  0.75 m\u00A0");
    assertThat(parsed).isEqualTo(new ParsedNumber.Unreadable("  0.75 m\u00A0",
        "it has text after the number (\"m\"); write the number only, without units"));
  }

  @Test
  void refusesVeryLongText() {
    String written = "1".repeat(1001);
    assertThat(NumberForms.parse(written)).isInstanceOf(ParsedNumber.Unreadable.class);
  }

  @Test
  void percentIsExactNotDividedInBinary() {
    // 14.3 / 100 in double arithmetic is 0.14300000000000002; the decimal reading is exact.
    assertThat(14.3 / 100).isNotEqualTo(0.143);
    assertThat(NumberForms.parse("14.3%").asDouble()).hasValue(0.143);
    assertThat(NumberForms.parse("56.7%").asDouble()).hasValue(0.567);
  }
}
