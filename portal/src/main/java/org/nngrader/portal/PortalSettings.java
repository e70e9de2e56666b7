package org.nngrader.portal;

import java.time.Instant;

/**
 * How the instructor runs the assignment. Immutable; checked once, when {@code serve} starts.
 *
 * @param attemptLimit attempts a student may use (0: no limit)
 * @param deadline uploads after it are late (null: no deadline)
 * @param refuseLate refuse uploads after the deadline (else accept them, flagged late and scored
 *     by the rubric's late policy)
 * @param counts which attempt counts for the grade: the last graded one or the best
 * @param failedUsesAttempt whether a file that cannot be graded uses up an attempt
 * @param maxUploadBytes the largest sheet accepted
 * @param uploadsPerMinute uploads one student may make in a minute
 * @param secureCookies mark cookies Secure (when the base URL is https)
 */
public record PortalSettings(int attemptLimit, Instant deadline, boolean refuseLate,
    Counts counts, boolean failedUsesAttempt, int maxUploadBytes, int uploadsPerMinute,
    boolean secureCookies) {

  /** Which attempt counts for the grade. */
  public enum Counts { LAST, BEST }

  public PortalSettings {
    if (attemptLimit < 0) {
      throw new IllegalArgumentException("--attempts is " + attemptLimit + "; it must be 0 (no limit) or more");
    }
    if (maxUploadBytes < 1024) {
      throw new IllegalArgumentException("--max-upload-kb must be at least 1");
    }
    if (uploadsPerMinute < 1) {
      throw new IllegalArgumentException("--uploads-per-minute is " + uploadsPerMinute + "; it must be at least 1");
    }
    if (counts == null) {
      throw new IllegalArgumentException("--counts must be last or best");
    }
  }

  /** No limit, no deadline, the last attempt counts, 2 MB uploads, 6 a minute. */
  public static PortalSettings defaults() {
    return new PortalSettings(0, null, false, Counts.LAST, false, 2 * 1024 * 1024, 6, false);
  }
}
