package org.nngrader.grader.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.DataFormatException;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for answer sheets that used to stop a batch or break its reports (issue 12),
 * each named after what broke and each building its hostile file in the test.
 */
class HostileSheetsTest {

  private static final String SHEET1 = "xl/worksheets/sheet1.xml";

  private static byte[] xlsxWithRows(String rows) {
    return ZipRewrite.replace(XlsxFixtures.answers().bytes(), SHEET1,
        XlsxSheetReaderTest.sheetXml(rows));
  }

  private static String inline(String ref, String text) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
  }

  @Test
  void aLoneSurrogateInAnInlineStringBecomesAReplacementCharacter() throws Exception {
    byte[] xlsx = xlsxWithRows("<row r=\"1\">" + inline("A1", "w5+") + inline("C1", "_xD800_")
        + "</row><row r=\"2\">" + inline("A2", "w6+") + inline("C2", "0.5_xDBFF__xDFFF_")
        + "</row>");
    AnswerSheet sheet = SheetReaders.read("answers.xlsx", xlsx);
    assertThat(sheet.cells()).extracting(AnswerCell::written)
        .containsExactly("\uFFFD", "0.5\uDBFF\uDFFF");
    // The text can be written as UTF-8 again, as every report is.
    for (AnswerCell c : sheet.cells()) {
      assertThat(StandardCharsets.UTF_8.newEncoder().canEncode(c.written())).isTrue();
    }
  }

  @Test
  void nulAndControlCharactersFromASheetAreDropped() throws Exception {
    // XML cannot hold a NUL, but Excel's escape _x0000_ can.
    byte[] xlsx = xlsxWithRows("<row r=\"1\">" + inline("A1", "w5_x0000_+")
        + inline("C1", "0.3_x0007__x0000_") + "</row><row r=\"2\">" + inline("A2", "w6+")
        + inline("C2", "1_x000A_2") + "</row>");
    AnswerSheet sheet = SheetReaders.read("answers.xlsx", xlsx);
    assertThat(sheet.cells()).extracting(AnswerCell::stepId, AnswerCell::written)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("w5+", "0.3"),
            org.assertj.core.groups.Tuple.tuple("w6+", "1\n2"));
  }

  @Test
  void aSepHintNamingTheQuoteIsIgnoredAndTheSheetStillRead() throws Exception {
    byte[] csv = "sep=\"\nstep;question;answer\nw5+;Updated w5;0,35\n"
        .getBytes(StandardCharsets.UTF_8);
    AnswerSheet sheet = SheetReaders.read("answers.csv", csv);
    assertThat(sheet.cells()).extracting(AnswerCell::stepId, AnswerCell::written)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("w5+", "0,35"));
    assertThat(sheet.problems()).singleElement().satisfies(p -> {
      assertThat(p.row()).isEqualTo(1);
      assertThat(p.message()).contains("names the quote as the separator")
          .contains("the separator ';' was used");
    });
  }

  @Test
  void aNineteenMillionCharacterAnswerIsRefusedBeforeItIsParsed() {
    byte[] head = "step,question,answer\nw5+,Updated w5,".getBytes(StandardCharsets.US_ASCII);
    byte[] csv = new byte[head.length + 19_000_000];
    System.arraycopy(head, 0, csv, 0, head.length);
    java.util.Arrays.fill(csv, head.length, csv.length, (byte) '7');
    assertThatThrownBy(() -> SheetReaders.read("answers.csv", csv))
        .isInstanceOf(SheetReadException.class)
        .hasMessageStartingWith("answers.csv: refused: the file is " + csv.length + " bytes,"
            + " more than an answer sheet of at most 1000000 characters can be")
        .hasMessageEndingWith("hand in the answer template as it was given out");
  }

  @Test
  void aCellBeyondTheCharacterLimitIsRefusedNamingItsPlace() {
    String csv = "step,question,answer\nw5+,Updated w5,1\nw6+,Q," + "9".repeat(10_001) + "\n";
    assertThatThrownBy(() -> SheetReaders.read("answers.csv",
        csv.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SheetReadException.class)
        .hasMessage("answers.csv: refused: the cell in row 3, column C holds 10001 characters,"
            + " more than 10000 (an answer is a number or a short formula); delete the long text"
            + " and hand the sheet in again");
    String fine = "step,question,answer\nw6+,Q," + "9".repeat(10_000) + "\n";
    assertThat(assertRead("answers.csv", fine).cells()).hasSize(1);
  }

  @Test
  void aSheetWithTooManyCellsIsRefused() {
    StringBuilder b = new StringBuilder("step,question,answer\n");
    for (int i = 0; i < 40_000; i++) {
      b.append("w").append(i).append(",q,1\n");
    }
    assertThatThrownBy(() -> SheetReaders.read("answers.csv",
        b.toString().getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SheetReadException.class)
        .hasMessageContaining("refused: the sheet has more than 100000 filled cells (by row");
  }

  @Test
  void anXlsxSheetBeyondTheBudgetIsRefusedToo() {
    byte[] xlsx = xlsxWithRows("<row r=\"4\">" + inline("A4", "w5+")
        + inline("C4", "1".repeat(20_000)) + "</row>");
    assertThatThrownBy(() -> SheetReaders.read("answers.xlsx", xlsx))
        .isInstanceOf(SheetReadException.class)
        .hasMessageStartingWith("answers.xlsx: refused: the cell in row 4, column C holds 20000"
            + " characters");
    StringBuilder rows = new StringBuilder();
    Random random = new Random(12);
    for (int r = 1; r <= 201; r++) {
      StringBuilder digits = new StringBuilder();
      for (int i = 0; i < 5000; i++) {
        digits.append((char) ('0' + random.nextInt(10)));
      }
      rows.append("<row r=\"").append(r).append("\">").append(inline("A" + r, "w" + r))
          .append(inline("C" + r, digits.toString())).append("</row>");
    }
    assertThatThrownBy(() -> SheetReaders.read("answers.xlsx", xlsxWithRows(rows.toString())))
        .isInstanceOf(SheetReadException.class)
        .hasMessageContaining("refused: the sheet holds more than 1000000 characters (by row");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"Student ]]> ID", "Student \uFFFE ID",
      "Student & ID", "Student &bogus; ID", "&#x110000;", "Student \u0001 ID"})
  void textTheParserRefusesOnlyWhenItIsReadIsAnUnreadableSheetNotACrash(String text) {
    // The XML parser reads a text token lazily: a ]]>, a bare or unknown entity, a character
    // XML does not allow in it is found by getText, which throws unchecked (this stopped whole
    // batches with exit 3). Found in shared strings and in a sheet's own text alike.
    byte[] shared = ZipRewrite.replace(XlsxFixtures.answers().top("s1", "v1").bytes(),
        "xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sst><si><t>"
            + text + "</t></si></sst>");
    byte[] inSheet = xlsxWithRows("<row r=\"1\">" + inline("A1", "w5+") + inline("C1", text)
        + "</row>");
    for (byte[] xlsx : java.util.List.of(shared, inSheet)) {
      assertThatThrownBy(() -> SheetReaders.read("answers.xlsx", xlsx))
          .isInstanceOf(SheetReadException.class)
          .hasMessageContaining("answers.xlsx")
          .hasMessageContaining("is not well-formed XML at line");
    }
  }

  @Test
  void sharedStringsBeyondTheBudgetAreRefused() {
    StringBuilder sst = new StringBuilder("<sst xmlns=\"http://schemas.openxmlformats.org/"
        + "spreadsheetml/2006/main\">");
    Random random = new Random(5);
    for (int i = 0; i < 450; i++) {
      sst.append("<si><t>");
      for (int c = 0; c < 9000; c++) {
        sst.append((char) ('a' + random.nextInt(26)));
      }
      sst.append("</t></si>");
    }
    sst.append("</sst>");
    byte[] xlsx = ZipRewrite.replace(XlsxFixtures.answers().top("s1", "v1").bytes(),
        "xl/sharedStrings.xml", sst.append("").toString());
    assertThatThrownBy(() -> SheetReaders.read("answers.xlsx", xlsx))
        .isInstanceOf(SheetReadException.class)
        .hasMessageContaining("'xl/sharedStrings.xml' holds more than 4000000 characters of"
            + " text, far more than an answer sheet");
  }

  @Test
  void libraryAdviceNeverReachesTheUser() {
    assertThat(ForeignMessages.brief(new IllegalStateException("Unexpected record. This is a"
        + " bug, please open an issue on bugzilla")))
        .isEqualTo("Unexpected record");
    assertThat(ForeignMessages.brief(new IllegalStateException("Zip bomb detected! Raise it with"
        + " ZipSecureFile.setMinInflateRatio()")))
        .isEqualTo("its structure is not what Excel writes (IllegalStateException)");
    assertThat(ForeignMessages.brief(new DataFormatException())).isEqualTo("DataFormatException");
    assertThat(ForeignMessages.brief(new IllegalStateException("x".repeat(300))))
        .hasSize(201).endsWith("…");
  }

  @Test
  void aWorkbookIsNotABulkZipButAZipWithAStrayContentTypesFileIs() {
    assertThat(SheetReaders.isOfficeDocument(java.util.List.of("[Content_Types].xml",
        "xl/workbook.xml", "xl/worksheets/sheet1.xml"))).isTrue();
    assertThat(SheetReaders.isOfficeDocument(java.util.List.of("[Content_Types].xml",
        "smith_1_2_answers.xlsx", "jones_3_4_answers.csv"))).isFalse();
    assertThat(SheetReaders.isOfficeDocument(java.util.List.of("mimetype", "content.xml")))
        .isTrue();
  }

  private static AnswerSheet assertRead(String name, String text) {
    try {
      return SheetReaders.read(name, text.getBytes(StandardCharsets.UTF_8));
    } catch (SheetReadException e) {
      throw new AssertionError(e);
    }
  }
}
