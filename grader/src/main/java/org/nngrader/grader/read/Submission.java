package org.nngrader.grader.read;

import java.io.IOException;
import java.time.Instant;
import java.util.Objects;

/**
 * One submitted file: where it was found, what its LMS name says about the student, and its bytes,
 * read only when {@link #content()} is called so that a class of 20,000 is never held in memory.
 * The metadata is immutable; {@link #content()} may be called from any thread, any number of
 * times, while the stream that produced it is open.
 */
public final class Submission implements SubmissionEntry {

  /** Reads the bytes of a submission on demand. */
  interface Content {
    byte[] read() throws IOException;
  }

  private final String entryName;
  private final LmsName lms;
  private final Instant lastModified;
  private final Content content;

  Submission(String entryName, LmsName lms, Instant lastModified, Content content) {
    this.entryName = Objects.requireNonNull(entryName, "entryName");
    this.lms = Objects.requireNonNull(lms, "lms");
    this.lastModified = lastModified;
    this.content = Objects.requireNonNull(content, "content");
  }

  @Override
  public String entryName() {
    return entryName;
  }

  /** The file name the student uploaded, with the LMS prefix or folder taken off. */
  public String fileName() {
    return lms.fileName();
  }

  /** Which LMS naming pattern the entry follows. */
  public LmsKind lms() {
    return lms.kind();
  }

  /** The Canvas user id ({@code anon_...} when anonymous) or Moodle participant id; may be null. */
  public String lmsUserId() {
    return lms.userId();
  }

  /** The Canvas sortable name or Moodle full name; {@code null} when the name carries none. */
  public String displayName() {
    return lms.displayName();
  }

  /** Whether the LMS marked it late (Canvas {@code _LATE_}). */
  public boolean late() {
    return lms.late();
  }

  /**
   * The zip entry's time or the file's modification time, for picking the newest of several
   * submissions by one student; zip times without a zone are taken as UTC. May be null.
   */
  public Instant lastModified() {
    return lastModified;
  }

  /**
   * Reads the file's bytes, within {@link ZipLimits#maxEntryBytes()}.
   *
   * @throws ZipSafetyException when the entry now breaks a limit
   * @throws IOException when it cannot be read (also after the stream was closed)
   */
  public byte[] content() throws IOException {
    return content.read();
  }

  @Override
  public String toString() {
    return "Submission[" + entryName + ", " + lms + ", " + lastModified + "]";
  }
}
