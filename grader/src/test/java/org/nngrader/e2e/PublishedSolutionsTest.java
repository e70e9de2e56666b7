package org.nngrader.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nngrader.bank.template.Template;
import org.nngrader.bank.template.Templates;
import org.nngrader.grader.engine.GradeResult;
import org.nngrader.grader.engine.GradingEngine;
import org.nngrader.grader.engine.StepResult;
import org.nngrader.grader.engine.StudentAnswer;
import org.nngrader.grader.engine.Verdict;
import org.nngrader.grader.read.AnswerCell;
import org.nngrader.grader.read.AnswerSheet;
import org.nngrader.grader.read.NumberForms;
import org.nngrader.grader.read.ParsedNumber;
import org.nngrader.grader.read.SheetReaders;
import org.nngrader.rubric.RubricLoader;

/** Published worked solutions (see published/README.txt) graded with the built-in rubric. */
class PublishedSolutionsTest {

  @Test
  void theClassicPublishedSolutionIsCorrectWhereverItGivesAnAnswer() throws Exception {
    Template t = Templates.builtin("sigmoid-2-2-2");
    byte[] bytes;
    try (InputStream in = getClass().getResourceAsStream("/published/mazur-2-2-2.csv")) {
      bytes = in.readAllBytes();
    }
    AnswerSheet sheet = SheetReaders.read("mazur-2-2-2.csv", bytes);
    Map<String, StudentAnswer> answers = new LinkedHashMap<>();
    for (AnswerCell c : sheet.cells()) {
      double v = ((ParsedNumber.Value) NumberForms.parse(c.written())).value();
      answers.put(c.stepId(), new StudentAnswer.Numeric(v, c.written(), 0,
          NumberForms.precisionOf(c.written())));
    }
    GradingEngine engine = new GradingEngine(t, RubricLoader.loadBuiltin("sigmoid-2-2-2"));
    GradeResult r = engine.grade(t.defaults(), answers);
    for (StepResult s : r.steps()) {
      if (answers.containsKey(s.step())) {
        assertThat(s.verdict()).as(s.step() + " = " + s.written()).isEqualTo(Verdict.CORRECT);
      } else {
        assertThat(s.verdict()).as(s.step()).isEqualTo(Verdict.MISSING);
      }
    }
    assertThat(r.firstWrongStep()).isEmpty();
  }
}
