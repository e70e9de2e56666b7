package org.nngrader.grader.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * One precision model for every answer form: the same digits, written as a number cell (General,
 * a fixed-decimal format, a percent format, a scientific format), a text cell, a csv field, with
 * a decimal comma, as a percent, in scientific notation, with {@code × 10^} or as {@code =digits},
 * read through the real xlsx and csv readers, give the same value and the same {@link
 * WrittenPrecision}. Digits end in a non-zero decimal, since a number cell cannot keep trailing
 * zeros.
 */
class WrittenPrecisionFormsProperties {

  @Provide
  Arbitrary<BigDecimal> digits() {
    Arbitrary<Long> unscaled = Arbitraries.longs().between(1, 999_999_999L);
    Arbitrary<Integer> scale = Arbitraries.integers().between(0, 8);
    Arbitrary<Boolean> negative = Arbitraries.of(true, false);
    return Combinators.combine(unscaled, scale, negative).as((u, s, n) -> {
      long v = s > 0 && u % 10 == 0 ? u + 1 : u;
      BigDecimal d = BigDecimal.valueOf(v, s);
      return n ? d.negate() : d;
    });
  }

  @Property(tries = 60)
  void theSameDigitsReadTheSameInEveryForm(@ForAll("digits") BigDecimal d) throws Exception {
    String plain = d.toPlainString();
    double value = d.doubleValue();
    WrittenPrecision expected = WrittenPrecision.ofDecimal(plain, 0);
    assertThat(expected.figures()).isEqualTo(d.precision());

    Map<String, String> texts = textForms(d);
    XlsxFixtures xlsx = XlsxFixtures.answers().top("s1", "v1");
    xlsx.numeric("general", value);
    xlsx.formatted("fixed", value, fixedFormat(d.scale()));
    if (d.scale() >= 2) {
      xlsx.formatted("percentCell", value, percentFormat(d.scale() - 2));
    }
    xlsx.formatted("scientificCell", value, scientificFormat(d.precision()));
    StringBuilder csv = new StringBuilder("step,question,answer\n");
    for (Map.Entry<String, String> e : texts.entrySet()) {
      xlsx.text(e.getKey(), e.getValue());
      csv.append(e.getKey()).append(",q,\"").append(e.getValue()).append("\"\n");
    }

    AnswerSheet fromXlsx = SheetReaders.read("a.xlsx", xlsx.bytes());
    AnswerSheet fromCsv = SheetReaders.read("a.csv", csv.toString()
        .getBytes(StandardCharsets.UTF_8));

    int forms = 0;
    for (AnswerSheet sheet : new AnswerSheet[] {fromXlsx, fromCsv}) {
      for (AnswerCell cell : sheet.cells()) {
        NumberForms.Answer read = NumberForms.readCell(cell);
        String form = sheet.format() + " " + cell.stepId() + " '" + cell.written() + "'";
        assertThat(read.parsed()).as(form).isEqualTo(new ParsedNumber.Value(value));
        assertThat(read.precision()).as(form).isEqualTo(expected);
        forms++;
      }
    }
    assertThat(forms).isEqualTo(2 * texts.size() + (d.scale() >= 2 ? 4 : 3));
  }

  /** The digits as a student may type them. */
  private static Map<String, String> textForms(BigDecimal d) {
    String plain = d.toPlainString();
    Map<String, String> forms = new LinkedHashMap<>();
    forms.put("text", plain);
    forms.put("comma", plain.replace('.', ','));
    forms.put("minusSign", plain.replace('-', '\u2212'));
    if (d.scale() >= 2) {
      forms.put("percent", d.movePointRight(2).toPlainString() + "%");
      forms.put("percentComma", d.movePointRight(2).toPlainString().replace('.', ',') + " %");
    }
    int exponent = d.precision() - d.scale() - 1;
    String mantissa = d.movePointLeft(exponent).toPlainString();
    forms.put("scientific", mantissa + "E" + exponent);
    forms.put("timesTen", mantissa + " × 10^" + exponent);
    forms.put("formulaText", "=" + plain);
    forms.put("spaces", "  " + plain + " ");
    return forms;
  }

  private static String fixedFormat(int decimals) {
    return decimals == 0 ? "0" : "0." + "0".repeat(decimals);
  }

  private static String percentFormat(int decimals) {
    return (decimals == 0 ? "0" : "0." + "0".repeat(decimals)) + "%";
  }

  private static String scientificFormat(int figures) {
    return (figures == 1 ? "0" : "0." + "0".repeat(figures - 1)) + "E+00";
  }
}
