package org.nngrader.grader.read;

import java.io.IOException;

/**
 * A submissions zip refused as a whole because an entry is unsafe: a name that climbs out of the
 * folder ({@code ../}), an absolute path or drive letter, or an entry or total size or compression
 * ratio beyond {@link ZipLimits} (a zip bomb). Nothing from the zip is graded. The message names the
 * zip, the entry and the limit, and says what to do.
 */
public final class ZipSafetyException extends IOException {

  private final String zipName;
  private final String entryName;
  private final String problem;

  ZipSafetyException(String zipName, String entryName, String problem) {
    super(zipName + ": " + (entryName == null ? "" : "entry '" + entryName + "' ") + problem
        + "; the whole zip was refused and nothing was extracted. An LMS download never looks"
        + " like this: download it again from the LMS, or, if you trust the files, extract them"
        + " yourself and pass the folder");
    this.zipName = zipName;
    this.entryName = entryName;
    this.problem = problem;
  }

  /** What is wrong, without the zip's name and the advice (for a refusal of one entry). */
  String problem() {
    return problem;
  }

  /**
   * Whether only one entry's size broke a limit, at a harmless ratio: a student's oversized file,
   * refused alone, not a bomb that refuses the zip.
   */
  boolean entryTooLarge() {
    return problem.endsWith(LimitedRead.ENTRY_LIMIT);
  }

  /** The zip's file name. */
  public String zipName() {
    return zipName;
  }

  /** The offending entry, or {@code null} when the zip as a whole broke a limit. */
  public String entryName() {
    return entryName;
  }
}
