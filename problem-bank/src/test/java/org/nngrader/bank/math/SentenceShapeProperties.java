package org.nngrader.bank.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * {@link MathProse#html} renders a sentence's shape (its plain numbers replaced by stand-ins)
 * once and fills each sentence of that shape in; the direct rendering is the oracle. Each try
 * writes one shape twice, with two sets of numbers of the same forms, so that the second is
 * filled from the first's rendering.
 */
class SentenceShapeProperties {

  private static final Set<String> NAMES = MathProseTest.CLASSIC;
  private static final Set<String> GENERIC = Set.of("target", "out", "net", "E", "w", "n", "eta");

  /** A piece of a sentence: fixed text, or a number of a form ("0" whole, "1" fraction, "2" both). */
  private record Piece(String text, int form) {}

  @Property(tries = 2000)
  void aSentenceFilledInIsTheSentenceRendered(@ForAll("sentences") List<Piece> pieces,
      @ForAll("digits") List<String> first, @ForAll("digits") List<String> second) {
    for (List<String> digits : List.of(first, second)) {
      String text = write(pieces, digits);
      assertThat(MathProse.html(text, NAMES, GENERIC))
          .as(text).isEqualTo(MathProse.render(text, NAMES, GENERIC));
      assertThat(MathProse.html(text, NAMES))
          .as(text).isEqualTo(MathProse.render(text, NAMES, Set.of()));
    }
  }

  private static String write(List<Piece> pieces, List<String> digits) {
    StringBuilder b = new StringBuilder();
    int k = 0;
    for (Piece p : pieces) {
      if (p.form() < 0) {
        b.append(p.text());
        continue;
      }
      String d = digits.get(k++ % digits.size());
      String other = digits.get(k % digits.size());
      b.append(switch (p.form()) {
        case 0 -> d;
        case 1 -> "." + d;
        default -> d + "." + other;
      });
    }
    return b.toString();
  }

  @Provide
  Arbitrary<List<Piece>> sentences() {
    Arbitrary<Piece> text = Arbitraries.of("h1", "w5", "net_h1", "out_o1", "E_total", "eta",
            "target", "out", "net", "E_o1", "w", "dE_total/dw5", "dout_o1/dnet_o1", "d", "e", "E",
            "x", "the", "is", "expected", "sigmoid", "exp", "(", ")", ",", ".", ". ", " ", "  ",
            "+", "-", " - ", " * ", "*", "/", "/d", "^", "=", " = ", "'", "'s", "@", "@10000",
            "...", "e-", "e+", "E-", "E+", "e3", "E-5", "%", ";", ":", "\u2212", "\u0663", "\u03b7", "w5+",
            "^[2]", "\n", "97", "531", "<", "&", "\"")
        .map(t -> new Piece(t, -1));
    Arbitrary<Piece> number = Arbitraries.integers().between(0, 2).map(f -> new Piece("", f));
    return Arbitraries.frequencyOf(
            Tuple.of(3, text), Tuple.of(1, number))
        .list().ofMaxSize(24);
  }

  @Provide
  Arbitrary<List<String>> digits() {
    return Arbitraries.oneOf(Arbitraries.strings().withChars("0123456789").ofMinLength(1)
            .ofMaxLength(9), Arbitraries.strings().withChars("0123456789").ofMaxLength(3)
            .map(d -> "0" + d))
        .list().ofMinSize(1).ofMaxSize(6);
  }

  @Example
  void sentencesOfOneShapeAreFilledWithTheirOwnNumbers() {
    String a = "Not the expected value, but it follows from your answer to net_h1 (expected"
        + " 0.77966238; you wrote out_h1 = 0.7198 = 1/(1 + e^(-0.9436))).";
    String b = a.replace("0.77966238", "0.5").replace("0.7198", "12").replace("0.9436", ".25");
    String c = a.replace("0.77966238", "3.75").replace("0.7198", "0.0001");
    for (String s : List.of(a, b, c)) {
      assertThat(MathProse.html(s, NAMES, GENERIC)).isEqualTo(MathProse.render(s, NAMES, GENERIC));
    }
    assertThat(MathProse.html(c, NAMES, GENERIC)).contains("<mn>0.0001</mn>", "3.75")
        .doesNotContain("97531");
  }

  @Example
  void aSentenceHoldingTheStandInsMarkIsRenderedItself() {
    String s = "h1 = 0.975318642 and w5 = 9753100086420";
    assertThat(MathProse.html(s, NAMES)).isEqualTo(MathProse.render(s, NAMES, Set.of()))
        .contains("9753100086420");
  }

  @Example
  void aNumberAgainstAnExponentIsLeftInTheShape() {
    // A formula reads ".5E-05" as one number and drops the exponent's leading zero.
    for (String s : List.of("No credit for .5E-05: it is late.", "written as .5E+03, which",
        "f'(x) = .25E-07", "w5 = .5e5", "w5 = 2e-05 + E-05", "h1 = 12em")) {
      assertThat(MathProse.html(s, NAMES, GENERIC)).as(s)
          .isEqualTo(MathProse.render(s, NAMES, GENERIC));
    }
  }

  @Example
  void aNumberInExponentFormIsLeftInTheShape() {
    String s = "w5 = 1.5e-3 * h1 + 2";
    assertThat(MathProse.html(s, NAMES)).isEqualTo(MathProse.render(s, NAMES, Set.of()))
        .contains("<msup><mn>10</mn>");
  }
}
