package org.nngrader.bank.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.nngrader.bank.template.Templates;

class AnswerSheetXlsxTest {

  static final AnswerSheet SHEET =
      AnswerSheet.of(Templates.builtin("sigmoid-2-2-2"), "s001", "v1234567");

  static XSSFWorkbook open(byte[] bytes) throws IOException {
    return new XSSFWorkbook(new ByteArrayInputStream(bytes));
  }

  @Test
  void sameSheetSameBytesAndOtherSheetOtherBytes() {
    assertThat(AnswerSheetXlsx.bytes(SHEET)).isEqualTo(AnswerSheetXlsx.bytes(SHEET));
    AnswerSheet other = AnswerSheet.of(Templates.builtin("sigmoid-2-2-2"), "s002", "v1234567");
    assertThat(AnswerSheetXlsx.bytes(other)).isNotEqualTo(AnswerSheetXlsx.bytes(SHEET));
  }

  @Test
  void zipEntriesHaveAFixedTimeAndOrderAndTheWorkbookAFixedCreatedDate() throws IOException {
    byte[] bytes = AnswerSheetXlsx.bytes(SHEET);
    List<String> names = new java.util.ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        names.add(e.getName());
        assertThat(e.getTimeLocal()).as(e.getName()).isEqualTo(ZipNormalizer.FIXED_TIME);
      }
    }
    assertThat(names.get(0)).isEqualTo("[Content_Types].xml");
    assertThat(names.subList(1, names.size())).isSorted();
    try (XSSFWorkbook wb = open(bytes)) {
      var core = wb.getProperties().getCoreProperties();
      assertThat(core.getCreated().toInstant())
          .isEqualTo(ZipNormalizer.FIXED_TIME.toInstant(ZoneOffset.UTC));
      assertThat(core.getCreator()).isEqualTo("nngrader");
    }
  }

  @Test
  void answersFillColumnCAsNumbersTextAndFormulasWithCachedValues() throws IOException {
    Map<String, Answer> answers = new LinkedHashMap<>();
    answers.put("net_h1", new Answer.Number(0.3775));
    answers.put("out_h1", new Answer.Text("0,5933"));
    answers.put("E_total", new Answer.Formula("=C12+C13", 0.298371108760));
    try (XSSFWorkbook wb = open(AnswerSheetXlsx.bytes(SHEET, answers))) {
      XSSFSheet s = wb.getSheet(AnswerSheetXlsx.SHEET);
      Cell net = s.getRow(3).getCell(2);
      assertThat(net.getNumericCellValue()).isEqualTo(0.3775);
      Cell out = s.getRow(4).getCell(2);
      assertThat(out.getCellType()).isEqualTo(CellType.STRING);
      assertThat(out.getStringCellValue()).isEqualTo("0,5933");
      int row = 3 + SHEET.indexOf("E_total");
      Cell total = s.getRow(row).getCell(2);
      assertThat(total.getCellType()).isEqualTo(CellType.FORMULA);
      assertThat(total.getCellFormula()).isEqualTo("C12+C13");
      assertThat(total.getCachedFormulaResultType()).isEqualTo(CellType.NUMERIC);
      assertThat(total.getNumericCellValue()).isEqualTo(0.298371108760);
      assertThat(s.getRow(5).getCell(2).getCellType()).isEqualTo(CellType.BLANK);
      assertThat(out.getCellStyle().getLocked()).isFalse();
    }
  }

  @Test
  void answerCellNamesTheStepRow() {
    assertThat(AnswerSheetXlsx.answerCell(SHEET, "net_h1")).isEqualTo("C4");
    assertThat(AnswerSheetXlsx.answerCell(SHEET, "out_h1")).isEqualTo("C5");
    assertThatThrownBy(() -> AnswerSheetXlsx.answerCell(SHEET, "w9+"))
        .hasMessage("step w9+ is not on the answer sheet");
    assertThatThrownBy(() -> AnswerSheetXlsx.bytes(SHEET, Map.of("w9+", new Answer.Number(1))))
        .hasMessage("answer for w9+, which is not on the sheet");
  }

  @Test
  void csvHasTheSameRowsAndWritesFormulasAsTheirValues() {
    Map<String, Answer> answers = Map.of(
        "net_h1", new Answer.Number(0.3775),
        "out_h1", new Answer.Text("see notes, page 2"),
        "net_h2", new Answer.Formula("=C4*2", 0.755));
    List<String> lines = AnswerSheetCsv.text(SHEET, answers).lines().toList();
    assertThat(lines).hasSize(3 + SHEET.steps().size());
    assertThat(lines.subList(0, 6)).containsExactly(
        "step,question,answer",
        "student_id,Student ID,s001",
        "variant,Variant,v1234567",
        "net_h1,Net input of h1,0.3775",
        "out_h1,Output of h1,\"see notes, page 2\"",
        "net_h2,Net input of h2,0.755");
    assertThat(lines.get(6)).isEqualTo("out_h2,Output of h2,");
  }

  @Test
  void keyWritersKeepFullPrecision() throws IOException {
    AnswerKey key = new AnswerKey("t", "s1", "v1", 4, List.of(
        new AnswerKey.Entry("a", "First, the net", 0.1 + 0.2),
        new AnswerKey.Entry("b", "Second", 3.51018778298e-5)));
    var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(AnswerKeyWriter.json(key));
    assertThat(node.get("steps").get("a").doubleValue()).isEqualTo(0.1 + 0.2);
    assertThat(node.get("steps").get("b").doubleValue()).isEqualTo(3.51018778298e-5);
    assertThat(node.get("significant_figures").intValue()).isEqualTo(4);
    assertThat(AnswerKeyWriter.csv(key)).isEqualTo("step,question,value\n"
        + "a,\"First, the net\",0.30000000000000004\n"
        + "b,Second,3.51018778298E-5\n");
    assertThat(key.values()).containsExactly(Map.entry("a", 0.1 + 0.2),
        Map.entry("b", 3.51018778298e-5));
  }
}
