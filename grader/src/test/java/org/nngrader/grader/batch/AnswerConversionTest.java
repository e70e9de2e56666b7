package org.nngrader.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nngrader.grader.engine.StudentAnswer;
import org.nngrader.grader.read.AnswerCell;
import org.nngrader.grader.read.AnswerSheet;
import org.nngrader.grader.read.SheetFormat;
import org.nngrader.grader.read.StepIdMatcher;
import org.nngrader.grader.read.WrittenPrecision;

/** Expression steps keep their text for the engine; number steps are read as numbers. */
class AnswerConversionTest {

  static final StepIdMatcher MATCHER = new StepIdMatcher(List.of("p", "dJ/dw5", "dJ/dw6",
      "dJ/dw1"));

  static AnswerConversion.Converted convert(AnswerCell... cells) {
    AnswerSheet sheet = new AnswerSheet("a.xlsx", SheetFormat.XLSX, "s1", "v1", List.of(cells),
        List.of());
    return AnswerConversion.convert(sheet, MATCHER, Set.of("dJ/dw5", "dJ/dw6", "dJ/dw1"));
  }

  @Test
  void anExpressionIsPassedOnAsTextNeverAsAnUnreadableNumber() {
    var c = convert(new AnswerCell("dJ/dw5", 5, " -0.5597 * y + 0.6084 ", null, false));
    assertThat(c.answers().get("dJ/dw5"))
        .isEqualTo(new StudentAnswer.Text("-0.5597 * y + 0.6084"));
  }

  @Test
  void aNumericCellOfAnExpressionStepBecomesItsDecimalText() {
    var c = convert(new AnswerCell("dJ/dw5", 5, "0.61", 0.6083838, false),
        new AnswerCell("dJ/dw6", 6, "=C4*2", 2.0, true));
    assertThat(c.answers().get("dJ/dw5")).isEqualTo(new StudentAnswer.Text("0.6083838"));
    assertThat(c.answers().get("dJ/dw6")).isEqualTo(new StudentAnswer.Text("2"));
  }

  @Test
  void aBlankExpressionIsMissingAndNumberStepsAreUnchanged() {
    var c = convert(new AnswerCell("dJ/dw1", 7, "  ", null, false),
        new AnswerCell("p", 4, "1,0869", null, false),
        new AnswerCell("dJ/dw6", 6, "y +", null, false));
    assertThat(c.answers().get("dJ/dw1")).isInstanceOf(StudentAnswer.Missing.class);
    assertThat(c.answers().get("p")).isInstanceOfSatisfying(StudentAnswer.Numeric.class,
        n -> assertThat(n.value()).isEqualTo(1.0869));
    // A syntax error is for the engine to report, with its column.
    assertThat(c.answers().get("dJ/dw6")).isEqualTo(new StudentAnswer.Text("y +"));
  }

  @Test
  void withoutExpressionStepsEverythingIsANumber() {
    AnswerSheet sheet = new AnswerSheet("a.csv", SheetFormat.CSV, "s1", "v1",
        List.of(new AnswerCell("dJ/dw5", 5, "-0.5597 * y", null, false)), List.of());
    assertThat(AnswerConversion.convert(sheet, MATCHER).answers().get("dJ/dw5"))
        .isInstanceOf(StudentAnswer.Unreadable.class);
  }

  static StudentAnswer number(AnswerCell cell) {
    AnswerSheet sheet = new AnswerSheet("a.csv", SheetFormat.CSV, "s1", "v1", List.of(cell),
        List.of());
    return AnswerConversion.convert(sheet, MATCHER).answers().get(cell.stepId());
  }

  @Test
  void arithmeticTypedAsTextIsItsExactValueWithThePrecisionOfItsOperands() {
    StudentAnswer a = number(new AnswerCell("p", 4, "=0.5933*0.7514", null, false));
    assertThat(a).isInstanceOfSatisfying(StudentAnswer.Numeric.class, n -> {
      assertThat(n.value()).isEqualTo(0.44580562);
      assertThat(n.writtenPrecision().figures()).isEqualTo(4);
      assertThat(n.precision()).isEqualTo(n.writtenPrecision().halfUnit());
    });
    assertThat(number(new AnswerCell("p", 4, "=A1*2", null, false)))
        .isInstanceOfSatisfying(StudentAnswer.Unreadable.class,
            u -> assertThat(u.reason()).startsWith("at column 2: 'A1' is a cell reference"));
  }

  @Test
  void aNumberCellKeepsThePrecisionItsReaderFound() {
    WrittenPrecision shown = new WrittenPrecision(0.005, 2);
    StudentAnswer a = number(new AnswerCell("p", 4, "0.74", 0.7369159, false, shown, null));
    assertThat(a).isInstanceOfSatisfying(StudentAnswer.Numeric.class, n -> {
      assertThat(n.value()).isEqualTo(0.7369159);
      assertThat(n.writtenPrecision()).isEqualTo(shown);
    });
  }

  @Test
  void aFormulaThatCouldNotBeCalculatedIsUnreadableWithItsReason() {
    String reason = "the formula =INFO(1) could not be calculated (NotImplemented); type the"
        + " number instead";
    assertThat(number(new AnswerCell("p", 4, "=INFO(1)", null, true, null, reason)))
        .isEqualTo(new StudentAnswer.Unreadable("=INFO(1)", reason));
  }
}
