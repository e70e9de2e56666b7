package org.nngrader.grader.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StepIdsTest {

  /** The canonical ids of every exercise family in DESIGN.md, in their default notations. */
  static final List<String> CANONICAL = List.of(
      "net_h1", "out_h1", "net_h2", "out_h2", "net_o1", "out_o1", "net_o2", "out_o2",
      "E_o1", "E_o2", "E_total",
      "dE_total/dout_o1", "dout_o1/dnet_o1", "dnet_o1/dw5", "dnet_o1/dout_h2",
      "dE_total/dnet_o1", "dE_o1/dout_h2", "dE_o2/dout_h2", "dE_total/dout_h2",
      "dE_total/dw5", "dE_total/dw1", "dE_total/db1",
      "w1+", "w5+", "w8+", "b1+", "E_total@1", "E_total@10000", "out_o1@10000",
      "z1", "h1", "z2", "y_hat", "L", "dL/dw3", "dL/dw1", "dL/dw2", "dL/dy_hat",
      "w1+", "w3+", "L@1", "L_decrease@1", "L_improvement_pct@1",
      "z1^[1]", "z2^[1]", "a1^[1]", "a1^[2]", "z1^[2]", "dL/dw11^[1]", "dL/dw12^[1]",
      "dL/dw11^[2]", "dL/db1^[1]", "dL/db1^[2]", "w11^[1]+", "w21^[1]+", "b1^[2]+",
      "b1^[1]+", "delta1^[2]", "delta1^[1]");

  @Test
  void normalizationKeepsDistinctCanonicalIdsDistinct() {
    Map<String, String> seen = new HashMap<>();
    for (String id : CANONICAL) {
      String key = StepIds.normalize(id);
      String other = seen.putIfAbsent(key, id);
      assertThat(other == null || other.equals(id))
          .as("'%s' and '%s' both normalize to '%s'", other, id, key).isTrue();
    }
    assertThat(new StepIdMatcher(CANONICAL).canonicalIds()).isEqualTo(CANONICAL);
  }

  @Test
  void normalizationLeavesLayerSuperscriptsAlone() {
    assertThat(StepIds.normalize("z1^[1]")).isEqualTo("z1^[1]");
    assertThat(StepIds.normalize("dL/dw11^[1]")).isEqualTo("dl/dw11^[1]");
    assertThat(StepIds.normalize("w11^[1]+")).isEqualTo("w11^[1]+");
  }

  @Test
  void everyCanonicalIdMatchesItself() {
    StepIdMatcher matcher = new StepIdMatcher(CANONICAL);
    for (String id : CANONICAL) {
      assertThat(matcher.match(id)).contains(id);
    }
  }

  @ParameterizedTest(name = "[{0}] is {1}")
  @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
    "NET_H1|net_h1",
    "  net_h1  |net_h1",
    "net h1|net_h1",
    "Net_H1:|net_h1",
    "e_total|E_total",
    "E total|E_total",
    "Etotal|E_total",
    "∂E_total/∂out_o1|dE_total/dout_o1",
    "∂E_total / ∂out_o1|dE_total/dout_o1",
    "d E_total / d out_o1|dE_total/dout_o1",
    "\\partial E_total/\\partial w_5|dE_total/dw5",
    "dE_total/dw_5|dE_total/dw5",
    "dEtotal/dw5|dE_total/dw5",
    "dE_{total}/dw_{5}|dE_total/dw5",
    "DE_O1/DOUT_H2|dE_o1/dout_h2",
    "w_5|NONE",
    "w5_new|w5+",
    "w5'|w5+",
    "w5’|w5+",
    "w5^+|w5+",
    "w5⁺|w5+",
    "w5 new|w5+",
    "new w5|w5+",
    "w5(new)|w5+",
    "w5_updated|w5+",
    "W_5 NEW|w5+",
    "b_1'|b1+",
    "ŷ|y_hat",
    "y^|y_hat",
    "\\hat{y}|y_hat",
    "y-hat|y_hat",
    "yhat|y_hat",
    "y hat|y_hat",
    "dL/dŷ|dL/dy_hat",
    "E_total @ 1|E_total@1",
    "e_TOTAL@10000|E_total@10000",
    "out_o1 @ 10000|out_o1@10000",
    "L decrease @ 1|L_decrease@1",
    "l_improvement_pct@1|L_improvement_pct@1",
    "z_1^{[1]}|z1^[1]",
    "z1[1]|z1^[1]",
    "Z1^[1]|z1^[1]",
    "A1^[2]|a1^[2]",
    "dL/dw_{11}^{[1]}|dL/dw11^[1]",
    "∂L/∂w11^[1]|dL/dw11^[1]",
    "w11^[1]_new|w11^[1]+",
    "w11^[1]'|w11^[1]+",
    "w_11^[1]^+|w11^[1]+",
    "b1^[2]'|b1^[2]+",
    "b_1^{[2]} new|b1^[2]+",
    "w₅'|w5+",
  })
  void matchesTheWaysPeopleWriteStepIds(String written, String canonical) {
    StepIdMatcher matcher = new StepIdMatcher(CANONICAL);
    if (canonical.equals("NONE")) {
      assertThat(matcher.match(written)).isEmpty();
    } else {
      assertThat(matcher.match(written)).contains(canonical);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "w9+", "E_total@2", "z1^[3]", "dE_total/dw9", "student_id",
      "w5-", "Forward pass"})
  void unknownIdsMatchNothing(String written) {
    assertThat(new StepIdMatcher(CANONICAL).match(written)).isEmpty();
  }

  @Test
  void nullMatchesNothing() {
    assertThat(new StepIdMatcher(CANONICAL).match(null)).isEmpty();
  }

  @Test
  void keysWithoutUnderscoresOnlyMatchWhenUnambiguous() {
    StepIdMatcher matcher = new StepIdMatcher(List.of("E_total", "Et_otal", "out_o1"));
    assertThat(matcher.match("Etotal")).isEmpty();
    assertThat(matcher.match("E_total")).contains("E_total");
    assertThat(matcher.match("outo1")).contains("out_o1");
  }

  @Test
  void refusesCanonicalIdsThatAreTheSameStep() {
    assertThatThrownBy(() -> new StepIdMatcher(List.of("w5+", "w_5'")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'w5+' and 'w_5''")
        .hasMessageContaining("rename one");
    assertThatThrownBy(() -> new StepIdMatcher(List.of("net_h1", " ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank");
  }

  @Test
  void aRepeatedCanonicalIdIsNotAClash() {
    assertThat(new StepIdMatcher(List.of("w1+", "w1+")).match("w1'")).contains("w1+");
  }

  @Test
  void aStepAskedByItsPerOutputNameIsFoundByItsTotalNameAndBack() {
    StepIdMatcher matcher = new StepIdMatcher(
        List.of("dE_o1/dnet_o1", "dE_total/dout_o1", "dE_o1/dout_h2", "E_total"),
        Map.of("dE_total/dnet_o1", "dE_o1/dnet_o1", "dE_o1/dout_o1", "dE_total/dout_o1"));
    assertThat(matcher.match("dE_o1/dnet_o1")).contains("dE_o1/dnet_o1");
    assertThat(matcher.match("∂E_total / ∂net_o1")).contains("dE_o1/dnet_o1");
    assertThat(matcher.match("dEtotal/dnet_o1")).contains("dE_o1/dnet_o1");
    assertThat(matcher.match("de_o1/dout_o1")).contains("dE_total/dout_o1");
    assertThat(matcher.match("dE_o2/dnet_o2")).isEmpty();
  }

  @Test
  void anAliasNeverTakesACanonicalIdsPlace() {
    // An alias spelled like another step's id is that step's; an alias of no step is a defect.
    StepIdMatcher matcher = new StepIdMatcher(List.of("E_total", "L"), Map.of("e_total", "L"));
    assertThat(matcher.match("E_total")).contains("E_total");
    assertThatThrownBy(() -> new StepIdMatcher(List.of("E_total"), Map.of("E_o1", "L")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'L'");
  }
}
