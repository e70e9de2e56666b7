package org.nngrader.grader.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The grade-upload formats nngrader writes. */
public enum ExportFormat {
  GENERIC, CANVAS, MOODLE, BLACKBOARD;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a format name; the message lists the valid ones. */
  public static ExportFormat parse(String text) {
    for (ExportFormat f : values()) {
      if (f.id().equalsIgnoreCase(text.strip())) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown export format '" + text + "'; valid: "
        + Arrays.stream(values()).map(ExportFormat::id).collect(Collectors.joining(", ")));
  }
}
