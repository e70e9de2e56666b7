package org.nngrader.grader.read;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The answer template's layout, shared by every format: column A the step id, B the question, C
 * the answer; {@code student_id} and {@code variant} rows (value in C, or in B when C is blank); an
 * optional header row {@code step | question | answer} that may move the columns. Rows are fed in
 * sheet order; not thread-safe, one instance per sheet.
 */
final class SheetLayout {

  /** A template has a few dozen steps; a cap keeps a runaway sheet from filling memory. */
  static final int MAX_STEP_ROWS = 5_000;

  private static final Set<String> HEADER_LABELS = Set.of("step", "stepid");
  private static final Set<String> STUDENT_LABELS =
      Set.of("studentid", "student", "studentnumber", "studentno");
  private static final Set<String> VARIANT_LABELS = Set.of("variant", "variantid");

  private int stepColumn = 0;
  private int questionColumn = 1;
  private int answerColumn = 2;
  private String studentId;
  private int studentIdRow;
  private String variant;
  /** The first labelled column after the answer column in the header row, or -1. */
  private int notesColumn = -1;
  private int variantRow;
  private String hiddenVariant;
  private String hiddenSheet;
  private boolean truncated;
  private final List<AnswerCell> cells = new ArrayList<>();
  private final List<ReadProblem> problems = new ArrayList<>();
  private final SheetBudget budget = new SheetBudget();

  /**
   * Takes one row.
   *
   * @param rowNumber the 1-based row number as the user sees it
   * @param row cells by column index (0 = A); {@code null} entries are blank cells
   */
  void row(int rowNumber, List<RawCell> row) {
    for (int c = 0; c < row.size(); c++) {
      if (row.get(c) != null) {
        budget.charge(rowNumber, c, row.get(c).text());
      }
    }
    RawCell stepCell = cell(row, stepColumn);
    if (stepCell == null) {
      RawCell answer = cell(row, answerColumn);
      if (answer != null) {
        problem(rowNumber, "the answer '" + answer.text().strip() + "' in column "
            + column(answerColumn) + " has no step id in column " + column(stepColumn)
            + ", so it was not graded; put the step id back");
      }
      return;
    }
    String label = label(stepCell.text());
    if (HEADER_LABELS.contains(label)) {
      header(row);
    } else if (STUDENT_LABELS.contains(label)) {
      String before = studentId;
      studentId = labelledValue(rowNumber, row, "student_id", studentId, studentIdRow);
      if (before == null && studentId != null) {
        studentIdRow = rowNumber;
      }
    } else if (VARIANT_LABELS.contains(label)) {
      String before = variant;
      variant = labelledValue(rowNumber, row, "variant", variant, variantRow);
      if (before == null && variant != null) {
        variantRow = rowNumber;
      }
    } else {
      step(rowNumber, row, stepCell);
    }
  }

  /** A variant id found on a hidden sheet, used when no visible variant row gives one. */
  void hiddenVariant(String value, String sheetName) {
    if (hiddenVariant == null && value != null && !value.isBlank()) {
      hiddenVariant = value.strip();
      hiddenSheet = sheetName;
    }
  }

  void problem(int row, String message) {
    problems.add(new ReadProblem(row, message));
  }

  AnswerSheet build(String sourceName, SheetFormat format) {
    String chosenVariant = variant;
    if (chosenVariant == null) {
      chosenVariant = hiddenVariant;
    } else if (hiddenVariant != null && !hiddenVariant.equals(variant)) {
      problem(variantRow, "the variant row says '" + variant + "' but the hidden sheet '"
          + hiddenSheet + "' of the template says '" + hiddenVariant
          + "'; the visible row was used — check that this is the student's own template");
    }
    problems.sort((a, b) -> Integer.compare(a.row(), b.row()));
    return new AnswerSheet(sourceName, format, studentId, chosenVariant, cells, problems);
  }

