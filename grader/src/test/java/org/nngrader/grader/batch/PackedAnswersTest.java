package org.nngrader.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nngrader.grader.engine.StudentAnswer;
import org.nngrader.grader.read.WrittenPrecision;

class PackedAnswersTest {

  @Test
  void unpackingGivesEqualAnswersInTheSameOrder() {
    Map<String, StudentAnswer> answers = new LinkedHashMap<>();
    answers.put("out_h1", new StudentAnswer.Numeric(0.6967776531583727, "0.6967776532", 0,
        WrittenPrecision.EXACT));
    answers.put("net_h1", new StudentAnswer.Numeric(0.832, "0.832", 0.0005,
        new WrittenPrecision(0.0005, 3)));
    answers.put("E_total", new StudentAnswer.Missing());
    answers.put("dE_total/dw5", new StudentAnswer.Unreadable("about 0.02", "not a number"));
    answers.put("w5+", new StudentAnswer.Numeric(-12.5, " -12,5 \u2717", 0.05,
        new WrittenPrecision(0.05, 3)));
    answers.put("expr", new StudentAnswer.Text("x + \ud835\udc64"));
    answers.put("again", new StudentAnswer.Unreadable("", "blank formula"));
    answers.put("empty", new StudentAnswer.Numeric(0, "", 0, WrittenPrecision.EXACT));

    Map<String, StudentAnswer> back = PackedAnswers.pack(answers).unpack();

    assertThat(new ArrayList<>(back.keySet())).isEqualTo(new ArrayList<>(answers.keySet()));
    assertThat(back).isEqualTo(answers);
    assertThat(((StudentAnswer.Numeric) back.get("out_h1")).writtenPrecision())
        .isSameAs(WrittenPrecision.EXACT);
    assertThat(PackedAnswers.pack(Map.of()).isEmpty()).isTrue();
    assertThat(PackedAnswers.pack(answers).isEmpty()).isFalse();
  }
}
