package org.nngrader.bank.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nngrader.bank.expr.ExprParser;
import org.nngrader.bank.template.Template;
import org.nngrader.bank.template.Templates;

/** The quantities of a symbolic exercise's network, each with its definition, at the defaults. */
class NetworkTermsTest {

  @Test
  void abstractActivationsKeepTheirFunctionAndNumbersTheirValue() throws Exception {
    NetworkTerms terms = SymbolicSolver.terms(Templates.builtin("symbolic-3-2-1"), Map.of());
    assertThat(terms.definitions()).containsKeys("x1", "w1", "b1", "z_h1", "h1", "h2", "y_hat")
        .doesNotContainKeys("z_out", "dL/dy_hat", "L", "b3");
    assertThat(terms.definitions().get("z_h1")).hasToString("-4.2");
    assertThat(terms.definitions().get("h1")).hasToString("f(-4.2)");
    assertThat(terms.definitions().get("y_hat")).hasToString("g(z_out)");
    assertThat(terms.withoutValue()).containsKeys("b3", "L");
    assertThat(terms.names()).contains("b3", "L", "h1");
    assertThat(terms.substitute(ExprParser.parse("w7 * h1 + z_out")))
        .hasToString("0.7 * f(-4.2) + z_out");
    assertThat(terms.named(ExprParser.parse("w7 * h1 + z_out + dL/dy_hat")))
        .containsExactly("h1", "w7");
  }

  @Test
  void aLossThatIsNotAbstractIsItsFormulaInTheUnknownTarget() throws Exception {
    Template t = Templates.builtin("exp-output-2-2-1");
    NetworkTerms terms = SymbolicSolver.terms(t, Map.of());
    assertThat(terms.definitions().get("J")).hasToString("1 / 2 * (y - 1.08689381)^2");
    assertThat(terms.definitions().get("p")).hasToString("1.08689381");
    assertThat(terms.definitions()).doesNotContainKey("y");
    assertThat(terms.substitute(ExprParser.parse("-(x1)")).toString()).isEqualTo("-0.8");
    assertThatThrownBy(() -> SymbolicSolver.terms(Templates.builtin("relu-2-1-1"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("numeric");
  }
}
