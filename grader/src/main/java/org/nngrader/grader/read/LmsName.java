package org.nngrader.grader.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an LMS wrote into a submission's path, parsed without renaming anything.
 *
 * @param kind the LMS whose pattern the path follows
 * @param userId the Canvas user id ({@code anon_...} when anonymous) or Moodle participant id
 * @param displayName the Canvas sortable name or Moodle full name; {@code null} when anonymous
 * @param late whether Canvas marked the submission late
 * @param fileName the file name the student uploaded
 */
record LmsName(LmsKind kind, String userId, String displayName, boolean late, String fileName) {

  private static final Pattern MOODLE_FOLDER =
      Pattern.compile("(.+)_(\\d+)_assignsubmission_[a-z]+_?");
  private static final Pattern MOODLE_FILE =
      Pattern.compile("(.+?)_(\\d+)_assignsubmission_[a-z]+_(.+)");
  private static final String LATE = "LATE";
  private static final String ANONYMOUS = "anon";

  LmsName {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(fileName, "fileName");
  }

  /**
   * Parses an entry path as found in an archive or under a folder ({@code /} or {@code \}
   * separated). Moodle's folder form is recognised in any folder of the path, the file forms in
   * the last segment.
   */
  static LmsName parse(String path) {
    List<String> segments = new ArrayList<>();
    for (String s : path.replace('\\', '/').split("/")) {
      if (!s.isEmpty()) {
        segments.add(s);
      }
    }
    String last = segments.isEmpty() ? path : segments.get(segments.size() - 1);
    for (int i = 0; i < segments.size() - 1; i++) {
      Matcher folder = MOODLE_FOLDER.matcher(segments.get(i));
      if (folder.matches()) {
        return new LmsName(LmsKind.MOODLE, folder.group(2), folder.group(1).strip(), false, last);
      }
    }
    Matcher file = MOODLE_FILE.matcher(last);
    if (file.matches()) {
      return new LmsName(LmsKind.MOODLE, file.group(2), file.group(1).strip(), false,
          file.group(3));
    }
    LmsName canvas = canvas(last);
    return canvas != null ? canvas : new LmsName(LmsKind.PLAIN, null, null, false, last);
  }

  /**
   * Canvas names: the name part is every token before the first all-digit one (sortable names
   * have no digits-only token), then an optional {@code LATE}, the user id, the attachment id and
   * the original name, which may contain underscores.
   */
  private static LmsName canvas(String name) {
    String[] tokens = name.split("_", -1);
    int i = 0;
    String userId;
    String displayName;
    boolean late = false;
    if (tokens.length >= 4 && tokens[0].equals(ANONYMOUS) && !tokens[1].isEmpty()) {
      userId = ANONYMOUS + "_" + tokens[1];
      displayName = null;
      i = 2;
    } else {
      List<String> nameTokens = new ArrayList<>();
      while (i < tokens.length && !isDigits(tokens[i]) && !tokens[i].equals(LATE)) {
        nameTokens.add(tokens[i++]);
      }
      displayName = String.join("_", nameTokens);
      if (displayName.isBlank()) {
        return null;
      }
      if (i < tokens.length && tokens[i].equals(LATE)) {
        late = true;
        i++;
      }
      if (i >= tokens.length || !isDigits(tokens[i])) {
        return null;
      }
      userId = tokens[i++];
    }
    if (i < tokens.length && tokens[i].equals(LATE)) {
      late = true;
      i++;
    }
    if (i >= tokens.length || !isDigits(tokens[i])) {
      return null;
    }
    i++;
    String original = String.join("_", java.util.Arrays.asList(tokens).subList(i, tokens.length));
    if (original.isEmpty()) {
      return null;
    }
    return new LmsName(LmsKind.CANVAS, userId, displayName, late, original);
  }

  private static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
