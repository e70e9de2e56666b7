package org.nngrader.grader.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvSheetReaderTest {

  static byte[] resource(String name) throws IOException {
    try (InputStream in = CsvSheetReaderTest.class.getResourceAsStream("/read/" + name)) {
      assertThat(in).as("test resource /read/%s", name).isNotNull();
      return in.readAllBytes();
    }
  }

  private static AnswerSheet read(String name) throws Exception {
    return SheetReaders.read(name, resource(name));
  }

  @Test
  void readsEveryAnswerFormOfACommaFile() throws Exception {
    AnswerSheet sheet = read("comma.csv");

    assertThat(sheet.format()).isEqualTo(SheetFormat.CSV);
    assertThat(sheet.studentId()).isEqualTo("s1234567");
    assertThat(sheet.variant()).isEqualTo("v-0007");
    assertThat(sheet.problems()).isEmpty();
    assertThat(sheet.cells()).containsExactly(
        new AnswerCell("net_h1", 4, "0.3775", null, false),
        new AnswerCell("out_h1", 5, "0,593269992", null, false),
        new AnswerCell("E_o1", 6, "7.513E-1", null, false),
        new AnswerCell("E_total", 7, "75.13%", null, false),
        new AnswerCell("dE_total/dw5", 8, "−0.02", null, false),
        new AnswerCell("w5+", 9, "1/2", null, false),
        new AnswerCell("w6+", 10, "", null, false),
        new AnswerCell("w7+", 11, " 0.7513 ", null, false),
        new AnswerCell("w8+", 12, "0.75 m", null, false));
    assertThat(sheet.cells()).extracting(c -> NumberForms.parse(c.written()).asDouble()
        .orElse(Double.NaN))
        .containsExactly(0.3775, 0.593269992, 0.7513, 0.7513, -0.02, 0.5, Double.NaN, 0.7513,
            Double.NaN);
  }

  @Test
  void readsASemicolonFileWithByteOrderMark() throws Exception {
    AnswerSheet sheet = read("semicolon-bom.csv");

    assertThat(sheet.studentId()).isEqualTo("s7654321");
    assertThat(sheet.variant()).isEqualTo("v-0012");
    assertThat(sheet.cells()).containsExactly(
        new AnswerCell("net_h1", 4, "0,3775", null, false),
        new AnswerCell("out_h1", 5, "0,593269992", null, false),
        new AnswerCell("w5+", 6, "0,35891648", null, false));
  }

  @Test
  void honoursExcelsSeparatorLine() throws Exception {
    AnswerSheet sheet = read("excel-sep-line.csv");
    assertThat(sheet.studentId()).isEqualTo("s1");
    assertThat(sheet.cells()).containsExactly(new AnswerCell("w5+", 4, "0,35891648", null,
        false));
  }

  @Test
  void fallsBackToWindows1252WhenNotUtf8() throws Exception {
    AnswerSheet sheet = read("windows-1252.csv");
    assertThat(sheet.cells()).containsExactly(new AnswerCell("w5+", 3, "0.35891648", null,
        false));
    byte[] bytes = resource("windows-1252.csv");
    assertThat(TextDecoding.decode(bytes)).contains("Poids w5 mis à jour (? = 0,5)");
  }

  @Test
  void readsUtf16TabSeparatedUnicodeText() throws Exception {
    String text = "\uFEFFstep\tquestion\tanswer\r\nstudent_id\tStudent ID\ts5\r\n"
        + "w5+\tUpdated w5\t0,35891648\r\n";
    AnswerSheet sheet = SheetReaders.read("answers.txt",
        text.getBytes(StandardCharsets.UTF_16LE));
    assertThat(sheet.studentId()).isEqualTo("s5");
    assertThat(sheet.cells()).containsExactly(new AnswerCell("w5+", 3, "0,35891648", null,
        false));
  }

  @Test
  void worksWithoutAHeaderAndCountsLinesLikeAnEditor() throws Exception {
    AnswerSheet sheet = read("no-header.csv");
    assertThat(sheet.studentId()).isEqualTo("s99");
    assertThat(sheet.variant()).isEqualTo("v-0003");
    assertThat(sheet.cells()).containsExactly(
        new AnswerCell("net_h1", 3, "0.3775", null, false),
        new AnswerCell("out_h1", 5, "0.5933", null, false),
        new AnswerCell("E_total", 7, "0.2984", null, false));
  }

  @Test
  void reportsOddRows() throws Exception {
    AnswerSheet sheet = read("odd-rows.csv");
    assertThat(sheet.studentId()).isEqualTo("s1");
    assertThat(sheet.cells()).containsExactly(
        new AnswerCell("w5+", 4, "", null, false),
        new AnswerCell("w6+", 6, "0.40", null, false));
    assertThat(sheet.problems()).extracting(ReadProblem::row).containsExactly(3, 4, 5);
    assertThat(sheet.problems().get(1).message()).isEqualTo(
        "no answer in column C but column D holds '0.35'; answers belong in column C");
  }

  @Test
  void anUnclosedQuoteIsRefusedNamingFileAndLine() {
    assertThatThrownBy(() -> read("unclosed-quote.csv"))
        .isInstanceOf(SheetReadException.class)
        .hasMessageStartingWith("unclosed-quote.csv: a quoted value near line ")
        .hasMessageContaining("never ends (a missing \")");
  }

  @Test
  void joinsAnAnswerSplitAtAnUnquotedDecimalComma() throws Exception {
    AnswerSheet sheet = read("unquoted-decimal-comma.csv");
    assertThat(sheet.cells()).containsExactly(new AnswerCell("w5+", 2, "0,35891648", null,
        false));
    assertThat(sheet.problems()).containsExactly(new ReadProblem(2, "the answer was split at an"
        + " unquoted decimal comma and read as '0,35891648'; put numbers with a decimal comma in"
        + " quotes, or save the file with semicolons"));
  }

  @Test
  void doesNotJoinWhenTheHeaderNamesAFourthColumn() throws Exception {
    byte[] csv = "step,question,answer,points\nw5+,Updated w5,0,2\n"
        .getBytes(StandardCharsets.UTF_8);
    AnswerSheet sheet = SheetReaders.read("a.csv", csv);
    assertThat(sheet.cells()).containsExactly(new AnswerCell("w5+", 2, "0", null, false));
    assertThat(sheet.problems()).isEmpty();
  }

  @Test
  void stopsReadingARunawaySheet() throws Exception {
    StringBuilder csv = new StringBuilder("step,question,answer\n");
    for (int i = 1; i <= SheetLayout.MAX_STEP_ROWS + 10; i++) {
      csv.append("w").append(i).append("+,q,0.5\n");
    }
    AnswerSheet sheet = SheetReaders.read("big.csv", csv.toString()
        .getBytes(StandardCharsets.UTF_8));
    assertThat(sheet.cells()).hasSize(SheetLayout.MAX_STEP_ROWS);
    assertThat(sheet.problems()).containsExactly(new ReadProblem(SheetLayout.MAX_STEP_ROWS + 2,
        "the sheet has more than 5000 step rows; the rows from here on were not read"));
  }

  @Test
  void sniffsTheDelimiter() {
    assertThat(CsvSheetReader.sniffDelimiter("a,b,c\nd,e,f\n")).isEqualTo(',');
    assertThat(CsvSheetReader.sniffDelimiter("a;b;0,5\nd;e, f;0,7\n")).isEqualTo(';');
    assertThat(CsvSheetReader.sniffDelimiter("a,\"b;c;d\",0.5\n")).isEqualTo(',');
    assertThat(CsvSheetReader.sniffDelimiter("a\tb\t0,5\n")).isEqualTo('\t');
    assertThat(CsvSheetReader.sniffDelimiter("w5+;0,5\n")).isEqualTo(';');
    assertThat(CsvSheetReader.sniffDelimiter("just text\n")).isEqualTo(',');
  }
}
