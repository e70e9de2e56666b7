package org.nngrader.bank.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CreditRuleTest {

  @Test
  void theSentenceStatesTheFiguresAndTheCredit() {
    assertThat(CreditRule.DEFAULT.sentence()).isEqualTo("A right value rounded to fewer than 3"
        + " significant figures earns no credit; rounded to 3 or more but outside the tolerance,"
        + " it earns full credit, with a note to write more figures.");
    assertThat(new CreditRule(1, 0.25).sentence()).startsWith(
        "A right value rounded to fewer than 1 significant figure earns no credit")
        .contains("it earns 25% of the points");
    assertThat(new CreditRule(2, 0).sentence()).contains("it earns no credit either");
  }

  @Test
  void outOfRangeRulesAreRefused() {
    assertThatThrownBy(() -> new CreditRule(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CreditRule(3, 1.5)).isInstanceOf(IllegalArgumentException.class);
  }
}
