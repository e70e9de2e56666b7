package org.nngrader.bank.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link MathProse#keptWithItsPunctuation} scans its text once for what a regex used to find
 * (superlinear on long sentences); the regex is kept here as the oracle.
 */
class KeptWithItsPunctuationProperties {

  private static final Pattern MATH_AND_NEIGHBOURS =
      Pattern.compile("([^\\s<>]*)(<math>.*?</math>)([^\\s<]*)");

  /** What the regex made of a text: each match with text on a side of it wrapped in a span. */
  static String byRegex(String html) {
    Matcher m = MATH_AND_NEIGHBOURS.matcher(html);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String match = m.group(1).isEmpty() && m.group(3).isEmpty() ? m.group()
          : "<span style=\"white-space:nowrap\">" + m.group() + "</span>";
      m.appendReplacement(out, Matcher.quoteReplacement(match));
    }
    m.appendTail(out);
    return out.toString();
  }

  @Property(tries = 3000)
  void theScanFindsWhatTheRegexFindsInTextsOfPieces(@ForAll("pieces") String html) {
    assertThat(MathProse.keptWithItsPunctuation(html)).isEqualTo(byRegex(html));
  }

  @Property(tries = 3000)
  void theScanFindsWhatTheRegexFindsInTextsOfCharacters(@ForAll("characters") String html) {
    assertThat(MathProse.keptWithItsPunctuation(html)).isEqualTo(byRegex(html));
  }

  /** Elements, punctuation, words and every kind of white space and line terminator. */
  @Provide
  Arbitrary<String> pieces() {
    return Arbitraries.of("<math>", "</math>", "<mi>x</mi>", "(", ").", "'s", " ", "\n", "a",
            "<", ">", "\t", "\r", "\u000B", "\f", "\u0085", "\u2028", "\u2029", "\u00a0",
            "<math", "math>", "</", "/math>", "<span>", "&#39;", "\uD835\uDC65")
        .list().ofMaxSize(40).map(parts -> String.join("", parts));
  }

  /** The characters of the tags on their own, so that tags come broken and interleaved. */
  @Provide
  Arbitrary<String> characters() {
    return Arbitraries.strings().withChars("<>/math x(.)\n\r\u2028").ofMaxLength(60);
  }

  @Example
  void examples() {
    String math = "<math><mi>x</mi></math>";
    String kept = "<span style=\"white-space:nowrap\">";
    assertThat(MathProse.keptWithItsPunctuation("see " + math + " here"))
        .isEqualTo("see " + math + " here");
    assertThat(MathProse.keptWithItsPunctuation("(" + math + ")."))
        .isEqualTo(kept + "(" + math + ").</span>");
    assertThat(MathProse.keptWithItsPunctuation(math + "&#39;s<b>"))
        .isEqualTo(kept + math + "&#39;s</span><b>");
    assertThat(MathProse.keptWithItsPunctuation("a>" + math + "b"))
        .isEqualTo("a>" + kept + math + "b</span>");
    assertThat(MathProse.keptWithItsPunctuation("(<math>x\n</math>)"))
        .isEqualTo("(<math>x\n</math>)");
    assertThat(MathProse.keptWithItsPunctuation("(<math>x</math>")).isEqualTo(
        kept + "(<math>x</math></span>");
  }
}
