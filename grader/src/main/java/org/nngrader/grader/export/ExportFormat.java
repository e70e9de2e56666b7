package org.nngrader.grader.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The grade-upload formats nngrader writes. */
public enum ExportFormat {
  GENERIC, CANVAS, MOODLE, MOODLE_WORKSHEET, BLACKBOARD, BRIGHTSPACE;

  /** The name on the command line: {@code moodle-worksheet}, {@code brightspace}, ... */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses a format name ({@code d2l} is Brightspace); the message lists the valid ones. */
  public static ExportFormat parse(String text) {
    String t = text.strip();
    if (t.equalsIgnoreCase("d2l")) {
      return BRIGHTSPACE;
    }
    for (ExportFormat f : values()) {
      if (f.id().equalsIgnoreCase(t)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown export format '" + text + "'; valid: "
        + Arrays.stream(values()).map(ExportFormat::id).collect(Collectors.joining(", ")));
  }
}
