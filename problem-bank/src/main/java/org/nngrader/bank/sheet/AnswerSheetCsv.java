package org.nngrader.bank.sheet;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the answer template as csv (DESIGN.md): header {@code step,question,answer}, then
 * {@code student_id} and {@code variant} pre-filled, then one row per step. Numbers are
 * written with {@link Double#toString} (exact); a formula answer is written as its cached
 * value, as a spreadsheet saving to csv would. Lines end with {@code \n}.
 */
public final class AnswerSheetCsv {

  static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

  private AnswerSheetCsv() {}

  /** The empty answer template. */
  public static String text(AnswerSheet sheet) {
    return text(sheet, Map.of());
  }

  /** The answer template with the answer column filled from {@code answers} (by step id). */
  public static String text(AnswerSheet sheet, Map<String, Answer> answers) {
    StringWriter w = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(w, FORMAT)) {
      p.printRecord("step", "question", "answer");
      p.printRecord("student_id", "Student ID", SpreadsheetText.cell(sheet.studentId()));
      p.printRecord("variant", "Variant", SpreadsheetText.cell(sheet.variant()));
      for (AnswerSheet.Step step : sheet.steps()) {
        p.printRecord(SpreadsheetText.cell(step.id()), SpreadsheetText.cell(step.question()),
            SpreadsheetText.cell(cell(answers.get(step.id()))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static String cell(Answer a) {
    if (a instanceof Answer.Number n) {
      return Double.toString(n.value());
    }
    if (a instanceof Answer.Text t) {
      return t.text();
    }
    if (a instanceof Answer.Formula f) {
      return Double.toString(f.cached());
    }
    return "";
  }
}
