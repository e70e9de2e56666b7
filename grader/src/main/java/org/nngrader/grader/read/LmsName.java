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
 * @param late whether Canvas marked the submission late ({@code _LATE_} or the older {@code _late_})
 * @param fileName the file name the student uploaded
 */
public record LmsName(LmsKind kind, String userId, String displayName, boolean late, String fileName) {

  private static final Pattern MOODLE_FOLDER =
      Pattern.compile("(.+)_(\\d+)_assignsubmission_[a-z]+_?");
  private static final Pattern MOODLE_FILE =
      Pattern.compile("(.+?)_(\\d+)_assignsubmission_[a-z]+_(.+)");
  private static final String LATE = "LATE";
  /** Canvas text-entry and URL submissions: {@code <name>_<uid>_text.html}, {@code _link.html}. */
  private static final java.util.Set<String> ONLINE_ENTRIES = java.util.Set.of("text.html", "link.html");
  /** Moodle team submissions of students in no group: {@code Default group_assignsubmission_file}. */
  private static final Pattern MOODLE_GROUP_FOLDER =
      Pattern.compile("(.+)_assignsubmission_[a-z]+_?");
  private static final String ANONYMOUS = "anon";

  public LmsName {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(fileName, "fileName");
  }

  /**
   * Parses an entry path as found in an archive or under a folder ({@code /} or {@code \}
   * separated). Moodle's folder form is recognised in any folder of the path, the file forms in
   * the last segment.
   */
  public static LmsName parse(String path) {
    // A zip re-made on macOS holds NFD names ("u" + combining diaeresis): compare in NFC.
    String nfc = java.text.Normalizer.normalize(path, java.text.Normalizer.Form.NFC);
    List<String> segments = new ArrayList<>();
    for (String s : nfc.replace('\\', '/').split("/")) {
      if (!s.isEmpty()) {
        segments.add(s);
      }
    }
    String last = segments.isEmpty() ? nfc : segments.get(segments.size() - 1);
    for (int i = 0; i < segments.size() - 1; i++) {
      Matcher folder = MOODLE_FOLDER.matcher(segments.get(i));
      if (folder.matches()) {
        return new LmsName(LmsKind.MOODLE, folder.group(2), folder.group(1).strip(), false, last);
      }
    }
    for (int i = 0; i < segments.size() - 1; i++) {
      Matcher group = MOODLE_GROUP_FOLDER.matcher(segments.get(i));
      if (group.matches()) {
        return new LmsName(LmsKind.MOODLE, null, group.group(1).strip(), false, last);
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
   * Canvas names, both generations of {@code lib/content_zipper.rb}: the name part is every token
   * before the first all-digit one (sortable names have no digits-only token), then an optional
   * late flag ({@code LATE} today; {@code late} from the older zipper, which lower-cased the whole
   * prefix), the user id, the attachment id and the original name, which may contain underscores.
   * Text and URL submissions ({@code _text.html}, {@code _link.html}) carry no attachment id.
   * Anonymous grading writes {@code anon_<id>} in place of name and user id; the older zipper left
   * the name out, so its anonymous files start with the user id ({@code [late_]<uid>_<attid>_...}).
   */
  private static LmsName canvas(String name) {
    String[] tokens = name.split("_", -1);
    int i;
    String userId;
    String displayName;
    boolean late = false;
    if (tokens.length >= 3 && tokens[0].equals(ANONYMOUS) && !tokens[1].isEmpty()) {
      userId = ANONYMOUS + "_" + tokens[1];
      displayName = null;
      i = 2;
    } else {
      int firstDigits = 0;
      while (firstDigits < tokens.length && !isDigits(tokens[firstDigits])) {
        firstDigits++;
      }
      if (firstDigits >= tokens.length) {
        return null;
      }
      int nameEnd = firstDigits;
      if (nameEnd > 0 && tokens[nameEnd - 1].equalsIgnoreCase(LATE)) {
        late = true;
        nameEnd--;
      }
      displayName = String.join("_", java.util.Arrays.asList(tokens).subList(0, nameEnd));
      if (displayName.isBlank()) {
        displayName = null;
      }
      userId = tokens[firstDigits];
      i = firstDigits + 1;
    }
    if (i < tokens.length && tokens[i].equalsIgnoreCase(LATE)) {
      late = true;
      i++;
    }
    if (i == tokens.length - 1 && ONLINE_ENTRIES.contains(tokens[i])) {
      return new LmsName(LmsKind.CANVAS, userId, displayName, late, tokens[i]);
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
