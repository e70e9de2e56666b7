package org.nngrader.bank.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The rules every csv cell nngrader writes goes through. */
class SpreadsheetTextProperties {

  @Property
  void cleanTextAlwaysEncodesAsUtf8AndHoldsNoControlCharacters(@ForAll String text) {
    String clean = SpreadsheetText.clean(text);
    assertThat(StandardCharsets.UTF_8.newEncoder().canEncode(clean)).isTrue();
    assertThat(clean.chars().filter(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
        || (c >= 0x7F && c <= 0x9F))).isEmpty();
  }

  @Property
  void noCellStartsLikeAFormulaUnlessItIsAPlainNumber(@ForAll String text) {
    String cell = SpreadsheetText.cell(text);
    if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
      assertThat(cell).matches("[-+][0-9.]+([eE][-+]?[0-9]+)?");
    }
    assertThat(SpreadsheetText.text(text)).doesNotStartWith("=").doesNotStartWith("+")
        .doesNotStartWith("-").doesNotStartWith("@").doesNotStartWith("\t")
        .doesNotStartWith("\r");
  }

  @Property
  void readingBackUndoesTheApostrophe(@ForAll String text) {
    String clean = SpreadsheetText.clean(text);
    if (!clean.startsWith("'")) {
      assertThat(SpreadsheetText.unescape(SpreadsheetText.text(text))).isEqualTo(clean);
    }
  }

  @Example
  void examples() {
    assertThat(SpreadsheetText.text("=cmd|' /C calc'!A0")).isEqualTo("'=cmd|' /C calc'!A0");
    assertThat(SpreadsheetText.cell("=1+1")).isEqualTo("'=1+1");
    assertThat(SpreadsheetText.cell("-0.25")).isEqualTo("-0.25");
    assertThat(SpreadsheetText.cell("-1e-3")).isEqualTo("-1e-3");
    assertThat(SpreadsheetText.cell("-x * y")).isEqualTo("'-x * y");
    assertThat(SpreadsheetText.cell(null)).isEmpty();
    assertThat(SpreadsheetText.clean("a\u0000b\u0007c\n\uD800")).isEqualTo("abc\n\uFFFD");
    assertThat(SpreadsheetText.clean("\uD83D\uDE00")).isEqualTo("\uD83D\uDE00");
    assertThat(SpreadsheetText.unescape("'@x")).isEqualTo("@x");
    assertThat(SpreadsheetText.unescape("'quoted'")).isEqualTo("'quoted'");
  }

  @Example
  void theAnswerTemplateAndTheKeyKeepARosterIdAndAQuestionFromBeingFormulas() {
    AnswerSheet sheet = new AnswerSheet("t", "=1+1", "v-1", 3,
        java.util.List.of(new AnswerSheet.Step("w1", "@SUM(A1)", false)));
    assertThat(AnswerSheetCsv.text(sheet)).isEqualTo("step,question,answer\n"
        + "student_id,Student ID,'=1+1\nvariant,Variant,v-1\nw1,'@SUM(A1),\n");
    AnswerKey key = new AnswerKey("t", "=1+1", "v-1", 3, java.util.List.of(
        new AnswerKey.Entry("w1", "+HYPERLINK(x)", -0.5),
        new AnswerKey.Entry("d", "Q", Double.NaN, "-dL/dy * 2", "-2 * dL/dy")));
    assertThat(AnswerKeyWriter.csv(key)).isEqualTo("step,question,value\n"
        + "w1,'+HYPERLINK(x),-0.5\nd,Q,'-dL/dy * 2\n");
  }
}
