package org.nngrader.grader.batch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nngrader.grader.engine.StudentAnswer;
import org.nngrader.grader.read.AnswerCell;
import org.nngrader.grader.read.AnswerSheet;
import org.nngrader.grader.read.NumberForms;
import org.nngrader.grader.read.ParsedNumber;
import org.nngrader.grader.read.ReadProblem;
import org.nngrader.grader.read.StepIdMatcher;
import org.nngrader.grader.read.WrittenPrecision;

/**
 * Turns the rows of an answer sheet into the engine's answers: step ids matched through their
 * usual spellings, numbers read in every form DESIGN.md lists. The answer of an expression step
 * (a symbolic exercise) is passed on as its text for the engine to parse, never judged as a
 * number. Rows the exercise does not have, and repeated rows, are reported, not fatal.
 */
final class AnswerConversion {

  /** The answers by canonical step id, and remarks about rows. */
  record Converted(Map<String, StudentAnswer> answers, List<String> remarks) {}

  private AnswerConversion() {}

  static Converted convert(AnswerSheet sheet, StepIdMatcher matcher) {
    return convert(sheet, matcher, Set.of());
  }

  /**
   * @param expressionSteps the canonical ids of the steps whose answers are expressions
   */
  static Converted convert(AnswerSheet sheet, StepIdMatcher matcher,
      Set<String> expressionSteps) {
    Map<String, StudentAnswer> answers = new LinkedHashMap<>();
    List<String> remarks = new ArrayList<>();
    for (ReadProblem p : sheet.problems()) {
      remarks.add(p.row() == 0 ? p.message() : "row " + p.row() + ": " + p.message());
    }
    for (AnswerCell cell : sheet.cells()) {
      Optional<String> id = matcher.match(cell.stepId());
      if (id.isEmpty() && cell.written().isBlank()) {
        continue; // a heading or spacer row
      }
      if (id.isEmpty()) {
        remarks.add("row " + cell.row() + ": '" + cell.stepId() + "' is not a step of this exercise (ignored)");
        continue;
      }
      if (answers.containsKey(id.get())) {
        remarks.add("row " + cell.row() + ": step " + id.get() + " appears again (the first row was graded)");
        continue;
      }
      answers.put(id.get(), expressionSteps.contains(id.get()) ? expression(cell)
          : percentStep(id.get(), answer(cell)));
    }
    return new Converted(answers, capped(remarks));
  }

  /**
   * Percent steps (ids with {@code _pct}) are asked in percent units: "12.5%" and a cell
   * formatted as a percentage both mean 12.5 there, not 0.125.
   */
  static StudentAnswer percentStep(String id, StudentAnswer a) {
    if (id.contains("_pct") && a instanceof StudentAnswer.Numeric n && n.written().contains("%")) {
      WrittenPrecision w = n.writtenPrecision();
      return new StudentAnswer.Numeric(n.value() * 100, n.written(), n.precision() * 100,
          new WrittenPrecision(w.halfUnit() * 100, w.figures()));
    }
    return a;
  }

  /**
   * The answer of an expression step: the text as written, or the full-precision decimal of a
   * numeric cell (a number typed where Excel turned it into one, or a formula's value), which
   * the engine reads as a constant expression.
   */
  static StudentAnswer expression(AnswerCell cell) {
    if (cell.numericValue() != null) {
      return new StudentAnswer.Text(
          BigDecimal.valueOf(cell.numericValue()).stripTrailingZeros().toPlainString());
    }
    return cell.written().isBlank() ? new StudentAnswer.Missing()
        : new StudentAnswer.Text(cell.written().strip());
  }

  static double typedNumberPrecision(double v) {
    java.math.BigDecimal d = java.math.BigDecimal.valueOf(v).stripTrailingZeros();
    int decimals = Math.max(d.scale(), 4);
    return decimals >= 12 ? 0 : 0.5 * Math.pow(10, -decimals);
  }

  /** At most 20 remarks per sheet, so one odd file cannot flood grades.csv. */
  static List<String> capped(List<String> remarks) {
    if (remarks.size() <= 20) {
      return remarks;
    }
    List<String> out = new ArrayList<>(remarks.subList(0, 20));
    out.add("... and " + (remarks.size() - 20) + " more remarks on this sheet");
    return out;
  }

  static StudentAnswer answer(AnswerCell cell) {
    NumberForms.Answer read = NumberForms.readCell(cell);
    if (read.parsed() instanceof ParsedNumber.Value v) {
      WrittenPrecision written = read.precision();
      double allowance;
      if (cell.numericValue() != null) {
        // A formula carries full precision. A typed number is as precise as it was typed, but
        // a cell does not keep trailing zeros (-0.0300 is stored as -0.03): allow for up to
        // four decimals having been typed, which is never a wide allowance.
        allowance = cell.formula() ? 0 : typedNumberPrecision(v.value());
      } else if (read.calculated()) {
        allowance = written.figures() >= 3 ? written.halfUnit() : 0;
      } else {
        allowance = StudentAnswer.Numeric.precisionOf(cell.written());
      }
      return new StudentAnswer.Numeric(v.value(), cell.written(), allowance, written);
    }
    if (read.parsed() instanceof ParsedNumber.Unreadable u) {
      return new StudentAnswer.Unreadable(cell.written(), u.reason());
    }
    return new StudentAnswer.Missing();
  }
}
