package org.nngrader.bank.sheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the answer template as xlsx (DESIGN.md): sheet {@value #SHEET} with column A the step
 * id, B the question, C the answer; a header row, then the pre-filled {@code student_id} and
 * {@code variant} rows, then one row per step. The sheet is protected and the answer cells of
 * the step rows are the only unlocked cells, with decimal validation (error box shown); the
 * answer cell of an expression step (symbolic exercises) is a text cell without validation, and
 * the instructions say how to write an expression and which names it may use. A very
 * hidden sheet {@value #HIDDEN_SHEET} repeats the variant, template and student. The same
 * writer fills column C for simulated submissions. Same input, same bytes: the created date
 * and the zip entry times are fixed.
 */
public final class AnswerSheetXlsx {

  public static final String SHEET = "Answers";
  public static final String HIDDEN_SHEET = "nngrader";
  /** 0-based row indexes of the layout. */
  public static final int HEADER_ROW = 0;
  public static final int STUDENT_ID_ROW = 1;
  public static final int VARIANT_ROW = 2;
  public static final int FIRST_STEP_ROW = 3;
  /** 0-based column indexes. */
  public static final int STEP_COLUMN = 0;
  public static final int QUESTION_COLUMN = 1;
  public static final int ANSWER_COLUMN = 2;
  /** The format marker in the hidden sheet. */
  public static final String FORMAT = "nngrader-answers/1";

  private AnswerSheetXlsx() {}

  /** The A1-style reference of a step's answer cell, e.g. {@code C4}. */
  public static String answerCell(AnswerSheet sheet, String step) {
    int i = sheet.indexOf(step);
    if (i < 0) {
      throw new IllegalArgumentException("step " + step + " is not on the answer sheet");
    }
    return new CellReference(FIRST_STEP_ROW + i, ANSWER_COLUMN).formatAsString(false);
  }

  /** The empty answer template. */
  public static byte[] bytes(AnswerSheet sheet) {
    return bytes(sheet, Map.of());
  }

  /** The answer template with column C filled from {@code answers} (by step id). */
  public static byte[] bytes(AnswerSheet sheet, Map<String, Answer> answers) {
    for (String step : answers.keySet()) {
      if (sheet.indexOf(step) < 0) {
        throw new IllegalArgumentException("answer for " + step + ", which is not on the sheet");
      }
    }
    ByteArrayOutputStream raw = new ByteArrayOutputStream(16_384);
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      build(wb, sheet, answers);
      wb.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write an in-memory workbook", e);
    }
    return ZipNormalizer.normalize(raw.toByteArray());
  }

  /** Writes {@link #bytes(AnswerSheet, Map)} to a stream. */
  public static void write(AnswerSheet sheet, Map<String, Answer> answers, OutputStream out)
      throws IOException {
    out.write(bytes(sheet, answers));
  }

  private static void build(XSSFWorkbook wb, AnswerSheet sheet, Map<String, Answer> answers) {
    var core = wb.getProperties().getCoreProperties();
    Date fixed = Date.from(ZipNormalizer.FIXED_TIME.toInstant(ZoneOffset.UTC));
    core.setCreated(Optional.of(fixed));
    core.setModified(Optional.of(fixed));
    core.setCreator("nngrader");
    core.setTitle("Answers " + sheet.templateId() + " " + sheet.variant());
    Styles st = new Styles(wb, sheet.hasExpressions());
    XSSFSheet s = wb.createSheet(SHEET);
    s.setColumnWidth(STEP_COLUMN, 22 * 256);
    s.setColumnWidth(QUESTION_COLUMN, 62 * 256);
    s.setColumnWidth(ANSWER_COLUMN, 20 * 256);
    s.setColumnWidth(4, 70 * 256);
    row(s, HEADER_ROW, st.header, "step", "question", "answer");
    row(s, STUDENT_ID_ROW, st.locked, "student_id", "Student ID", sheet.studentId())
        .getCell(ANSWER_COLUMN).setCellStyle(st.prefilled);
    row(s, VARIANT_ROW, st.locked, "variant", "Variant", sheet.variant())
        .getCell(ANSWER_COLUMN).setCellStyle(st.prefilled);
    for (int i = 0; i < sheet.steps().size(); i++) {
      AnswerSheet.Step step = sheet.steps().get(i);
      Row r = row(s, FIRST_STEP_ROW + i, st.locked, step.id(), step.question());
      r.getCell(QUESTION_COLUMN).setCellStyle(st.question);
      Cell c = r.createCell(ANSWER_COLUMN);
      // Text, so that Excel keeps "-y + 0.5" or "=..."-free expressions exactly as typed.
      c.setCellStyle(step.expression() ? st.answerText : st.answer);
      fill(c, answers.get(step.id()));
    }
    instructions(s, sheet, st);
    validation(s, sheet);
    s.createFreezePane(0, 1);
    // Protected without a password: the lock guides students to column C, it is no secret.
    s.enableLocking();
    s.lockObjects(true);
    s.lockScenarios(true);
    XSSFSheet hidden = wb.createSheet(HIDDEN_SHEET);
    row(hidden, 0, null, "variant", sheet.variant());
    row(hidden, 1, null, "template", sheet.templateId());
    row(hidden, 2, null, "student_id", sheet.studentId());
    row(hidden, 3, null, "format", FORMAT);
    wb.setSheetVisibility(wb.getSheetIndex(hidden), SheetVisibility.VERY_HIDDEN);
    wb.setActiveSheet(0);
  }

  private static void fill(Cell c, Answer a) {
    if (a instanceof Answer.Number n) {
      c.setCellValue(n.value());
    } else if (a instanceof Answer.Text t) {
      c.setCellValue(t.text());
    } else if (a instanceof Answer.Formula f) {
      c.setCellFormula(f.formula().substring(1));
      c.setCellValue(f.cached());
    }
  }

  private static void instructions(XSSFSheet s, AnswerSheet sheet, Styles st) {
    String[] lines = sheet.hasExpressions() ? expressionInstructions(sheet) : new String[] {
      "Type each answer in column C, one number per step (the only cells you can edit).",
      String.format(Locale.ROOT, "Give at least %d significant figures, with a decimal point"
          + " (e.g. 0.593270); more digits are fine.", sheet.significantFigures()),
      "A formula is fine (e.g. =1/(1+EXP(-C4))). Do not round intermediate results.",
      "Do not change columns A and B or the student_id and variant rows.",
    };
    for (int i = 0; i < lines.length; i++) {
      Cell c = s.getRow(i).createCell(4);
      c.setCellValue(lines[i]);
      c.setCellStyle(st.note);
    }
  }

  /**
   * The instructions of a sheet with expression answers, in the same four rows as a numeric
   * sheet's.
   */
  private static String[] expressionInstructions(AnswerSheet sheet) {
    AnswerSheet.Expressions x = sheet.expressions();
    boolean numbers = sheet.steps().stream().anyMatch(st -> !st.expression());
    return new String[] {
      "Type each answer in column C (the only cells you can edit): an expression where the"
          + " step asks for one" + (numbers ? ", a number where it asks for a value." : "."),
      "Write expressions like " + x.example() + " (* or a space between factors, ^ for"
          + " powers). Symbols you may use: "
          + (x.symbols().isEmpty() ? "none" : String.join(", ", x.symbols()))
          + (x.functions().isEmpty() ? "" : "; functions: " + String.join(", ", x.functions())
              + " (f'(-4.2) is the derivative of f at -4.2)") + ".",
      String.format(Locale.ROOT, "Substitute the number of every other quantity, with at least"
          + " %d significant figures; do not round intermediate results.",
          sheet.significantFigures()),
      "Do not change columns A and B or the student_id and variant rows.",
    };
  }

  private static void validation(XSSFSheet s, AnswerSheet sheet) {
    DataValidationHelper helper = s.getDataValidationHelper();
    DataValidationConstraint decimal = helper.createDecimalConstraint(
        DataValidationConstraint.OperatorType.BETWEEN, "-1E+15", "1E+15");
    CellRangeAddressList cells = numberCells(sheet);
    if (cells.countRanges() == 0) {
      return;
    }
    DataValidation dv = helper.createValidation(decimal, cells);
    dv.setErrorStyle(DataValidation.ErrorStyle.STOP);
    dv.setShowErrorBox(true);
    dv.createErrorBox("Not a number", "Type a decimal number such as 0.5933 or -0.0217,"
        + " or a formula such as =C5*C6.");
    dv.setShowPromptBox(true);
    dv.createPromptBox("Answer", "A decimal number with at least " + sheet.significantFigures()
        + " significant figures.");
    dv.setEmptyCellAllowed(true);
    s.addValidationData(dv);
  }

  /** The answer cells of the number steps, as runs of consecutive rows. */
  private static CellRangeAddressList numberCells(AnswerSheet sheet) {
    int n = sheet.steps().size();
    if (!sheet.hasExpressions()) {
      return new CellRangeAddressList(
          FIRST_STEP_ROW, FIRST_STEP_ROW + n - 1, ANSWER_COLUMN, ANSWER_COLUMN);
    }
    CellRangeAddressList cells = new CellRangeAddressList();
    int start = -1;
    for (int i = 0; i <= n; i++) {
      boolean number = i < n && !sheet.steps().get(i).expression();
      if (number && start < 0) {
        start = i;
      } else if (!number && start >= 0) {
        cells.addCellRangeAddress(FIRST_STEP_ROW + start, ANSWER_COLUMN, FIRST_STEP_ROW + i - 1,
            ANSWER_COLUMN);
        start = -1;
      }
    }
    return cells;
  }

  private static Row row(XSSFSheet s, int index, CellStyle style, String... values) {
    Row r = s.createRow(index);
    for (int i = 0; i < values.length; i++) {
      Cell c = r.createCell(i);
      c.setCellValue(values[i]);
      if (style != null) {
        c.setCellStyle(style);
      }
    }
    return r;
  }

  /** The cell styles of one workbook. */
  private static final class Styles {
    final CellStyle header;
    final CellStyle locked;
    final CellStyle question;
    final CellStyle prefilled;
    final CellStyle answer;
    /** The answer cell of an expression step: text format; null when the sheet has none. */
    final CellStyle answerText;
    final CellStyle note;

    Styles(XSSFWorkbook wb, boolean expressions) {
      Font bold = wb.createFont();
      bold.setBold(true);
      header = wb.createCellStyle();
      header.setFont(bold);
      header.setBorderBottom(BorderStyle.THIN);
      header.setLocked(true);
      locked = wb.createCellStyle();
      locked.setLocked(true);
      question = wb.createCellStyle();
      question.setLocked(true);
      question.setWrapText(true);
      prefilled = wb.createCellStyle();
      prefilled.setLocked(true);
      prefilled.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      prefilled.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      answer = wb.createCellStyle();
      answer.setLocked(false);
      answer.setBorderBottom(BorderStyle.THIN);
      answer.setBorderTop(BorderStyle.THIN);
      answer.setBorderLeft(BorderStyle.THIN);
      answer.setBorderRight(BorderStyle.THIN);
      answer.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
      answer.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      if (expressions) {
        answerText = wb.createCellStyle();
        answerText.cloneStyleFrom(answer);
        answerText.setDataFormat(wb.createDataFormat().getFormat("@"));
      } else {
        answerText = null;
      }
      Font italic = wb.createFont();
      italic.setItalic(true);
      note = wb.createCellStyle();
      note.setFont(italic);
      note.setLocked(true);
    }
  }
}
