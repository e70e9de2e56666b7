package org.nngrader.grader.read;

import java.util.regex.Pattern;
import org.nngrader.bank.sheet.SpreadsheetText;

/**
 * The message of a library's exception as a user may read it: one sentence at most, without the
 * advice libraries give their own developers (which setting to raise, where to file a bug), which
 * only misleads a teacher grading a class.
 */
final class ForeignMessages {

  private static final int MAX_LENGTH = 200;
  private static final Pattern INTERNAL = Pattern.compile("(?i)bugzilla|\\bpoi\\b|apache|"
      + "zipsecurefile|ioutils|setbytearraymaxoverride|\\w+\\.java\\b|report (it|this|a bug)|"
      + "open (an issue|a bug)|stack ?trace");

  private ForeignMessages() {}

  /** The exception in a few words for the user, never with internal advice. */
  static String brief(Throwable e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      return e.getClass().getSimpleName();
    }
    m = SpreadsheetText.clean(m).replaceAll("\\s+", " ").strip();
    int end = m.indexOf(". ");
    if (end > 0) {
      m = m.substring(0, end);
    }
    if (INTERNAL.matcher(m).find()) {
      return "its structure is not what Excel writes (" + e.getClass().getSimpleName() + ")";
    }
    return m.length() <= MAX_LENGTH ? m : m.substring(0, MAX_LENGTH) + "…";
  }
}