  /**
   * Takes the question and answer columns from a header row. The first column labelled exactly
   * "answer" (or "value") wins over one that merely mentions it, so a notes column such as
   * "How to answer" beside the sheet never moves the answers.
   */
  private void header(List<RawCell> row) {
    int exactAnswer = -1;
    int looseAnswer = -1;
    int question = -1;
    for (int c = 0; c < row.size(); c++) {
      RawCell cell = row.get(c);
      if (cell == null || c == stepColumn) {
        continue;
      }
      String name = label(cell.text());
      if (name.contains("question") && question < 0) {
        question = c;
      } else if ((name.equals("answer") || name.equals("youranswer") || name.equals("value"))
          && exactAnswer < 0) {
        exactAnswer = c;
      } else if (name.contains("answer") && looseAnswer < 0) {
        looseAnswer = c;
      }
    }
    if (question >= 0) {
      questionColumn = question;
    }
    if (exactAnswer >= 0 || looseAnswer >= 0) {
      answerColumn = exactAnswer >= 0 ? exactAnswer : looseAnswer;
    }
    // A labelled column after the answer (the template's "How to answer" notes) is not where a
    // misplaced answer would be: text there is the sheet's own.
    for (int c = answerColumn + 1; c < row.size(); c++) {
      if (row.get(c) != null && !row.get(c).text().isBlank()) {
        notesColumn = c;
        break;
      }
    }
  }

  private String labelledValue(int rowNumber, List<RawCell> row, String what, String previous,
      int previousRow) {
    RawCell value = cell(row, answerColumn);
    if (value == null) {
      value = cell(row, questionColumn);
      // The template's own label ("Student ID", "Variant") beside a blank value is not a value.
      if (value != null && (STUDENT_LABELS.contains(label(value.text()))
          || VARIANT_LABELS.contains(label(value.text())))) {
        value = null;
      }
    }
    if (value == null) {
      problem(rowNumber, "the " + what + " row has no value; write it in column "
          + column(answerColumn));
      return previous;
    }
    String text = identifier(value);
    if (previous != null && !previous.equals(text)) {
      problem(rowNumber, "a second " + what + " row says '" + text + "' but row " + previousRow
          + " says '" + previous + "'; the first was used — delete one of them");
      return previous;
    }
    return text;
  }

  private void step(int rowNumber, List<RawCell> row, RawCell stepCell) {
    if (cells.size() >= MAX_STEP_ROWS) {
      if (!truncated) {
        truncated = true;
        problem(rowNumber, "the sheet has more than " + MAX_STEP_ROWS
            + " step rows; the rows from here on were not read");
      }
      return;
    }
    RawCell answer = cell(row, answerColumn);
    String stepId = stepCell.number() != null ? identifier(stepCell) : stepCell.text();
    if (answer != null) {
      cells.add(new AnswerCell(stepId, rowNumber, answer.text(), answer.number(),
          answer.formula(), answer.precision(),
          answer.unreadable() == null ? null : answer.uncalculatedMessage("")));
      if (answer.unreadable() != null) {
        problem(rowNumber, answer.uncalculatedMessage(" in " + column(answerColumn) + rowNumber));
      }
      if (answer.date()) {
        problem(rowNumber, "the answer in column " + column(answerColumn) + " is formatted as a"
            + " date ('" + answer.text() + "'; Excel turns a typed 1/2 into a date); format the"
            + " cell as Number and type the value as a decimal");
      }
      return;
    }
    cells.add(new AnswerCell(stepId, rowNumber, "", null, false));
    int end = notesColumn < 0 ? row.size() : Math.min(row.size(), notesColumn);
    for (int c = answerColumn + 1; c < end; c++) {
      RawCell stray = row.get(c);
      if (stray != null) {
        problem(rowNumber, "no answer in column " + column(answerColumn) + " but column "
            + column(c) + " holds '" + stray.text().strip() + "'; answers belong in column "
            + column(answerColumn));
        return;
      }
    }
  }

  private static RawCell cell(List<RawCell> row, int column) {
    if (column >= row.size()) {
      return null;
    }
    RawCell cell = row.get(column);
    return cell == null || cell.isBlank() ? null : cell;
  }

  /** An id written in a cell: integral numbers without a decimal point or exponent. */
  static String identifier(RawCell cell) {
    Double number = cell.number();
    if (number != null && number == Math.rint(number)) {
      return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }
    return cell.text().strip();
  }

  static boolean isHeaderLabel(String text) {
    return HEADER_LABELS.contains(label(text));
  }

  /** A label reduced for comparison: {@code Student ID:} and {@code student_id} are the same. */
  static String label(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        b.append(c);
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  /** Excel's column letters: 0 is A, 26 is AA. */
  static String column(int index) {
    StringBuilder b = new StringBuilder();
    for (int i = index; i >= 0; i = i / 26 - 1) {
      b.insert(0, (char) ('A' + i % 26));
    }
    return b.toString();
  }
}
