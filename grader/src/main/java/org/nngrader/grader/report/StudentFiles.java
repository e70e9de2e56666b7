package org.nngrader.grader.report;

import java.util.Locale;

/** Which report files each student's folder of a results folder gets. */
public enum StudentFiles {
  /** {@code report.html} and {@code report.json}. */
  HTML_AND_JSON("html,json"),
  /** {@code report.json} only. */
  JSON("json"),
  /** No per-student files: only the class files (grades.csv, steps.csv, summary.html). */
  NONE("none");

  private final String option;

  StudentFiles(String option) {
    this.option = option;
  }

  /** The spelling on the command line ({@code --reports}). */
  public String option() {
    return option;
  }

  /**
   * The choice a {@code --reports} value names: {@code html,json} (in either order),
   * {@code json} or {@code none}.
   *
   * @throws IllegalArgumentException for anything else, naming the accepted values
   */
  public static StudentFiles parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace(" ", "");
    return switch (t) {
      case "html,json", "json,html" -> HTML_AND_JSON;
      case "json" -> JSON;
      case "none" -> NONE;
      default -> throw new IllegalArgumentException("--reports '" + text + "' is not a choice; "
          + "use html,json (the default), json or none");
    };
  }
}
