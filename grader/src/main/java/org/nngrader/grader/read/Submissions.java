package org.nngrader.grader.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Enumerates the submissions under a path: a single file, a folder (recursively, sorted by name,
 * hidden files skipped), or a zip, typically an LMS bulk download (Canvas, Moodle) or any plain
 * zip. Files are mapped to students through their LMS names without renaming anything. Zips are
 * never extracted to disk; they are checked against {@link ZipLimits} when opened and refused
 * whole ({@link ZipSafetyException}) when unsafe.
 *
 * <p>The stream is lazy and holds no file's bytes: call {@link Submission#content()} when
 * grading. Close the stream when done (try-with-resources); a zip stays open until then.
 */
public final class Submissions {

  private Submissions() {}

  /** {@link #open(Path, ZipLimits)} with {@link ZipLimits#DEFAULTS}. */
  public static Stream<SubmissionEntry> open(Path path) throws IOException {
    return open(path, ZipLimits.DEFAULTS);
  }

  /**
   * Opens the submissions under {@code path}.
   *
   * @return every submission and every refused entry, in name order (zip entries and folders)
   * @throws NoSuchFileException when {@code path} does not exist
   * @throws ZipSafetyException when {@code path} is a zip with an unsafe entry or beyond a limit
   * @throws IOException when a zip or folder cannot be read at all
   */
  public static Stream<SubmissionEntry> open(Path path, ZipLimits limits) throws IOException {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(limits, "limits");
    if (Files.isDirectory(path)) {
      return FolderSubmissions.open(path, limits);
    }
    if (!Files.exists(path)) {
      throw new NoSuchFileException(path.toString(), null,
          "does not exist; pass a submission file, a folder or an LMS zip");
    }
    if (startsLikeZip(path) && isBulkZip(path)) {
      return ZipSubmissions.open(path, limits);
    }
    return FolderSubmissions.single(path, limits);
  }

  /**
   * A zip that is not an Office document. A damaged file is a bulk zip only when named so; a
   * damaged workbook is one submission, for the sheet reader to explain.
   */
  private static boolean isBulkZip(Path path) throws IOException {
    try {
      return ZipSubmissions.isBulkZip(path);
    } catch (java.util.zip.ZipException e) {
      if (isZipName(path)) {
        throw e;
      }
      return false;
    }
  }

  private static boolean isZipName(Path path) {
    return String.valueOf(path.getFileName()).toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
  }

  private static boolean startsLikeZip(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return ZipBytes.looksLikeZip(in.readNBytes(4));
    }
  }
}
