package org.nngrader.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nngrader.grader.engine.StepResult;
import org.nngrader.grader.engine.Verdict;
import org.nngrader.rubric.Reveal;

class DisclosureTest {

  static StepResult step(Verdict v, String feedback, double expected, double ft) {
    return new StepResult("out_h1", "output of h1", "0.61", 0.61, expected, v, 0, 1, feedback,
        null, List.of("net_h1"), ft, "1/(1 + e^(-net_h1))", null);
  }

  @Test
  void sentencesEndAtAPeriodFollowedBySpaceNotInsideNumbers() {
    assertThat(Disclosure.sentences("Take 0.5933 here. Then stop.  End"))
        .containsExactly("Take 0.5933 here. ", "Then stop.  ", "End");
  }

  @Test
  void aParenthesisHoldingTheSecretGoesAndTheSentenceStays() {
    String text = "It follows from your answer to net_h1 (expected 0.59326999). Good.";
    assertThat(Disclosure.without(text, Pattern.compile(Pattern.quote("0.59326999"))))
        .isEqualTo("It follows from your answer to net_h1. Good.");
  }

  @Test
  void aSentenceQuotingTheSecretOutsideParenthesesGoes() {
    String text = "Incorrect: check w1 * i1 + b1. From your own earlier answers this step "
        + "would be 0.61. Try again.";
    assertThat(Disclosure.without(text, Pattern.compile(Pattern.quote("w1 * i1 + b1"))))
        .isEqualTo("From your own earlier answers this step would be 0.61. Try again.");
  }

  @Test
  void hiddenValuesAreMatchedAsWholeNumbersOnly() {
    Disclosure d = new Disclosure(Reveal.NOTHING);
    StepResult r = step(Verdict.INCORRECT, "Your 0.5933 is off. The answer is 0.5.", 0.5, Double.NaN);
    assertThat(d.feedback(r)).isEqualTo("Your 0.5933 is off.");
  }

  @Test
  void feedbackThatWasAllSecretBecomesTheVerdict() {
    Disclosure d = new Disclosure(Reveal.NOTHING);
    StepResult r = step(Verdict.FOLLOW_THROUGH, "It would be 0.61715736.", 0.59326999, 0.61715736);
    assertThat(d.feedback(r)).isEqualTo("Follow-through.");
  }

  @Test
  void revealAllLeavesFeedbackAlone() {
    Disclosure d = new Disclosure(Reveal.ALL);
    StepResult r = step(Verdict.INCORRECT, "Incorrect: check 1/(1 + e^(-net_h1)). "
        + "From your own earlier answers this step would be 0.61715736.", 0.59326999, 0.61715736);
    assertThat(d.feedback(r)).isEqualTo(r.feedback());
    assertThat(d.formula(r)).isEqualTo("1/(1 + e^(-net_h1))");
    assertThat(d.expected(r)).isEqualTo(0.59326999);
    assertThat(d.followThroughValue(r)).isEqualTo(0.61715736);
  }

  @Test
  void correctStepsHaveNoDetails() {
    Disclosure d = new Disclosure(Reveal.ALL);
    StepResult r = step(Verdict.CORRECT, "Correct.", 0.61, Double.NaN);
    assertThat(d.formula(r)).isNull();
    assertThat(d.expected(r)).isNull();
  }
}
