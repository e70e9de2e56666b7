package org.nngrader.grader.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.nngrader.bank.model.Numbers;
import org.nngrader.grader.engine.StepResult;
import org.nngrader.grader.engine.Verdict;
import org.nngrader.rubric.Reveal;

/**
 * Applies a {@link Reveal} setting to one step: which details a report shows, and the engine's
 * feedback with every sentence or parenthesis that quotes a hidden value or formula taken out.
 * The engine words its feedback for a report that shows everything; this keeps a stricter
 * rubric from leaking answers through the words.
 */
final class Disclosure {

  private final Reveal reveal;

  Disclosure(Reveal reveal) {
    this.reveal = reveal;
  }

  /** Whether a step's details (formula, expected value) are shown at all: not for correct steps. */
  static boolean hasDetails(StepResult r) {
    return r.verdict() != Verdict.CORRECT;
  }

  String formula(StepResult r) {
    return hasDetails(r) && reveal.formulas() && r.formula() != null && !r.formula().isBlank()
        ? r.formula() : null;
  }

  Double expected(StepResult r) {
    return hasDetails(r) && reveal.expectedValues() && Double.isFinite(r.expected())
        ? r.expected() : null;
  }

  /** The reference expression of an expression step, when expected values are shown. */
  String expectedExpression(StepResult r) {
    return hasDetails(r) && reveal.expectedValues() ? r.expectedExpression() : null;
  }

  Double followThroughValue(StepResult r) {
    return hasDetails(r) && reveal.expectedValues() && Double.isFinite(r.followThroughValue())
        ? r.followThroughValue() : null;
  }

  /** The engine's feedback without what the setting hides; a plain verdict if nothing is left. */
  String feedback(StepResult r) {
    String text = r.feedback() == null ? "" : r.feedback();
    if (!reveal.expectedValues()) {
      for (double v : new double[] {r.expected(), r.followThroughValue()}) {
        if (Double.isFinite(v)) {
          text = without(text, numberPattern(Numbers.computed(v)));
        }
      }
    }
    if (!reveal.expectedValues() && r.expectedExpression() != null) {
      text = without(text, Pattern.compile(Pattern.quote(r.expectedExpression())));
    }
    if (!reveal.formulas() && r.formula() != null && !r.formula().isBlank()) {
      text = without(text, Pattern.compile(Pattern.quote(r.formula())));
    }
    text = text.strip();
    if (text.isEmpty()) {
      String label = r.verdict().label();
      return Character.toUpperCase(label.charAt(0)) + label.substring(1) + ".";
    }
    return text;
  }

  /** A number, not as part of a longer number ("0.5" must not match inside "0.5933"). */
  private static Pattern numberPattern(String number) {
    return Pattern.compile("(?<![0-9.])" + Pattern.quote(number) + "(?![0-9])");
  }

  /**
   * The text with each sentence that mentions {@code secret} reduced: a parenthesis holding it
   * is removed; if the secret is still there, the whole sentence goes.
   */
  static String without(String text, Pattern secret) {
    if (!secret.matcher(text).find()) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    for (String sentence : sentences(text)) {
      String s = sentence;
      if (secret.matcher(s).find()) {
        s = Pattern.compile("\\s*\\([^()]*" + secret.pattern() + "[^()]*\\)").matcher(s).replaceAll("");
        if (secret.matcher(s).find()) {
          continue;
        }
      }
      out.append(s);
    }
    return out.toString();
  }

  /**
   * Sentences with their trailing punctuation and space; a period only ends a sentence when
   * followed by white space or the end (so "0.5933" stays whole).
   */
  static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean end = (c == '.' || c == '!' || c == '?')
          && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)));
      if (end) {
        int j = i + 1;
        while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
          j++;
        }
        out.add(text.substring(start, j));
        start = j;
        i = j - 1;
      }
    }
    if (start < text.length()) {
      out.add(text.substring(start));
    }
    return out;
  }
}
