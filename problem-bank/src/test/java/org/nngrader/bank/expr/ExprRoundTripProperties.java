package org.nngrader.bank.expr;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ExprRoundTripProperties {

  @Provide
  Arbitrary<Expr> trees() {
    return ExprArbitraries.anyExpr(5);
  }

  @Property(tries = 2000)
  void parsingThePrintedFormGivesTheSameTree(@ForAll("trees") Expr e) throws Exception {
    assertThat(ExprParser.parse(e.toString())).isEqualTo(e);
  }

  @Property(tries = 500)
  void thePrintedFormIsStableUnderReparsing(@ForAll("trees") Expr e) throws Exception {
    String printed = e.toString();

    assertThat(ExprParser.parse(printed).toString()).isEqualTo(printed);
  }

  @Property(tries = 500)
  void literalsOfAnyValueReadBackExactly(@ForAll double value) throws Exception {
    double magnitude = Math.abs(value);
    if (!Double.isFinite(magnitude)) {
      return;
    }
    Expr.Literal literal = Expr.Literal.of(magnitude);

    assertThat(ExprParser.parse(literal.toString())).isEqualTo(literal);
    assertThat(literal.value()).isEqualTo(magnitude == 0 ? 0.0 : magnitude);
  }
}
