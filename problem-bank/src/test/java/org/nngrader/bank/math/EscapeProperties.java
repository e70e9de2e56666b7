package org.nngrader.bank.math;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link MathMl#escape} in one pass writes what the chain of replacements it stands for wrote. */
class EscapeProperties {

  static String replaced(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  @Property(tries = 3000)
  void escapingIsTheChainOfReplacements(@ForAll("texts") String s) {
    assertThat(MathMl.escape(s)).isEqualTo(replaced(s));
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("&<>\"'a; \u2212").ofMaxLength(30),
        Arbitraries.strings().all().ofMaxLength(30));
  }

  @Example
  void aTextWithNothingToEscapeIsReturnedItself() {
    String plain = "net_h1 = 0.5";
    assertThat(MathMl.escape(plain)).isSameAs(plain);
    assertThat(MathMl.escape("a&amp;<b>\"")).isEqualTo("a&amp;amp;&lt;b&gt;&quot;");
  }
}
