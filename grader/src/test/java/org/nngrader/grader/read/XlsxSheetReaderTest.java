package org.nngrader.grader.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class XlsxSheetReaderTest {

  private static final String SHEET1 = "xl/worksheets/sheet1.xml";

  private static AnswerSheet read(byte[] xlsx) throws SheetReadException {
    return SheetReaders.read("answers.xlsx", xlsx);
  }

  /** Every answer form of DESIGN.md as an Excel user would leave it, all with cached values. */
  private static XlsxFixtures everyForm() {
    return XlsxFixtures.answers().top("s1234567", "v-0007")
        .numeric("net_h1", 0.3775)                        // row 4
        .text("out_h1", "0.5932699921")                   // 5: number stored as text
        .text("E_o1", "0,2748")                           // 6: decimal comma as text
        .formula("dE_total/dw5", "C4*2", true)            // 7: formula, cached value
        .percent("L_improvement_pct@1", 0.7513)           // 8: percent-formatted number
        .blank("y_hat")                                   // 9: blank
        .text("L", "−0.02")                               // 10: unicode minus
        .text("E_total", "1/2")                           // 11: fraction
        .text("E_o2", "7.513E-1")                         // 12: exponent
        .text("dL/dw3", " 0.7513 ")                       // 13: spaces
        .text("out_o1", "75.13%")                         // 14: percent as text
        .text("dL/dw1", "abc");                           // 15: unreadable
  }

  @Test
  void readsEveryAnswerFormAsWritten() throws Exception {
    AnswerSheet sheet = read(everyForm().bytes());

    assertThat(sheet.sourceName()).isEqualTo("answers.xlsx");
    assertThat(sheet.format()).isEqualTo(SheetFormat.XLSX);
    assertThat(sheet.studentId()).isEqualTo("s1234567");
    assertThat(sheet.variant()).isEqualTo("v-0007");
    assertThat(sheet.problems()).isEmpty();
    assertThat(sheet.cells()).containsExactly(
        new AnswerCell("net_h1", 4, "0.3775", 0.3775, false),
        new AnswerCell("out_h1", 5, "0.5932699921", null, false),
        new AnswerCell("E_o1", 6, "0,2748", null, false),
        new AnswerCell("dE_total/dw5", 7, "0.755", 0.755, true),
        new AnswerCell("L_improvement_pct@1", 8, "75.13%", 0.7513, false),
        new AnswerCell("y_hat", 9, "", null, false),
        new AnswerCell("L", 10, "−0.02", null, false),
        new AnswerCell("E_total", 11, "1/2", null, false),
        new AnswerCell("E_o2", 12, "7.513E-1", null, false),
        new AnswerCell("dL/dw3", 13, " 0.7513 ", null, false),
        new AnswerCell("out_o1", 14, "75.13%", null, false),
        new AnswerCell("dL/dw1", 15, "abc", null, false));
  }

  @Test
  void everyAnswerFormReadsAsTheNumberMeant() throws Exception {
    List<ParsedNumber> values = read(everyForm().bytes()).cells().stream()
        .map(c -> c.numericValue() != null ? new ParsedNumber.Value(c.numericValue())
            : NumberForms.parse(c.written()))
        .toList();
    assertThat(values.subList(0, 11)).extracting(v -> v.asDouble().orElse(Double.NaN))
        .containsExactly(0.3775, 0.5932699921, 0.2748, 0.755, 0.7513, Double.NaN, -0.02, 0.5,
            0.7513, 0.7513, 0.7513);
    assertThat(values.get(5)).isInstanceOf(ParsedNumber.Missing.class);
    assertThat(values.get(11)).isInstanceOf(ParsedNumber.Unreadable.class);
  }

  @Test
  void evaluatesAFormulaWithoutCachedValue() throws Exception {
    byte[] xlsx = XlsxFixtures.answers().top("s1", "v1")
        .numeric("net_h1", 0.3775)
        .formula("w5+", "C4+1", false)
        .formula("w6+", "C4*2", true)
        .bytes();
    assertThat(new String(xlsx, StandardCharsets.ISO_8859_1)).contains("xl/worksheets/sheet1");

    AnswerSheet sheet = read(xlsx);

    assertThat(sheet.cells()).containsExactly(
        new AnswerCell("net_h1", 4, "0.3775", 0.3775, false),
        new AnswerCell("w5+", 5, "1.3775", 1.3775, true),
        new AnswerCell("w6+", 6, "0.755", 0.755, true));
  }

  @Test
  void aFormulaThatCannotBeCalculatedIsReportedAndKeptAsWritten() throws Exception {
    byte[] xlsx = XlsxFixtures.answers().formula("w5+", "INFO(\"system\")", false).bytes();

    AnswerSheet sheet = read(xlsx);

    assertThat(sheet.cells()).containsExactly(
        new AnswerCell("w5+", 1, "=INFO(\"system\")", null, true, null, "the formula"
            + " =INFO(\"system\") could not be calculated (NotImplementedFunctionException:"
            + " INFO); type the number instead"));
    assertThat(sheet.problems()).containsExactly(new ReadProblem(1, "the formula"
        + " =INFO(\"system\") in C1 could not be calculated (NotImplementedFunctionException:"
        + " INFO); type the number instead"));
    assertThat(NumberForms.parse(sheet.cells().get(0).written()))
        .isInstanceOf(ParsedNumber.Unreadable.class);
  }

  @Test
  void aFractionExcelTurnedIntoADateIsNotGradedAsItsSerialNumber() throws Exception {
    // Typing 1/2 into a General cell in Excel stores 2 January (serial 46024 in 2026) shown d-mmm.
    byte[] xlsx = XlsxFixtures.answers().formatted("w5+", 46024, "d-mmm")
        .formatted("w6+", 0.35891648, "0.0000").bytes();

    AnswerSheet sheet = read(xlsx);

    assertThat(sheet.cells()).containsExactly(
        new AnswerCell("w5+", 1, "2-Jan", null, false),
        new AnswerCell("w6+", 2, "0.3589", 0.35891648, false,
            new WrittenPrecision(0.00005, 4), null));
    assertThat(sheet.problems()).containsExactly(new ReadProblem(1, "the answer in column C is"
        + " formatted as a date ('2-Jan'; Excel turns a typed 1/2 into a date); format the cell"
        + " as Number and type the value as a decimal"));
  }

  static Stream<XlsxFixtures> cachedFixtures() {
    return Stream.of(
        everyForm(),
        XlsxFixtures.typical(40),
        XlsxFixtures.sheetNamed("Sheet1").cells("w5+", "q", "0.5"),
        XlsxFixtures.answers().cells(null, null, "0.5").cells("w5+", null, null, "0.4")
            .cells("student_id", 123456789012.0).cells("variant", "q", 7.0),
        XlsxFixtures.answers().cells("step", "answer").cells("w5+", "0.35")
            .hiddenVariant("meta", "v-9"),
        XlsxFixtures.answers().formatted("w5+", 46024, "d-mmm")
            .formatted("w6+", 0.35891648, "0.0000").formatted("w7+", 1234.5, "#,##0.00"));
  }

  @ParameterizedTest
  @MethodSource("cachedFixtures")
  void streamingAndWorkbookPathsAgree(XlsxFixtures fixture) throws Exception {
    byte[] xlsx = fixture.bytes();
    assertThat(new XlsxSheetReader().read("a.xlsx", xlsx))
        .isEqualTo(XlsxWorkbookReader.read("a.xlsx", xlsx));
  }

  @Test
  void readsTheIdsAsWrittenNotInExponentForm() throws Exception {
    byte[] xlsx = XlsxFixtures.answers()
        .cells("student_id", "Student ID", 202312345678.0)
        .cells("variant", "7", null)
        .numeric("w5+", 0.35)
        .bytes();
    AnswerSheet sheet = read(xlsx);
    assertThat(sheet.studentId()).isEqualTo("202312345678");
    assertThat(sheet.variant()).isEqualTo("7");
  }

  @Test
  void takesTheVariantFromTheHiddenSheetWhenNoRowGivesIt() throws Exception {
    byte[] xlsx = XlsxFixtures.answers().text("student_id", "s1").numeric("w5+", 0.35)
        .hiddenVariant("meta", "v-0042").bytes();
    AnswerSheet sheet = read(xlsx);
    assertThat(sheet.variant()).isEqualTo("v-0042");
    assertThat(sheet.problems()).isEmpty();
  }

  @Test
  void reportsAVisibleVariantThatDisagreesWithTheHiddenSheet() throws Exception {
    byte[] xlsx = XlsxFixtures.answers().top("s1", "v-0001").numeric("w5+", 0.35)
        .hiddenVariant("meta", "v-0042").bytes();
    AnswerSheet sheet = read(xlsx);
    assertThat(sheet.variant()).isEqualTo("v-0001");
    assertThat(sheet.problems()).containsExactly(new ReadProblem(2, "the variant row says"
        + " 'v-0001' but the hidden sheet 'meta' of the template says 'v-0042'; the visible row"
        + " was used — check that this is the student's own template"));
  }

  @Test
  void aHeaderRowCanMoveTheAnswerColumn() throws Exception {
    byte[] xlsx = XlsxFixtures.answers()
        .cells("Step", "Your answer (number)", "Notes")
        .cells("student_id", "s77")
        .cells("w5+", "0.35", "I rounded")
        .bytes();
    AnswerSheet sheet = read(xlsx);
    assertThat(sheet.studentId()).isEqualTo("s77");
    assertThat(sheet.cells()).containsExactly(new AnswerCell("w5+", 3, "0.35", null, false));
  }

  @Test
  void reportsOddRowsWithoutFailing() throws Exception {
    byte[] xlsx = XlsxFixtures.answers()
        .top("s1", "v1")                                  // rows 1-3
        .cells(null, "stray question", "0.5")             // 4: answer without step id
        .cells("w5+", "q", null, "0.35")                  // 5: answer in column D
        .cells("student_id", null, "s2")                  // 6: second, different student id
        .cells("variant")                                 // 7: variant row without value
        .gap()                                            // 8: empty
        .cells("Forward pass")                            // 9: a heading, kept as a row
        .numeric("w6+", 0.5)                              // 10
        .bytes();
    AnswerSheet sheet = read(xlsx);

    assertThat(sheet.studentId()).isEqualTo("s1");
    assertThat(sheet.cells()).containsExactly(
        new AnswerCell("w5+", 5, "", null, false),
        new AnswerCell("Forward pass", 9, "", null, false),
        new AnswerCell("w6+", 10, "0.5", 0.5, false));
    assertThat(sheet.problems()).containsExactly(
        new ReadProblem(4, "the answer '0.5' in column C has no step id in column A, so it was"
            + " not graded; put the step id back"),
        new ReadProblem(5, "no answer in column C but column D holds '0.35'; answers belong in"
            + " column C"),
        new ReadProblem(6, "a second student_id row says 's2' but row 1 says 's1'; the first"
            + " was used — delete one of them"),
        new ReadProblem(7, "the variant row has no value; write it in column C"));
  }

  @Test
  void readsTheFirstVisibleSheetWhenNoneIsNamedAnswers() throws Exception {
    byte[] xlsx = XlsxFixtures.sheetNamed("Sheet1").cells("w5+", "q", 0.35).bytes();
    AnswerSheet sheet = read(xlsx);
    assertThat(sheet.cells()).containsExactly(new AnswerCell("w5+", 1, "0.35", 0.35, false));
    assertThat(sheet.problems()).containsExactly(new ReadProblem(0,
        "no sheet is named 'Answers'; the answers were read from sheet 'Sheet1'"));
    assertThat(sheet.problems().get(0).describe("a.xlsx")).startsWith("a.xlsx: no sheet");
  }

  @Test
  void findsTheAnswersSheetAmongOthersInAnyCase() throws Exception {
    String workbook = "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
        + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        + "<sheets><sheet name=\"Notes\" sheetId=\"1\" r:id=\"rId9\"/>"
        + "<sheet name=\"ANSWERS\" sheetId=\"2\" r:id=\"rId3\"/></sheets></workbook>";
    String rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
        + "relationships\"><Relationship Id=\"rId3\" Target=\"/xl/worksheets/sheet1.xml\""
        + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        + "worksheet\"/><Relationship Id=\"rId9\" Target=\"worksheets/../worksheets/notes.xml\""
        + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        + "worksheet\"/><Relationship Id=\"rId1\" Target=\"sharedStrings.xml\" Type=\"http://"
        + "schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\"/>"
        + "</Relationships>";
    byte[] xlsx = ZipRewrite.replace(XlsxFixtures.answers().numeric("w5+", 0.35).bytes(),
        java.util.Map.of(
            "xl/workbook.xml", workbook.getBytes(StandardCharsets.UTF_8),
            "xl/_rels/workbook.xml.rels", rels.getBytes(StandardCharsets.UTF_8),
            "xl/worksheets/notes.xml", sheetXml("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"
                + "<is><t>w1+</t></is></c></row>").getBytes(StandardCharsets.UTF_8)));
    AnswerSheet sheet = read(xlsx);
    assertThat(sheet.cells()).extracting(AnswerCell::stepId).containsExactly("w5+");
    assertThat(sheet.problems()).isEmpty();
  }

  @Test
  void readsCellKindsOtherProgramsWrite() throws Exception {
    // Inline strings, rich text, no cell or row references, cached string/boolean/error results,
    // escaped characters, a prefixed namespace: what LibreOffice, Google Sheets and libraries
    // write.
    String sheetXml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        + "<x:sheetData>"
        + "<x:row><x:c t=\"inlineStr\"><x:is><x:t>student_id</x:t></x:is></x:c><x:c/>"
        + "<x:c t=\"inlineStr\"><x:is><x:r><x:t>s</x:t></x:r><x:r><x:t>42</x:t></x:r>"
        + "<x:rPh><x:t>ignored</x:t></x:rPh></x:is></x:c></x:row>"
        + "<x:row><x:c t=\"inlineStr\"><x:is><x:t>w5+</x:t></x:is></x:c><x:c/>"
        + "<x:c t=\"str\"><x:f>TEXT(0.35,\"0.00\")</x:f><x:v>0.35</x:v></x:c></x:row>"
        + "<x:row r=\"5\"><x:c r=\"A5\" t=\"inlineStr\"><x:is><x:t>w6+</x:t></x:is></x:c>"
        + "<x:c r=\"C5\" t=\"e\"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c></x:row>"
        + "<x:row r=\"6\"><x:c r=\"A6\" t=\"inlineStr\"><x:is><x:t>w7+</x:t></x:is></x:c>"
        + "<x:c r=\"C6\" t=\"b\"><x:v>1</x:v></x:c></x:row>"
        + "<x:row r=\"7\"><x:c r=\"A7\" t=\"inlineStr\"><x:is><x:t>w8+</x:t></x:is></x:c>"
        + "<x:c r=\"C7\" t=\"inlineStr\"><x:is><x:t>0.5_x000D_</x:t></x:is></x:c></x:row>"
        + "</x:sheetData></x:worksheet>";
    AnswerSheet sheet = read(ZipRewrite.replace(XlsxFixtures.answers().bytes(), SHEET1,
        sheetXml));
    assertThat(sheet.studentId()).isEqualTo("s42");
    assertThat(sheet.cells()).containsExactly(
        new AnswerCell("w5+", 2, "0.35", null, true),
        new AnswerCell("w6+", 5, "#DIV/0!", null, true),
        new AnswerCell("w7+", 6, "TRUE", null, false),
        new AnswerCell("w8+", 7, "0.5\r", null, false));
  }

  @Test
  void aTruncatedFileIsRefusedWithAClearMessage() {
    byte[] xlsx = XlsxFixtures.typical(40).bytes();
    byte[] truncated = Arrays.copyOf(xlsx, xlsx.length * 2 / 3);
    assertThatThrownBy(() -> read(truncated))
        .isInstanceOf(SheetReadException.class)
        .hasMessage("answers.xlsx: not a valid xlsx file (truncated zip?); re-save it from"
            + " Excel or hand in the csv template")
        .extracting(e -> ((SheetReadException) e).sourceName()).isEqualTo("answers.xlsx");
  }

  @Test
  void aDamagedPartIsRefusedWithAClearMessage() {
    byte[] xlsx = XlsxFixtures.typical(40).bytes();
    int at = indexOf(xlsx, SHEET1.getBytes(StandardCharsets.US_ASCII)) + SHEET1.length() + 40;
    xlsx[at] ^= 0x55;
    xlsx[at + 1] ^= 0x55;
    assertThatThrownBy(() -> read(xlsx))
        .isInstanceOf(SheetReadException.class)
        .hasMessageStartingWith("answers.xlsx: not a valid xlsx file (entry '" + SHEET1
            + "' is damaged")
        .hasMessageEndingWith("re-save it from Excel or hand in the csv template");
  }

  @Test
  void malformedSheetXmlNamesThePart() {
    byte[] xlsx = ZipRewrite.replace(XlsxFixtures.answers().bytes(), SHEET1,
        "<worksheet><sheetData><row></sheetData>");
    assertThatThrownBy(() -> read(xlsx))
        .isInstanceOf(SheetReadException.class)
        .hasMessageContaining("answers.xlsx: not a valid xlsx file (its part '" + SHEET1
            + "' is not well-formed XML at line 1)");
  }

  @Test
  void entityExpansionIsNotPerformed() {
    String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
        + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
        + "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol3;</t>"
        + "</is></c></row></sheetData></worksheet>";
    byte[] xlsx = ZipRewrite.replace(XlsxFixtures.answers().bytes(), SHEET1, bomb);
    assertThatThrownBy(() -> read(xlsx))
        .isInstanceOf(SheetReadException.class)
        .hasMessageContaining("is not well-formed XML");
  }

  @Test
  void anExternalEntityIsNeverRead(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path secret = dir.resolve("secret.txt");
    java.nio.file.Files.writeString(secret, "0.123456");
    for (String doctype : List.of(
        "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>",
        "<!DOCTYPE worksheet SYSTEM \"" + secret.toUri() + "\">")) {
      String sheet = "<?xml version=\"1.0\"?>" + doctype + "<worksheet><sheetData><row r=\"1\">"
          + "<c r=\"A1\" t=\"inlineStr\"><is><t>out_h1</t></is></c><c r=\"C1\" t=\"inlineStr\">"
          + "<is><t>&xxe;</t></is></c></row></sheetData></worksheet>";
      byte[] xlsx = ZipRewrite.replace(XlsxFixtures.answers().bytes(), SHEET1, sheet);
      try {
        AnswerSheet read = read(xlsx);
        assertThat(read.toString()).doesNotContain("0.123456");
      } catch (SheetReadException e) {
        assertThat(e.getMessage()).doesNotContain("0.123456").contains("answers.xlsx");
      }
    }
  }

  @Test
  void aPartThatInflatesLikeABombIsRefused() {
    String huge = "<worksheet><sheetData>" + " ".repeat(40 << 20) + "</sheetData></worksheet>";
    byte[] xlsx = ZipRewrite.replace(XlsxFixtures.answers().bytes(), SHEET1, huge);
    assertThat(xlsx.length).isLessThan(1 << 20);
    assertThatThrownBy(() -> read(xlsx))
        .isInstanceOf(SheetReadException.class)
        .hasMessageStartingWith("answers.xlsx: refused: entry '" + SHEET1 + "' inflates more"
            + " than 100 times its compressed size")
        .hasMessageContaining("zip bomb?");
  }

  @Test
  void aWorkbookWithoutSheetsIsRefused() {
    String workbook = "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
        + "main\"><sheets/></workbook>";
    byte[] xlsx = ZipRewrite.replace(XlsxFixtures.answers().bytes(), "xl/workbook.xml",
        workbook);
    assertThatThrownBy(() -> read(xlsx))
        .isInstanceOf(SheetReadException.class)
        .hasMessage("answers.xlsx: the workbook has no sheets; re-save it from Excel or hand in"
            + " the csv template");
  }

  @Test
  void columnLettersAndIndexesConvert() {
    assertThat(XlsxSheetReader.columnIndex("A1")).isZero();
    assertThat(XlsxSheetReader.columnIndex("c12")).isEqualTo(2);
    assertThat(XlsxSheetReader.columnIndex("AA3")).isEqualTo(26);
    assertThat(XlsxSheetReader.columnIndex("12")).isEqualTo(-1);
    assertThat(SheetLayout.column(0)).isEqualTo("A");
    assertThat(SheetLayout.column(26)).isEqualTo("AA");
    assertThat(SheetLayout.column(27)).isEqualTo("AB");
  }

  static String sheetXml(String rows) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas."
        + "openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + rows
        + "</sheetData></worksheet>";
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
