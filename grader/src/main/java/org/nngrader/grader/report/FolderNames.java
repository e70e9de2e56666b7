package org.nngrader.grader.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.nngrader.grader.batch.GradedSubmission;

/**
 * The folder of one submission inside a results folder: the student id when it is already a
 * safe, portable file name, else a cleaned-up form of it followed by a short hash of the
 * original, so that two different ids never share a folder. A failed submission whose owner is
 * unknown is named after its file the same way. Depends on nothing but the text, so the name
 * does not change with the order submissions arrive in.
 */
final class FolderNames {

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,63}");
  private static final Pattern UNSAFE_CHAR = Pattern.compile("[^A-Za-z0-9._-]");
  private static final Pattern WINDOWS_DEVICE =
      Pattern.compile("(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?", Pattern.CASE_INSENSITIVE);
  /** The class files next to the student folders. */
  private static final Set<String> RESERVED = Set.of("grades.csv", "steps.csv", "summary.html");

  private FolderNames() {}

  /** The folder name of a submission (relative to the results folder). */
  static String of(GradedSubmission s) {
    return s.studentId() != null && !s.studentId().isBlank()
        ? safe(s.studentId()) : safe(s.file() == null ? "" : s.file());
  }

  /** {@code text} itself when safe, else a safe prefix of it plus 8 hex digits of its hash. */
  static String safe(String text) {
    if (SAFE.matcher(text).matches() && !text.endsWith(".")
        && !WINDOWS_DEVICE.matcher(text).matches()
        && !RESERVED.contains(text.toLowerCase(Locale.ROOT))) {
      return text;
    }
    String cleaned = UNSAFE_CHAR.matcher(text).replaceAll("_").replaceFirst("^[._-]+", "");
    if (cleaned.length() > 48) {
      cleaned = cleaned.substring(0, 48);
    }
    return (cleaned.isEmpty() ? "submission" : cleaned) + "-" + hash(text);
  }

  private static String hash(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
