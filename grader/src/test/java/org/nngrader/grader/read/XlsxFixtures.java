package org.nngrader.grader.read;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes xlsx answer sheets with POI for tests, laid out like the answer template: sheet {@code
 * Answers}, column A the step id, B the question, C the answer. Building them in code keeps every
 * fixture readable in the test that uses it, instead of an opaque binary in resources.
 */
final class XlsxFixtures {

  private final XSSFWorkbook workbook = new XSSFWorkbook();
  private final XSSFSheet sheet;
  private CellStyle percent;
  private int nextRow;

  private XlsxFixtures(String sheetName) {
    sheet = workbook.createSheet(sheetName);
  }

  /** An empty workbook whose first sheet is named {@code Answers}. */
  static XlsxFixtures answers() {
    return new XlsxFixtures("Answers");
  }

  /** An empty workbook whose first sheet has another name. */
  static XlsxFixtures sheetNamed(String name) {
    return new XlsxFixtures(name);
  }

  /** The template's top rows: student_id, variant and the header. */
  XlsxFixtures top(String studentId, String variant) {
    text("student_id", "Student ID", studentId);
    text("variant", "Variant", variant);
    return text("step", "question", "answer");
  }

  XlsxFixtures numeric(String step, double value) {
    row(step).createCell(2).setCellValue(value);
    return this;
  }

  XlsxFixtures text(String step, String question, String answer) {
    Row row = row(step, question);
    if (answer != null) {
      row.createCell(2).setCellValue(answer);
    }
    return this;
  }

  XlsxFixtures text(String step, String answer) {
    return text(step, "What is " + step + "?", answer);
  }

  /** A numeric cell shown with Excel's {@code 0.00%} format. */
  XlsxFixtures percent(String step, double value) {
    if (percent == null) {
      percent = workbook.createCellStyle();
      percent.setDataFormat(workbook.createDataFormat().getFormat("0.00%"));
    }
    Cell cell = row(step).createCell(2);
    cell.setCellValue(value);
    cell.setCellStyle(percent);
    return this;
  }

  /**
   * A formula cell; with {@code cached} the file carries the calculated value like a sheet saved
   * by Excel, without it the file has none like a sheet written by a program.
   */
  XlsxFixtures formula(String step, String formula, boolean cached) {
    Cell cell = row(step).createCell(2);
    cell.setCellFormula(formula);
    if (cached) {
      workbook.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell);
    }
    return this;
  }

  /** A numeric cell with a custom number format, e.g. a date format Excel chose by itself. */
  XlsxFixtures formatted(String step, double value, String format) {
    CellStyle style = workbook.createCellStyle();
    style.setDataFormat(workbook.createDataFormat().getFormat(format));
    Cell cell = row(step).createCell(2);
    cell.setCellValue(value);
    cell.setCellStyle(style);
    return this;
  }

  XlsxFixtures blank(String step) {
    row(step);
    return this;
  }

  /** A row with arbitrary cells from column A on; {@code null} leaves a cell blank. */
  XlsxFixtures cells(Object... values) {
    Row row = sheet.createRow(nextRow++);
    for (int c = 0; c < values.length; c++) {
      if (values[c] instanceof Double d) {
        row.createCell(c).setCellValue(d);
      } else if (values[c] != null) {
        row.createCell(c).setCellValue(values[c].toString());
      }
    }
    return this;
  }

  /** Skips a row, leaving it empty. */
  XlsxFixtures gap() {
    nextRow++;
    return this;
  }

  /** A hidden sheet with a {@code variant} row, as the generator writes. */
  XlsxFixtures hiddenVariant(String sheetName, String variant) {
    XSSFSheet hidden = workbook.createSheet(sheetName);
    Row row = hidden.createRow(0);
    row.createCell(0).setCellValue("variant");
    row.createCell(1).setCellValue(variant);
    workbook.setSheetHidden(workbook.getSheetIndex(hidden), true);
    return this;
  }

  /** A typical filled-in template: top rows and {@code steps} numeric answers with questions. */
  static XlsxFixtures typical(int steps) {
    XlsxFixtures f = answers().top("s1234567", "v-0007");
    for (int i = 1; i <= steps; i++) {
      Row row = f.row("dE_total/dw" + i, "The partial derivative of E_total with respect to w" + i);
      row.createCell(2).setCellValue(0.0123456789 * i);
    }
    return f.hiddenVariant("meta", "v-0007");
  }

  byte[] bytes() {
    try (XSSFWorkbook wb = workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Row row(String step) {
    return row(step, "What is " + step + "?");
  }

  private Row row(String step, String question) {
    Row row = sheet.createRow(nextRow++);
    row.createCell(0).setCellValue(step);
    row.createCell(1).setCellValue(question);
    return row;
  }
}
