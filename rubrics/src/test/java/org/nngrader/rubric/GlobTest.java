package org.nngrader.rubric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "dE_total/dw*|dE_total/dw5|true",
        "dE_total/dw*|dE_total/dw|true",
        "dE_total/dw*|dE_total/db1|false",
        "dE_total/dw?|dE_total/dw5|true",
        "dE_total/dw?|dE_total/dw12|false",
        "w5+|w5+|true",
        "w5+|w55|false",
        "w*+|w11^[1]+|true",
        "w*+|w5|false",
        "E_total@1|E_total@1|true",
        "E_total@1|E_total@10000|false",
        "*@10000|out_o1@10000|true",
        "a1^[2]|a1^[2]|true",
        "a1^[2]|a12|false",
        "a1^[2]|a1^2|false",
        "a?^[?]|a1^[2]|true",
        "dL/dw11^[1]|dL/dw11^[1]|true",
        "dL/dw1?^[1]|dL/dw12^[1]|true",
        "dL/dw*^[2]|dL/dw11^[1]|false",
        "L_improvement_pct@*|L_improvement_pct@1|true",
        "*%*|L_improvement_%|true",
        "*|anything/at^[all]+|true",
        "**|x|true",
        "d*/d*|dout_h1/dnet_h1|true",
        "d*/d*|dE_total/dw1|true",
        "d*/d*|net_h1|false",
        "dE_total/dw*|de_total/dw5|false",
        ".*|dE_total/dw5|false",
        "dw[12]|dw1|false",
        "dw[12]|dw[12]|true",
        "b+|b+|true",
        "b+|bb|false",
        "w\\d+|w\\d+|true",
        "?|∂|true",
      })
  void matchesTreatsOnlyStarAndQuestionMarkAsWildcards(String pattern, String id, boolean matches) {
    assertThat(Glob.matches(pattern, id)).isEqualTo(matches);
  }

  @Test
  void emptyPatternMatchesOnlyTheEmptyId() {
    assertThat(Glob.matches("", "")).isTrue();
    assertThat(Glob.matches("", "a")).isFalse();
    assertThat(Glob.matches("*", "")).isTrue();
  }

  @Test
  void pathologicalPatternsFinishQuickly() {
    String id = "a".repeat(5_000);
    assertThat(Glob.matches("*a*a*a*a*a*a*a*b", id)).isFalse();
  }

  @Property
  void matchesAgreesWithARegexBuiltFromQuotedLiterals(
      @ForAll("patterns") String pattern, @ForAll("ids") String id) {
    assertThat(Glob.matches(pattern, id)).isEqualTo(regexOf(pattern).matcher(id).matches());
  }

  @Test
  void coversKnownPairs() {
    assertThat(Glob.covers("dL/*", "dL/dw*")).isTrue();
    assertThat(Glob.covers("*", "a1^[2]")).isTrue();
    assertThat(Glob.covers("w?+", "w1+")).isTrue();
    assertThat(Glob.covers("w*+", "w?+")).isTrue();
    assertThat(Glob.covers("dL/dw1", "dL/dw1")).isTrue();
    assertThat(Glob.covers("dL/dw*", "dL/*")).isFalse();
    assertThat(Glob.covers("w?+", "w*+")).isFalse();
    assertThat(Glob.covers("w1+", "w?+")).isFalse();
    assertThat(Glob.covers("d*/d*", "net_h1")).isFalse();
  }

  /** Whenever covers says yes, every id the specific pattern matches, the general one matches. */
  @Property
  void coversIsSound(
      @ForAll("patterns") String general, @ForAll("patterns") String specific, @ForAll long seed) {
    if (!Glob.covers(general, specific)) {
      return;
    }
    Random random = new Random(seed);
    for (int i = 0; i < 20; i++) {
      String id = instance(specific, random);
      assertThat(Glob.matches(specific, id)).isTrue();
      assertThat(Glob.matches(general, id)).as("%s covers %s, id %s", general, specific, id).isTrue();
    }
  }

  @Property
  void everyPatternCoversItself(@ForAll("patterns") String pattern) {
    assertThat(Glob.covers(pattern, pattern)).isTrue();
  }

  @Test
  void problemNamesEmptyAndWhiteSpacePatterns() {
    assertThat(Glob.problem("dE_total/dw*")).isNull();
    assertThat(Glob.problem("a1^[2]")).isNull();
    assertThat(Glob.problem("")).startsWith("is empty");
    assertThat(Glob.problem("dE_total / dw5")).startsWith("contains white space");
    assertThat(Glob.problem("w5+\t")).startsWith("contains white space");
    assertThat(Glob.problem("w5\u00a0+")).startsWith("contains white space");
  }

  private static final String LITERALS = "ab/^[]+@%_1";

  @Property
  void matchesAgreesWithTheRegexOnIdsWithCharactersOutsideTheBasicPlane(
      @ForAll("widePatterns") String pattern, @ForAll("wideIds") String id) {
    assertThat(Glob.matches(pattern, id)).isEqualTo(regexOf(pattern).matcher(id).matches());
  }

  @Provide
  Arbitrary<String> widePatterns() {
    return Arbitraries.of("a", "b", "\ud835\udc64", "\ud835\udc65", "*", "?").list().ofMaxSize(6)
        .map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> wideIds() {
    return Arbitraries.of("a", "b", "\ud835\udc64", "\ud835\udc65").list().ofMaxSize(8)
        .map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> patterns() {
    return Arbitraries.strings().withChars(LITERALS + "*?").ofMaxLength(7);
  }

  @Provide
  Arbitrary<String> ids() {
    return Arbitraries.strings().withChars(LITERALS).ofMaxLength(9);
  }

  private static Pattern regexOf(String glob) {
    StringBuilder regex = new StringBuilder();
    glob.codePoints()
        .forEach(
            c -> {
              if (c == '*') {
                regex.append(".*");
              } else if (c == '?') {
                regex.append('.');
              } else {
                regex.append(Pattern.quote(new String(Character.toChars(c))));
              }
            });
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  private static String instance(String pattern, Random random) {
    StringBuilder id = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      if (c == '*') {
        int n = random.nextInt(4);
        for (int k = 0; k < n; k++) {
          id.append(LITERALS.charAt(random.nextInt(LITERALS.length())));
        }
      } else if (c == '?') {
        id.append(LITERALS.charAt(random.nextInt(LITERALS.length())));
      } else {
        id.append(c);
      }
    }
    return id.toString();
  }
}
